"""Authors: names cleaned and split; organisations only when the page names no person."""

from __future__ import annotations

from ..candidate import Candidate
from ..model import Person
from ..normalize.names import split_names
from ..normalize.site import names_site
from ..normalize.urls import absolute_url
from .common import Context
from .grouped import ListChoice, choose_list


def is_organisation(candidate: Candidate, site_names: set[str]) -> bool:
    """An author that is an organisation: typed so, or named after the site itself."""
    return candidate.extra.get("kind") == "organization" or names_site(candidate.value, site_names)


def looks_like_person(name: str) -> bool:
    """A heuristic byline's name must look like a person's: 2-5 words, each starting with a capital letter
    (or in a script without case)."""
    words = name.split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() or not w[0].isalpha() or w[0].lower() == w[0].upper() for w in words
    )


def resolve(
    candidates: list[Candidate], context: Context, site_names: set[str]
) -> tuple[list[Person], ListChoice | None]:
    split_once: dict[int, list[str]] = {}

    def split(candidate: Candidate) -> list[str]:
        names = split_once.get(id(candidate))
        if names is None:
            if candidate.extra.get("kind") == "organization":
                names = [candidate.value.strip()] if candidate.value.strip() else []
            else:
                names = split_names(candidate.value)
                names = [n for n in names if looks_like_person(n)] if candidate.kind == "dom" else names
            split_once[id(candidate)] = names
        return names

    # rule 1: the people the page names; rule 2, only when it names none: organisations
    people_candidates = [c for c in candidates if not is_organisation(c, site_names)]
    limit = context.limits.max_authors
    choice = choose_list(people_candidates, split, limit=limit) or choose_list(candidates, split, limit=limit)
    if choice is None:
        return [], None
    if choice.total > limit:
        context.warnings.append(f"{choice.total} authors given; kept the first {limit}")
    people = []
    for name, candidate in choice.items:
        url = candidate.extra.get("url")
        single = len(split(candidate)) == 1
        people.append(Person(name=name, url=absolute_url(url, context.url) if url and single else None))
    return people, choice
