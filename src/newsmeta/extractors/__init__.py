"""Extractors: one module per source, each a pure ``(Document) -> list[Candidate]``.

The pipeline runs the primary extractors for the document's kind, then each fallback extractor only
when one of the fields it serves has no strong candidate yet (cheap structured data first; costly tree
searches only when a page lacks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..candidate import Candidate
from ..document import Document
from . import capture, datetext, dom, jsonld, metatags, microdata, opengraph, twitter, url

ExtractorFn = Callable[[Document], list[Candidate]]

#: A fallback runs when a field it serves has no candidate at or above this confidence.
STRONG = 0.6


@dataclass(frozen=True)
class Fallback:
    run: ExtractorFn
    fields: frozenset[str]


HTML_PRIMARY: Sequence[ExtractorFn] = (
    jsonld.extract,
    microdata.extract,
    opengraph.extract,
    twitter.extract,
    metatags.extract,
    dom.extract,
    datetext.extract,
    url.extract,
)
HTML_FALLBACKS: Sequence[Fallback] = (
    Fallback(dom.extract_bylines, frozenset({"authors"})),
    Fallback(datetext.extract_dates, frozenset({"published"})),
)
CAPTURE_PRIMARY: Sequence[ExtractorFn] = (capture.extract, url.extract)


def candidates_for(doc: Document) -> list[Candidate]:
    """All candidates for one document, primary extractors first."""
    if doc.is_capture:
        if not doc.text:
            return url.extract(doc)
        return [c for run in CAPTURE_PRIMARY for c in run(doc)]
    if doc.tree is None:
        return url.extract(doc)
    found = [c for run in HTML_PRIMARY for c in run(doc)]
    strong = {c.field for c in found if c.confidence >= STRONG}
    for fallback in HTML_FALLBACKS:
        if not fallback.fields <= strong:
            found.extend(fallback.run(doc))
    return found
