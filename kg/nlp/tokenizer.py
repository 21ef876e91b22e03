"""Tokenizer rules added to the loaded pipeline's own, for text as it comes from news sites."""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

#: Extra infixes: dashes glued to words ("dragons”—six"), a closing parenthesis glued to the
#: next paragraph ("Herald)President"), hyphens after abbreviations ("U.S.-China", "Ill.-based") and a
#: full stop between a number and the next paragraph ("in 2021.Hanwha Ocean"), and a closing quote
#: glued to the next paragraph ("the surge.”In May") or to the name after it ("“Col”Kittu"), as a question
#: mark can be ("What's happened?Following").
EXTRA_INFIXES = (
    r"[—–]",
    r"(?<=\w)[”\"’](?=[—–])",
    r"(?<=[a-z]{2})\)(?=[A-Z])",
    r"(?<=[A-Za-z]\.)-(?=[A-Za-z])",
    r"(?<=[0-9]{2})\.(?=[A-Z][a-z])",
    r"(?<=[.!?])[”\"](?=[A-Z])",
    r"(?<=[a-z]{2})[?!](?=[A-Z][a-z])",
    r"(?<=[a-z])”(?=[A-Z][a-z])",
)

#: Abbreviations that spaCy's English exceptions lack and that stand before a name (titles,
#: ranks) or inside one (legal forms), so their full stop is not a sentence end: without them
#: "the Hon. Pansy Wong" is cut after "Hon" and the name leaves the list it stands in.
TITLE_ABBREVIATIONS = frozenset({
    "Hon.", "Rt.", "Lt.", "Col.", "Capt.", "Sgt.", "Supt.", "Insp.", "Maj.", "Brig.", "Cdr.",
    "Cmdr.", "Amb.", "Pres.", "Atty.", "Fr.", "Mme.",
})
ABBREVIATIONS = (*sorted(TITLE_ABBREVIATIONS), "Pty.", "Bhd.", "Sdn.", "Govt.", "Univ.", "Intl.", "Assoc.", "Dept.")


def extend_tokenizer(nlp: Language) -> None:
    """Add :data:`EXTRA_INFIXES` and :data:`ABBREVIATIONS` to *nlp*'s tokenizer (idempotent)."""
    infixes = list(nlp.Defaults.infixes or ())
    infixes += [p for p in EXTRA_INFIXES if p not in infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
