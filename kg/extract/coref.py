"""Resolve pronouns and definite descriptions to the entities they refer to.

Two ways in: kg's own resolver (:func:`resolve_references`, run by the ``kg_coref`` spaCy
component), or any other coreference component that writes its clusters the way spaCy's
coreference components do, as ``doc.spans["coref_clusters_1"]``, ``..._2`` and so on
(:func:`apply_clusters` maps them onto kg's entities).


A small salience model, not a trained resolver: "he"/"his" go to the person who is the subject of
the nearest preceding clause (else the nearest person), "it"/"its" to the nearest organisation,
place or group, "the company" to the last organisation, "the country"/"the city" to the last place
of that kind, and a title ("the Chief Executive") to the person who was introduced with it.
Mentions that cannot be resolved are dropped rather than guessed.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .countries import country_code, is_city
from .entities import is_country
from .lexicon import lexicon
from .mentions import PLURAL_COUNTS, Mention
from .places import continent_of_country
from .records import Entity
from .tokens import span_root, span_text, tokens

#: How many sentences back an antecedent may be.
#: sentences back in which "the country" looks first for the country it means
RECENT = 2
WINDOW = 3
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def resolve_references(doc: Doc, entities: dict[str, Entity], resolved: list[Mention], refs: list[Mention]) -> list[Mention]:
    """Attach each reference in *refs* to an entity; return those that were resolved."""
    toks = tokens(doc)
    sent_of = {}
    for n, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = n
    anchors = sorted(resolved, key=lambda m: m.start)
    titles: dict[str, str] = {}  # casefolded title -> person key
    office_titles = lexicon().titles
    for m in anchors:
        if m.title and m.entity and entities[m.entity].type == "Person":
            titles.setdefault(m.title.casefold(), m.entity)
            # "Hong Kong Chief Executive" is also known as "Chief Executive"
            titles.setdefault(" ".join(m.title.split()[-2:]).casefold(), m.entity)
    gender = _known_genders(doc, anchors, entities)
    dateline = _dateline_place(doc, anchors, entities)
    out = []
    for ref in refs:
        if ref.source == "plural":
            members = _plural_antecedent(doc, ref, anchors, entities, sent_of)
            if members:
                ref.members, ref.entity = members, members[0]
                out.append(ref)
            continue
        if ref.source == "here":
            if dateline is not None and ref.start > 0:
                ref.entity = dateline
                out.append(ref)
            continue
        kinds = set(ref.type_votes)
        want = {"Person"} if "Person" in kinds else {"Organization", "Place", "Group"} if "Thing" in kinds else kinds
        here = sent_of.get(ref.start, 0)
        if ref.source == "description":
            words = span_text(doc, ref.start + 1, ref.end).casefold()
            # "the UK chancellor", "the Pakistani president": the office without the place it is of
            parts = words.split()
            office = next((w for w in (words, " ".join(parts[-2:]), " ".join(parts[-1:])) if w and w in titles), None)
            if office is not None:
                ref.entity = titles[office]
                out.append(ref)
                continue
            named = _named_by_head(doc, ref, anchors, entities)
            if named is not None:
                ref.entity = named
                out.append(ref)
                continue
            if want == {"Person"} and words in office_titles:
                # "the chancellor" after "Tony Blair" and "Gordon Brown", "the prime minister" after
                # "Tory co-chairman Liam Fox": an office no one was introduced with is left unresolved,
                # not guessed ("the German executive" may still be the CEO: "executive" is no office)
                continue
        pool = [
            m for m in anchors
            if m.entity and m.start < ref.start and here - sent_of.get(m.start, 0) <= WINDOW
            and entities[m.entity].type in want and not _overlaps(m, ref) and not _described_by(doc, m, ref)
        ]
        if ref.source == "description" and "Place" in want:
            noun = toks[ref.end - 1].lemma_.lower()
            if noun in ("country", "nation", "kingdom", "republic", "government"):
                # "the country", "the island nation": the country the article is about so far
                countries = [m for m in anchors if m.entity and m.start < ref.start and entities[m.entity].type == "Place"
                             and is_country(entities[m.entity]) and not _described_by(doc, m, ref)]
                # "the government" is a country's; "the country" may be an island or a region named before
                pool = countries if countries or noun == "government" else pool
                # "the Asian country", "the African nation": one of that continent
                continent = next((_CONTINENT_ADJECTIVES[t.lower_] for t in toks[ref.start:ref.end - 1]
                                  if t.lower_ in _CONTINENT_ADJECTIVES), None)
                if continent is not None:
                    pool = [m for m in pool if continent_of_country().get(
                        country_code(entities[m.entity].label) or "") in (continent, None)]
                # among the countries of the last few sentences, if any: the article moves on
                pool = [m for m in pool if here - sent_of.get(m.start, 0) <= RECENT] or pool
                counts = Counter(m.entity for m in pool)
                top = max(counts.values(), default=0)  # no candidate at all: "the country" stays unresolved
                pool = [m for m in pool if counts[m.entity] == top]
            elif noun in ("city", "capital", "town", "port"):
                pool = [m for m in pool if not is_country(entities[m.entity])] or pool
            elif noun in ("region", "province", "state", "continent"):
                # "a trip to the region": a city named before is no region (the region stays unresolved)
                pool = [m for m in pool if not is_city(entities[m.entity].label)]
        if ref.source in ("pronoun", "description"):
            bound = _clause_subject(toks[ref.end - 1], ref.source == "description")
            if bound is not None:  # "Smith told him", "Abdullah paid for him to fly": him is not Smith
                bounds = [bound.i, *(c.i for c in bound.conjuncts)] if ref.source == "description" else [bound.i]
                pool = [m for m in pool if not any(m.start <= b < m.end for b in bounds)]
        said = _PRONOUN_GENDER.get(toks[ref.start].lower_) if ref.source == "pronoun" else None
        if said:  # "she" is not someone already called "he", nor "Mr." Smith
            pool = [m for m in pool if gender.get(m.entity, said) == said]
        if not pool:
            continue
        target = _coordinated_owner(doc, ref, pool) or _most_salient(doc, pool, ref, sent_of)
        if target is not None:
            ref.entity = target.entity
            out.append(ref)
            if said:
                gender.setdefault(target.entity, said)
            if ref.source == "pronoun":  # "Its members ... It is based in": pronoun chains
                anchors = sorted([*anchors, ref], key=lambda m: m.start)
    return out


#: Adjectives of continents that say which country "the Asian country" can be (codes of ``continents``).
_CONTINENT_ADJECTIVES = {"asian": "AS", "african": "AF", "european": "EU"}

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m",
                 "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "lady": "f", "queen": "f",
                 "princess": "f", "duchess": "f"}


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})


def _clause_subject(pron: Token, description: bool = False) -> Token | None:
    """The subject of the clause a personal (not reflexive) object pronoun or a description is
    in, which it cannot refer to: "Smith told him", "Smith paid for him to fly", "Acme bought
    the firm"."""
    if (not description and pron.lower_ not in _OBJECT_PRONOUNS) or pron.dep_ == "poss":
        return None
    verb = None
    if pron.dep_ in ("dobj", "dative", "iobj"):
        verb = pron.head
    elif pron.dep_ == "pobj" and pron.head.dep_ in ("prep", "dative") and pron.head.head.pos_ in ("VERB", "AUX"):
        verb = pron.head.head
    elif pron.dep_ == "nsubj" and any(c.lower_ == "for" and c.dep_ == "mark" for c in pron.head.children):
        verb = pron.head.head if pron.head.head.i != pron.head.i else None  # "paid for him to fly"
    elif description and pron.dep_ == "pobj" and pron.head.lower_ == "of" and pron.head.head.dep_ in ("attr", "dobj"):
        verb = pron.head.head.head  # "Nissan and Renault are members of the alliance": the alliance is neither
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def _plural_antecedent(doc: Doc, ref: Mention, anchors: list[Mention], entities: dict[str, Entity],
                       sent_of: dict[int, int]) -> tuple[str, ...]:
    """What "they" or "the two sides" stands for: the latest names coordinated in the same or the
    two sentences before ("Funaro and Gros ... They have sought", "China and Sri Lanka ... The two
    sides"), of one type (the description's, if it names one), as many as it counts."""
    toks = tokens(doc)
    want = next(iter(ref.type_votes), "Thing")
    words = [t.lower_ for t in toks[ref.start:ref.end] if t.lower_ not in ("the", "these", "those", "all")]
    count = PLURAL_COUNTS.get(words[0]) if len(words) > 1 else None  # "the two sides", "both firms"
    countries = bool(words) and words[-1] in ("countries", "nations")
    here = sent_of.get(ref.start, 0)
    # the names of the window, before the reference
    window = [m for m in anchors if m.entity and m.start < ref.start and here - sent_of.get(m.start, 0) <= 2]
    by_root = {span_root(doc, m.start, m.end).i: m.entity for m in window}
    named = {i for m in window for i in range(m.start, m.end)}
    subject = span_root(doc, ref.start, ref.end).dep_ in ("nsubj", "nsubjpass")
    best: tuple[str, ...] = ()
    best_rank = (-1, -1, -1)
    for n, m in enumerate(window):
        root = span_root(doc, m.start, m.end)
        if root.dep_ == "conj":
            continue  # the list starts at its first item
        keys = [m.entity] + [by_root[c.i] for c in root.conjuncts if c.i in by_root]
        keys += _listed_after(doc, m, window[n + 1:], entities, named)
        keys = list(dict.fromkeys(keys))
        kinds = {entities[k].type for k in keys}
        if len(keys) < 2 or len(kinds) != 1 or (want != "Thing" and kinds != {want}) or "Group" in kinds:
            continue
        if count is not None and len(keys) != count:
            continue
        if countries and not all(is_country(entities[k]) for k in keys):
            continue  # "the two countries" after "Duqm, Oman": a city is no country
        # "They have sought support in the U.K., France ...": a subject stands for the last list of
        # actors that was a subject, before any later list of places
        actors = kinds <= {"Person", "Organization"}
        rank = (int(subject and root.dep_ in ("nsubj", "nsubjpass")), int(actors), m.start)
        if rank > best_rank:
            best, best_rank = tuple(keys), rank
    if best or count != 2:
        return best
    # "A met B in Jakarta. The two leaders signed ...": no list, but the nearest sentence that
    # names any of the wanted type names exactly two of one type
    for back in range(3):
        keys = list(dict.fromkeys(m.entity for m in window if sent_of.get(m.start, 0) == here - back and (
            entities[m.entity].type == want or (want == "Thing" and entities[m.entity].type in ("Person", "Organization", "Place")))
            and (not countries or is_country(entities[m.entity]))))
        if keys:
            return tuple(keys) if len(keys) == 2 and len({entities[k].type for k in keys}) == 1 else best
    return best


