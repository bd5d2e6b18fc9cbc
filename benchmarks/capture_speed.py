"""Median time to read one text capture with ``newsmeta.extract`` (no HTML to parse: the target is < 1 ms).

usage: python benchmarks/capture_speed.py [CAPTURE_DIR ...]

Times every ``*.txt`` capture of the given folders (default: ``fixtures/capture`` and, when present, the shared
dev corpora ``values`` and ``capture``). Each capture is read cold: newsmeta's caches of page content are cleared
before each run (:func:`newsmeta.profile.clear_page_caches`), so a capture read again is not faster than a new
one. Each capture is read ``ROUNDS`` times and its fastest time kept (the least disturbed by other processes).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import newsmeta
from newsmeta.profile import clear_page_caches

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "fixtures" / "capture",
    Path("/work/shared/corpus/dev/values/cases"),
    Path("/work/shared/corpus/dev/capture/cases"),
]
ROUNDS = 3


def time_capture(data: bytes) -> float:
    """The fastest of ``ROUNDS`` cold reads of one capture, in seconds."""
    best = float("inf")
    for _ in range(ROUNDS):
        clear_page_caches()
        start = time.perf_counter()
        newsmeta.extract(data)
        best = min(best, time.perf_counter() - start)
    return best


def time_folder(folder: Path) -> list[float]:
    return [time_capture(path.read_bytes()) for path in sorted(folder.glob("*.txt"))]


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
