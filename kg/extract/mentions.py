"""Find the mentions of entities in a parsed document.

Three kinds, in the order they are trusted:

* **names** — spans from the statistical NER and the gazetteer ruler, cleaned (determiners,
  possessive "'s", titles such as "Chief Executive" are cut off and remembered) and completed to
  the whole proper name the parse shows ("the Zhejiang University-Hangzhou Global Scientific" →
  "... Innovation Center"), plus runs of proper nouns the NER missed ("Game Science");
* **groups** — noun phrases that denote a delimited set ("a high-level delegation",
  "six leading tech startups", "leading media outlets, including A and B", "British officials");
* **references** — pronouns and definite descriptions ("he", "the company", "the Chief
  Executive"), plural ones ("they", "the two sides") and a wire story's "here", resolved to
  entities by :mod:`kg.extract.coref`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from .lexicon import RANK_WORDS, lexicon, title_words
from .places import country_names, demonyms, fold, is_place, place_names, state_abbreviations
from .tokens import doc_text, span_root, span_text, tokens

#: spaCy NER labels and what kg makes of them (labels not listed are not entities).
NER_TYPES = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
    "EVENT": "Event", "PRODUCT": None, "WORK_OF_ART": None, "LAW": None,
    # labels the gazetteer ruler writes
    "Person": "Person", "Organization": "Organization", "Place": "Place", "Group": "Group", "Event": "Event",
}
GAZETTEER_LABELS = frozenset({"Person", "Organization", "Place", "Group", "Event"})
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP", "LANGUAGE"})
_NAME_SEPARATORS = frozenset({"/", "(", ")", ";"})
_CONNECTORS = frozenset({"of", "and", "&", "de", "for", "-", "the", "on", "in"})


@dataclass
class Mention:
    """A span of tokens that refers to an entity."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # "name", "group" or "reference"
    type_votes: dict[str, float] = field(default_factory=dict)
    source: str = "ner"  # ner, gazetteer, propn, group, pronoun, description
    title: str | None = None  # "Chief Executive" cut from "Chief Executive John Lee"
    title_span: tuple[int, int] | None = None  # token indices of the title words themselves
    entity: str | None = None  # entity key once resolved
    prefix: "Mention | None" = None  # a name written before an in-span title ("KCCI" Chief X)
    canonical: str | None = None  # the name it stands for when the text differs ("Iraqi government" → Iraq)
    long_form: str | None = None  # a group's whole noun phrase ("areas affected by the shake-up")
    members: tuple[str, ...] = ()  # the entities a plural reference stands for ("they", "the two sides")
    reasons: list[tuple[str, float, str]] = field(default_factory=list)  # (type, weight, why), for explanations

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]

    def vote(self, kind: str | None, weight: float, reason: str = "") -> None:
        if kind:
            self.type_votes[kind] = self.type_votes.get(kind, 0.0) + weight
            self.reasons.append((kind, weight, reason or self.source))


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or (tok.text[:1].isdigit() and tok.pos_ == "PROPN")


#: Units written after a number, which the NER may take into the name after them.
_UNITS = frozenset({"MW", "GW", "kW", "KW", "MWh", "GWh", "TWh", "km", "sq", "mln", "bln", "bn", "MT", "mt"})


#: Words before a month that make it a date: "in May", "since March", "last June".
_BEFORE_DATES = frozenset({"in", "since", "until", "till", "by", "from", "last", "early", "late", "mid", "through",
                           "during", "before", "after", "next", "this"})


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut determiners, possessive markers, punctuation and line breaks off both ends."""
    toks = tokens(doc)
    for i in range(start, end):  # never cross a line break: headlines end without a full stop
        if "\n" in toks[i].text or (i < end - 1 and "\n" in toks[i].whitespace_):
            if i - start >= (end - i - 1):
                end = i if "\n" in toks[i].text else i + 1
            else:
                start = i + 1
            break
    while start < end and (toks[start].pos_ in ("DET", "PUNCT", "SPACE", "PRON", "CCONJ", "ADP", "PART")
                           or toks[start].is_space or toks[start].lower_ in ("the", "a", "an")):
        start += 1
    if end - start > 1 and toks[start].lower_ in lexicon().months and start and toks[start - 1].lower_ in _BEFORE_DATES \
            and toks[start + 1].text[:1].isupper():
        start += 1  # "in [May Rznomics] signed": the month of a date is no word of the name after it
    if end - start > 2 and toks[end - 1].tag_ in ("VBN", "VBD") and toks[end - 1].is_lower and toks[end - 2].text in ("-", "–"):
        end -= 2  # "[Lisbon]-headquartered": the NER took the participle of a place into the name
    while end > start and (toks[end - 1].pos_ in ("PUNCT", "SPACE", "PART", "CCONJ", "ADP", "DET")
                           or toks[end - 1].lower_ in ("'s", "’s", "'", "’")):
        if toks[end - 1].text in (".",) and end - start > 1 and toks[end - 2].text.lower() in ("co", "corp", "inc", "ltd"):
            break  # keep the full stop of "Co." inside a name
        end -= 1
    return start, end


def _syllable_after_hyphen(doc: Doc, i: int) -> bool:
    """A lower-case proper noun joined by a hyphen to the capitalised word before it: the second
    syllable of a romanised given name ("Kwok-wai", "Yuet-ngor"); not "Hangzhou-based", which
    the tagger takes for a verb or adjective."""
    toks = tokens(doc)
    tok = toks[i]
    return (i >= 2 and tok.pos_ == "PROPN" and tok.is_alpha and tok.is_lower and toks[i - 1].text == "-"
            and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_ and _is_capitalised(toks[i - 2]))


def _title_prefix(words: list[str]) -> int:
    """Number of leading words that form a title ("Chief Executive", "President", "Mr.")."""
    lex = lexicon()
    best = 0
    for n in range(1, min(len(words), 6) + 1):
        if " ".join(words[:n]).casefold() in lex.titles:
            best = n
    return best


def _complete_name(doc: Doc, start: int, end: int, label: str, owned: list[bool]) -> tuple[int, int]:
    """Extend a truncated organisation or facility name to the proper noun phrase it heads.

    Only over capitalised words that no other entity owns and that are not titles, so that
    "the Zhejiang University-Hangzhou Global Scientific" grows to "... Innovation Center" but
    "National Security" does not swallow "Adviser Ajit Doval".
    """
    toks = tokens(doc)
    if label not in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"):
        return start, end
    lex = lexicon()
    root = span_root(doc, start, end)
    head = root.head

    def free(t: Token) -> bool:
        return not owned[t.i] and t.lower_ not in lex.titles and "\n" not in t.text

    while (
        head.i >= end
        and root.dep_ in ("compound", "nmod", "amod", "conj", "cc")
        and head.pos_ == "PROPN"
        and _is_capitalised(head)
        and all((_is_capitalised(t) or t.lower_ in _CONNECTORS) and free(t) for t in toks[end:head.i + 1])
        and not any(t.dep_ in ("poss", "case") for t in toks[start:head.i])
    ):
        end = head.i + 1
        root, head = head, head.head
    # a coordinated last word: "Ministry of Oceans [and Fisheries]"
    last = toks[end - 1]
    for conj in last.children:
        if conj.dep_ == "conj" and conj.i >= end and _is_capitalised(conj) and conj.pos_ == "PROPN" and all(
            free(t) and (_is_capitalised(t) or t.lower_ in _CONNECTORS) for t in toks[end:conj.i + 1]
        ) and any(t.lower_ in ("and", "&") for t in toks[end:conj.i]) and span_root(doc, start, end).head.i != conj.i:
            if any(t.lower_ == "of" for t in toks[start:end]):  # only inside "X of A and B" names
                end = conj.i + 1
    # a unit after a number ("the 250 MW [Mannar Wind Power Project]") is no word of the name
    if end - start > 1 and start > 0 and toks[start - 1].like_num and toks[start].text in _UNITS:
        return start + 1, end
    # capitalised compounds on the left that the NER left out ("[Unitree] Robotics")
    while start > 0:
        prev = toks[start - 1]
        if prev.pos_ == "PROPN" and prev.dep_ == "compound" and start <= prev.head.i < end and _is_capitalised(prev) and free(prev):
            start -= 1
        else:
            break
    return start, end


def _institution_of_place(doc: Doc, start: int, owned: list[bool]) -> bool:
    """Whether the place name at *start* ends an institution's name written before it, "the Diocese
    of Mannar", "the Embassy of Japan" (not an office: "the Mayor of London" is a title)."""
    toks = tokens(doc)
    if start < 2 or toks[start - 1].lower_ != "of":
        return False
    word = toks[start - 2]
    return (word.pos_ in ("PROPN", "NOUN") and _is_capitalised(word) and not owned[word.i]
            and word.lower_ in lexicon().institutions_of_places and toks[start - 1].head.i == word.i
            and (word.i == 0 or not _is_capitalised(toks[word.i - 1]) or toks[word.i - 1].is_sent_start))


def _paired_name(doc: Doc, end: int, owned: list[bool]) -> int:
    """"Pratt [and Whitney]", "Procter [& Gamble]": a company named for two founders, when the
    second name is no entity of its own."""
    toks = tokens(doc)
    if end + 1 >= len(doc) or toks[end].lower_ not in ("and", "&"):
        return end
    first = toks[end - 1]
    if first.is_upper and len(first.text) > 1 and toks[end].lower_ == "and":
        return end  # "HSBC and Barclays": an acronym is a name of its own, not a founder's
    from .entity_typing import is_legal_form  # typing imports this module

    if end - 1 > 0 and is_legal_form(first.text):
        return end  # "Dorrit Instruments Inc and Harlow Inc": a legal form ends a company's name
    j = end + 1
    while j < len(doc) and toks[j].pos_ == "PROPN" and _is_capitalised(toks[j]) and not owned[j] \
            and toks[j].lower_ not in lexicon().titles:
        j += 1
    if j == end + 1 or j - end > 3 or (j < len(doc) and toks[j].text in ("-", "–")):
        return end  # "Jeonju Paper and [Sae]-A Trading": the second name goes on
    return j


def _titles_before(doc: Doc, start: int) -> tuple[str | None, int | None]:
    """A title written before a person's name ("Hong Kong Chief Executive [John Lee]")."""
    toks = tokens(doc)
    lex = lexicon()
    i = start
    words: list[Token] = []
    while i > 0 and len(words) < 8:
        tok = toks[i - 1]
        if tok.text == ")" and words:  # "Deputy Vice-Chancellor (Strategic Engagement) Professor"
            opening = next((j for j in range(i - 2, max(i - 8, -1), -1) if toks[j].text == "("), None)
            if opening is not None:
                i = opening
                continue
        joined = tok.text in ("-", "–") and not tok.whitespace_ and i >= 2 and not toks[i - 2].whitespace_
        if tok.is_space or (tok.text in (",", "(", ")", "—", "-", "–") and not joined) or "\n" in tok.whitespace_:
            break  # "Vice-Chancellor" keeps its hyphen; "Lee - the Chief" does not
        if not (_is_capitalised(tok) or tok.lower_ in ("of", "and", "for") or joined) and tok.lower_ not in lex.titles:
            break
        words.insert(0, tok)
        i -= 1
    # take the longest run of words at the end that is a title, then any titles stacked before it
    # ("Vice-Chancellor Professor [Grant Guilford]")
    found: int | None = None
    end = len(words)
    while end > 0:
        for n in range(end, 0, -1):
            tail = words[end - n:end]
            text = "".join(t.text + t.whitespace_ for t in tail).strip()  # over a skipped parenthesis
            if text.casefold() in lex.titles and tail[0].text not in ("-", "–"):
                found, end = end - n, end - n
                break
        else:
            break
    if found is None:
        return None, None
    first, last = words[found], words[-1]
    return span_text(doc, first.i, last.i + 1), first.i


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "upper", "lower", "greater", "northeast", "northwest", "southeast", "southwest"})
#: Religions, creeds and parties the NER rightly tags as a group of people (NORP) without a demonym.
_CREEDS = frozenset({"muslim", "christian", "catholic", "protestant", "jew", "jewish", "hindu", "buddhist", "sikh",
                     "sunni", "shia", "shiite", "orthodox", "republican", "democrat", "conservative", "liberal",
                     "socialist", "communist", "labour", "tory", "green", "arab", "kurd", "kurdish", "latino"})


