"""Authors: names cleaned and split; organisations only when the page names no person."""

from __future__ import annotations

from ..candidate import Candidate
from ..model import Person
from ..normalize.names import split_names
from ..normalize.text import squash
from ..normalize.urls import absolute_url
from .common import Context
from .grouped import ListChoice, choose_list

MAX_AUTHORS = 50
ORGANISATION_PENALTY = 0.3


def is_organisation(candidate: Candidate, site_names: set[str]) -> bool:
    """An author that is an organisation: typed so, or named after the site itself."""
    if candidate.extra.get("kind") == "organization":
        return True
    squashed = squash(candidate.value)
    return any(name == squashed or (len(name) >= 4 and name in squashed) for name in site_names)


def resolve(
    candidates: list[Candidate], context: Context, site_names: set[str]
) -> tuple[list[Person], ListChoice | None]:
    def split(candidate: Candidate) -> list[str]:
        if candidate.extra.get("kind") == "organization":
            return [candidate.value.strip()] if candidate.value.strip() else []
        return split_names(candidate.value)

    def penalty(candidate: Candidate, names: list[str]) -> float:
        return ORGANISATION_PENALTY if is_organisation(candidate, site_names) else 0.0

    choice = choose_list(candidates, split, penalty, limit=MAX_AUTHORS)
    if choice is None:
        return [], None
    total = sum(len(split(c)) for c in candidates if c.source == choice.evidence.source)
    if total > MAX_AUTHORS:
        context.warnings.append(f"{total} authors given; kept the first {MAX_AUTHORS}")
    people = []
    for name, candidate in choice.items:
        url = candidate.extra.get("url")
        single = len(split(candidate)) == 1
        people.append(Person(name=name, url=absolute_url(url, context.url) if url and single else None))
    return people, choice
