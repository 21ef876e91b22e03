"""The interactive page (kg.viz): offline, escaped, deterministic, atomic, and used in a real browser."""
from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS

from kg.errors import KgError, OutputError
from kg.graph.vocab import ENTITY_TYPES, KG, KGR
from kg.viz import write_html
from kg.viz.browser import chromium, missing, open_page
from kg.viz.page import TYPE_STYLES, render_html

FIXTURES = Path(__file__).parent / "fixtures"
EVIL = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
# jane, john, springfield, ohio, acme, delegation, the <script> person, the <img> person (not "Nowhere")
N_ENTITIES = 8
N_EDGES = 8  # visited x3, includes x2, locatedIn x2, signsAgreementWith once
PERSON = "https://w3id.org/newskg/id/person/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph().parse(FIXTURES / "mini.ttl", format="turtle")
    return g.parse(FIXTURES / "page.ttl", format="turtle")


@pytest.fixture(scope="module")
def page(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(graph, tmp_path_factory.mktemp("viz") / "graph.html", title="Mini <graph>")


@pytest.fixture(scope="module")
def text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _data(text: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', text, re.DOTALL)
    assert match, "no data block in the page"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Collects the elements as a browser's tokenizer sees them (script content is raw text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser


# --------------------------------------------------------------------------- the file


def test_page_is_offline(text: str) -> None:
    parsed = _parse(text)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        assert tag != "link", f"external stylesheet or resource: {attrs}"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.IGNORECASE)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", text, re.IGNORECASE)
    assert "@import" not in text and "@font-face" not in text
    assert "cdn.jsdelivr" not in text and "cdnjs" not in text
    assert any("vis-network" in s and "Network" in s for s in parsed.scripts)  # vis-network is inlined


def test_header_legend_and_filters(text: str) -> None:
    assert "<h1>Mini &lt;graph&gt;</h1>" in text and "<title>Mini &lt;graph&gt;</title>" in text
    assert f"{N_ENTITIES} entities · {N_EDGES} relations · 1 document<" in text
    for name in ENTITY_TYPES:
        colour, shape = TYPE_STYLES[name]
        item = re.search(rf'<li class="legend-type" data-type="{name}">(.*?)</li>', text)
        assert item, f"no legend entry for {name}"
        assert f'class="filter-type" value="{name}" checked' in item.group(1)
        assert colour in item.group(1) and f'data-shape="{shape}"' in item.group(1)
    for relation in ("includes", "locatedIn", "signsAgreementWith", "visited"):
        assert f'class="filter-relation" value="{relation}" checked' in text
    assert 'id="filter-inferred" checked' in text and 'type="range" id="filter-confidence"' in text
    assert "stroke-dasharray" in re.search(r'data-edge="inferred">(.*?)</li>', text).group(1)
    styles = [TYPE_STYLES[t] for t in ENTITY_TYPES]
    assert len({c for c, _ in styles}) == len(styles) and len({s for _, s in styles}) == len(styles)


def test_nodes_sized_by_pagerank_or_degree(graph: Graph, text: str) -> None:
    data = _data(text)
    by_label = {n["label"]: n for n in data["nodes"]}
    assert len(by_label) == N_ENTITIES and "Nowhere" not in by_label  # no relation, left out
    assert by_label["Jane Doe"]["type"] == "Person" and by_label["delegation"]["type"] == "Group"
    assert sorted(by_label["Jane Doe"]["alt"]) == ["Doe", "Mayor Jane Doe"]
    assert by_label["Springfield"]["size"] > by_label["John Roe"]["size"]
    assert max(n["size"] for n in data["nodes"]) == by_label["Springfield"]["size"]  # the most central
    degree = {n["label"]: n for n in _data(render_html(graph, size="degree"))["nodes"]}
    assert degree["Springfield"]["degree"] == 5 and degree["John Roe"]["degree"] == 1
    assert degree["Springfield"]["size"] == 40.0 and degree["John Roe"]["size"] < degree["Jane Doe"]["size"]
    everything = _data(render_html(graph, all_entities=True))
    assert "Nowhere" in {n["label"] for n in everything["nodes"]}


def test_edges_carry_evidence_documents_and_confidence(text: str) -> None:
    data = _data(text)
    edges = data["edges"]
    assert len(edges) == N_EDGES
    agreement = [e for e in edges if e["relation"] == "signsAgreementWith"]
    assert len(agreement) == 1 and agreement[0]["symmetric"]
    located = {(e["from"].rsplit("/", 1)[-1], e["to"].rsplit("/", 1)[-1]): e for e in edges if e["relation"] == "locatedIn"}
    inferred = located[("acme_corp", "springfield")]
    assert inferred["inferred"] and not located[("springfield", "ohio")]["inferred"]
    rule = data["evidence"][inferred["evidence"][0]]
    assert rule["rule"] == "group-member-location" and rule["sentence"] is None
    jane = next(e for e in edges if e["from"].endswith("jane_doe"))
    assert jane["confidence"] == 0.9 and rule["premises"] == [jane["id"]]
    ev = data["evidence"][jane["evidence"][0]]
    assert ev["sentence"] == "Mayor Jane Doe visited Springfield on Tuesday."
    assert ev["extractor"] == ["visited/visit-verb"] and ev["confidence"] == 0.9
    assert data["documents"][ev["doc"]] == {"id": "https://w3id.org/newskg/id/doc/visit-1a2b3c4d",
                                            "title": "Mayor visits Springfield", "date": "2025-04-22",
                                            "url": "https://example.org/visit", "source": "visit.txt"}


def test_timeline_lists_dated_visits(text: str) -> None:
    timeline = _data(text)["timeline"]
    assert [(t["date"], t["label"], t["byArticle"]) for t in timeline] == [
        ("2025-04-22", "Visit: Jane Doe to Springfield", False),
        ("2025-04-22", "Visit: John Roe to Ohio (planned)", True),  # no kg:date: its article's date
    ]
    assert timeline[0]["edges"] == [f"{PERSON}jane_doe {KG.visited} https://w3id.org/newskg/id/place/springfield"]
    assert timeline[1]["edges"] == [] and timeline[1]["modality"] == "Planned"


def test_top_and_focus_select_entities(graph: Graph) -> None:
    top = _data(render_html(graph, top=3))
    assert {n["label"] for n in top["nodes"]} == {"Springfield", "Ohio", "Acme Corp"}
    assert all(e["from"] in {n["id"] for n in top["nodes"]} for e in top["edges"])
    near = _data(render_html(graph, focus="mayor jane doe", hops=1))  # an altLabel, any case
    assert {n["label"] for n in near["nodes"]} == {"Jane Doe", "Springfield", "delegation"}
    two = _data(render_html(graph, focus="Jane Doe", hops=2))
    assert {"Ohio", "John Roe", "Acme Corp"} < {n["label"] for n in two["nodes"]}
    assert [n["label"] for n in _data(render_html(graph, focus="Nowhere"))["nodes"]] == ["Nowhere"]
    with pytest.raises(KgError, match=r"--focus: no entity named 'Jane Dough' \(did you mean 'Jane Doe'"):
        render_html(graph, focus="Jane Dough")


def test_article_text_cannot_break_out(text: str) -> None:
    assert EVIL not in text and "<img src=x" not in text and "</script>." not in text
    parsed = _parse(text)
    assert len(parsed.scripts) == 3  # the data, vis-network, our UI: no article text opened or closed one
    assert [t for t, _ in parsed.tags].count("img") == 0
    labels = {n["label"] for n in _data(text)["nodes"]}
    assert EVIL in labels and IMG in labels  # exactly as written, once parsed


def test_output_is_deterministic(graph: Graph, text: str, tmp_path: Path) -> None:
    lines = graph.serialize(format="nt").splitlines()
    shuffled = Graph().parse(data="\n".join(reversed(lines)), format="nt")  # same triples, other order
    again = write_html(shuffled, tmp_path / "again.html", title="Mini <graph>")
    assert again.read_text(encoding="utf-8") == text


def test_missing_folder_raises_output_error_and_leaves_nothing(graph: Graph, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.html"
    with pytest.raises(OutputError) as info:
        write_html(graph, target)
    assert str(target) in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_failed_render_keeps_the_old_file(graph: Graph, tmp_path: Path) -> None:
    target = write_html(graph, tmp_path / "graph.html")
    before = target.read_bytes()
    with pytest.raises(KgError, match="--focus"):
        write_html(graph, target, focus="nobody at all")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_empty_graph_renders(tmp_path: Path) -> None:
    text = write_html(Graph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    data = _data(text)
    assert data["nodes"] == [] and data["edges"] == [] and data["timeline"] == []
    assert "0 entities · 0 relations · 0 documents" in text


def _big_graph(n_statements: int) -> Graph:
    """A builder-shaped graph with *n_statements* reified relations (and their evidence)."""
    g = Graph()
    doc = KGR["doc/big"]
    g.add((doc, RDF.type, KG.Document))
    kinds = [KG.Person, KG.Organization, KG.Place, KG.Group, KG.Event]
    n_entities = n_statements // 4
    entities = [KGR[f"entity/e{i}"] for i in range(n_entities)]
    for i, e in enumerate(entities):
        g.add((e, RDF.type, kinds[i % 5]))
        g.add((e, RDFS.label, Literal(f"Entity {i}")))
    relations = [KG.visited, KG.includes, KG.locatedIn, KG.signsAgreementWith]
    for i in range(n_statements):
        s, o, p = entities[i % n_entities], entities[(i * 7 + 1) % n_entities], relations[i % 4]
        g.add((s, p, o))
        st, ev = KGR[f"statement/s{i}"], KGR[f"evidence/s{i}"]
        g.add((st, RDF.type, KG.ExtractedStatement if i % 3 else KG.InferredStatement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, KG.confidence, Literal(0.8)))
        g.add((st, KG.evidence, ev))
        g.add((ev, PROV.wasDerivedFrom, doc))
        g.add((ev, KG.sentence, Literal(f"Sentence number {i}.")))
        g.add((ev, KG.extractor, Literal("test/pattern")))
    return g


def test_ten_thousand_statements_render_in_seconds(tmp_path: Path) -> None:
    big = _big_graph(10_000)
    start = time.perf_counter()
    text = write_html(big, tmp_path / "big.html").read_text(encoding="utf-8")
    elapsed = time.perf_counter() - start
    data = _data(text)
    assert len(data["nodes"]) == 2_500
    assert data["options"]["layout"]["improvedLayout"] is False and data["options"]["edges"]["smooth"] is False
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 200
    assert elapsed < 10, f"rendering took {elapsed:.1f}s"


def test_cli_writes_the_page_and_reports_bad_options(run_cli, graph: Graph, tmp_path: Path) -> None:
    source = tmp_path / "graph.ttl"
    graph.serialize(source, format="turtle")
    out = tmp_path / "page.html"
    result = run_cli("viz", source, "-o", out, "--size", "degree", "--top", "4", "--title", "Four")
    assert result.exit_code == 0, result.output
    data = _data(out.read_text(encoding="utf-8"))
    assert data["size"] == "degree" and len(data["nodes"]) == 4
    result = run_cli("viz", source, "-o", tmp_path / "no.html", "--focus", "Nobody Known")
    assert result.exit_code == 2
    assert result.stderr.strip() == "kg: error: --focus: no entity named 'Nobody Known'"
    result = run_cli("viz", source, "-o", tmp_path / "no.html", "--hops", "2")
    assert result.exit_code == 2 and result.stderr.strip() == "kg: error: --hops: only applies with --focus NAME"
    assert not (tmp_path / "no.html").exists()


# --------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser(page: Path):
    """One headless Chromium for the module, with the page loaded once, laid out and still."""
    if (why := missing()) is not None:
        pytest.skip(f"browser test {why}")
    with chromium(logs=True) as driver:
        driver.get_log("performance")  # drop what the browser loaded at start-up (its new-tab page)
        open_page(driver, page, timeout=60)
        yield driver


def test_browser_draws_every_node_and_edge(browser) -> None:
    counts = browser.execute_script(
        "return [kg.network.body.data.nodes.length, kg.network.body.data.edges.length,"
        " kg.network.physics.physicsEnabled, window.kgVisible]")
    assert counts[:3] == [N_ENTITIES, N_EDGES, False]  # physics off once stabilised
    assert counts[3] == {"nodes": N_ENTITIES, "edges": N_EDGES}
    colours = browser.execute_script(
        """var canvas = document.querySelector('#network canvas');
        var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var seen = new Set();
        for (var i = 0; i < data.length && seen.size < 50; i += 4) { seen.add(data.slice(i, i + 4).join()); }
        return seen.size;""")
    assert colours > 1, "the canvas is blank"


def test_browser_search_focuses_and_filters_hide(browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search-input")
    box.send_keys("mayor jane", Keys.ENTER)  # an altLabel's beginning
    assert browser.execute_script("return kg.network.getSelectedNodes()") == [f"{PERSON}jane_doe"]
    assert browser.find_element(By.CSS_SELECTOR, "#panel h2").text == "Jane Doe"
    assert "Mayor Jane Doe" in browser.find_element(By.CSS_SELECTOR, "#panel .names").text

    person = browser.find_element(By.CSS_SELECTOR, '.filter-type[value="Person"]')
    person.click()
    hidden = browser.execute_script(
        "return kg.nodes.get({filter: function (n) { return n.hidden; }}).map(function (n) { return n.id; })")
    people = [f"{PERSON}{p}" for p in ("jane_doe", "john_roe", "_script_alert_1___script_", "img_src_x_onerror_alert_1_")]
    # the people, and the delegation, whose only relations are to people
    assert sorted(hidden) == sorted([*people, "https://w3id.org/newskg/id/group/visit-1a2b3c4d/delegation"])
    assert browser.execute_script("return kgVisible.edges") == 3  # the edges between places and organisations
    person.click()
    inferred = browser.find_element(By.ID, "filter-inferred")
    inferred.click()
    assert browser.execute_script("return kgVisible.edges") == N_EDGES - 1
    inferred.click()
    assert browser.execute_script("return kgVisible") == {"nodes": N_ENTITIES, "edges": N_EDGES}


def test_browser_edge_click_shows_marked_evidence(browser) -> None:
    from selenium.webdriver.common.by import By

    edge = f"{PERSON}jane_doe {KG.visited} https://w3id.org/newskg/id/place/springfield"
    # the click as vis-network reports it to the page's handler
    browser.execute_script("kg.network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]],"
                           " pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}})", edge)
    sentence = browser.find_element(By.CSS_SELECTOR, "#panel .evidence blockquote")
    assert sentence.text == "Mayor Jane Doe visited Springfield on Tuesday."
    marks = [m.text for m in sentence.find_elements(By.TAG_NAME, "mark")]
    assert marks == ["Mayor Jane Doe", "Springfield"]  # the longest name first
    source = browser.find_element(By.CSS_SELECTOR, "#panel .evidence .source")
    assert source.text == "Mayor visits Springfield · 2025-04-22"
    assert source.find_element(By.TAG_NAME, "a").get_attribute("href") == "https://example.org/visit"
    assert "extractor visited/visit-verb · confidence 0.90" in browser.find_element(By.CSS_SELECTOR, "#panel .evidence").text

    # the timeline entry focuses the same edge
    browser.find_element(By.CSS_SELECTOR, "#timeline-items li button").click()
    assert browser.execute_script("return kg.network.getSelectedEdges()") == [edge]


def test_browser_markup_names_stay_text(browser) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    img = f"{PERSON}img_src_x_onerror_alert_1_"
    browser.execute_script("kg.focusNode(arguments[0])", img)
    panel = browser.execute_script("return document.getElementById('panel').textContent")
    assert IMG in panel
    fact = browser.find_element(By.CSS_SELECTOR, "#panel .facts button")
    fact.click()  # a real click on the fact in the panel
    blockquote = browser.find_element(By.CSS_SELECTOR, "#panel .evidence blockquote")
    assert blockquote.text == "Then <img src=x onerror=alert(1)> toured springfield </script>."
    assert [m.text for m in blockquote.find_elements(By.TAG_NAME, "mark")] == [IMG, "springfield"]
    titles = browser.execute_script(
        "return [kg.nodes.get(arguments[0]).title, kg.nodes.get(arguments[0]).label]", img)
    assert titles[0].startswith(IMG + "\nPerson") and titles[1] == IMG  # plain-text title, drawn label

    # the tooltip, shown by moving the mouse onto the node, is text too
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    size = canvas.size

    def hover_shows_tooltip(d):
        # the view, still (no animation), then the mouse onto the node; retried while the machine is busy
        x, y = d.execute_script(
            "var id = arguments[0], net = kg.network;"
            " net.moveTo({position: net.getPositions([id])[id], scale: 1.5});"
            " var p = net.canvasToDOM(net.getPositions([id])[id]); return [p.x, p.y];", img)
        ActionChains(d).move_to_element_with_offset(canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)) \
            .pause(0.05).move_by_offset(1, 0).pause(0.4).perform()
        return d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility !== 'hidden' && t.textContent ? [t.textContent, t.querySelectorAll('img, script').length] : null")

    tooltip = WebDriverWait(browser, 20, poll_frequency=0.2).until(hover_shows_tooltip)
    assert tooltip[0].startswith(IMG) and tooltip[1] == 0  # innerText: line breaks become <br>, nothing else
    assert browser.execute_script("return [document.querySelectorAll('img').length,"
                                  " document.querySelectorAll('script').length]") == [0, 3]
    time.sleep(0.3)  # give any injected handler (img onerror) a chance to fire
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert


def test_browser_no_errors_and_no_requests(browser, page: Path) -> None:
    # runs after the other browser tests: their clicks must not have logged errors or fetched anything
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], severe
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            requests.append((params.get("documentURL", ""), params["request"]["url"]))
    ours = [url for document, url in requests if document.startswith("file:")]
    assert page.as_uri() in ours
    assert [u for u in ours if not u.startswith(("file:", "data:"))] == []
    # nor did anything else in the browser go out (its own chrome:// pages are local)
    assert [u for _, u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))] == []
