"""Bylines in page dumps: which line names the article's authors, and the names in it.

A byline is looked for next to the headline, in this order of trust:

1. a prefixed byline (``By X``, ``Von: X``, ``Kolumne von X``, or a line that only says ``By`` followed by the
   names), up to a few dozen lines after the headline (photo captions and share buttons often come first);
2. bare names close to the headline (``Birgit Baumann`` / ``Anna Giulia Fink`` on lines of their own), names glued
   to a date, a handle, an agency or a role (``Ulrich ExnerKorrespondent``, ``Greg Iacurci@GregIacurci``,
   ``Yasmine Hassan · CBC News ·``);
3. anywhere on the page, names under an author label (``Autorin/Autor``, ``About the author``).

The names are given as the page wrote them, with prefixes, dates, handles and trailing roles cut off; the resolver
splits lists. Prefixes, roles, labels and words of page furniture are data (``rules/capture_lexicon.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from ..candidate import Candidate
from ..normalize.names import is_role_word
from ..rules import lexicon
from . import capture_dates
from .capture_lines import NAME_PARTICLES, Line, is_cjk, looks_like_name, names_in

#: How far after the headline a prefixed byline is looked for (non-blank lines), and bare names.
PREFIXED_AFTER = 40
BARE_AFTER = 12
BEFORE = 3
#: How many lines a byline block may take (one name a line).
MAX_BLOCK = 8
MAX_BYLINE_CHARS = 160
MAX_BYLINE_WORDS = 20

#: ``|``, ``·``, ``•`` or a dash between spaces, with the white space around them (the look-ahead lets the pattern
#: be tried only where a separator can start).
_SEPARATORS = re.compile(r"(?=[\s|·•])\s*(?:[|·•]|\s[-–—]\s)\s*")
_HANDLE = re.compile(r"@\w+")
_CONTINUATION = re.compile(r"^\s*(?:,|&|and\b|und\b|et\b|y\b|og\b|och\b|и\b)\s*", re.I)
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
#: Where :data:`_CAMEL` splits: found by its two letters (a quicker search than the look-behind at each character).
_CAMEL_PAIR = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
_WORD = re.compile(r"[^\W\d_]+", re.U)
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _prefix() -> re.Pattern[str]:
    prefixes = lexicon()["byline_prefixes"]
    words = sorted((re.escape(w) for w in prefixes), key=len, reverse=True)
    # the prefixes' first letters looked ahead for first: most lines start with none (a quick no)
    initials = "".join(sorted({re.escape(w[0]) for w in prefixes if w}))
    return re.compile(rf"^(?=[{initials}])(?:{'|'.join(words)})(?:\s*:\s*|\s+)(?=\S)", re.I)


@lru_cache(maxsize=8)
def _words(key: str) -> frozenset[str]:
    return frozenset(word.strip(" :").casefold() for word in lexicon().get(key, []))


#: The characters a byline separator (:data:`_SEPARATORS`) holds: a line without one is a single segment.
_SEPARATOR_MARK = re.compile("[|·•–—-]")


def may_be_prefixed(text: str) -> bool:
    """Cheap test: the line may hold an announced byline (a prefix starts it or one of its segments, as
    :func:`byline` looks for one, or a role word follows a CJK name), or only introduce one (``By``); other
    lines never do."""
    if len(text) > MAX_BYLINE_CHARS:
        return False
    if _prefix().match(text) or is_bare_prefix(text) or _suffixed_name(text):
        return True
    if not _SEPARATOR_MARK.search(text):
        return False
    return any(_prefix().match(segment) for segment in _SEPARATORS.split(text)[1:])


@lru_cache(maxsize=1)
def _bare_prefixes() -> frozenset[str]:
    return _words("byline_prefixes") | _words("author_labels")


def is_bare_prefix(text: str) -> bool:
    """A line that only introduces the byline on the next line (``By``, ``Von``, ``Kommentar von``, ``Autor:``)."""
    return len(text) <= 40 and text.strip(" :").casefold() in _bare_prefixes()


@lru_cache(maxsize=4096)
def _is_role(word: str) -> bool:
    """:func:`is_role_word`, worked out once per word of a page (bylines ask about the same words again)."""
    return is_role_word(word)


def _cut_role(text: str) -> str:
    """Drop a role glued to or following the name: ``Ulrich ExnerKorrespondent``, ``Steffan Rhys Deputy Editor``."""
    words = text.split()
    camel = _CAMEL_PAIR.search(text) is not None  # a word glued to the next one (no white space is a letter)
    for number, word in enumerate(words):
        parts = _CAMEL.split(word) if camel and number >= 1 else ()
        if len(parts) > 1:
            for cut in range(1, len(parts)):
                tail = ["".join(parts[cut:]), *words[number + 1 :]]
                if any(_is_role(part) for part in tail):
                    return " ".join([*words[:number], "".join(parts[:cut])])
        if number >= 2 and _is_role(word):
            return " ".join(words[:number])
    return text


def _strip_dates(text: str) -> str:
    unglued = capture_dates.unglue(text) if _DIGIT.search(text) else text
    for phrase in capture_dates.date_phrases(unglued):
        unglued = unglued.replace(phrase, " ")
    return " ".join(unglued.split()).strip(" ,|·•-–")


def _is_furniture(text: str) -> bool:
    """Share buttons, players and labels that look like two capitalised words (``Copy Link``, ``Video Loading``)."""
    stops = _words("not_name_words")
    return any(word.casefold() in stops for word in _WORD.findall(text))


def _names(segment: str, prefixed: bool) -> str | None:
    if "@" in segment:
        segment = _HANDLE.sub(" ", segment)
    segment = _strip_dates(segment) if _DIGIT.search(segment) else segment.strip(" ,|·•-–")
    if not segment or len(segment) > 120:
        return None
    if not prefixed and _cannot_hold_names(segment):
        return None
    parts = (_cut_role(part.strip()) for part in segment.split(","))
    # a part made only of role words (``Jane Doe, Senior Reporter``) is the role, not another name
    segment = ", ".join(part for part in parts if not all(_is_role(word) for word in part.split()))
    segment = segment.strip(" ,")
    if not segment:
        return None
    first = segment.split(",")[0].strip()
    if any(_is_role(word) for word in first.split()):
        return None
    if names_in(segment) and not _is_furniture(segment):
        return segment
    if prefixed and (looks_like_name(first) or (is_cjk(first) and len(first) <= 12 and " " not in first)):
        return segment
    return None


#: The words that separate names in a list (as :func:`.capture_lines.names_in` splits it).
_NAME_JOINERS = frozenset(["and", "und", "et", "y", "og", "i", "u"])


def _cannot_hold_names(segment: str) -> bool:
    """Cheap proofs that no list of names is left of a segment once roles are cut (:func:`_cut_role`): fewer
    than two capital letters (a name has two capitalised words), or a lower-case word among the first two words
    of a comma part (``Office for Budget``), which no name has and the role cut (from the second word on) keeps,
    or a lower-case word further on that no role word before it cuts off (``Jetzt Top-Job in New York``)."""
    parts = segment.split(",")
    for part in parts:
        for number, word in enumerate(part.split(None, 2)[:2]):
            bare = word.strip(".,'’()")
            if (
                bare.isalpha()
                and bare[0].islower()
                and not (number and _CAMEL_PAIR.search(bare))
                and bare not in _NAME_JOINERS
                and bare.casefold() not in NAME_PARTICLES
            ):
                return True
    if not _two_capitals(segment):
        return True
    return any(_keeps_lower_case_word(part.split()) for part in parts)


def _is_lower_case_word(word: str) -> bool:
    """A lower-case word that is no name particle and does not join names (no part of any name list)."""
    bare = word.strip(".,'’()")
    return (
        bare.isalpha()
        and bare[0].islower()
        and bare not in _NAME_JOINERS
        and bare.casefold() not in NAME_PARTICLES
    )


def _keeps_lower_case_word(words: list[str]) -> bool:
    """A comma part's first lower-case word from the third word on (:func:`_is_lower_case_word`) stays in it once
    its role is cut off (:func:`_cut_role`): no role word from the third word to it, and no word glued to the next
    one (``ExnerKorrespondent``) from the second word to it."""
    for number in range(2, len(words)):
        if _is_lower_case_word(words[number]):
            if any(_is_role(word) for word in words[2 : number + 1]):
                return False
            return _CAMEL_PAIR.search(" ".join(words[1 : number + 1])) is None
    return False


def _two_capitals(characters: Iterable[str]) -> bool:
    """Two capitals or more among the characters (``sum(map(str.isupper, characters)) >= 2``, looking no further than
    the second)."""
    return len(list(islice(filter(str.isupper, characters), 2))) == 2


def _two_capitalised(words: list[str]) -> bool:
    """Two of the words or more start with a capital (``words`` are non-empty, as ``str.split`` gives them)."""
    return _two_capitals(map(itemgetter(0), words))


#: A line that is only an e-mail address or a handle (``bykj@mk.co.kr``, ``@janedoe``).
_CONTACT = re.compile(r"^(?:\S+@\S+\.\w+|@\w+)$")
#: A name in a caseless script is this short at most (``배윤경``, ``松岡大地``).
MAX_CJK_NAME_CHARS = 6


def _suffixed_name(text: str) -> str | None:
    """The name before a role word that follows names in CJK bylines (``배윤경 기자``, ``松岡大地 記者``)."""
    return _suffixed(text.split())


def _suffixed(words: list[str]) -> str | None:
    """:func:`_suffixed_name` of a line's words."""
    if len(words) == 2 and words[1] in _words("byline_suffixes"):
        name = words[0]
        if is_cjk(name) and len(name) <= MAX_CJK_NAME_CHARS and name.isalpha():
            return name
    return None


