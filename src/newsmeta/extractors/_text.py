"""Text helpers shared by the extractors: an element's text, and searches over many strings at once."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from lxml import etree

_STRING = etree.XPath("string()")
#: Joins strings for one search over them all: never part of a parsed page's text or attributes (lxml's strings are
#: C strings, and the parser turns NUL into U+FFFD).
_SEPARATOR = "\x00"


def element_text(element: etree._Element) -> str:
    """All text inside ``element`` (comments and scripts' markup excluded), white space collapsed."""
    if len(element) == 0:  # no child of any kind: the text is all there is (read without an XPath call)
        text = element.text
        return " ".join(text.split()) if text else ""
    return " ".join(str(_STRING(element)).split())


def _starts(strings: Sequence[str]) -> list[int]:
    """Where each string starts in ``strings`` joined by the separator, and (last) the joined length plus one."""
    return [0, *accumulate(len(s) + 1 for s in strings)]


def containing(strings: Sequence[str], words: Sequence[str]) -> set[int]:
    """Indices of the strings whose lower-case form contains one of ``words`` (lower case, no separator in them).

    The same as ``any(word in s.lower() for word in words)`` for each string, but one ``lower()`` and one ``find``
    per word over all strings at once.
    """
    joined = _SEPARATOR.join(strings).lower()
    found: set[int] = set()
    starts: list[int] | None = None
    for word in words:
        position = joined.find(word)
        if position < 0:
            continue
        if starts is None:
            starts = _starts(strings)
            if starts[-1] != len(joined) + 1:  # lower() changed a length (e.g. "İ"): string by string
                return {i for i, s in enumerate(strings) if any(w in s.lower() for w in words)}
        while position >= 0:
            index = bisect_right(starts, position) - 1
            found.add(index)
            position = joined.find(word, starts[index + 1])
    return found


def matching(strings: Sequence[str], pattern: re.Pattern[str]) -> set[int]:
    """Indices of the strings in which ``pattern`` is found (``pattern`` must never match the separator).

    The same as ``pattern.search(s)`` for each string, in one search over them all.
    """
    joined = _SEPARATOR.join(strings)
    first = pattern.search(joined)
    if first is None:
        return set()
    starts = _starts(strings)
    return {bisect_right(starts, match.start()) - 1 for match in pattern.finditer(joined, first.start())}
