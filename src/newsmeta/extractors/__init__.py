"""Extractors: one module per source, each a pure ``(Document) -> list[Candidate]``.

The pipeline runs the primary extractors for the document's kind, then each fallback extractor only
when one of the fields it serves has no strong candidate yet (cheap structured data first; costly tree
searches only when a page lacks it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..candidate import Candidate
from ..document import Document
from ..normalize.site import names_site, site_names
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
    opengraph.extract,
    twitter.extract,
    metatags.extract,
    dom.extract,
    datetext.extract,
    url.extract,
)
HTML_FALLBACKS: Sequence[Fallback] = (
    Fallback(microdata.extract, frozenset({"title", "published", "authors", "image"})),
    Fallback(dom.extract_bylines, frozenset({"authors"})),
    Fallback(dom.extract_tag_links, frozenset({"tags"})),
    Fallback(datetext.extract_dates, frozenset({"published"})),
    Fallback(dom.extract_text_language, frozenset({"language"})),
)
CAPTURE_PRIMARY: Sequence[ExtractorFn] = (capture.extract, url.extract)


def _names_site(candidate: Candidate, names: set[str]) -> bool:
    """An author candidate that names an organisation or the site itself is no reason to skip bylines."""
    if candidate.field != "authors":
        return False
    return candidate.extra.get("kind") == "organization" or names_site(candidate.value, names)


def _timed(run: ExtractorFn, doc: Document, timings: dict[str, float] | None) -> list[Candidate]:
    if timings is None:
        return run(doc)
    start = time.perf_counter()
    found = run(doc)
    name = f"extract:{run.__module__.rsplit('.', 1)[-1]}.{run.__name__}"
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    return found


def candidates_for(doc: Document, timings: dict[str, float] | None = None) -> list[Candidate]:
    """All candidates for one document, primary extractors first.

    ``timings``, when given, receives the seconds each extractor took (see :mod:`newsmeta.profile`).
    """
    if doc.is_capture:
        if not doc.text:
            return _timed(url.extract, doc, timings)
        return [c for run in CAPTURE_PRIMARY for c in _timed(run, doc, timings)]
    if doc.tree is None:
        return _timed(url.extract, doc, timings)
    found = [c for run in HTML_PRIMARY for c in _timed(run, doc, timings)]
    site = site_names(found, doc.url)
    strong = {c.field for c in found if c.confidence >= STRONG and not _names_site(c, site)}
    for fallback in HTML_FALLBACKS:
        if not fallback.fields <= strong:
            more = _timed(fallback.run, doc, timings)
            found.extend(more)
            strong.update(c.field for c in more if c.confidence >= STRONG and not _names_site(c, site))
    return found
