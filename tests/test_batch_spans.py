"""Gzipped WARCs are split into spans read by the workers: the spans must add up to the archive, exactly."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

from batch_helpers import page, read_jsonl, record_offsets, write_warc
from newsmeta.batch import run
from newsmeta.batch.inputs import expand_inputs
from newsmeta.batch.records import Record
from newsmeta.batch.sources import SourceStream
from newsmeta.batch.warc import Cursor, read_warc


def sequential_ids(path: Path) -> list[str]:
    """Record ids as one reader going through the file in order sees them."""
    files, _ = expand_inputs([path])
    return [r.id for r in read_warc(files[0], 1 << 24, Cursor()) if isinstance(r, Record)]


def test_spans_are_the_gzip_members(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [(f"https://example.com/{i}", page(f"P{i}").encode(), "text/html") for i in range(5)])
    files, _ = expand_inputs([path])
    tasks = [t for t in SourceStream(files) if isinstance(t, Record)]
    offsets = [o for _, o in record_offsets(path)]
    assert [t.span for t in tasks] == list(zip(offsets, [*offsets[1:], path.stat().st_size], strict=True))
    assert all(t.todo == "warc-span" and t.payload is None for t in tasks)  # nothing decompressed here


def gzip_per_record(plain: Path, out: Path, level: int) -> None:
    """Gzip a plain WARC record by record (level 0: deflate stores the bytes as they are)."""
    data = plain.read_bytes()
    offsets = [o for _, o in record_offsets(plain)] + [len(data)]
    out.write_bytes(b"".join(gzip.compress(data[a:b], compresslevel=level)
                             for a, b in itertools.pairwise(offsets)))


def test_an_archived_warc_inside_a_record_adds_no_records(tmp_path: Path) -> None:
    """A .warc.gz kept in a record holds byte runs that look like record starts (when the outer archive
    stores them uncompressed); the spans that begin there are dropped, only the outer records come out."""
    inner = tmp_path / "inner.warc.gz"
    write_warc(inner, [(f"https://inner.example/{i}", page(f"Inner {i}").encode(), "text/html")
                       for i in range(3)], extras=False)
    plain = tmp_path / "outer.warc"
    write_warc(plain, [
        ("https://example.com/a", page("Outer A").encode(), "text/html"),
        ("https://example.com/inner.warc.gz", inner.read_bytes(), "application/gzip"),
        ("https://example.com/b", page("Outer B").encode(), "text/html"),
    ], compress=False, extras=False)
    outer = tmp_path / "outer.warc.gz"
    gzip_per_record(plain, outer, level=0)
    files, _ = expand_inputs([outer])
    spans = [t for t in SourceStream(files) if isinstance(t, Record)]
    assert len(spans) == 3 + 3  # the inner archive's members look like record starts too
    out = tmp_path / "out.jsonl"
    summary = run([outer], out, workers=2)
    rows = read_jsonl(out)
    assert [r["url"] for r in rows] == ["https://example.com/a", "https://example.com/b"]
    assert [r["id"] for r in rows] == sequential_ids(outer)
    assert summary.dropped_spans == 3 and summary.skipped == {"non-HTML record": 1}
    unordered = tmp_path / "unordered.jsonl"
    run([outer], unordered, workers=2, ordered=False)
    assert sorted(r["id"] for r in read_jsonl(unordered)) == sorted(r["id"] for r in rows)


def test_resume_of_a_warc_redoes_nothing_and_misses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [(f"https://example.com/{i}", page(f"P{i}").encode(), "text/html") for i in range(12)])
    out = tmp_path / "out.jsonl"
    run([path], out, workers=2)
    lines = out.read_bytes().splitlines(keepends=True)
    assert len(lines) == 12
    out.write_bytes(b"".join(lines[:5]) + lines[5][:30])  # killed while writing the sixth record
    summary = run([path], out, workers=2, resume=True)
    assert summary.resumed == 5 and summary.records == 7
    assert [json.loads(line)["id"] for line in out.read_bytes().splitlines()] == sequential_ids(path)
    assert summary.skipped["WARC request record"] == 12  # the request records are read again, and skipped
