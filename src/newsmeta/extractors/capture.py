"""Markup-less text captures -> candidates.

Each line is classified (:mod:`.capture_lines`); then, in order:

1. a capture template (``rules/template_*.json``) that covers the capture's whole structure gives high-confidence
   values (``capture:template=NAME.PROPERTY``);
2. otherwise, a capture made mostly of structured values (timestamps, URLs, numbers: a schema.org block's
   values with the keys stripped) is read by :mod:`.capture_values` (``capture:values...``);
3. otherwise the capture is a dump of a page's visible text, read by :mod:`.capture_dump` (``capture:...``).

The capture header's date is a last-resort publication date (``capture:header-date``), below any date the page
shows itself.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime

from ..candidate import Candidate
from ..document import Document
from . import capture_dump, capture_template, capture_values
from .capture_lines import Line, split_lines, structure

#: A capture whose lines are at least this share structured values (not text) is a values capture.
VALUES_SHARE = 0.25
#: ... or at least this share when it holds at least MIN_TIMESTAMPS ISO timestamps (a page dump shows dates as text).
TIMESTAMPS_VALUES_SHARE = 0.15
MIN_TIMESTAMPS = 2
_STRUCTURED = frozenset("DIUEPCLYNSTX")
HEADER_DATE_CONFIDENCE = 0.15
#: A capture with fewer letters than this share of its characters is no text (binary or noise).
MIN_LETTER_SHARE = 0.2
_SAMPLE = 4000
_CHUNK = 250
#: A cheap sign of a structured value (URL, number, timestamp, boolean) at the start of a line.
_STRUCTURED_START = re.compile(r"(?:https?:|//|www\.|[-+]?\d|true$|false$|\S+@\S+\.\w+$)", re.I)
#: The first characters :data:`_STRUCTURED_START` can match (besides a digit, or anything in an e-mail address).
_STRUCTURED_FIRST = "hHwWtTfF/+-"
_ASCII_LETTERS = string.ascii_letters.encode()
#: Below this share of lines with a structured start, a capture is a page dump whatever its lines' kinds:
#: dumps are then read without classifying every menu and footer line.
DUMP_SHARE = 0.1


def looks_like_dump(lines: list[Line]) -> bool:
    """Few lines start like a structured value: a page dump (no need to classify each line to know it)."""
    match = _STRUCTURED_START.match
    starts = 0
    for line in lines:
        text = line.text
        first = text[:1]
        if (first in _STRUCTURED_FIRST or first.isdecimal() or "@" in text) and match(text):
            starts += 1
    return starts < DUMP_SHARE * len(lines)


def is_values_capture(lines: list[Line]) -> bool:
    """Mostly structured values; or a smaller share of them with several ISO timestamps (no page shows those)."""
    structured = sum(1 for line in lines if line.kind in _STRUCTURED)
    share = structured / len(lines) if lines else 0.0
    if share >= VALUES_SHARE:
        return True
    timestamps = sum(1 for line in lines if line.kind == "D")
    return share >= TIMESTAMPS_VALUES_SHARE and timestamps >= MIN_TIMESTAMPS


def _day(captured: date | datetime | None) -> date | None:
    if isinstance(captured, datetime):
        return captured.date()
    return captured


def _header_date(captured: date | datetime | None) -> list[Candidate]:
    if captured is None:
        return []
    return [Candidate("published", captured.isoformat()[:10], "capture:header-date", HEADER_DATE_CONFIDENCE)]


def _usable(doc: Document, text: str) -> bool:
    """Enough of the capture's start is letters: its ASCII letters alone (counted at once), else all its letters
    (counted a chunk at a time, until there are enough)."""
    sample = text[:_SAMPLE]
    needed = MIN_LETTER_SHARE * max(1, len(sample.strip()))
    ascii_part = sample.encode("ascii", "ignore")
    if len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS)) >= needed:
        return True
    letters = 0
    for start in range(0, len(sample), _CHUNK):
        letters += sum(map(str.isalpha, sample[start : start + _CHUNK]))
        if letters >= needed:
            return True
    doc.warnings.append("capture holds no readable text")
    return False


def extract(doc: Document) -> list[Candidate]:
    text = doc.text or ""
    if not text.strip() or not _usable(doc, text):
        return _header_date(doc.captured)
    lines = split_lines(text)
    dump = looks_like_dump(lines)
    matched = None if dump else capture_template.match(lines, structure(lines))
    if matched:
        template, filled = matched
        found = capture_template.candidates(template, filled)
    elif not dump and is_values_capture(lines):
        found = capture_values.extract(lines, doc.url)
    else:
        found = capture_dump.extract(lines, doc.url, _day(doc.captured))
    if not found:
        doc.warnings.append("capture: no field could be recognised")
    return found + _header_date(doc.captured)
