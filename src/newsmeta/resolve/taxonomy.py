"""Tags and sections: keyword lists split, deduplicated case-insensitively, from the most trusted source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from ..candidate import Candidate
from ..normalize.text import clean_text, fold, squash
from ..rules import load
from .common import Context
from .grouped import ListChoice, choose_list

MAX_TAG_CHARS = 100
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")
#: The same, but not inside parentheses: ``Prices (Fares, Fees and Rates), Weather`` is two labels.
_LIST_SEPARATORS_OUTSIDE_PARENTHESES = re.compile(r"\s*[,;|]\s*(?![^()]*\))")
#: Labels that are a CMS's internal codes, not topics: ids, "key: value" pairs, snake_case flags, query strings,
#: paths (``/article``).
_INTERNAL = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-|^[0-9a-f]{16,}$|^[\w ]{1,30}:\s*\S|^\w+_\w+$|^\d+$|[&?]\w+=|^/",
    re.I,
)


#: A label ending in an abbreviation keeps its period ("Indeed Inc.", "Capital Economics Ltd.", "U.S.").
_ABBREVIATED = re.compile(r"(?:\b(?:Inc|Ltd|Co|Corp|Bros|Jr|Sr|St|Dr|Prof)|\b\w\.\w)\.$")


def _trimmed(label: str) -> str:
    """A list item without surrounding spaces and dots, but with an abbreviation's final period."""
    label = label.strip(" ").lstrip(".")
    return label if _ABBREVIATED.search(label) else label.rstrip(" .")


def name_parts(names: Iterable[str]) -> frozenset[str]:
    """Every run of consecutive words of the given names, folded: ``Anna Giulia Fink`` -> ``anna giulia``,
    ``fink``, ``anna giulia fink``... (a page's authors are no topics of it, nor are their given or family names)."""
    parts: set[str] = set()
    for name in names:
        words = fold(name).split()
        parts.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return frozenset(parts)


#: The category a CMS gives a post nobody filed (``Uncategorized``, ``Allgemein``; ``rules/labels.json``): no topic
#: when it comes as a section or a category link (a keywords list an editor wrote is kept as written).
DEFAULT_CATEGORIES = frozenset(fold(word) for word in load("labels.json")["default_categories"])


def is_label(text: str, site_names: set[str], people: AbstractSet[str] = frozenset()) -> bool:
    """A real topic label: not empty or one letter, no URL or query, no internal code, not the site's own name,
    not (part of) an author's name."""
    if len(text) < 2 or len(text) > MAX_TAG_CHARS or "://" in text or _INTERNAL.search(text):
        return False
    squashed = squash(text)
    return bool(squashed) and squashed not in site_names and not (people and fold(text) in people)


def split_labels(
    candidate: Candidate,
    site_names: set[str] = frozenset(),  # type: ignore[assignment]
    people: AbstractSet[str] = frozenset(),
) -> list[str]:
    parts = _list_items(candidate.value, candidate.kind == "dom")
    filed = candidate.field == "sections" or candidate.kind in ("dom", "capture")
    return [
        label
        for label in parts
        if is_label(label, site_names, people) and not (filed and fold(label) in DEFAULT_CATEGORIES)
    ]


@lru_cache(maxsize=1024)  # the same keyword string comes from several sources of a page
def _list_items(value: str, whole: bool) -> tuple[str, ...]:
    """A keyword string's items (cleaned, trimmed); ``whole``: one label that is no list (a link's text)."""
    text = clean_text(value)
    if whole:
        return (_trimmed(text),)
    separators = _LIST_SEPARATORS_OUTSIDE_PARENTHESES if "(" in text else _LIST_SEPARATORS
    return tuple(map(_trimmed, separators.split(text)))


def resolve(
    candidates: list[Candidate], context: Context, site_names: set[str], authors: Iterable[str] = ()
) -> tuple[list[str], ListChoice | None]:
    """The best source's labels; ``authors``: the page's authors, whose names are no labels."""
    limit = context.limits.max_labels
    people = name_parts(authors)
    choice = choose_list(candidates, lambda c: split_labels(c, site_names, people), limit=limit)
    if choice is None:
        return [], None
    if choice.total > limit:
        context.warnings.append(f"{candidates[0].field}: {choice.total} labels given; kept the first {limit}")
    return [label for label, _ in choice.items], choice
