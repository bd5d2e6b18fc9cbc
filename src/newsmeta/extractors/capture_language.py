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
        self.letter_words = frozenset(word for word in self.words if word.isalpha())
        unscripted = "".join(chr(code) for low, high in _UNSCRIPTED for code in range(low, high + 1))
        overlap = any(pattern.search(unscripted) for _, pattern, _ in self.scripts)
        self.scripted = _ANY if overlap else _SCRIPTED


@lru_cache(maxsize=1)
def _data() -> _Languages:
    return _Languages()


def _by_script(sample: str, data: _Languages) -> str | None:
    """The language whose script makes up its share of the letters (the letters are counted only when a script
    is there at all)."""
    if sample.isascii() or not data.scripted.search(sample):
        return None
    letters = 0
    for language, pattern, share in data.scripts:
        found = len(pattern.findall(sample))
        if not found:
            continue  # no share of the letters, however few
        letters = letters or len(_LETTER.findall(sample)) or 1
        if found >= share * letters:
            return language
    return None


def _word_counts(sample: str, data: _Languages) -> Counter[str]:
    """How many of the sample's words are common words of each language.

    Words are the runs of letters (:data:`_WORD`). They are found in the chunks between white spaces: a chunk of
    letters only is one word; only the other chunks are split into words. (The order the languages are counted in
    does not matter: :func:`guess` gives none when the top two tie.)
    """
    words = data.words
    chunks = sample.casefold().split()
    common = [chunk for chunk in chunks if chunk in data.letter_words]
    others = " ".join([chunk for chunk in chunks if not chunk.isalpha()])
    common += [word for word in _WORD.findall(others) if word in words]
    counts: Counter[str] = Counter()
    for word, number in Counter(common).items():
        for language in words[word]:
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
    ranked = _word_counts(sample, data).most_common(2)
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
