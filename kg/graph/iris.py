"""Deterministic IRIs for everything the builder mints.

The same input always gives the same IRIs: entities are named by type and normalised label
(so "HONG KONG" in one article and "Hong Kong's" in another are one node), groups also by their
document (a "delegation" is only the same delegation within one article), statements and
evidence by a hash of what they say. Any Unicode name gives a valid IRI: the slug keeps letters
and digits of every script and is percent-encoded; a long name is cut and ends in a hash of the
whole, so distinct names stay distinct (see :func:`iri_key` for what counts as the same name).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from .vocab import KGR_NS


def name_key(name: str) -> str:
    """The matching key of a name: case-folded, no possessive, no punctuation, no leading "the"."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold().strip()
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"[^\w\s&-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" -")
    return re.sub(r"^the ", "", s)


_MAX_SLUG = 120  # characters of a name kept readable in its IRI


def iri_key(name: str) -> str:
    """What an entity IRI distinguishes: :func:`name_key` with underscores read as spaces.

    Two names of one type get the same IRI exactly when their ``iri_key`` is the same.
    """
    return re.sub(r"[\s_]+", " ", name_key(name)).strip()


def _slug(name: str) -> str:
    """The readable last segment of an IRI for *name*: its key, spaces as ``_``, percent-encoded.

    A key longer than 120 characters is cut and ends in ``~`` + a hash of the whole key, so
    long names stay distinct; a name with no letters or digits is ``~`` + a hash of the name.
    ``~`` never occurs in a key, so neither form can equal the slug of another name.
    """
    key = iri_key(name).replace(" ", "_")
    if not key:
        return "~" + _hash(name)
    if len(key) > _MAX_SLUG:
        key = key[:_MAX_SLUG - 17] + "~" + _hash(key)
    return _quote(key)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _quote(text: str) -> str:
    """*text* percent-encoded as UTF-8 (a lone surrogate too: the IRI stays valid)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="-_~")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def document_iri(doc_id: str) -> URIRef:
    return URIRef(f"{KGR_NS}doc/{_quote(doc_id)}")


@lru_cache(maxsize=16384)  # the same entities come back in document after document; bounded: most names are new
def entity_iri(kind: str, label: str, doc_id: str | None = None) -> URIRef:
    """An entity's IRI; *doc_id* scopes it to one document (used for groups)."""
    if doc_id is not None:
        return URIRef(f"{KGR_NS}{_quote(kind.lower())}/{_quote(doc_id)}/{_slug(label)}")
    return URIRef(f"{KGR_NS}{_quote(kind.lower())}/{_slug(label)}")


def event_iri(doc_id: str, key: str) -> URIRef:
    return URIRef(f"{KGR_NS}event/{_quote(doc_id)}/{_quote(key)}")


def position_iri(title: str, organization: str | None) -> URIRef:
    """An office: ``kgr:position/hong_kong/chief_executive`` (or ``.../_/president`` unqualified)."""
    return URIRef(f"{KGR_NS}position/{_slug(organization) if organization else '_'}/{_slug(title)}")


def statement_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    return URIRef(f"{KGR_NS}statement/{_digest(subject, predicate, obj)}")


def evidence_iri(statement: URIRef, *parts: object) -> URIRef:
    return URIRef(f"{KGR_NS}evidence/{_digest(statement, *parts)}")
