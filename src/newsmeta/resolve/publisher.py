"""Publisher: name, url, logo and contact, from the article's publisher node, then site-wide sources."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..model import Evidence, Image, Publisher
from ..normalize.text import clean_text
from ..normalize.urls import absolute_url, is_social_profile
from .common import Context, choose
from .media import to_image


def _text(candidate: Candidate) -> str | None:
    return clean_text(candidate.value) or None


#: A copyright line's marks around the holder's name: ``© 2020``, ``Copyright (c) 2019-2023``, ``All rights reserved``.
_COPYRIGHT_MARKS = re.compile(r"^(?:(?:©|\(c\)|copyright|copr\.)\s*)+", re.I)
_YEARS = re.compile(r"^(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2}))?[\s,.]*|[\s,.]+(?:19|20)\d{2}$")
_RIGHTS_RESERVED = re.compile(
    r"[\s.,;|–-]*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)"
    r"\.?$",
    re.I,
)


def _name(candidate: Candidate) -> str | None:
    """The publisher's name; of a copyright line (``© 2020 Example Media. All rights reserved.``), the holder."""
    text = clean_text(candidate.value)
    bare = _COPYRIGHT_MARKS.sub("", text)
    if bare != text or _RIGHTS_RESERVED.search(bare):
        text = _YEARS.sub("", _RIGHTS_RESERVED.sub("", bare).strip()).strip(" ,.;|–-")
    return text or None


def _site_url(candidate: Candidate, page: str | None) -> str | None:
    """The publisher's own site, not a profile of it on a social network (``article:publisher``'s Facebook page)."""
    url = absolute_url(candidate.value, page)
    return None if url is None or is_social_profile(url) else url


def resolve(fields: dict[str, list[Candidate]], context: Context) -> tuple[Publisher | None, dict[str, Evidence]]:
    evidence: dict[str, Evidence] = {}
    values: dict[str, object] = {}
    name = choose(fields.get("publisher_name", []), _name) or choose(fields.get("site_name", []), _text)
    if name:
        values["name"], evidence["publisher.name"] = name.value, name.evidence
    url = choose(fields.get("publisher_url", []), lambda c: _site_url(c, context.url))
    if url:
        values["url"], evidence["publisher.url"] = url.value, url.evidence
    for key in ("email", "telephone", "legal_name"):
        choice = choose(fields.get(f"publisher_{key}", []), _text)
        if choice:
            values[key], evidence[f"publisher.{key}"] = choice.value, choice.evidence
    logos = fields.get("publisher_logo", [])
    logo = choose(logos, lambda c: absolute_url(c.value, context.url) or ("" if c.extra else None))
    if logo:
        image: Image = to_image(logo.candidate, logo.value or None)
        if image.url or image.width or image.height:
            values["logo"], evidence["publisher.logo"] = image, logo.evidence
    if not values:
        return None, {}
    return Publisher(**values), evidence  # type: ignore[arg-type]
