"""The word lists of ``kg/data/lexicon.json``, loaded once, as frozensets."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..settings import DATA_DIR


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    royal_titles: frozenset[str]
    organization_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    organization_nouns: frozenset[str]
    place_nouns: frozenset[str]
    person_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    collective_org_nouns: frozenset[str]
    place_prefixes: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    common_acronyms: frozenset[str]  # "AI", "GDP", "MoU": written in capitals, yet no names
    people_nouns: frozenset[str]  # plurals for sets of people ("British officials", "Petromin representatives")
    gathering_nouns: frozenset[str]  # what one attends: "the meeting", "the forum", "the summit"
    institutions_of_places: frozenset[str]  # "the Diocese of Mannar", "the Embassy of Japan": a body, not the place
    topic_nouns: frozenset[str]  # what is talked of, made or sold, not who: "big issues like Iraq", "films such as X"
    measure_nouns: frozenset[str]  # units of length, weight, power, money and time: "the 193 kilometres", "three years"
    link_nouns: frozenset[str]  # ties to a body elsewhere: "China's GATT membership", "Kenya's IMF loan", "Yugansk's owner"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    return Lexicon(**{k: frozenset(v) for k, v in data.items() if not k.startswith("_")})


#: Words that rank or qualify a title ("Deputy", "Vice", "Acting") without being one.
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "senior", "first", "general", "executive", "under",
                        "of", "the", "and", "state", "pro"})


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of every title, and the rank words: what an office without a name is made of."""
    return frozenset(w for t in lexicon().titles for w in t.split()) | RANK_WORDS
