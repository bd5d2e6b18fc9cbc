"""Spark: newsmeta's batch job beyond one machine (extra ``newsmeta[spark]``).

- :func:`spark_schema`: the Spark schema of the output records, converted from the batch job's Arrow schema
  (which is derived from the :class:`~newsmeta.model.Article` model), so the two cannot drift apart.
- :func:`extract_articles`: a DataFrame with HTML (or text capture) and URL columns -> a DataFrame of records.
- :func:`read_archives`: WARC/WET/ARC archives, JSON Lines, pages and captures (local paths, or any Hadoop
  filesystem URI Spark can list) -> a DataFrame of records, one per input record, with the ids of
  ``newsmeta batch``; a record that fails becomes an error row, never a failed task.
- :func:`run` and ``newsmeta spark INPUT... -o OUT.parquet [--master local[*]]``: the batch job on Spark.

Everything runs through :mod:`mapInArrow <pyspark.sql.DataFrame.mapInArrow>`: each partition builds its
extraction state once (schema, text fields, the per-record time limit), then turns records into Arrow rows
with the batch job's own functions (:func:`newsmeta.batch.worker.extract_record`, ``run_one``, ``arrow_row``).
pyspark is imported inside functions only: ``import newsmeta`` never needs it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from .batch.inputs import InputFile, UsageError, expand_inputs, format_by_name, sniff_format
from .batch.records import Record, Result, Skipped, error_result
from .batch.schema import arrow_row, arrow_schema, text_fields
from .batch.sources import MAX_RECORD_BYTES, JsonlFields, SourceStream, parse_captured
from .batch.summary import Summary
from .batch.warc import Cursor, read_warc
from .batch.worker import COVERAGE_FIELDS, HAS_TIMER, RecordTimeout, WorkerConfig, extract_record, process

#: Rows per Arrow batch handed back to Spark (a record is a few KB: a batch stays small).
ROWS_PER_BATCH = 256
#: Formats whose files hold many records, and so may be split between several tasks.
_MULTI = ("warc", "jsonl")
#: Column names of the task table (one row: one slice of one input file).
_TASK_SCHEMA = "label string, path string, fmt string, size long, part int, parts int"


# --- schema ---------------------------------------------------------------------------------------------

def spark_schema() -> Any:
    """The Spark ``StructType`` of the output records: ``id``, ``source``, the Article fields, ``error``.

    Converted from :func:`newsmeta.batch.schema.arrow_schema`, the schema of ``newsmeta batch``'s Parquet.
    """
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema())


# --- per-partition state ----------------------------------------------------------------------------------

def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RecordTimeout


@dataclass(frozen=True)
class Settings:
    """What every task needs to know (pickled into the tasks)."""

    timeout: float = 30.0
    max_record_bytes: int = MAX_RECORD_BYTES
    fields: JsonlFields = field(default_factory=JsonlFields)


class _Extractor:
    """Extraction state of one partition: the Arrow schema, the text fields, the batch worker's config."""

    def __init__(self, settings: Settings) -> None:
        self.schema = arrow_schema()
        self.text_fields = text_fields()
        timed = settings.timeout > 0 and HAS_TIMER and threading.current_thread() is threading.main_thread()
        self.config = WorkerConfig(extract_record, settings.timeout if timed else 0.0, settings.max_record_bytes,
                                   settings.fields)
        self.skipped: Counter[str] = Counter()

    @contextmanager
    def timer(self) -> Iterator[None]:
        """The SIGALRM handler of the batch worker's time limit, for the length of the partition."""
        if not self.config.timeout:
            yield
            return
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        try:
            yield
        finally:
            signal.signal(signal.SIGALRM, previous)

    def results(self, items: Iterable[Record | Skipped]) -> Iterator[Result]:
        """Items -> articles and error entries, each made by the batch worker's :func:`process`."""
        for item in items:
            if isinstance(item, Skipped):
                self.skipped[item.reason] += 1
                continue
            if item.error is not None:
                yield error_result(item, *item.error)
                continue
            outcome = process(item, self.config)
            self.skipped.update(outcome.skipped)
            yield from outcome.results

    def batches(self, items: Iterable[Record | Skipped]) -> Iterator[Any]:
        """Arrow record batches of the items' results (rows as the batch job's Parquet output has them)."""
        import pyarrow as pa

        rows: list[dict[str, Any]] = []
        for result in self.results(items):
            rows.append(arrow_row(json.loads(result.line), self.text_fields))
            if len(rows) >= ROWS_PER_BATCH:
                yield pa.RecordBatch.from_pylist(rows, schema=self.schema)
                rows = []
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=self.schema)


