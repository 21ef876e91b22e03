"""The bulk ``FastDependencyMatcher`` gives exactly spaCy's ``DependencyMatcher`` matches, in the
same order, for kg's patterns (fuzzy, IN, NOT_IN, empty node patterns) and falls back to the
stock path for attributes it does not handle."""
from __future__ import annotations

from spacy.matcher import DependencyMatcher

from kg.extract.depmatch import FastDependencyMatcher, tree_roots
from kg.extract.patterns import load_patterns
from kg.ingest import documents_from_texts
from kg.nlp.pipeline import parse

TEXTS = [
    "Mayor Jane Doe visited Springfield on Tuesday. She vistied Shelbyville and toured Ogdenville on Friday.",
    "Acme Corp signed an agreement with Globex Inc. The consortium, based in Brockway, includes Initech and Hooli.",
    "A delegation led by Vice Premier Liu He will travel to Washington. It did not visit Ottawa.",
]


def both(vocab, patterns):
    stock, fast = DependencyMatcher(vocab, validate=True), FastDependencyMatcher(vocab, validate=True)
    for pid, pattern in patterns:
        stock.add(pid, [pattern])
        fast.add(pid, [pattern])
    return stock, fast


def test_same_matches_as_spacy_for_kg_patterns(nlp, article_text: str) -> None:
    stock, fast = both(nlp.vocab, [(pid, p.pattern) for pid, p in load_patterns().patterns.items()])
    assert fast._node_index() is not None  # kg's own patterns take the fast path
    docs = [doc for _, doc in parse(nlp, documents_from_texts([article_text, *TEXTS]))]
    found = [fast(doc) for doc in docs]
    assert found == [stock(doc) for doc in docs]
    assert sum(map(len, found)) > 5


def test_other_attributes_take_the_stock_path(nlp) -> None:
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^visit"}}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"ENT_TYPE": "GPE"}}]
    stock, fast = both(nlp.vocab, [("regex", pattern)])
    assert fast._node_index() is None
    doc = nlp("Jane Doe visited Springfield on Tuesday.")
    assert fast(doc) == stock(doc)


def test_tree_roots_are_sentence_roots(nlp) -> None:
    doc = nlp("Jane Doe visited Springfield. Acme Corp signed a deal.")
    roots = tree_roots(doc)
    assert roots == [([t] + list(t.ancestors))[-1].i for t in doc]


def test_every_operator_matches_as_spacy(nlp) -> None:
    ops = ["<", ">", "<<", ">>", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--", ">+", ">-", ">++", ">--",
           "<+", "<-", "<++", "<--"]
    patterns = [(f"op{n}", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "NOUN", "PROPN"]}}},
                            {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
                            {"LEFT_ID": "b", "REL_OP": ">", "RIGHT_ID": "c", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}])
                for n, op in enumerate(ops)]
    stock, fast = both(nlp.vocab, patterns)
    assert fast._node_index() is not None
    docs = [doc for _, doc in parse(nlp, documents_from_texts(TEXTS))]
    found = [fast(doc) for doc in docs]
    assert found == [stock(doc) for doc in docs]
    assert sum(map(len, found)) > 50
