"""Length-preserving clean-up of article text before parsing.

Every change keeps the text's length, so each character offset the parser reports still points
into the original article (the evidence offsets in the graph refer to the original).

**Company markup.** Wire copy marks companies as ``<Airbus Industrie>``; the angle brackets
become spaces.

**Apostrophes typed as opening quotes.** "South Korea‘s" (U+2018 after a letter, before "s")
is a possessive; the parser sees "’s".

**Agency datelines** ("Colombo [Sri Lanka], January 5 (ANI):") end with a full stop.

**Truecasing of SHOUTED lines** (wire-service headlines and datelines).

**Hard-wrapped lines** (newswire archives, e-mail, plain-text dumps that break every line near
a fixed width) are joined: a line break inside a paragraph becomes a space, so that the parser
does not cut a sentence at every line end. A blank line, an indented line or a short line that
ends a sentence still ends a paragraph, and text whose paragraphs are single long lines is left as
it is. "Geneva based WHO", written without its hyphen, is read as "Geneva-based".

Statistical taggers trained on mixed-case news misread all-caps text ("SAUDI ARABIA'S KING FAHD
VISITS BRITAIN" parses as a string of proper nouns). Each all-caps word is re-cased the way the
same word is written elsewhere in the article, else in title case, or lower case for function
words. Only letter case changes, so every character offset still points into the original text.
"""
from __future__ import annotations

import re
from collections import Counter

# "HONG KONG, April 22, 2025 —" / "SADDLE BROOK, N.J., March 26 -": a shouted dateline place
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’ .-]*[A-Z])(?=,[^\n]{0,30}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)",
    re.MULTILINE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or over the this that to up with its is are be will"
    " was were has have than via vs".split()
)


_NON_LETTERS = re.compile(r"[\W\d_]+")


def _is_shouting(line: str) -> bool:
    letters = _NON_LETTERS.sub("", line)  # one C pass rather than a Python loop per character
    return len(letters) >= 8 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


def _is_headline_case(line: str) -> bool:
    """A Title Case Headline: most words capitalised and no full stop at the end."""
    words = _WORD.findall(line)
    stripped = line.strip()
    if len(words) < 4 or not stripped or stripped[-1] in ".!?:;\"”":
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _inflected(word: str, table: dict[str, str]) -> str | None:
    """*word* in lower case when the article writes another form of it in lower case."""
    low = word.casefold()
    stems = {low, low[:-1], low[:-2]} if low.endswith("s") else {low}
    # also with the final consonant doubled: "CANCELS" / "cancelled", "SHIPS" / "shipping"
    stems |= {stem + stem[-1] for stem in list(stems) if len(stem) > 2 and stem[-1] in "bdglmnprt"}
    forms = {f for stem in stems for f in (stem, stem + "s", stem + "d", stem + "ed", stem + "ing", stem + "es", stem + "ment")}
    return low if any(table.get(f, "").islower() for f in forms - {""}) else None


def _casing_table(text: str, shouted: list[tuple[int, int]]) -> dict[str, str]:
    """Most frequent non-all-caps spelling of each word in the non-shouted part of *text*."""
    counts: dict[str, Counter[str]] = {}
    pos = 0
    parts = []
    for start, end in shouted:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    for part in parts:
        for m in _WORD.finditer(part):
            word = m.group()
            counts.setdefault(word.casefold(), Counter())[word] += 1
    return {key: c.most_common(1)[0][0] for key, c in counts.items()}


def _recase(word: str, table: dict[str, str], first: bool) -> str:
    known = table.get(word.casefold())
    if known is not None and len(known) == len(word):
        # a spelling seen in the body wins, unless it is lower case at the start of a line
        return known[0].upper() + known[1:] if first and known.islower() else known
    lower = word.lower()
    if not first and (lower in _FUNCTION_WORDS or _inflected(word, table)):
        return lower  # "TO", and "AGREES" where the article writes "agreement"
    head, _, tail = lower.partition("'") if "'" in lower else lower.partition("’")
    if tail:  # SAUDI ARABIA'S -> Saudi Arabia's
        sep = word[len(head)]
        return head[:1].upper() + head[1:] + sep + tail
    return lower[:1].upper() + lower[1:]


