"""Inputs -> records: discovery of files, ids, WARC/WET reading, corrupt and truncated data."""

from __future__ import annotations

import gzip
import os
from datetime import datetime
from pathlib import Path

import pytest

from batch_helpers import page, record_offsets, worker_view, write_jsonl, write_warc, write_wet
from newsmeta.batch.inputs import UsageError, expand_inputs, sniff_format
from newsmeta.batch.records import Record, Skipped
from newsmeta.batch.sources import JsonlFields, parse_captured


def records(paths: list[str], fields: JsonlFields | None = None, max_bytes: int = 1 << 20) -> list[Record | Skipped]:
    return worker_view(paths, fields, max_bytes)


def only_records(items: list[Record | Skipped]) -> list[Record]:
    return [i for i in items if isinstance(i, Record)]


def test_folders_are_walked_recursively_in_order_and_unknown_files_counted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.html").write_text(page("A"))
    (tmp_path / "b" / "c.htm.gz").write_bytes(gzip.compress(page("C").encode()))
    (tmp_path / "b" / "d.txt").write_text("date 2024-01-02 https://example.com/d\nD title\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.html").write_text(page("hidden"))
    files, skipped = expand_inputs([tmp_path])
    assert [(Path(f.path).relative_to(tmp_path).as_posix(), f.fmt) for f in files] == [
        ("a.html", "html"), ("b/c.htm.gz", "html"), ("b/d.txt", "capture")]
    assert skipped == {"file of unknown type": 1}


def test_globs_dedupe_and_usage_errors(tmp_path: Path) -> None:
    for name in ("x.html", "y.html"):
        (tmp_path / name).write_text(page(name))
    files, _ = expand_inputs([str(tmp_path / "*.html"), tmp_path / "x.html", tmp_path])
    assert [Path(f.path).name for f in files] == ["x.html", "y.html"]
    with pytest.raises(UsageError):
        expand_inputs([str(tmp_path / "*.nothing")])
    with pytest.raises(UsageError):
        expand_inputs([tmp_path / "missing.html"])
    with pytest.raises(UsageError):
        expand_inputs([])