def _place_mislabelled(ent: Span) -> bool:
    """"was in [Tunis]" tagged as a language or a nationality: a place the gazetteer knows by that
    name, that is no demonym ("Chinese", "Kurdish")."""
    text = ent.text
    return ent.label_ in ("LANGUAGE", "NORP") and text[:1].isupper() and fold(text) not in demonyms() \
        and is_place(text)


def _named_after_demonym(ent: Span) -> bool:
    """A name the NER tagged as a nationality: "Saudi Aramco", "Turkish Airlines" (a demonym and
    then a proper noun that is no demonym itself; "Sri Lankan" stays a nationality), and a singular
    proper noun that is no nationality at all, standing on its own ("Volkswagen and Rivian",
    "sectors of South Sumatra", not "Rivian cars")."""
    if ent.label_ != "NORP":
        return False
    names = demonyms()
    last, text = ent[-1], fold(ent.text)
    if text in names or text.rstrip("s") in names or not (last.pos_ == "PROPN" and last.text[:1].isupper()):
        return False
    if len(ent) >= 2 and fold(ent[0].text) in names:
        return fold(last.text) not in names
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return last.tag_ == "NNP" and not any(fold(t.text) in _CREEDS or fold(t.text).rstrip("s") in _CREEDS for t in ent) \
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def _office_place_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the place ends in a span "<Place> <Name>" that follows "<title> to" ("Ambassador to
    China John McKinnon"), if it does."""
    toks = tokens(doc)
    if start < 2 or toks[start - 1].lower_ != "to" or toks[start - 2].lower_ not in title_words():
        return None
    for k in range(end - 2, start, -1):  # the longest place that leaves a name of two words or more
        if is_place(span_text(doc, start, k)) and end - k >= 2 and all(_is_capitalised(t) for t in toks[k:end]):
            return k
    return None


#: The words that begin a state's official name ("Kingdom of Cambodia", "Sultanate of Oman").
_STATE_WORDS = frozenset({"kingdom", "republic", "sultanate", "emirate", "principality", "state", "commonwealth",
                          "federation", "duchy"})


def _proper_run_end(doc: Doc, i: int) -> int:
    """The token after the run of proper nouns that starts at *i*."""
    toks = tokens(doc)
    while i < len(doc) and toks[i].pos_ == "PROPN":
        i += 1
    return i


def _starts_title(doc: Doc, start: int, end: int, lex) -> bool:
    """Whether the span and the word after it make a title ("Group Chairman", "Country Head")."""
    if end >= len(doc) or end - start > 2:
        return False
    words = " ".join(t.lower_ for t in tokens(doc)[start:end + 1])
    return words in lex.titles


def _two_organisations(doc: Doc, start: int, conj: int, end: int) -> bool:
    """Whether the words on each side of *conj* ("and") in a span are each an organisation's full
    name ("Delhi University and University of Leeds"): two words or more on each side, each with an
    organisation's word; not "Ministry of Oceans and Fisheries", "Marks and Spencer"."""
    sides = (tokens(doc)[start:conj], tokens(doc)[conj + 1:end])
    return all(len(side) >= 2 and _is_capitalised(side[0]) and any(t.lower_ in _BODY_WORDS for t in side)
               for side in sides) and sides[0][-1].lower_ in _BODY_WORDS


def _after_plural_noun(doc: Doc, start: int) -> bool:
    """Whether the span at *start* follows a plural common noun that it names the members of
    ("shareholders Unicorn Asset Management and ...", "French firms Acme and Globex", "Western
    firms such as Dell and Hewlett-Packard", "chipmakers like A and B")."""
    toks = tokens(doc)
    i = start - 1
    if i >= 1 and toks[i].lower_ in ("like", "including"):
        i -= 1
    elif i >= 2 and toks[i].lower_ == "as" and toks[i - 1].lower_ == "such":
        i -= 2
    if i >= 1 and toks[i].text == "," and i < start - 1:
        i -= 1
    prev = toks[i] if i >= 0 else None
    return prev is not None and prev.tag_ == "NNS" and prev.pos_ == "NOUN"


#: Words that name a body on their own, as the head of its name (not a trade: "General Petroleum
#: and Mineral Organisation" is one name).
_BODY_WORDS = frozenset({"university", "college", "bank", "group", "corp", "corporation", "inc", "ltd", "plc",
                         "company", "institute", "ministry", "council", "agency", "association", "foundation",
                         "holdings", "authority", "commission", "academy", "school"})


def _trade_before_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the span's first word is a company's trade written with a capital (at the start of
    a sentence or a headline) before the name: "Outsourcer Mitie", "Carmaker Toyota"; not "Bank of
    America", nor "Carrier Corp" (a trade word that is the name, before a legal form)."""
    toks = tokens(doc)
    first = toks[start]
    if end - start < 2 or not first.is_title or not first.lower_.endswith(("er", "or", "maker")):
        return False
    if first.lower_ not in lexicon().organization_nouns and not first.lower_.endswith("maker"):
        return False
    rest = toks[start + 1:end]
    return _is_capitalised(rest[0]) and rest[0].lower_ != "of" and not all(
        t.lower_.rstrip(".") in LEGAL_ENDINGS or t.is_punct for t in rest)


def _organisation_names(doc: Doc) -> set[tuple[str, ...]]:
    """The organisations the NER names in *doc*, as lower-case words, with and without a legal form
    at the end ("Michigan General Corp", "Michigan General")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ == "ORG":
            words = tuple(t.lower_ for t in ent if not t.is_space)
            out.add(words)
            if len(words) > 2 and words[-1].rstrip(".") in LEGAL_ENDINGS:
                out.add(words[:-1])
    return out


def _as_known_organisation(doc: Doc, ent: Span, known: set[tuple[str, ...]], owned: list[bool]) -> Span:
    """"allow [Michigan] General to ...": a place span that, with the capitalised words after it,
    is an organisation the article names elsewhere is that organisation (one name, one reading)."""
    if ent.label_ not in ("GPE", "LOC", "NORP"):
        return ent
    toks = tokens(doc)
    for k in (3, 2, 1):
        end = ent.end + k
        if end <= len(doc) and all(t.pos_ == "PROPN" and _is_capitalised(t) and not owned[t.i] for t in toks[ent.end:end]) \
                and tuple(t.lower_ for t in toks[ent.start:end]) in known:
            for t in toks[ent.end:end]:
                owned[t.i] = True
            return Span(doc, ent.start, end, label="ORG")
    return ent


def _compass_adjective(doc: Doc, m: Mention) -> bool:
    """"Western creditors", "Eastern provinces": a compass adjective before the noun it qualifies is
    no name (but "the West", "Western Cape" and "Northern Province" are)."""
    toks = tokens(doc)
    if m.end - m.start != 1 or toks[m.start].lower_ not in ("western", "eastern", "northern", "southern"):
        return False
    nxt = toks[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and toks[m.start].head.i == nxt.i


_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})


def name_mentions(doc: Doc) -> list[Mention]:
    """Names from the NER, the gazetteer ruler and runs of proper nouns, cleaned and completed."""
    toks = tokens(doc)
    lex = lexicon()
    mentions: list[Mention] = []
    covered = [False] * len(doc)
    owned = [False] * len(doc)  # tokens inside any entity span, for name completion
    for ent in doc.ents:
        for t in ent:
            owned[t.i] = True
    known = _organisation_names(doc)
    for ent in doc.ents:
        ent = _as_known_organisation(doc, ent, known, owned)
        if ent.label_ == "DATE" and len(ent) > 1 and ent[0].lower_ in lex.months and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in lex.months for t in ent[1:]):
            ent = Span(doc, ent.start + 1, ent.end, label="NAME")  # "in [May Rznomics] signed": a month, then a name
        if ent.label_ in _NOT_NAMES and not _named_after_demonym(ent) and not _place_mislabelled(ent):
            for t in ent:
                covered[t.i] = True
            continue
        end = ent.end
        if toks[end - 1].lower_ in ("'s", "’s") and end < len(doc) and _possessive_name(doc, end - 1, end + 1):
            end += 1  # the NER stopped at the possessive of "St James's [Palace]"
        start, end = _strip(doc, ent.start, end)
        if ent.label_ in ("ORG", "PERSON") and _trade_before_name(doc, start, end):
            start += 1  # "Outsourcer Mitie said", "Miner Rio Tinto": the trade is no word of the name
        if ent.label_ in ("GPE", "LOC"):  # "south-west Germany", "mainland China": the name is the capitalised part
            while start < end - 1 and not _is_capitalised(toks[start]):
                start += 1
        if start >= end:
            continue
        if end - start == 1 and toks[start].lower_ in _STATE_WORDS and end + 1 < len(doc) and toks[end].lower_ == "of" \
                and fold(span_text(doc, end + 1, _proper_run_end(doc, end + 1))) in country_names():
            covered[start] = True
            continue  # "Phnom Penh, [Kingdom] of Cambodia": a word of a country's official name, not a name of its own
        if _starts_title(doc, start, end, lex):
            for t in toks[start:end]:
                covered[t.i] = True
            continue  # "Sultan Ahmed bin Sulayem, [Group] Chairman of DP World": the first word of a title
        institution = ent.label_ in ("GPE", "LOC") and _institution_of_place(doc, start, owned)
        if institution:
            start -= 2  # "the [Diocese of] Mannar": the NER found only the place
        source = "gazetteer" if ent.label_ in GAZETTEER_LABELS else "ner"
        # "High Commissioner to [Sri Lanka Santosh Jha]": an office's place and its holder's name in one span
        split = _office_place_end(doc, start, end) if source == "ner" else None
        if split is not None:
            office = toks[start - 2].text
            place = Mention(start, split, "name", source=source)
            place.vote("Place", 1.0, "the place of an office ('Ambassador to X')")
            mentions.append(place)
            for t in toks[start:split]:
                covered[t.i] = True
            start = split
        # "Tailim Packaging/Tailim Paper", "Office of ... International (Hanban", "Leicester,
        # Leicestershire": two names in one span
        separators = _NAME_SEPARATORS | ({","} if ent.label_ in ("GPE", "LOC", "FAC") else set())
        cut = next((t.i for t in toks[start + 1:end - 1] if t.text in separators
                    # "Sugathadasa Indoor Stadium in Colombo": a venue and its place
                    or (t.lower_ in ("in", "at") and is_place(span_text(doc, t.i + 1, end)))
                    # "Cinnamon Lakeside Hotel, Colombo" tagged as one organisation: a venue and its place
                    or (t.text == "," and toks[t.i - 1].lower_ in lex.facility_nouns and is_place(span_text(doc, t.i + 1, end)))
                    # "Ugenco Ltd of Uganda": a company's legal form ends its name
                    or (t.lower_ == "of" and toks[t.i - 1].lower_.rstrip(".") in LEGAL_ENDINGS
                        and is_place(span_text(doc, t.i + 1, end)))
                    # "Manipal University and University of Wollongong": two organisations' names
                    or (t.lower_ in ("and", "&") and ent.label_ == "ORG" and _two_organisations(doc, start, t.i, end))
                    # "Cork & Dublin": two known places (not "Trinidad and Tobago", one)
                    or (t.lower_ in ("and", "&") and is_place(span_text(doc, start, t.i)) and is_place(span_text(doc, t.i + 1, end))
                        and not is_place(span_text(doc, start, end)))
                    # "French firms Acme and Globex": after a plural noun, names joined by "and" are two
                    or (t.lower_ == "and" and ent.label_ not in ("GPE", "LOC", "FAC") and _after_plural_noun(doc, start)
                        and _is_capitalised(toks[t.i + 1]) and _is_capitalised(toks[t.i - 1]))
                    # "awarded by the Ministry of Defence [to] BAE Systems": a preposition of a verb
                    # outside the span joins two names
                    or (t.lower_ in ("to", "from", "by", "with") and t.dep_ in ("prep", "agent", "dative")
                        and not start <= t.head.i < end and t.head.pos_ == "VERB")
                    # "the House of Commons, European Parliament or ...": a list the NER ran together;
                    # not "University of California, Berkeley" (a campus's place); a legal form after
                    # the comma is joined back later ("Acme Holdings, Inc.")
                    or (t.text == "," and ent.label_ == "ORG" and t.i - start >= 1 and _is_capitalised(toks[t.i + 1])
                        and not is_place(span_text(doc, t.i + 1, end)))), None)
        if cut is not None:
            first = Mention(*_strip(doc, start, cut), "name", source=source)
            if first.start < first.end:
                first.vote(NER_TYPES.get(ent.label_), 1.0, "ner")
                mentions.append(first)
                for t in toks[first.start:first.end]:
                    covered[t.i] = True
            start, end = _strip(doc, cut + 1, end)
            if start >= end:
                continue
        # "Germany's Freudenberg Group": the possessor is a name of its own
        case = next((t.i for t in toks[start + 1:end - 1] if t.dep_ == "case" or t.lower_ in ("'s", "’s")), None)
        if case is not None and _possessive_name(doc, case, end):
            case = None  # "St James's Palace", "Lloyd's Register": the possessive is part of the name
        if case is not None:
            owner = Mention(*_strip(doc, start, case), "name", source=source)
            if owner.start < owner.end:
                mentions.append(owner)
            start = case + 1
        if source == "ner":
            start, end = _complete_name(doc, start, end, ent.label_, owned)
            if end + 1 < len(doc) and _syllable_after_hyphen(doc, end + 1):
                end += 2  # "Ng Kwok[-wai]": the NER stopped at the hyphen of a romanised given name
            if ent.label_ == "ORG" and not _after_plural_noun(doc, start):
                end = _paired_name(doc, end, owned)  # not in a list: "chipmakers including A and B"
        m = Mention(start, end, "name", source=source)
        if institution:
            m.vote("Organization", 2.0, f"a body of a place ('{toks[start].text} of')")
        else:
            m.vote(NER_TYPES.get(ent.label_), 10.0 if source == "gazetteer" else 1.0,
                   "in the user's gazetteer" if source == "gazetteer" else "ner")
        if split is not None and m.start == split:
            m.vote("Person", 2.0, f"holds the office ('{office} to ...') before it")
        if ent.label_ == "NORP" and fold(ent[0].text) in demonyms():  # "Saudi Aramco": mostly a company or body
            m.vote("Organization", 0.8, "a name after a nationality")
        elif ent.label_ == "NORP" and len(ent) > 1 and ent[0].lower_ in _COMPASS:  # "South Sumatra"
            m.vote("Place", 0.8, "a region's name ('South ...')")
        mentions.append(m)
        for t in toks[start:end]:
            covered[t.i] = True
    # multi-word places that the gazetteer knows and the NER cut up ("Mahd adh Dhahab")
    for start, end in _gazetteer_places(doc):
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if any(m.start < start < m.end or m.start < end < m.end for m in mentions):
            continue
        if inside and len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue  # the NER found it; typing asks the gazetteer (once) for every name
        for m in inside:
            mentions.remove(m)
        place = Mention(start, end, "name", source="places")
        place.vote("Place", 1.5, "in the place gazetteer")
        mentions.append(place)
        for t in toks[start:end]:
            covered[t.i] = True
    lowered = {t.lower_ for t in toks if t.text.islower()}
    # proper-noun runs that the NER did not label
    i = 0
    while i < len(doc):
        tok = toks[i]
        # an acronym the tagger took for a common noun at the start of a sentence ("ICBC signed")
        # (or a verb: "manufacturer [CRRC] Qingdao Sifang Co. signed"); one with capitals inside, whatever
        # its tag ("signed between [KeNHA] and Vinci", tagged a number)
        acronym = (tok.pos_ in ("NOUN", "VERB") and tok.is_alpha and tok.text.isupper() and 2 <= len(tok.text) <= 6) or (
            tok.pos_ in ("NOUN", "VERB", "NUM", "ADJ") and tok.is_alpha and 3 <= len(tok.text) <= 8
            and tok.text[0].isupper() and any(c.isupper() for c in tok.text[1:]) and any(c.islower() for c in tok.text)
            and not (tok.text.endswith("s") and tok.text[:-1].isupper()))  # "VLCCs", "MoUs", "SMEs": plurals of a kind
        if covered[i] or (tok.pos_ != "PROPN" and not acronym) or not _is_capitalised(tok):
            i += 1
            continue
        if acronym and i + 1 < len(doc) and covered[i + 1] and tok.whitespace_ == " " and tok.lower_ not in lex.measure_nouns:
            follower = next((m for m in mentions if m.start == i + 1 and m.source == "ner"
                             and ("Organization", 1.0, "ner") in m.reasons), None)
            if follower is not None:  # "CRRC Qingdao Sifang Co., Ltd.": the NER left out the first word
                follower.start = i
                covered[i] = True
                i += 1
                continue
        j = i + 1
        while j < len(doc) and not covered[j] and (
            (toks[j].pos_ == "PROPN" and (_is_capitalised(toks[j]) or _syllable_after_hyphen(doc, j)))
            or (toks[j].text == "-" and not toks[j - 1].whitespace_ and j + 1 < len(doc) and toks[j + 1].pos_ == "PROPN")
        ) and "\n" not in toks[j - 1].whitespace_:
            j += 1
        office = _portfolio_title(toks[i])
        if office is not None:
            k = i
            while k < j and (t := _portfolio_title(toks[k])) is not None and t.i == office.i:
                k += 1
            if k < j:  # "Minister of Planning and Development [Ahsan Iqbal]": the portfolio is the title's
                named = Mention(k, j, "name", source="propn")
                named.title, named.title_span = span_text(doc, office.i, k), (office.i, k)
                named.vote("Person", 2.0, f"has the title '{named.title}'")
                mentions.append(named)
                i = j
                continue
            if j == i + 1:  # a word of the portfolio alone ("Minister of [Planning] and ...")
                i = j
                continue
            # the parser hung the name in the portfolio's phrase ("Minister of Petroleum Tarek El-Molla"):
            # the run is kept as a name, as before
        words = [t.lower_ for t in toks[i:j]]
        if " ".join(words) in lex.titles:
            i = j
            continue  # "The Chief Executive": a title, resolved as a reference
        if j == i + 1 and tok.is_sent_start and words[0] in lowered:
            i = j
            continue  # "Sale of Texas-based Krestmark": a common word at the start of a sentence
        if not all(w in lex.months or w in lex.weekdays or w in lex.titles or w == "-" for w in words):
            start, end = _strip(doc, i, j)
            if start < end:
                mentions.append(Mention(start, end, "name", source="propn"))
        i = j
    mentions += _names_tagged_as_nouns(doc, mentions, covered, lowered)
    mentions = _join_possessive_names(doc, _join_company_arms(doc, _join_kind_of_name(doc, _join_last_syllable(doc, mentions))))
    mentions = _join_place_led_names(doc, _join_legal_forms(doc, _join_particles(doc, _join_body_led_names(doc, mentions))))
    for m in mentions:
        _government_name(doc, m)
        _cut_title(doc, m)
        _cut_trailing_title(doc, m)
        # a quotation mark is no letter of a name: "alias “Col” Karuna"
        while m.start < m.end and toks[m.start].text in _QUOTES:
            m.start += 1
        while m.start < m.end and toks[m.end - 1].text in _QUOTES:
            m.end -= 1
    offices = {m.end: m for m in mentions if m.start >= m.end and m.title}  # a title and its portfolio only
    mentions = [m for m in mentions if m.start < m.end and not _compass_adjective(doc, m)]
    for m in mentions:
        office = offices.get(m.start)
        if office is not None and m.title is None:  # "[Minister of International Relations] Tawanda Ncube"
            m.title, m.title_span = office.title, office.title_span
            m.vote("Person", 2.0, f"has the title '{m.title}'")
    mentions += [m.prefix for m in mentions if m.prefix is not None]
    # "US Secretary of [State] Antony Blinken": a word of a person's title is no name of its own
    in_titles = {i for m in mentions if m.title_span is not None for i in range(*m.title_span)}
    mentions = [m for m in mentions if not (m.title_span is None and m.start in in_titles and m.end - 1 in in_titles
                                            and not is_place(span_text(doc, m.start, m.end)))]
    headline_only = _headline_only(doc, mentions)
    mentions = [m for m in mentions if not _agreement_words(doc, m) and not _law_name(doc, m)]
    mentions = [m for m in mentions if not _inside_title(doc, m) and not _common_word(doc, m, lowered)
                and not _office(doc, m) and not _only_title_words(doc, m) and id(m) not in headline_only
                and not (m.source != "gazetteer" and span_text(doc, m.start, m.end).lower() in lex.common_acronyms)
                and not _nationality_word(doc, m) and not _nationality_as_person(doc, m)]
    return [m for m in mentions if m.start < m.end and _plausible(doc[m.start:m.end])]


def _names_tagged_as_nouns(doc: Doc, mentions: list[Mention], covered: list[bool], lowered: set[str]) -> list[Mention]:
    """Capitalised words the tagger took for common nouns that are words of a name found elsewhere in
    the article: "Starmer touched down ..." after "Keir Starmer" (mostly at the start of a sentence)."""
    # a person's names, or a whole one-word name ("Emirates")
    toks = tokens(doc)
    words = {t.text for m in mentions for t in toks[m.start:m.end]
             if t.text[:1].isupper() and len(t.text) > 2 and (m.end - m.start == 1 or m.type_votes.get("Person"))}
    titles = lexicon().titles
    return [Mention(t.i, t.i + 1, "name", source="propn") for t in toks
            if not covered[t.i] and t.pos_ == "NOUN" and t.dep_ not in ("compound", "amod")
            and (t.text in words or _plural_described_as_one(t))
            and t.lower_ not in lowered and t.lower_ not in titles
            and (t.i + 1 == len(toks) or toks[t.i + 1].pos_ != "PROPN")]


def _plural_described_as_one(tok: Token) -> bool:
    """"Barclays, the UK's third-biggest bank, ...": a capitalised plural described in apposition as
    one thing (a singular noun with its article or owner) is a name, not the plural it looks like."""
    return tok.tag_ in ("NNS", "NNPS") and tok.text[:1].isupper() and any(
        c.dep_ == "appos" and c.tag_ == "NN" and any(d.dep_ in ("det", "poss") for d in c.children) for c in tok.children)


def _named_place_of(tok: Token) -> bool:
    """"the port of Leixoes", "the town of Wells": a capitalised word that a place noun names with
    "of" is a place, even when it looks like a plural."""
    lex = lexicon()
    head = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and head.pos_ == "NOUN" and (
        head.lemma_.lower() in lex.place_nouns or head.lemma_.lower() in lex.facility_nouns)


def _join_names(mentions: list[Mention], gap: int, joins: Callable[[Mention, Mention], bool],
                on_join: Callable[[Mention], None] | None = None) -> list[Mention]:
    """Names merged into the name before them: each name that starts *gap* tokens after another
    name ends and that *joins* accepts becomes part of it (then *on_join* sees the longer one)."""
    by_start = {m.start: m for m in mentions if m.kind == "name"}
    out: list[Mention] = []
    gone: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        if id(m) in gone:
            continue
        while m.kind == "name" and (nxt := by_start.get(m.end + gap)) is not None and id(nxt) not in gone \
                and joins(m, nxt):
            gone.add(id(nxt))
            m.end = nxt.end
            if on_join is not None:
                on_join(m)
        out.append(m)
    return out


def _retyped(m: Mention) -> None:
    """Forget the votes a joined name's first part brought: the whole is typed anew."""
    m.reasons.clear()
    m.type_votes.clear()


def _join_place_led_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the [Sri Lanka] [Mahajana Pakshaya]": after "the", a place's name and a name the NER calls
    a person right after it are one name, a body named for its place ("the <place> <person>" is no
    English for a person)."""
    toks = tokens(doc)
    def joins(m: Mention, nxt: Mention) -> bool:
        return (m.start > 0 and toks[m.start - 1].lower_ == "the" and "Place" in m.type_votes
                and set(nxt.type_votes) == {"Person"} and nxt.title is None and nxt.source == "ner"
                and toks[m.end - 1].whitespace_ == " " and toks[m.end - 1].sent == toks[nxt.start].sent)

    def retype(m: Mention) -> None:
        # its votes were for the place alone (the NER's, the gazetteer's): the whole is typed by
        # its own words and context, with a lean to a body
        _retyped(m)
        m.vote("Organization", 1.0, "a name that begins with a place's ('the Sri Lanka ... ')")
    return _join_names(mentions, 0, joins, retype)


def _portfolio_title(tok: Token) -> Token | None:
    """The title (a word such as "Minister") whose "of"/"for" phrase *tok* is in, within three
    steps up the parse: "Planning" and "Development" of "Minister of Planning and Development"."""
    titles = lexicon().titles
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ in ("of", "for") and head.lower_ in titles and head.i < tok.i:
            return head
        cur = head
    return None


def _join_last_syllable(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"[Phạm Minh] Chính", "[Lee Jae] [Yong]": the NER stopped a person's name before the word its
    words hang on in the parse, and left that word out ("[Simon Fraser] University" too) or gave it
    another type; the two are one name, unless the type it gave is a known place's. "Samia Suluhu
    [Hassan]": the NER began it late, at the word the others hang on."""
    toks = tokens(doc)
    lex = lexicon()
    # words that describe a name rather than begin it: "Professor", "Outsourcer [Mitie]"
    describing = lex.titles | lex.royal_titles | lex.person_nouns | lex.organization_nouns | lex.place_nouns

    def joins(m: Mention, nxt: Mention) -> bool:
        last = toks[m.end - 1]
        if not (last.whitespace_ == " " and last.dep_ == "compound" and nxt.start <= last.head.i < nxt.end
                and toks[nxt.start].pos_ == "PROPN"):
            return False
        if m.source == "propn" and not m.type_votes and ("Person", 1.0, "ner") in nxt.reasons:
            # "counterpart Samia Suluhu [Hassan]": the NER began the name late; not "Professor [A B]",
            # nor the end of a capitalised run of title words ("International Market Manager [A B]")
            return nxt.end - nxt.start == 1 and not (m.start > 0 and _is_capitalised(toks[m.start - 1])) \
                and not any(t.lower_ in describing for t in toks[m.start:m.end])
        return ("Person", 1.0, "ner") in m.reasons and nxt.source in ("ner", "propn") and "Person" not in nxt.type_votes \
            and not (nxt.source == "ner" and is_place(span_text(doc, nxt.start, nxt.end)))

    def person(m: Mention) -> None:
        if not m.type_votes:  # the NER's word for the name's head, given to the whole
            m.source = "ner"
            m.vote("Person", 1.0, "ner")
    return _join_names(mentions, 0, joins, person)


def _join_body_led_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"[Universiti] [Malaysia Perlis]", "[Universitas] [Gadjah Mada]": a body's word that leads its
    name in Malay, Indonesian or a Romance language, and the name the NER cut from it, are one name."""
    toks = tokens(doc)

    def joins(m: Mention, nxt: Mention) -> bool:
        return m.end - m.start == 1 and toks[m.start].lower_ in _BODY_FIRST_WORDS and toks[m.start].whitespace_ == " " \
            and nxt.title is None and toks[m.start].sent == toks[nxt.start].sent

    def retype(m: Mention) -> None:
        _retyped(m)
        m.vote("Organization", 2.0, f"begins with '{toks[m.start].text}'")
    return _join_names(mentions, 0, joins, retype)


#: Words for a body that begin its name ("Universiti Putra Malaysia", "Banco Santander").
_BODY_FIRST_WORDS = frozenset({"universiti", "universitas", "universidad", "universidade", "université", "università",
                               "universität", "universitat", "institut", "instituto", "istituto", "politeknik",
                               "banco", "banca", "banque", "kolej", "sekolah"})


def _join_legal_forms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Super Octanos, C.A.", "Acme Holdings, Inc.", "Merrill Lynch and Co Inc": a company's legal form
    after a comma (or its "and Company") belongs to its name, though the NER may tag it as a name of
    its own (a place, for "C.A.")."""
    toks = tokens(doc)
    from .entity_typing import is_legal_form, legal_forms  # typing imports this module
    forms = legal_forms()

    def joins(m: Mention, nxt: Mention) -> bool:
        form = span_text(doc, nxt.start, nxt.end).lower()
        if toks[m.end].lower_ in ("and", "&") and toks[nxt.start].lower_ in ("co", "co.", "company") and (
                nxt.end == nxt.start + 1 or toks[nxt.end - 1].lower_.rstrip(".") in forms):
            return m.source != "places"  # "Merrill Lynch [and] Co Inc": the firm's "and Company"
        return m.source != "places" and toks[m.end].text == "," and (
            form in forms or form.replace(".", "") in LEGAL_ENDINGS) and not (
            nxt.end - nxt.start == 1 and toks[nxt.start].is_upper and "." not in form and len(form) > 2) and not is_place(
            span_text(doc, m.start, m.end))  # not "Lake Charles, La., APS said": a state, then an acronym
    mentions = _join_names(mentions, 1, joins, lambda m: m.vote("Organization", 2.0, "has a company's legal form"))
    # "Consolidated Edison Co of New York Inc": a place between "of" and a legal form is a word of the name
    by_start = {m.start: m for m in mentions}
    gone: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        place = by_start.get(m.end + 1)
        if id(m) in gone or place is None or m.end >= len(doc) or toks[m.end].lower_ != "of" or place.end >= len(doc):
            continue
        if is_legal_form(toks[place.end].text) and is_legal_form(toks[m.end - 1].text):
            gone.add(id(place))
            tail = by_start.get(place.end)
            if tail is not None and tail.end == place.end + 1:
                gone.add(id(tail))
            m.end = place.end + 1
    return [m for m in mentions if id(m) not in gone]


#: Lower-case particles inside Romance, Dutch and German names ("Monte dei Paschi di Siena",
#: "Banco do Brasil", "Caisse des Dépôts"), across which the small model's NER cuts the name.
_NAME_PARTICLES = frozenset({"de", "del", "dei", "della", "delle", "degli", "di", "da", "do", "dos", "das",
                             "des", "du", "van", "von", "der", "den"})


def _join_particles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One name for two names joined by a lower-case particle ("Monte" dei "Paschi"), typed by
    the first (the particle's phrase is its complement: "Paschi di Siena" is no place)."""
    toks = tokens(doc)
    def particle(i: int) -> bool:
        return toks[i].lower_ in _NAME_PARTICLES and toks[i].is_lower

    mentions = _join_names(mentions, 1, lambda m, nxt: particle(m.end) and toks[m.end - 1].sent == toks[nxt.start].sent)
    # the particle inside the first name: "[Ms von der] [Leyen]" (the NER's person, then a place)
    return _join_names(mentions, 0, lambda m, nxt: m.end - m.start > 1 and particle(m.end - 1)
                       and toks[m.end - 1].whitespace_ == " " and toks[m.end - 1].sent == toks[nxt.start].sent)


def _join_kind_of_name(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"[Port] of [Trincomalee]", "[Museum] of [Islamic Art]": a capitalised word for a kind of
    facility, "of", and the name after it are one name (the NER took the name alone)."""
    toks = tokens(doc)
    lex = lexicon()

    def joins(m: Mention, nxt: Mention) -> bool:
        word = toks[m.start]
        # (a facility's kind: "the City of Colombo" is Colombo, a name the article also writes alone)
        return m.end - m.start == 1 and word.is_title and word.lower_ in lex.facility_nouns \
            and toks[m.end].lower_ == "of" and toks[m.end].sent == toks[nxt.start].sent and nxt.title is None

    def retype(m: Mention) -> None:
        _retyped(m)
        m.vote("Place", 1.5, f"'{toks[m.start].text} of' a name")
    return _join_names(mentions, 1, joins, retype)


def _join_company_arms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"[MTN] [Uganda]", "[Vodafone] [Egypt]": a proper noun the NER left out, written as a modifier
    of a country's name right after it, names a company's arm in that country, not the country."""
    toks = tokens(doc)
    def joins(m: Mention, nxt: Mention) -> bool:
        head = toks[m.end - 1]
        return m.source == "propn" and nxt.end - nxt.start <= 3 and fold(span_text(doc, nxt.start, nxt.end)) in country_names() \
            and head.dep_ == "compound" and nxt.start <= head.head.i < nxt.end and not is_place(span_text(doc, m.start, m.end)) \
            and toks[m.start].lower_ not in _COMPASS

    def retype(m: Mention) -> None:
        _retyped(m)
        m.vote("Organization", 1.5, f"a company's arm named for its country ('{span_text(doc, m.start, m.end)}')")
    return _join_names(mentions, 0, joins, retype)


def _join_possessive_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"[Simon]'s [Town]", "[St Thomas]'s [Hospital]": a name, its possessive and a lone generic
    word of a place's or a body's name that the NER cut apart are one name, typed by that word."""
    toks = tokens(doc)
    def joins(m: Mention, nxt: Mention) -> bool:
        return toks[m.end].lower_ in ("'s", "’s") and nxt.end - nxt.start == 1 and _possessive_name(doc, m.end, nxt.end) \
            and toks[m.end - 1].sent == toks[nxt.start].sent
    return _join_names(mentions, 1, joins, _retyped)


def _nationality_as_person(doc: Doc, m: Mention) -> bool:
    """"Sri Lankan buyers": the NER at times calls a nationality a person; it names no one."""
    text = span_text(doc, m.start, m.end)
    return (m.source == "ner" and set(m.type_votes) == {"Person"} and fold(text) in demonyms()
            and not is_place(text))


#: Legal forms that end a company's name, so that "of <place>" after them is where it is from.
#: Legal forms that end a company's name, the short ones the typing leaves out as ambiguous included.
LEGAL_ENDINGS = frozenset({"ltd", "inc", "corp", "co", "plc", "ag", "sa", "nv", "bv", "gmbh", "llc", "spa", "bhd",
                            "pte", "limited", "corporation", "incorporated", "ca", "sas", "srl", "sarl", "kk",
                            "oyj", "ab", "asa", "sab", "sae", "tbk"})


def _nationality_word(doc: Doc, m: Mention) -> bool:
    """"Ugandan" in "Ugandan President Yoweri Museveni": a nationality adjective before another
    word of a name or title, which the NER sometimes tags as an organisation, names nothing."""
    toks = tokens(doc)
    return (m.source != "gazetteer" and m.end - m.start == 1 and m.end < len(doc)
            and toks[m.end].pos_ in ("PROPN", "NOUN") and fold(toks[m.start].text) in demonyms())


def _possessive_name(doc: Doc, case: int, end: int) -> bool:
    """Whether "X's Y" is one name: Y is a single generic word that names nothing on its own
    ("Palace", "Register", "Institute")."""
    toks = tokens(doc)
    lex = lexicon()
    rest = [t for t in toks[case + 1:end] if not t.is_punct]
    if rest and _is_capitalised(rest[0]) and _is_capitalised(toks[case - 1]) and (
            toks[case - 1].lower_ in _COLLECTIVE_OWNERS or toks[case - 1].lower_ in lex.people_nouns):
        return True  # "National People's Power", "the People's Liberation Army", "the Women's Institute"
    if len(rest) != 1 or not _is_capitalised(rest[0]):
        return False
    owner = toks[case - 1]
    while owner.i > 0 and owner.dep_ == "compound" and toks[owner.i - 1].dep_ == "compound":
        owner = toks[owner.i - 1]
    if is_place(span_text(doc, owner.i, case)) or is_place(toks[case - 1].text):
        return False  # "Sri Lanka's Department": a place's own institution
    word = rest[0].lower_
    return word in lex.organization_suffixes or word in lex.place_suffixes or word in lex.facility_nouns \
        or word in _POSSESSIVE_NAME_WORDS


#: Plural common nouns whose possessive sits inside names of organisations ("People's", "Workers'").
_COLLECTIVE_OWNERS = frozenset({"people", "peoples", "women", "men", "workers", "farmers", "children", "citizens",
                                "veterans", "nations", "students", "teachers", "mothers", "soldiers", "traders",
                                "employers", "consumers", "patients", "writers", "journalists", "lawyers"})

#: Generic words that end names with a possessive in them ("Women's Institute", "St James's Park").
_POSSESSIVE_NAME_WORDS = frozenset({"register", "church", "cathedral", "hospital", "palace", "park", "college",
                                    "island", "bay", "inn", "day", "cross", "wood", "court", "hill", "gate", "town",
                                    "point", "harbour", "harbor"})


def _gazetteer_places(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of multi-word place names in the built-in gazetteer (longest first, no overlaps)."""
    toks = tokens(doc)
    names = place_names()
    # each token read once; doc[i:j].text is the document's text from the first token's start
    # to the last one's end
    text = doc_text(doc)
    capitalised = [_is_capitalised(t) for t in toks]
    starts = doc.to_array(IDX).tolist()
    ends = [start + len(t) for start, t in zip(starts, toks)]
    spans = []
    i = 0
    while i < len(doc):
        found = None
        if capitalised[i]:
            for n in range(5, 1, -1):
                j = i + n
                if j <= len(doc) and capitalised[j - 1]:
                    words = text[starts[i]:ends[j - 1]]
                    if "\n" not in words and fold(words) in names:
                        found = j
                        break
        if found:
            spans.append((i, found))
            i = found
        else:
            i += 1
    return spans


def _cut_trailing_title(doc: Doc, m: Mention) -> None:
    """"U.S. Commerce Secretary" as a place is "U.S.": a title is not part of a place's name."""
    toks = tokens(doc)
    lex = lexicon()
    words = [t.lower_ for t in toks[m.start:m.end]]
    for n in range(min(len(words) - 1, 4), 0, -1):
        if " ".join(words[-n:]) in lex.titles and not m.type_votes.get("Person"):
            m.end -= n
            return


#: Words of the names of documents rather than of things: "Memorandum of Understanding".
_DOCUMENT_WORDS = frozenset({"memorandum", "understanding", "agreement", "mou", "mou.", "accord", "letter", "intent",
                             "treaty", "contract", "pact", "protocol", "deal", "cooperation", "co-operation"})


def _agreement_words(doc: Doc, m: Mention) -> bool:
    """"Memorandum of Understanding", "Letter of Intent": the name of a kind of document, not an entity."""
    toks = tokens(doc)
    words = [t.lower_ for t in toks[m.start:m.end] if t.lower_ not in ("of", "on", "the", "and", "for")]
    return bool(words) and m.source != "gazetteer" and all(w in _DOCUMENT_WORDS for w in words)


def _law_name(doc: Doc, m: Mention) -> bool:
    """"the Mental Capacity Bill", "the Sarbanes-Oxley Act": a law or a bill is none of the spec's
    kinds of entity (and not a person called Bill)."""
    toks = tokens(doc)
    return m.end - m.start >= 2 and m.source != "gazetteer" and toks[m.end - 1].text in ("Bill", "Act") \
        and toks[m.end - 2].text[:1].isupper() and toks[m.end - 2].lower_ not in lexicon().titles


def _headline(sent: Span, dates: Sequence[tuple[int, int]]) -> bool:
    """A headline or caption: a short line that ends without a full stop. *dates* are the
    (start, end) tokens of the document's DATE entities."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if any(sent.start <= start and end <= sent.end for start, end in dates):
        return False  # a dateline ("SADDLE BROOK, N.J., March 26 -")
    # "... with Initech Corp." ends with a full stop inside the abbreviation's token
    return 0 < len(words) <= 20 and last is not None and last.text not in (".", "!", "?", '"', "”", ":", "-", "—", "--") \
        and not (len(last.text) > 1 and last.text.endswith(".") and last.i == sent.end - 1)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """For each token, the (start, end) of its sentence as ``Span.sent`` finds it: back to the
    nearest sentence start, forward to the next one."""
    starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 or i == 0] + [len(doc)]
    bounds: list[tuple[int, int]] = []
    for begin, end in zip(starts, starts[1:]):
        bounds.extend([(begin, end)] * (end - begin))
    return bounds


def _headline_only(doc: Doc, mentions: list[Mention]) -> set[int]:
    """Single-word names seen only in a headline ("... to Boost Tech Collaboration"): a headline
    capitalises common words, and its real names come back in the article."""
    toks = tokens(doc)
    in_headline: list[Mention] = []
    elsewhere: set[str] = set()
    headlines: dict[tuple[int, int], bool] = {}  # a sentence is judged once, not once per mention in it
    bounds = _sentence_bounds(doc)
    dates = [(e.start, e.end) for e in doc.ents if e.label_ == "DATE"]  # read once, not once per sentence
    for m in mentions:
        span = doc[m.start:m.end]
        where = bounds[span.start]
        if where not in headlines:
            headlines[where] = _headline(doc[where[0]:where[1]], dates)
        if headlines[where]:
            in_headline.append(m)
        else:
            elsewhere.update(t.lower_ for t in span)
    return {id(m) for m in in_headline if m.end - m.start == 1 and m.source != "gazetteer"
            and toks[m.start].lower_ not in elsewhere and not is_place(toks[m.start].text)}


def _common_word(doc: Doc, m: Mention, lowered: set[str]) -> bool:
    """"Youth", "Housing", "Boost" capitalised in a list or a headline, while the article also
    writes them in lower case: common words, not names."""
    toks = tokens(doc)
    return (m.end - m.start == 1 and m.source != "gazetteer" and toks[m.start].lower_ in lowered
            and not is_place(toks[m.start].text) and not toks[m.start].text.isupper())


def _plural_title(word: str) -> bool:
    word = re.sub(r"^(vice|deputy|under)[-\s]", "", word)  # "vice-ministers"
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return word != singular and singular in lexicon().titles


def _office(doc: Doc, m: Mention) -> bool:
    """"Secretaries for Technology, Commerce and Youth": offices and portfolios, not organisations."""
    toks = tokens(doc)
    if _plural_title(toks[m.start].lower_):
        return True
    if is_place(span_text(doc, m.start, m.end)):
        return False  # "the foreign ministers of India and China": countries, not portfolios
    tok = span_root(doc, m.start, m.end)
    if ("Person", 1.0, "ner") in m.reasons or (m.start > 0 and toks[m.start - 1].lower_ in lexicon().titles):
        # "two former prime ministers, Nepali Congress president A, and CPN-UML chairman B": people
        # listed after a plural title are its holders, not its portfolios
        return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and _plural_title(tok.head.head.lower_)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if _plural_title(tok.lower_):
            return True  # "the Vice-Ministers of Foreign Affairs, Agriculture and Commerce" (parsed as a conjunct)
    return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and _plural_title(tok.head.head.lower_)


def _only_title_words(doc: Doc, m: Mention) -> bool:
    """"the Deputy Secretary General", "the Vice-Ministers": an office without a name."""
    toks = tokens(doc)
    words = [w for t in toks[m.start:m.end] for w in re.split(r"[-–]", t.lower_) if w]
    if not words or m.source == "gazetteer":
        return False
    titles = title_words()
    singular = [w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words]
    return all(w in titles or s in titles for w, s in zip(words, singular)) and any(
        w not in RANK_WORDS or s not in RANK_WORDS for w, s in zip(words, singular))


def _inside_title(doc: Doc, m: Mention) -> bool:
    """"Financial" in "Deputy Financial Secretary" is a word of a title, not a name."""
    toks = tokens(doc)
    lex = lexicon()
    if m.end - m.start != 1 or is_place(toks[m.start].text):
        return False
    before = toks[m.start - 1].lower_ if m.start > 0 else ""
    after = toks[m.end].lower_ if m.end < len(doc) else ""
    return before in lex.titles and after in lex.titles


def _cut_title(doc: Doc, m: Mention) -> None:
    """Move a leading title out of the name and remember it; keep royal titles ("King Fahd")."""
    toks = tokens(doc)
    lex = lexicon()
    words = [t.text for t in toks[m.start:m.end]]
    for k in range(0, min(len(words) - 1, 4)):  # the title may follow its organisation: "KCCI Chief"
        n = _title_prefix(words[k:])
        if n and k + n == len(words) - 1 and _building_word(words[-1]):
            break  # "the Prime Minister House", "the President Hotel": a building named for the office
        if n and k + n < len(words):
            m.title = " ".join(words[k:k + n])
            m.title_span = (m.start + k, m.start + k + n)
            if k and all(_is_capitalised(t) for t in toks[m.start:m.start + k]):
                m.prefix = Mention(m.start, m.start + k, "name", source="propn")  # "KCCI" of "KCCI Chief"
            m.start += k + n
            prep = toks[m.start]
            if prep.lower_ in ("of", "for") and prep.dep_ == "prep" and m.start < prep.right_edge.i:
                # "Minister of International Relations Ronald Lamola": the portfolio is the title's;
                # a span that ends with or inside the portfolio is an office without a name
                last = min(prep.right_edge.i + 1, m.end)
                # (a person's span that the portfolio's phrase runs to the end of: the parser hung the
                # name in it, "Minister of Petroleum Tarek El-Molla"; the name is kept as it was)
                if last < m.end or ("Person", 1.0, "ner") not in m.reasons:
                    m.title = " ".join(words[k:last - (m.start - k - n)])
                    m.title_span = (m.title_span[0], last)
                    m.start = last
            m.vote("Person", 2.0, f"has the title '{m.title}'")
            break
    if m.start > 0 and toks[m.start - 1].lower_ in lex.royal_titles:
        m.start -= 1  # "King" belongs to "King Fahd"
        m.vote("Person", 2.0, f"royal title '{toks[m.start].text}'")
    elif toks[m.start].lower_ in lex.royal_titles and m.end - m.start > 1:
        m.vote("Person", 2.0, f"royal title '{toks[m.start].text}'")
    if m.title is None:
        title, at = _titles_before(doc, m.start)
        if title and m.end - m.start == 1 and _building_word(toks[m.start].text) \
                and all(_is_capitalised(t) for t in toks[at:m.start]):
            m.start = at  # "the Prime Minister House": the title is a word of the building's name
        elif title:
            m.title = title
            m.title_span = (at, at + len(title.split()))
            m.vote("Person", 2.0, f"has the title '{title}'")


#: Last words of a building or an office named for a title ("Prime Minister House", "Chief Minister Secretariat").
OFFICE_BUILDINGS = frozenset({"house", "office", "secretariat", "lodge"})


def _building_word(word: str) -> bool:
    """Whether *word* after a title makes a building's name of it ("Prime Minister House", "President Hotel")."""
    folded = word.casefold()
    return folded in OFFICE_BUILDINGS or folded in lexicon().facility_nouns

_JUNK = re.compile(r"^[\W\d_]+$")


def _plausible(span: Span) -> bool:
    text = span.text.strip()
    if len(span) == 1 and span[0].tag_ == "NNPS" and span[0].lower_.rstrip("s") not in lexicon().organization_suffixes \
            and not is_place(text) and not _plural_described_as_one(span[0]) and not _named_place_of(span[0]):
        return False  # a people ("Tamils", "Hongkongers"), not an organisation or a place ("the Bahamas" is one)
    if len(text) < 2 or _JUNK.match(text):
        return False
    if not any(_is_capitalised(t) for t in span) and not any(c.isalpha() and c.lower() == c.upper() for c in text):
        return False  # lower-case words are not names (scripts without case, such as Chinese, are)
    if span[0].text[:1] in "@#":
        return False  # social-media handles
    return True


#: Nouns for the parts of a company group ("X's units", "X affiliates"): their owner is the parent.
COMPANY_PARTS = frozenset({"subsidiary", "affiliate", "unit", "division", "arm"})
#: Nouns for the parts of a named whole.
_PART_WORDS = COMPANY_PARTS | {"member", "shareholder", "constituent"}
#: Prepositions that introduce the members of a plural noun: "firms such as", "bodies, including".
_LIST_PREPS = frozenset({"including", "like", "among", "notably", "especially", "namely", "incl"})
#: Verbs whose subject is a set and whose object lists its members: "official guests included A".
_LIST_VERBS = frozenset({"include", "comprise", "be", "feature"})


def _qualified(root: Token, taken: list[bool]) -> bool:
    """Whether a plural for people says which ones: "British officials", "Petromin representatives",
    "officials from the ministry", "three Israeli deputy prime ministers" (not a bare "officials")."""
    for c in root.children:
        if c.dep_ in ("amod", "compound", "nummod", "nmod") and c.i < root.i:
            return True
        if c.dep_ == "poss" and taken[c.i]:
            return True
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "at") and any(taken[g.i] for g in c.subtree):
            return True
        if c.dep_ == "acl":
            return True  # "officials accompanying him", "leaders attending the meeting"
    return False


def _heads_names(root: Token, taken: list[bool]) -> bool:
    """Whether a plural noun is the set that names in the sentence are members of: "leading
    media outlets, including A", "French companies A, B and C", "alternative sites — A, B",
    "A and B are among the Ns", "the Chinese partners are A, B and C"."""
    def named(tok: Token) -> bool:
        return taken[tok.i] or any(taken[c.i] for c in tok.conjuncts)

    for child in (c for n in (root, *root.conjuncts) for c in n.children):
        if child.dep_ == "prep" and (child.lower_ in _LIST_PREPS or (
                child.lower_ == "as" and any(c.lower_ == "such" for c in child.children))):
            if any(named(g) for g in child.children if g.dep_ == "pobj"):
                return True
        if (child.dep_ == "appos" or (child.dep_ == "npadvmod" and child.i > root.i)) and named(child):
            return True  # "faculty deans Professor A and Professor B" (parsed as a modifier at times)
    if root.dep_ in ("compound", "nmod") and root.head.i > root.i and taken[root.head.i] and root.head.pos_ == "PROPN":
        return True  # "French companies Rhone-Poulenc, Pechiney and Imec"
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if nxt is not None and taken[nxt.i] and nxt.pos_ == "PROPN" and any(
            c.dep_ == "conj" and taken[c.i] for c in nxt.children):
        return True  # the same with another parse: "German firms [Bosch], Siemens and BASF"
    # "Twelve countries, among them Chile, Peru and Mexico": the names after "among them"
    doc = root.doc
    toks = tokens(doc)
    if root.i + 3 < len(doc) and toks[root.i + 1].text in (",", "—", "–") and toks[root.i + 2].lower_ == "among" \
            and toks[root.i + 3].lower_ in ("them", "whom") and any(taken[t.i] for t in toks[root.i + 4:root.i + 9]):
        return True
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ in _LIST_VERBS:
        return any(named(c) for c in verb.children if c.dep_ in ("dobj", "attr"))
    if root.dep_ == "pobj" and verb.lower_ == "among" and verb.head.pos_ in ("AUX", "VERB"):
        return any(named(c) for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "attr"))
    return False


def group_mentions(doc: Doc, taken: list[bool]) -> list[Mention]:
    """Noun phrases for delimited sets: collective nouns ("the delegation"), counted or quoted
    plurals that list names, plurals that head a list of names ("outlets, including A"), and
    plurals for people that say which ones ("British officials")."""
    toks = tokens(doc)
    lex = lexicon()
    out = []
    grouped = [False] * len(doc)  # tokens already inside a group ("parties and [alliances]")
    for chunk in _group_chunks(doc, taken):
        root = chunk.root
        if root.pos_ != "NOUN" or taken[root.i] or grouped[root.i]:
            continue
        if root.dep_ == "appos" and root.tag_ == "NN" and taken[root.head.i] and root.left_edge.i > 1 \
                and toks[root.left_edge.i - 1].text == "," and taken[root.left_edge.i - 2]:
            continue  # "Mercosur, a trade bloc made up of A and B": a description of the name, not a set of its own
        if _plural_description(root) is not None and all(
                c.lower_ in _COUNT_WORDS for c in root.children if c.i < root.i):
            continue  # "the two leaders": the two people named before (a reference), not a set of its own
        people = root.lower_ in lex.people_nouns and _qualified(root, taken)
        if any(c.dep_ == "compound" and taken[c.i] and not is_place(span_text(doc, c.left_edge.i, c.i + 1))
               for c in root.children) and not people:
            continue  # "the IAE consortium" is IAE, not an unnamed group ("Weta staff" are people of Weta);
            # "the UK delegation", "the Hong Kong delegation" are groups from a place
        if root.lemma_.lower() in _PART_WORDS and any(
                (c.dep_ == "poss" and (taken[c.i] or c.pos_ == "PRON" or c.lower_ == "whose" or _collective(c, lex)))
                or (c.dep_ == "prep" and c.lower_ == "of" and any(
                    taken[g.i] or _collective(g, lex) for g in c.children if g.dep_ == "pobj")) for c in root.children):
            continue  # "members of OPEC", "Samsung's subsidiaries", "the bloc's members" stand for the whole
        if root.lemma_.lower() in _PART_WORDS and root.i > 0 and taken[root.i - 1] and toks[root.i - 1].head.i == root.head.i \
                and toks[root.i - 1].dep_ in ("compound", "nmod", "poss"):
            continue  # the same, parsed as two words of the names after them: "MERCOSUR members Argentina, Brazil"
        if root.lemma_.lower() in _PART_WORDS and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children):
            continue  # "the forum members": the members of "the forum", a description resolved elsewhere
        lemma = root.lemma_.lower()
        if (lemma in lex.gathering_nouns or root.lower_ in lex.gathering_nouns) and not _examples_of(root):
            # "the talks included A and B": a gathering is an event its people attend, not a set (but
            # "forums like ASEAN and APEC" are the bodies it gives as examples)
            continue
        if lemma in lex.topic_nouns or root.lower_ in lex.topic_nouns:
            continue  # "big issues like Iraq", "scandals such as Enron": topics and products have no members
        if lemma in lex.measure_nouns or root.lower_ in lex.measure_nouns:
            continue  # "the 193 kilometres, Abuja to Kaduna": an amount has no members
        if root.lower_ in ("alias", "aka"):
            continue  # "Muralitharan alias Karuna": another name of one person
        if root.lower_ in ("others", "ones") and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in root.children):
            continue  # "Others targeted include A and B": whoever else, no set the text names
        numbered = any(c.dep_ == "nummod" and c.lower_ not in ("one",) for c in root.children)
        listed = any(c.dep_ == "prep" and c.lower_ in ("including", "like") for c in root.children) or any(
            c.dep_ == "appos" for c in root.children
        )
        # a quoted nickname for a set: Hangzhou's “six little dragons”
        quoted = chunk.start > 0 and any(t.text in ("“", '"', "‘") for t in toks[max(0, chunk.start - 1):root.i])
        if lemma in lex.collective_nouns or root.lower_ in lex.collective_nouns or _made_up_of_names(root, taken) or (
            root.tag_ == "NNS" and numbered and (listed or quoted)
        ) or (root.tag_ == "NNS" and _heads_names(root, taken)) or people or _includes_names(root, taken) or (
            lemma in lex.collective_org_nouns and (_subject_includes_names(root, taken) or _of_names(root, taken))
        ) or (listed and _counted_plural(root, chunk.end) is not None):
            start, end = _strip(doc, chunk.start, chunk.end)
            # "Hangzhou's six little dragons": the possessor is not part of the group's name
            for t in toks[start:end]:
                if t.dep_ == "case" and t.i < root.i:
                    start = t.i + 1
            # "the first KCCI-led business delegation": the group starts after the names in it
            named_from = None  # "the UK delegation": called by its place, which stays a name of its own
            for t in toks[start:root.i]:
                if taken[t.i]:
                    if named_from is None and t.dep_ == "compound" and is_place(span_text(doc, t.left_edge.i, t.i + 1)):
                        named_from = t.left_edge.i
                    start = t.i + 1
            start, end = _strip(doc, start, end)
            while start < root.i and toks[start].text in ("-", "–") or toks[start].lower_ in ("led", "based", "owned"):
                start += 1
            start, end = _coordinated_plurals(root, start, end, taken)
            counted = _counted_plural(root, end)
            if counted is not None:  # "dozens of universities, colleges and institutes, including A"
                _, end = _coordinated_plurals(counted, counted.i, counted.i + 1, taken)
            if start <= root.i < end and not any(taken[t.i] for t in toks[start:end]):
                m = Mention(start, end, "group", source="group", long_form=_long_form(doc, start, end, root, taken),
                            canonical=span_text(doc, named_from, end) if named_from is not None and named_from < start else None)
                m.vote("Group", 5.0, "a noun phrase for a set")
                out.append(m)
                for i in range(start, end):
                    grouped[i] = True
    return out


