"""``kg_coref``: kg's entity and coreference resolver as a spaCy component.

It runs after the entity recognizer, resolves names, groups, pronouns and descriptions
(:mod:`kg.extract.entities`, :mod:`kg.extract.coref`), keeps the result on
``doc._.kg_resolution`` for extraction, and writes the clusters to ``doc.spans["coref_clusters_N"]``
as spaCy's coreference components do, so other tools can read them.

The resolver is a setting (``coref=`` / ``--coref``): ``kg_coref`` (default), ``none``, or the
name of any registered spaCy component that writes ``coref_clusters_*`` span groups (for
example a wrapper around coreferee or spacy-experimental's ``coref`` for users who have their
models); kg then resolves names itself and takes pronouns and descriptions from those clusters.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.coref import write_clusters
from ..extract.entities import resolve

if not Doc.has_extension("kg_resolution"):
    Doc.set_extension("kg_resolution", default=None)

DEFAULT_RESOLVER = "kg_coref"


class EntityResolver:
    """Resolve a document's entities and references once, during ``nlp.pipe``."""

    def __call__(self, doc: Doc) -> Doc:
        entities, mentions = resolve(doc)
        doc._.kg_resolution = (entities, mentions)
        write_clusters(doc, mentions)
        return doc


@Language.factory("kg_coref", assigns=["doc.spans", "doc._.kg_resolution"])
def make_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()
