"""Dumps of a page's visible text (menus, cookie banners, related links, footers included), with no template.

The body is the main run of prose; the headline is the line that best agrees with the URL slug, stands shortly
before the body and is followed by a byline or a date; bylines and dates are looked for next to the headline;
tags are the short lines after a topics label (``Related topics``, ``Mehr zum Thema``...), else the run of short
labels right after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..candidate import Candidate
from ..normalize.text import fold
from ..rules import lexicon
from . import capture_dates
from .capture_lines import Line, is_cjk, looks_like_name, names_in, slug_words, word_keys

#: A line of this many characters or more is prose (CJK text is denser).
PROSE_CHARS = 120
CJK_PROSE_CHARS = 50
#: Short lines tolerated inside the body run (captions, ads, sub-headings).
BODY_GAP = 3
HEADLINE_WINDOW = 25
NEAR_AFTER = 12
NEAR_BEFORE = 3
MAX_TOPICS = 40

_BYLINE_CUT = re.compile(
    r"\s+[·•|]\s+(?=[A-ZÀ-Þ]?[^A-Z]*(?:news|press|agency|staff|reuters|afp|dpa)\b)|\s*[·•]\s*$", re.I
)


@dataclass(frozen=True)
class Layout:
    """Where a dump's parts are: positions in the list of non-blank lines."""

    body_start: int
    body_end: int
    headline: int | None


def _is_prose(line: Line) -> bool:
    size = len(line.text)
    if size < CJK_PROSE_CHARS or line.kind not in "php":
        return False
    return size >= PROSE_CHARS or is_cjk(line.text)


def body_run(lines: list[Line]) -> tuple[int, int]:
    """The run of prose lines (short interruptions allowed) with the most text: (first, last) positions."""
    best, best_chars = (0, -1), 0
    start, chars, gap, last = -1, 0, 0, -1
    for position, line in enumerate(lines):
        if _is_prose(line):
            if start < 0:
                start, chars = position, 0
            chars += len(line.text)
            gap, last = 0, position
            if chars > best_chars:
                best, best_chars = (start, last), chars
        elif start >= 0:
            gap += 1
            if gap > BODY_GAP or len(line.text) >= 300:
                start, gap = -1, 0
    return best if best_chars else (len(lines), len(lines) - 1)


def _is_byline(line: Line) -> bool:
    return bool(_byline_text(line.text)) or _bare_prefix(line.text)


def _prefix_pattern() -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in lexicon()["byline_prefixes"]), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(words)})\s*:?\s+(?=\S)", re.I)


_PREFIX: list[re.Pattern[str]] = []


def _prefix() -> re.Pattern[str]:
    if not _PREFIX:
        _PREFIX.append(_prefix_pattern())
    return _PREFIX[0]


def _bare_prefix(text: str) -> bool:
    """A line that only introduces the byline on the next line (``von``, ``By``, ``Author of the article:``)."""
    return text.strip(" :").casefold() in set(lexicon()["byline_prefixes"])


@lru_cache(maxsize=4096)
def _byline_text(text: str) -> str | None:
    """The byline in a line, or ``None``: prefixed (``By X``), bare names, or names glued to a date."""
    cut = _BYLINE_CUT.split(text, maxsplit=1)[0].strip(" ·•|")
    if len(cut) > 120:
        return None
    prefixed = _prefix().match(cut)
    if prefixed:
        rest = cut[prefixed.end() :]
        rest = _strip_dates(rest)
        return cut if rest and (names_in(rest) or looks_like_name(rest.split(",")[0].strip())) else None
    if names_in(cut):
        return cut
    if capture_dates.date_phrases(cut):
        rest = _strip_dates(cut)
        if rest and names_in(rest):
            return rest
    return None


def _strip_dates(text: str) -> str:
    unglued = capture_dates.unglue(text)
    for phrase in capture_dates.date_phrases(unglued):
        unglued = unglued.replace(phrase, " ")
    return " ".join(unglued.split()).strip(" ,|·•-–")


