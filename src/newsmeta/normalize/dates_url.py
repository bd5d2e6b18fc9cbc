"""A date in a page's URL path: ``/2023/04/28/``, ``/20230428/``, ``2023-04-28``, ``28-04-2023``, or a month.

Shared by the URL extractor (which proposes the day) and the date resolver (which cross-checks the other
candidates against it, the month included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

_YEAR = r"(?:199[5-9]|20\d\d)"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DIGIT = re.compile(r"\d")
#: Web archives prefix the original address with their capture stamp; read the original.
_ARCHIVED = re.compile(r"/web/\d{8,14}[a-z_]*/(.*)$")
_FULL = (
    # /2023/04/28/, 2023-04-28, 2023_04_28, 2023.04.28, 2012-06/04
    re.compile(rf"(?<![\d])(?P<y>{_YEAR})[-/_.](?P<m>{_MONTH})[-/_.](?P<d>{_DAY})(?![\d])"),
    # 20230428
    re.compile(rf"(?<![\d])(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"),
    # 28-04-2023, 28.04.2023, 28_04_2023
    re.compile(rf"(?<![\d])(?P<d>{_DAY})(?P<s>[-_.])(?P<m>{_MONTH})(?P=s)(?P<y>{_YEAR})(?![\d])"),
    # 28042023
    re.compile(rf"(?<![\d])(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>{_YEAR})(?![\d])"),
)
_MONTH_ONLY = re.compile(rf"/(?P<y>{_YEAR})/(?P<m>0[1-9]|1[0-2])(?:/|$)")


@dataclass(frozen=True, slots=True)
class UrlDate:
    """A date read from a URL: ``day`` is ``None`` when the path only gives a year and month."""

    year: int
    month: int
    day: int | None

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None

    def covers(self, value: date) -> bool:
        """Whether ``value`` is this day (or lies in this month, for a month)."""
        if self.day is None:
            return (value.year, value.month) == (self.year, self.month)
        return value == self.as_date()


def url_path(url: str) -> str:
    """The path of ``url`` (of the archived address, for a web-archive URL)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    archived = _ARCHIVED.search(path)
    if archived:
        inner = archived.group(1)
        return url_path(inner) if "://" in inner else "/" + inner.partition("/")[2]
    return path


@lru_cache(maxsize=1024)  # the URL extractor and the date resolver both ask for the page's URL date
def url_date(url: str | None) -> UrlDate | None:
    """The date the URL's path gives, if any: a whole day first, else a ``/year/month/`` pair."""
    if not url:
        return None
    path = url_path(url)
    if not _DIGIT.search(path):
        return None
    for pattern in _FULL:
        for match in pattern.finditer(path):
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            return UrlDate(day.year, day.month, day.day)
    month = _MONTH_ONLY.search(path)
    if month:
        return UrlDate(int(month["y"]), int(month["m"]), None)
    return None
