"""Dumps of a page's visible text (menus, cookie banners, related links, footers included), with no template.

The body is the main run of prose; the headline is the line that best agrees with the URL slug, stands shortly
before the body and is followed by a byline or a date; bylines and dates are looked for next to the headline;
tags are the short lines after a topics label (``Related topics``, ``Mehr zum Thema``...), else the run of short
labels right after the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from ..candidate import Candidate
from ..rules import label_set
from . import capture_bylines, capture_dates, capture_headline, capture_language, capture_topics
from .capture_lines import CJK_PROSE_CHARS, Line, is_prose, slug_words

#: Short lines tolerated inside the body run (captions, ads, sub-headings).
BODY_GAP = 3
NEAR_AFTER = 12
NEAR_BEFORE = 3


@dataclass(frozen=True)
class Layout:
    """Where a dump's parts are: positions in the list of non-blank lines."""

    body_start: int
    body_end: int
    headline: int | None


def body_run(lines: list[Line]) -> tuple[int, int]:
    """The run of prose lines (short interruptions allowed) with the most text: (first, last) positions."""
    best, best_chars = (0, -1), 0
    start, chars, gap, last = -1, 0, 0, -1
    for position, line in enumerate(lines):
        if len(line.text) >= CJK_PROSE_CHARS and is_prose(line):  # shorter lines are no prose: no call for them
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
    return capture_bylines.is_byline(line)


def headline(lines: list[Line], url: str | None, body_start: int) -> int | None:
    """The position of the headline line (see :mod:`.capture_headline`)."""
    return capture_headline.find(lines, slug_words(url), body_start).position


def _date_candidates(line: Line, confidence: float, source: str) -> list[Candidate]:
    if line.kind == "D":
        return [Candidate("published", line.text, source, confidence, {"line": str(line.index)})]
    found: list[Candidate] = []
    for segment in capture_dates.segments(line.text):
        field = "modified" if capture_dates.is_update(segment) else "published"
        announced = capture_dates.is_publication(segment)
        for phrase in capture_dates.date_phrases(segment):
            # a date inside a longer text (a caption, a teaser) is less likely the article's own, unless its part
            # of the line says it is the publication (``By Daniel | Published: 23. Juli 2017 | Kommentare ...``)
            share = CAPTION_DATE_PENALTY if len(line.text) > 2 * len(phrase) + 25 and not announced else 0.0
            found.append(Candidate(field, phrase, source, confidence - share, {"line": str(line.index)}))
        if len(segment) <= 80 and not found:
            found.append(Candidate(field, segment, source, confidence - 0.02, {"line": str(line.index)}))
    return found


_TIME = re.compile(
    r"^(?:(?:um|at|à|a las|alle|kl\.?|klo)\s+)?(\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*uhr\b|\s*h\b)?"
    r"(?:\s*\(?(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s*\(?[A-Z]{2,5}\)?(?![\w]))?)",
    re.I,
)
_DIGIT = re.compile(r"\d")
_HAS_TIME = re.compile(r"\d[:h]\d\d|\d\.\d\d\s*uhr", re.I)
_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+){0,2}\s*:?\s+(?=\d)")


def time_only(text: str) -> str | None:
    """The time of a line that shows a time and no day (``5:50 pm CET``, ``Stand: 10:49 Uhr``, ``12:43``)."""
    if len(text) > 60 or _DIGIT.search(text) is None or capture_dates.date_phrases(text):
        return None  # (a time has digits)
    label = _LABEL.match(text)
    if label and not (capture_dates.is_publication(text) or capture_dates.is_update(text)):
        return None
    match = _TIME.match(text[label.end() :] if label else text)
    return match.group(1).strip() if match else None


def _with_time(candidates: list[Candidate], lines: list[Line], position: int) -> list[Candidate]:
    """A day with no time, and the time on the next line (``October 23, 2025`` / ``5:50 pm CET``): joined."""
    if position + 1 >= len(lines) or any(_HAS_TIME.search(c.value) for c in candidates):
        return candidates
    clock = time_only(lines[position + 1].text)
    if not clock:
        return candidates
    return [Candidate(c.field, f"{c.value} {clock}", c.source, c.confidence, c.extra) for c in candidates]


CAPTION_DATE_PENALTY = 0.15
LABELLED_DATE = 0.5


def _labelled_dates(lines: list[Line]) -> list[Candidate]:
    """A date under a label of its own (``Datum`` / ``28.04.2023``, ``Published`` / ``June 3, 2024``)."""
    labels = label_set("date_labels")
    for position, line in enumerate(lines[:-1]):
        text = line.text
        if len(text) <= 30 and text.strip(" :").casefold() in labels:
            following = lines[position + 1]
            if len(following.text) <= 80 and following.dated:
                field = "modified" if capture_dates.is_update(text) else "published"
                return [
                    Candidate(field, c.value, "capture:dateline-labelled", LABELLED_DATE, c.extra)
                    for c in _date_candidates(following, LABELLED_DATE, "capture:dateline-labelled")
                ]
    return []


#: The signature under a quoted social-media post, as pages render an embedded one
#: (``— Hertha BSC (@HerthaBSC) June 1, 2017``): its date is the post's.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s.{0,80}\(@\w{1,30}\)\s")


