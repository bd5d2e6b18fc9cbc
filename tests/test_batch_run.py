"""End to end: every record in is one record out, in order, with errors accounted for."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from batch_helpers import (
    DoomedHandler,
    dying_handler,
    env,
    mixed_inputs,
    page,
    read_jsonl,
    sleepy_handler,
    stubborn_handler,
    worker_view,
    write_jsonl,
)
from newsmeta.batch import UsageError, run
from newsmeta.batch.pool import WorkerStartError
from newsmeta.batch.records import Record


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("mixed") / "in"
    return root, mixed_inputs(root)


def input_ids(root: Path) -> list[str]:
    return [item.id for item in worker_view([root]) if isinstance(item, Record)]


def test_every_record_in_is_one_record_out_in_input_order(mixed: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, expected = mixed
    out = tmp_path / "out.jsonl"
    summary = run([root], out, workers=2)
    rows = read_jsonl(out)
    assert len(rows) == expected["records"] == summary.records
    assert [r["id"] for r in rows] == input_ids(root)
    assert Counter(r["error"]["kind"] for r in rows if "error" in r) == expected["errors"]
    assert summary.error_kinds == expected["errors"]
    assert summary.articles == expected["records"] - sum(expected["errors"].values())
    assert summary.skipped == expected["skipped"]
    assert summary.by_kind == {"html": 7, "capture": 2, "warc": 9, "wet": 2, "jsonl": 3}
    assert summary.exit_code == 1
    for row in rows:
        assert row["source"]["path"].startswith(str(root)) and row["source"]["kind"] in summary.by_kind
        if "error" in row:
            assert set(row) == {"id", "source", "error"} and row["error"]["message"]
        else:
            assert "warnings" in row and "provenance" in row
    by_url = {r.get("url"): r for r in rows if "error" not in r}
    for url, title in expected["titles"].items():
        assert by_url[url]["title"] == title  # the charset of the HTTP header is used
    assert any(r.get("title") == "Café à la carte" for r in rows)
    wet = [r for r in rows if r["source"]["kind"] == "wet"]
    assert [w["url"] for w in wet] == ["https://example.com/t0", "https://example.com/t1"]
    assert all(w["captured"].startswith("2024-03-02T08:00:00") for w in wet)
    assert summary.coverage["title"] == sum(1 for r in rows if r.get("title"))


def test_unordered_writes_the_same_records(mixed: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, expected = mixed
    out = tmp_path / "out.jsonl"
    run([root], out, workers=2, ordered=False)
    ids = [r["id"] for r in read_jsonl(out)]
    assert sorted(ids) == sorted(input_ids(root)) and len(ids) == expected["records"]


def test_errors_can_go_to_their_own_file(mixed: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, expected = mixed
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run([root], out, errors=errors, workers=1)
    articles, failed = read_jsonl(out), read_jsonl(errors)
    assert all("error" not in r for r in articles) and all("error" in r for r in failed)
    assert len(failed) == sum(expected["errors"].values())
    assert sorted(r["id"] for r in articles + failed) == sorted(input_ids(root))
    assert summary.exit_code == 1


def test_a_clean_run_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("Clean"))
    summary = run(tmp_path / "a.html", tmp_path / "out.jsonl", workers=1)  # one input needs no list
    assert summary.exit_code == 0 and summary.records == 1 and summary.coverage["title"] == 1


def test_a_slow_record_times_out_and_the_batch_goes_on(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", [{"url": f"https://example.com/{name}", "html": page(name)}
                                        for name in ("a", "sleep", "b")])
    summary = run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=1, timeout=2, handler=sleepy_handler)
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r.get("error", {}).get("kind") for r in rows] == [None, "Timeout", None]
    assert summary.worker_restarts == 0  # stopped inside the worker


def test_a_record_that_ignores_its_alarm_is_stopped_by_the_parent(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", [{"url": f"https://example.com/{name}", "html": page(name)}
                                        for name in ("a", "stuck", "b")])
    summary = run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=2, timeout=1,
                  handler=stubborn_handler)
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r.get("error", {}).get("kind") for r in rows] == [None, "Timeout", None]
    assert summary.worker_restarts == 1


def test_a_worker_that_dies_is_replaced_and_its_record_reported(tmp_path: Path) -> None:
    names = ["a", "b", "die", "c", "d", "e"]
    write_jsonl(tmp_path / "in.jsonl", [{"url": f"https://example.com/{n}", "html": page(n)} for n in names])
    summary = run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=2, handler=dying_handler)
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r.get("error", {}).get("kind") for r in rows] == [None, None, "WorkerDied", None, None, None]
    assert "SIGKILL" in rows[2]["error"]["message"]
    assert summary.worker_restarts == 2  # tried once more before being reported
    assert summary.exit_code == 1


def test_workers_that_cannot_start_stop_the_batch_with_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A"))
    with pytest.raises(WorkerStartError, match="__main__"):
        run([tmp_path / "a.html"], tmp_path / "out.jsonl", workers=1, handler=DoomedHandler())
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def test_a_real_document_over_its_time_limit(tmp_path: Path) -> None:
    huge = page("Huge", body="<p>" + "<span>word</span> " * 200_000 + "</p>")
    (tmp_path / "huge.html").write_text(huge)
    (tmp_path / "small.html").write_text(page("Small"))
    summary = run([tmp_path], tmp_path / "out.jsonl", workers=1, timeout=0.01)
    rows = {Path(r["id"]).name: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert rows["huge.html"]["error"]["kind"] == "Timeout"
    assert summary.records == 2


def test_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A"))
    with pytest.raises(UsageError):
        run([tmp_path / "missing"], tmp_path / "o.jsonl")
    with pytest.raises(UsageError):
        run([tmp_path], "-", resume=True)
    with pytest.raises(UsageError):
        run([tmp_path], tmp_path / "o.jsonl", workers=0)
    with pytest.raises(UsageError):
        run([tmp_path], tmp_path / "o.jsonl", errors=tmp_path / "o.jsonl")
    with pytest.raises(UsageError):
        run([tmp_path], "-", format="sqlite")


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsmeta.batch", *map(str, args)], capture_output=True,
                          text=True, env=env(), cwd=cwd, timeout=120)


def test_cli_exit_status_and_stdout(mixed: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, expected = mixed
    failed = cli(root, "-o", "-", "--workers", "2", "--summary-json", tmp_path / "s.json")
    assert failed.returncode == 1
    lines = failed.stdout.split("\n")[:-1]
    assert len(lines) == len(failed.stdout.splitlines())  # no character that some readers take for a line end
    assert len(lines) == expected["records"] and all(json.loads(line)["id"] for line in lines)
    assert "newsmeta batch done" in failed.stderr and "\r" not in failed.stderr  # no progress line in a pipe
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["records"] == expected["records"] and summary["exit_code"] == 1

    (tmp_path / "ok.html").write_text(page("OK"))
    assert cli(tmp_path / "ok.html", "-o", tmp_path / "ok.jsonl", "-q").returncode == 0
    assert cli(tmp_path / "nope.html", "-o", tmp_path / "x.jsonl").returncode == 2
    assert cli(tmp_path / "ok.html", "--format", "xml").returncode == 2
    assert cli(tmp_path / "ok.html", "--resume").returncode == 2


def test_the_sample_fixtures(tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "batch"
    out = tmp_path / "out.jsonl"
    summary = run([fixtures], out, workers=2)
    rows = read_jsonl(out)
    assert summary.exit_code == 0 and len(rows) == 7 == summary.articles
    assert summary.by_kind == {"warc": 3, "wet": 2, "jsonl": 2}
    assert summary.skipped == {"WARC request record": 3, "WARC warcinfo record": 1, "non-HTML record": 1,
                               "HTTP status 3xx": 1, "file of unknown type": 1}
    assert [r["id"] for r in rows if r["source"]["kind"] == "warc"] == [
        f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>" for n in (3, 5, 7)]
    assert {r["title"] for r in rows if r["source"]["kind"] == "warc"} == {
        "New ferry timetable starts on Monday", "Market hall reopens after two years of work",
        "Rowing club celebrates its centenary"}
