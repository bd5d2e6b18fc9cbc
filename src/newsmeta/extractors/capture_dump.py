"""Dumps of a page's visible text (menus, cookie banners, related links, footers included), with no template.

The body is the main run of prose; the headline is the line that best agrees with the URL slug, stands shortly
before the body and is followed by a byline or a date; bylines and dates are looked for next to the headline;
tags are the short lines after a topics label (``Related topics``, ``Mehr zum Thema``...), else the run of short
labels right after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..candidate import Candidate
from ..normalize.text import fold
from ..rules import lexicon
from . import capture_bylines, capture_dates, capture_language
from .capture_lines import Line, is_cjk, slug_words, word_keys

#: A line of this many characters or more is prose (CJK text is denser).
PROSE_CHARS = 120
CJK_PROSE_CHARS = 50
#: Short lines tolerated inside the body run (captions, ads, sub-headings).
BODY_GAP = 3
HEADLINE_WINDOW = 25
NEAR_AFTER = 12
NEAR_BEFORE = 3
MAX_TOPICS = 40


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
    return capture_bylines.is_byline(line)


#: Headline score weights: nearness to the body, a date or a byline just below, a picture credit in the line.
PROXIMITY = 1.0
DATE_BONUS = 0.7
BYLINE_BONUS = 0.8
CREDIT_PENALTY = 2.0


@lru_cache(maxsize=1)
def _credit_marks() -> re.Pattern[str]:
    marks = sorted((re.escape(mark) for mark in lexicon()["credit_marks"]), key=len, reverse=True)
    return re.compile("|".join(marks), re.I)


def _is_credit(text: str) -> bool:
    """A picture caption or credit (``... | Niall Carson/PA Images via Getty Images``, ``(Archivbild)``, ``©``)."""
    return _credit_marks().search(text) is not None


def headline_score(lines: list[Line], position: int, slug: set[str], body_start: int, folded: dict[str, int]) -> float:
    line = lines[position]
    text = line.text
    keys = word_keys(text)
    score = 0.0
    if len(slug) >= 2 and keys:
        covered = len(slug & keys)
        score += 3.0 * covered / len(slug) + 1.0 * covered / len(keys)
    if position < body_start:
        score += PROXIMITY * max(0.0, 1.0 - (body_start - position) / 15)
    elif position > body_start:
        score -= 0.7
    following = lines[position + 1 : position + 5]
    if any(other.kind in "dD" for other in following):
        score += DATE_BONUS
    if any(_is_byline(other) for other in following):
        score += BYLINE_BONUS
    if _is_credit(text):
        score -= CREDIT_PENALTY
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
    window = range(max(0, body_start - HEADLINE_WINDOW), min(len(lines), body_start + 3))
    positions = set(window)
    if len(slug) >= 2:
        stems = [word[:3] for word in slug]
        for n, line in enumerate(lines):
            text = line.text
            if 10 <= len(text) <= 300 and n not in positions:
                lowered = text.casefold()
                if sum(stem in lowered for stem in stems) >= 2 and len(slug & word_keys(text)) >= 2:
                    positions.add(n)
    eligible = [n for n in positions if 10 <= len(lines[n].text) <= 300 and lines[n].kind in "hnKp"]
    if not eligible:
        return None
    wanted = {fold(lines[n].text) for n in eligible}
    sizes = {len(lines[n].text) + shift for n in eligible for shift in (-2, -1, 0, 1, 2)}
    folded: dict[str, int] = {}
    for line in lines:
        if len(line.text) in sizes:
            key = fold(line.text)
            if key in wanted:
                folded[key] = folded.get(key, 0) + 1
    scored = [(headline_score(lines, n, slug, body_start, folded), -n, n) for n in eligible if not _is_byline(lines[n])]
    return max(scored)[2] if scored else None


#: A kicker glued to its headline (the dump lost the break between them): ``Berlin:Im harten...``,
#: ``"Es wird bald beginnen"Trump spricht...``.
_GLUED_KICKER = re.compile(r"^(?P<kicker>[^:\n]{2,80}?(?::|[\"”“»«]))(?P<rest>[A-ZÀ-Þ][^\W\d_]*\s.*)$")
_SLUG_SPLIT = re.compile(r"[\W_]+")
#: A kicker (the words before a headline's colon) has at most this many words.
KICKER_WORDS = 8


def _slug_fit(text: str, slug: set[str]) -> float:
    """How well the URL's slug spells a text (F1 of the slug's words and the text's words of three letters+)."""
    words = [word for word in _SLUG_SPLIT.split(text.casefold()) if len(word) >= 3 and not word.isdigit()]
    if not words:
        return 0.0
    covered = len(slug & word_keys(text))
    return 2 * covered / (len(words) + len(slug)) if covered else 0.0


