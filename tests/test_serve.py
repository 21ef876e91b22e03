"""``kg serve`` over real HTTP: the server runs as a subprocess on a free port of 127.0.0.1 and is
queried with SPARQLWrapper and urllib, for every result format, updates, errors, limits and
concurrent clients; the query page runs in headless Chromium."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Graph

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

VISITS = "SELECT ?who ?where WHERE { ?a kg:visited ?b . ?a rdfs:label ?who . ?b rdfs:label ?where } ORDER BY ?who ?where"
CONSTRUCT = "CONSTRUCT { ?a kg:visited ?b } WHERE { ?a kg:visited ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SRJ = "{http://www.w3.org/2005/sparql-results#}"


class Server:
    """A ``kg serve`` subprocess; ``url`` is its base URL."""

    def __init__(self, graph_file: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph_file), "--port", "0", *args],
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        assert self.process.stderr is not None
        line = self.process.stderr.readline()  # "kg: serving ... at http://127.0.0.1:PORT/ ..."
        assert " at http://127.0.0.1:" in line, line + self.process.stderr.read()
        self.url = line.split(" at ", 1)[1].split("/ ", 1)[0]
        self.endpoint = self.url + "/sparql"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def graph_file(built_graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_graph.serialize(tmp_path_factory.mktemp("serve") / "mayor.ttl")


@pytest.fixture(scope="module")
def server(graph_file: Path) -> Iterator[Server]:
    running = Server(graph_file, "--cors", "http://example.org")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def writable(graph_file: Path) -> Iterator[Server]:
    running = Server(graph_file, "--allow-update", "--timeout", "1", "--max-rows", "2", "--workers", "1")
    yield running
    running.stop()


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 never through a proxy


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with _DIRECT.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def post_form(server: Server, **fields: str) -> tuple[int, dict[str, str], str]:
    return fetch(server.endpoint, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def visits_of(body: str) -> list[tuple[str, str]]:
    rows = json.loads(body)["results"]["bindings"]
    return [(row["who"]["value"], row["where"]["value"]) for row in rows]


def test_sparqlwrapper_select_json(server: Server) -> None:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    for method in (None, POST):
        client = SPARQLWrapper(server.endpoint)
        if method:
            client.setMethod(method)
        client.setQuery("PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        + VISITS)
        client.setReturnFormat(JSON)
        rows = client.queryAndConvert()["results"]["bindings"]
        assert [(r["who"]["value"], r["where"]["value"]) for r in rows] == [("Jane Doe", "Springfield")]


def test_sparqlwrapper_construct_and_ask(server: Server) -> None:
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server.endpoint)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 1
    client.setQuery("ASK { ?a kg:visited ?b }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True


def test_get_form_and_body_give_the_same_answer(server: Server) -> None:
    by_get = fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": VISITS}))
    by_form = post_form(server, query=VISITS)
    by_body = fetch(server.endpoint, VISITS.encode(), {"Content-Type": "application/sparql-query"})
    for status, headers, body in (by_get, by_form, by_body):
        assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
        assert visits_of(body) == [("Jane Doe", "Springfield")]


@pytest.mark.parametrize(("accept", "fmt", "media_type"), [
    ("application/sparql-results+json", "json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
    ("text/csv", "csv", "text/csv"),
    ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
])
def test_select_formats(server: Server, accept: str, fmt: str, media_type: str) -> None:
    for headers, query in (({"Accept": accept}, {"query": VISITS}), ({}, {"query": VISITS, "format": fmt})):
        status, response, body = fetch(server.endpoint + "?" + urllib.parse.urlencode(query), headers=headers)
        assert status == 200 and response["content-type"].startswith(media_type)
        if fmt == "json":
            assert visits_of(body) == [("Jane Doe", "Springfield")]
        elif fmt == "xml":
            root = ET.fromstring(body)
            values = [b.find(f"{SRJ}literal").text for b in root.iter(f"{SRJ}binding")]
            assert values == ["Jane Doe", "Springfield"]
        elif fmt == "csv":
            assert list(csv.reader(io.StringIO(body))) == [["who", "where"], ["Jane Doe", "Springfield"]]
        else:
            assert body.splitlines() == ["?who\t?where", '"Jane Doe"\t"Springfield"']


@pytest.mark.parametrize(("accept", "rdf_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")])
def test_construct_formats(server: Server, accept: str, rdf_format: str) -> None:
    status, headers, body = fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": CONSTRUCT}), headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(accept)
    graph = Graph().parse(data=body, format=rdf_format)
    assert [str(o) for o in graph.objects()] == ["https://w3id.org/newskg/id/place/springfield"]


def test_unacceptable_format_is_406(server: Server) -> None:
    status, _, body = fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": CONSTRUCT}), headers={"Accept": "text/csv"})
    assert status == 406 and "text/turtle" in body


def test_updates_are_refused(server: Server) -> None:
    update = "INSERT DATA { kgr:x kg:visited kgr:y }"
    for status, _, body in (post_form(server, update=update),
                            fetch(server.endpoint, update.encode(), {"Content-Type": "application/sparql-update"}),
                            post_form(server, query=update)):
        assert status == 403 and "--allow-update" in body
    assert visits_of(post_form(server, query=VISITS)[2]) == [("Jane Doe", "Springfield")]


def test_malformed_query_is_400_with_the_parser_message(server: Server) -> None:
    status, headers, body = post_form(server, query="SELECT ?x WHERE { ?x kg:visited }")
    assert status == 400 and headers["content-type"].startswith("text/plain")
    assert body.startswith("query: SPARQL syntax error at line 1") and body.count("\n") == 1
    assert fetch(server.endpoint)[0] == 400  # no query at all


def test_eight_concurrent_clients(server: Server) -> None:
    queries = [VISITS, "SELECT ?m WHERE { ?g kg:includes ?x . ?x rdfs:label ?m } ORDER BY ?m"] * 12

    def ask(query: str) -> list:
        status, _, body = post_form(server, query=query)
        assert status == 200
        return [tuple(cell["value"] for cell in row.values()) for row in json.loads(body)["results"]["bindings"]]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, queries))
    assert answers[0::2] == [[("Jane Doe", "Springfield")]] * 12
    assert answers[1::2] == [[("Acme Corp",), ("Globex Inc.",)]] * 12


def test_cors_header_for_the_allowed_origin(server: Server) -> None:
    _, headers, _ = fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": VISITS}), headers={"Origin": "http://example.org"})
    assert headers["access-control-allow-origin"] == "http://example.org"
    _, headers, _ = fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": VISITS}), headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in {k.lower() for k in headers}


def test_allowed_update_is_applied_in_memory(writable: Server, graph_file: Path) -> None:
    before = graph_file.read_bytes()
    status, _, body = post_form(writable, update="INSERT DATA { kgr:ann kg:visited kgr:oslo . "
                                                 'kgr:ann rdfs:label "Ann" . kgr:oslo rdfs:label "Oslo" }')
    assert status == 200 and "update applied" in body
    assert ("Ann", "Oslo") in visits_of(post_form(writable, query=VISITS)[2])
    assert graph_file.read_bytes() == before  # not written back
    assert post_form(writable, update="LOAD <http://example.org/x.ttl>")[0] == 403
    assert post_form(writable, update="INSERT DATA { oops")[0] == 400


def test_result_size_cap(writable: Server) -> None:
    status, headers, body = post_form(writable, query="SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200 and headers["x-kg-truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 2


def test_slow_query_times_out_and_the_server_goes_on(writable: Server) -> None:
    status, _, body = post_form(writable, query=SLOW)
    assert status == 503 and "time-out" in body
    assert post_form(writable, query="ASK { ?s ?p ?o }")[0] == 200  # a fresh worker answers


def test_query_page_and_graph_view(server: Server) -> None:
    status, headers, body = fetch(server.url + "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "<textarea" in body and "who visited where" in body and 'href="graph"' in body
    status, _, page = fetch(server.url + "/graph")
    assert status == 200 and "Jane Doe" in page and "vis-network" in page.lower()


def test_query_page_in_chromium(server: Server, tmp_path_factory: pytest.TempPathFactory) -> None:
    chromium, chromedriver = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not chromium.exists() or not chromedriver.exists():
        pytest.skip("browser test needs chromium and chromium-driver (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-serve')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(chromedriver)), options=options)
    try:
        driver.get(server.url + "/")
        Select(driver.find_element(By.ID, "examples")).select_by_value("who_visited_where")
        editor = driver.find_element(By.ID, "query")
        example = editor.get_property("value")
        assert 'VALUES ?visitor { "John Lee Ka-chiu" }' in example  # the example's one person...
        editor.clear()
        editor.send_keys(example.replace("John Lee Ka-chiu", "Jane Doe"))  # ...changed, as its comment says
        driver.find_element(By.ID, "run").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results td"))
        headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#results th")]
        assert headers == ["visitor", "place", "date", "sentence"]
        assert driver.find_element(By.CSS_SELECTOR, "#results td").text == "Jane Doe"
        editor.clear()
        editor.send_keys("SELECT nonsense")
        driver.find_element(By.ID, "run").click()
        WebDriverWait(driver, 30).until(lambda d: "syntax error" in d.find_element(By.ID, "status").text)
    finally:
        driver.quit()


def test_cli_errors_are_one_line(run_cli, graph_file: Path, tmp_path: Path) -> None:
    result = run_cli("serve", tmp_path / "missing.ttl")
    assert result.exit_code == 2 and result.stderr.strip() == f"kg: error: {tmp_path / 'missing.ttl'}: no such file"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", graph_file, "--port", str(port))
    assert result.exit_code == 2 and result.stderr.startswith(f"kg: error: 127.0.0.1:{port}: cannot listen")
    assert result.stderr.count("\n") == 1