#: Participles that list what a set is made of ("a consortium comprising A and B").
_COMPRISING = frozenset({"comprising", "including", "grouping", "featuring", "uniting"})


def _group_chunks(doc: Doc, taken: list[bool]) -> list[Span]:
    """The noun chunks, and the plural that spaCy's chunker leaves inside a name's chunk when it
    modifies the name ("[French companies] Rhone-Poulenc, Pechiney and Imec"), in text order."""
    toks = tokens(doc)
    chunks = list(doc.noun_chunks)
    roots = {c.root.i for c in chunks}
    for tok in toks:
        if tok.pos_ != "NOUN":
            continue
        if tok.tag_ == "NNS" and tok.dep_ in ("compound", "nmod") and tok.head.i > tok.i \
                and tok.head.pos_ == "PROPN" and taken[tok.head.i] and not taken[tok.i] and not _office_of(tok):
            start = tok.left_edge.i
            while start < tok.i and taken[start]:
                start += 1
            chunks.append(doc[start:tok.i + 1])
        elif tok.i not in roots and tok.dep_ == "npadvmod" and tok.head.lower_ in _COMPRISING and tok.head.i == tok.i + 1:
            chunks.append(doc[tok.left_edge.i:tok.i + 1])  # "[a consortium] comprising A and B", misparsed
        elif tok.i not in roots and tok.dep_ == "poss" and tok.head.lemma_.lower() in _PART_WORDS and any(
                c.root.lemma_ == tok.lemma_ and c.root.i < tok.i for c in chunks):
            # the chunker keeps a possessor inside its noun's chunk: "a new alliance ... [the
            # alliance]'s members" (the set named before; without one, "the bloc" is a name's)
            chunks.append(doc[tok.left_edge.i:tok.i + 1])
        elif tok.i not in roots and tok.dep_ in _ARGUMENT_DEPS and tok.left_edge.i < tok.i:
            # the chunker drops a noun phrase that holds a name's own chunk: "among [the University
            # of Waikato alumni] attending is A"; take the noun's phrase up to it
            chunks.append(doc[tok.left_edge.i:tok.i + 1])
    return sorted(chunks, key=lambda c: (c.start, -c.end))