def headline_score(lines: list[Line], position: int, slug: set[str], body_start: int, folded: dict[str, int]) -> float:
    line = lines[position]
    text = line.text
    keys = word_keys(text)
    score = 0.0
    if len(slug) >= 2 and keys:
        covered = len(slug & keys)
        score += 3.0 * covered / len(slug) + 1.0 * covered / len(keys)
    if position < body_start:
        score += 1.5 * max(0.0, 1.0 - (body_start - position) / 15)
    elif position > body_start:
        score -= 0.7
    following = lines[position + 1 : position + 5]
    if any(other.kind in "dD" or _is_byline(other) for other in following):
        score += 1.0
    if folded.get(fold(text), 0) > 1:
        score += 0.4
    if line.words < 3 and not is_cjk(text):
        score -= 1.0
    if text.endswith((".", ":")) and len(text) > 80 or text.endswith(":"):
        score -= 0.8
    if len(text) > 200:
        score -= 1.0
    return score


def headline(lines: list[Line], url: str | None, body_start: int) -> int | None:
    slug = slug_words(url)
    folded: dict[str, int] = {}
    for line in lines:
        key = fold(line.text)
        folded[key] = folded.get(key, 0) + 1
    window = range(max(0, body_start - HEADLINE_WINDOW), min(len(lines), body_start + 3))
    positions = set(window)
    if len(slug) >= 2:
        stems = [word[:3] for word in slug]
        positions |= {
            n
            for n, line in enumerate(lines)
            if line.kind in "hnKp"
            and 10 <= len(line.text) <= 300
            and sum(stem in line.text.casefold() for stem in stems) >= 2
            and len(slug & word_keys(line.text)) >= 2
        }
    scored = [
        (headline_score(lines, n, slug, body_start, folded), -n, n)
        for n in positions
        if lines[n].kind in "hnKp" and 10 <= len(lines[n].text) <= 300 and not _is_byline(lines[n])
    ]
    return max(scored)[2] if scored else None


def _byline_at(lines: list[Line], position: int) -> tuple[str | None, int]:
    """The byline at ``position`` (joined with the next line when the line only says ``von``), and its last line."""
    line = lines[position]
    text = _byline_text(line.text)
    if text is None and _bare_prefix(line.text) and position + 1 < len(lines):
        following = lines[position + 1].text
        joined = _byline_text(f"{line.text.strip(' :')} {following}")
        text = joined or (following if names_in(_strip_dates(following)) else None)
        return text, position + 1
    return text, position


def bylines(lines: list[Line], title: int) -> list[Candidate]:
    """The byline block next to the headline, after it first (continuation lines like ``, Max Bernhard`` joined)."""
    after = range(title + 1, min(len(lines), title + NEAR_AFTER))
    before = range(title - 1, max(-1, title - NEAR_BEFORE - 1), -1)
    for position in [*after, *before]:
        text, position = _byline_at(lines, position)
        if not text:
            continue
        confidence = 0.6 if _prefix().match(text) else 0.5
        found = [Candidate("authors", text, "capture:byline", confidence, {"line": str(lines[position].index)})]
        while position + 1 < len(lines) and re.match(r"^\s*(?:,|and\b|und\b|&)", lines[position + 1].text, re.I):
            position += 1
            more = lines[position].text.lstrip(" ,&").strip()
            found.append(Candidate("authors", more, "capture:byline", confidence, {"line": str(lines[position].index)}))
        return found
    return []


def _date_candidates(line: Line, confidence: float, source: str) -> list[Candidate]:
    found: list[Candidate] = []
    for segment in capture_dates.segments(line.text):
        field = "modified" if capture_dates.is_update(segment) else "published"
        for phrase in capture_dates.date_phrases(segment):
            found.append(Candidate(field, phrase, source, confidence, {"line": str(line.index)}))
        if len(segment) <= 80 and not found:
            found.append(Candidate(field, segment, source, confidence - 0.02, {"line": str(line.index)}))
    return found


