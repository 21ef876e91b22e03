"""Tokenizer rules added to the loaded pipeline's own, for text as it comes from news sites."""
from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

#: Extra infixes: dashes glued to words ("dragons”—six"), a closing parenthesis glued to the
#: next paragraph ("Herald)President"), hyphens after abbreviations ("U.S.-China") and a
#: full stop between a number and the next paragraph ("in 2021.Hanwha Ocean").
EXTRA_INFIXES = (
    r"[—–]",
    r"(?<=\w)[”\"’](?=[—–])",
    r"(?<=[a-z]{2})\)(?=[A-Z])",
    r"(?<=[A-Z]\.)-(?=[A-Za-z])",
    r"(?<=[0-9]{2})\.(?=[A-Z][a-z])",
)


def extend_tokenizer(nlp: Language) -> None:
    """Add :data:`EXTRA_INFIXES` to *nlp*'s tokenizer (idempotent)."""
    infixes = list(nlp.Defaults.infixes or ())
    infixes += [p for p in EXTRA_INFIXES if p not in infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
