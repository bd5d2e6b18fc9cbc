"""The page's URL as evidence: a date in its path (``/2023/04/28/``, ``/20230428/``, ``28-04-2023``)."""

from __future__ import annotations

from ..candidate import Candidate
from ..document import Document
from ..normalize.dates_url import url_date

#: A day in the URL path is set when the page is made; weaker than a page's own statement, stronger than text.
PATH_DATE_CONFIDENCE = 0.45


def extract(doc: Document) -> list[Candidate]:
    if not doc.url:
        return []
    found = [Candidate("url", doc.url, "url:given", 0.5)]
    dated = url_date(doc.url)
    day = dated.as_date() if dated else None
    if day:
        found.append(Candidate("published", day.isoformat(), "url:path-date", PATH_DATE_CONFIDENCE))
    return found
