"""Places named inside a facility's own name: "the Mannar Wind Power Project", "Hambantota Port".

A facility or a project whose name begins with a known place and ends with a word for a facility
("port", "refinery", "plant", "project") is in that place: the name says so, as "Hangzhou-based"
would. The fact keeps the sentence of the facility's first mention and names the extractor
``locatedIn/place-in-name``. The place must be an entity of the document, named on its own
elsewhere: a gazetteer alone would read "Independence Square" as a square in Independence, Missouri.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import lexicon
from .places import fold
from .records import Entity, Evidence, Relation
from .relations import sentence_of

EXTRACTOR = "locatedIn/place-in-name"
CONFIDENCE = 0.7
#: Last words of a name that make it a facility's or a project's, besides the lexicon's facility nouns.
_PROJECT_WORDS = frozenset({"project", "projects", "scheme"})
#: Up to how many words the place at the start of the name may have ("Sri Lanka Port").
_MAX_PLACE_WORDS = 3


def name_places(doc: Doc, entities: dict[str, Entity], text: str | None = None) -> list[Relation]:
    """``locatedIn`` facts of the facilities whose names begin with a place the document names."""
    endings = lexicon().facility_nouns | _PROJECT_WORDS
    places = {fold(name): key for key, e in entities.items() if e.type == "Place" for name in e.names()}
    out: list[Relation] = []
    for key, thing in entities.items():
        words = thing.label.split()
        if thing.type not in ("Organization", "Place") or len(words) < 2 or words[-1].casefold() not in endings \
                or not thing.mentions:
            continue
        for n in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
            place = places.get(fold(" ".join(words[:n])))
            if place is None or place == key:
                continue
            start, end = min(thing.mentions)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                sentence, s_start, s_end = sentence_of(span.sent, text)
                out.append(Relation(key, "locatedIn", place, Evidence(
                    extractor=EXTRACTOR, confidence=CONFIDENCE, sentence=sentence, start=s_start, end=s_end)))
            break
    return out
