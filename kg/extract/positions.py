"""Roles: who holds which office, and of what ("Hong Kong Chief Executive John Lee Ka-chiu").

Three shapes: a title before a name, whose organisation or place is the name just before it
("Hong Kong Chief Executive John Lee", "Saudi Arabia's Oil Minister Hisham Nazir", "BMW CEO
Oliver Zipse"); an apposition after a name ("Edward Niedermeyer, president of Niedermeyer-Martin
Co"); and a possessive title with the name in apposition ("DeepSeek's founder, Liang Wenfeng").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .mentions import Mention
from .records import Entity, Evidence, Position
from .roles import token_entities
from .tokens import tokens

EXTRACTOR = "position/title"
CONFIDENCE = 0.85
_ORG_TYPES = ("Organization", "Place")
#: Forms of address, which are no offices.
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "hon", "hon."})


def _evidence(doc: Doc, tok: Token, text: str | None, extractor: str) -> Evidence:
    sent = tok.sent
    source = text if text is not None else doc.text
    return Evidence(extractor=extractor, confidence=CONFIDENCE, sentence=" ".join(source[sent.start_char:sent.end_char].split()),
                    start=sent.start_char, end=sent.end_char)


def _entity_before(doc: Doc, i: int, entities: dict[str, Entity]) -> str | None:
    """The organisation or place named right before token *i* ("Hong Kong" Chief Executive)."""
    toks = tokens(doc)
    j = i - 1
    if j >= 0 and toks[j].lower_ in ("'s", "’s"):
        j -= 1
    if j < 0:
        return None
    key = toks[j]._.kg_entity
    return key if key and entities[key].type in _ORG_TYPES else None


def _is_title(tok: Token) -> bool:
    lex = lexicon()
    return tok.lower_ in lex.titles or tok.lemma_.lower() in lex.person_nouns or tok.lower_ in ("founder", "co-founder")


def _title_words(tok: Token) -> str:
    """The title an apposition's head word ends: "Vice-President" (parsed as three appositions), "Provost"."""
    doc, start = tok.doc, tok.i
    toks = tokens(doc)
    while start > 0 and toks[start - 1].head.i == tok.head.i and (
            toks[start - 1].text in ("-", "–") or (toks[start - 1].dep_ == "appos" and toks[start - 1].is_title)):
        start -= 1
    return doc[start:tok.i + 1].text


def find_positions(doc: Doc, entities: dict[str, Entity], mentions: list[Mention], text: str | None = None) -> list[Position]:
    toks = tokens(doc)
    found: dict[tuple[str, str, str | None], Position] = {}

    def add(holder: str, title: str, org: str | None, tok: Token, extractor: str) -> None:
        title = " ".join(title.split())
        if not title or entities[holder].type != "Person" or title.casefold() in _HONORIFICS:
            return
        key = (holder, title.casefold(), org)
        if key not in found:
            found[key] = Position(holder, title, org, _evidence(doc, tok, text, extractor))

    for m in mentions:
        if m.kind == "name" and m.entity and m.title and m.title_span:
            add(m.entity, m.title, _entity_before(doc, m.title_span[0], entities), toks[m.start], EXTRACTOR)
    for m in mentions:
        # "President Nestor Kirchner of Argentina", "King Abdullah of Jordan"
        if m.kind == "name" and m.entity and m.title and m.end + 1 < len(doc) and toks[m.end].lower_ == "of":
            org = toks[m.end + 1]._.kg_entity if toks[m.end + 1].lower_ != "the" else \
                (toks[m.end + 2]._.kg_entity if m.end + 2 < len(doc) else None)
            if org and entities[org].type in _ORG_TYPES:
                add(m.entity, m.title, org, toks[m.start], "position/title-of")
    holders = token_entities(doc)
    for tok in toks:
        holder = holders[tok.i]
        # "Edward Niedermeyer, president of Niedermeyer-Martin Co"
        if holder and entities[holder].type == "Person" and tok.head.i != tok.i:
            for appos in (c for c in tok.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                          and not c._.kg_entity and _is_title(c)):
                org = None
                for c in appos.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        org = next((g._.kg_entity for g in c.children if g.dep_ == "pobj" and g._.kg_entity), None)
                    elif c.dep_ == "poss" and c._.kg_entity:
                        org = c._.kg_entity
                if org is None or entities[org].type in _ORG_TYPES:
                    add(holder, _title_words(appos), org, appos, "position/apposition")
        # "DeepSeek's founder, Liang Wenfeng"
        if tok.pos_ == "NOUN" and _is_title(tok):
            poss = next((c for c in tok.children if c.dep_ == "poss" and c._.kg_entity), None)
            person = next((c for c in tok.children if c.dep_ == "appos" and c._.kg_entity), None)
            if poss is not None and person is not None and entities[poss._.kg_entity].type in _ORG_TYPES:
                add(person._.kg_entity, tok.text, poss._.kg_entity, tok, "position/apposition")
    # "President" of nothing, when the same title is also known with its place or organisation
    placed = {(holder, title) for holder, title, org in found if org}
    return [p for (holder, title, org), p in found.items() if org or (holder, title) not in placed]