def headline_text(lines: list[Line], title: int, slug: set[str]) -> str:
    """The headline's wording: with or without its kicker, as the URL's slug spells it.

    Pages show a headline with a kicker glued or on its own line (``"Es wird bald beginnen"Trump spricht...``,
    ``Die Eisheiligen 2024`` / ``Wann sie sind...``), and often elsewhere as ``Kicker: Headline``; the variant whose
    words the slug covers best is the headline (the line as shown when the slug says nothing).
    """
    text = lines[title].text
    if len(slug) < 2:
        return text
    variants = [text]
    kicked = _GLUED_KICKER.match(text)
    if kicked and len(kicked["kicker"].split()) <= KICKER_WORDS and len(kicked["rest"].split()) >= 3:
        variants.append(kicked["rest"])
    folded = fold(text)
    for line in lines:
        other = line.text
        if len(text) < len(other) <= len(text) + 100 and fold(other).endswith(folded):
            head = other[: len(other) - len(text)].strip(" :–-|")
            if head and len(head.split()) <= KICKER_WORDS:
                variants.append(other)
    best = max(variants, key=lambda variant: _slug_fit(variant, slug))
    return best if _slug_fit(best, slug) > _slug_fit(text, slug) else text


def _date_candidates(line: Line, confidence: float, source: str) -> list[Candidate]:
    if line.kind == "D":
        return [Candidate("published", line.text, source, confidence, {"line": str(line.index)})]
    found: list[Candidate] = []
    for segment in capture_dates.segments(line.text):
        field = "modified" if capture_dates.is_update(segment) else "published"
        for phrase in capture_dates.date_phrases(segment):
            # a date inside a longer text (a caption, a teaser) is less likely the article's own
            share = CAPTION_DATE_PENALTY if len(line.text) > 2 * len(phrase) + 25 else 0.0
            found.append(Candidate(field, phrase, source, confidence - share, {"line": str(line.index)}))
        if len(segment) <= 80 and not found:
            found.append(Candidate(field, segment, source, confidence - 0.02, {"line": str(line.index)}))
    return found


_TIME = re.compile(
    r"^(?:(?:um|at|à|a las|alle|kl\.?|klo)\s+)?(\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*uhr\b|\s*h\b)?"
    r"(?:\s*\(?(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s*\(?[A-Z]{2,5}\)?(?![\w]))?)",
    re.I,
)
_HAS_TIME = re.compile(r"\d[:h]\d\d|\d\.\d\d\s*uhr", re.I)
_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+){0,2}\s*:?\s+(?=\d)")


def time_only(text: str) -> str | None:
    """The time of a line that shows a time and no day (``5:50 pm CET``, ``Stand: 10:49 Uhr``, ``12:43``)."""
    if len(text) > 60 or capture_dates.date_phrases(text):
        return None
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
    labels = _folded_words("date_labels")
    for position, line in enumerate(lines[:-1]):
        text = line.text
        if len(text) <= 30 and text.strip(" :").casefold() in labels:
            following = lines[position + 1]
            if len(following.text) <= 80 and following.kind in "dD":
                field = "modified" if capture_dates.is_update(text) else "published"
                return [
                    Candidate(field, c.value, "capture:dateline-labelled", LABELLED_DATE, c.extra)
                    for c in _date_candidates(following, LABELLED_DATE, "capture:dateline-labelled")
                ]
    return []


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
            if line.kind in "dD" or (
                position != title and len(line.text) <= 160 and capture_dates.date_phrases(line.text)
            ):
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
        for line in lines:
            if len(line.text) <= 160 and capture_dates.is_publication(line.text) and line.kind == "d":
                found.extend(_date_candidates(line, 0.4, "capture:dateline-labelled"))
                break
    if found and not any(c.field == "published" for c in found):
        updated = max(found, key=lambda c: c.confidence)
        found.append(Candidate("published", updated.value, "capture:dateline-updated", 0.35, updated.extra))
    return found


@lru_cache(maxsize=16)
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


def extract(lines: list[Line], url: str | None, captured: date | None = None) -> list[Candidate]:
    if not lines:
        return []
    body_start, body_end = body_run(lines)
    title = headline(lines, url, body_start)
    found: list[Candidate] = []
    bylines: list[Candidate] = []
    if body_end >= body_start:
        body = "\n\n".join(line.text for line in lines[body_start : body_end + 1] if len(line.text) >= 40)
        found.append(Candidate("body", body, "capture:prose", 0.5, {"line": str(lines[body_start].index)}))
        found += capture_language.candidates(lines, body_start, body_end)
    if title is not None:
        line = lines[title]
        text = headline_text(lines, title, slug_words(url))
        found.append(Candidate("title", text, "capture:headline", 0.6, {"line": str(line.index)}))
        bylines = capture_bylines.find(lines, title, body_start)
        found += bylines
        teaser = next((lines[n] for n in range(title + 1, min(len(lines), title + 3)) if lines[n].kind in "hp"), None)
        if teaser and 60 <= len(teaser.text) <= 500 and not _is_byline(teaser):
            found.append(Candidate("description", teaser.text, "capture:teaser", 0.45, {"line": str(teaser.index)}))
        crumbs = [lines[n] for n in range(max(0, title - 3), title) if lines[n].kind in "wl" and lines[n].words <= 3]
        found += [Candidate("sections", c.text, "capture:breadcrumb", 0.35, {"line": str(c.index)}) for c in crumbs]
    byline_end = None
    if bylines:
        last = max(int(c.extra["line"]) for c in bylines)
        byline_end = next((n for n, line in enumerate(lines) if line.index == last), None)
    found += dates(lines, title, captured, body_start, byline_end)
    found += topics(lines, title if title is not None else body_start, body_end)
    return found
