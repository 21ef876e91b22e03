"""spaCy components that kg adds to any pipeline, registered by name like spaCy's own.

``kg_sentence_breaks`` runs before the parser and fixes what scraped news does to sentence
splitting: a headline without a full stop, paragraphs run together by a crawler
("Wednesday.The", "(The Korea Herald)President"), and line breaks between paragraphs; and it
keeps the parser from starting a sentence right after a comma or a title ("the Hon. X").
The parser keeps boundaries that are set before it runs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .tokenizer import TITLE_ABBREVIATIONS

_CLOSERS = {")", "]", ".", "!", "?", "”", '"'}
_DASHES = {"—", "–", "-", "--"}
#: How many words of a line can be no sentence's start (the parser's stray breaks right after a line break).
_FIRST_WORDS = 6
# titles written before a name, whose full stop ends no sentence ("the Hon. Paul Mensah")
_TITLES = TITLE_ABBREVIATIONS | {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Gov.", "Sen.", "Rep.", "Rev."}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash that closes a dateline ("HONG KONG, April 22, 2025 —") at *start*."""
    dated = False
    for tok in doc[start:start + 16]:
        if "\n" in tok.text:
            return None
        if tok.lower_.rstrip(".") in _MONTHS or (tok.text.startswith("(") and tok.i > start):
            dated = True
        if tok.text in _DASHES and dated and tok.i > start + 2:
            return tok.i
    return None


@Language.component("kg_sentence_breaks")
def sentence_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, a dateline, and run-together paragraphs."""
    # the tokens' texts and trailing whitespace read once: a Token object per look-behind cost
    # more than the rules themselves
    toks = list(doc)  # one Token object per token, not one per token and list
    texts = [t.text for t in toks]
    spaces = [t.whitespace_ for t in toks]
    blank = [t.is_space for t in toks]
    for i in range(len(doc)):
        if i == 0 or "\n" in texts[i - 1] or "\n" in spaces[i - 1]:
            end = _dateline_end(doc, i)
            if end is not None and end + 1 < len(doc):
                doc[end + 1].is_sent_start = True
                # and keep the parser from cutting the first sentence's opening words apart
                for nxt in doc[end + 2:end + 8]:
                    if nxt.is_punct or nxt.is_space or "\n" in nxt.whitespace_:
                        break
                    nxt.is_sent_start = False
    line_starts = []
    for i in range(1, len(doc)):
        prev, text = texts[i - 1], texts[i]
        if blank[i - 1] and "\n" in prev and not blank[i]:
            doc[i].is_sent_start = True
            line_starts.append(i)
        elif "\n" in spaces[i - 1] or ("\n" in prev and not blank[i]):
            doc[i].is_sent_start = True
            line_starts.append(i)
        elif (
            prev in _CLOSERS
            and not spaces[i - 1]
            and text[:1].isupper()
            and len(text) > 1
            and i >= 2
            and texts[i - 2][:1].isalpha()
            and len(texts[i - 2]) > 2  # "U.S." and "Jan." stay inside their sentence
        ):
            doc[i].is_sent_start = True
        elif not blank[i] and (prev in (",", "(", ";") or prev in _TITLES
                               or (prev == ")" and _inside_parenthesis_closed(doc, i - 1))):
            # nothing starts a sentence after a comma, nor after an aside closed mid-sentence:
            # "President Lin Jianhua, Vice-Chancellor ...", "Deputy Vice-Chancellor (Strategic Engagement) Professor X"
            doc[i].is_sent_start = False
    # nor within a line's first words before any punctuation ("Nigeria | and France have signed" after a headline)
    for i in line_starts:
        for j in range(i + 1, min(i + _FIRST_WORDS, len(doc))):
            if blank[j] or texts[j - 1] in _CLOSERS or not texts[j - 1][:1].isalnum() or "\n" in spaces[j - 1]:
                break
            doc[j].is_sent_start = False
    return doc


def _inside_parenthesis_closed(doc: Doc, close: int) -> bool:
    """Whether token *close* is a ")" that closes an aside opened mid-sentence, with no full stop in it."""
    if doc[close].text != ")":
        return False
    for j in range(close - 1, max(close - 20, 0), -1):
        if doc[j].text == "(":
            return j > 0 and doc[j - 1].text not in (".", "!", "?", "\n") and "\n" not in doc[j - 1].whitespace_ \
                and doc[close - 1].text not in (".", "!", "?")
        if doc[j].text in (".", "!", "?", ")") or "\n" in doc[j].text:
            return False
    return False
