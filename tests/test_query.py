"""SPARQL over the mini fixture: prefixes, files, errors, and the result formats."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rich.console import Console
from rich.table import Table

from kg.errors import QueryError
from kg.graph.vocab import KGR_NS, PREFIXES
from kg.query import PREFIX_HEADER, QueryResult, compact_iri, read_query, run_query

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
JANE = KGR_NS + "person/jane_doe"

# kgr: is used as a bare prefix: rdflib's SPARQL parser cannot take "kgr:place/springfield"
# ("/" is the path operator) and keeps the backslash of kgr:place\/springfield in the IRI
# (RDFLib issue #1871), so entity IRIs inside queries are written in full.
VISITORS_OF_SPRINGFIELD = """
SELECT ?who ?name WHERE {
  ?who kg:visited ?place ;
       rdfs:label ?name .
  ?place rdfs:label "Springfield" .
  FILTER(STRSTARTS(STR(?who), STR(kgr:)))
}"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(FIXTURE, format="turtle")
    return g


def render(renderable) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


# --- prefixes and reading queries -------------------------------------------------------


def test_prefix_header_declares_every_vocab_prefix() -> None:
    for prefix, namespace in PREFIXES.items():
        assert f"PREFIX {prefix}: <{namespace}>" in PREFIX_HEADER
    assert PREFIX_HEADER.count("PREFIX") == len(PREFIXES)


def test_select_with_prebound_prefixes_finds_the_visitor(graph: Graph) -> None:
    result = run_query(graph, VISITORS_OF_SPRINGFIELD)
    assert result.kind == "select"
    assert result.variables == ["who", "name"]
    assert result.rows == [("person:jane_doe", "Jane Doe")]


def test_prefix_header_text_also_works_when_prepended(graph: Graph) -> None:
    result = run_query(graph, PREFIX_HEADER + VISITORS_OF_SPRINGFIELD)
    assert [row[1] for row in result.rows] == ["Jane Doe"]


def test_users_own_prefix_overrides_the_prebound_one(graph: Graph) -> None:
    query = "PREFIX kg: <http://example.org/other#>\nASK { ?s kg:visited ?o }"
    assert run_query(graph, query).boolean is False
    assert run_query(graph, "ASK { ?s kg:visited ?o }").boolean is True


def test_read_query_inline_text() -> None:
    assert read_query("ASK { ?s ?p ?o }") == ("ASK { ?s ?p ?o }", "query")


def test_read_query_from_rq_file(tmp_path: Path, graph: Graph) -> None:
    path = tmp_path / "visitors.rq"
    path.write_text(VISITORS_OF_SPRINGFIELD, encoding="utf-8")
    text, where = read_query(str(path))
    assert where == str(path)
    assert run_query(graph, text, where).rows == [("person:jane_doe", "Jane Doe")]


def test_read_query_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.rq"
    with pytest.raises(QueryError) as info:
        read_query(str(missing))
    assert str(info.value) == f"{missing}: no such file"


def test_read_query_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sparql"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(QueryError) as info:
        read_query(str(path))
    assert info.value.where == str(path)
    assert "empty" in info.value.problem


def test_read_query_empty_text() -> None:
    with pytest.raises(QueryError, match="empty query"):
        read_query("   ")


# --- errors ---------------------------------------------------------------------------------


def test_malformed_query_is_one_line_and_names_the_file(graph: Graph) -> None:
    with pytest.raises(QueryError) as info:
        run_query(graph, "SELECT ?x WHERE {\n  ?x kg:visited ?y .\n  FILTER(?y = ) }", "bad.rq")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("bad.rq: SPARQL syntax error at line 3, column 3")
    assert info.value.where == "bad.rq"


def test_misspelt_keyword_says_what_was_expected(graph: Graph) -> None:
    with pytest.raises(QueryError) as info:
        run_query(graph, "SELEC ?x WHERE { ?x ?p ?o }")
    assert str(info.value) == (
        "query: SPARQL syntax error at line 1, column 1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found 'SELEC'"
    )


def test_unknown_prefix_is_a_query_error(graph: Graph) -> None:
    with pytest.raises(QueryError, match="foo"):
        run_query(graph, "SELECT ?x WHERE { ?x foo:bar ?y }")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <https://w3id.org/newskg/id/person/x> a kg:Person }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://example.org/>\nDELETE { ?s ?p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused_and_the_graph_is_untouched(graph: Graph, update: str) -> None:
    before = len(graph)
    with pytest.raises(QueryError) as info:
        run_query(graph, update, "change.rq")
    assert info.value.where == "change.rq"
    assert "read-only" in info.value.problem
    assert len(graph) == before


# --- result kinds -------------------------------------------------------------------------


def test_ask_true_and_false(graph: Graph) -> None:
    assert run_query(graph, f"ASK {{ <{JANE}> kg:visited <{KGR_NS}place/springfield> }}").boolean is True
    assert run_query(graph, f"ASK {{ <{KGR_NS}person/john_roe> kg:visited ?place }}").boolean is False
    assert run_query(graph, "ASK {}").kind == "ask"


def test_construct_yields_a_graph(graph: Graph) -> None:
    result = run_query(graph, "CONSTRUCT { ?o kg:visitedBy ?s } WHERE { ?s kg:visited ?o }")
    assert result.kind == "graph"
    assert result.graph is not None and len(result.graph) == 2
    turtle = result.to_turtle()
    assert "@prefix kg: <https://w3id.org/newskg/ontology#>" in turtle
    assert "kg:visitedBy" in turtle
    reparsed = Graph().parse(data=turtle, format="turtle")
    assert len(reparsed) == 2