def dates(lines: list[Line], title: int | None) -> list[Candidate]:
    """Dates next to the headline (published, or modified when announced as an update); else labelled ones."""
    found: list[Candidate] = []
    if title is not None:
        for position in range(max(0, title - NEAR_BEFORE), min(len(lines), title + NEAR_AFTER)):
            line = lines[position]
            if line.kind in "dD" or (
                position != title and len(line.text) <= 160 and capture_dates.date_phrases(line.text)
            ):
                distance = abs(position - title)
                found.extend(_date_candidates(line, 0.55 - 0.01 * distance, "capture:dateline"))
    if not any(c.field == "published" for c in found):
        for line in lines:
            if line.kind == "d" and capture_dates.is_publication(line.text):
                found.extend(_date_candidates(line, 0.4, "capture:dateline-labelled"))
                break
    return found


def _folded_words(key: str) -> frozenset[str]:
    return frozenset(word.strip(" :") for word in lexicon()[key])


def _is_topic_item(line: Line) -> bool:
    return (
        line.kind in "lwnhKY"
        and len(line.text) <= 60
        and line.words <= 6
        and not line.text.endswith((".", "?", "!", ":"))
        and line.text.strip(" :").casefold() not in _folded_words("topic_stops")
    )


def _labelled_lists(lines: list[Line], start: int, stop: int) -> list[Candidate]:
    """The short lines after each topics label (``Related topics``...) between two positions."""
    labels = _folded_words("topic_labels")
    found: list[Candidate] = []
    position = start
    while position < stop and len(found) < MAX_TOPICS:
        if lines[position].text.strip(" :").casefold() not in labels:
            position += 1
            continue
        position += 1
        while position < len(lines) and len(found) < MAX_TOPICS:
            line = lines[position]
            if line.text.strip(" :").casefold() in labels:
                position += 1
                continue
            if not _is_topic_item(line):
                break
            found.append(Candidate("tags", line.text, "capture:topics", 0.55, {"line": str(line.index)}))
            position += 1
    return found


def topics(lines: list[Line], title: int, body_end: int) -> list[Candidate]:
    """Tags: labelled lists after the headline, else just before it; else the run of labels right after the body."""
    found = _labelled_lists(lines, title, len(lines)) or _labelled_lists(lines, max(0, title - HEADLINE_WINDOW), title)
    if found:
        return found
    run: list[Line] = []
    for line in lines[body_end + 1 : body_end + 3 + MAX_TOPICS]:
        if _is_topic_item(line) and not line.text.isupper():
            run.append(line)
        elif run or len(line.text) > 60:
            break
    if len(run) >= 2:
        return [Candidate("tags", line.text, "capture:topic-run", 0.35, {"line": str(line.index)}) for line in run]
    return []


def extract(lines: list[Line], url: str | None) -> list[Candidate]:
    if not lines:
        return []
    body_start, body_end = body_run(lines)
    title = headline(lines, url, body_start)
    found: list[Candidate] = []
    if body_end >= body_start:
        body = "\n\n".join(line.text for line in lines[body_start : body_end + 1] if len(line.text) >= 40)
        found.append(Candidate("body", body, "capture:prose", 0.5, {"line": str(lines[body_start].index)}))
    if title is not None:
        line = lines[title]
        found.append(Candidate("title", line.text, "capture:headline", 0.6, {"line": str(line.index)}))
        found += bylines(lines, title)
        teaser = next((lines[n] for n in range(title + 1, min(len(lines), title + 3)) if lines[n].kind in "hp"), None)
        if teaser and 60 <= len(teaser.text) <= 500 and not _is_byline(teaser):
            found.append(Candidate("description", teaser.text, "capture:teaser", 0.45, {"line": str(teaser.index)}))
        crumbs = [lines[n] for n in range(max(0, title - 3), title) if lines[n].kind in "wl" and lines[n].words <= 3]
        found += [Candidate("sections", c.text, "capture:breadcrumb", 0.35, {"line": str(c.index)}) for c in crumbs]
    found += dates(lines, title)
    found += topics(lines, title if title is not None else body_start, body_end)
    return found
