"""``kg.evaluate.calibrate``: each pattern's precision on annotated articles and its calibrated
confidence, ``write_confidences`` on copies of pattern files (never the package's own), and
``kg evaluate --calibrate`` / ``--write-confidences FOLDER``."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import OutputError
from kg.evaluate import load_gold
from kg.evaluate.calibrate import PSEUDO_COUNT, PatternPrecision, measure, write_confidences
from kg.extract.patterns import default_pattern_files, load_pattern_file
from kg.graph.vocab import KG

ARTICLE = """Mayor Jane Doe visited Springfield on Tuesday.

Acme Corp is based in Shelbyville.

Acme Corp signed an agreement with Globex Inc on Wednesday.
"""

ENTITIES = {
    "jane": {"name": "Jane Doe", "type": "Person", "aliases": ["Mayor Jane Doe"]},
    "springfield": {"name": "Springfield", "type": "Place", "aliases": []},
    "acme": {"name": "Acme Corp", "type": "Organization", "aliases": []},
    "shelbyville": {"name": "Shelbyville", "type": "Place", "aliases": []},
    "globex": {"name": "Globex Inc", "type": "Organization", "aliases": ["Globex"]},
}
#: The visit is right, the agreement neutral (optional), and "Acme Corp is based in Shelbyville"
#: is left out on purpose, so that its (true) fact counts as wrong.
GOLD = {
    "doc": "calibration",
    "text_file": "calibration.txt",
    "entities": ENTITIES,
    "relations": [
        {"s": "jane", "p": "visited", "o": "springfield", "status": "gold",
         "evidence": "Mayor Jane Doe visited Springfield on Tuesday."},
        {"s": "acme", "p": "signsAgreementWith", "o": "globex", "status": "optional"},
    ],
}


# --- the arithmetic --------------------------------------------------------------------------------


def test_precision() -> None:
    assert PatternPrecision("x/y", right=3, wrong=1).precision == pytest.approx(0.75)
    assert PatternPrecision("x/y", right=0, wrong=2, neutral=5).precision == 0.0
    assert PatternPrecision("x/y", neutral=4).precision is None  # neutral facts say nothing
    assert PatternPrecision("x/y").precision is None


@pytest.mark.parametrize("right, wrong", [(3, 1), (0, 1), (1, 0), (10, 0), (2, 2), (0, 0), (5, 5)])
def test_calibrated_is_laplace_smoothed_precision(right: int, wrong: int) -> None:
    entry = PatternPrecision("x/y", right=right, wrong=wrong, neutral=7)  # neutral facts do not count
    assert entry.calibrated() == pytest.approx(round((right + PSEUDO_COUNT) / (right + wrong + 2 * PSEUDO_COUNT), 2))


def test_calibrated_hand_computed() -> None:
    assert PSEUDO_COUNT == 1.0
    assert PatternPrecision("x/y", right=3, wrong=1).calibrated() == 0.67  # 4 / 6
    assert PatternPrecision("x/y", right=0, wrong=1).calibrated() == 0.33  # 1 / 3
    assert PatternPrecision("x/y", right=1, wrong=0).calibrated() == 0.67  # 2 / 3
    assert PatternPrecision("x/y", right=14, wrong=0).calibrated() == 0.94  # 15 / 16


def test_calibrated_moves_toward_the_precision_with_more_observations() -> None:
    for right, wrong in [(1, 0), (0, 1), (4, 6), (9, 1)]:
        entry = PatternPrecision("x/y", right=right, wrong=wrong)
        low, high = sorted((entry.precision, 0.5))
        assert low - 0.005 <= entry.calibrated() <= high + 0.005
    few, many = PatternPrecision("x/y", right=2, wrong=0), PatternPrecision("x/y", right=50, wrong=0)
    assert abs(many.calibrated() - 1.0) < abs(few.calibrated() - 1.0)


def write_gold(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{data['doc']}.gold.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("calibration")
    article = folder / "calibration.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article, write_gold(folder / "gold", GOLD)


@pytest.fixture(scope="module")
def graph(nlp, corpus) -> Graph:
    return kg.build([corpus[0]]).graph


def extractors_of(g: Graph, predicate: URIRef) -> set[str]:
    """The extractors of the evidence of every statement of *predicate* (read from the graph)."""
    found = set()
    for st in g.subjects(RDF.predicate, predicate):
        for ev in g.objects(st, KG.evidence):
            found.update(str(x) for x in g.objects(ev, KG.extractor))
    return found


def test_measure_counts_right_wrong_and_neutral(graph: Graph, corpus) -> None:
    stats = measure(graph, load_gold(corpus[1]))
    visit, located, agreement = (extractors_of(graph, KG[r]) for r in ("visited", "locatedIn", "signsAgreementWith"))
    assert visit and located and agreement, "the article should give one fact of each"
    assert not (visit & located) and not (visit & agreement) and not (located & agreement)
    for name in visit:
        assert (stats[name].right, stats[name].wrong, stats[name].neutral) == (1, 0, 0)
        assert stats[name].precision == 1.0
    for name in located:
        assert (stats[name].right, stats[name].wrong) == (0, 1)
        assert stats[name].precision == 0.0
    for name in agreement:
        assert (stats[name].right, stats[name].wrong) == (0, 0) and stats[name].neutral >= 1
        assert stats[name].precision is None
    assert list(stats) == sorted(stats)
    assert all(entry.extractor == name for name, entry in stats.items())


def test_measure_ignores_facts_that_are_not_relations(graph: Graph, corpus) -> None:
    stats = measure(graph, load_gold(corpus[1]))
    holds = extractors_of(graph, KG.holdsPosition)
    assert holds, "'Mayor Jane Doe' should give a position"
    assert not set(stats) & holds


def test_a_symmetric_fact_counts_once(graph: Graph, tmp_path: Path) -> None:
    gold = dict(GOLD, relations=[{"s": "acme", "p": "signsAgreementWith", "o": "globex", "status": "gold"}])
    stats = measure(graph, load_gold(write_gold(tmp_path / "gold", gold)))
    for name in extractors_of(graph, KG.signsAgreementWith):
        assert stats[name].right == 1, stats[name]


# --- write_confidences on copies -------------------------------------------------------------------


@pytest.fixture
def pattern_copy(tmp_path: Path) -> Path:
    """A copy of the package's visited.json in tmp_path (the package's files are never written)."""
    source = next(p for p in default_pattern_files() if p.name == "visited.json")
    target = tmp_path / "patterns" / "visited.json"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


def confidences(path: Path) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {p["id"]: float(p.get("confidence", 0.5)) for p in data["patterns"]}


def test_write_confidences_in_place_on_a_copy(pattern_copy: Path) -> None:
    before = confidences(pattern_copy)
    assert len(before) >= 3
    measured, unobserved, *untouched = sorted(before)
    stats = {
        measured: PatternPrecision(measured, right=1, wrong=3),
        unobserved: PatternPrecision(unobserved, neutral=4),  # nothing right or wrong: left alone
        "visited/not-in-this-file": PatternPrecision("visited/not-in-this-file", right=5),
    }
    changes = write_confidences([pattern_copy], stats)
    expected = stats[measured].calibrated()
    assert expected != before[measured]
    assert changes == {measured: (before[measured], expected)}
    after = confidences(pattern_copy)
    assert after[measured] == expected
    assert {k: v for k, v in after.items() if k != measured} == {k: v for k, v in before.items() if k != measured}
    # still a valid pattern file, with everything else as it was
    assert [p.id for p in load_pattern_file(pattern_copy)] == list(before)


def test_write_confidences_leaves_an_unchanged_file_alone(pattern_copy: Path) -> None:
    data = pattern_copy.read_bytes()
    stamp = pattern_copy.stat().st_mtime_ns
    first = sorted(confidences(pattern_copy))[0]
    assert write_confidences([pattern_copy], {first: PatternPrecision(first, neutral=2)}) == {}
    assert write_confidences([pattern_copy], {}) == {}
    assert pattern_copy.read_bytes() == data and pattern_copy.stat().st_mtime_ns == stamp


def test_write_confidences_into_a_folder(pattern_copy: Path, tmp_path: Path) -> None:
    original = pattern_copy.read_bytes()
    before = confidences(pattern_copy)
    measured = sorted(before)[-1]
    out = tmp_path / "calibrated"
    out.mkdir()
    changes = write_confidences([pattern_copy], {measured: PatternPrecision(measured, right=0, wrong=4)}, folder=out)
    assert pattern_copy.read_bytes() == original  # the source is not touched
    assert [p.name for p in out.iterdir()] == ["visited.json"]
    written = confidences(out / "visited.json")
    assert changes == {measured: (before[measured], written[measured])}
    assert written[measured] == round((0 + 1) / (4 + 2), 2)
    assert {k: v for k, v in written.items() if k != measured} == {k: v for k, v in before.items() if k != measured}


def test_write_confidences_copies_unchanged_files_into_the_folder(pattern_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "calibrated"
    out.mkdir()
    assert write_confidences([pattern_copy], {}, folder=out) == {}
    assert confidences(out / "visited.json") == confidences(pattern_copy)


def test_write_confidences_needs_an_existing_folder(pattern_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not a folder"):
        write_confidences([pattern_copy], {}, folder=tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


# --- the command ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli():
    runner = CliRunner()

    def run(*args: str | os.PathLike[str]):
        return runner.invoke(app, [os.fspath(a) for a in args], prog_name="kg", env={"COLUMNS": "250"})

    return run


def table_rows(stdout: str) -> dict[str, list[str]]:
    """The rows of the pattern table: extractor → [right, wrong, neutral, precision, current, calibrated]."""
    rows = {}
    after = stdout.split("Pattern precision", 1)[1]
    for line in after.splitlines():
        cells = [c.strip() for c in line.strip().strip("│┃").split("│")]
        if len(cells) == 7 and "/" in cells[0]:
            rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def package_patterns() -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in default_pattern_files()}


def test_cli_calibrate_prints_the_pattern_table(cli, graph: Graph, corpus) -> None:
    article, gold = corpus
    result = cli("evaluate", "--gold", gold, article, "--calibrate")
    assert result.exit_code == 0, result.output
    assert "Pattern precision" in result.stdout
    stats = measure(graph, load_gold(gold))  # the same article, built through the API
    rows = table_rows(result.stdout)
    assert set(rows) == set(stats)
    for name, entry in stats.items():
        right, wrong, neutral, precision, current, calibrated = rows[name]
        assert (int(right), int(wrong), int(neutral)) == (entry.right, entry.wrong, entry.neutral)
        if entry.precision is None:
            assert precision == "-" and calibrated == "-"
        else:
            assert float(precision) == pytest.approx(entry.precision, abs=0.005)
            assert float(calibrated) == pytest.approx(entry.calibrated(), abs=0.005)
    assert result.stdout.rstrip().splitlines()[-1].startswith("F1=")


def test_cli_without_calibrate_prints_no_pattern_table(cli, corpus) -> None:
    article, gold = corpus
    result = cli("evaluate", "--gold", gold, article)
    assert result.exit_code == 0, result.output
    assert "Pattern precision" not in result.stdout


def test_cli_write_confidences_writes_copies_only(cli, graph: Graph, corpus, tmp_path: Path,
                                                  package_patterns: dict[Path, bytes]) -> None:
    article, gold = corpus
    out = tmp_path / "calibrated"
    out.mkdir()
    result = cli("evaluate", "--gold", gold, article, "--write-confidences", out)
    assert result.exit_code == 0, result.output
    assert "Pattern precision" in result.stdout  # --write-confidences shows the table too
    # the package's own pattern files are untouched
    assert {p: p.read_bytes() for p in package_patterns} == package_patterns
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in package_patterns)
    assert f"wrote {len(package_patterns)} pattern file(s)" in result.stderr
    stats = measure(graph, load_gold(gold))
    for source in package_patterns:
        old, new = confidences(source), confidences(out / source.name)
        assert set(old) == set(new)
        for pid, value in old.items():
            entry = stats.get(pid)
            if entry is None or entry.right + entry.wrong == 0:
                assert new[pid] == value, pid
            else:
                assert new[pid] == entry.calibrated(), pid
    # the visit pattern was right, the based-in one wrong: the right one ends up more trusted
    visit = next(iter(extractors_of(graph, KG.visited)))
    located = next(iter(extractors_of(graph, KG.locatedIn)))
    merged_old = {k: v for p in package_patterns for k, v in confidences(p).items()}
    merged_new = {k: v for p in package_patterns for k, v in confidences(out / p.name).items()}
    assert merged_new[visit] > 0.5 > merged_new[located]
    assert merged_new[located] < merged_old[located]


def test_cli_write_confidences_includes_extra_pattern_files(cli, corpus, tmp_path: Path) -> None:
    article, gold = corpus
    extra = tmp_path / "extra" / "inspections.json"
    extra.parent.mkdir()
    extra.write_text(json.dumps({
        "relation": "visited", "subject_types": ["Person"], "object_types": ["Place"],
        "patterns": [{"id": "visited/test-inspect", "confidence": 0.6, "pattern": [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "inspect"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}],
            "subject": {"agent_of": "trigger"}, "object": "object"}],
    }), encoding="utf-8")
    original = extra.read_bytes()
    out = tmp_path / "calibrated"
    out.mkdir()
    result = cli("evaluate", "--gold", gold, article, "--patterns", extra, "--write-confidences", out)
    assert result.exit_code == 0, result.output
    assert extra.read_bytes() == original
    assert confidences(out / "inspections.json") == {"visited/test-inspect": 0.6}  # unmeasured: unchanged
    assert len(list(out.iterdir())) == len(default_pattern_files()) + 1


def test_cli_write_confidences_keeps_same_named_files_apart(cli, corpus, tmp_path: Path) -> None:
    article, gold = corpus
    extra = tmp_path / "mine" / "visited.json"
    extra.parent.mkdir()
    extra.write_text(json.dumps({
        "relation": "visited", "subject_types": ["Person"], "object_types": ["Place"],
        "patterns": [{"id": "visited/test-inspect", "confidence": 0.6, "pattern": [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "inspect"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}],
            "subject": {"agent_of": "trigger"}, "object": "object"}],
    }), encoding="utf-8")
    out = tmp_path / "calibrated"
    out.mkdir()
    result = cli("evaluate", "--gold", gold, article, "--patterns", extra, "--write-confidences", out)
    assert result.exit_code == 0, result.output
    written = {pid for p in out.iterdir() for pid in confidences(p)}
    default_visited = next(p for p in default_pattern_files() if p.name == "visited.json")
    assert set(confidences(default_visited)) | {"visited/test-inspect"} <= written


def test_cli_write_confidences_to_a_missing_folder(cli, corpus, tmp_path: Path) -> None:
    article, gold = corpus
    result = cli("evaluate", "--gold", gold, article, "--write-confidences", tmp_path / "missing")
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "not a folder" in lines[0], result.stderr
    assert not (tmp_path / "missing").exists()


def test_the_written_folder_can_be_passed_back(cli, corpus, tmp_path: Path) -> None:
    article, gold = corpus
    out = tmp_path / "calibrated"
    out.mkdir()
    assert cli("evaluate", "--gold", gold, article, "--write-confidences", out).exit_code == 0
    result = cli("build", article, "--patterns", out, "-o", tmp_path / "graph.ttl", "-q")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code != 0:  # at least a one-line error
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
