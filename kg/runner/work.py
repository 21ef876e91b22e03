"""One unit of work, the same in-process, in a worker process and on a Dask worker: a chunk of
documents in, one :class:`Outcome` per document out (its fact records, or the error that
stopped it).

What a worker needs is a :class:`BuildConfig`: plain, picklable settings from which it loads
the spaCy pipeline, patterns, plug-ins, scorer and triggers once (:func:`processor`).

Each chunk is parsed and extracted inside a spaCy memory zone (``nlp.memory_zone()``): the
strings and lexemes that its words add to the vocabulary are dropped when the chunk is done, so a
long build's vocabulary does not grow with every new name. Nothing outlives the zone but plain
fact records; what must outlive it (the relation patterns' matcher and its keys) is built
before the first zone.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from .. import settings
from ..errors import InputError, KgError
from ..extract.extractor import extract
from ..extract.patterns import load_patterns
from ..extract.plugins import Extractor, load_extractor
from ..extract.records import DocFacts
from ..extract.scorer import load_scorer
from ..extract.triggers import load_triggers
from ..ingest.document import Document
from ..limits import DeadlineExceeded, deadline
from ..nlp.gazetteer import read_gazetteer
from ..nlp.pipeline import load_pipeline, parse
from ..nlp.resolver import DEFAULT_RESOLVER


def _absolute(paths: Sequence[str | os.PathLike[str]]) -> tuple[str, ...]:
    # workers may run in another folder (or on another machine with the same layout)
    return tuple(str(Path(p).absolute()) for p in paths)


@dataclass(frozen=True)
class BuildConfig:
    """The settings of a build that decide what is extracted (everything but the inputs)."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    extractors: tuple[str | Extractor, ...] = ()
    coref: str = DEFAULT_RESOLVER
    scorer: str | None = settings.SCORER
    triggers: tuple[str, ...] = ()
    batch_size: int = settings.BATCH_SIZE
    max_doc_size: int | None = settings.MAX_DOC_SIZE  # the pipeline's max_length is raised to it
    doc_timeout: float | None = settings.DOC_TIMEOUT  # seconds of parsing, then of extraction, per document

    @classmethod
    def of(cls, model: str | None = None, gazetteers: Sequence = (), patterns: Sequence = (),
           extractors: Sequence = (), coref: str = DEFAULT_RESOLVER, scorer: str | os.PathLike[str] | None = settings.SCORER,
           triggers: Sequence = (), batch_size: int = settings.BATCH_SIZE, max_doc_size: int | None = settings.MAX_DOC_SIZE,
           doc_timeout: float | None = settings.DOC_TIMEOUT) -> BuildConfig:
        """A config from :func:`kg.build`'s keyword arguments, with file paths made absolute."""
        if scorer is not None and str(scorer) not in ("rules", "default"):
            scorer = str(Path(scorer).absolute())
        return cls(model=settings.resolve_model(model), gazetteers=_absolute(gazetteers), patterns=_absolute(patterns),
                   extractors=tuple(extractors), coref=coref, scorer=None if scorer is None else str(scorer),
                   triggers=_absolute(triggers), batch_size=batch_size, max_doc_size=max_doc_size or None,
                   doc_timeout=doc_timeout or None)

    def check(self) -> None:
        """Read every setting but the model, so that a bad file fails at once with one line,
        not in each worker."""
        for path in self.gazetteers:
            read_gazetteer(path)
        Processor.components(self)


class Outcome(NamedTuple):
    """What became of one document: its facts, or the error that made it skipped."""

    document: Document
    facts: DocFacts | None
    error: InputError | None = None


