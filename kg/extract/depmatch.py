"""spaCy's ``DependencyMatcher`` with its first step done in bulk: the same matches, faster.

The stock matcher finds the candidate tokens of every pattern node with a token ``Matcher``
(one pattern per node, 273 for kg's patterns, set-membership tests run token by token) and
then walks each candidate's ancestors to find its tree's root. That step took most of the
relation patterns' time. Here each distinct node pattern is tested once per document on the
token attribute arrays (numpy), and every token's root is computed once; the tree matching
that follows is spaCy's own. Node patterns with attributes other than plain, ``IN``, ``NOT_IN``
or ``FUZZY`` values of ORTH, TEXT, LOWER, NORM, LEMMA, POS, TAG and DEP leave the whole matcher
on the stock path.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, NORM, ORTH, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.matcher.levenshtein import levenshtein_compare
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "LEMMA": LEMMA, "POS": POS, "TAG": TAG, "DEP": DEP}
_ANNOTATIONS = {"LEMMA": "LEMMA", "POS": "POS", "TAG": "TAG", "DEP": "DEP"}  # what the Matcher insists is set

Test = Callable[[numpy.ndarray, StringStore], numpy.ndarray]
_FUZZY = re.compile(r"FUZZY(\d?)$")


def _value_test(column: int, value: object) -> Test | None:
    """A vectorised test of one attribute, as spaCy's Matcher decides it; None if unsupported."""
    if isinstance(value, str):
        wanted = numpy.uint64(get_string_id(value))
        return lambda arrays, _strings: arrays[:, column] == wanted
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    (op, items), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(items, list) and all(isinstance(v, str) for v in items):
        wanted = numpy.array([get_string_id(v) for v in items], dtype=numpy.uint64)
        inside = op == "IN"
        return lambda arrays, _strings: numpy.isin(arrays[:, column], wanted) == inside
    fuzzy = _FUZZY.match(op)
    if fuzzy:
        distance = int(fuzzy.group(1)) if fuzzy.group(1) else -1
        if isinstance(items, str):
            return _fuzzy_test(column, [items], distance)
        if isinstance(items, dict) and list(items) == ["IN"] and all(isinstance(v, str) for v in items["IN"]):
            return _fuzzy_test(column, list(items["IN"]), distance)
    return None


def _fuzzy_test(column: int, values: list[str], distance: int) -> Test:
    """FUZZY: spaCy's own Levenshtein comparison, once per distinct string (cached)."""
    known: dict[int, bool] = {}

    def test(arrays: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        col = arrays[:, column]
        for value in numpy.unique(col).tolist():
            if value not in known:
                text = strings[value]
                known[value] = any(text == v or levenshtein_compare(text, v, distance) for v in values)
        return numpy.isin(col, numpy.array([v for v, ok in known.items() if ok], dtype=numpy.uint64))

    return test


class FastDependencyMatcher(DependencyMatcher):
    """A ``DependencyMatcher`` whose node candidates and tree roots are computed in bulk."""

    def __init__(self, vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self._index: tuple | None = None
        self._indexed = -1

    def add(self, key, patterns, *, on_match=None) -> None:
        super().add(key, patterns, on_match=on_match)
        self._indexed = -1

    def remove(self, key) -> None:
        super().remove(key)
        self._indexed = -1

    def _node_index(self) -> tuple | None:
        """(attribute ids, [(test, matcher keys)]) for all node patterns, or None when one is
        not supported."""
        if self._indexed == len(self._patterns):
            return self._index
        groups: dict[str, tuple[dict, list]] = {}
        for key, patterns in self._patterns.items():
            for pattern, node_keys in zip(patterns, self._tokens_to_key[key]):
                for (attrs,), node_key in zip(pattern, node_keys):
                    groups.setdefault(json.dumps(attrs, sort_keys=True), (attrs, []))[1].append(node_key)
        names = sorted({name for attrs, _ in groups.values() for name in attrs})
        index = None
        if all(name in _ATTRS for name in names):
            columns = {name: i for i, name in enumerate(names)}
            tests = []
            for attrs, node_keys in groups.values():
                checks = [_value_test(columns[name], value) for name, value in attrs.items()]
                if any(check is None for check in checks):
                    break
                tests.append((checks, node_keys))
            else:
                index = ([_ATTRS[n] for n in names], [_ANNOTATIONS[n] for n in names if n in _ANNOTATIONS], tests)
        self._index, self._indexed = index, len(self._patterns)
        return index

    def __call__(self, doclike) -> list:
        # spaCy's __call__ with the first step replaced (its Cython code calls its own
        # _get_keys_to_position_maps directly, so overriding only that has no effect)
        index = self._node_index()
        if index is None or not isinstance(doclike, Doc) or not len(doclike):
            return super().__call__(doclike)
        doc = doclike
        attr_ids, needed, tests = index
        if not all(doc.has_annotation(a) for a in needed):
            return super().__call__(doc)  # raises spaCy's own error
        keys_to_position_maps = self._keys_to_position_maps(doc, attr_ids, tests)
        matched_key_trees = []
        cache: dict = {}
        for key in self._patterns:
            for _root, tree, tokens_to_key in zip(self._root[key], self._tree[key], self._tokens_to_key[key]):
                for keys_to_position in keys_to_position_maps.values():
                    if not all(k in keys_to_position for k in tokens_to_key):
                        continue  # a node without candidates in this tree: the product is empty
                    for matched_tree in self._get_matches(cache, doc, tree, tokens_to_key, keys_to_position):
                        matched_key_trees.append((key, matched_tree))
        for i, (match_id, _nodes) in enumerate(matched_key_trees):
            on_match = self._callbacks.get(match_id)
            if on_match is not None:
                on_match(self, doc, i, matched_key_trees)
        return matched_key_trees

    @staticmethod
    def _keys_to_position_maps(doc: Doc, attr_ids: list[int], tests: list) -> dict:
        """As spaCy's: {root: {node key: [positions]}}, roots in the order of their first
        matching token, positions ascending."""
        arrays = doc.to_array(attr_ids).reshape(len(doc), len(attr_ids)).astype(numpy.uint64, copy=False)
        hits: dict[int, list] = defaultdict(list)
        for checks, node_keys in tests:
            mask = numpy.ones(len(doc), dtype=bool)  # {} matches every token
            for check in checks:
                mask &= check(arrays, doc.vocab.strings)
            for i in numpy.flatnonzero(mask).tolist():
                hits[i].extend(node_keys)
        roots = tree_roots(doc)
        keys_to_position_maps: dict = defaultdict(lambda: defaultdict(list))
        for i in sorted(hits):
            by_key = keys_to_position_maps[roots[i]]
            for node_key in hits[i]:
                by_key[node_key].append(i)
        return keys_to_position_maps


def tree_roots(doc: Doc) -> list[int]:
    """For each token, the index of the top of its chain of heads (its sentence's root)."""
    heads = [t.head.i for t in doc]
    roots = [-1] * len(heads)
    for i in range(len(heads)):
        path, j = [], i
        while roots[j] < 0 and heads[j] != j and len(path) <= len(heads):
            path.append(j)
            j = heads[j]
        if len(path) > len(heads):  # a cycle: let spaCy's own walk decide
            top = ([doc[i]] + list(doc[i].ancestors))[-1].i
            roots[i] = top
            continue
        top = roots[j] if roots[j] >= 0 else j
        roots[j] = top
        for k in path:
            roots[k] = top
    return roots