def _examples_of(root: Token) -> bool:
    """Whether the plural *root* gives names as its examples: "forums like A and B", "summits such as C"."""
    return root.tag_ == "NNS" and any(c.dep_ == "prep" and (c.lower_ == "like" or (
        c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))) for c in root.children)


def _office_of(tok: Token) -> bool:
    """Whether the plural *tok* says what an office before it is for: "the minister for [women]
    Jacqui Smith", "the secretary of [state] ...": part of a title, no set of the names after it."""
    toks = tokens(tok.doc)
    i = tok.left_edge.i
    return i >= 2 and toks[i - 1].lower_ in ("for", "of") and toks[i - 2].lower_ in lexicon().titles


#: Dependencies of a noun phrase that stands as an argument of its own (not a modifier of another noun).
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})


def _collective(tok: Token, lex) -> bool:
    """A noun for a set that is a group of its own: "the alliance", "the bloc"."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in lex.collective_nouns or lemma in lex.collective_org_nouns)


def _includes_names(root: Token, taken: list[bool]) -> bool:
    """"a group of lenders, which includes A and B", "the coalition that comprises A, B and C":
    what a relative clause says includes names is a set."""
    if root.dep_ == "appos":
        return False  # "the three ministers ..., a list that includes X": the list is the set named before
    for clause in (c for c in root.children if c.dep_ == "relcl" and c.lemma_ in ("include", "comprise")):
        if any(c.lower_ in ("which", "that") and c.dep_ == "nsubj" for c in clause.children) and any(
                _names_object(c, taken) for c in clause.children if c.dep_ == "dobj"):
            return True
    return False


def _names_object(obj: Token, taken: list[bool]) -> bool:
    """Whether an object names someone: a name, one of its conjuncts, or a name in apposition to
    it ("includes the economist A")."""
    return any(taken[t.i] for t in (obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ == "appos")))


def _subject_includes_names(root: Token, taken: list[bool]) -> bool:
    """"The team includes A and B", "the team includes researchers A and B", "the alliance's members
    are A and B": a team or a group whose members the sentence names is a set, not a reference to
    a named body."""
    subject = root
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PART_WORDS:
        subject = root.head  # "the alliance's members include A and B"
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PART_WORDS:
        subject = root.head.head  # "members of the alliance are A and B"
    verb = subject.head
    if subject.dep_ != "nsubj" or not (verb.lemma_ in ("include", "comprise") or (subject is not root and verb.lemma_ == "be")):
        return False
    return any(_names_object(c, taken) for c in verb.children if c.dep_ in ("dobj", "attr"))


def _of_names(root: Token, taken: list[bool]) -> bool:
    """"an alliance of A and B": a body's noun with the names of its members after "of" (not "the
    networks of A and B", theirs)."""
    if root.tag_ != "NN" or root.lemma_.lower() in ("network", "family", "team"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and taken[g.i] and any(taken[x.i] for x in g.conjuncts) for g in c.children) for c in root.children)


