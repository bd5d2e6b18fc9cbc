"""The one shape every extractor emits.

A :class:`Candidate` is a raw string value proposed for one field, with the place it came from and a base
confidence. Extractors never clean values beyond whitespace; resolvers normalise, choose and cross-check.

Fields (``Candidate.field``) and what ``value`` holds:

- ``url``, ``title``, ``description``, ``language``, ``genre``, ``body``, ``copyright_year``: text.
- ``published``, ``modified``: a date string as the page wrote it (any format or language).
- ``authors``: a name string as written (may hold several names, a "By" prefix, a role...);
  ``extra["url"]`` the person's page when known; ``extra["kind"] = "organization"`` for organisations.
- ``sections``, ``tags``: one label, or a comma/semicolon list as written (``keywords``).
- ``image``: an image URL (possibly relative); ``extra`` may hold ``width``, ``height``, ``caption``.
- ``site_name``: the site's display name (``og:site_name``): used to clean titles, and as publisher name.
- ``publisher_name``, ``publisher_url``, ``publisher_logo``, ``publisher_email``, ``publisher_telephone``,
  ``publisher_legal_name``: the publisher's attributes (``publisher_logo`` extra as for ``image``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

FIELDS: Final = frozenset(
    {
        "url",
        "title",
        "description",
        "language",
        "genre",
        "body",
        "copyright_year",
        "published",
        "modified",
        "authors",
        "sections",
        "tags",
        "image",
        "site_name",
        "publisher_name",
        "publisher_url",
        "publisher_logo",
        "publisher_email",
        "publisher_telephone",
        "publisher_legal_name",
    }
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed value for one field, with its provenance."""

    field: str
    value: str
    source: str
    confidence: float
    extra: Mapping[str, str] = dataclasses.field(default_factory=dict)
    #: The extractor part of ``source`` (``jsonld``, ``meta``, ``dom``...).
    kind: str = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", self.source.partition(":")[0])
