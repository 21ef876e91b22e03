"""Mentions → entities: one entity per referent in a document, typed and labelled.

Names are clustered by their normalised form, by the parts of a fuller name ("Lee" of "John Lee
Ka-chiu", "Samsung" of "Samsung Electronics") and by acronyms ("IAE"). Each cluster is typed by
weighing its evidence: the NER labels of its mentions, the gazetteers, a title before a name, the
head noun of an apposition or of an "including" list ("six leading tech startups, including X" → X is
an Organization), "X-based" and name suffixes ("Co.", "Robotics", "province"). The label is the
fullest name; every other form is kept as an alias.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from spacy.tokens import Doc

from .entity_typing import Vote, cluster_votes, context_votes, dominant, explain, is_legal_form, totals
from .lexicon import lexicon
from .mentions import COMPANY_PARTS, Mention, find_mentions
from .places import country_names, fold, is_place
from .records import Entity
from .tokens import span_root, span_text, tokens

_INCOMPATIBLE = {frozenset({"Person", "Place"}), frozenset({"Person", "Organization"}), frozenset({"Organization", "Place"}),
                 frozenset({"Person", "Event"})}


def normalise(name: str) -> str:
    """Matching key of a name: case-folded, without a possessive "'s", punctuation or a leading "the"."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold().strip()
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"[^\w\s&]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def surface(doc: Doc, start: int, end: int) -> str:
    """The text of tokens [start, end) with single spaces for runs of whitespace."""
    text = span_text(doc, start, end)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"['’]s$", "", text)


def _dominant(votes: dict[str, float]) -> str | None:
    return max(votes, key=lambda k: (votes[k], k)) if votes else None


def _compatible_types(ta: str | None, tb: str | None) -> bool:
    return ta is None or tb is None or ta == tb or frozenset({ta, tb}) not in _INCOMPATIBLE


def _initials(words: list[str]) -> str:
    letters = []
    for w in words:
        if w.casefold() in ("of", "and", "&", "the", "for", "de", "on"):
            continue
        letters.extend(p[0] for p in re.split(r"[.\-]", w) if p)
    return "".join(letters).upper()


def _without_legal_form(words: list[str]) -> list[str]:
    """The name without its trailing legal form ("Inc", "Corp", "PLC"), which its initials leave out."""
    if len(words) > 2 and is_legal_form(words[-1]):
        return words[:-1]
    return words


class _Cluster:
    def __init__(self, mention: Mention, words: list[str]) -> None:
        self.mentions = [mention]
        self.words = words  # words of the fullest name
        self.folded = [w.casefold() for w in words]
        self.votes: dict[str, float] = defaultdict(float)
        # the head's dominant type, while names are clustered (their votes do not change then)
        self.head_type = _dominant(mention.type_votes)

    @property
    def head(self) -> Mention:
        return self.mentions[0]