def _made_up_of_names(root: Token, taken: list[bool]) -> bool:
    """"A, B and C make up [the board]", "A and B formed [a consortium]": what named members make up is a set."""
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and _consists_of_names(verb, taken):
        return True  # "the board comprises A, B and C", "the panel is made up of A, B and C"
    if root.dep_ != "dobj" or not (
            (verb.lemma_ == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))
            or verb.lemma_ in ("constitute", "compose")):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and taken[subject.i] and any(c.dep_ in ("conj", "appos") for c in subject.subtree)


def _consists_of_names(verb: Token, taken: list[bool]) -> bool:
    """Whether *verb* says its subject consists of two or more names: "comprises A and B",
    "consisted of A, B and C", "is made up of / composed of A and B", "brings together A and B"."""
    lemma = verb.lemma_.lower()
    if lemma == "comprise" or (lemma == "bring" and any(c.lower_ == "together" for c in verb.children)):
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    elif lemma in ("consist", "compose", "make"):
        if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return False
        objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        return False
    return any(taken[o.i] and sum(taken[t.i] and t.dep_ in ("conj", "appos") for t in o.subtree) >= 1 for o in objects)


def _counted_plural(root: Token, end: int) -> Token | None:
    """The plural that a quantity noun counts, right after it: "dozens [of universities]", "a
    number [of firms]"; the set is of those."""
    if root.lemma_.lower() not in _QUANTITY_NOUNS and root.lower_ not in _QUANTITY_NOUNS:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.tag_ == "NNS" and noun.pos_ == "NOUN" else None


