"""Notebooks: ``to_dataframe``, ``_repr_html_`` and the example notebook run headless with nbclient."""
from __future__ import annotations

import html
import io
import re

import pytest

import kg
from kg.viz import render_html

pd = pytest.importorskip("pandas")


def test_to_dataframe_keeps_python_values(built_graph: kg.KnowledgeGraph) -> None:
    frame = built_graph.query("SELECT ?who ?where ?c WHERE { ?st rdf:subject ?a ; rdf:predicate kg:visited ; rdf:object ?b ; "
                              "kg:confidence ?c . ?a rdfs:label ?who . ?b rdfs:label ?where }").to_dataframe()
    assert list(frame.columns) == ["who", "where", "c"]
    assert frame[["who", "where"]].values.tolist() == [["Jane Doe", "Springfield"]]
    assert isinstance(frame.c[0], float) and 0 < frame.c[0] <= 1
    assert built_graph.query("ASK { ?a kg:visited ?b }").to_dataframe().ask.tolist() == [True]
    triples = built_graph.query("CONSTRUCT { ?a kg:visited ?b } WHERE { ?a kg:visited ?b }").to_dataframe()
    assert triples.values.tolist() == [["person:jane_doe", "kg:visited", "place:springfield"]]


def test_repr_html_is_the_viz_page_in_a_sandboxed_iframe(built_graph: kg.KnowledgeGraph) -> None:
    shown = built_graph._repr_html_()
    assert shown.startswith('<iframe sandbox="allow-scripts" ')
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    assert "<" not in srcdoc  # escaped: the page cannot break out of the attribute
    assert html.unescape(srcdoc) == render_html(built_graph.graph, title="kg knowledge graph")


def test_example_notebook_runs(repo_root) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    examples = repo_root / "examples"
    notebook = nbformat.read(examples / "explore.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(examples)}}).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(output.output_type != "error" for cell in code for output in cell.outputs)

    [table] = pd.read_html(io.StringIO(code[1].outputs[0]["data"]["text/html"]), index_col=0)
    visits = sorted(map(tuple, table[["visitor", "place"]].values.tolist()))
    assert ("John Lee Ka-chiu", "Ningbo") in visits and ("John Lee Ka-chiu", "Zhejiang") in visits
    assert table.confidence.between(0, 1).all()
    assert "DeepSeek" in "".join(output.get("text", "") for output in code[4].outputs)
    assert code[-1].outputs[0]["data"]["text/html"].startswith('<iframe sandbox="allow-scripts"')
