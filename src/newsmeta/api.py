"""``extract()``: any supported input -> one :class:`~newsmeta.model.Article`."""

from __future__ import annotations

import re
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from . import textcapture
from .decode import decode, may_be_utf8
from .document import Document, Element
from .errors import ExtractionError
from .extractors import candidates_for
from .limits import DEFAULT_LIMITS, Limits
from .model import Article
from .normalize.urls import absolute_url
from .resolve import build_article

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: A DOCTYPE's internal subset (entity declarations): never expanded, and removed so that it cannot
#: derail the HTML parser (``]>`` read as text, the head pushed into the body).
_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]{0,200}\[.*?\]\s*>", re.I | re.S)
_DTD_SUBSET_TEXT = re.compile(r"<!DOCTYPE[^>\[]{0,200}\[.*?\]\s*>", re.I | re.S)
#: Text that opens with a tag is a page, not a capture (capture headers start with words).
_MARKUP_FIRST = re.compile(r"\ufeff?\s*<[!?a-zA-Z]")
_UTF8 = {"utf-8", "utf8", "ascii", "us-ascii"}
#: How much of a page's start is decoded to tell a page from a markup-less capture.
_SNIFF_BYTES = 8192
_local = threading.local()

Captured = date | datetime | None


def _parser(encoding: str | None) -> etree.HTMLParser:
    """A per-thread HTML parser that never touches the network and expands no entities of a DTD.

    lxml parsers must not be shared between threads, hence one per thread.
    """
    cache: dict[str | None, etree.HTMLParser] = _local.__dict__.setdefault("parsers", {})
    parser = cache.get(encoding)
    if parser is None:
        parser = cache[encoding] = etree.HTMLParser(
            encoding=encoding,
            no_network=True,
            remove_blank_text=False,
            huge_tree=False,
            default_doctype=False,
            collect_ids=False,  # no ID hash table: nothing looks elements up by ID
            remove_comments=True,  # no extractor reads comments; a smaller tree is faster to walk
            remove_pis=True,
        )
    return parser


def _parse_utf8(data: bytes) -> Element | None:
    data = data.removeprefix(b"\xef\xbb\xbf")
    if b"<!ENTITY" in data[:65536] or b"<!entity" in data[:65536]:
        data = _DTD_SUBSET.sub(b"<!DOCTYPE html>", data, count=1)
    return etree.fromstring(data, parser=_parser("utf-8"))


def _parse_html(text: str, data: bytes | None, encoding: str | None) -> Element | None:
    """Parse once: from the bytes when they are UTF-8 (fastest), else from the decoded text."""
    try:
        if data is not None and encoding and encoding.lower() in _UTF8:
            return _parse_utf8(data)
        text = _XML_DECLARATION.sub("", text, count=1)
        if "<!ENTITY" in text[:65536] or "<!entity" in text[:65536]:
            text = _DTD_SUBSET_TEXT.sub("<!DOCTYPE html>", text, count=1)
        return etree.fromstring(text, parser=_parser(None))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _capture_document(
    text: str, *, url: str | None, captured: Captured, limits: Limits, warnings: list[str]
) -> Document:
    header, body = textcapture.split_header(text)
    return Document(
        url=url or (_safe_url(header.url) if header else None),
        text=body,
        source=text,
        captured=captured or (header.captured if header else None),
        warnings=warnings,
        limits=limits,
    )


def document_from_text(
    text: str,
    *,
    url: str | None,
    data: bytes | None = None,
    encoding: str | None = None,
    captured: Captured = None,
    limits: Limits = DEFAULT_LIMITS,
    warnings: list[str] | None = None,
) -> Document:
    """Build the :class:`Document` for decoded text: a capture when it has no markup, else HTML."""
    warnings = warnings if warnings is not None else []
    if not text.strip():
        warnings.append("document is empty")
        return Document(url=url, text="", source=text, captured=captured, warnings=warnings, limits=limits)
    if not _MARKUP_FIRST.match(text) and textcapture.looks_like_capture(text):
        return _capture_document(text, url=url, captured=captured, limits=limits, warnings=warnings)
    tree = _parse_html(text, data, encoding)
    if tree is None:
        warnings.append("document is empty or could not be parsed as HTML")
    return Document(url=url, tree=tree, source=text, captured=captured, warnings=warnings, limits=limits)


def _parsed_as_utf8(data: bytes) -> Element | None:
    """The tree of bytes parsed as UTF-8, or ``None`` when the parser finds bytes that are not UTF-8."""
    parser = _parser("utf-8")
    try:
        tree = _parse_utf8(data)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    invalid = parser.error_log.filter_types(etree.ErrorTypes.ERR_INVALID_ENCODING)
    return None if invalid else tree


