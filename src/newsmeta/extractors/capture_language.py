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


#: Latin letters, punctuation and currency signs: text with nothing else is not looked at for scripts (unless a
#: script's pattern matches one of these).
_UNSCRIPTED = ((0x0000, 0x036F), (0x2000, 0x206F), (0x20A0, 0x20CF))
_SCRIPTED = re.compile("[^" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _UNSCRIPTED) + "]")
_ANY = re.compile(".", re.S)


class _Languages:
    """The languages' data: scripts (language, pattern, share of the letters) and common words."""

    def __init__(self) -> None:
        data = load("capture_languages.json")
        self.scripts = tuple(
            (str(item["language"]), re.compile(str(item["pattern"])), float(item["share"])) for item in data["scripts"]
        )
        self.words: dict[str, tuple[str, ...]] = {}
        for language, listed in data["words"].items():
            for word in listed:
                key = str(word).casefold()
                self.words[key] = (*self.words.get(key, ()), str(language))
        unscripted = "".join(chr(code) for low, high in _UNSCRIPTED for code in range(low, high + 1))
        overlap = any(pattern.search(unscripted) for _, pattern, _ in self.scripts)
        self.scripted = _ANY if overlap else _SCRIPTED


@lru_cache(maxsize=1)
def _data() -> _Languages:
    return _Languages()


def _by_script(sample: str, data: _Languages) -> str | None:
    """The language whose script makes up its share of the letters."""
    if sample.isascii() or not data.scripted.search(sample):
        return None
    letters = len(_LETTER.findall(sample)) or 1
    for language, pattern, share in data.scripts:
        if len(pattern.findall(sample)) >= share * letters:
            return language
    return None


def _word_counts(sample: str, words: dict[str, tuple[str, ...]]) -> Counter[str]:
    """How many of the sample's words are common words of each language."""
    counts: Counter[str] = Counter()
    for word, number in Counter(_WORD.findall(sample.casefold())).items():
        for language in words.get(word, ()):
            counts[language] += number
    return counts


def guess(text: str) -> str | None:
    """The language of a text (an ISO 639-1 code), or ``None`` when it is not evident."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return None
    data = _data()
    scripted = _by_script(sample, data)
    if scripted:
        return scripted
    ranked = _word_counts(sample, data.words).most_common(2)
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
