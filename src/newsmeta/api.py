"""``extract()``: any supported input -> one :class:`~newsmeta.model.Article`."""

from __future__ import annotations

import re
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from . import textcapture
from .decode import decode
from .document import Document
from .errors import ExtractionError
from .extractors import candidates_for
from .model import Article
from .resolve import build_article

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_UTF8 = {"utf-8", "utf8", "ascii", "us-ascii"}
_local = threading.local()


def _parser(encoding: str | None) -> HTMLParser:
    """A per-thread, network-less HTML parser (lxml parsers must not be shared between threads)."""
    cache: dict[str | None, HTMLParser] = _local.__dict__.setdefault("parsers", {})
    parser = cache.get(encoding)
    if parser is None:
        parser = cache[encoding] = HTMLParser(encoding=encoding, no_network=True, remove_blank_text=False)
    return parser


def _parse_html(text: str, data: bytes | None, encoding: str | None) -> HtmlElement | None:
    """Parse once: from the bytes when they are UTF-8 (fastest), else from the decoded text."""
    try:
        if data is not None and encoding and encoding.lower() in _UTF8:
            return document_fromstring(data.removeprefix(b"\xef\xbb\xbf"), parser=_parser("utf-8"))
        return document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=_parser(None))
    except (etree.ParserError, ValueError):
        return None


def document_from_text(
    text: str,
    *,
    url: str | None,
    data: bytes | None = None,
    encoding: str | None = None,
    captured: date | datetime | None = None,
) -> Document:
    """Build the :class:`Document` for decoded text: a capture when it has no markup, else HTML."""
    if textcapture.looks_like_capture(text):
        header, body = textcapture.split_header(text)
        return Document(
            url=url or (header.url if header else None),
            text=body,
            source_text=text,
            captured=captured or (header.captured if header else None),
        )
    tree = _parse_html(text, data, encoding)
    doc = Document(url=url, tree=tree, source_text=text, captured=captured)
    if tree is None:
        doc.warnings.append("document is empty or could not be parsed as HTML")
    return doc


def _document(source: Any, url: str | None, captured: date | datetime | None) -> Document:
    if isinstance(source, Path):
        try:
            source = source.read_bytes()
        except OSError as exc:
            raise ExtractionError(f"cannot read {source}: {exc}") from exc
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        text, encoding = decode(data)
        return document_from_text(text, url=url, data=data, encoding=encoding, captured=captured)
    if isinstance(source, str):
        return document_from_text(source, url=url, captured=captured)
    if isinstance(source, HtmlElement):
        return Document(url=url, tree=source, captured=captured)
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
    if isinstance(source, etree._Element):
        return Document(url=url, tree=source.getroottree().getroot(), captured=captured)
    selector = getattr(source, "selector", None)  # a Scrapy response: its URL and its cached selector
    if selector is not None and isinstance(getattr(source, "url", None), str):
        url = url or source.url
        source = selector
    root = getattr(source, "root", None)  # parsel.Selector
    if isinstance(root, etree._Element):
        return Document(url=url, tree=root.getroottree().getroot(), captured=captured)
    raise TypeError(
        f"extract() takes bytes, str, pathlib.Path, an lxml element or a parsel.Selector; got {type(source).__name__}"
    )


def extract(source: Any, *, url: str | None = None, captured: date | datetime | None = None) -> Article:
    """Read one page or capture into an :class:`Article`.

    ``source``: raw HTML or capture bytes (any encoding), a ``str``, a ``pathlib.Path``, an lxml element or a
    ``parsel.Selector`` (its tree is used as is, never re-parsed). ``url``: the page's address (base for
    relative links, and evidence of its own). ``captured``: when the capture was made, if known.

    Malformed HTML never raises: the record holds what could be read, and ``warnings`` says what could not.
    Raises ``TypeError`` for an unsupported argument and :class:`ExtractionError` for unreadable input.
    """
    doc = _document(source, url, captured)
    return run_pipeline(doc)


def extract_capture(text: str | bytes, *, url: str | None = None, captured: date | datetime | None = None) -> Article:
    """Read a markup-less text capture (explicit form; :func:`extract` detects captures by itself)."""
    if isinstance(text, (bytes, bytearray)):
        text, _ = decode(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"extract_capture() takes str or bytes, got {type(text).__name__}")
    header, body = textcapture.split_header(text)
    doc = Document(
        url=url or (header.url if header else None),
        text=body,
        source_text=text,
        captured=captured or (header.captured if header else None),
    )
    return run_pipeline(doc)


def run_pipeline(doc: Document) -> Article:
    """Extract candidates from a built document and resolve them into the record."""
    candidates = candidates_for(doc)
    return build_article(candidates, url=doc.url, captured=doc.captured, warnings=doc.warnings)
