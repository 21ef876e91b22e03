"""spaCy's ``DependencyMatcher`` with its first step done in bulk: the same matches, faster.

The stock matcher finds the candidate tokens of every pattern node with a token ``Matcher``
(one pattern per node, 273 for kg's patterns, set-membership tests run token by token) and
then walks each candidate's ancestors to find its tree's root. That step took most of the
relation patterns' time. Here the distinct node patterns are compiled into lookup tables, one
per token attribute, that give for an attribute value the set (a bitmask) of node patterns it
satisfies; a token's node patterns are the AND of its attributes' masks, each distinct value
looked up once per document. Every token's root is computed once, and the node patterns'
positions are grouped per root once and shared by all the nodes with the same attributes; the
tree matching that follows is spaCy's own. Node patterns with attributes other than plain,
``IN``, ``NOT_IN`` or ``FUZZY`` values of ORTH, TEXT, LOWER, NORM, LEMMA, POS, TAG and DEP, and
true or false IS_SENT_START, leave the whole matcher on the stock path.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, NORM, ORTH, POS, SENT_START, TAG
from spacy.matcher import DependencyMatcher
from spacy.matcher.levenshtein import levenshtein_compare
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from .tokens import tokens

_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "LEMMA": LEMMA, "POS": POS, "TAG": TAG, "DEP": DEP,
          "IS_SENT_START": SENT_START}
_ANNOTATIONS = {"LEMMA": "LEMMA", "POS": "POS", "TAG": "TAG", "DEP": "DEP"}  # what the Matcher insists is set
_FLAGS = frozenset({"IS_SENT_START"})  # boolean attributes: a true or false value

Predicate = Callable[[int, StringStore], bool]
_FUZZY = re.compile(r"FUZZY(\d?)$")
_MAX_CACHED_MASKS = 100_000  # distinct token masks (and FUZZY verdicts) remembered across documents


class _Check(NamedTuple):
    """One attribute's condition in a node pattern, as spaCy's Matcher decides it: the value is
    one of *values* (``IN``, a plain value), none of them (``NOT_IN``), or passes *predicate*."""

    kind: str  # "in", "not_in" or "predicate"
    values: tuple[int, ...] = ()
    predicate: Predicate | None = None


def _value_check(value: object, flag: bool = False) -> _Check | None:
    """The condition *value* puts on one attribute; None if unsupported."""
    if flag:  # SENT_START is 1 at a sentence's first token (-1 or 0 elsewhere), as Token.is_sent_start
        if not isinstance(value, bool):
            return None
        return _Check("predicate", predicate=lambda v, _strings: (v == 1) == value)
    if isinstance(value, str):
        return _Check("in", (get_string_id(value),))
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    (op, items), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(items, list) and all(isinstance(v, str) for v in items):
        return _Check("in" if op == "IN" else "not_in", tuple(get_string_id(v) for v in items))
    fuzzy = _FUZZY.match(op)
    if fuzzy:
        distance = int(fuzzy.group(1)) if fuzzy.group(1) else -1
        if isinstance(items, str):
            return _Check("predicate", predicate=_fuzzy_test([items], distance))
        if isinstance(items, dict) and list(items) == ["IN"] and all(isinstance(v, str) for v in items["IN"]):
            return _Check("predicate", predicate=_fuzzy_test(list(items["IN"]), distance))
    return None


def _fuzzy_test(values: list[str], distance: int) -> Predicate:
    """FUZZY: spaCy's own Levenshtein comparison, once per distinct string (cached)."""
    known: dict[int, bool] = {}

    def test(value: int, strings: StringStore) -> bool:
        if value not in known:
            if len(known) >= _MAX_CACHED_MASKS:  # one entry per distinct word: bounded like the masks
                known.clear()
            text = strings[value]
            known[value] = any(text == v or levenshtein_compare(text, v, distance) for v in values)
        return known[value]

    return test


class _Column:
    """One token attribute's lookup table: for a value, the node patterns (bits) it lets pass."""

    def __init__(self) -> None:
        self.free = 0  # node patterns that do not look at this attribute
        self.wanted: dict[int, int] = {}  # value -> "in" patterns that list it
        self.not_in = 0  # "not_in" patterns
        self.excluded: dict[int, int] = {}  # value -> "not_in" patterns that list it
        self.predicates: list[tuple[int, Predicate]] = []

    def add(self, bit: int, check: _Check | None) -> None:
        if check is None:
            self.free |= bit
        elif check.kind == "in":
            for v in check.values:
                self.wanted[v] = self.wanted.get(v, 0) | bit
        elif check.kind == "not_in":
            self.not_in |= bit
            for v in check.values:
                self.excluded[v] = self.excluded.get(v, 0) | bit
        else:
            self.predicates.append((bit, check.predicate))

    def mask(self, value: int, strings: StringStore) -> int:
        bits = self.free | self.wanted.get(value, 0) | (self.not_in & ~self.excluded.get(value, 0))
        for bit, predicate in self.predicates:
            if predicate(value, strings):
                bits |= bit
        return bits


