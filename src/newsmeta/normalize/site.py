"""The names a site goes by, and whether a value names the site (shared by the pipeline's fallback gate and
the resolvers: a title's site suffix, a tag or an author that is the site itself)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..candidate import Candidate
from .text import squash
from .urls import site_host, site_label

_TLD = re.compile(r"\.[a-z]{2,3}(?:\.[a-z]{2})?$")
#: Site names at least this long also count inside a longer value ("BBC News" names "bbc").
MIN_CONTAINED_NAME = 3


def site_names(candidates: Iterable[Candidate], url: str | None) -> set[str]:
    """Squashed names the site goes by: og:site_name, publisher names, and its host's labels."""
    raw = [c.value.casefold().strip() for c in candidates if c.field in {"site_name", "publisher_name"}]
    names = {squash(n) for n in raw} | {squash(_TLD.sub("", n)) for n in raw if "." in n}
    host = site_host(url)
    if host:
        labels = host.split(".")
        names.add(squash(host))
        names.update(squash(label) for label in labels[:-1] if len(label) > 3)
        names.add(squash(site_label(url)))  # the site's own label, however short ("n-tv", "bbc")
    return {n for n in names if len(n) >= 2}


def names_site(value: str, names: set[str]) -> bool:
    """Whether ``value`` is, or contains, one of the site's (squashed) ``names``."""
    squashed = squash(value)
    return any(name == squashed or (len(name) >= MIN_CONTAINED_NAME and name in squashed) for name in names)
