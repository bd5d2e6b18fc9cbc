"""A one-line progress display on a terminal: records, rate, share of input read, ETA, errors."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted() -> bool:
    """Show progress only to a person: stderr is a terminal and this is no CI run."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class Progress:
    """Redraws one ``\\r`` line at most every ``interval`` seconds; ETA from the input bytes read."""

    def __init__(self, stream: TextIO | None, total_bytes: int, interval: float = 0.2) -> None:
        self._stream = stream
        self._total = total_bytes
        self._interval = interval
        self._start = self._last = time.monotonic()
        self._width = 0

    def update(self, records: int, errors: int, bytes_done: int, force: bool = False) -> None:
        if self._stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self._interval:
            return
        self._last = now
        elapsed = max(now - self._start, 1e-9)
        line = f"{records:,} records  {records / elapsed:,.0f}/s  errors {errors:,}"
        if self._total > 0:
            share = min(bytes_done / self._total, 1.0)
            eta = elapsed * (1 - share) / share if share > 0 else None
            line += f"  {share:6.1%}  ETA {_clock(eta) if eta is not None else '?'}"
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self._stream.write("\r" + line + " " * pad)
        self._stream.flush()

    def close(self) -> None:
        if self._stream is not None and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
