"""Publisher: name, url, logo and contact, from the article's publisher node, then site-wide sources."""

from __future__ import annotations

from ..candidate import Candidate
from ..model import Evidence, Image, Publisher
from ..normalize.text import clean_text
from ..normalize.urls import absolute_url
from .common import Context, choose
from .media import to_image


def _text(candidate: Candidate) -> str | None:
    return clean_text(candidate.value) or None


def resolve(fields: dict[str, list[Candidate]], context: Context) -> tuple[Publisher | None, dict[str, Evidence]]:
    evidence: dict[str, Evidence] = {}
    values: dict[str, object] = {}
    name = choose(fields.get("publisher_name", []), _text) or choose(fields.get("site_name", []), _text)
    if name:
        values["name"], evidence["publisher.name"] = name.value, name.evidence
    url = choose(fields.get("publisher_url", []), lambda c: absolute_url(c.value, context.url))
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
