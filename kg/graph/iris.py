"""Deterministic IRIs for everything the builder mints.

The same input always gives the same IRIs: entities are named by type and normalised label
(so "HONG KONG" in one article and "Hong Kong's" in another are one node), groups also by their
document (a "delegation" is only the same delegation within one article), statements and
evidence by a hash of what they say. Any Unicode name gives a valid IRI: the slug keeps letters
and digits of every script and is percent-encoded.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
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


def _slug(name: str) -> str:
    key = re.sub(r"[\s]+", "_", name_key(name))
    if not key:
        key = "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return quote(key[:120], safe="-_~")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def document_iri(doc_id: str) -> URIRef:
    return URIRef(f"{KGR_NS}doc/{quote(doc_id, safe='-_~')}")


def entity_iri(kind: str, label: str, doc_id: str | None = None) -> URIRef:
    """An entity's IRI; *doc_id* scopes it to one document (used for groups)."""
    if doc_id is not None:
        return URIRef(f"{KGR_NS}{kind.lower()}/{quote(doc_id, safe='-_~')}/{_slug(label)}")
    return URIRef(f"{KGR_NS}{kind.lower()}/{_slug(label)}")


def event_iri(doc_id: str, key: str) -> URIRef:
    return URIRef(f"{KGR_NS}event/{quote(doc_id, safe='-_~')}/{quote(key, safe='-_~')}")


def position_iri(title: str, organization: str | None) -> URIRef:
    """An office: ``kgr:position/hong_kong/chief_executive`` (or ``.../_/president`` unqualified)."""
    return URIRef(f"{KGR_NS}position/{_slug(organization) if organization else '_'}/{_slug(title)}")


def statement_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    return URIRef(f"{KGR_NS}statement/{_digest(subject, predicate, obj)}")


def evidence_iri(statement: URIRef, *parts: object) -> URIRef:
    return URIRef(f"{KGR_NS}evidence/{_digest(statement, *parts)}")
