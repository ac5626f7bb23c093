"""Article cleanup: title, byline, and the web chrome and comments that are not the article.

Scraped news carries navigation, ads, teasers and reader comments between and
after the paragraphs. Quotes must never come from those, so cleanup decides,
line by line, which lines are body. It never edits the text: every line keeps
its offsets into the raw text, so quote offsets stay raw offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A whole line that is site furniture, not prose.
_CHROME_LINE = re.compile(
    r"""^(?:
        advertisement|advertising|sponsored(?:\ content)?|promoted(?:\ stories)?|
        read\ (?:more|also|next)|see\ also|related(?:\ articles?|\ stories|\ posts|\ news)?|
        more\ on\ this(?:\ story)?|recommended(?:\ for\ you)?|trending(?:\ now)?|
        popular\ posts|most\ (?:read|popular|viewed)|latest\ news|top\ stories|
        other\ topics\ of\ interest|you\ (?:may|might)\ also\ like.*|
        share(?:\ this(?:\ article|\ story)?)?|tweet|email|print|comments?|
        search|close\ this\ search\ box\.?|skip\ to\ (?:main\ )?content|menu|home|
        subscribe.*|sign\ up.*|follow\ us.*|click\ here.*|
        photo:.*|image:.*|source:.*|credit:.*|
        (?:for\ corrections|to\ suggest\ a\ correction).*|
        you\ can\ also\ highlight\ the\ text.*|
        your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*|
        all\ rights\ reserved.*|copyright.*|©.*
    )$""",
    re.I | re.X,
)
# Headers after which everything is reader comments or site footer.
_TAIL_HEADER = re.compile(
    r"""^(?:leave\ a\ (?:reply|comment)|(?:\d+|one|two|three|no)\ (?:responses?|comments?|replies)|
        comments?\ \(\d+\)|join\ the\ (?:discussion|conversation)|post\ a\ comment|
        popular\ posts|about\ the\ author)\s*$""",
    re.I | re.X,
)
# Headers followed by teaser headlines of other articles.
_TEASER_HEADER = re.compile(
    r"""^(?:read\ (?:more|also|next)|see\ also|related(?:\ \w+)?|recommended(?:\ for\ you)?|
        other\ topics\ of\ interest|more\ on\ this(?:\ story)?|you\ (?:may|might)\ also\ like.*|
        latest\ on\ .{3,80})$""",
    re.I | re.X,
)
_BREADCRUMB = re.compile(r"^(?:[\w’'&.\- ]{1,40}\s*[/>»|]\s*)+[\w’'&.\- ]{0,40}$")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|and|&|de|van|von))*)\s*$")
_EMAIL_OR_URL = re.compile(r"\[email\s+protected\]|https?://|www\.|@\w+\.\w+")
_END_PUNCT = re.compile(r"[.!?…”\"’'):]\s*$")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the raw text (news paragraphs are lines)."""

    start: int
    end: int
    body: bool


@dataclass(frozen=True)
class Cleaned:
    """What cleanup found: the title, the byline, and which lines are article body."""

    title: str | None
    byline: str | None
    lines: tuple[Line, ...]


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_headline(line: str) -> bool:
    """A short line without closing punctuation: a heading, not a sentence."""
    return len(line.split()) <= 20 and not _END_PUNCT.search(line)


def _is_chrome(line: str) -> bool:
    bare = line.strip("*_#>-–— \t").strip()
    if not bare:
        return True
    if _CHROME_LINE.match(bare) or _TAIL_HEADER.match(bare):
        return True
    if _EMAIL_OR_URL.search(bare) and len(bare.split()) <= 12:
        return True
    return bool(_BREADCRUMB.match(bare) and len(bare.split()) <= 6 and re.search(r"[/>»|]", bare))


def clean(text: str, title: str | None = None) -> Cleaned:
    """Find the title, byline and body lines of a raw article."""
    spans = _lines(text)
    body = [True] * len(spans)
    byline: str | None = None
    detected: str | None = None
    first_content = True
    tail = False
    teaser = False
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        bare = line.strip("*_#>-–— \t").strip()
        if tail:
            body[i] = False
            continue
        if _TAIL_HEADER.match(bare):
            tail = True
            body[i] = False
            continue
        if teaser:
            if _is_headline(line) or _TEASER_HEADER.match(bare):
                body[i] = False
                continue
            teaser = False
        if _TEASER_HEADER.match(bare):
            body[i] = False
            teaser = True
            continue
        if _is_chrome(line):
            body[i] = False
            continue
        m = _BYLINE.match(line)
        if m and byline is None and len(line.split()) <= 8:
            byline = m.group(1)
            body[i] = False
            continue
        if first_content:
            first_content = False
            if _is_headline(line):
                detected = line.strip()
                continue
    seen_title = title or detected
    if seen_title:
        key = seen_title.strip().casefold()
        first = True
        for i, (s, e) in enumerate(spans):
            if text[s:e].strip().casefold() == key:
                if first and detected and not title:
                    first = False  # the title line itself stays readable (headlines carry quotes)
                    continue
                body[i] = False
    lines = tuple(Line(s, e, b) for (s, e), b in zip(spans, body, strict=True))
    return Cleaned(title=title or detected, byline=byline, lines=lines)