# --- files -> records (runs in the tasks) ---------------------------------------------------------------

def is_local(path: str) -> bool:
    """Whether a path is read by the tasks as a plain file: no scheme, or ``file:``."""
    scheme = urlsplit(path).scheme
    return len(scheme) <= 1 or scheme == "file"  # one letter: a Windows drive


def _local_path(path: str) -> str:
    parts = urlsplit(path)
    return parts.path if parts.scheme == "file" else path


def _remote_stream(uri: str) -> Any:
    """A binary stream of a remote file: fsspec when installed, else pyarrow's filesystems (HDFS, S3, GCS)."""
    try:
        import fsspec
    except ImportError:
        from pyarrow import fs

        parts = urlsplit(uri)
        if parts.scheme in ("s3a", "s3n"):
            uri = "s3" + uri[len(parts.scheme):]
        filesystem, path = fs.FileSystem.from_uri(uri)
        return filesystem.open_input_stream(path)
    return fsspec.open(uri, "rb").open()


def _scratch_dir() -> str | None:
    """Spark's local scratch folder on this executor, when it says which."""
    dirs = os.environ.get("SPARK_LOCAL_DIRS", "")
    first = dirs.split(",")[0].strip()
    return first if first and os.path.isdir(first) else None


@contextmanager
def download(uri: str) -> Iterator[str]:
    """A remote file copied to the executor's scratch disk (the batch readers need a seekable local file)."""
    fd, tmp = tempfile.mkstemp(prefix="newsmeta-", dir=_scratch_dir())
    try:
        with os.fdopen(fd, "wb") as out, _remote_stream(uri) as src:
            shutil.copyfileobj(src, out, 1 << 20)
        yield tmp
    finally:
        os.remove(tmp)


@contextmanager
def _opened(path: str) -> Iterator[str]:
    if is_local(path):
        yield _local_path(path)
    else:
        with download(path) as local:
            yield local


def _relabel(record: Record, local: str, label: str) -> Record:
    """Name a record after its input as given, not after the file that was read (a copy, an absolute path)."""
    if local == label:
        return record
    if record.source.get("path") == local:
        record.source["path"] = label
    if record.id == local or record.id.startswith(local + "#"):
        record.id = label + record.id[len(local):]
    return record


@dataclass(frozen=True)
class Task:
    """One slice of one input file: the records whose index ``n`` in the file has ``n % parts == part``."""

    label: str  # the path as the job names it (in ids and ``source.path``): as ``newsmeta batch`` would
    path: str  # where the task reads it
    fmt: str  # html, capture, warc, jsonl; or auto (sniffed once read)
    size: int = 0
    part: int = 0
    parts: int = 1


def _file_items(inp: InputFile, settings: Settings) -> Iterator[Record | Skipped]:
    """The items of one file in input order, from the batch job's readers; WARCs are read in order by
    :func:`~newsmeta.batch.warc.read_warc` (not cut into gzip-member spans: the slices do the sharing)."""
    if inp.fmt == "warc":
        return read_warc(inp, settings.max_record_bytes, Cursor())
    return iter(SourceStream([inp], settings.fields, settings.max_record_bytes))