#: Nouns that count a set of things ("dozens of firms").
_QUANTITY_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                             "number", "handful", "host", "range", "variety", "couple", "lot", "lots", "plenty"})


def _coordinated_plurals(root: Token, start: int, end: int, taken: list[bool]) -> tuple[int, int]:
    """"political parties [and alliances]", "[nearly 100 businesses,] charities [and philanthropic
    donors], such as A": plurals coordinated with the group noun belong to its name (the parser hangs
    the list on one of them)."""
    toks = tokens(root.doc)

    def joined(lo: int, hi: int) -> bool:  # only commas and conjunctions between two conjuncts
        return lo < hi and all(t.text == "," or t.lower_ in ("and", "or") for t in toks[lo:hi])

    def plural(tok: Token) -> bool:  # (the tagger takes some plurals for singulars: "research institutes")
        return tok.pos_ == "NOUN" and (tok.tag_ == "NNS" or (tok.lower_.endswith("s") and not tok.lower_.endswith("ss"))) \
            and not any(taken[t.i] for t in toks[tok.left_edge.i:tok.i + 1])

    cur = root
    while cur.dep_ == "conj" and plural(cur.head) and cur.head.i < cur.i and joined(cur.head.i + 1, cur.left_edge.i):
        cur = cur.head
        start = min(start, cur.left_edge.i)
    cur = root
    while True:
        nxt = next((c for c in cur.children if c.dep_ == "conj" and plural(c) and joined(end, c.left_edge.i)), None)
        if nxt is None:
            return start, end
        cur, end = nxt, nxt.i + 1


