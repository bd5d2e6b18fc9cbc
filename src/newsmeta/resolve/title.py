"""Title: the headline, with site-name prefixes/suffixes (``| DW | 28.04.2023``, ``- Seznam Zprávy``) removed."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..normalize.site import site_names
from ..normalize.text import clean_text, fold, is_unrendered, squash
from .common import Choice, Context, choose, once_per_value

__all__ = ["carries_site_name", "resolve", "site_names", "strip_site_name"]

_SEPARATORS = re.compile(r"\s*[|｜]\s*|\s+(?:[–—·»«›‹:/•]|-{1,2}|::)\s+")
#: The site's name in parentheses after the headline: ``Mietenstreik in den USA (neues deutschland)``.
_PARENTHESISED_END = re.compile(r"\s*\(([^()]{2,60})\)$")
_KICKER = re.compile(r"^(.{2,80}?)(?::|\s[|–—-])\s+(.+)$")
#: Support a title gets from each other source that shows it behind a kicker ("Kicker: Title").
KICKER_SUPPORT = 0.1
_DATEISH = re.compile(r"^[\d\s./:-]+$")
MAX_TITLE_CHARS = 1000


def _is_site_segment(segment: str, names: set[str]) -> bool:
    squashed = squash(segment)
    if not squashed or _DATEISH.match(segment):
        return True
    return any(squashed == n or (len(n) >= 4 and (n in squashed and len(squashed) <= len(n) + 12)) for n in names)


#: Longer texts are no site name (a site's name and tagline are shorter).
MAX_SITE_NAME_CHARS = 120


def carries_site_name(text: str, names: set[str]) -> bool:
    """The text is the site's name, or starts or ends with a part naming it (``Example News - your daily paper``):
    the site as an affix (unlike :func:`..normalize.site.names_site`, which finds a site's name anywhere)."""
    if len(text) <= MAX_SITE_NAME_CHARS and squash(text) in names:
        return True
    parts = _SEPARATORS.split(text)
    return len(parts) > 1 and (_is_site_segment(parts[0], names) or _is_site_segment(parts[-1], names))


def _site_name_length(parts: list[str], names: set[str], *, at_end: bool) -> int:
    """How many parts at the start (or end) of ``parts`` together are a site name that holds a separator
    (``Consett Magazine - Positive Local News for Consett``): 2 or more, never all; 0 when there is none."""
    for count in range(len(parts) - 1, 1, -1):
        if squash("".join(parts[-count:] if at_end else parts[:count])) in names:
            return count
    return 0


#: Most segments after the site's name that are its slogan (``Title | petri-heil.ch | Dein Fischereimagazin``).
MAX_SLOGAN_SEGMENTS = 1


def _before_site_and_slogan(parts: list[str], start: int, end: int, names: set[str]) -> int:
    """Where the title ends when the site's name follows it with a slogan after the name (``Title | Site | Slogan``):
    at the name; else ``end``."""
    for site in range(max(start + 1, end - 1 - MAX_SLOGAN_SEGMENTS), end - 1):
        if _is_site_segment(parts[site], names) and not _DATEISH.match(parts[site]):
            return site
    return end


def strip_site_name(title: str, names: set[str]) -> str:
    """Remove leading and trailing segments that name the site (or are dates), a site name that holds a separator
    itself, and the site's name in parentheses at the end."""
    end_name = _PARENTHESISED_END.search(title)
    if end_name and end_name.start() > 0 and not _DATEISH.match(end_name[1]) and _is_site_segment(end_name[1], names):
        title = title[: end_name.start()]
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    separators = _SEPARATORS.findall(title)
    start, end = 0, len(parts)
    if len(parts) > 2:
        end -= _site_name_length(parts, names, at_end=True)
        start += _site_name_length(parts[:end], names, at_end=False)
    while end - start > 1 and _is_site_segment(parts[end - 1], names):
        end -= 1
    end = _before_site_and_slogan(parts, start, end, names)
    while end - start > 1 and _is_site_segment(parts[start], names):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    pieces = [parts[start]]
    for i in range(start + 1, end):
        pieces.append(separators[i - 1] + parts[i])
    return "".join(pieces).strip()


def resolve(candidates: list[Candidate], context: Context, names: set[str]) -> Choice[str] | None:
    @once_per_value
    def normalise(candidate: Candidate) -> str | None:
        value = candidate.value
        text = clean_text(value) if not is_unrendered(value) else ""
        if not text or len(text) > MAX_TITLE_CHARS:
            return None
        text = strip_site_name(text, names)
        return text if squash(text) not in names else None

    behind_kicker: dict[str, set[str]] = {}
    for candidate in candidates:
        match = _KICKER.match(normalise(candidate) or "")
        if match:
            behind_kicker.setdefault(fold(match.group(2)), set()).add(candidate.source)

    def kicker_support(candidate: Candidate, value: str) -> float:
        return KICKER_SUPPORT * len(behind_kicker.get(fold(value), set()) - {candidate.source})

    return choose(candidates, normalise, key=fold, adjust=kicker_support)
