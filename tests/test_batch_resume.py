"""--resume after a kill -9 (and after torn writes): no duplicates, no gaps, readable output."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from batch_helpers import env, page
from newsmeta.batch import run

N_LINES = 300


def feed_lines() -> list[bytes]:
    lines = []
    for i in range(N_LINES):
        row = {"url": f"https://example.com/{i}", "html": page(f"Story {i}", body=f"Text of story {i}.")}
        lines.append(json.dumps(row).encode() + b"\n")
    return lines


def expected_ids(feed: Path, lines: list[bytes]) -> list[str]:
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line)
    return [f"{feed}#{o}" for o in offsets]


def jsonl_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def csv_ids(out: Path) -> list[str]:
    with open(out, newline="", encoding="utf-8") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def sqlite_ids(out: Path) -> list[str]:
    try:
        with sqlite3.connect(out) as db:
            return [rid for (rid,) in db.execute("SELECT id FROM articles UNION ALL SELECT id FROM errors")]
    except sqlite3.OperationalError:  # the batch is still creating its tables
        return []


def parquet_ids(out: Path) -> list[str]:
    if not out.exists() or not any(out.glob("part-*.parquet")):
        return []
    return [str(i) for i in pq.read_table(out, columns=["id"]).column("id").to_pylist()]


READERS: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "jsonl": ("out.jsonl", jsonl_ids), "csv": ("out.csv", csv_ids),
    "sqlite": ("out.sqlite", sqlite_ids), "parquet": ("out.parquet", parquet_ids),
}

# Parquet parts of 5 rows, so that a killed run leaves finished parts behind.
_CHILD = """
import sys
import newsmeta.batch.parquet as parquet
parquet.ROW_GROUP = parquet.PART_ROWS = 5
from newsmeta.batch.cli import build_parser, main
sys.exit(main(build_parser().parse_args(sys.argv[1:])))
"""


def _trickle(fifo: Path, lines: list[bytes], stop: threading.Event) -> None:
    """Feed the lines slowly (the batch checkpoints its output every second meanwhile) until the reader is
    killed: the batch cannot end before the whole feed is written, which takes far longer than the test waits."""
    try:
        with open(fifo, "wb", buffering=0) as fh:
            for line in lines:
                if stop.is_set():
                    return
                fh.write(line)
                time.sleep(0.03)
    except BrokenPipeError:
        pass


@pytest.mark.parametrize("fmt", list(READERS))
def test_resume_after_kill_9_has_no_duplicates_and_no_gaps(tmp_path: Path, fmt: str) -> None:
    name, read_ids = READERS[fmt]
    out, feed = tmp_path / name, tmp_path / "feed.jsonl"
    lines = feed_lines()
    os.mkfifo(feed)
    stop = threading.Event()
    writer = threading.Thread(target=_trickle, args=(feed, lines, stop), daemon=True)
    writer.start()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(feed), "-o", str(out), "--workers", "2", "-q"],
        env=env(), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while len(read_ids(out) if out.exists() else []) < 10:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        stop.set()
        writer.join(10)
    written = read_ids(out)
    assert 10 <= len(written) < N_LINES

    feed.unlink()
    feed.write_bytes(b"".join(lines))  # the same input, now a plain file
    summary = run([feed], out, resume=True, workers=2)
    ids = read_ids(out)
    want = expected_ids(feed, lines)
    assert sorted(ids) == sorted(want)  # each record exactly once
    if fmt in ("jsonl", "csv"):
        assert ids == want  # and still in input order
    assert summary.resumed + summary.records == N_LINES and summary.resumed >= len(set(written))
    assert summary.exit_code == 0
    if fmt == "parquet":
        assert not [p for p in out.iterdir() if p.name.startswith(".")]  # the unfinished part was dropped


def _small_feed(tmp_path: Path, n: int) -> Path:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"url": f"https://example.com/{i}", "html": page(f"S{i}")}) + "\n"
                            for i in range(n)))
    return feed


def test_a_torn_last_line_is_cut_on_resume(tmp_path: Path) -> None:
    feed, out = _small_feed(tmp_path, 6), tmp_path / "out.jsonl"
    run([feed], out, workers=1)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:3]) + lines[3][:40])  # as if killed in the middle of a write
    summary = run([feed], out, resume=True, workers=1)
    assert summary.resumed == 3 and summary.records == 3
    assert jsonl_ids(out) == [json.loads(line)["id"] for line in lines]


def test_a_torn_csv_row_is_cut_on_resume(tmp_path: Path) -> None:
    feed, out = _small_feed(tmp_path, 5), tmp_path / "out.csv"
    run([feed], out, workers=1)
    full = csv_ids(out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 30])
    summary = run([feed], out, resume=True, workers=1)
    assert csv_ids(out) == full and summary.records == 1


def test_sqlite_rerun_updates_instead_of_duplicating(tmp_path: Path) -> None:
    feed, out = _small_feed(tmp_path, 4), tmp_path / "out.db"
    run([feed], out, workers=1)
    run([feed], out, workers=1)
    assert sorted(sqlite_ids(out)) == sorted(set(sqlite_ids(out))) and len(sqlite_ids(out)) == 4
    resumed = run([feed], out, workers=1, resume=True)
    assert resumed.records == 0 and resumed.resumed == 4


def test_resume_of_a_finished_run_does_nothing(tmp_path: Path) -> None:
    feed, out = _small_feed(tmp_path, 3), tmp_path / "out.jsonl"
    run([feed], out, workers=1)
    before = out.read_bytes()
    summary = run([feed], out, resume=True, workers=1)
    assert summary.records == 0 and summary.resumed == 3 and out.read_bytes() == before


def test_ctrl_c_stops_cleanly_then_resume_finishes(tmp_path: Path) -> None:
    out, feed = tmp_path / "out.jsonl", tmp_path / "feed.jsonl"
    lines = feed_lines()
    os.mkfifo(feed)
    stop = threading.Event()
    writer = threading.Thread(target=_trickle, args=(feed, lines, stop), daemon=True)
    writer.start()
    child = subprocess.Popen(
        [sys.executable, "-m", "newsmeta.batch", str(feed), "-o", str(out), "--workers", "2"],
        env=env(), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(jsonl_ids(out) if out.exists() else []) < 10:
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        os.killpg(child.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
        _, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        stop.set()
        writer.join(10)
    assert child.returncode == 130 and "newsmeta batch interrupted" in stderr
    written = jsonl_ids(out)  # every line whole and readable
    feed.unlink()
    feed.write_bytes(b"".join(lines))
    summary = run([feed], out, resume=True, workers=2)
    assert summary.resumed == len(written) and jsonl_ids(out) == expected_ids(feed, lines)
