"""Tags and sections: keyword lists split, deduplicated case-insensitively, from the most trusted source."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..normalize.text import clean_text
from .common import Context
from .grouped import ListChoice, choose_list

MAX_TAGS = 100
MAX_TAG_CHARS = 100
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")


def split_labels(candidate: Candidate) -> list[str]:
    text = clean_text(candidate.value)
    labels = []
    for part in _LIST_SEPARATORS.split(text):
        part = part.strip(" .#")
        if part and len(part) <= MAX_TAG_CHARS and "://" not in part:
            labels.append(part)
    return labels


def resolve(candidates: list[Candidate], context: Context) -> tuple[list[str], ListChoice | None]:
    choice = choose_list(candidates, split_labels, limit=MAX_TAGS)
    if choice is None:
        return [], None
    if len(choice.items) >= MAX_TAGS:
        context.warnings.append(f"{candidates[0].field}: more than {MAX_TAGS} labels; kept the first {MAX_TAGS}")
    return [label for label, _ in choice.items], choice