def document_from_bytes(
    data: bytes,
    *,
    url: str | None,
    content_type: str | None = None,
    captured: Captured = None,
    limits: Limits = DEFAULT_LIMITS,
    warnings: list[str] | None = None,
) -> Document:
    """Build the :class:`Document` for raw bytes, parsing them once.

    Pages are mostly UTF-8: such bytes are parsed as they are and decoded to text only if an extractor asks.
    Anything else (a BOM, UTF-16, bytes the parser finds are not UTF-8, a markup-less capture) goes through
    :func:`~newsmeta.decode.decode` (declared charset, detection) and :func:`document_from_text`.
    """
    warnings = warnings if warnings is not None else []
    if may_be_utf8(data):
        head = data[:_SNIFF_BYTES].decode("utf-8", errors="ignore")
        if head.strip() and (_MARKUP_FIRST.match(head) or not textcapture.looks_like_capture(head)):
            tree = _parsed_as_utf8(data)
            if tree is not None:
                return Document(url=url, tree=tree, source=data, captured=captured, warnings=warnings, limits=limits)
        elif head.strip():  # a capture, mostly UTF-8: decoded once, and read as :func:`document_from_text` would
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if textcapture.looks_like_capture(text):
                    return _capture_document(text, url=url, captured=captured, limits=limits, warnings=warnings)
    text, encoding = decode(data, content_type)
    return document_from_text(
        text, url=url, data=data, encoding=encoding, captured=captured, limits=limits, warnings=warnings
    )


def _cut(data: bytes, limits: Limits, warnings: list[str], size: int | None = None) -> bytes:
    if len(data) <= limits.max_input_bytes:
        return data
    warnings.append(f"input of {size or len(data)} bytes cut to its first {limits.max_input_bytes} (limit)")
    return data[: limits.max_input_bytes]


def _document(
    source: Any,
    url: str | None,
    captured: Captured,
    limits: Limits = DEFAULT_LIMITS,
    content_type: str | None = None,
) -> Document:
    warnings: list[str] = []
    size = None
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
            with source.open("rb") as handle:
                source = handle.read(limits.max_input_bytes + 1)
        except OSError as exc:
            raise ExtractionError(f"cannot read {source}: {exc}") from exc
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = _cut(bytes(source), limits, warnings, size)
        return document_from_bytes(
            data, url=url, content_type=content_type, captured=captured, limits=limits, warnings=warnings
        )
    if isinstance(source, str):
        if len(source) > limits.max_input_bytes:
            warnings.append(f"input of {len(source)} characters cut to its first {limits.max_input_bytes} (limit)")
            source = source[: limits.max_input_bytes]
        return document_from_text(source, url=url, captured=captured, limits=limits, warnings=warnings)
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
    selector = getattr(source, "selector", None)  # a Scrapy response: its URL and its cached selector
    if selector is not None and isinstance(getattr(source, "url", None), str):
        url = url or source.url
        source = selector
    root = getattr(source, "root", None)  # a parsel.Selector: its tree, as it is
    if isinstance(root, etree._Element):
        source = root
    if isinstance(source, etree._Element):
        return Document(url=url, tree=source.getroottree().getroot(), captured=captured, limits=limits)
    raise TypeError(
        "extract() takes bytes, str, pathlib.Path, an lxml element or tree, a parsel.Selector or a Scrapy "
        f"response; got {type(source).__name__}"
    )


def _safe_url(url: str | None) -> str | None:
    """The caller's URL, when it is an http(s) URL: nothing else is a page address to keep or resolve against."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, got {type(url).__name__}")
    return absolute_url(url, None)


def extract(
    source: Any,
    *,
    url: str | None = None,
    captured: Captured = None,
    limits: Limits | None = None,
    content_type: str | None = None,
) -> Article:
    """Read one page or capture into an :class:`Article`.

    ``source``: raw HTML or capture bytes (any encoding), a ``str``, a ``pathlib.Path``, an lxml element or
    tree, a ``parsel.Selector`` or a Scrapy response (their tree is used as is, never re-parsed). ``url``: the
    page's address (base for relative links, and evidence of its own). ``captured``: when the capture was
    made, if known (the reference for relative dates and for plausibility). ``limits``: see
    :class:`~newsmeta.limits.Limits`. ``content_type``: the HTTP ``Content-Type`` the bytes came with; its
    charset is used when the bytes are not UTF-8.

    Malformed HTML never raises: the record holds what could be read, and ``warnings`` says what could not.
    Raises ``TypeError`` for an unsupported argument and :class:`ExtractionError` for unreadable input.
    """
    doc = _document(source, _safe_url(url), captured, limits or DEFAULT_LIMITS, content_type)
    return run_pipeline(doc)


def extract_capture(
    text: str | bytes, *, url: str | None = None, captured: Captured = None, limits: Limits | None = None
) -> Article:
    """Read a markup-less text capture (explicit form; :func:`extract` detects captures by itself)."""
    limits = limits or DEFAULT_LIMITS
    warnings: list[str] = []
    if isinstance(text, (bytes, bytearray)):
        text, _ = decode(_cut(bytes(text), limits, warnings))
    if not isinstance(text, str):
        raise TypeError(f"extract_capture() takes str or bytes, got {type(text).__name__}")
    url = _safe_url(url)
    doc = _capture_document(
        text[: limits.max_input_bytes], url=url, captured=captured, limits=limits, warnings=warnings
    )
    return run_pipeline(doc)


def run_pipeline(doc: Document) -> Article:
    """Extract candidates from a built document and resolve them into the record."""
    candidates = candidates_for(doc)
    return build_article(candidates, url=doc.url, captured=doc.captured, warnings=doc.warnings, limits=doc.limits)


__all__ = ["Limits", "document_from_bytes", "document_from_text", "extract", "extract_capture", "run_pipeline"]