@lru_cache(maxsize=4096)
def byline(text: str) -> tuple[str, bool] | None:
    """The names in a byline line and whether it was announced (``By`` before it, ``기자`` after it); ``None`` for
    no byline."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    words = text.split()
    if len(words) > MAX_BYLINE_WORDS:
        return None
    suffixed = _suffixed(words)
    if suffixed:
        return suffixed, True
    prefix = _prefix()
    if not _two_capitalised(words) and not prefix.match(text) and not is_cjk(text):
        return None  # names need two capitalised words, unless a prefix announces them
    segments = _SEPARATORS.split(text) if _SEPARATOR_MARK.search(text) else [text]
    for segment in [text, *segments] if len(segments) > 1 else segments:
        if not segment:
            continue
        prefixed = False
        match = prefix.match(segment)
        while match:
            prefixed = True
            segment = segment[match.end() :]
            match = prefix.match(segment)
        names = _names(segment, prefixed)
        if names:
            return names, prefixed
        if prefixed:
            return None
    return None


def is_byline(line: Line) -> bool:
    return byline(line.text) is not None or is_bare_prefix(line.text)


def _at(lines: list[Line], position: int) -> tuple[str, bool, int] | None:
    """The byline at ``position`` (a lone ``By`` joined with the next line): names, prefixed, last position."""
    text = lines[position].text
    found = byline(text)
    if found:
        return found[0], found[1], position
    if is_bare_prefix(text) and position + 1 < len(lines):
        following = byline(lines[position + 1].text)
        if following:
            return following[0], True, position + 1
        names = _names(lines[position + 1].text, True)
        if names:
            return names, True, position + 1
    return None


def _nav_words(lines: list[Line], title: int) -> frozenset[str]:
    """One-word lines far from the headline (menus, sections): a bare 'name' holding one is no name."""
    texts = [line.text for line in lines]
    far = texts[: max(0, title - 1)] + texts[title + 2 :]
    return frozenset(text.casefold() for text in far if len(text) <= 25 and " " not in text)


def _block(lines: list[Line], names: str, last: int) -> tuple[list[str], int]:
    """Names on the following lines too (one name a line, or ``, X`` / ``and X`` continuations)."""
    found = [names]
    position = last + 1
    end = last
    while position < len(lines) and len(found) < MAX_BLOCK:
        text = lines[position].text
        position += 1
        if _CONTACT.match(text):
            continue  # an author's e-mail address or handle between the names
        suffixed = _suffixed_name(text)
        joined = _CONTINUATION.match(text)
        more = (suffixed, False) if suffixed else byline(text[joined.end() :] if joined else text)
        if not more or more[1]:
            break
        found.append(more[0])
        end = position - 1
    return found, end


def _candidates(lines: list[Line], names: list[str], last: int, source: str, confidence: float) -> list[Candidate]:
    line = str(lines[last].index)
    return [Candidate("authors", name, source, confidence, {"line": line}) for name in names]


def find(lines: list[Line], title: int, body_start: int) -> list[Candidate]:
    """The article's byline (see the module's order of trust)."""
    stop = min(len(lines), title + PREFIXED_AFTER + 1)
    order = [*range(title + 1, stop), *range(title - 1, max(-1, title - BEFORE - 1), -1)]
    nav: frozenset[str] | None = None
    bare: tuple[list[str], int] | None = None
    for position in order:
        if position - title > BARE_AFTER and not may_be_prefixed(lines[position].text):
            continue  # only a prefixed byline counts this far below the headline
        found = _at(lines, position)
        if not found:
            continue
        names, prefixed, last = found
        if prefixed:
            block, last = _block(lines, names, last)
            return _candidates(lines, block, last, "capture:byline", 0.6)
        if bare is None and (position - title <= BARE_AFTER):
            if nav is None:
                nav = _nav_words(lines, title)
            if not any(word.casefold() in nav for word in names.replace(",", " ").split()):
                bare = _block(lines, names, last)
    if bare:
        return _candidates(lines, bare[0], bare[1], "capture:byline", 0.5)
    labels = _words("author_labels")
    for position, line in enumerate(lines[:-1]):
        if len(line.text) <= 40 and line.text.strip(" :").casefold() in labels:
            labelled = _names(lines[position + 1].text, True)
            if labelled:
                return _candidates(lines, [labelled], position + 1, "capture:byline-labelled", 0.45)
    return []
