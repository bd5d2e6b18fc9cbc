"""The language of a capture's text, when it is evident: from its script, else from its most common short words.

Scripts that belong to one language (Hangul, kana, Thai...) decide alone; otherwise the words of the text are
counted against each language's commonest words (``rules/capture_languages.json``, data) and a language is given
only when it clearly leads. The result is a ``language`` candidate (``capture:text-language``), which the date
resolver may use to place naive local times in a zone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..candidate import Candidate
from ..rules import load
from .capture_lines import Line

SOURCE = "capture:text-language"
CONFIDENCE = 0.45
#: How much text is looked at, and how many stop-word hits a language needs (and its lead over the next one).
SAMPLE_CHARS = 1500
MIN_HITS = 6
LEAD = 2.0
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[tuple[str, re.Pattern[str], float], ...], dict[str, tuple[str, ...]]]:
    data = load("capture_languages.json")
    scripts = tuple(
        (str(item["language"]), re.compile(str(item["pattern"])), float(item["share"])) for item in data["scripts"]
    )
    words: dict[str, tuple[str, ...]] = {}
    for language, listed in data["words"].items():
        for word in listed:
            key = str(word).casefold()
            words[key] = (*words.get(key, ()), str(language))
    return scripts, words


def guess(text: str) -> str | None:
    """The language of a text (an ISO 639-1 code), or ``None`` when it is not evident."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return None
    scripts, words = _data()
    if not sample.isascii():
        letters = len(_LETTER.findall(sample)) or 1
        for language, pattern, share in scripts:
            if len(pattern.findall(sample)) >= share * letters:
                return language
    counts = Counter(language for word in _WORD.findall(sample.casefold()) for language in words.get(word, ()))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def candidates(lines: list[Line], start: int, end: int) -> list[Candidate]:
    """A ``language`` candidate from the lines ``start``..``end`` (the body), when the language is evident."""
    chunk = []
    size = 0
    for line in lines[start : end + 1]:
        chunk.append(line.text)
        size += len(line.text)
        if size >= SAMPLE_CHARS:
            break
    language = guess("\n".join(chunk))
    return [Candidate("language", language, SOURCE, CONFIDENCE)] if language else []