def _date_positions(lines: list[Line], title: int, body_start: int | None, byline_end: int | None) -> list[int]:
    """Where dates are looked for: next to the headline and the byline, and before the body when the headline is
    far from it."""
    positions = list(range(max(0, title - NEAR_BEFORE), min(len(lines), title + NEAR_AFTER)))
    if byline_end is not None and byline_end + 1 >= title + NEAR_AFTER:
        positions += range(max(title + NEAR_AFTER, byline_end + 1), min(len(lines), byline_end + NEAR_BEFORE + 1))
    if body_start is not None and body_start - title > NEAR_AFTER:
        positions += range(max(title + NEAR_AFTER, body_start - NEAR_AFTER), min(len(lines), body_start + 3))
    return positions


def dates(
    lines: list[Line],
    title: int | None,
    captured: date | None = None,
    body_start: int | None = None,
    byline_end: int | None = None,
) -> list[Candidate]:
    """Dates next to the headline (published, or modified when announced as an update); else labelled ones.

    A time shown alone next to the headline (``Stand: 10:49 Uhr``) is read on the capture's day; a page that only
    shows when it was updated gives that date as the publication too (at a lower confidence).
    """
    found: list[Candidate] = []
    clocks: list[tuple[str, Line]] = []
    if title is not None:
        for position in _date_positions(lines, title, body_start, byline_end):
            line = lines[position]
            if _EMBED_SIGNATURE.match(line.text):
                continue  # a quoted post's date, not the article's
            if line.dated or (position != title and len(line.text) <= 160 and capture_dates.date_phrases(line.text)):
                distance = min(abs(position - title), NEAR_AFTER)
                found.extend(
                    _with_time(_date_candidates(line, 0.55 - 0.01 * distance, "capture:dateline"), lines, position)
                )
            elif position > title and len(line.text) <= 60:
                clock = time_only(line.text)
                if clock:
                    clocks.append((clock, line))
    if not found and clocks and captured is not None:
        clock, line = clocks[0]
        found.append(
            Candidate(
                "published",
                f"{captured.isoformat()} {clock}",
                "capture:time+header-date",
                0.3,
                {"line": str(line.index)},
            )
        )
    if not any(c.field == "published" and c.confidence >= LABELLED_DATE for c in found):
        found += _labelled_dates(lines)
    if not any(c.field == "published" for c in found):
        announced = _publication_line(lines)
        if announced is not None:
            found.extend(_date_candidates(announced, 0.4, "capture:dateline-labelled"))
    if found and not any(c.field == "published" for c in found):
        updated = max(found, key=lambda c: c.confidence)
        found.append(Candidate("published", updated.value, "capture:dateline-updated", 0.35, updated.extra))
    return found


def _publication_line(lines: list[Line]) -> Line | None:
    """The first date line that announces the publication (``Veröffentlicht am 3. Mai``); a line whose first
    character (after white space) is an ASCII character that no publication word starts with is passed over unread
    (as :func:`.capture_dates.is_publication` would reject it)."""
    initials = capture_dates.publication_initials()
    for line in lines:
        text = line.text
        first = text.lstrip()[:1]  # (a line is stripped, unless cleaning left a space where an invisible one was)
        if first.isascii() and first.lower() not in initials:
            continue
        if len(text) <= 160 and capture_dates.is_publication(text) and line.kind == "d":
            return line
    return None


def _position_of(lines: list[Line], index: int) -> int | None:
    """The position of the line with this index (lines are in the order of their indexes, each index once)."""
    position = bisect.bisect_left(lines, index, key=_index)
    return position if position < len(lines) and lines[position].index == index else None


_index = attrgetter("index")


def extract(lines: list[Line], url: str | None, captured: date | None = None) -> list[Candidate]:
    if not lines:
        return []
    body_start, body_end = body_run(lines)
    found_headline = capture_headline.find(lines, slug_words(url), body_start)
    title = found_headline.position
    found: list[Candidate] = []
    bylines: list[Candidate] = []
    if body_end >= body_start:
        body = "\n\n".join(line.text for line in lines[body_start : body_end + 1] if len(line.text) >= 40)
        found.append(Candidate("body", body, "capture:prose", 0.5, {"line": str(lines[body_start].index)}))
        found += capture_language.candidates(lines, body_start, body_end)
    if title is not None:
        line = lines[title]
        text = capture_headline.wording(lines, found_headline)
        found.append(Candidate("title", text, "capture:headline", 0.6, {"line": str(line.index)}))
        bylines = capture_bylines.find(lines, title, body_start)
        found += bylines
        teaser = next((lines[n] for n in range(title + 1, min(len(lines), title + 3)) if lines[n].kind in "hp"), None)
        if teaser and 60 <= len(teaser.text) <= 500 and not _is_byline(teaser):
            found.append(Candidate("description", teaser.text, "capture:teaser", 0.45, {"line": str(teaser.index)}))
        crumbs = [
            lines[n]
            for n in range(max(0, title - 3), title)
            if lines[n].words_up_to(4) <= 3 and lines[n].kind in "wl" and not capture_topics.is_share(lines[n].text)
        ]
        found += [Candidate("sections", c.text, "capture:breadcrumb", 0.35, {"line": str(c.index)}) for c in crumbs]
    byline_end = None
    if bylines:
        last = max(int(c.extra["line"]) for c in bylines)
        byline_end = _position_of(lines, last)
    found += dates(lines, title, captured, body_start, byline_end)
    found += capture_topics.topics(lines, title if title is not None else body_start, body_end)
    return found