def task_items(task: Task, settings: Settings) -> Iterator[Record | Skipped]:
    """The items of one task's slice, named after the input as given. A file that cannot be read at all is
    one ``ReadError`` record (from slice 0 only, so that its id is not repeated)."""
    try:
        with _opened(task.path) as local:
            fmt = sniff_format(local) if task.fmt == "auto" else task.fmt
            for n, item in enumerate(_file_items(InputFile(local, fmt, task.size), settings)):
                if n % task.parts == task.part:
                    yield item if isinstance(item, Skipped) else _relabel(item, local, task.label)
    except (OSError, ImportError, ValueError) as exc:
        if task.part == 0:
            kind = task.fmt if task.fmt != "auto" else "warc"
            source = {"path": task.label, "kind": kind}
            yield Record(task.label, source, error=("ReadError", f"cannot read file: {exc}"))


class _FilePartition:
    """The ``mapInArrow`` function of :func:`read_archives`: task rows in, record rows out."""

    def __init__(self, settings: Settings, skipped: Any = None) -> None:
        self.settings = settings
        self.skipped = skipped  # a Spark accumulator of skipped items, or None

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        extractor = _Extractor(self.settings)
        with extractor.timer():
            for batch in batches:
                for row in batch.to_pylist():
                    yield from extractor.batches(task_items(Task(**row), self.settings))
        if self.skipped is not None and extractor.skipped:
            self.skipped.add(extractor.skipped)


# --- listing inputs (on the driver) --------------------------------------------------------------------

def _hadoop_files(spark: Any, pattern: str) -> list[tuple[str, int, bool]]:
    """(URI, size, explicit) of the files a Hadoop path or glob names, folders listed recursively."""
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(conf)
    statuses = fs.globStatus(path)
    if not statuses:
        raise UsageError(f"no input matches {pattern!r}")
    out: list[tuple[str, int, bool]] = []
    for status in statuses:
        if not status.isDirectory():
            out.append((status.getPath().toString(), status.getLen(), True))
            continue
        found = []
        files = fs.listFiles(status.getPath(), True)
        while files.hasNext():
            item = files.next()
            found.append((item.getPath().toString(), item.getLen(), False))
        out += sorted(found)
    return out


def _remote_inputs(spark: Any, pattern: str, seen: set[str], skipped: Counter[str]) -> list[InputFile]:
    files = []
    for uri, size, explicit in _hadoop_files(spark, pattern):
        hidden = any(part.startswith((".", "_")) for part in urlsplit(uri).path.split("/") if part)
        fmt = format_by_name(uri) or ("auto" if explicit else None)
        if uri in seen or (hidden and not explicit):
            continue
        if fmt is None:
            skipped["file of unknown type"] += 1
            continue
        seen.add(uri)
        files.append(InputFile(uri, fmt, size))
    return files


def list_inputs(spark: Any, inputs: Sequence[str], exclude: Iterable[str] = ()) -> tuple[list[InputFile], Counter[str]]:
    """Input files in argument order, each once. Plain paths are expanded by ``newsmeta batch``'s own
    :func:`~newsmeta.batch.inputs.expand_inputs` (same files, same names, hence same ids); URIs
    (``hdfs://``, ``s3a://``, ``file:``...) by the Hadoop filesystem of the Spark session."""
    if not inputs:
        raise UsageError("no input given")
    files: list[InputFile] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for arg in inputs:
        if urlsplit(arg).scheme and len(urlsplit(arg).scheme) > 1:
            files += _remote_inputs(spark, arg, seen, skipped)
            continue
        found, left_out = expand_inputs([arg], exclude=[*exclude, *(f.path for f in files if is_local(f.path))])
        files += found
        skipped += left_out
    return files, skipped


def plan_tasks(files: Sequence[InputFile], parallelism: int, slices: int | None = None) -> list[Task]:
    """Tasks for the input files: archives and JSON Lines are cut into ``slices`` parts each (default:
    enough for every core to have work), other files are one task each."""
    multi = sum(1 for f in files if f.fmt in _MULTI or f.fmt == "auto")
    parts = (slices or max(1, math.ceil(parallelism / multi))) if multi else 1
    tasks = []
    for f in files:
        path = os.path.abspath(f.path) if not urlsplit(f.path).scheme else f.path
        n = parts if f.fmt in _MULTI or f.fmt == "auto" else 1
        tasks += [Task(f.path, path, f.fmt, f.size, part, n) for part in range(n)]
    return tasks


