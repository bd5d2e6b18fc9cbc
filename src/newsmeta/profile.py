"""Where the time goes: one extraction, timed per stage (decode, parse, each extractor, resolve).

``python -m newsmeta.profile FILE...`` prints the mean milliseconds per stage over the files;
``profile_extract(data, url=...)`` returns the record and a ``{stage: seconds}`` dict.
"""

from __future__ import annotations

import gzip
import sys
import time
from collections import defaultdict
from pathlib import Path

from .api import document_from_bytes
from .extractors import candidates_for
from .model import Article
from .resolve import build_article

#: Caches up to this size hold rules (lexicons, templates); larger ones hold what pages contain.
_RULE_CACHE_SIZE = 64


def clear_page_caches() -> None:
    """Empty newsmeta's caches of page content (folded strings, URLs, class names, capture lines).

    Benchmarks call it before each timed page, so that a page read again in a later round is no faster than a
    new page would be; caches of rules stay.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsmeta"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                maxsize = info().maxsize
                if maxsize is None or maxsize > _RULE_CACHE_SIZE:
                    value.cache_clear()


def profile_extract(data: bytes, *, url: str | None = None) -> tuple[Article, dict[str, float]]:
    """Extract from raw bytes like :func:`newsmeta.extract`, timing each stage."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    doc = document_from_bytes(data, url=url)
    parsed = time.perf_counter()
    doc.by_tag  # noqa: B018  (the index walk, timed on its own)
    indexed = time.perf_counter()
    candidates = candidates_for(doc, timings)
    extracted = time.perf_counter()
    article = build_article(candidates, url=doc.url, captured=doc.captured, warnings=doc.warnings)
    resolved = time.perf_counter()
    timings.update(
        {
            "decode+parse": parsed - start,
            "index": indexed - parsed,
            "resolve": resolved - extracted,
            "total": resolved - start,
        }
    )
    return article, timings


def main(paths: list[str]) -> int:
    totals: dict[str, float] = defaultdict(float)
    for name in paths:
        data = Path(name).read_bytes()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        _, timings = profile_extract(data)
        for stage, seconds in timings.items():
            totals[stage] += seconds
    for stage, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{stage:40s} {1000 * seconds / max(1, len(paths)):8.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
