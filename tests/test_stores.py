"""The on-disk Oxigraph store: builds across runs equal one memory build, incremental builds,
changed articles, crashes midway, and one-line errors for stores that cannot be used."""
from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SECOND_ARTICLE as SECOND
from rdflib import RDF, URIRef

import kg
from kg.graph.mapping import noisy_or
from kg.graph.stores import open_store
from kg.graph.stores.incremental import IncrementalStore
from kg.graph.stores.oxigraph import OxigraphStore
from kg.graph.vocab import KG

pytest.importorskip("pyoxigraph")

#: A second article that states two facts of the conftest article again (Jane Doe's visit, the
#: Acme–Globex agreement), so that their statements gather evidence from both.
VISIT = (URIRef("https://w3id.org/newskg/id/person/jane_doe"), KG.visited, URIRef("https://w3id.org/newskg/id/place/springfield"))


def ntriples(run_cli, tmp_path: Path, *args: str | Path) -> bytes:
    out = tmp_path / f"out{len(list(tmp_path.glob('out*.nt')))}.nt"
    result = run_cli("build", *args, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def statement(graph, triple):
    return next(st for st in graph.subjects(RDF.subject, triple[0])
                if graph.value(st, RDF.predicate) == triple[1] and graph.value(st, RDF.object) == triple[2])


def test_two_runs_equal_one_memory_build_and_combine_confidence(run_cli, tmp_path, articles) -> None:
    a, b = articles
    store = f"oxigraph:{tmp_path / 'db'}"
    first = run_cli("build", a, "--store", store)
    assert first.exit_code == 0, first.output
    assert "1 added, 0 skipped (already in store)" in first.stderr
    stored = ntriples(run_cli, tmp_path, b, "--store", store)
    memory = ntriples(run_cli, tmp_path, a, b)
    assert stored == memory  # same N-Triples, byte for byte

    graph = kg.load(store)
    assert isinstance(graph.store, OxigraphStore)
    st = statement(graph.graph, VISIT)
    evidence = list(graph.graph.objects(st, KG.evidence))
    assert len(evidence) == 2  # one sentence from each run
    values = [float(graph.graph.value(e, KG.confidence)) for e in evidence]
    assert Decimal(str(graph.graph.value(st, KG.confidence))) == Decimal(str(round(noisy_or(values), 3)))
    # the query runs in Oxigraph, with the kg prefixes bound
    rows = graph.query("SELECT ?c WHERE { ?st rdf:subject person:jane_doe ; rdf:predicate kg:visited ; kg:confidence ?c }").rows
    assert rows == [(str(graph.graph.value(st, KG.confidence)),)]


def test_min_confidence_across_runs_as_in_one_build(run_cli, tmp_path, articles) -> None:
    """A fact too weak in either article alone but strong in both comes back in the second run."""
    a, b = articles
    store = f"oxigraph:{tmp_path / 'db'}"
    assert run_cli("build", a, "--store", store, "--min-confidence", "0.95", "-q").exit_code == 0
    assert VISIT not in kg.load(store).graph
    gc.collect()
    stored = ntriples(run_cli, tmp_path, b, "--store", store, "--min-confidence", "0.95")
    assert stored == ntriples(run_cli, tmp_path, a, b, "--min-confidence", "0.95")
    assert VISIT in kg.load(store).graph


def test_rebuild_skips_stored_documents_and_replaces_changed_ones(run_cli, tmp_path, articles, monkeypatch) -> None:
    a, b = articles
    monkeypatch.setattr(IncrementalStore, "finalize_documents", 1)  # finalized one document at a time
    store = f"oxigraph:{tmp_path / 'db'}"
    before = ntriples(run_cli, tmp_path, a, b, "--store", store)
    again = run_cli("build", a, b, "--store", store)
    assert again.exit_code == 0, again.output
    assert "0 added, 2 skipped (already in store)" in again.stderr
    assert ntriples(run_cli, tmp_path, a, b, "--store", store) == before  # nothing added

    # the second article is rewritten: its old facts go, the new ones come, as if built afresh
    b.write_text(SECOND.replace("Mayor Jane Doe visited Springfield again", "Mayor Jane Doe visited Shelbyville"), encoding="utf-8")
    changed = run_cli("build", a, b, "--store", store)
    assert "1 added, 1 skipped (already in store) (1 changed article(s) replaced)" in changed.stderr, changed.stderr
    stored = ntriples(run_cli, tmp_path, "--store", store, a)
    assert stored == ntriples(run_cli, tmp_path, a, b)
    graph = kg.load(store).graph
    assert len(list(graph.subjects(RDF.type, KG.Document))) == 2
    assert len(list(graph.objects(statement(graph, VISIT), KG.evidence))) == 1


def test_api_open_load_and_texts(tmp_path: Path, nlp) -> None:
    spec = f"oxigraph:{tmp_path / 'api.db'}"
    built = kg.build(texts=[SECOND], store=spec)
    assert len(built) > 0 and built.store.skipped == 0
    del built
    gc.collect()
    same = kg.build(texts=[SECOND, SECOND], store=kg.open(spec).store)
    assert same.store.skipped == 1
    memory = kg.build(texts=[SECOND])
    assert same.store.graph.serialize(format="nt") and len(same) == len(memory)


def test_build_interrupted_midway_is_completed_by_the_next_run(tmp_path: Path, nlp, monkeypatch, article_text) -> None:
    texts = [article_text, SECOND, SECOND.replace("Friday", "Saturday")]
    spec = f"oxigraph:{tmp_path / 'crash.db'}"
    monkeypatch.setattr(IncrementalStore, "batch_triples", 1)  # one transaction per document

    def crash(document) -> None:
        if document.text == SECOND:
            raise KeyboardInterrupt  # as if killed after the second document was written

    with pytest.raises(KeyboardInterrupt):
        kg.build(texts=texts, store=spec, on_document=crash)
    gc.collect()
    half = open_store(spec)  # the store opens: whole documents, pending markers, no view yet
    stored = half._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG.Document}> }} }}")
    assert 0 < len(stored) < 3
    del half
    gc.collect()
    done = kg.build(texts=texts, store=spec)
    assert done.store.skipped >= 1
    assert sorted(done.graph.serialize(format="nt").splitlines()) == sorted(kg.build(texts=texts).graph.serialize(format="nt").splitlines())


