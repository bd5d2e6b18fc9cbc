"""Median time to read one text capture with ``newsmeta.extract`` (no HTML to parse: the target is < 1 ms).

usage: python benchmarks/capture_speed.py [--stages] [CAPTURE_DIR ...]

Times every ``*.txt`` capture of the given folders (default: ``fixtures/capture`` and, when present, the shared
dev corpora ``values`` and ``capture``). Each capture is read cold: newsmeta's caches of page content are cleared
before each run (:func:`newsmeta.profile.clear_page_caches`), so a capture read again is not faster than a new
one. Each capture is read ``ROUNDS`` times and its fastest time kept (the least disturbed by other processes).

``--stages`` also prints, per folder, the median time of each stage of a page dump (line split, headline search,
bylines, dates, tags, language, resolver...): each stage's function is timed where the pipeline calls it (the
timing adds a little to the total).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsmeta
from newsmeta import api
from newsmeta.extractors import capture, capture_dump, capture_headline
from newsmeta.profile import clear_page_caches

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "fixtures" / "capture",
    Path("/work/shared/corpus/dev/values/cases"),
    Path("/work/shared/corpus/dev/capture/cases"),
]
ROUNDS = 3
#: The stages timed with ``--stages``: (label, module, name of the function the pipeline calls there).
STAGES = [
    ("decode", api, "_document"),
    ("line split", capture, "split_lines"),
    ("dump test", capture, "looks_like_dump"),
    ("structure (not dumps)", capture, "structure"),
    ("body run", capture_dump, "body_run"),
    ("headline", capture_headline, "find"),
    ("  slug stems", capture_headline, "_stem_lines"),
    ("headline wording", capture_headline, "wording"),
    ("language", capture_dump.capture_language, "candidates"),
    ("bylines", capture_dump.capture_bylines, "find"),
    ("dates", capture_dump, "dates"),
    ("tags", capture_dump.capture_topics, "topics"),
    ("resolver", api, "build_article"),
]
_spent: dict[str, float] = {}


def _timed(label: str, run: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return run(*args, **kwargs)
        finally:
            _spent[label] = _spent.get(label, 0.0) + time.perf_counter() - start

    return timed


def time_stages() -> None:
    """Time each of :data:`STAGES` from now on (their seconds go to ``_spent``; a stage the code has not, as an
    older version run for comparison, is left out)."""
    for label, module, name in STAGES:
        run = getattr(module, name, None)
        if run is not None:
            setattr(module, name, _timed(label, run))


def time_capture(data: bytes) -> tuple[float, dict[str, float]]:
    """The fastest of ``ROUNDS`` cold reads of one capture, in seconds, and each stage's fastest time."""
    best = float("inf")
    stages: dict[str, float] = {}
    for _ in range(ROUNDS):
        clear_page_caches()
        _spent.clear()
        start = time.perf_counter()
        newsmeta.extract(data)
        best = min(best, time.perf_counter() - start)
        for label, seconds in _spent.items():
            stages[label] = min(stages.get(label, seconds), seconds)
    return best, stages


def time_folder(folder: Path) -> list[tuple[float, dict[str, float]]]:
    return [time_capture(path.read_bytes()) for path in sorted(folder.glob("*.txt"))]


def main(folders: list[Path], stages: bool = False) -> None:
    newsmeta.extract((ROOT / "fixtures" / "capture" / "sputnik-2022-12-23.txt").read_bytes())  # warm up imports
    if stages:
        time_stages()
    for folder in folders:
        if not folder.is_dir():
            continue
        timed = time_folder(folder)
        if not timed:
            continue
        seconds = [total for total, _ in timed]
        print(
            f"{folder}: {len(seconds)} captures, median {1000 * statistics.median(seconds):.2f} ms, "
            f"p90 {1000 * sorted(seconds)[int(0.9 * (len(seconds) - 1))]:.2f} ms, max {1000 * max(seconds):.1f} ms"
        )
        if stages:
            for label, _, _ in STAGES:
                each = [parts.get(label, 0.0) for _, parts in timed]
                print(
                    f"  {label:24s} median {1000 * statistics.median(each):.3f} ms, mean {1000 * statistics.mean(each):.3f} ms"
                )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    with_stages = "--stages" in arguments
    main([Path(arg) for arg in arguments if arg != "--stages"] or DEFAULT, with_stages)