def test_explicit_files_are_sniffed_by_content(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.bin", [("https://example.com/1", page("W").encode(), "text/html")])
    (tmp_path / "lines.dat").write_text('{"html": "<title>J</title>"}\n')
    (tmp_path / "page.dat").write_text(page("P"))
    (tmp_path / "capture.dat").write_text("date 2024-01-02 https://example.com/d\nD title\n")
    assert [sniff_format(str(tmp_path / n)) for n in ("crawl.bin", "lines.dat", "page.dat", "capture.dat")] == [
        "warc", "jsonl", "html", "capture"]


def test_page_files_have_their_path_as_id_and_bad_gzip_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_text(page("OK"))
    good = gzip.compress(page("Zipped").encode())
    (tmp_path / "broken.html.gz").write_bytes(good[: len(good) // 2])
    items = only_records(records([str(tmp_path)]))
    by_name = {Path(r.id).name: r for r in items}
    assert by_name["ok.html"].error is None and by_name["ok.html"].source == {
        "path": str(tmp_path / "ok.html"), "kind": "html"}
    assert by_name["broken.html.gz"].error is not None
    assert by_name["broken.html.gz"].error[0] == "CorruptInput"


def test_too_large_pages_fail_without_being_read_whole(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text(page("Big", body="x" * 5000))
    [item] = records([str(tmp_path)], max_bytes=1000)
    assert isinstance(item, Record) and item.error is not None and item.error[0] == "TooLarge"


def test_warc_responses_become_records_and_the_rest_is_skipped(tmp_path: Path) -> None:
    cp1251 = page("Новости дня", charset=None).encode("cp1251")
    pages = [
        ("https://example.com/a", page("First").encode(), "text/html; charset=utf-8"),
        ("https://example.com/b", cp1251, "text/html; charset=windows-1251"),
        ("https://example.com/c", page("Third").encode(), "application/xhtml+xml"),
    ]
    write_warc(tmp_path / "crawl.warc.gz", pages)
    items = records([str(tmp_path)])
    recs = only_records(items)
    assert [r.url for r in recs] == [u for u, _, _ in pages]
    assert all(r.kind == "warc" and r.error is None for r in recs)
    assert recs[1].payload == cp1251 and recs[1].content_type == "text/html; charset=windows-1251"
    assert all(r.id == r.source["record_id"] and r.id.startswith("<urn:uuid:") for r in recs)
    assert isinstance(recs[0].captured, datetime) and recs[0].captured.tzinfo is not None
    reasons = sorted(i.reason for i in items if isinstance(i, Skipped))
    assert reasons == ["HTTP status 3xx", "WARC request record", "WARC request record", "WARC request record",
                       "WARC warcinfo record", "non-HTML record"]
    offsets = [o for t, o in record_offsets(tmp_path / "crawl.warc.gz") if t == "response"][:3]
    assert [r.source["offset"] for r in recs] == offsets


def test_wet_conversion_records_are_text_records(tmp_path: Path) -> None:
    write_wet(tmp_path / "crawl.warc.wet.gz", [("https://example.com/t1", "Title one\nBody one"),
                                               ("https://example.com/t2", "Title two\nBody two")])
    recs = only_records(records([str(tmp_path)]))
    assert [(r.kind, r.url, r.text_only) for r in recs] == [
        ("wet", "https://example.com/t1", True), ("wet", "https://example.com/t2", True)]
    assert recs[0].captured == datetime.fromisoformat("2024-03-02T08:00:00+00:00")


def _three_page_warc(path: Path, compress: bool) -> None:
    write_warc(path, [(f"https://example.com/{i}", page(f"Page {i}", body="word " * 300).encode(),
                       "text/html") for i in range(3)], compress=compress, extras=False)


@pytest.mark.parametrize("compress", [True, False])
def test_a_corrupt_warc_record_is_reported_and_reading_goes_on(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("c.warc.gz" if compress else "c.warc")
    _three_page_warc(path, compress)
    offsets = [o for _, o in record_offsets(path)]
    data = bytearray(path.read_bytes())
    middle = offsets[1]
    data[middle + 10: middle + 40] = b"\x00" * 30 if compress else b"X" * 30  # break record 2's start
    if not compress:
        data[middle: middle + 5] = b"XXXXX"
    path.write_bytes(bytes(data))
    recs = only_records(records([str(path)]))
    assert [r.url for r in recs if r.error is None] == ["https://example.com/0", "https://example.com/2"]
    [bad] = [r for r in recs if r.error is not None]
    assert bad.error is not None and bad.error[0] == "CorruptInput"
    assert bad.id == f"{path}#{middle}" and bad.source["offset"] == middle


@pytest.mark.parametrize("compress", [True, False])
def test_a_truncated_warc_reports_its_last_record(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("t.warc.gz" if compress else "t.warc")
    _three_page_warc(path, compress)
    last = record_offsets(path)[-1][1]
    path.write_bytes(path.read_bytes()[: last + (path.stat().st_size - last) // 2])
    recs = only_records(records([str(path)]))
    assert [r.error[0] if r.error else None for r in recs] == [None, None, "CorruptInput"]
    assert recs[2].source["offset"] == last


@pytest.mark.parametrize("compress", [True, False])
def test_a_warc_cut_anywhere_yields_each_record_once(tmp_path: Path, compress: bool) -> None:
    """Whatever the cut: every record that began before it is reported once, as itself or as corrupt."""
    full = tmp_path / ("full.warc.gz" if compress else "full.warc")
    _three_page_warc(full, compress)
    data = full.read_bytes()
    ends = [o for _, o in record_offsets(full)][1:] + [len(data)]
    cut_path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    cut_path.write_bytes(data)
    for cut in range(len(data) - 1, 0, -3):
        os.truncate(cut_path, cut)
        recs = only_records(records([str(cut_path)]))
        whole = sum(1 for end in ends if end <= cut)
        started = whole + (cut not in ends)
        ok = sum(1 for r in recs if r.error is None)
        assert len(recs) == started, cut
        # a record cut only in what follows its block (gzip trailer, blank lines) is still whole
        in_tail = min((end - cut for end in ends if end > cut), default=99) <= 12
        assert ok == whole or (in_tail and ok == whole + 1), cut


def test_a_warc_gzipped_as_a_whole_is_read_too(tmp_path: Path) -> None:
    plain = tmp_path / "p.warc"
    _three_page_warc(plain, compress=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    recs = only_records(records([str(whole)]))
    assert [r.url for r in recs] == [f"https://example.com/{i}" for i in range(3)]
    assert all(r.error is None for r in recs)


def test_jsonl_fields_offsets_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl.gz"
    write_jsonl(path, [
        {"url": "https://example.com/1", "html": page("One"), "crawl_date": "2024-05-03 18:19:08"},
        {"link": "https://example.com/2", "text": "date 2024-01-02 https://example.com/2\nTwo"},
        {"url": "https://example.com/3"},
    ], compress=True)
    with gzip.open(path, "ab") as fh:
        fh.write(b"\n{not json\n")
    recs = only_records(records([str(path)]))
    raw = gzip.decompress(path.read_bytes())
    starts = [0] + [i + 1 for i, b in enumerate(raw) if b == ord("\n")][:-1]
    line_starts = [s for s in starts if raw[s:s + 1] not in (b"\n", b"")]
    assert [r.source["offset"] for r in recs] == line_starts
    assert [r.id for r in recs] == [f"{path}#{s}" for s in line_starts]
    assert recs[0].url == "https://example.com/1" and not recs[0].text_only
    assert recs[0].captured == datetime(2024, 5, 3, 18, 19, 8)
    assert recs[1].url == "https://example.com/2" and recs[1].text_only
    assert recs[2].error is not None and recs[2].error[0] == "MissingField"
    assert recs[3].error is not None and recs[3].error[0] == "CorruptInput"
    custom = only_records(records([str(path)], fields=JsonlFields(html=("nope",), text=("nope",))))
    assert [r.error[0] if r.error else None for r in custom] == ["MissingField"] * 3 + ["CorruptInput"]


def test_parse_captured() -> None:
    assert parse_captured("2024-05-03") is not None and not isinstance(parse_captured("2024-05-03"), datetime)
    assert parse_captured(0) == datetime.fromisoformat("1970-01-01T00:00:00+00:00")
    assert parse_captured("yesterday") is None and parse_captured(True) is None


def _arc_record(url: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return f"{url} 127.0.0.1 20240101000000 text/html {len(http)}\n".encode() + http + b"\n"


def test_arc_records_are_known_by_their_offset(tmp_path: Path) -> None:
    """ARC records have no record ids (warcio makes up a random one): their id is path#offset, every run."""
    desc = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://t.arc 0.0.0.0 20240101000000 text/plain {len(desc)}\n".encode() + desc + b"\n"
    first = _arc_record("http://example.com/a", page("ARC A").encode())
    path = tmp_path / "t.arc.gz"
    path.write_bytes(gzip.compress(head + first + _arc_record("http://example.com/b", page("ARC B").encode())))
    runs = [only_records(records([str(path)])) for _ in range(2)]
    assert [r.id for r in runs[0]] == [r.id for r in runs[1]] == [
        f"{path}#{len(head)}", f"{path}#{len(head) + len(first)}"]
    assert [r.url for r in runs[0]] == ["http://example.com/a", "http://example.com/b"]
