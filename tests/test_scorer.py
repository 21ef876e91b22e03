"""Candidate facts, trigger classes, the learned scorer, ``kg train`` and ``kg evaluate --cv``:
on purpose-written articles with hand-made gold files, and on the development set as a user
would run them (skipped without ``../shared``)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.errors import InputError
from kg.extract.extractor import extract, propose
from kg.extract.scorer import RelationModel, load_scorer
from kg.extract.triggers import load_triggers
from kg.nlp.pipeline import load_pipeline
from kg.train import cross_validate, read_corpus, train

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"

ARTICLES = {
    "acme": ("Acme Corp signed an agreement with Globex Inc on Monday. Acme Corp is based in Lyon. "
             "Its chief, Ana Silva, flew to Madrid on Tuesday.",
             [("acme", "Acme Corp", "Organization"), ("globex", "Globex Inc", "Organization"),
              ("lyon", "Lyon", "Place"), ("silva", "Ana Silva", "Person"), ("madrid", "Madrid", "Place")],
             [("acme", "signsAgreementWith", "globex"), ("acme", "locatedIn", "lyon"), ("silva", "visited", "madrid")]),
    "borg": ("Borg Motors signed a contract with Vela Steel. Borg Motors is based in Turin. "
             "Minister Paul Grant visited Oslo last week.",
             [("borg", "Borg Motors", "Organization"), ("vela", "Vela Steel", "Organization"),
              ("turin", "Turin", "Place"), ("grant", "Paul Grant", "Person"), ("oslo", "Oslo", "Place")],
             [("borg", "signsAgreementWith", "vela"), ("borg", "locatedIn", "turin"), ("grant", "visited", "oslo")]),
    "cora": ("Cora Bank signed a deal with Delta Energy. Cora Bank is based in Porto. "
             "President Maria Lopez travelled to Warsaw and met the prime minister.",
             [("cora", "Cora Bank", "Organization"), ("delta", "Delta Energy", "Organization"),
              ("porto", "Porto", "Place"), ("lopez", "Maria Lopez", "Person"), ("warsaw", "Warsaw", "Place")],
             [("cora", "signsAgreementWith", "delta"), ("cora", "locatedIn", "porto"), ("lopez", "visited", "warsaw")]),
    "dune": ("Dune Airlines signed an accord with Echo Foods. Dune Airlines is based in Dublin. "
             "Senator John Reyes toured Lagos on Friday.",
             [("dune", "Dune Airlines", "Organization"), ("echo", "Echo Foods", "Organization"),
              ("dublin", "Dublin", "Place"), ("reyes", "John Reyes", "Person"), ("lagos", "Lagos", "Place")],
             [("dune", "signsAgreementWith", "echo"), ("dune", "locatedIn", "dublin"), ("reyes", "visited", "lagos")]),
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, entities, relations) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"doc": name, "text_file": f"{name}.txt",
                "entities": {k: {"name": n, "type": t, "aliases": []} for k, n, t in entities},
                "relations": [{"s": s, "p": p, "o": o, "status": "gold", "evidence": ""} for s, p, o in relations]}
        (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("gold"))


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    return read_corpus([corpus_dir])


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


# --- candidates and their features -------------------------------------------------------------

def test_candidates_describe_the_path_with_trigger_classes() -> None:
    doc = load_pipeline()("Acme Corp signed an agreement with Globex Inc on Monday.")
    entities, _, candidates = propose(doc)
    names = {k: e.label for k, e in entities.items()}
    signing = [c for c in candidates if c.relation == "signsAgreementWith"
               and {names[c.subject], names[c.object]} == {"Acme Corp", "Globex Inc"}]
    assert len(signing) == 1
    features = signing[0].features
    assert "signsAgreementWith/agreement-with" in signing[0].patterns
    assert features["pattern"] == 1.0 and 0 < features["pattern_confidence"] <= 1
    assert features.get("on_path=agreement") == 1.0  # "agreement" lies on the path between the two names
    assert features.get("types=Organization>Organization") == 1.0
    # no candidate pairs an entity with itself, and types fit each relation
    assert all(c.subject != c.object for c in candidates)
    assert not any(c.relation == "locatedIn" and entities[c.object].type != "Place" for c in candidates)


def test_trigger_classes_load_and_extend(tmp_path: Path) -> None:
    doc = load_pipeline()("They inked a pact.")
    assert "agreement" in load_triggers().classes(doc[3])
    extra = tmp_path / "t.json"
    extra.write_text(json.dumps({"classes": {"agreement": {"lemmas": ["compact"]}}}), encoding="utf-8")
    assert "agreement" in load_triggers((extra,)).by_word["compact"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"classes": {"x": {"lemmas": "sign"}}}), encoding="utf-8")
    with pytest.raises(InputError, match="lemmas"):
        load_triggers((bad,))


# --- the model --------------------------------------------------------------------------------

def test_probability_is_a_logistic_of_the_weighted_features() -> None:
    model = RelationModel(bias=-1.0, weights={"a": 2.0, "b": -0.5})
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828 ** 1.0))
    assert model.probability({"a": 1.0, "b": 2.0}) == pytest.approx(0.5)
    assert model.probability({"unknown": 1.0}) == model.probability({})


def test_a_bad_model_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scorer(path)
    assert str(path) in str(info.value) and "kg train" in str(info.value)
    assert load_scorer("rules") is None
    run = _kg("build", str(ROOT / "examples" / "zhejiang_visit.txt"), "--scorer", str(path), "-q")
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_training_labels_follow_the_gold_files(corpus) -> None:
    labelled = {(d.name, c.relation, d.entities[c.subject].label, d.entities[c.object].label): label
                for d in corpus.documents for c, label in zip(d.candidates, d.labels)}
    assert labelled[("acme", "locatedIn", "Acme Corp", "Lyon")] == 1
    assert labelled[("acme", "visited", "Ana Silva", "Madrid")] == 1
    assert labelled[("acme", "signsAgreementWith", "Acme Corp", "Globex Inc")] == 1
    assert labelled[("acme", "visited", "Acme Corp", "Madrid")] == 0  # "Its chief ... flew": not annotated, a negative


def test_training_is_deterministic(corpus) -> None:
    first = json.dumps(train(corpus).to_json(), sort_keys=True)
    assert first == json.dumps(train(corpus).to_json(), sort_keys=True)
    data = json.loads(first)
    assert data["format"] == "kg-scorer/1"
    assert set(data["relations"]) == {"visited", "locatedIn", "signsAgreementWith"}  # no includes in this gold


def test_a_trained_scorer_finds_facts_and_says_so(corpus) -> None:
    scorer = train(corpus)
    doc = load_pipeline()("Nova Labs signed an agreement with Orbit Mining. Nova Labs is based in Quito.")
    facts = extract(doc, "d", scorer=scorer)
    labels = {k: e.label for k, e in facts.entities.items()}
    found = {(labels[r.subject], r.predicate, labels[r.object]): r for r in facts.relations}
    located = found[("Nova Labs", "locatedIn", "Quito")]
    assert located.evidence.extractor.startswith("scorer/locatedIn")
    assert 0.5 <= located.evidence.confidence <= 1.0


def test_cross_validation_scores_held_out_documents(corpus) -> None:
    result = cross_validate(corpus, folds=2)
    # every gold triple is counted once, in the fold that held its document out
    assert result.scorer.micro.gold == sum(len(a[2]) for a in ARTICLES.values())
    assert result.rules.micro.gold == result.scorer.micro.gold
    assert 0.0 <= result.scorer.micro.f1 <= 1.0


# --- the commands, as a user runs them -----------------------------------------------------------

def test_kg_train_then_build_with_the_model(corpus_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.json"
    run = _kg("train", "--gold", str(corpus_dir), "-o", str(model))
    assert run.returncode == 0, run.stderr
    again = tmp_path / "again.json"
    assert _kg("train", "--gold", str(corpus_dir), "-o", str(again), "-q").returncode == 0
    assert model.read_bytes() == again.read_bytes()  # retraining gives the same file
    article = tmp_path / "new.txt"
    article.write_text("Nova Labs signed an agreement with Orbit Mining. Nova Labs is based in Quito.", encoding="utf-8")
    out = tmp_path / "g.ttl"
    run = _kg("build", str(article), "--scorer", str(model), "-o", str(out), "-q")
    assert run.returncode == 0, run.stderr
    rows = kg.load(out).query("SELECT ?x WHERE { ?e kg:extractor ?x FILTER(STRSTARTS(?x, 'scorer/')) }").rows
    assert rows


def test_kg_evaluate_cv_prints_held_out_scores(corpus_dir: Path) -> None:
    run = _kg("evaluate", "--gold", str(corpus_dir), "--cv", "2")
    assert run.returncode == 0, run.stderr
    for relation in ("visited", "locatedIn", "signsAgreementWith", "micro"):
        assert relation in run.stdout
    assert re.search(r"^cv2 scorer F1=\d\.\d{3} P=\d\.\d{3} R=\d\.\d{3}$", run.stdout, re.M)
    bad = _kg("evaluate", "--gold", str(corpus_dir), "--cv", "9")
    assert bad.returncode == 2 and "needs at least 9" in bad.stderr


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/data/dev is not available")
def test_cross_validation_on_the_development_set() -> None:
    run = _kg("evaluate", "--gold", str(DEV), "--cv", "5")
    assert run.returncode == 0, run.stderr
    f1 = {m.group(1): float(m.group(2)) for m in re.finditer(r"^cv5 (\w+) F1=(\d\.\d{3})", run.stdout, re.M)}
    assert set(f1) == {"scorer", "patterns"}
    # the held-out figures the README quotes (0.774 and 0.718), with a small margin
    assert f1["patterns"] >= 0.76 and f1["scorer"] >= 0.70, run.stdout


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/data/dev is not available")
def test_the_shipped_model_is_what_kg_train_writes(tmp_path: Path) -> None:
    """kg/data/scorer.json is reproducible: retrained on the development set it is the same file
    (after a change to candidates, features or patterns, retrain it with the command below)."""
    out = tmp_path / "scorer.json"
    run = _kg("train", "--gold", str(DEV), "-o", str(out), "-q")
    assert run.returncode == 0, run.stderr
    shipped = ROOT / "kg" / "data" / "scorer.json"
    assert out.read_bytes() == shipped.read_bytes(), "retrain: kg train --gold ../shared/data/dev -o kg/data/scorer.json"
    assert load_scorer("default").relations.keys() == json.loads(shipped.read_text())["relations"].keys()