class _Index(NamedTuple):
    attr_ids: list[int]
    needed: list[str]  # annotations the stock Matcher requires
    columns: list[_Column]
    everything: int  # the mask of all node patterns (for a matcher without attributes)
    trees: list[tuple]  # (key, tree, node keys, node pattern of each node key, their set), in spaCy's order


class FastDependencyMatcher(DependencyMatcher):
    """A ``DependencyMatcher`` whose node candidates and tree roots are computed in bulk."""

    def __init__(self, vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self._index: _Index | None = None
        self._indexed = -1
        self._mask_tests: dict[int, tuple[int, ...]] = {}

    def add(self, key, patterns, *, on_match=None) -> None:
        super().add(key, patterns, on_match=on_match)
        self._indexed = -1

    def remove(self, key) -> None:
        super().remove(key)
        self._indexed = -1

    def _node_index(self) -> _Index | None:
        """The lookup tables of all node patterns, or None when one is not supported."""
        if self._indexed == len(self._patterns):
            return self._index
        groups: dict[str, int] = {}  # distinct node attributes -> node pattern number
        attrs_of: list[dict] = []
        test_of: dict = {}  # node key -> node pattern number
        for key, patterns in self._patterns.items():
            for pattern, node_keys in zip(patterns, self._tokens_to_key[key]):
                for (attrs,), node_key in zip(pattern, node_keys):
                    j = groups.setdefault(json.dumps(attrs, sort_keys=True), len(groups))
                    if j == len(attrs_of):
                        attrs_of.append(attrs)
                    test_of[node_key] = j
        names = sorted({name for attrs in attrs_of for name in attrs})
        index = None
        if all(name in _ATTRS for name in names):
            columns = {name: _Column() for name in names}
            supported = True
            for j, attrs in enumerate(attrs_of):
                for name, column in columns.items():
                    check = _value_check(attrs[name], name in _FLAGS) if name in attrs else None
                    if name in attrs and check is None:
                        supported = False
                    column.add(1 << j, check)
            if supported:
                trees = []
                for key in self._patterns:
                    for tree, tokens_to_key in zip(self._tree[key], self._tokens_to_key[key]):
                        tests = tuple(test_of[k] for k in tokens_to_key)
                        trees.append((key, tree, tokens_to_key, tests, frozenset(tests), _incoming(tree, len(tests))))
                index = _Index([_ATTRS[n] for n in names], [_ANNOTATIONS[n] for n in names if n in _ANNOTATIONS],
                               list(columns.values()), (1 << len(attrs_of)) - 1, trees)
        self._index, self._indexed = index, len(self._patterns)
        self._mask_tests = {}
        return index

    def __call__(self, doclike) -> list:
        # spaCy's __call__ with the first step replaced (its Cython code calls its own
        # _get_keys_to_position_maps directly, so overriding only that has no effect)
        index = self._node_index()
        if index is None or not isinstance(doclike, Doc) or not len(doclike):
            return super().__call__(doclike)
        doc = doclike
        if not all(doc.has_annotation(a) for a in index.needed):
            return super().__call__(doc)  # raises spaCy's own error
        heads = (numpy.arange(len(doc)) + doc.to_array(HEAD).astype(numpy.int64)).tolist()
        roots = tree_roots(doc, heads)
        by_root = self._positions_by_root(doc, index, roots)
        matched_key_trees = []
        cache: dict = {}
        related = _Relations(self, doc, heads, roots)
        for key, tree, tokens_to_key, tests, needs, incoming in index.trees:
            for positions in by_root.values():
                if not positions.keys() >= needs:
                    continue  # a node without candidates in this tree: the product is empty
                if incoming is None:  # not in the order the search below needs: spaCy's own
                    keys_to_position = {k: positions[t] for k, t in zip(tokens_to_key, tests)}
                    for matched_tree in self._get_matches(cache, doc, tree, tokens_to_key, keys_to_position):
                        matched_key_trees.append((key, matched_tree))
                    continue
                for matched_tree in _tree_matches(related, incoming, [positions[t] for t in tests]):
                    matched_key_trees.append((key, matched_tree))
        for i, (match_id, _nodes) in enumerate(matched_key_trees):
            on_match = self._callbacks.get(match_id)
            if on_match is not None:
                on_match(self, doc, i, matched_key_trees)
        return matched_key_trees

    def _positions_by_root(self, doc: Doc, index: _Index, roots: list[int]) -> dict[int, dict[int, list[int]]]:
        """{root: {node pattern: [positions]}}: spaCy's keys-to-positions maps by node pattern
        rather than by node key, roots in the order of their first matching token, positions
        ascending."""
        masks = [index.everything] * len(doc)
        if index.attr_ids:
            strings = doc.vocab.strings
            arrays = doc.to_array(index.attr_ids).reshape(len(doc), len(index.attr_ids)).astype("uint64", copy=False)
            for column, values in zip(index.columns, arrays.T.tolist()):
                table = {v: column.mask(v, strings) for v in set(values)}
                masks = [m & table[v] for m, v in zip(masks, values)]
        if len(self._mask_tests) > _MAX_CACHED_MASKS:
            self._mask_tests = {}
        mask_tests = self._mask_tests
        by_root: dict[int, dict[int, list[int]]] = {}
        for i, mask in enumerate(masks):
            if not mask:
                continue
            tests = mask_tests.get(mask)
            if tests is None:
                tests = mask_tests[mask] = _bits(mask)
            positions = by_root.get(roots[i])
            if positions is None:
                positions = by_root[roots[i]] = {}
            for t in tests:
                found = positions.get(t)
                if found is None:
                    positions[t] = [i]
                else:
                    found.append(i)
        return by_root


def _incoming(tree: dict, size: int) -> list[list[tuple[str, int]]] | None:
    """For each node of a pattern tree, its relations (operator, earlier node) to the nodes
    before it; None if a relation points back to an earlier node (spaCy's validation rules
    that out: a LEFT_ID is always defined before)."""
    incoming: list[list[tuple[str, int]]] = [[] for _ in range(size)]
    for left, relations in tree.items():
        for op, right in relations:
            if right <= left:
                return None
            incoming[right].append((op, left))
    return incoming


class _Relations:
    """Whether two tokens of one document stand in a ``DependencyMatcher`` relation: ``>``,
    ``<``, ``.`` and ``;`` from the heads and tree roots, the other operators from spaCy's own
    operator functions, as sets computed once per token and operator."""

    def __init__(self, matcher: DependencyMatcher, doc: Doc, heads: list[int], roots: list[int]) -> None:
        self.matcher, self.doc, self.heads, self.roots = matcher, doc, heads, roots
        self.cache: dict[tuple[int, str], set[int]] = {}
        self.trees: dict[int, tuple[int, int]] = {}  # root -> (start, end) of its tree, as spaCy's _get_sent

    def _in_tree(self, left: int, right: int) -> bool:
        root = self.roots[left]
        bounds = self.trees.get(root)
        if bounds is None:
            sent = self.matcher._get_sent(self.doc[left])
            bounds = self.trees[root] = (sent.start, sent.end)
        return bounds[0] <= right < bounds[1]

    def holds(self, op: str, left: int, right: int) -> bool:
        heads = self.heads
        if op == ">":  # right is a child of left
            return heads[right] == left and right != left
        if op == "<":  # right is left's head
            return heads[left] == right and right != left
        if op == ".":  # right follows left at once, in its tree
            return right == left + 1 and right < len(heads) and self._in_tree(left, right)
        if op == ";":  # right precedes left at once, in its tree
            return right == left - 1 and left > 0 and self._in_tree(left, right)
        found = self.cache.get((left, op))
        if found is None:
            found = self.cache[(left, op)] = {t.i for t in self.matcher._ops[op](self.doc, left)}
        return right in found


def _tree_matches(related: _Relations, incoming: list[list[tuple[str, int]]],
                  positions: list[list[int]]) -> list[list[int]]:
    """spaCy's ``_get_matches`` as a depth-first search: the candidates of the nodes are tried
    in the order of the cartesian product, but a partial match whose relations fail is not
    extended, so the same matches come out in the same order."""
    matches: list[list[int]] = []
    candidate = [0] * len(positions)
    holds = related.holds

    def extend(node: int) -> None:
        if node == len(positions):
            matches.append(list(candidate))
            return
        relations = incoming[node]
        for pos in positions[node]:
            for op, left in relations:
                if not holds(op, candidate[left], pos):
                    break
            else:
                candidate[node] = pos
                extend(node + 1)

    extend(0)
    return matches


def _bits(mask: int) -> tuple[int, ...]:
    """The numbers of the bits set in *mask*, ascending."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return tuple(out)


def tree_roots(doc: Doc, heads: list[int] | None = None) -> list[int]:
    """For each token, the index of the top of its chain of heads (its sentence's root);
    *heads* are the tokens' head indices, when the caller has them."""
    toks = tokens(doc)
    if heads is None:
        heads = [t.head.i for t in toks]
    roots = [-1] * len(heads)
    for i in range(len(heads)):
        path, j = [], i
        while roots[j] < 0 and heads[j] != j and len(path) <= len(heads):
            path.append(j)
            j = heads[j]
        if len(path) > len(heads):  # a cycle: let spaCy's own walk decide
            top = ([toks[i]] + list(toks[i].ancestors))[-1].i
            roots[i] = top
            continue
        top = roots[j] if roots[j] >= 0 else j
        roots[j] = top
        for k in path:
            roots[k] = top
    return roots