#: Post-modifiers that are part of how a text names a set ("officials of leading nations",
#: "areas affected by the shake-up", "assets up for sale"), unlike its list of members.
_NAMING_DEPS = frozenset({"acl", "prep", "advmod", "amod"})


_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”", "."})


def _long_form(doc: Doc, start: int, end: int, root: Token, taken: list[bool]) -> str | None:
    """The group's noun phrase with its post-modifiers, when they add words (at most 14 tokens)."""
    toks = tokens(doc)
    last = end - 1
    for child in sorted(root.children, key=lambda c: c.i):
        if child.i < end:
            continue
        if child.dep_ not in _NAMING_DEPS or child.lower_ in _LIST_PREPS or child.lower_ == "as":
            break
        # "representatives from Petromin", "officials of the ministry": an affiliation names the set
        affiliation = child.dep_ == "prep" and child.lower_ in ("from", "of", "at")
        for t in child.subtree:
            # a list of members, a clause or another name ends the description
            if t.text in _BREAKS or t.dep_ in ("relcl", "appos") or (taken[t.i] and not affiliation) \
                    or t.i - start >= 14 or t.lower_ in _LIST_PREPS:
                break
            last = t.i
        else:
            continue
        break
    while last >= end and (toks[last].pos_ in ("ADP", "DET", "CCONJ", "PART") or toks[last].text in _BREAKS):
        last -= 1
    if last < end:
        return None
    return " ".join(span_text(doc, start, last + 1).split())


PRONOUNS = {
    "he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person", "hers": "Person",
    "it": "Thing", "its": "Thing",
}


PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: Nouns of "the two sides", "both companies": the type of what they stand for (None: any).
PLURAL_NOUNS: dict[str, str | None] = {
    "side": None, "party": None, "country": "Place", "nation": "Place", "government": "Place",
    "company": "Organization", "firm": "Organization", "bank": "Organization", "group": "Organization",
    "university": "Organization", "institution": "Organization", "organisation": "Organization",
    "organization": "Organization", "leader": "Person", "minister": "Person", "man": "Person",
}


#: How many a plural reference counts ("the two sides", "both firms"), and the determiners it takes.
PLURAL_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
_PLURAL_DETERMINERS = frozenset({"the", "both", "these", "those"})
#: The words of a bare plural reference besides its noun: "the two sides", "both companies".
_COUNT_WORDS = _PLURAL_DETERMINERS | PLURAL_COUNTS.keys()


