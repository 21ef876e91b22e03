"""The interactive page (kg.viz): offline, escaped, deterministic, atomic, and drawn by a real browser."""
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
from kg.viz.page import TYPE_STYLES, render_html

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
EVIL = "<script>alert(1)</script>"
N_ENTITIES = 7  # jane, john, springfield, ohio, acme, delegation, the <script> person
N_EDGES = 7  # visited x2, includes x2, locatedIn x2, signsAgreementWith once
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def page(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(graph, tmp_path_factory.mktemp("viz") / "graph.html", title="Mini <graph>")


@pytest.fixture(scope="module")
def text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _data(text: str, name: str) -> list[dict]:
    match = re.search(rf"var {name} = (.*);\n", text)
    assert match, f"{name} not found in the page"
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


# --------------------------------------------------------------------------- unit


def test_page_is_offline(text: str) -> None:
    tags = _parse(text).tags
    for tag, attrs in tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        assert tag != "link", f"external stylesheet or resource: {attrs}"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert "@import" not in text
    assert "cdn.jsdelivr" not in text and "cdnjs" not in text
    # vis-network itself is inlined
    assert any("vis-network" in s and "Network" in s for s in _parse(text).scripts)


def test_header_title_and_counts(text: str) -> None:
    assert "<h1>Mini &lt;graph&gt;</h1>" in text
    assert "<title>Mini &lt;graph&gt;</title>" in text
    assert f"{N_ENTITIES} entities · {N_EDGES} relations · 1 document<" in text


def test_legend_lists_every_type_and_edge_style(text: str) -> None:
    for name in ENTITY_TYPES:
        colour, shape = TYPE_STYLES[name]
        item = re.search(rf'<li class="legend-type" data-type="{name}">(.*?)</li>', text)
        assert item, f"no legend entry for {name}"
        assert colour in item.group(1) and f'data-shape="{shape}"' in item.group(1)
    for kind in ("extracted", "inferred", "symmetric"):
        assert f'data-edge="{kind}"' in text
    assert 'stroke-dasharray' in re.search(r'data-edge="inferred">(.*?)</li>', text).group(1)
    styles = [TYPE_STYLES[t] for t in ENTITY_TYPES]
    assert len({c for c, _ in styles}) == len(styles) and len({s for _, s in styles}) == len(styles)


def test_nodes_one_per_entity_styled_by_type(text: str) -> None:
    nodes = _data(text, "kgNodes")
    assert len(nodes) == N_ENTITIES
    by_label = {n["label"]: n for n in nodes}
    assert (by_label["Jane Doe"]["color"], by_label["Jane Doe"]["shape"]) == TYPE_STYLES["Person"]
    assert (by_label["Acme Corp"]["color"], by_label["Acme Corp"]["shape"]) == TYPE_STYLES["Organization"]
    assert (by_label["Ohio"]["color"], by_label["Ohio"]["shape"]) == TYPE_STYLES["Place"]
    assert (by_label["delegation"]["color"], by_label["delegation"]["shape"]) == TYPE_STYLES["Group"]
    # size grows with degree: Springfield has 4 relations, John Roe 1
    assert by_label["Springfield"]["size"] > by_label["John Roe"]["size"]
    jane = by_label["Jane Doe"]["title"]
    assert "Person" in jane and "Mayor Jane Doe" in jane and "Mayor visits Springfield" in jane


def test_edges_directed_symmetric_once_inferred_dashed(text: str) -> None:
    edges = _data(text, "kgEdges")
    assert len(edges) == N_EDGES
    agreement = [e for e in edges if e["label"] == "signsAgreementWith"]
    assert len(agreement) == 1 and agreement[0]["arrows"] == ""
    visited = [e for e in edges if e["label"] == "visited"]
    assert len(visited) == 2 and all(e["arrows"] == "to" for e in visited)
    located = {(e["from"].rsplit("/", 1)[-1], e["to"].rsplit("/", 1)[-1]): e for e in edges if e["label"] == "locatedIn"}
    inferred = located[("acme_corp", "springfield")]
    assert inferred["dashes"] is True and "rule group-member-location" in inferred["title"]
    assert located[("springfield", "ohio")]["dashes"] is False
    jane = next(e for e in edges if e["from"].endswith("jane_doe"))
    assert jane["dashes"] is False
    for part in ("confidence 0.90", "Mayor Jane Doe visited Springfield on Tuesday.", "Mayor visits Springfield",
                 "visit.txt", "visited/visit-verb"):
        assert part in jane["title"]


def test_article_text_is_escaped(text: str) -> None:
    assert EVIL not in text
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # in the tooltips
    assert "&lt;img src=x onerror=alert(2)&gt;" in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text
    parsed = _parse(text)
    # exactly our two scripts (vis-network, the data): no article text closed or opened one
    assert len(parsed.scripts) == 2
    assert [t for t, _ in parsed.tags].count("img") == 0
    nodes = _data(text, "kgNodes")
    evil = next(n for n in nodes if n["id"].endswith("_script_alert_1___script_"))
    assert evil["label"] == EVIL  # drawn on the canvas as text, exactly as written
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in evil["title"] and EVIL not in evil["title"]


def test_output_is_deterministic(graph: Graph, text: str, tmp_path: Path) -> None:
    # same triples, parsed in a different order
    lines = graph.serialize(format="nt").splitlines()
    shuffled = Graph().parse(data="\n".join(reversed(lines)), format="nt")
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
    with pytest.raises(KgError, match="height"):
        write_html(graph, target, height="800px; } body { display: none")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_empty_graph_renders(tmp_path: Path) -> None:
    text = write_html(Graph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    assert _data(text, "kgNodes") == [] and _data(text, "kgEdges") == []
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
    assert len(_data(text, "kgNodes")) == 2_500
    assert elapsed < 10, f"rendering took {elapsed:.1f}s"


def test_render_html_matches_written_file(graph: Graph, text: str) -> None:
    assert render_html(graph, title="Mini <graph>") == text


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"browser test needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser test needs selenium (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # an explicit chromedriver path: selenium-manager never downloads a driver
    drv = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def test_page_draws_in_chromium(driver, page: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("performance")  # drop what the browser loaded at start-up (its new-tab page)
    driver.get(page.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.kgReady === true"))

    assert driver.execute_script("return typeof network === 'object' && network !== null")
    assert driver.execute_script("return network.body.data.nodes.length") == N_ENTITIES
    assert driver.execute_script("return network.body.data.edges.length") == N_EDGES

    # the canvas has been drawn on: not all pixels are the same
    colours = driver.execute_script(
        """
        var canvas = document.querySelector('#mynetwork canvas');
        var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var seen = new Set();
        for (var i = 0; i < data.length && seen.size < 50; i += 4) {
            seen.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2] + ',' + data[i + 3]);
        }
        return seen.size;
        """
    )
    assert colours > 1, "the canvas is blank"

    # the <script> entity is text: its tooltip shows the string and contains no elements from it
    tooltip = driver.execute_script(
        """
        var node = network.body.data.nodes.get('https://w3id.org/newskg/id/person/_script_alert_1___script_');
        var edge = network.body.data.edges.get().filter(function (e) { return e.label === 'visited'
            && e.from === node.id; })[0];
        return {label: node.label, text: node.title.textContent,
                injected: node.title.querySelectorAll('script, img').length
                          + edge.title.querySelectorAll('script, img').length,
                edgeText: edge.title.textContent};
        """
    )
    assert tooltip["label"] == EVIL
    assert EVIL in tooltip["text"]
    assert "<img src=x onerror=alert(2)>" in tooltip["edgeText"]
    assert tooltip["injected"] == 0

    time.sleep(0.5)  # give any injected handler (img onerror) a chance to fire
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert
    assert driver.execute_script("return document.querySelectorAll('body script').length") == 2

    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], severe
    # nothing but the page itself (and inline data: URIs) was requested
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            requests.append((params.get("documentURL", ""), params["request"]["url"]))
    ours = [url for document, url in requests if document.startswith("file:")]
    assert page.as_uri() in ours
    assert [u for u in ours if not u.startswith(("file:", "data:"))] == []
    assert [u for _, u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))] == []

