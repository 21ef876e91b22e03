"""Remove page debris ("Return to site", "Share this", cookie banners...) from article text.

Such lines come from web pages saved as text or from HTML that extraction could not clean;
left in, they become bogus entities. Only short standalone lines that match one of
:data:`DEBRIS_PATTERNS` as a whole are dropped; everything else keeps its place.
"""
from __future__ import annotations

import re

#: Lines longer than this (in words) are never debris: they are real sentences.
MAX_DEBRIS_WORDS = 8

_SOCIAL = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|mail"
    r"|print|share|tweet|copy link|copy|link"
)

#: Whole-line patterns (case-insensitive, matched after trimming whitespace and trailing
#: arrows/bullets/punctuation). Add a rule here rather than code.
DEBRIS_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"(?:{p})", re.IGNORECASE)
    for p in (
        # navigation
        r"(?:return|back|go back|go) to (?:the )?"
        r"(?:site|top|home(?: ?page)?|main (?:page|site)|previous page)",
        r"skip to (?:the )?(?:main )?(?:content|navigation|article|search)",
        r"(?:main )?menu|home(?: ?page)?|search|close|next|previous|prev|top|more",
        r"(?:open|close|toggle) (?:the )?(?:menu|navigation|search)",
        r"(?:read|see|show|load|view) more(?: stories| news| articles)?|continue reading",
        r"related(?: articles| stories| news| content| posts)?|you may also like"
        r"|most (?:read|popular)",
        # images and counters left by page builders
        r"broken image|image(?: not (?:found|available))?|no image available",
        r"(?:free )?(?:web ?page|hit|visitor|page view) counter|hit counter",
        # sharing
        rf"(?:share|share this|share (?:this )?(?:article|story|post|page)|share on)"
        rf"(?:[\s:|·•,/]+(?:{_SOCIAL}))*",
        rf"(?:(?:{_SOCIAL})[\s|·•,/]*){{1,8}}",  # "Facebook Twitter LinkedIn Email"
        r"follow us(?: on .{1,40})?",
        # accounts and subscriptions
        r"sign (?:in|up|out)(?: (?:for|to) (?:our|the) newsletters?)?"
        r"|log ?(?:in|out)|register|my account",
        r"subscribe(?: now| today| here)?(?: to (?:our|the) newsletters?)?|newsletters?",
        # cookie banners
        r"(?:accept|reject|decline|allow|manage)(?: all)? cookies"
        r"|cookie (?:settings|policy|preferences|consent|notice)",
        r"(?:this (?:web)?site|we) uses? cookies\b.{0,60}",
        r"cookies?|got it|i agree|accept",
        # ads and legal footers
        r"advertisement|advertising|sponsored(?: content)?|ad|ads|promoted",
        r".{0,60}\ball rights reserved\b.{0,20}",
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\b.{0,50})?",
        r"privacy(?: policy)?|terms (?:of (?:use|service)|and conditions)"
        r"|contact us|about us|sitemap",
        r"click here(?: to .{1,40})?|(?:please )?enable javascript.{0,40}|loading\.*",
    )
)

# Trailing decorations on navigation links ("Back to top ↑", "Read more »", "Menu ☰").
_DECORATION = " \t\u00a0:|·•›»>↑→←▲▼☰×….!-–—"


def is_debris(line: str) -> bool:
    """True when *line* is a short standalone line that matches one of the debris rules."""
    core = line.strip().strip(_DECORATION).strip()
    if not core or len(core.split()) > MAX_DEBRIS_WORDS:
        return False
    return any(pattern.fullmatch(core) for pattern in DEBRIS_PATTERNS)


def strip_debris(text: str) -> str:
    """*text* with its debris lines blanked out: each becomes spaces of the same length.

    Every other character keeps its offset, so evidence offsets in the graph point into the
    file as it was read; the blank line reads as a paragraph break.
    """
    lines = text.split("\n")
    if not any(is_debris(line) for line in lines):
        return text
    return "\n".join(" " * len(line) if is_debris(line) else line for line in lines)
