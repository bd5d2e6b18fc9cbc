"""Median time to read one text capture with ``newsmeta.extract`` (no HTML to parse: the target is < 1 ms).

usage: python benchmarks/capture_speed.py [CAPTURE_DIR ...]

Times every ``*.txt`` capture of the given folders (default: ``fixtures/capture`` and, when present, the shared
dev corpora ``values`` and ``capture``). Each capture is read once, cold: the classifier's per-line caches are
cleared before each run, so repeated captures are not faster than new ones.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import newsmeta
from newsmeta.extractors import capture_bylines, capture_dates, capture_lines

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "fixtures" / "capture",
    Path("/work/shared/corpus/dev/values/cases"),
    Path("/work/shared/corpus/dev/capture/cases"),
]
CACHES = (capture_lines.clean_line, capture_lines.word_keys, capture_dates.date_phrases, capture_bylines.byline)


def time_folder(folder: Path) -> list[float]:
    seconds = []
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        for cache in CACHES:
            cache.cache_clear()
        start = time.perf_counter()
        newsmeta.extract(data)
        seconds.append(time.perf_counter() - start)
    return seconds


def main(folders: list[Path]) -> None:
    newsmeta.extract((ROOT / "fixtures" / "capture" / "sputnik-2022-12-23.txt").read_bytes())  # warm up imports
    for folder in folders:
        if not folder.is_dir():
            continue
        seconds = time_folder(folder)
        if seconds:
            print(
                f"{folder}: {len(seconds)} captures, median {1000 * statistics.median(seconds):.2f} ms, "
                f"p90 {1000 * sorted(seconds)[int(0.9 * (len(seconds) - 1))]:.2f} ms, max {1000 * max(seconds):.1f} ms"
            )


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or DEFAULT)