# "Korea‘s", "Lloyd‘s": an opening quote typed for the apostrophe of a possessive
_QUOTE_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u2018(?=s\b)")


def fix_apostrophes(text: str) -> str:
    """Replace an opening single quote used as a possessive's apostrophe by "’" (same length)."""
    return _QUOTE_APOSTROPHE.sub("\u2019", text)


# "<Airbus Industrie>", "<GE>": Reuters' company markup
_MARKUP = re.compile(r"<([A-Z][^<>\n]{0,60})>")


#: "Cetus Corp <CTUS.O>": a ticker symbol right after the name it stands for
_TICKER = re.compile(r"(\b[A-Z][\w.&-]*(?:['’]s)?) (<[A-Z]{1,6}(?:\.[A-Z]{1,2})?>)([,;:)]?)")  # also "Corp's <SLC>"


def strip_markup(text: str) -> str:
    """Replace ``<Company Name>`` markup brackets by spaces, and a ticker symbol after its
    company's name (``Fidata Corp <FID>``) by spaces altogether, the punctuation after it moved up
    to the name (same length)."""
    # the punctuation after the ticker moves up to the name: "Advanced Micro Devices, Sunnyvale"
    text = _TICKER.sub(lambda m: m.group(1) + m.group(3) + " " * (len(m.group(2)) + 1), text)
    return _MARKUP.sub(lambda m: " " + m.group(1) + " ", text)


# "Colombo [Sri Lanka], January 5 (ANI): External Affairs Minister ...", "LONDON, May 2 (Reuters) -":
# a dateline that ends in the agency's name and a colon or a dash, before the first sentence
_AGENCY_DATELINE = re.compile(
    r"^((?:[A-Z][\w'’.-]{0,30}[ ,\[\]]+){1,6}?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"
    r" \([A-Za-z][\w .&-]{1,20}\) ?)[:\u2014\u2013-](?= )",
    re.MULTILINE,
)


#: A short dateline or credit at the start of a line, before a colon or a dash: "Arab Finance:",
#: "KIGALI, Rwanda —", "SEOUL, AJU -" (at most four capitalised words, and the next word has a capital
#: too; before a dash, a place and its country or agency, not a headline's "Kenya – Rwanda sign deal").
_SHORT_DATELINE = re.compile(
    r"^((?:[A-Z][\w'’.&-]{0,30}(?: [A-Z][\w'’.&-]{0,30}){0,3} ?(?=:))"
    r"|(?:[^\W\d_][\w'’.&-]{0,30}(?: [^\W\d_][\w'’.&-]{0,30}){0,2}(?:, [A-Z][\w'’.&-]{0,30})? ?(?=[\u2014\u2013-])))"
    r"[:\u2014\u2013-](?= [A-Z\"“])",
    re.MULTILINE,
)


def _dateline_end(m: re.Match) -> str:
    prefix = m.group(1)
    # before a dash: a place and its country or agency ("KIGALI, Rwanda —"), or a place in capitals ("HÀ NỘI —")
    if m.group(0)[-1] != ":" and "," not in prefix and not prefix.strip().isupper():
        return m.group(0)
    return prefix + "."


def end_datelines(text: str) -> str:
    """End an agency dateline with a full stop (same length), so that the parser does not read its
    place as the subject of the first sentence ("Colombo [Sri Lanka], January 5 (ANI): X arrived",
    "KIGALI, Rwanda — The governments of ...", "Arab Finance: Egypt and ...")."""
    text = _AGENCY_DATELINE.sub(lambda m: m.group(1) + ".", text)
    return _SHORT_DATELINE.sub(_dateline_end, text)