def test_describe_yields_the_resources_triples(graph: Graph) -> None:
    result = run_query(graph, f"DESCRIBE <{JANE}>")
    assert result.kind == "graph"
    labels = {str(o) for o in result.graph.objects(None, None) if str(o) in {"Jane Doe", "Doe"}}
    assert labels == {"Jane Doe", "Doe"}


def test_unbound_optional_values_are_none(graph: Graph) -> None:
    query = """SELECT ?name ?alias WHERE {
      ?p a kg:Person ; rdfs:label ?name . OPTIONAL { ?p skos:altLabel ?alias }
    } ORDER BY ?name ?alias"""
    rows = run_query(graph, query).rows
    assert ("John Roe", None) in rows
    assert ("Jane Doe", "Doe") in rows and ("Jane Doe", "Mayor Jane Doe") in rows


def test_short_iris_can_be_typed_back_into_a_query(graph) -> None:
    rows = run_query(graph, "SELECT ?where WHERE { person:jane_doe kg:visited ?where }").rows
    assert rows == [("place:springfield",)]


def test_iris_are_shortened_only_when_readable() -> None:
    assert compact_iri(JANE) == "person:jane_doe"  # the per-kind prefix: it can be typed back
    assert compact_iri(KGR_NS + "statement/0a1") == "kgr:statement/0a1"
    assert compact_iri(PREFIXES["kg"] + "visited") == "kg:visited"
    assert compact_iri("http://example.org/x") == "<http://example.org/x>"
    assert compact_iri(KGR_NS + "person/a b") == f"<{KGR_NS}person/a b>"
    assert compact_iri(KGR_NS + "doc.") == f"<{KGR_NS}doc.>"


# --- formats ----------------------------------------------------------------------------------

CONFIDENCES = """SELECT ?who ?name ?confidence WHERE {
  ?st rdf:subject ?who ; rdf:predicate kg:visited ; kg:confidence ?confidence .
  ?who rdfs:label ?name .
} ORDER BY DESC(?confidence)"""


def test_csv_has_header_and_full_iris(graph: Graph) -> None:
    text = run_query(graph, CONFIDENCES).to_csv()
    assert text.startswith("who,name,confidence\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["who", "name", "confidence"]
    assert rows[1] == [JANE, "Jane Doe", "0.9"]
    assert rows[2] == [KGR_NS + "person/_script_alert_1___script_", "<script>alert(1)</script>", "0.7"]
    assert len(rows) == 3


def test_csv_quotes_commas_and_leaves_unbound_empty(graph: Graph) -> None:
    query = 'SELECT ?x ?y WHERE { BIND("a, b" AS ?x) }'
    rows = list(csv.reader(io.StringIO(run_query(graph, query).to_csv())))
    assert rows == [["x", "y"], ["a, b", ""]]


def test_json_follows_the_w3c_results_format(graph: Graph) -> None:
    document = json.loads(run_query(graph, CONFIDENCES).to_json())
    assert document["head"] == {"vars": ["who", "name", "confidence"]}
    first = document["results"]["bindings"][0]
    assert first["who"] == {"type": "uri", "value": JANE}
    assert first["name"] == {"type": "literal", "value": "Jane Doe"}
    assert first["confidence"] == {
        "type": "literal",
        "value": "0.9",
        "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
    }
    assert len(document["results"]["bindings"]) == 2


def test_json_language_tags_bnodes_and_unbound(graph: Graph) -> None:
    query = 'SELECT ?text ?node ?missing WHERE { BIND("hallo"@de AS ?text) BIND(BNODE() AS ?node) }'
    binding = json.loads(run_query(graph, query).to_json())["results"]["bindings"][0]
    assert binding["text"] == {"type": "literal", "value": "hallo", "xml:lang": "de"}
    assert binding["node"]["type"] == "bnode" and binding["node"]["value"]
    assert "missing" not in binding  # unbound variables are left out of a binding


def test_json_and_csv_for_ask(graph: Graph) -> None:
    result = run_query(graph, "ASK { ?s a kg:Event }")
    assert json.loads(result.to_json()) == {"head": {}, "boolean": False}
    assert result.to_csv().splitlines() == ["ask", "false"]


def test_graph_results_as_json_ld_and_not_csv(graph: Graph) -> None:
    result = run_query(graph, "CONSTRUCT { ?s kg:visited ?o } WHERE { ?s kg:visited ?o }")
    nodes = {node["@id"]: node for node in json.loads(result.to_json())}
    visited = PREFIXES["kg"] + "visited"
    assert nodes[JANE][visited] == [{"@id": KGR_NS + "place/springfield"}]
    assert len(nodes) == 2
    with pytest.raises(QueryError, match="CSV"):
        result.to_csv()


def test_turtle_is_refused_for_select(graph: Graph) -> None:
    with pytest.raises(QueryError, match="CONSTRUCT"):
        run_query(graph, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").to_turtle()


def test_table_shows_compact_values_and_no_markup(graph: Graph) -> None:
    result = run_query(graph, CONFIDENCES)
    table = result.to_table()
    assert isinstance(table, Table)
    assert [column.header for column in table.columns] == ["who", "name", "confidence"]
    text = render(table)
    assert "person:jane_doe" in text
    assert "<script>alert(1)</script>" in text
    assert "2 rows" in text


def test_table_does_not_interpret_rich_markup_in_values(graph: Graph) -> None:
    text = render(run_query(graph, 'SELECT ?x WHERE { BIND("[bold]x[/bold]" AS ?x) }').to_table())
    assert "[bold]x[/bold]" in text


def test_query_result_is_a_plain_dataclass() -> None:
    result = QueryResult(kind="ask", boolean=True)
    assert result.rows == [] and result.graph is None
    assert "true" in render(result.to_table())