def assign_partitions(tasks: Sequence[Task], parallelism: int) -> list[tuple[int, tuple[Any, ...]]]:
    """(partition, task row) pairs: each archive slice alone in its partition, one-page files spread over
    at most ``4 * parallelism`` partitions (not one tiny task per page)."""
    slices = [t for t in tasks if t.fmt in _MULTI or t.fmt == "auto"]
    pages = [t for t in tasks if not (t.fmt in _MULTI or t.fmt == "auto")]
    groups = max(1, min(len(pages), 4 * parallelism))
    keyed = [(n, t) for n, t in enumerate(slices)] + [(len(slices) + n % groups, t) for n, t in enumerate(pages)]
    return [(n, (t.label, t.path, t.fmt, t.size, t.part, t.parts)) for n, t in keyed]


def _identity(key: int) -> int:
    return key


# --- DataFrames -----------------------------------------------------------------------------------------

class _CounterParam:
    """Accumulator parameter: Counters added up (skipped items by reason)."""

    def zero(self, value: Counter[str]) -> Counter[str]:
        return Counter()

    def addInPlace(self, a: Counter[str], b: Counter[str]) -> Counter[str]:  # noqa: N802 - Spark's name
        a.update(b)
        return a


def read_archives(
    spark: Any,
    inputs: Sequence[str],
    *,
    timeout: float = 30.0,
    max_record_bytes: int = MAX_RECORD_BYTES,
    fields: JsonlFields | None = None,
    slices: int | None = None,
    skipped: Any = None,
) -> Any:
    """A DataFrame of :func:`spark_schema` rows: one per input record, an article or an error entry.

    ``inputs``: paths, folders and globs as ``newsmeta batch`` takes them, or URIs of any Hadoop filesystem
    Spark can list (``hdfs://``, ``s3a://``...; the tasks read these with fsspec, else pyarrow). Ids and
    error entries are those of ``newsmeta batch``; the rows are not in input order. ``slices``: tasks per
    archive (default: enough for every core). ``skipped``: an accumulator (see :func:`skipped_accumulator`)
    that counts the items skipped (requests, non-HTML responses...) once the DataFrame has been computed.
    """
    files, _ = list_inputs(spark, inputs)
    settings = Settings(timeout, max_record_bytes, fields or JsonlFields())
    return read_files(spark, files, settings, slices=slices, skipped=skipped)


def read_files(spark: Any, files: Sequence[InputFile], settings: Settings, *, slices: int | None = None,
               skipped: Any = None) -> Any:
    """:func:`read_archives` for input files already listed (by :func:`list_inputs`)."""
    sc = spark.sparkContext
    tasks = plan_tasks(files, sc.defaultParallelism, slices)
    keyed = assign_partitions(tasks, sc.defaultParallelism)
    count = max((k for k, _ in keyed), default=0) + 1
    rows = sc.parallelize(keyed, min(count, max(1, sc.defaultParallelism))).partitionBy(count, _identity).values()
    table = spark.createDataFrame(rows, _TASK_SCHEMA)
    return table.mapInArrow(_FilePartition(settings, skipped), spark_schema())


def skipped_accumulator(spark: Any) -> Any:
    """A Spark accumulator of skipped items by reason, for :func:`read_archives`."""
    return spark.sparkContext.accumulator(Counter(), _CounterParam())


@dataclass(frozen=True)
class Columns:
    """Which columns of a DataFrame hold what (``None``: no such column)."""

    html: str | None = "html"
    text: str | None = None
    url: str | None = "url"
    captured: str | None = None
    id: str | None = None
    content_type: str | None = None


