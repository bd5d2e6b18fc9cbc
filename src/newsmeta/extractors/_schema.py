"""schema.org nodes (from JSON-LD or microdata, as plain dicts) -> candidates.

Shared by :mod:`.jsonld` and :mod:`.microdata`, which only differ in how they read nodes from the page.
A node is a ``dict`` with ``@type`` and properties whose values are strings, numbers, nodes or lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..candidate import Candidate

#: Types that describe the article itself, by how strongly they do so.
ARTICLE_TYPES: dict[str, float] = {
    t.lower(): 1.0
    for t in (
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "Report",
        "TechArticle",
        "ScholarlyArticle",
        "Review",
        "Blog",
        "DiscussionForumPosting",
        "Recipe",
    )
} | {"webpage": 0.7, "itempage": 0.7, "videoobject": 0.6, "collectionpage": 0.3}

#: Properties of an article node: schema.org property -> (field, confidence factor).
TEXT_PROPERTIES: dict[str, tuple[str, float]] = {
    "headline": ("title", 1.0),
    "name": ("title", 0.85),
    "alternativeHeadline": ("title", 0.5),
    "description": ("description", 1.0),
    "datePublished": ("published", 1.0),
    "dateCreated": ("published", 0.8),
    "uploadDate": ("published", 0.8),
    "dateModified": ("modified", 1.0),
    "keywords": ("tags", 1.0),
    "articleSection": ("sections", 1.0),
    "inLanguage": ("language", 1.0),
    "genre": ("genre", 1.0),
    "articleBody": ("body", 1.0),
    "text": ("body", 0.8),
    "copyrightYear": ("copyright_year", 1.0),
    "url": ("url", 0.9),
}
PERSON_PROPERTIES: dict[str, float] = {"author": 1.0, "creator": 0.8, "contributor": 0.3}
IMAGE_PROPERTIES: dict[str, float] = {"image": 1.0, "thumbnailUrl": 0.8, "associatedMedia": 0.6}
PUBLISHER_PROPERTIES: dict[str, str] = {
    "name": "publisher_name",
    "url": "publisher_url",
    "email": "publisher_email",
    "telephone": "publisher_telephone",
    "legalName": "publisher_legal_name",
}


def types_of(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values, without any schema.org prefix."""
    raw = node.get("@type") or node.get("type") or []
    values = raw if isinstance(raw, list) else [raw]
    return [str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)]