def _listed_after(doc: Doc, first: Mention, later: list[Mention], entities: dict[str, Entity], named: set[int]) -> list[str]:
    """Names of *first*'s type written after it (among the *later* mentions) as one list, whatever
    the parse made of it: "Dilson Funaro and central bank governor Francisco Gros" (only "and",
    commas and the words of a title between them, no verb, no other name: *named* tokens)."""
    kind = entities[first.entity].type
    out: list[str] = []
    end = first.end
    for m in later:
        if m.start < end:
            continue
        between = doc[end:m.start]
        if entities[m.entity].type != kind or len(between) > 6 or not any(t.lower_ in ("and", ",") for t in between) \
                or any(t.pos_ in ("VERB", "AUX") or t.i in named or t.text in (".", ";") for t in between):
            break
        out.append(m.entity)
        end = m.end
    return out


def _dateline_place(doc: Doc, anchors: list[Mention], entities: dict[str, Entity]) -> str | None:
    """The place of a wire story's dateline ("PARIS, March 11 - ..."): a place that begins a line
    near the top, followed by a comma and a date before a dash."""
    toks = tokens(doc)
    for m in anchors:
        if m.start > 80:
            break  # a dateline opens the story, after at most a headline
        line_start = m.start == 0 or "\n" in toks[m.start - 1].text or "\n" in toks[m.start - 1].whitespace_
        if not m.entity or not line_start or entities[m.entity].type != "Place":
            continue
        window = doc[m.end:m.end + 12]
        if not window or window[0].text != ",":
            continue
        dash = next((t.i for t in window if t.text in ("-", "—", "–", "--")), None)
        if dash is not None and any(t.ent_type_ == "DATE" for t in window if t.i < dash):
            return m.entity
    return None


