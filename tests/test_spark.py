"""``newsmeta.spark`` on ``local[2]``: the same records as ``newsmeta batch``, DataFrames of pages, listing.

One Spark session for the module (starting the JVM is most of the time); skipped with a reason where the
``spark`` extra (pyspark) or Java is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the spark extra is not installed: pip install 'newsmeta[spark]'")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java: no java on PATH and no JAVA_HOME", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

from batch_helpers import mixed_inputs, page  # noqa: E402
from newsmeta import spark as nspark  # noqa: E402
from newsmeta.batch import run as batch_run  # noqa: E402
from newsmeta.batch.schema import arrow_schema  # noqa: E402
from newsmeta.model import Article  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]").appName("newsmeta-tests")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g").getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("spark") / "in"
    return root, mixed_inputs(root)


def _by_id(folder: Path) -> dict[str, dict[str, Any]]:
    rows = pq.read_table(folder).to_pylist()
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows), "duplicate ids"
    return by_id


def test_schema_is_derived_from_the_model() -> None:
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = nspark.spark_schema()
    assert schema == from_arrow_schema(arrow_schema())
    assert schema.fieldNames() == ["id", "source", *Article.model_fields, "error"]
    assert schema["provenance"].dataType.simpleString().startswith("map<string,struct<source:string")


def test_spark_writes_the_records_of_newsmeta_batch(
    spark: Any, mixed: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, expected = mixed
    batch_out, spark_out, summary_json = tmp_path / "batch.parquet", tmp_path / "spark.parquet", tmp_path / "s.json"
    batch_summary = batch_run([root], batch_out, workers=2)
    code = nspark.main([str(root), "-o", str(spark_out), "--slices", "2", "-q", "--summary-json", str(summary_json)])
    assert code == batch_summary.exit_code == 1  # some records failed, each reported
    batch_rows, spark_rows = _by_id(batch_out), _by_id(spark_out)
    assert len(spark_rows) == expected["records"]
    assert spark_rows == batch_rows  # same ids, same articles, same error entries
    summary = json.loads(summary_json.read_text())
    for key in ("records", "articles", "errors", "by_kind", "error_kinds", "skipped", "coverage_percent"):
        assert summary[key] == batch_summary.to_dict()[key], key
    assert nspark.main([str(root), "-o", str(spark_out), "-q"]) == 2  # the output exists: no overwrite


def test_dataframe_of_pages_to_articles(spark: Any) -> None:
    rows = [
        ("a", page("First page"), None, "https://example.com/a", None, None),
        ("b", None, "date 2024-01-02 https://example.com/b\nA capture title\nBody", None, None, None),
        ("c", None, None, "https://example.com/c", None, None),
        ("d", page("Dated page"), None, "https://example.com/d", "2024-03-04", None),
    ]
    df = spark.createDataFrame(rows, "key string, page string, capture string, link string, day string, ctype string")
    columns = nspark.Columns(html="page", text="capture", url="link", captured="day", id="key")
    out = {r["id"]: r for r in nspark.extract_articles(df, columns).collect()}
    assert out["a"]["title"] == "First page" and out["a"]["url"] == "https://example.com/a"
    assert out["a"]["source"]["kind"] == "html" and out["a"]["error"] is None
    assert out["b"]["title"] == "A capture title" and out["b"]["source"]["kind"] == "capture"
    assert out["c"]["error"]["kind"] == "MissingField"
    assert out["d"]["captured"] == "2024-03-04"
    with pytest.raises(ValueError, match="no such column"):
        nspark.extract_articles(df, nspark.Columns(html="nope"))


def test_binary_pages_use_the_content_type_charset(spark: Any) -> None:
    from pyspark.sql.types import BinaryType, StringType, StructField, StructType

    cp1251 = page("Новости дня", charset=None).encode("cp1251")
    schema = StructType([StructField("html", BinaryType()), StructField("url", StringType()),
                         StructField("ct", StringType())])
    df = spark.createDataFrame([(cp1251, "https://example.com/ru", "text/html; charset=windows-1251")], schema)
    [row] = nspark.extract_articles(df, nspark.Columns(content_type="ct")).collect()
    assert row["title"] == "Новости дня"
    assert row["id"].startswith("row:")  # no id column: partition and position


def test_hadoop_uris_are_listed_by_spark(spark: Any, mixed: tuple[Path, dict[str, Any]]) -> None:
    root, _ = mixed
    files, skipped = nspark.list_inputs(spark, [root.as_uri()])
    local, _ = nspark.list_inputs(spark, [str(root)])
    assert sorted(Path(f.path.removeprefix("file:")).name for f in files) == sorted(Path(f.path).name for f in local)
    assert {f.fmt for f in files} == {f.fmt for f in local}
    assert all(f.path.startswith("file:") for f in files) and skipped["file of unknown type"] == 1
    with pytest.raises(nspark.UsageError):
        nspark.list_inputs(spark, [(root / "nothing-*.warc").as_uri()])


def test_remote_files_are_copied_for_the_readers(tmp_path: Path) -> None:
    source = tmp_path / "x.warc"
    source.write_bytes(b"WARC/1.0\r\n" * 1000)
    with nspark.download(source.as_uri()) as local:
        assert Path(local).read_bytes() == source.read_bytes()
    assert not Path(local).exists()


def test_unreadable_file_is_one_error_row() -> None:
    task = nspark.Task("gone.warc.gz", "/nonexistent/gone.warc.gz", "warc", 0, 0, 2)
    [record] = list(nspark.task_items(task, nspark.Settings()))
    assert record.id == "gone.warc.gz" and record.error is not None and record.error[0] == "ReadError"
    assert list(nspark.task_items(nspark.Task("gone.warc.gz", "/nonexistent/gone.warc.gz", "warc", 0, 1, 2),
                                  nspark.Settings())) == []