#: "Geneva based WHO": a capitalised word and "based" before a name or a noun, written without the hyphen
_UNHYPHENATED_BASED = re.compile(
    r"(\b[A-Z][\w.]*) (?=based (?!(?:on|upon|in|at|around|off|out|near|its|his|her|their|the|a|an|this|that|"
    r"these|those|mostly|largely|partly|solely|entirely|mainly|primarily|heavily|loosely|firmly)\b)[\w“\"])")


def hyphenate_based(text: str) -> str:
    """"Hague based International Criminal Court" as "Hague-based ..." (same length), which the
    parser reads as a modifier, not as a verb with "Hague" its subject."""
    return _UNHYPHENATED_BASED.sub(lambda m: m.group(1) + "-", text)


def prepare(text: str) -> str:
    """The text the parser sees: markup removed, agency datelines ended and shouted lines
    truecased, same length."""
    result = hyphenate_based(unwrap_lines(truecase(end_datelines(fix_apostrophes(strip_markup(text))))))
    assert len(result) == len(text)
    return result


def truecase(text: str) -> str:
    """Return *text* with its all-caps lines re-cased; the result has the same length."""
    lines = []
    headlines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if _is_shouting(line):
            lines.append((pos, pos + len(line)))
        elif _is_headline_case(line):
            headlines.append((pos, pos + len(line)))
        pos += len(line)
    lines += [m.span(1) for m in _DATELINE.finditer(text) if not any(s <= m.start() < e for s, e in lines)]
    lines.sort()
    if not lines and not headlines:
        return text
    table = _casing_table(text, sorted(lines + headlines))
    out = list(text)
    for start, end in headlines:
        # "Chief Executive Visits Zhejiang to Boost Tech Collaboration": words that the article
        # writes in lower case ("visits", "boost") are lower-cased; names keep their capitals
        for n, m in enumerate(_WORD.finditer(text, start, end)):
            word = m.group()
            known = table.get(word.casefold())
            if known is None:  # "Visits", "Secures" when the article says "visit", "secured"
                known = _inflected(word, table)
            if n and word[0].isupper() and not word.isupper() and known is not None and known.islower():
                out[m.start():m.end()] = known
    for start, end in lines:
        first = True
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            if word.isupper() and len(word) > 1 or (word.isupper() and first):
                new = _recase(word, table, first)
                out[m.start():m.end()] = new
            first = False
    result = "".join(out)
    assert len(result) == len(text)
    return result


_PARAGRAPH_ENDS = (".", "!", "?", ":", '"', "'", "”", "’", ")")


def unwrap_lines(text: str) -> str:
    """Return *text* with the line breaks of hard-wrapped paragraphs made spaces (same length).

    Text counts as hard-wrapped when almost none of its lines is longer than 90 characters; the
    wrapping width is then the length most lines reach (the 90th percentile). A break is joined
    when its line reaches near that width and the next line goes on the paragraph: it is not
    blank, not indented (a new wire paragraph) and neither line is shouted (a headline); a shorter
    line is joined unless it ends a sentence ("its First / National Bank"), or when the next one goes
    on in lower case."""
    lines = text.split("\n")
    body = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(body) < 4 or sum(n > 90 for n in body) > len(body) // 10:
        return text
    width = body[min(len(body) - 1, len(body) * 9 // 10)]
    out = list(text)
    pos = 0
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        # a short line ends its paragraph when it ends a sentence, unless the next goes on in lower case
        if ((len(line.rstrip()) >= width - 25 or not line.rstrip().endswith(_PARAGRAPH_ENDS) or nxt[:1].islower())
                and nxt.strip() and not nxt[0].isspace()
                and line.strip() and not _is_shouting(line) and not _is_shouting(nxt)):
            out[pos] = " "
        pos += 1
    return "".join(out)