class Processor:
    """The loaded pipeline and extraction settings of one :class:`BuildConfig`."""

    def __init__(self, config: BuildConfig, nlp: Language | None = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else load_pipeline(config.model, config.gazetteers, config.coref)
        if config.max_doc_size and config.max_doc_size > self.nlp.max_length:
            self.nlp.max_length = config.max_doc_size  # the documented limit is the one that applies
        self.patterns, self.plugins, self.scorer, self.triggers = self.components(config)
        # built now, outside any memory zone: its pattern keys must stay in the string store
        self.patterns.matcher(self.nlp.vocab)
        self._lock = threading.Lock()  # a Dask worker may run several tasks in threads

    @staticmethod
    def components(config: BuildConfig) -> tuple:
        return (load_patterns(config.patterns), [load_extractor(e) for e in config.extractors],
                load_scorer(config.scorer), load_triggers(config.triggers))

    def process(self, documents: Sequence[Document]) -> list[Outcome]:
        """Parse and extract *documents*, in order. A document that fails is an Outcome with
        an error (reported and skipped by the caller); the others are built."""
        with self._lock, self._memory_zone():
            return [self._extract(document, doc) for document, doc in self._parse(documents)]

    #: parse and extract each chunk in a spaCy memory zone (see the module docstring)
    memory_zones = True

    @contextmanager
    def _memory_zone(self) -> Iterator[None]:
        # zones do not nest: inside a caller's own zone, its zone is the one that frees
        if not self.memory_zones or self.nlp.vocab.in_memory_zone:
            yield
            return
        with self.nlp.memory_zone():
            yield

    def _parse(self, documents: Sequence[Document]) -> list[tuple[Document, object]]:
        # nlp.pipe parses a batch at once, so the time limit is first set around the batch; only a
        # batch that overruns (or fails) is parsed again one document at a time, each with the limit
        # of its own, so that only a document that overruns alone is skipped
        limit = self.config.doc_timeout
        try:
            with deadline(limit, "batch"):
                return list(parse(self.nlp, documents, batch_size=self.config.batch_size))
        except Exception:  # noqa: BLE001  one bad document spoils its batch: parse them one by one to find it
            parsed: list[tuple[Document, object]] = []
            for document in documents:
                name = document.source or document.id
                try:
                    with deadline(limit, name, f"parsing took longer than the {limit:g} s limit (--doc-timeout)"
                                  if limit else None):
                        parsed.extend(parse(self.nlp, [document]))
                except DeadlineExceeded as exc:  # kept without its frames, which hold the zone's Docs
                    parsed.append((document, exc.with_traceback(None)))
                except Exception as exc:  # noqa: BLE001  reported as this document's error
                    parsed.append((document, _failure(document, "cannot parse", exc)))
            return parsed

    def _extract(self, document: Document, doc: object) -> Outcome:
        if isinstance(doc, InputError):
            return Outcome(document, None, doc)
        limit = self.config.doc_timeout
        try:
            with deadline(limit, document.source or document.id,
                          f"extraction took longer than the {limit:g} s limit (--doc-timeout)" if limit else None):
                facts = extract(doc, document.id, text=document.text, patterns=self.patterns, extractors=self.plugins,
                                date=document.date, scorer=self.scorer, triggers=self.triggers)
        except KgError as exc:  # a DeadlineExceeded too
            return Outcome(document, None, InputError(document.source or document.id, exc.problem))
        except Exception as exc:  # noqa: BLE001  a bug on one document must not stop the build
            return Outcome(document, None, _failure(document, "cannot extract", exc))
        return Outcome(document, facts)


def _failure(document: Document, what: str, exc: Exception) -> InputError:
    detail = " ".join(str(exc).split())[:200]
    return InputError(document.source or document.id, f"{what} ({type(exc).__name__}: {detail})" if detail
                      else f"{what} ({type(exc).__name__})")


@lru_cache(maxsize=4)
def processor(config: BuildConfig) -> Processor:
    """The Processor of *config*, loaded once per process (worker processes, Dask workers)."""
    return Processor(config)


def process_chunk(config: BuildConfig, documents: Sequence[Document]) -> list[Outcome]:
    """The task a worker runs: *documents* through the cached Processor of *config*."""
    return processor(config).process(documents)
