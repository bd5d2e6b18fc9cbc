"""Recognising markup-less text captures and reading their header.

Two header forms are read:

- the capture line ``date YYYY-MM-DD[THH:MM[:SS]] URL`` (the seed's form);
- WARC/WET record headers (``WARC-Type:``, ``WARC-Target-URI:``, ``WARC-Date:``, ``Content-Type:``...), up to
  the first blank line, as Common Crawl's WET files store them before each page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

_DATE_HEADER = re.compile(
    r"^\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?\s+(\S+)\s*$", re.I
)
_WARC_FIELD = re.compile(r"^\ufeff?(WARC-[\w-]+|Content-Type|Content-Length)\s*:\s*(.*?)\s*$", re.I)
_WARC_VERSION = re.compile(r"^\ufeff?WARC/\d+\.\d+\s*$")
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|meta|div|p|script|title|span|a|table|ul|li|link|style)\b", re.I)
_SNIFF = 8192
_HTTP = re.compile(r"^https?://[^\s/]", re.I)
#: How many header lines a WARC/WET record may have before its text starts.
_MAX_WARC_LINES = 40


@dataclass(frozen=True, slots=True)
class CaptureHeader:
    """What a capture's header says: the page's address and when it was captured."""

    url: str | None
    captured: date | datetime | None


def looks_like_capture(text: str) -> bool:
    """A capture has a capture or WARC header, or no HTML markup near its start."""
    head = text[:_SNIFF]
    first_line = head.lstrip("\ufeff\r\n").split("\n", 1)[0]
    if _DATE_HEADER.match(first_line) or _WARC_VERSION.match(first_line) or _WARC_FIELD.match(first_line):
        return True
    return not _MARKUP.search(head)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) addresses leave a header (``javascript:``, ``file:``... are dropped)."""
    return url if url and _HTTP.match(url) else None


def _parse_warc_date(value: str) -> date | datetime | None:
    """``2023-04-28T20:32:23Z`` (or with an offset, or a bare day) -> a datetime, UTC when no offset is given."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _date_header(line: str) -> CaptureHeader | None:
    match = _DATE_HEADER.match(line)
    if not match:
        return None
    day, clock, url = match.groups()
    try:
        captured: date | datetime = datetime.fromisoformat(f"{day}T{clock}") if clock else date.fromisoformat(day)
    except ValueError:
        return None
    return CaptureHeader(url=_safe_url(url), captured=captured)


def parse_warc_headers(lines: list[str]) -> CaptureHeader:
    """The URL and date of WARC/WET header lines (``WARC-Target-URI``, ``WARC-Date``)."""
    fields: dict[str, str] = {}
    for line in lines:
        match = _WARC_FIELD.match(line)
        if match:
            fields.setdefault(match.group(1).lower(), match.group(2))
    url = fields.get("warc-target-uri", "").strip("<> ") or None
    stamp = fields.get("warc-date")
    return CaptureHeader(url=_safe_url(url), captured=_parse_warc_date(stamp) if stamp else None)


def _warc_block(text: str) -> tuple[CaptureHeader, str] | None:
    """A leading block of WARC header lines (up to the first blank line), parsed, and the text after it."""
    lines = text.split("\n", _MAX_WARC_LINES + 1)
    header: list[str] = []
    for number, raw in enumerate(lines[:_MAX_WARC_LINES]):
        line = raw.rstrip("\r")
        if not line.strip():
            if not header:
                return None
            rest = "\n".join(lines[number + 1 :])
            return parse_warc_headers(header), rest
        if not (_WARC_FIELD.match(line) or (number == 0 and _WARC_VERSION.match(line))):
            return None
        header.append(line)
    return None


def split_header(text: str) -> tuple[CaptureHeader | None, str]:
    """Split a capture into its header (if any) and the rest of its text."""
    stripped = text.lstrip("\ufeff\r\n")
    first_line, _, rest = stripped.partition("\n")
    header = _date_header(first_line.rstrip("\r"))
    if header:
        return header, rest
    if _WARC_VERSION.match(first_line.rstrip("\r")) or _WARC_FIELD.match(first_line.rstrip("\r")):
        block = _warc_block(stripped)
        if block:
            return block
    return None, text