def _known_genders(doc: Doc, anchors: list[Mention], entities: dict[str, Entity]) -> dict[str, str]:
    """Genders that titles give away ("Mrs. Doe", "King Fahd", "Princess Diana")."""
    toks = tokens(doc)
    out: dict[str, str] = {}
    for m in anchors:
        if not m.entity or entities[m.entity].type != "Person":
            continue
        words = [toks[m.start].lower_] + ([toks[m.start - 1].lower_] if m.start > 0 else [])
        if m.title:
            words.append(m.title.split()[0].casefold())
        for w in words:
            if w in _TITLE_GENDER:
                out.setdefault(m.entity, _TITLE_GENDER[w])
    return out


CLUSTER_PREFIX = "coref_clusters"


def clusters_of(doc: Doc) -> list[list[Span]]:
    """Coreference clusters another component left in ``doc.spans``."""
    return [list(group) for key, group in sorted(doc.spans.items()) if key.startswith(CLUSTER_PREFIX)]


def apply_clusters(doc: Doc, entities: dict[str, Entity], resolved: list[Mention],
                   clusters: list[list[Span]]) -> list[Mention]:
    """Attach the mentions of each external cluster to the one entity its named mentions have."""
    owner: dict[int, str] = {}
    for m in resolved:
        for i in range(m.start, m.end):
            owner[i] = m.entity
    out = []
    for cluster in clusters:
        keys = {owner[t.i] for span in cluster for t in span if t.i in owner}
        if len(keys) != 1:
            continue  # no named antecedent, or one that mixes entities: leave it alone
        key = keys.pop()
        for span in cluster:
            if any(t.i in owner for t in span):
                continue
            m = Mention(span.start, span.end, "reference", source="cluster")
            m.entity = key
            out.append(m)
    return out