def article_weight(node: dict[str, Any]) -> float:
    """How strongly a node describes an article (0 for other nodes)."""
    weight = 0.0
    for name in types_of(node):
        weight = max(weight, ARTICLE_TYPES.get(name.lower(), 0.0))
    return weight


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value: Any) -> str | None:
    """A scalar's text (a node's ``@value``/``name``/``@id`` when a node stands for a scalar)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (str, int, float)):
        text = " ".join(str(value).split())
        return text or None
    if isinstance(value, dict):
        for key in ("@value", "name", "text"):
            if key in value:
                return text_of(value[key])
    return None


def image_extra(node: dict[str, Any]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for key in ("width", "height", "caption"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@value") if "@value" in value else value.get("value")
        text = text_of(value)
        if text:
            extra[key] = text
    return extra


def image_candidates(value: Any, field: str, source: str, confidence: float) -> Iterator[Candidate]:
    for rank, item in enumerate(as_list(value)):
        weight = confidence * (1.0 if rank == 0 else 0.8)
        if isinstance(item, str):
            yield Candidate(field, item.strip(), source, weight)
        elif isinstance(item, dict):
            url = text_of(item.get("url") or item.get("contentUrl") or item.get("@id"))
            if url or field == "publisher_logo":
                yield Candidate(field, url or "", source, weight, image_extra(item))


def person_candidates(value: Any, source: str, confidence: float) -> Iterator[Candidate]:
    for item in as_list(value):
        if isinstance(item, str):
            yield Candidate("authors", item, source, confidence)
        elif isinstance(item, dict):
            name = text_of(item.get("name"))
            if not name:
                given, family = text_of(item.get("givenName")), text_of(item.get("familyName"))
                name = " ".join(p for p in (given, family) if p) or None
            if not name:
                continue
            extra: dict[str, str] = {}
            url = text_of(item.get("url") or item.get("sameAs"))
            if url:
                extra["url"] = url
            if any(t.lower() in {"organization", "newsmediaorganization"} for t in types_of(item)):
                extra["kind"] = "organization"
            yield Candidate("authors", name, source + ".name", confidence, extra)


def publisher_candidates(value: Any, source: str, confidence: float) -> Iterator[Candidate]:
    for item in as_list(value)[:1]:
        if isinstance(item, str):
            yield Candidate("publisher_name", item, source, confidence)
            continue
        if not isinstance(item, dict):
            continue
        for prop, field in PUBLISHER_PROPERTIES.items():
            text = text_of(item.get(prop))
            if text:
                yield Candidate(field, text, f"{source}.{prop}", confidence)
        yield from image_candidates(item.get("logo"), "publisher_logo", source + ".logo", confidence)


#: Properties whose text keeps its paragraphs.
_PARAGRAPHED = frozenset({"articleBody", "text"})


def paragraphs_of(value: Any) -> str | None:
    """A long text's paragraphs (its non-blank lines, white space collapsed in each), a blank line apart."""
    if not isinstance(value, str):
        return text_of(value)
    lines = (" ".join(line.split()) for line in value.splitlines())
    return "\n\n".join(line for line in lines if line) or None


def node_candidates(node: dict[str, Any], prefix: str, confidence: float) -> Iterator[Candidate]:
    """Candidates from one article-like node; ``prefix`` e.g. ``jsonld:NewsArticle``."""
    for prop, (field, factor) in TEXT_PROPERTIES.items():
        value = node.get(prop)
        if value is None:  # most properties are absent: skip them before any call
            continue
        for item in as_list(value):
            text = paragraphs_of(item) if prop in _PARAGRAPHED else text_of(item)
            if text:
                yield Candidate(field, text, f"{prefix}.{prop}", confidence * factor)
    for prop, factor in PERSON_PROPERTIES.items():
        value = node.get(prop)
        if value is not None:
            yield from person_candidates(value, f"{prefix}.{prop}", confidence * factor)
    for prop, factor in IMAGE_PROPERTIES.items():
        value = node.get(prop)
        if value is not None:
            yield from image_candidates(value, "image", f"{prefix}.{prop}", confidence * factor)
    publisher = node.get("publisher")
    if publisher is not None:
        yield from publisher_candidates(publisher, prefix + ".publisher", confidence)
    page = node.get("mainEntityOfPage")
    page_url = text_of(page.get("@id") or page.get("url")) if isinstance(page, dict) else text_of(page)
    if page_url and page_url.startswith("http"):
        yield Candidate("url", page_url, prefix + ".mainEntityOfPage", confidence * 0.9)


_ORGANIZATIONS = frozenset({"organization", "newsmediaorganization"})
#: The types :func:`site_candidates` reads (lower case).
SITE_TYPES = _ORGANIZATIONS | {"website"}


def is_site(node: dict[str, Any]) -> bool:
    """Whether :func:`site_candidates` may read anything from a node (a cheap test before resolving its refs)."""
    return any(t.lower() in SITE_TYPES for t in types_of(node))


def site_candidates(node: dict[str, Any], prefix: str, confidence: float) -> Iterator[Candidate]:
    """Candidates from a WebSite or Organization node (the site's name, the publisher)."""
    kinds = {t.lower() for t in types_of(node)}
    name = text_of(node.get("name"))
    if "website" in kinds and name:
        yield Candidate("site_name", name, prefix + ".name", confidence)
    if kinds & _ORGANIZATIONS:
        yield from publisher_candidates(node, prefix, confidence * 0.6)
