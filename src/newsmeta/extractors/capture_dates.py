"""Is this capture line a date at all, and which part of it is the date? (A cheap prefilter.)

Parsing belongs to :func:`newsmeta.normalize.dates.parse_date`; this module only finds date-looking lines and cuts
the date phrase out of glued text (``Associated PressApril 28, 2023 GMT`` -> ``April 28, 2023 GMT``), so that
the parser sees a clean phrase. Month names and the words around dates are data (``rules/capture_lexicon.json``).
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from ..rules import lexicon

_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$", re.I
)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIGIT = re.compile(r"\d")
_MAX_DATE_LINE = 160
#: A line this short that holds a date is a date line; a longer one must be a third date, or labelled.
_SHORT_DATE_LINE = 60
_GLUED_YEAR_TIME = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{1,2}:\d{2})")
#: What every match of :data:`_GLUED_YEAR_TIME` holds (five or six digits before a colon): a quicker search than
#: the substitution, which it saves.
_YEAR_TIME_GLUE = re.compile(r"\d{5}\d?:")
_GLUED_WORDS = re.compile(r"(?<=[a-zà-ÿ0-9.])(?=[A-ZÀ-Þ][a-zà-ÿ]{2,})")
#: Where :data:`_GLUED_WORDS` would put a space (a quicker search than the substitution, which it saves).
_GLUE = re.compile(r"[a-zà-ÿ0-9.][A-ZÀ-Þ][a-zà-ÿ]{2,}")
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:uhr|h|Uhr))?(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|GMT[+-]\d{1,2})\)?)?"


#: Where a date phrase can start, checked before the month names are tried one by one (the pattern is tried at
#: every character): a digit, or a month name (letters only, see ``test_month_names_are_letters``) and its day.
_PHRASE_AHEAD = r"(?=\d|[^\W\d_]+\.?\s+\d)"
_MONTH_AHEAD = r"(?=[^\W\d_]+\.?\s+\d)"


def _words(key: str) -> str:
    words = sorted({re.escape(w) for w in lexicon().get(key, [])}, key=len, reverse=True)
    return "|".join(words)


def _initials(key: str) -> str:
    """A look-ahead for the first letters of a lexicon list's words: a case-blind pattern of many words tries its
    words only where one can start (much quicker than trying each word at every character)."""
    letters = sorted({word[0] for word in lexicon().get(key, []) if word})
    return f"(?=[{''.join(map(re.escape, letters))}])" if letters else ""


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = _initials("months") + f"(?:{_words('months')})"
    units = _initials("relative_units") + f"(?:{_words('relative_units')})"
    relative_words = _initials("relative_words") + f"(?:{_words('relative_words')})"
    year = r"(?:19|20)\d{2}"
    # an English day may be an ordinal (``29th Oct 2023``); a month's day is no year's first digits (``Oct 2023``)
    named = (
        rf"(?:\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:de\s+)?(?:{months})\.?,?\s*(?:de\s+)?(?:{year})?|"
        rf"{_MONTH_AHEAD}(?:{months})\.?\s+\d{{1,2}}(?!\d)\.?(?:st|nd|rd|th)?,?\s*(?:{year})?)"
    )
    numeric = r"(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?!\d)|\d{1,2}\.\s\d{1,2}\.\s(?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
    relative = (
        rf"(?:(?:{relative_words})\s+(?:\d+|einer?|one|an?)\s+(?:{units})\b|"
        rf"(?:\d+|one|an?)\s+(?:{units})\.?\s+(?:{relative_words})\b|^\d+\s+(?:{units})$)"
    )
    phrase = re.compile(
        rf"{_PHRASE_AHEAD}(?:{_TIME}\s*[,•·|-]?\s*)?(?:{named}|{numeric})(?:\s*(?:,|um|à|a las|alle|kl\.?|at|-|–|·|\|)?\s*{_TIME})?"
        rf"(?:\s*(?:GMT|UTC|CET|CEST|MEZ|MESZ|[A-Z]{{2,4}}T))?",
        re.I,
    )
    return (
        phrase,
        re.compile(relative, re.I),
        re.compile(rf"\b{_initials('updated_words')}(?:{_words('updated_words')})\b", re.I),
        re.compile(rf"^{_initials('published_words')}(?:{_words('published_words')})\b", re.I),
    )


def is_iso_timestamp(text: str) -> bool:
    """An ISO 8601 date with a time (``2022-12-23T12:13+0000``)."""
    return len(text) <= 40 and bool(_ISO.match(text))


def is_date_line(text: str, digits: bool = True) -> bool:
    """A short line that holds a date or a relative time (it may hold other words too).

    ``digits``: whether the line has a digit (callers often know it already); without one, only a relative
    time in words can make it a date line.
    """
    if len(text) > _MAX_DATE_LINE:
        return False
    if not digits:
        return len(text) <= 40 and _may_be_relative(text, digits) and bool(_patterns()[1].search(text))
    if _ISO_DAY.match(text):
        return True
    phrases = date_phrases(text)
    if not phrases:
        return False
    if len(text) <= _SHORT_DATE_LINE or 3 * sum(map(len, phrases)) >= len(text):
        return True
    return is_publication(text) or is_update(text)  # a long line is a date line when it says what the date is


def unglue(text: str) -> str:
    """Spaces put back between a year and a time (``20232:30``) and between glued words (``PressApril``)."""
    if ":" in text and _YEAR_TIME_GLUE.search(text):
        text = _GLUED_YEAR_TIME.sub(r"\1 \2", text)
    return _GLUED_WORDS.sub(" ", text) if _GLUE.search(text) else text


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(lexicon()["months"])


#: ``28. 4. 2023`` -> ``28.4.2023``
_SPACED_DAY = re.compile(r"\b(\d{1,2})\.\s(\d{1,2})\.\s((?:19|20)\d{2})\b")
_NUMERIC_DATE = re.compile(r"\d[./-]\s?\d|\d年")
_LETTERS = re.compile(r"[^\W\d_]+")


def _may_hold_date(text: str) -> bool:
    """Cheap test before the phrase pattern: a numeric date shape, or a month name next to a digit."""
    if _NUMERIC_DATE.search(text):
        return True
    return not _month_words().isdisjoint(_LETTERS.findall(text.casefold()))


@lru_cache(maxsize=1)
def _relative_words() -> re.Pattern[str]:
    return re.compile(_initials("relative_words") + f"(?:{_words('relative_words')})", re.I)


def _ascii_form(word: str) -> str | None:
    """How ``word`` is spelled in lower-case ASCII text that the case-blind patterns match it in (``yıl`` ->
    ``yil``), or ``None`` when no ASCII text matches it."""
    spelled = ""
    for ch in word:
        if ch.isascii():
            spelled += ch.lower()
            continue
        # a letter of another alphabet that case-blind matching takes for an ASCII letter (``ı`` for ``i``)
        same = [letter for letter in string.ascii_lowercase if re.fullmatch(re.escape(ch), letter, re.I)]
        if not same:
            return None
        spelled += same[0]
    return spelled


@lru_cache(maxsize=4)
def _ascii_words(key: str) -> tuple[str, ...]:
    """A lexicon list as lower-case ASCII text can hold it (see :func:`_ascii_form`), without the words that hold
    another one (text that holds ``minutes`` holds ``min``): what a text holds some word of."""
    forms = {form for form in map(_ascii_form, lexicon().get(key, [])) if form}
    return tuple(sorted(form for form in forms if not any(other in form for other in forms - {form})))


def _may_be_relative(text: str, digits: bool) -> bool:
    """Cheap test before the relative-time pattern: a relative time has one of the relative words (``vor einer
    Stunde``, ``3 days ago``), or is a number and a unit alone (``3 days``: ``digits`` says the text starts with
    a digit). In ASCII text, case-blind matching is matching the lower-cased text (quicker than the pattern), and
    a unit is looked for too (every form of a relative time has one)."""
    if text.isascii():
        holds = text.lower().__contains__
        if not digits and not any(map(holds, _ascii_words("relative_words"))):
            return False
        return any(map(holds, _ascii_words("relative_units")))
    return digits or _relative_words().search(text) is not None


#: An ISO 8601 timestamp (``2023-03-01T09:30:00Z``, ``2024-05-02 10:00:00+02:00``), read as one phrase.
_ISO_TIMESTAMP = re.compile(
    r"(?<![\d-])\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?(?![\d:])"
)


@lru_cache(maxsize=4096)
def date_phrases(text: str) -> tuple[str, ...]:
    """The date phrases in a line, each as a parser-ready string, in order.

    Every day or date phrase holds a digit (a day, a numeric date): a line without one is only looked at for a
    relative time in words.
    """
    phrase, relative, _, _ = _patterns()
    text = unglue(text)
    digits = _DIGIT.search(text) is not None
    found: list[str] = []
    if digits and _may_hold_date(text):
        placed: list[tuple[int, str]] = []
        if "-" in text:  # ISO timestamps whole, with their time and offset; blanked out for the other phrases
            placed = [(m.start(), m.group(0)) for m in _ISO_TIMESTAMP.finditer(text)]
            text = _ISO_TIMESTAMP.sub(lambda m: " " * len(m.group(0)), text) if placed else text
        placed += [(m.start(), _SPACED_DAY.sub(r"\1.\2.\3", m.group(0).strip(" ,-–·|"))) for m in phrase.finditer(text)]
        found = [f for _, f in sorted(placed)]
        found = [f for f in found if any(ch.isdigit() for ch in f) and len(f) >= 5 and _has_day_and_year_or_month(f)]
    if _may_be_relative(text, digits and text[:1].isdigit()):
        found.extend(m.group(0).strip() for m in relative.finditer(text))
    return tuple(found)


_TIME_ONLY = re.compile(r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:uhr|h)?", re.I)


def _has_day_and_year_or_month(text: str) -> bool:
    """Not a bare time (``10:49 Uhr``, ``14.30``)."""
    return not _TIME_ONLY.fullmatch(text)


def is_update(segment: str) -> bool:
    """The segment announces an update (``Last Updated``, ``aktualisiert``...), not the publication."""
    return bool(_patterns()[2].search(segment))


def is_publication(segment: str) -> bool:
    """The segment announces the publication (``Published``, ``Veröffentlicht am``, ``Stand:``...)."""
    text = segment.strip()
    first = text[:1]
    if first.isascii() and first.lower() not in _ascii_initials("published_words"):
        return False  # no word of the list starts so (an ASCII letter matches only its own case-blind forms)
    return bool(_patterns()[3].search(text))


def publication_initials() -> frozenset[str]:
    """The lower-cased ASCII letters that a text :func:`is_publication` may start with (a text starting with another
    ASCII character is none)."""
    return _ascii_initials("published_words")


@lru_cache(maxsize=4)
def _ascii_initials(key: str) -> frozenset[str]:
    """The ASCII letters (lower-cased) that case-blind matching takes for the first letter of a lexicon list's
    words (:func:`_ascii_form`): text starting with another ASCII character starts with none of the words."""
    initials = (_ascii_form(word[:1]) for word in lexicon().get(key, []))
    return frozenset(initial for initial in initials if initial)


def segments(text: str) -> list[str]:
    """A date line cut into its parts (``Posted: ... | Last Updated: ...``, ``08:39, 06 Jan 2026Updated ...``)."""
    text = unglue(text)
    updated = _patterns()[2]
    parts: list[str] = []
    for chunk in re.split(r"\s+\|\s+|\s+•\s+(?=\D)", text):
        start = 0
        for match in updated.finditer(chunk):
            if match.start() > start:
                parts.append(chunk[start : match.start()])
                start = match.start()
        parts.append(chunk[start:])
    return [p.strip() for p in parts if p.strip()]
