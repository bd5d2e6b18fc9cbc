"""Resolvers: candidates -> one :class:`~newsmeta.model.Article`, with provenance for every filled field.

One module per field group holds its rules in priority order; :func:`build_article` only wires them up.
Resolvers see candidates and normalisers, never the parsed tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..candidate import Candidate
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Article, Evidence
from ..normalize.language import normalize_language
from ..normalize.text import clean_text, is_unrendered
from ..normalize.urls import absolute_url, site_host
from . import dates, media, people, publisher, taxonomy, title
from .common import Context, by_field, choose, once_per_value

MAX_DESCRIPTION_CHARS = 5000
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*$")


def _text(candidate: Candidate) -> str | None:
    return clean_text(candidate.value) or None


#: A description this short that names the site is the site's name and tagline, not the page's summary.
MAX_TAGLINE_CHARS = 100


def _description(candidate: Candidate, names: set[str]) -> str | None:
    """The page's summary: not template code, not the site's own name and tagline (``nachtkritik.de - das
    unabhängige Theaterportal``), and without a site name at either end of a longer one."""
    if is_unrendered(candidate.value):
        return None
    text = clean_text(candidate.value)
    if len(text) > MAX_DESCRIPTION_CHARS:
        text = text[:MAX_DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip()
    if text and title.carries_site_name(text, names):
        text = "" if len(text) <= MAX_TAGLINE_CHARS else title.strip_site_name(text, names)
    return text or None


def _body(candidate: Candidate) -> str | None:
    text = candidate.value.strip()
    return text or None


def _year(candidate: Candidate) -> int | None:
    match = _YEAR.match(candidate.value)
    return int(match.group(1)) if match else None


def _language(candidate: Candidate) -> str | None:
    return normalize_language(candidate.value)


def _page_url(fields: dict[str, list[Candidate]], context: Context) -> tuple[str | None, Evidence | None]:
    """The canonical URL when it is on the page's own site (or no address was given), else the given one."""
    given_host = site_host(context.url)

    def normalise(candidate: Candidate) -> str | None:
        url = absolute_url(candidate.value, context.url)
        if (
            url
            and candidate.kind != "url"
            and given_host
            and site_host(url).split(".")[-2:] != given_host.split(".")[-2:]
        ):
            return None
        return url

    choice = choose(fields.get("url", []), normalise)
    if choice:
        return choice.value, choice.evidence
    given = absolute_url(context.url, None) if context.url else None
    return given, Evidence(source="url:given", confidence=0.5) if given else None


def build_article(
    candidates: Sequence[Candidate],
    *,
    url: str | None,
    captured: date | datetime | None,
    warnings: list[str],
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Resolve every field from the candidates of one document."""
    context = Context(url=url, captured=captured, warnings=list(warnings), limits=limits)
    fields = by_field(candidates)
    provenance: dict[str, Evidence] = {}
    values: dict[str, Any] = {}

    page_url, evidence = _page_url(fields, context)
    if page_url:
        values["url"] = page_url
        if evidence:
            provenance["url"] = evidence
    context.url = context.url or page_url

    names = title.site_names(candidates, context.url)
    chosen_title = title.resolve(fields.get("title", []), context, names)
    if chosen_title:
        values["title"], provenance["title"] = chosen_title.value, chosen_title.evidence

    published, modified = dates.resolve(
        fields.get("published", []), fields.get("modified", []), context, fields.get("language", [])
    )
    for key, choice in (("published", published), ("modified", modified)):
        if choice:
            values[key], provenance[key] = choice.value.value, choice.evidence

    authors, author_choice = people.resolve(fields.get("authors", []), context, names)
    if author_choice:
        values["authors"], provenance["authors"] = authors, author_choice.evidence

    for key in ("tags", "sections"):
        labels, label_choice = taxonomy.resolve(fields.get(key, []), context, names, [p.name for p in authors])
        if label_choice:
            values[key], provenance[key] = labels, label_choice.evidence

    image, images, image_choice = media.resolve(fields.get("image", []), context)
    if image_choice:
        values["image"], values["images"] = image, images
        provenance["image"] = provenance["images"] = image_choice.evidence

    pub, pub_evidence = publisher.resolve(fields, context)
    if pub:
        values["publisher"] = pub
        provenance.update(pub_evidence)

    simple = (
        ("description", once_per_value(lambda candidate: _description(candidate, names))),
        ("language", _language),
        ("genre", _text),
        ("body", _body),
        ("copyright_year", _year),
    )
    for key, normalise in simple:
        choice = choose(fields.get(key, []), normalise)  # type: ignore[arg-type]
        if choice:
            values[key], provenance[key] = choice.value, choice.evidence
            if key == "description" and len(choice.candidate.value) > MAX_DESCRIPTION_CHARS:
                context.warnings.append(f"description longer than {MAX_DESCRIPTION_CHARS} characters: cut")

    if captured is not None:
        values["captured"] = captured
    return Article(**values, provenance=provenance, warnings=context.warnings)
