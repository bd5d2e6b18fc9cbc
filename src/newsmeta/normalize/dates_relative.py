"""Relative dates in text: ``2 hours ago``, ``vor 3 Tagen``, ``il y a 2 jours``, ``gestern``, ``hier``...

Only finds them; :mod:`newsmeta.normalize.dates` counts them back from a reference time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .dates_tables import DAY_WORDS, ONE, RELATIVE_AFTER, RELATIVE_BEFORE, UNITS


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
_AGO = re.compile(
    rf"{_LETTER_BEFORE}(?:(?P<pre>{_alternation(RELATIVE_BEFORE)})\s+)?"
    rf"(?P<n>\d{{1,3}}|{_alternation(ONE)})\s*(?P<unit>{_alternation(UNITS)})\.?{_LETTER_AFTER}"
    rf"(?:\s+(?P<post>{_alternation(RELATIVE_AFTER)}){_LETTER_AFTER})?",
    re.I,
)
_DAY = re.compile(rf"{_LETTER_BEFORE}(?P<word>{_alternation(DAY_WORDS)}){_LETTER_AFTER}", re.I)


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative date found in text: ``seconds`` back from the reference, or ``days`` back (a day word)."""

    start: int
    end: int
    seconds: int | None = None
    days: int | None = None


def relatives(text: str) -> Iterator[Relative]:
    """Relative dates in ``text``, in text order of each kind (amounts of units first, then day words)."""
    for match in _AGO.finditer(text):
        if bool(match["pre"]) == bool(match["post"]):
            continue
        number = match["n"]
        count = int(number) if number.isdigit() else 1
        yield Relative(match.start(), match.end(), seconds=count * UNITS[match["unit"].lower()])
    yield from _days(text)


def _days(text: str) -> Iterator[Relative]:
    for match in _DAY.finditer(text):
        yield Relative(match.start(), match.end(), days=DAY_WORDS[match["word"].lower()])