def _split_hyphenated(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Hong Kong-Zhejiang" is two names when both parts are names elsewhere in the document."""
    toks = tokens(doc)
    known = {normalise(surface(doc, m.start, m.end)) for m in mentions}
    out = []
    for m in mentions:
        hyphens = [t.i for t in toks[m.start:m.end] if t.text in ("-", "–") and m.start < t.i < m.end - 1]
        if len(hyphens) == 1:
            h = hyphens[0]
            left, right = normalise(surface(doc, m.start, h)), normalise(surface(doc, h + 1, m.end))
            if left in known and right in known:
                a = Mention(m.start, h, "name", dict(m.type_votes), m.source, reasons=list(m.reasons))
                b = Mention(h + 1, m.end, "name", dict(m.type_votes), m.source, reasons=list(m.reasons))
                out += [a, b]
                continue
        out.append(m)
    return out


def _acronym_pairs(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    """Index of a mention "(IAE)" written right after a name → index of that name."""
    toks = tokens(doc)
    pairs = {}
    by_start = {m.start: i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        j = m.end
        if j + 1 < len(doc) and toks[j].text == "(" and (j + 1) in by_start:
            k = by_start[j + 1]
            inner = mentions[k]
            if inner.end - inner.start == 1 and toks[inner.start].text.isupper():
                pairs[k] = i
        if j + 2 < len(doc) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
            # an acronym the NER did not mark: make it a mention of the same entity
            acr = Mention(j + 1, j + 2, "name", dict(m.type_votes), "acronym", reasons=list(m.reasons))
            mentions.append(acr)
            pairs[len(mentions) - 1] = i
    return pairs


def cluster_names(doc: Doc, mentions: list[Mention]) -> list[_Cluster]:
    """Group name mentions that refer to the same entity.

    Mentions with the same normalised name are one group first, so that the NER's verdicts on
    all of them ("Boliden" as a place once, a person four times) decide together whether the
    group belongs to a fuller name ("Boliden AB").
    """
    acronyms = _acronym_pairs(doc, mentions)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if i not in acronyms:
            key = normalise(m.canonical or surface(doc, m.start, m.end))
            if key:
                groups[key].append(i)
    order = sorted(groups.values(), key=lambda idx: (-max(mentions[i].end - mentions[i].start for i in idx),
                                                      min(mentions[i].start for i in idx)))
    clusters: list[_Cluster] = []
    of: dict[int, _Cluster] = {}
    for idx in order:
        members = sorted((mentions[i] for i in idx), key=lambda m: m.start)
        probe = Mention(members[0].start, members[0].end, "name", _summed_votes(members), members[0].source,
                        reasons=[r for x in members for r in x.reasons])
        words = (members[0].canonical or surface(doc, probe.start, probe.end)).split()
        # "HD Hyundai's shipbuilding units include HD Hyundai Heavy Industries": a name written as
        # the owner of units or affiliates is the parent, not a short form of one of them
        target = None if any(_owns_parts(doc, x) for x in members) else _find_container(doc, probe, words, clusters)
        if target is None:
            target = _Cluster(members[0], words)
            target.mentions.extend(members[1:])
            clusters.append(target)
        else:
            target.mentions.extend(members)
        for i in idx:
            of[i] = target
    for i, j in acronyms.items():
        if j in of:
            of[j].mentions.append(mentions[i])
    return clusters


def _owns_parts(doc: Doc, m: Mention) -> bool:
    """Whether the name is written as the owner of units or affiliates ("X's units", "X affiliates")."""
    root = span_root(doc, m.start, m.end)
    return root.dep_ in ("poss", "compound") and root.head.lemma_.lower() in COMPANY_PARTS


def _summed_votes(members: list[Mention]) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    for m in members:
        for k, v in m.type_votes.items():
            votes[k] += v
    return dict(votes)


#: Place suffixes that name the same place as the bare name ("Zhejiang province", "Dawson City"),
#: unlike those of a feature named after it ("Yukon River", "Mannar Island", "Hangzhou Airport").
_ADMINISTRATIVE = frozenset({"city", "county", "district", "emirate", "municipality", "oblast", "prefecture",
                             "province", "region", "state", "territory", "town", "village"})


def _find_container(doc: Doc, m: Mention, words: list[str], clusters: list[_Cluster]) -> _Cluster | None:
    """The cluster whose fuller name contains this shorter one ("Lee", "Samsung", "IAE")."""
    lex = lexicon()
    folded = [w.casefold() for w in words]
    mtype = _dominant(m.type_votes)
    a_place = None  # whether the short name is a place, looked up when first needed
    candidates = []
    for c in clusters:
        full = c.folded
        # "Boliden" of "Boliden AB", "HMM" of "HMM Co.": only a legal or group suffix differs,
        # so the NER's type for the short form does not matter
        if mtype != "Place" and len(folded) < len(full) and full[:len(folded)] == folded and all(
            w in lex.organization_suffixes for w in full[len(folded):]
        ):
            candidates.append(c)
            continue
        ctype = c.head_type
        # "Costa" of "Prime Minister Ana Costa", which the NER alone calls a place: the person's
        # surname (or one of two: "Duque" of "Iván Duque Márquez"), unless the place gazetteer knows the word
        if ctype == "Person" and len(folded) == 1 and len(full) > 1 and folded[0] in full[1:] and m.reasons \
                and all(reason == "ner" for _, _, reason in m.reasons) and not is_place(words[0]):
            candidates.append(c)
            continue
        if not _compatible_types(mtype, ctype):
            continue
        person = "Person" in (ctype, mtype) and ctype in ("Person", None) and mtype in ("Person", None)
        if person and len(folded) == 1 and len(full) > 1 and folded[0] in [p for w in full for p in (w, *w.split("-"))]:
            candidates.append(c)
        elif person and 1 < len(folded) < len(full) and full[-len(folded):] == folded:
            candidates.append(c)  # "Chey Tae-won" of "KCCI Chief Chey Tae-won"
        elif not person and len(folded) < len(full) and full[:len(folded)] == folded and not (
                (a_place if a_place is not None else (a_place := is_place(" ".join(words))))
                and not all(w in _ADMINISTRATIVE for w in full[len(folded):])):
            # "Samsung" of "Samsung Electronics"; but "Sri Lanka" is not "Sri Lanka Freedom Party"
            candidates.append(c)
        elif len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and words[0] in (
                _initials(c.words), _initials(_without_legal_form(c.words))):
            candidates.append(c)  # "TWA" of "Trans World Airlines Inc"
    if not candidates:
        return None
    # the entity mentioned most recently before this mention, else the first one introduced
    before = [c for c in candidates if any(x.start < m.start for x in c.mentions)]
    pool = before or candidates
    return max(pool, key=lambda c: (max((x.start for x in c.mentions if x.start < m.start), default=-1),
                                    -min(x.start for x in c.mentions)))


def resolve(doc: Doc, references: bool = True) -> tuple[dict[str, Entity], list[Mention]]:
    """Find and resolve the entities of *doc*; returns them by key, and all resolved mentions.

    With *references* False, pronouns and descriptions are left to another coreference
    resolver (see :func:`kg.extract.coref.apply_clusters`).
    """
    from .coref import resolve_references  # noqa: PLC0415  (coref needs the entities first)

    mentions = find_mentions(doc)
    names = _split_hyphenated(doc, [m for m in mentions if m.kind == "name"])
    places = {i for m in names if _dominant(m.type_votes) == "Place" or is_place(span_text(doc, m.start, m.end))
              for i in range(m.start, m.end)}
    for m in names:
        context_votes(doc, m, places)
    clusters = cluster_names(doc, names)
    votes = [cluster_votes(c.mentions, _fullest_words(doc, c)) for c in clusters]
    _sibling_votes(doc, clusters, votes)
    entities: dict[str, Entity] = {}
    resolved: list[Mention] = []
    for c, v in sorted(zip(clusters, votes), key=lambda cv: min(x.start for x in cv[0].mentions)):
        weights = totals(v)
        kind = dominant(weights)
        if kind is None or weights[kind] < 0.5:
            continue
        key = f"e{len(entities) + 1}"
        entities[key] = _entity(doc, key, kind, c.mentions, explain(v))
        for m in c.mentions:
            m.entity = key
            resolved.append(m)
    # groups: one entity per head noun ("a high-level delegation" ... "the delegation"), and
    # one for a nickname and its description ("“six little dragons”—six leading tech startups")
    for group in _group_clusters(doc, [m for m in mentions if m.kind == "group"]):
        key = f"e{len(entities) + 1}"
        entities[key] = _entity(doc, key, "Group", group)
        for m in group:
            m.entity = key
            resolved.append(m)
    if references:
        refs = [m for m in mentions if m.kind == "reference"]
        resolved += resolve_references(doc, entities, resolved, refs)
    return entities, sorted(resolved, key=lambda m: m.start)


_OTHER = frozenset({"other", "another", "more", "further", "additional", "remaining", "rival"})


def _another_set(doc: Doc, a: Mention, b: Mention) -> bool:
    """"Top four chaebol leaders" ... "other major corporate leaders": a later group with the same
    head noun is a different set when it says so, or counts differently."""
    toks = tokens(doc)
    if any(t.lower_ in _OTHER for t in toks[b.start:b.end]):
        return True
    numbers = [{t.lower_ for t in toks[m.start:m.end] if t.like_num} for m in (a, b)]
    return bool(numbers[0] and numbers[1] and numbers[0] != numbers[1])


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "both"})
_REPEATS = frozenset({"same", "whole", "entire", "full", "said"})


def _refers_back(doc: Doc, a: Mention, b: Mention) -> bool:
    """Whether a later group *b* with *a*'s head noun is *a* again: said the same way, or definite
    with no words *a* did not have ("a high-level delegation" ... "the delegation"); not "some lesser
    known characters" after "characters"."""
    toks = tokens(doc)
    words_a = {t.lower_ for t in toks[a.start:a.end]}
    words_b = [t.lower_ for t in toks[b.start:b.end] if not t.is_punct]
    if words_b == [t.lower_ for t in toks[a.start:a.end] if not t.is_punct]:
        return True
    root = span_root(doc, b.start, b.end)
    definite = (b.start > 0 and toks[b.start - 1].lower_ in _DEFINITE) or any(
        c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in root.children)
    return definite and all(w in words_a or w in _REPEATS for w in words_b)


def _group_clusters(doc: Doc, groups: list[Mention]) -> list[list[Mention]]:
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    heads = [span_root(doc, m.start, m.end) for m in groups]
    for i, a in enumerate(groups):
        for j in range(i + 1, len(groups)):
            b = groups[j]
            between = doc[a.end:b.start]
            dashed = b.start > a.end and len(between) <= 3 and all(t.is_punct for t in between) and any(
                t.text in ("—", "–", "--", ":") for t in between)
            appos = heads[j].dep_ == "appos" and heads[j].head == heads[i]
            # "a delegation of approximately 65 members": the members are the delegation
            appos = appos or (heads[j].dep_ == "pobj" and heads[j].head.lower_ == "of" and heads[j].head.head == heads[i])
            same_head = heads[i].lemma_.lower() == heads[j].lemma_.lower() and not _another_set(doc, a, b) \
                and _refers_back(doc, a, b)
            if same_head or dashed or appos:
                parent[find(j)] = find(i)
    clusters: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(groups):
        clusters[find(i)].append(m)
    return sorted(clusters.values(), key=lambda ms: ms[0].start)


def _sibling_votes(doc: Doc, clusters: list[_Cluster], votes: list[list[Vote]]) -> None:
    """Names coordinated in one list are usually of one type ("GE and SNECMA")."""
    owner = {}
    for i, c in enumerate(clusters):
        for m in c.mentions:
            owner[span_root(doc, m.start, m.end).i] = i
    initial = [dominant(totals(v)) for v in votes]
    extra: list[dict[str, float]] = [defaultdict(float) for _ in clusters]
    for i, c in enumerate(clusters):
        for m in c.mentions:
            root = span_root(doc, m.start, m.end)
            for sib in root.conjuncts:
                j = owner.get(sib.i)
                if j is not None and j != i and initial[j]:
                    extra[i][initial[j]] += 1.0
    for v, e in zip(votes, extra):
        for k, w in sorted(e.items()):
            v.append((k, min(w, 2.0), "listed with names of that type"))


def _fullest_words(doc: Doc, c: _Cluster) -> list[str]:
    fullest = max(c.mentions, key=lambda m: (m.end - m.start, -m.start))
    return surface(doc, fullest.start, fullest.end).split()


def _entity(doc: Doc, key: str, kind: str, mentions: list[Mention], reasons: tuple[str, ...] = ()) -> Entity:
    toks = tokens(doc)
    forms = []
    for m in mentions:
        text = m.canonical or surface(doc, m.start, m.end)
        if kind == "Group":
            text = re.sub(r"^(the|a|an|this|that|these|those)\s+", "", text, flags=re.I)
        forms.append((m, text))

    def fullness(item: tuple[Mention, str]) -> tuple:
        m, text = item
        words = text.split()
        shouted = text.isupper() and len(text) > 4
        # a group is called by its collective noun ("the delegation") before a description of its size
        collective = kind == "Group" and span_root(doc, m.start, m.end).lemma_.lower() in lexicon().collective_nouns
        return (not shouted, m.kind == "name", collective,
                len(words) if kind != "Group" else -abs(len(words) - 3), -m.start)

    label = max(forms, key=fullness)[1]
    if kind == "Place":
        # "Zhejiang province" and "Zhejiang" in one article: the name is "Zhejiang"
        words = label.split()
        if len(words) > 1 and words[-1].casefold() in lexicon().place_suffixes:
            shorter = " ".join(words[:-1])
            if any(t.casefold() == shorter.casefold() for _, t in forms):
                label = next(t for _, t in forms if t.casefold() == shorter.casefold() and not t.isupper()) if any(
                    t.casefold() == shorter.casefold() and not t.isupper() for _, t in forms) else shorter
    aliases = {t for _, t in forms if t != label}
    if kind == "Place":  # "Beijing's Chaoyang district": the place is also called by its name and kind
        suffixes = lexicon().place_suffixes
        aliases |= {f"{t} {toks[m.end].text}" for m, t in forms
                    if m.end < len(doc) and toks[m.end].is_lower and toks[m.end].text in suffixes}
    aliases |= {m.long_form for m in mentions if m.long_form}
    aliases |= {re.sub(r"^(the|a|an)\s+", "", surface(doc, m.start, m.end), flags=re.I) for m in mentions if m.canonical}
    for m in mentions:
        if m.title and kind == "Person":
            aliases.add(f"{m.title} {label}")
    words = label.split()
    titled = next((i for i, w in enumerate(words) if w.casefold() not in lexicon().royal_titles | {"crown"}), 0)
    if kind == "Person" and titled and len(words) - titled > 1:
        aliases.add(" ".join(words[titled:]))  # "(Crown) Prince Mohammed bin Salman" is also "Mohammed bin Salman", not "Prince Charles" "Charles"
    return Entity(key=key, label=label, type=kind, aliases=aliases, type_reasons=reasons,
                  mentions=[(toks[m.start].idx, toks[m.end - 1].idx + len(toks[m.end - 1].text)) for m in mentions],
                  scope="document" if kind == "Group" else "global")


def is_country(entity: Entity) -> bool:
    return fold(entity.label) in country_names()
