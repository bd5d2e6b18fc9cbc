"""The parsed form of one input: one lxml tree (HTML) or the text of a markup-less capture."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, TypeAlias

from lxml import etree

from .limits import DEFAULT_LIMITS, Limits

#: The element type of parsed pages (plain lxml elements: no per-element Python class lookup, which makes
#: walking a tree several times cheaper than with ``lxml.html``'s element classes).
Element: TypeAlias = etree._Element

#: Elements that extractors look up by tag; gathered in one walk of the tree (see :attr:`Document.by_tag`).
INDEXED_TAGS = ("meta", "link", "script", "title", "h1", "h2", "time", "html", "a", "abbr")


@dataclass
class Document:
    """What every extractor reads. Built once per input by :mod:`newsmeta.api`; never re-parsed.

    Exactly one of ``tree`` (HTML) and ``text`` (a capture with no markup) is set.
    ``url`` is the page's address as given by the caller or the capture header; ``captured`` the capture
    time when known (a capture header, a WARC-Date), also the reference for relative dates.
    ``source`` is the page as given: text, or the UTF-8 bytes the tree was parsed from (then decoded only when
    :attr:`source_text` is read); kept for cheap "does the page mention X at all" checks.
    """

    url: str | None = None
    tree: Element | None = None
    text: str | None = None
    source: str | bytes = ""
    captured: date | datetime | None = None
    warnings: list[str] = field(default_factory=list)
    limits: Limits = DEFAULT_LIMITS
    #: What extractors read once and share (e.g. the meta tags as pairs), keyed by name.
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def is_capture(self) -> bool:
        return self.tree is None

    @cached_property
    def by_tag(self) -> dict[str, list[Element]]:
        """Elements of :data:`INDEXED_TAGS`, in document order, from a single walk of the tree."""
        buckets: dict[str, list[Element]] = {tag: [] for tag in INDEXED_TAGS}
        if self.tree is not None:
            for element in self.tree.iter(*INDEXED_TAGS):
                buckets[element.tag].append(element)
        return buckets

    @cached_property
    def source_text(self) -> str:
        """The page's source as text (decoded on first use when the tree was parsed from UTF-8 bytes)."""
        source = self.source
        return source if isinstance(source, str) else source.decode("utf-8", errors="replace")

    def mentions(self, needle: str) -> bool:
        """Whether the page's source contains ``needle`` at all (a cheap guard before a tree search)."""
        source = self.source
        if not source:
            return True
        return needle in source if isinstance(source, str) else needle.encode() in source
