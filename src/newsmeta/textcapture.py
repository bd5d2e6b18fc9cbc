"""Recognising markup-less text captures and reading their header (``date YYYY-MM-DD URL``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_HEADER = re.compile(r"^\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+)?\s+(\S+)\s*$")
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|meta|div|p|script|title|span|a)\b", re.I)
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class CaptureHeader:
    url: str | None
    captured: date | datetime | None


def looks_like_capture(text: str) -> bool:
    """A capture has a capture header, or no HTML markup near its start."""
    head = text[:_SNIFF]
    first_line = head.split("\n", 1)[0]
    return bool(_HEADER.match(first_line)) or not _MARKUP.search(head)


def split_header(text: str) -> tuple[CaptureHeader | None, str]:
    """Split a capture into its header (if any) and the rest of its text."""
    first_line, _, rest = text.partition("\n")
    match = _HEADER.match(first_line)
    if not match:
        return None, text
    return CaptureHeader(url=match.group(2), captured=date.fromisoformat(match.group(1))), rest