def _plural_description(tok: Token) -> int | None:
    """Start of "the two sides", "both companies", "the three countries" headed by *tok*, if it is one."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in PLURAL_NOUNS:
        return None
    mods = [c for c in tok.children if c.i < tok.i]
    counted = any(c.lower_ in PLURAL_COUNTS for c in mods)
    definite = any(c.lower_ in _PLURAL_DETERMINERS for c in mods)
    if not (counted and definite) and not any(c.lower_ == "both" for c in mods):
        return None
    return min(c.i for c in mods)


def reference_mentions(doc: Doc, taken: list[bool]) -> list[Mention]:
    """Pronouns and definite descriptions ("the company", "the Chief Executive")."""
    toks = tokens(doc)
    lex = lexicon()
    out = []
    for tok in toks:
        if taken[tok.i]:
            continue
        if tok.lower_ == "here" and tok.pos_ == "ADV":
            # in a wire story, "a brief visit here" is the dateline's place (kg.extract.coref)
            m = Mention(tok.i, tok.i + 1, "reference", source="here")
            m.vote("Place", 1.0, "here")
            out.append(m)
            continue
        if tok.pos_ == "PRON" and tok.lower_ in PLURAL_PRONOUNS:
            m = Mention(tok.i, tok.i + 1, "reference", source="plural")
            m.vote("Thing", 0.5, "plural pronoun")
            out.append(m)
            continue
        plural = _plural_description(tok)
        if plural is not None:
            m = Mention(plural, tok.i + 1, "reference", source="plural")
            m.vote(PLURAL_NOUNS[tok.lemma_.lower()] or "Thing", 0.5, "plural description")
            out.append(m)
            continue
        if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
            if tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue  # expletive "it remains unclear"
            m = Mention(tok.i, tok.i + 1, "reference", source="pronoun")
            m.vote(PRONOUNS[tok.lower_], 1.0)
            out.append(m)
            continue
        if (tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.i > 0 and toks[tok.i - 1].lower_ == "the"
                and toks[tok.i - 1].head == tok.head):
            # "The forum members include ...": the compound is the described thing
            m = Mention(tok.i, tok.i + 1, "reference", source="description")
            m.vote("Named", 1.0)
            out.append(m)
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "appos") or tok.tag_ in ("NNS", "NNPS"):
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("the", "this", "that"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(taken[g.i] for g in c.children if g.dep_ == "pobj")
               for c in tok.children):
            continue  # "the German state of Baden-Württemberg" names its referent: no anaphora
        if any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and taken[c.i] for c in tok.children):
            continue  # "the Samsung chief": a name inside; not a bare description
        lemma = tok.lemma_.lower()
        words = " ".join(t.text for t in toks[dets[0].i + 1:tok.i + 1])
        kind = None
        if tok.i + 1 < len(doc) and taken[tok.i + 1] and (
                words.casefold() in lex.titles or lemma in lex.person_nouns or toks[tok.i + 1].pos_ == "PROPN"):
            # "the Hon. Paul Mensah", "the US-based technology company skyTran Inc": the title or the
            # description of the name after it, however parsed
            continue
        if words.casefold() in lex.titles or lemma in lex.person_nouns:
            kind = "Person"
        elif lemma in lex.place_nouns or (lemma == "government" and not any(c.dep_ == "poss" for c in tok.children)):
            kind = "Place"  # "the government" is its country (the spec), the one the article is about
        elif lemma in _COMPANY_DESCRIPTIONS or (lemma.endswith("maker") and len(lemma) > 5):  # "the chipmaker"
            kind = "Organization"
        elif lemma in lex.collective_nouns or (lemma in lex.collective_org_nouns and lemma not in ("family", "team", "group")):
            kind = "Group"  # "the delegation's visit": the delegation named before
        if kind is None and tok.pos_ == "NOUN" and dets[0].lower_ == "the":
            kind = "Named"  # "the forum", "the ministry": resolved by the head word of a name
        if kind:
            m = Mention(dets[0].i, tok.i + 1, "reference", source="description")
            m.vote(kind, 1.0)
            if kind == "Group" and lemma in lex.collective_org_nouns:
                m.vote("Organization", 1.0)  # "the bloc", "the consortium": often a named one (OPEC, Airbus)
            out.append(m)
    return out


#: What a news story calls a company it has named: "the firm", "the miner", "the lender".
_COMPANY_DESCRIPTIONS = frozenset({
    "company", "firm", "group", "conglomerate", "giant", "automaker", "carmaker", "bank", "maker", "agency", "miner",
    "lender", "insurer", "airline", "retailer", "brewer", "manufacturer", "broadcaster", "refiner", "shipbuilder",
    "startup", "start-up", "utility", "exporter", "chaebol", "multinational"})


GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "cabinet", "regime"})


def _government_name(doc: Doc, m: Mention) -> None:
    """"the Government of Sri Lanka", "the Indian Government": a name the NER calls an organisation
    is the country (governments are their country)."""
    toks = tokens(doc)
    words = [t for t in toks[m.start:m.end] if t.lower_ != "the"]
    if m.kind != "name" or len(words) < 2 or m.canonical:
        return
    if words[0].lower_ in GOVERNMENT_NOUNS and len(words) > 2 and words[1].lower_ == "of":
        rest = doc[words[2].i:m.end].text
    elif words[-1].lower_ in GOVERNMENT_NOUNS:
        rest = doc[words[0].i:words[-1].i].text
    else:
        return
    country = demonyms().get(fold(rest)) or (rest if is_place(rest) else None)
    if country:
        m.canonical = country
        m.vote("Place", 5.0, f"the government of {country}")


def government_mentions(doc: Doc, taken: list[bool]) -> list[Mention]:
    """"the Iraqi government" is Iraq (governments are their country)."""
    toks = tokens(doc)
    names = demonyms()
    out = []
    for tok in toks:
        if tok.lower_ not in GOVERNMENT_NOUNS or taken[tok.i]:
            continue
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        if not mods:
            continue
        start = min(c.left_edge.i for c in mods)
        words = span_text(doc, start, tok.i)
        country = names.get(fold(words)) or names.get(fold(mods[-1].text))
        if country and not any(taken[i] for i in range(start, tok.i)):
            m = Mention(start, tok.i + 1, "name", source="government", canonical=country)
            m.vote("Place", 5.0, f"the government of {country}")
            out.append(m)
    return out


def state_mentions(doc: Doc, names: list[Mention], taken: list[bool]) -> list[Mention]:
    """"Portland, Ore.", "Oak Brook, Ill.-based": a state's abbreviation after a name and a comma
    names that state (the mention of it the NER found, or a new one)."""
    toks = tokens(doc)
    states = state_abbreviations()
    by_start = {m.start: m for m in names if m.end - m.start == 1}
    out = []
    for tok in toks:
        state = states.get(tok.text)
        if state is None or tok.i < 2 or toks[tok.i - 1].text != "," or toks[tok.i - 2].pos_ != "PROPN":
            continue
        m = by_start.get(tok.i) if taken[tok.i] else None
        if m is None and not taken[tok.i]:
            m = Mention(tok.i, tok.i + 1, "name", source="places")
            out.append(m)
        if m is not None:
            m.canonical = state
            m.vote("Place", 5.0, f"the abbreviation of {state}")
    return out


#: Nouns of places that a nationality adjective puts in its country ("the Qatari capital", "the Brazilian city of").
PLACE_KIND_NOUNS = frozenset({"capital", "city", "town", "village", "port", "province", "state", "region", "district",
                              "county", "prefecture", "island", "resort"})


def demonym_place_mentions(doc: Doc, taken: list[bool]) -> list[Mention]:
    """"the Qatari capital, Doha", "the Brazilian city of Porto Alegre", "the Swiss-based Lumen AG":
    the nationality adjective of a place noun or of "-based" is a mention of its country, which the
    ``locatedIn`` patterns then read."""
    names = demonyms()
    toks = tokens(doc)
    out = []
    for tok in toks:
        if tok.lower_ in ("based", "headquartered", "registered", "incorporated") and tok.i >= 2 and toks[tok.i - 1].text in ("-", "–") \
                and not taken[tok.i - 2]:
            # "the Swiss-based Lumen AG": the country of the adjective, which the x-based pattern reads
            mod = toks[tok.i - 2]
            country = names.get(fold(mod.text))
            if country and mod.text[:1].isupper():
                out.append(_country_mention(mod.i, mod, country))
            continue
        if tok.lemma_.lower() not in PLACE_KIND_NOUNS or tok.tag_ != "NN":
            continue
        for mod in (c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and not taken[c.i]):
            start = mod.left_edge.i if mod.left_edge.i < mod.i and not taken[mod.left_edge.i] else mod.i
            country = names.get(fold(span_text(doc, start, mod.i + 1))) or names.get(fold(mod.text))
            if country and mod.text[:1].isupper():
                out.append(_country_mention(start, mod, country))
    return out


def _country_mention(start: int, adjective: Token, country: str) -> Mention:
    """The mention of *country* that its nationality adjective (ending the span at *start*) makes."""
    m = Mention(start, adjective.i + 1, "name", source="government", canonical=country)
    m.vote("Place", 5.0, f"the country of '{adjective.text}'")
    return m


INSTITUTION_NOUNS = frozenset({"agency", "ministry", "department", "army", "navy", "military", "police", "parliament",
                               "regulator", "court", "commission", "authority", "bank", "council", "administration"})


def _named_beside(tok: Token, taken: list[bool]) -> bool:
    """"Nigeria's largest bank, Zenith Bank, ...", "Barclays, the UK's third-biggest bank, ...": the
    description has its name in apposition, after or before it (or, as parsed at times, as a second
    subject right after a comma)."""
    if any(c.dep_ == "appos" and taken[c.i] for c in tok.children):
        return True
    if tok.dep_ == "appos" and taken[tok.head.i] and tok.head.i < tok.i:
        return True
    after = tok.right_edge.i + 1
    return after + 1 < len(tok.doc) and tok.doc[after].text == "," and taken[after + 1] and any(
        s.dep_ == tok.dep_ and s.i > after and taken[s.i] for s in tok.head.children)


def institution_mentions(doc: Doc, taken: list[bool], names: list[Mention]) -> list[Mention]:
    """"Poland's arms procurement agency": an unnamed institution of a named country is an
    organisation, called by the phrase that identifies it."""
    toks = tokens(doc)
    places = {i for m in names if m.type_votes.get("Place") for i in range(m.start, m.end)}
    out = []
    for tok in toks:
        if tok.tag_ != "NN" or tok.lemma_.lower() not in INSTITUTION_NOUNS or taken[tok.i]:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i in places), None)
        if poss is None or _named_beside(tok, taken):
            continue
        case = next((c for c in poss.children if c.dep_ == "case"), None)
        start = (case.i if case is not None else poss.i) + 1
        if start > tok.i or any(taken[i] for i in range(start, tok.i + 1)):
            continue
        label = " ".join(span_text(doc, poss.left_edge.i, tok.i + 1).split())
        m = Mention(start, tok.i + 1, "name", source="institution", canonical=label)
        m.vote("Organization", 3.0, "an institution of a place")
        out.append(m)
    return out


def find_mentions(doc: Doc) -> list[Mention]:
    """All mentions of *doc*, sorted by position, without overlaps between kinds."""
    taken = [False] * len(doc)

    def take(found: list[Mention]) -> list[Mention]:
        for m in found:
            for i in range(m.start, m.end):
                taken[i] = True
        return found

    names = take(name_mentions(doc))
    governments = take(government_mentions(doc, taken))
    governments += take(demonym_place_mentions(doc, taken) + state_mentions(doc, names, taken))
    names += governments
    names += take(institution_mentions(doc, taken, names))
    groups = take(group_mentions(doc, taken))
    refs = reference_mentions(doc, taken)
    return sorted(names + groups + refs, key=lambda m: (m.start, -m.end))
