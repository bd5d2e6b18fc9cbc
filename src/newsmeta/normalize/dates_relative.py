"""Relative dates in text: ``2 hours ago``, ``vor 3 Tagen``, ``il y a 2 jours``, ``gestern``, ``hier``...

Only finds them; :mod:`newsmeta.normalize.dates` counts them back from a reference time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
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

_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _first_runs(words: object) -> frozenset[str]:
    """The first run of letters of each word, case-folded (``il`` of ``il y a``, ``aujourd`` of ``aujourd'hui``)."""
    return frozenset(_LETTER_RUN.findall(word.casefold())[0] for word in words)  # type: ignore[attr-defined]


#: What an amount of units that counts needs: a unit word that ends a run of letters (``2h``, ``3 Stunden``,
#: ``einestunde``), and a whole run of letters that is, or starts, a word before or after it (``vor``, ``ago``).
_UNIT_ENDINGS = tuple(word.casefold() for word in UNITS)
_BEFORE_OR_AFTER = _first_runs(RELATIVE_BEFORE) | _first_runs(RELATIVE_AFTER)
#: Every day word is, or starts with, a whole run of letters (``gestern``; ``aujourd`` of ``aujourd'hui``).
_DAY_RUNS = _first_runs(DAY_WORDS)


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative date found in text: ``seconds`` back from the reference, or ``days`` back (a day word)."""

    start: int
    end: int
    seconds: int | None = None
    days: int | None = None


def _may_hold(text: str) -> tuple[bool, bool]:
    """Whether ``text`` may hold an amount of units that counts, and a day word.

    A test of its runs of letters, much cheaper than the two searches (whose long case-blind alternations are
    tried at every position); it never rules out a text that they would find something in. A text whose case
    folding changes its length (``ß``, ``İ``) is always searched.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        return True, True
    runs = _LETTER_RUN.findall(folded)
    amounts = not _BEFORE_OR_AFTER.isdisjoint(runs) and any(run.endswith(_UNIT_ENDINGS) for run in runs)
    return amounts, not _DAY_RUNS.isdisjoint(runs)


def relatives(text: str) -> Iterator[Relative]:
    """Relative dates in ``text``, in text order of each kind (amounts of units first, then day words)."""
    units, days = _may_hold(text)
    if units:
        yield from _amounts(text)
    if days:
        yield from _days(text)


def _amounts(text: str) -> Iterator[Relative]:
    for match in _AGO.finditer(text):
        if bool(match["pre"]) == bool(match["post"]):
            continue
        number = match["n"]
        count = int(number) if number.isdigit() else 1
        yield Relative(match.start(), match.end(), seconds=count * _matched(UNITS, match["unit"]))


def _days(text: str) -> Iterator[Relative]:
    for match in _DAY.finditer(text):
        yield Relative(match.start(), match.end(), days=_matched(DAY_WORDS, match["word"]))


def _matched(table: Mapping[str, int], word: str) -> int:
    """The value of the table's word that a case-blind search matched as ``word``.

    Mostly ``table[word.lower()]``; but ``lower()`` can change a word that the search matched (``mİn``: ``İ``
    lowers to two characters), so then the word is compared the way the search compares it.
    """
    value = table.get(word.lower())
    if value is None:
        value = next(v for key, v in table.items() if re.fullmatch(re.escape(key), word, re.I))
    return value
