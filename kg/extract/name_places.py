"""Places named inside a facility's or a body's own name: "the Mannar Wind Power Project",
"Hambantota Port", "the Supreme Court of Sri Lanka".

A facility or a project whose name begins with a known place and ends with a word for a facility
("port", "refinery", "plant", "project") is in that place: the name says so, as "Hangzhou-based"
would (extractor ``locatedIn/place-in-name``). An organisation whose name ends in "of" and a place
("the Ministry of Sports of Romania", "the Central Bank of Nigeria", "the Diocese of Mannar") is in
that place, as "SNECMA of France" is when the NER keeps the two apart (``locatedIn/of-place-in-name``).
The fact keeps the sentence of the first mention. The place must be an entity of the document,
named on its own elsewhere: a gazetteer alone would read "Independence Square" as a square in
Independence, Missouri.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import lexicon
from .places import fold
from .records import Entity, Evidence, Relation
from .relations import sentence_of

EXTRACTOR = "locatedIn/place-in-name"
OF_EXTRACTOR = "locatedIn/of-place-in-name"
CONFIDENCE = 0.7
#: Last words of a name that make it a facility's or a project's, besides the lexicon's facility nouns.
_PROJECT_WORDS = frozenset({"project", "projects", "scheme"})
#: Words of schools, whose "of" names a region they serve as often as where they are ("the University of Waikato").
_SCHOOLS = frozenset({"university", "college", "school", "academy", "polytechnic"})
#: Up to how many words the place at the start of the name may have ("Sri Lanka Port").
_MAX_PLACE_WORDS = 3


def name_places(doc: Doc, entities: dict[str, Entity], text: str | None = None) -> list[Relation]:
    """``locatedIn`` facts of the facilities whose names begin with a place the document names."""
    endings = lexicon().facility_nouns | _PROJECT_WORDS
    places = {fold(name): key for key, e in entities.items() if e.type == "Place" for name in e.names()}
    out: list[Relation] = []

    def found(key: str, thing: Entity, place: str, extractor: str) -> None:
        start, end = min(thing.mentions)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            sentence, s_start, s_end = sentence_of(span.sent, text)
            out.append(Relation(key, "locatedIn", place, Evidence(
                extractor=extractor, confidence=CONFIDENCE, sentence=sentence, start=s_start, end=s_end)))

    for key, thing in entities.items():
        words = thing.label.split()
        if thing.type not in ("Organization", "Place") or len(words) < 2 or not thing.mentions:
            continue
        if words[-1].casefold() in endings:
            for n in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
                place = places.get(fold(" ".join(words[:n])))
                if place is not None and place != key:
                    found(key, thing, place, EXTRACTOR)
                    break
        elif thing.type == "Organization":
            # the place after the name's last "of" (not "the Bank of China" read as "Bank"'s China: the
            # whole tail names the place)
            cut = max((i for i, w in enumerate(words) if w == "of"), default=0)
            tail = words[cut + 1:]
            if tail and tail[0].casefold() == "the":
                tail = tail[1:]
            place = places.get(fold(" ".join(tail))) if cut and 0 < len(tail) <= _MAX_PLACE_WORDS \
                and not _SCHOOLS & {w.casefold() for w in words[:cut]} else None
            if place is not None and place != key:
                found(key, thing, place, OF_EXTRACTOR)
    return out
