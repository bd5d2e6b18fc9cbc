"""Bytes -> text: BOM, valid UTF-8, HTTP/meta charset (w3lib), then detection; with a binary check.

Order, and why:
1. A byte-order mark decides (UTF-8, UTF-16, UTF-32), as in browsers. UTF-16 without a BOM is recognised by
   its pattern of NUL bytes.
2. Bytes that decode as UTF-8 *are* UTF-8, whatever the page declares: pages served as UTF-8 but labelled
   ``iso-8859-1`` are common, and valid multi-byte UTF-8 hardly ever occurs by chance in legacy encodings.
3. Otherwise the declared charset (HTTP ``Content-Type``, then ``<meta charset>``), via w3lib, unless the
   declaration is UTF-8 (which the bytes just contradicted) — then the likeliest legacy encoding.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

from .errors import ExtractionError

_SNIFF = 4096
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Legacy encodings tried for bytes that are not UTF-8 and declare nothing usable, most common first.
_WORD = re.compile(r"[^\W\d_]{2,}")
_LEGACY = ("cp1252", "cp1251", "cp1250", "iso8859-2", "koi8-r")
#: Without any byte in 0x80-0x9F (C1 controls in ISO 8859, letters such as š and ž in cp1250), ISO 8859-2 is
#: likelier than cp1250 for the same letters.
_LEGACY_WITHOUT_C1 = ("cp1252", "cp1251", "iso8859-2", "cp1250", "koi8-r")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
#: A non-ASCII symbol between two letters ("Pøíli¹", "¾lu»ou"): a letter decoded with the wrong code page.
#: Apostrophes and middle dots do stand between letters.
_INNER_SYMBOL = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f’‘ʼ´·‐‑](?=[^\W\d_])")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


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


def looks_binary(data: bytes) -> bool:
    """True for data that is no text in any encoding we read (NUL or many control bytes, no UTF-16 pattern)."""
    head = data[:_SNIFF]
    if not head or _bom(head) or _utf16_without_bom(head):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return head.count(0) > len(head) // 100 or controls > len(head) // 20


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with some stray bytes: at least as many valid multi-byte characters as invalid bytes.

    (Legacy single-byte text read as UTF-8 yields almost no valid multi-byte characters.)"""
    sample = data[:65536]
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return valid >= invalid and valid > 0


def _word_shape_ok(word: str) -> bool:
    """lower, Capitalised or UPPER: the shapes real words have (a wrong Cyrillic code page mixes cases)."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _plausibility(text: str) -> int:
    """How much a decoding looks like text: words in one script, with few accented Latin letters.

    A wrong legacy guess shows as words made wholly of accented Latin letters (Cyrillic read as cp1252) or
    words mixing Cyrillic and Latin (German read as cp1251).
    """
    sample = text[:20000]
    score = -2 * len(_INNER_SYMBOL.findall(sample))
    for word in _WORD.findall(sample):
        if word.isascii():
            continue
        cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        ascii_letters = sum(1 for ch in word if ch.isascii())
        one_script = cyrillic == len(word) or (not cyrillic and (len(word) - ascii_letters) * 2 <= len(word))
        if one_script and _word_shape_ok(word):
            score += 1
        else:
            score -= 1
    return score


def _guess_legacy(data: bytes) -> tuple[str, str]:
    sample = data[:65536]
    order = _LEGACY if _C1_BYTES.search(sample) else _LEGACY_WITHOUT_C1
    encoding = max(order, key=lambda name: _plausibility(sample.decode(name, errors="replace")))
    return data.decode(encoding, errors="replace"), encoding


def may_be_utf8(data: bytes) -> bool:
    """Bytes worth parsing as UTF-8 right away: no BOM, no UTF-16 pattern, not binary.

    Whether they *are* UTF-8 is left to the parser, which reports invalid bytes (see :mod:`newsmeta.api`);
    that saves decoding the whole page up front.
    """
    head = data[:_SNIFF]
    return not _bom(head) and not _utf16_without_bom(head) and not looks_binary(data)


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a page; returns ``(text, encoding)``. Raises :class:`ExtractionError` on binary data."""
    bom = _bom(data)
    if bom:
        bom_encoding, skip = bom
        return data[skip:].decode(bom_encoding, errors="replace"), bom_encoding
    utf16 = _utf16_without_bom(data[:_SNIFF])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if looks_binary(data):
        raise ExtractionError("input looks binary (NUL or control bytes), not an HTML page or a text capture")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    declared = (http_content_type_encoding(content_type) if content_type else None) or html_body_declared_encoding(
        data[:_SNIFF]
    )
    encoding = resolve_encoding(declared) if declared else None
    if encoding and encoding.replace("_", "-").lower() not in {"utf-8", "utf8"}:
        try:
            return data.decode(encoding, errors="replace"), encoding
        except LookupError:
            pass
    return _guess_legacy(data)