def _row_record(row: dict[str, Any], rid: str) -> Record:
    """A DataFrame row (canonical column names) -> a record: its HTML, else its text as a capture."""
    html, text = row.get("html"), row.get("text")
    text_only = html in (None, "", b"") and text not in (None, "")
    payload = text if text_only else (html if html not in (None, "", b"") else None)
    captured = row.get("captured")
    notes: tuple[str, ...] = ()
    if captured is not None and not hasattr(captured, "isoformat"):
        parsed = parse_captured(captured)
        notes = () if parsed is not None else (f"spark: capture time {captured!r} not understood",)
        captured = parsed
    if isinstance(payload, bytearray):
        payload = bytes(payload)
    source = {"kind": "capture" if text_only else "html"}
    return Record(rid, source, payload=payload, url=row.get("url"), captured=captured,
                  content_type=row.get("content_type"), text_only=text_only, notes=notes)


class _RowPartition:
    """The ``mapInArrow`` function of :func:`extract_articles`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = context.partitionId() if context is not None else 0
        extractor = _Extractor(self.settings)
        with extractor.timer():
            n = 0
            for batch in batches:
                records = []
                for row in batch.to_pylist():
                    rid = row.get("id")
                    records.append(_row_record(row, str(rid) if rid is not None else f"row:{partition}#{n}"))
                    n += 1
                yield from extractor.batches(records)


def extract_articles(df: Any, columns: Columns | None = None, *, timeout: float = 30.0) -> Any:
    """Map a DataFrame of pages to a DataFrame of :func:`spark_schema` rows, one per input row.

    ``columns`` names the input columns (default: ``html`` and ``url``); ``html`` may be text or binary (any
    encoding; a ``content_type`` column gives the charset), ``text`` a markup-less capture used when the
    HTML is empty, ``captured`` a timestamp, date, ISO text or Unix seconds. The output ``id`` is the ``id``
    column as text; without one, ``row:<partition>#<n>`` (stable only for the same partitioning). A row
    without content, or whose extraction fails, is an error row.
    """
    from pyspark.sql import functions as F  # noqa: N812 - Spark's convention

    columns = columns or Columns()
    names = {k: v for k, v in vars(columns).items() if v is not None}
    missing = [v for v in names.values() if v not in df.columns]
    if missing:
        raise ValueError(f"no such column(s): {', '.join(missing)}; the DataFrame has {', '.join(df.columns)}")
    if "html" not in names and "text" not in names:
        raise ValueError("extract_articles() needs an html or a text column")
    selected = df.select(*[F.col(v).alias(k) for k, v in names.items()])
    return selected.mapInArrow(_RowPartition(Settings(timeout)), spark_schema())


# --- the job ----------------------------------------------------------------------------------------------

def session(master: str | None = None, app_name: str = "newsmeta") -> Any:
    """The active Spark session, or a new one (``master``: e.g. ``local[*]``; default: spark-submit's)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def _present(name: str, dtype: Any) -> Any:
    """A Spark condition: the field is set (as the batch summary counts it: not empty)."""
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import ArrayType, MapType, StringType

    column = F.col(name)
    if isinstance(dtype, (ArrayType, MapType)):
        return F.size(column) > 0
    if isinstance(dtype, StringType):
        return column.isNotNull() & (column != "")
    return column.isNotNull()


def summarize(table: Any, skipped: Counter[str] | None = None, elapsed: float = 0.0) -> Summary:
    """A :class:`~newsmeta.batch.Summary` of a DataFrame of records (one aggregation over it)."""
    from pyspark.sql import functions as F  # noqa: N812

    types = {f.name: f.dataType for f in table.schema.fields}
    coverage = [F.sum(F.when(F.col("error").isNull() & _present(name, types[name]), 1).otherwise(0)).alias(name)
                for name in COVERAGE_FIELDS]
    grouped = table.groupBy(F.col("source.kind").alias("_kind"), F.col("error.kind").alias("_error"))
    summary = Summary(fields=COVERAGE_FIELDS, skipped=Counter(skipped or {}), elapsed=elapsed)
    for row in grouped.agg(F.count(F.lit(1)).alias("_count"), *coverage).collect():
        count = row["_count"]
        summary.records += count
        summary.by_kind[row["_kind"]] += count
        if row["_error"] is None:
            summary.articles += count
            summary.coverage.update({name: row[name] for name in COVERAGE_FIELDS if row[name]})
        else:
            summary.errors += count
            summary.error_kinds[row["_error"]] += count
    return summary


def run(
    inputs: Sequence[str],
    output: str,
    *,
    master: str | None = None,
    spark: Any = None,
    overwrite: bool = False,
    timeout: float = 30.0,
    max_record_bytes: int = MAX_RECORD_BYTES,
    fields: JsonlFields | None = None,
    slices: int | None = None,
    partitions: int | None = None,
) -> Summary:
    """``newsmeta batch`` on Spark: every record of the inputs into the Parquet folder ``output``.

    ``output`` may be any path Spark writes to (a local folder, ``hdfs://``, ``s3a://``...).
    ``partitions``: output files (default: one per task). Raises :class:`UsageError` for bad arguments.
    """
    if timeout < 0:
        raise UsageError("--timeout must be 0 (none) or more seconds")
    if is_local(output) and os.path.exists(_local_path(output)) and not overwrite:
        raise UsageError(f"{output} exists (--overwrite replaces it)")
    started = time.monotonic()
    spark = spark or session(master)
    skipped = skipped_accumulator(spark)
    files, skipped_files = list_inputs(spark, inputs, exclude=[output] if is_local(output) else [])
    settings = Settings(timeout, max_record_bytes, fields or JsonlFields())
    frame = read_files(spark, files, settings, slices=slices, skipped=skipped)
    if partitions:
        frame = frame.repartition(partitions)
    frame.write.mode("overwrite" if overwrite else "errorifexists").parquet(output)
    counts = Counter(skipped.value) + skipped_files
    return summarize(spark.read.parquet(output), counts, time.monotonic() - started)


# --- command line -------------------------------------------------------------------------------------------

DESCRIPTION = """\
Run `newsmeta batch` on Spark: the same records, ids and error entries, written as a Parquet folder.
INPUT: files, folders and globs as for `newsmeta batch`, or Hadoop filesystem URIs (hdfs://, s3a://...).
Exit status: 0 all records extracted, 1 some failed (all reported), 2 usage error.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``spark`` options to a parser (``newsmeta spark`` or ``python -m newsmeta.spark``)."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, glob or Hadoop URI")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.parquet", help="output Parquet folder")
    parser.add_argument("--master", help="Spark master, e.g. local[*] (default: from spark-submit or the config)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="time limit per record (default 30; 0: none)")
    parser.add_argument("--slices", type=int, metavar="N",
                        help="tasks per archive or JSON Lines file (default: enough for every core)")
    parser.add_argument("--partitions", type=int, metavar="N", help="output files (default: one per task)")
    parser.add_argument("--max-record-bytes", type=int, default=MAX_RECORD_BYTES, metavar="N",
                        help=f"size limit of one record (default {MAX_RECORD_BYTES})")
    parser.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON to FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmeta spark", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return parser


def main(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    """Run ``newsmeta spark`` (parsed arguments, or an argv list); returns the exit status."""
    if not isinstance(args, argparse.Namespace):
        args = build_parser().parse_args(args)
    try:
        summary = run(args.inputs, args.output, master=args.master, overwrite=args.overwrite, timeout=args.timeout,
                      slices=args.slices, partitions=args.partitions, max_record_bytes=args.max_record_bytes)
    except ImportError as exc:
        print(f"newsmeta spark: needs pyspark: pip install 'newsmeta[spark]' ({exc})", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"newsmeta spark: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        if type(exc).__name__ != "AnalysisException":  # Spark's word for a bad path or output
            raise
        print(f"newsmeta spark: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(summary.format().replace("newsmeta batch", "newsmeta spark", 1), file=sys.stderr)
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    return summary.exit_code


__all__ = [
    "Columns", "Settings", "Task", "add_arguments", "extract_articles", "list_inputs", "main", "read_archives",
    "read_files", "run", "session", "spark_schema", "summarize",
]

if __name__ == "__main__":
    sys.exit(main())
