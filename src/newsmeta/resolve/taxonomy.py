"""Tags and sections: keyword lists split, deduplicated case-insensitively, from the most trusted source."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..normalize.text import clean_text, squash
from .common import Context
from .grouped import ListChoice, choose_list

MAX_TAG_CHARS = 100
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")
#: Labels that are a CMS's internal codes, not topics: ids, "key: value" pairs, snake_case flags.
_INTERNAL = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-|^[0-9a-f]{16,}$|^[\w ]{1,30}:\s*\S|^\w+_\w+$|^\d+$",
    re.I,
)


#: A label ending in an abbreviation keeps its period ("Indeed Inc.", "Capital Economics Ltd.", "U.S.").
_ABBREVIATED = re.compile(r"(?:\b(?:Inc|Ltd|Co|Corp|Bros|Jr|Sr|St|Dr|Prof)|\b\w\.\w)\.$")


def _trimmed(label: str) -> str:
    """A list item without surrounding spaces and dots, but with an abbreviation's final period."""
    label = label.strip(" ").lstrip(".")
    return label if _ABBREVIATED.search(label) else label.rstrip(" .")


def is_label(text: str, site_names: set[str]) -> bool:
    """A real topic label: not empty or one letter, no URL, no internal code, not the site's own name."""
    if len(text) < 2 or len(text) > MAX_TAG_CHARS or "://" in text or _INTERNAL.search(text):
        return False
    squashed = squash(text)
    return bool(squashed) and squashed not in site_names


def split_labels(candidate: Candidate, site_names: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    text = clean_text(candidate.value)
    parts = _LIST_SEPARATORS.split(text) if candidate.kind != "dom" else [text]
    return [label for label in map(_trimmed, parts) if is_label(label, site_names)]


def resolve(
    candidates: list[Candidate], context: Context, site_names: set[str]
) -> tuple[list[str], ListChoice | None]:
    limit = context.limits.max_labels
    choice = choose_list(candidates, lambda c: split_labels(c, site_names), limit=limit)
    if choice is None:
        return [], None
    if choice.total > limit:
        context.warnings.append(f"{candidates[0].field}: {choice.total} labels given; kept the first {limit}")
    return [label for label, _ in choice.items], choice
