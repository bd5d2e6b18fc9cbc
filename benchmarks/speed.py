#!/usr/bin/env python3
"""newsmeta's time per page against a plain ``lxml.html.document_fromstring`` of the same bytes.

usage: python benchmarks/speed.py [CORPUS_DIR ...] [--rounds N] [--json] [--caches page|round|kept]

CORPUS_DIR is a corpus in the ``index.jsonl`` + ``cases/`` format (default: ../shared/corpus/dev/fundus beside
the project). Each round times, page by page and interleaved so that a noisy machine affects both alike,
(1) ``lxml.html.document_fromstring(raw_bytes)`` and (2) ``newsmeta.extract(raw_bytes, url=url)``, after one
warm-up round. ``--caches`` says when newsmeta's caches of page content are emptied: ``page`` (default, the
strictest) before every page, so that every page costs what a page of a site never seen before costs; ``round``
before every round, as in a batch run over these pages (each page is new in its round, but the strings that
pages share, such as a site's name or its class names, stay cached from earlier pages); ``kept`` never (every
page has then been read in an earlier round: flattering). Reports medians
over all page timings, the median of the per-page ratios, and the same median over each page's fastest round
of either (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from lxml.html import document_fromstring

import newsmeta
from newsmeta.profile import clear_page_caches

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev" / "fundus"


def load(corpus: Path) -> list[tuple[bytes, str | None]]:
    pages = []
    for line in (corpus / "index.jsonl").read_text().splitlines():
        row = json.loads(line)
        raw = (corpus / row["file"]).read_bytes()
        pages.append((gzip.decompress(raw) if row["file"].endswith(".gz") else raw, row.get("url")))
    return pages


def measure(pages: list[tuple[bytes, str | None]], rounds: int, caches: str = "page") -> dict[str, float]:
    lxml_times: list[list[float]] = [[] for _ in pages]
    ours: list[list[float]] = [[] for _ in pages]
    for round_number in range(rounds + 1):
        if caches == "round":
            clear_page_caches()  # a batch run over the pages: each page is new in its round
        for number, (raw, url) in enumerate(pages):
            if caches == "page":
                clear_page_caches()  # every page is read as a new page, in every round
            start = time.perf_counter()
            document_fromstring(raw)
            middle = time.perf_counter()
            newsmeta.extract(raw, url=url)
            end = time.perf_counter()
            if round_number == 0:
                continue  # warm-up
            lxml_times[number].append(middle - start)
            ours[number].append(end - middle)
    every_lxml = [t for times in lxml_times for t in times]
    every_ours = [t for times in ours for t in times]
    ratios = [b / a for a_times, b_times in zip(lxml_times, ours, strict=True) for a, b in zip(a_times, b_times, strict=True)]
    # per page, the fastest round of each: what the code costs when the machine does not interfere
    best_lxml, best_ours = [min(times) for times in lxml_times], [min(times) for times in ours]
    best_ratios = [b / a for a, b in zip(best_lxml, best_ours, strict=True)]
    lxml_ms, ours_ms = statistics.median(every_lxml) * 1000, statistics.median(every_ours) * 1000
    return {
        "pages": len(pages),
        "rounds": rounds,
        "lxml_parse_ms_median": round(lxml_ms, 3),
        "newsmeta_ms_median": round(ours_ms, 3),
        "ratio_of_medians": round(ours_ms / lxml_ms, 2),
        "median_per_page_ratio": round(statistics.median(ratios), 2),
        "median_per_page_ratio_of_fastest_rounds": round(statistics.median(best_ratios), 2),
        "newsmeta_ms_mean": round(statistics.mean(every_ours) * 1000, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--caches",
        choices=("page", "round", "kept"),
        default="page",
        help="when newsmeta's caches of page content are emptied: before each page, each round, or never",
    )
    args = parser.parse_args()
    for corpus in args.corpora:
        if not (corpus / "index.jsonl").exists():
            print(f"no corpus at {corpus}", file=sys.stderr)
            return 2
        result = {"corpus": str(corpus), "caches": args.caches, **measure(load(corpus), args.rounds, args.caches)}
        if args.json:
            print(json.dumps(result))
        else:
            print("\n".join(f"{key:24s} {value}" for key, value in result.items()), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
