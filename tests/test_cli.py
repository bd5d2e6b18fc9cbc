"""The command line: ``newsmeta extract FILE --format json|jsonl`` and ``newsmeta schema``."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmeta import Article
from newsmeta.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def test_extract_json_single_file(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    path = str(fixtures_dir / "jsonld_graph.html")
    status, out = run(capsys, "extract", path, "--format", "json")
    assert status == 0
    record = json.loads(out)
    assert record["file"] == path
    assert record["title"] == "Harbour bridge reopens after two-year repair"
    assert record["published"] == "2023-04-28T09:15:00+02:00"
    assert record["authors"] == [
        {"name": "Jane Doe", "url": "https://www.example-times.com/authors/jane-doe"},
        {"name": "John Roe"},
    ]
    assert record["provenance"]["title"]["source"] == "jsonld:NewsArticle.headline"
    assert "body" not in record  # empty fields are left out by default
    article = Article.model_validate({k: v for k, v in record.items() if k != "file"})
    assert article.tags == ["Harbour", "Infrastructure", "City council"]


def test_extract_json_is_the_default_format(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    status, out = run(capsys, "extract", str(fixtures_dir / "byline_en.html"))
    assert status == 0
    assert json.loads(out)["authors"] == [{"name": "Jane Doe"}, {"name": "John Roe"}]


def test_extract_json_several_files_is_a_list(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    names = ["byline_de.html", "byline_fr.html"]
    status, out = run(capsys, "extract", *(str(fixtures_dir / n) for n in names), "--format", "json")
    assert status == 0
    records = json.loads(out)
    assert [r["authors"] for r in records] == [[{"name": "Max Mustermann"}], [{"name": "Marie Dupont"}]]


def test_extract_jsonl_one_line_per_file(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    names = ["opengraph_dw.html", "microdata_hidden.html", "tag_links.html"]
    status, out = run(capsys, "extract", *(str(fixtures_dir / n) for n in names), "--format", "jsonl")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [Path(r["file"]).name for r in records] == names
    assert [r["title"] for r in records] == [
        "Germany shuts down its last nuclear plants",
        "Снегопад парализовал движение в Москве",
        "Solarpflicht für Neubauten kommt",
    ]
    assert "Снегопад" in lines[1]  # not ASCII-escaped


def test_extract_with_url_makes_relative_links_absolute(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    status, out = run(
        capsys,
        "extract",
        str(fixtures_dir / "unsafe_images.html"),
        "--url",
        "https://news.example.org/world/flood-report",
    )
    assert status == 0
    record = json.loads(out)
    assert record["url"] == "https://news.example.org/world/flood-report"
    assert record["image"] == {"url": "https://news.example.org/media/2023/06/flood-river-1024.jpg"}


def test_extract_all_fields(capsys: pytest.CaptureFixture[str], fixtures_dir: Path) -> None:
    _, out = run(capsys, "extract", str(fixtures_dir / "byline_en.html"), "--all-fields")
    record = json.loads(out)
    assert set(Article.model_fields) <= set(record)
    assert record["body"] is None


def test_extract_gzip_file(capsys: pytest.CaptureFixture[str], fixtures_dir: Path, tmp_path: Path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress((fixtures_dir / "byline_es.html").read_bytes()))
    status, out = run(capsys, "extract", str(packed))
    assert status == 0
    assert json.loads(out)["authors"] == [{"name": "Juan Pérez"}]


def test_extract_errors_are_records_and_status_one(
    capsys: pytest.CaptureFixture[str], fixtures_dir: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.html"
    good = fixtures_dir / "byline_en.html"
    status, out = run(capsys, "extract", str(good), str(binary), str(missing), "--format", "jsonl")
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["title"] == "Library extends opening hours"
    assert records[1]["file"] == str(binary)
    assert records[1]["error"]["kind"] == "ExtractionError"
    assert records[2]["file"] == str(missing)
    assert records[2]["error"]["kind"] == "FileNotFoundError"


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "schema")
    assert status == 0
    schema = json.loads(out)
    assert schema == Article.model_json_schema()
    assert schema["title"] == "Article"
    assert {"title", "published", "authors", "image", "provenance", "warnings"} <= set(schema["properties"])


def test_unknown_format_is_a_usage_error(fixtures_dir: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(fixtures_dir / "byline_en.html"), "--format", "xml"])
    assert exc.value.code == 2


def test_module_entry_point(fixtures_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsmeta", "extract", str(fixtures_dir / "conflicts.html"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["published"] == "2023-05-03T08:00:00+01:00"
    assert record["modified"] == "2023-05-04T17:30:00+01:00"

    schema = subprocess.run(
        [sys.executable, "-m", "newsmeta", "schema"], capture_output=True, text=True, timeout=60, check=False
    )
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["title"] == "Article"