def write_clusters(doc: Doc, mentions: list[Mention]) -> None:
    """Store kg's entities as coreference clusters in ``doc.spans`` (spaCy's convention)."""
    by_entity: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity:
            by_entity.setdefault(m.entity, []).append(m)
    n = 0
    for key in sorted(by_entity, key=lambda k: int(k[1:]) if k[1:].isdigit() else 0):
        group = by_entity[key]
        if len(group) > 1:
            n += 1
            doc.spans[f"{CLUSTER_PREFIX}_{n}"] = [doc[m.start:m.end] for m in sorted(group, key=lambda m: m.start)]


def _named_by_head(doc: Doc, ref: Mention, anchors: list[Mention], entities: dict[str, Entity]) -> str | None:
    """"the forum" → the last entity whose name ends in "Forum" ("United States-Iraq Business Forum")."""
    toks = tokens(doc)
    noun = toks[ref.end - 1].lower_
    for m in sorted(anchors, key=lambda m: -m.start):
        if m.start < ref.start and m.entity and m.kind == "name":
            words = entities[m.entity].label.split()
            if len(words) > 1 and words[-1].casefold() == noun:
                return m.entity
    return None


def _described_by(doc: Doc, m: Mention, ref: Mention) -> bool:
    """Whether *ref* is inside an apposition to *m* ("Samsung SDI, the group's battery arm")."""
    toks = tokens(doc)
    root = span_root(doc, m.start, m.end)
    tok = toks[ref.end - 1]
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" and tok.head == root:
            return True
        tok = tok.head
    return False


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _coordinated_owner(doc: Doc, ref: Mention, pool: list[Mention]) -> Mention | None:
    """"LG Corporation and its subsidiary", "Lee and his wife": a possessive pronoun on the second
    of two coordinated nouns is the first's."""
    pron = tokens(doc)[ref.start]
    if ref.source != "pronoun" or pron.dep_ != "poss":
        return None
    noun = pron.head  # up to the head of the pronoun's phrase: "its [subsidiary] Acme Logistics"
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.dep_ != "conj" or noun.head.i >= pron.i:
        return None
    first = noun.head
    return next((m for m in pool if m.start <= first.i < m.end), None)


def _most_salient(doc: Doc, pool: list[Mention], ref: Mention, sent_of: dict[int, int]) -> Mention | None:
    """Prefer a subject in the nearest sentence; else the nearest mention."""
    here = sent_of.get(ref.start, 0)

    def score(m: Mention) -> tuple:
        root = span_root(doc, m.start, m.end)
        distance = here - sent_of.get(m.start, 0)
        subject = root.dep_ in _SUBJECT_DEPS or (
            root.dep_ in ("poss", "compound") and root.head.dep_ in _SUBJECT_DEPS)
        # same sentence: the nearest is best; earlier sentences: their subject is best
        return (-distance, subject, m.start)

    return max(pool, key=score)
