"""Each output format can be read back, holds every record, and follows the Article model."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import BaseModel

from batch_helpers import mixed_inputs, read_jsonl
from newsmeta.batch import run
from newsmeta.batch.schema import LIST_SEPARATOR, arrow_schema, arrow_type, csv_columns
from newsmeta.batch.sinks import format_for
from newsmeta.model import Article


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], list[dict[str, Any]]]:
    base = tmp_path_factory.mktemp("sinks")
    expected = mixed_inputs(base / "in")
    run([base / "in"], base / "reference.jsonl", workers=2)
    return base / "in", expected, read_jsonl(base / "reference.jsonl")


def test_the_format_follows_the_output_name() -> None:
    assert [format_for(p, None) for p in ("a.jsonl", "-", "a.parquet", "a.CSV", "a.db", "a.sqlite", "x")] == [
        "jsonl", "jsonl", "parquet", "csv", "sqlite", "sqlite", "jsonl"]
    assert format_for("a.jsonl", "csv") == "csv"


def test_the_arrow_schema_is_the_model() -> None:
    schema = arrow_schema()
    assert schema.names == ["id", "source", *Article.model_fields, "error"]
    assert schema.field("authors").type == pa.list_(pa.struct([("name", pa.string()), ("url", pa.string())]))
    assert schema.field("copyright_year").type == pa.int64()
    assert schema.field("published").type == pa.string()  # ISO 8601 text, offset kept as found

    class Extra(BaseModel):
        score: float | None = None
        flags: dict[str, bool] = {}
        kind: int | str | None = None

    assert arrow_type(Extra) == pa.struct([("score", pa.float64()), ("flags", pa.map_(pa.string(), pa.bool_())),
                                           ("kind", pa.string())])


def test_parquet_reads_back_with_every_record(mixed: tuple[Path, dict[str, Any], list[dict[str, Any]]],
                                              tmp_path: Path) -> None:
    root, expected, reference = mixed
    out = tmp_path / "articles.parquet"
    run([root], out, workers=2)
    table = pq.read_table(out)
    assert table.schema.remove_metadata().equals(arrow_schema().remove_metadata())
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in reference]
    assert sum(r["error"] is not None for r in rows) == sum(expected["errors"].values())
    for row, ref in zip(rows, reference, strict=True):
        assert row["title"] == ref.get("title") and row["published"] == ref.get("published")
        assert [a["name"] for a in row["authors"] or []] == [a["name"] for a in ref.get("authors", [])]
        assert row["source"]["kind"] == ref["source"]["kind"]


def test_csv_is_flat_and_complete(mixed: tuple[Path, dict[str, Any], list[dict[str, Any]]], tmp_path: Path) -> None:
    root, _, reference = mixed
    out = tmp_path / "articles.csv"
    run([root], out, workers=1)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [name for name, _ in csv_columns()]
    assert {"authors.name", "image.url", "publisher.logo.url", "tags", "error.kind"} <= set(rows[0])
    assert [r["id"] for r in rows] == [r["id"] for r in reference]
    for row, ref in zip(rows, reference, strict=True):
        assert row["title"] == (ref.get("title") or "")
        assert row["authors.name"] == LIST_SEPARATOR.join(a["name"] for a in ref.get("authors", []))
        assert row["error.kind"] == ref.get("error", {}).get("kind", "")
        if ref.get("provenance"):
            assert json.loads(row["provenance"]) == ref["provenance"]


def test_sqlite_has_indexed_columns_and_the_json_record(mixed: tuple[Path, dict[str, Any], list[dict[str, Any]]],
                                                        tmp_path: Path) -> None:
    root, expected, reference = mixed
    out = tmp_path / "articles.sqlite"
    run([root], out, workers=2)
    with sqlite3.connect(out) as db:
        articles = {rid: (url, title, json.loads(rec)) for rid, url, title, rec in
                    db.execute("SELECT id, url, title, record FROM articles")}
        errors = dict(db.execute("SELECT id, kind FROM errors"))
        indexes = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        published = db.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    assert {"articles_url", "articles_published", "articles_publisher", "articles_language"} <= indexes
    assert len(articles) + len(errors) == expected["records"]
    for ref in reference:
        if "error" in ref:
            assert errors[ref["id"]] == ref["error"]["kind"]
        else:
            assert articles[ref["id"]][:2] == (ref.get("url"), ref.get("title"))
            assert articles[ref["id"]][2] == ref
    assert published == sum(1 for r in reference if r.get("published"))


def test_errors_file_with_csv_keeps_every_record_accounted(
        mixed: tuple[Path, dict[str, Any], list[dict[str, Any]]], tmp_path: Path) -> None:
    root, expected, _ = mixed
    run([root], tmp_path / "a.csv", errors=tmp_path / "e.jsonl", workers=2)
    with open(tmp_path / "a.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    errors = read_jsonl(tmp_path / "e.jsonl")
    assert len(rows) + len(errors) == expected["records"]
    assert all(not r["error.kind"] for r in rows)