def test_killed_build_leaves_a_store_that_the_next_run_completes(tmp_path: Path, run_cli, articles) -> None:
    """A real kill: the process dies (os._exit) after its second document is written."""
    a, b = articles
    c = tmp_path / "third.txt"
    c.write_text(SECOND.replace("Friday", "Saturday").replace("library", "museum"), encoding="utf-8")
    db = tmp_path / "killed.db"
    script = textwrap.dedent(f"""
        import os, kg
        from kg.graph.stores.incremental import IncrementalStore
        IncrementalStore.batch_triples = 1
        seen = []
        def die(document):
            seen.append(document)
            if len(seen) == 2:
                os._exit(9)
        kg.build({[str(a), str(b), str(c)]!r}, store={f'oxigraph:{db}'!r}, on_document=die)
    """)
    killed = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    rerun = run_cli("build", a, b, c, "--store", f"oxigraph:{db}")
    assert rerun.exit_code == 0, rerun.output
    assert "skipped (already in store)" in rerun.stderr
    assert ntriples(run_cli, tmp_path, a, "--store", f"oxigraph:{db}") == ntriples(run_cli, tmp_path, a, b, c)


def test_store_errors_are_one_line(run_cli, tmp_path: Path, article_file: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("not a store", encoding="utf-8")
    other = tmp_path / "folder"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    cases = [
        (("build", article_file, "--store", f"oxigraph:{plain}"), "is a file, not an Oxigraph store folder"),
        (("build", article_file, "--store", f"oxigraph:{other}"), "not an Oxigraph store"),
        (("query", f"oxigraph:{tmp_path / 'missing'}", "ASK {}"), "no such store"),
        (("build", article_file, "--store", "redis:localhost"), "unknown store"),
        (("build", article_file, "--store", "sparql:ftp://example.org/x"), "not an http(s) URL"),
    ]
    for args, problem in cases:
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kg: error: ") and problem in lines[0], (args, result.stderr)
    assert not (tmp_path / "missing").exists()


def test_locked_store_is_reported(run_cli, tmp_path: Path, article_file: Path) -> None:
    db = tmp_path / "locked.db"
    holder = subprocess.Popen([sys.executable, "-c", f"import pyoxigraph, sys; s = pyoxigraph.Store({str(db)!r}); print('ready', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run_cli("build", article_file, "--store", f"oxigraph:{db}")
        assert result.exit_code == 2
        assert result.stderr.strip() == f"kg: error: oxigraph:{db}: the store is in use by another process (it is locked); wait for it to finish"
        reading = run_cli("query", f"oxigraph:{db}", "ASK { ?s ?p ?o }")  # reading does not need the lock
        assert reading.exit_code == 0, reading.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_query_errors_in_the_store(run_cli, tmp_path: Path, article_file: Path) -> None:
    store = f"oxigraph:{tmp_path / 'q.db'}"
    assert run_cli("build", article_file, "--store", store, "-q").exit_code == 0
    bad = run_cli("query", store, "SELECT ?x WHERE {")
    assert bad.exit_code == 2 and bad.stderr.startswith("kg: error: query: SPARQL syntax error") and len(bad.stderr.strip().splitlines()) == 1
    update = run_cli("query", store, "INSERT DATA { <a:b> <a:c> <a:d> }")
    assert update.exit_code == 2 and "not allowed" in update.stderr
    # Oxigraph's own parser crashes the process on this: the bounds are checked before any engine sees it
    deep = run_cli("query", store, "SELECT * WHERE " + "{" * 10_000 + "?s ?p ?o" + "}" * 10_000)
    assert deep.exit_code == 2 and "levels deep" in deep.stderr
    csv = run_cli("query", store, "SELECT ?who WHERE { ?who kg:visited place:springfield }", "--format", "csv")
    assert csv.exit_code == 0 and "https://w3id.org/newskg/id/person/jane_doe" in csv.stdout
    stats = run_cli("stats", store, "--json")
    assert stats.exit_code == 0 and '"documents": 1' in stats.stdout
    page = tmp_path / "page.html"
    assert run_cli("viz", store, "-o", page).exit_code == 0 and page.stat().st_size > 1000


def test_export_and_path_read_a_store(run_cli, tmp_path: Path, article_file: Path) -> None:
    store = f"oxigraph:{tmp_path / 'db'}"
    assert run_cli("build", article_file, "--store", store, "-q").exit_code == 0
    out = tmp_path / "graph.graphml"
    assert run_cli("export", store, "--to", "graphml", "-o", out).exit_code == 0
    import networkx as nx

    labels = {data.get("label") for _, data in nx.read_graphml(out).nodes(data=True)}
    assert {"Jane Doe", "Springfield"} <= labels
    path = run_cli("path", store, "Jane Doe", "Springfield")
    assert path.exit_code == 0 and "visited" in path.stdout


#: Terms of every kind a result shows: IRIs in and out of the kg namespaces (one whose local part
#: cannot be written after a prefix), plain, language-tagged and typed literals, one typed literal
#: not in its canonical form ("01", which both engines show as the integer 1).
TERMS_NT = """\
<https://w3id.org/newskg/id/person/jane_doe> <http://www.w3.org/2000/01/rdf-schema#label> "Jane Doe" .
<https://w3id.org/newskg/id/person/jane_doe> <http://www.w3.org/2004/02/skos/core#altLabel> "Jeanne"@fr .
<https://w3id.org/newskg/id/person/jane_doe> <https://w3id.org/newskg/ontology#confidence> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<https://w3id.org/newskg/id/person/jane_doe> <https://w3id.org/newskg/ontology#startChar> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .
<https://w3id.org/newskg/id/person/jane_doe> <http://purl.org/dc/terms/date> "2025-04-22"^^<http://www.w3.org/2001/XMLSchema#date> .
<https://w3id.org/newskg/id/person/jane_doe> <https://schema.org/sameAs> <https://sws.geonames.org/1/> .
<https://w3id.org/newskg/id/person/jane_doe> <https://schema.org/sameAs> <https://w3id.org/newskg/id/place/odd.> .
"""


def test_store_results_read_as_rdflib_results(tmp_path: Path) -> None:
    """Oxigraph rows are rendered from the store's own terms and the rdflib terms made only when
    read: both are what rdflib's engine gives for the same graph, and the result compares, copies
    and pickles as a plain QueryResult."""
    import copy
    import pickle

    import pyoxigraph as ox
    from rdflib import Graph

    from kg.query import QueryResult, run_query
    from kg.query.sparql import LazyTermsResult

    data = tmp_path / "terms.nt"
    data.write_text(TERMS_NT, encoding="utf-8")
    ox.Store(str(tmp_path / "db")).bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    store = OxigraphStore(tmp_path / "db", read_only=True)
    graph = Graph().parse(data, format="nt")
    query = "SELECT ?s ?p ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o kg:nothing ?none } } ORDER BY ?p ?o"
    ours, reference = store.query(query), run_query(graph, query)
    assert isinstance(ours, LazyTermsResult) and "_make_terms" in vars(ours)  # terms not made yet
    assert ours.rows == reference.rows
    assert "1" in [row[2] for row in ours.rows] and ("kg:startChar" in [row[1] for row in ours.rows])
    assert "<https://w3id.org/newskg/id/place/odd.>" in [row[2] for row in ours.rows]
    assert ours.terms == reference.terms and "_make_terms" not in vars(ours)
    assert all(type(a) is type(b) for row, ref in zip(ours.terms, reference.terms) for a, b in zip(row, ref))
    assert ours == reference and reference == ours
    plain = pickle.loads(pickle.dumps(store.query(query)))
    assert type(plain) is QueryResult and plain == reference
    assert copy.copy(store.query(query)) == reference
    store.close()  # read-only: nothing to flush, and no error


def test_place_links_read_only_their_view_of_the_store(tmp_path: Path, nlp, repo_root: Path, monkeypatch) -> None:
    """A store links places from :data:`kg.graph.geo.LINKING_VIEW` (documents, places, labels), not
    from its whole graph read into memory, with the graph of a memory build all the same, after
    a run with ``infer`` whose derivations the next run takes back."""
    from kg.graph.geo import LINKING_VIEW

    zhejiang = (repo_root / "examples" / "zhejiang_visit.txt").read_text(encoding="utf-8")
    spec = f"oxigraph:{tmp_path / 'geo.db'}"
    kg.build(texts=[zhejiang], store=spec, infer=True)  # gazetteer chain facts, then taken back
    gc.collect()
    views: list[tuple[str | None, int]] = []
    read = OxigraphStore._ntriples

    def spy(self, construct=None):
        data = read(self, construct)
        views.append((construct, data.count(b"\n")))
        return data

    monkeypatch.setattr(OxigraphStore, "_ntriples", spy)
    stored = kg.build(texts=[zhejiang, SECOND], store=spec)
    (view, read_triples), = views
    assert view == LINKING_VIEW and 0 < read_triples < len(stored) / 4
    monkeypatch.undo()
    path = tmp_path / "stored.nt"
    stored.serialize(path)
    memory = kg.build(texts=[zhejiang, SECOND])
    assert path.read_bytes() == memory.store.serialize(tmp_path / "memory.nt").read_bytes()
    assert (URIRef("https://w3id.org/newskg/id/place/hangzhou"), URIRef("https://schema.org/sameAs"),
            URIRef("https://sws.geonames.org/1808926/")) in memory.graph


def test_finalize_reads_only_the_confidence_of_other_documents_evidence(tmp_path: Path, nlp, article_text,
                                                                        monkeypatch) -> None:
    """A fact that every article states gathers evidence from all of them; finalizing one group of
    documents reads each other document's evidence for its confidence alone, not whole, and the
    graph is still a memory build's."""
    texts = [article_text, SECOND, SECOND.replace("Friday", "Saturday")]
    monkeypatch.setattr(IncrementalStore, "finalize_documents", 1)  # one group per document
    contexts = []
    context = IncrementalStore._context

    def spy(self, touched, min_confidence):
        rewrite, graph = context(self, touched, min_confidence)
        contexts.append((rewrite, graph))
        return rewrite, graph

    monkeypatch.setattr(IncrementalStore, "_context", spy)
    stored = kg.build(texts=texts, store=f"oxigraph:{tmp_path / 'hub.db'}")
    assert len(contexts) == 3
    rewrite, graph = contexts[-1]
    st = statement(graph, VISIT)
    others = [e for e in graph.objects(st, KG.evidence) if e not in rewrite]
    assert len(others) == 2  # the visit's evidence in the other two articles
    assert all({p for _, p, _ in graph.triples((e, None, None))} == {KG.confidence} for e in others)
    memory = kg.build(texts=texts)
    assert sorted(stored.graph.serialize(format="nt").splitlines()) == sorted(memory.graph.serialize(format="nt").splitlines())
