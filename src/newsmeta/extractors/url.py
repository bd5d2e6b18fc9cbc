"""The page's URL as evidence: a date in its path (``/2023/04/28/``, ``/20230428/``, ``2023-04-28``)."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..document import Document

_PATH_DATE = re.compile(r"(?<![0-9])((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])")


def extract(doc: Document) -> list[Candidate]:
    if not doc.url:
        return []
    found = [Candidate("url", doc.url, "url:given", 0.5)]
    path = doc.url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    match = _PATH_DATE.search(path)
    if match:
        year, _, month, day = match.groups()
        found.append(Candidate("published", f"{year}-{month}-{day}", "url:path-date", 0.3))
    return found
