"""Dates in the DOM: ``<time datetime>`` elements, and date-like text in date-classed elements."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..candidate import Candidate
from ..document import Document

_DATED = etree.XPath(
    "//*[not(self::script or self::style or self::meta or self::link)]"
    "[contains(@class, 'date') or contains(@class, 'Date') or contains(@class, 'time') or "
    "contains(@class, 'publish') or contains(@class, 'posted') or contains(@id, 'date') or "
    "contains(@class, 'datum') or contains(@class, 'meta')]"
)
_SPACES = re.compile(r"\s+")
_ARTICLE_CONTAINERS = frozenset({"article", "main"})


def _text(element: HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _in_article(element: HtmlElement) -> bool:
    return any(a.tag in _ARTICLE_CONTAINERS for a in element.iterancestors())


def extract(doc: Document) -> list[Candidate]:
    """``<time>`` elements, those inside the article and marked ``pubdate`` first."""
    found: list[Candidate] = []
    tags = doc.by_tag
    times = tags["time"]
    if times:
        ranked = sorted(times, key=lambda t: (not _in_article(t), t.get("pubdate") is None))
        for rank, element in enumerate(ranked[:3]):
            value = (element.get("datetime") or "").strip() or _text(element)
            if value:
                found.append(Candidate("published", value, "dom:time@datetime", 0.5 - 0.1 * rank))
    return found


def extract_dates(doc: Document) -> list[Candidate]:
    """Date-like text in date/time-classed elements, for pages with no structured publication date."""
    if doc.tree is None:
        return []
    found: list[Candidate] = []
    for element in _DATED(doc.tree)[:10]:
        text = _text(element)
        if 6 <= len(text) <= 80 and any(ch.isdigit() for ch in text):
            found.append(Candidate("published", text, f"dom:{element.tag}.date", 0.35))
    return found
