"""Bytes -> text: BOM, HTTP charset, <meta charset>, then detection (w3lib), with a binary check."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode

from .errors import ExtractionError

_SNIFF = 4096


def looks_binary(data: bytes) -> bool:
    """True for data that is no text in any encoding we read (NULs or control bytes, and no UTF-16 BOM)."""
    head = data[:_SNIFF]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if _utf16_without_bom(head):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return head.count(0) > 0 or controls > len(head) // 20


def _utf16_without_bom(head: bytes) -> str | None:
    """Name of the UTF-16 variant when the head looks like UTF-16 text without a BOM."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a page; returns ``(text, encoding)``. Raises :class:`ExtractionError` on binary data."""
    utf16 = _utf16_without_bom(data[:_SNIFF])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if looks_binary(data):
        raise ExtractionError("input looks binary (NUL or control bytes), not an HTML page or a text capture")
    encoding, text = html_to_unicode(content_type, data)
    return text, encoding
