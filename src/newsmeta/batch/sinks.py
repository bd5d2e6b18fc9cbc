"""Output writers: JSON Lines, CSV and SQLite here, Parquet in :mod:`.parquet`.

Every writer can tell which record ids it already holds (for ``--resume``), and writes so that a crash
never leaves a record that breaks readers: the line files get whole lines only (a torn last line, from a
crash in the middle of a write, is cut off on resume), SQLite commits in transactions.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import sys
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any

from .inputs import UsageError
from .records import Result, location
from .schema import csv_columns

FORMATS = ("jsonl", "parquet", "csv", "sqlite")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".csv": "csv",
             ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}
_FLUSH_BYTES = 1 << 20


def format_for(path: str, fmt: str | None) -> str:
    """The output format: the one asked for, else the one the output's name tells, else JSON Lines."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"unknown output format {fmt!r} (one of {', '.join(FORMATS)})")
        return fmt
    return _SUFFIXES.get(os.path.splitext(path.rstrip("/"))[1].lower(), "jsonl")


class Sink(ABC):
    """Where results go."""

    @abstractmethod
    def done(self) -> Iterator[tuple[str, bool]]:
        """``(location, is_error)`` of the records already written (by an earlier, interrupted run); the
        location is where a record was read (see :func:`~newsmeta.batch.records.location`)."""

    @abstractmethod
    def write(self, result: Result) -> None: ...

    @abstractmethod
    def checkpoint(self) -> None:
        """Make what has been written so far durable."""

    @abstractmethod
    def close(self) -> None: ...


class AppendFile:
    """A file that grows by whole records: complete lines are buffered and written together, and
    ``sync`` flushes and fsyncs. ``path`` ``-`` is standard output."""

    def __init__(self, path: str, truncate: bool) -> None:
        self.path = path
        self._stdout = path == "-"
        if self._stdout:
            self._fd = sys.stdout.fileno()
            sys.stdout.flush()
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if truncate else 0)
            self._fd = os.open(path, flags, 0o644)
        self._buffer: list[bytes] = []
        self._size = 0

    def append(self, data: bytes) -> None:
        self._buffer.append(data)
        self._size += len(data)
        if self._size >= _FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        view = memoryview(b"".join(self._buffer))
        self._buffer, self._size = [], 0
        while view:
            view = view[os.write(self._fd, view):]

    def sync(self) -> None:
        self.flush()
        if not self._stdout:
            os.fsync(self._fd)

    def close(self) -> None:
        self.sync()
        if not self._stdout:
            os.close(self._fd)

    @property
    def is_empty(self) -> bool:
        return not self._stdout and os.fstat(self._fd).st_size == 0 and not self._buffer


def cut_torn_line(path: str) -> None:
    """Cut a file after its last newline: drops the tail of a line torn by a crash mid-write."""
    size = os.path.getsize(path)
    with open(path, "r+b") as fh:
        end = size
        while end > 0:
            start = max(0, end - 65536)
            fh.seek(start)
            chunk = fh.read(end - start)
            at = chunk.rfind(b"\n")
            if at >= 0:
                if start + at + 1 < size:
                    fh.truncate(start + at + 1)
                return
            end = start
        fh.truncate(0)


_DECODER = json.JSONDecoder()
_ERROR_KEY = b',"error":{"kind":'
_SOURCE_KEY = ',"source":'


def _line_location(line: bytes) -> tuple[str, bool] | None:
    """Where the record of a JSON Lines output line was read, and whether it is an error entry; read from
    the line's start (``{"id":...,"source":{...}``) without parsing the whole line when possible."""
    try:
        if line.startswith(b'{"id":'):
            head = line[:8192].decode("utf-8", "replace")
            _, at = _DECODER.raw_decode(head, 6)
            if head.startswith(_SOURCE_KEY, at):
                source, _ = _DECODER.raw_decode(head, at + len(_SOURCE_KEY))
                return location(source), _ERROR_KEY in line
        obj = json.loads(line)
        return location(obj["source"]), isinstance(obj.get("error"), dict)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class JsonlSink(Sink):
    """One JSON object per line (UTF-8)."""

    def __init__(self, path: str, resume: bool) -> None:
        if path == "-" and resume:
            raise UsageError("--resume needs an output file, not standard output")
        self.path = path
        if resume and os.path.exists(path):
            cut_torn_line(path)
        self._file = AppendFile(path, truncate=not resume)

    def done(self) -> Iterator[tuple[str, bool]]:
        if self.path == "-" or not os.path.exists(self.path):
            return
        with open(self.path, "rb") as fh:
            for line in fh:
                if line.endswith(b"\n") and (found := _line_location(line)) is not None:
                    yield found

    def write(self, result: Result) -> None:
        self._file.append(_one_line(result.line).encode("utf-8", "surrogatepass") + b"\n")

    def checkpoint(self) -> None:
        self._file.sync()

    def close(self) -> None:
        self._file.close()


_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _one_line(text: str) -> str:
    """JSON text with the characters some readers take for line breaks (U+0085, U+2028, U+2029) escaped."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_BREAKS)
    return text


class CsvSink(Sink):
    """Flattened rows with a header (see :func:`~newsmeta.batch.schema.csv_columns`); ``\\n`` line ends."""

    def __init__(self, path: str, resume: bool) -> None:
        if path == "-" and resume:
            raise UsageError("--resume needs an output file, not standard output")
        self.path = path
        self._columns = csv_columns()
        self._names = [name for name, _ in self._columns]
        self._done: list[tuple[str, bool]] = []
        if resume and os.path.exists(path):
            self._done = self._scan_and_repair()
        self._file = AppendFile(path, truncate=not resume)
        if self._file.is_empty or path == "-":
            self._file.append(self._row(self._names))

    def _row(self, values: list[str]) -> bytes:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(values)
        return out.getvalue().encode("utf-8", "surrogatepass")

    def _scan_and_repair(self) -> list[tuple[str, bool]]:
        """Ids of the complete rows; cuts the file after the last one (a torn row is dropped)."""
        done: list[tuple[str, bool]] = []
        pos = good = 0
        last_complete = True

        def lines(fh: io.BufferedReader) -> Iterator[str]:
            nonlocal pos, last_complete
            for raw in fh:
                pos += len(raw)
                last_complete = raw.endswith(b"\n")
                yield raw.decode("utf-8", "surrogateescape")

        with open(self.path, "rb") as fh:
            reader = csv.reader(lines(fh), strict=True)
            try:
                header = next(reader, None)
                if header is not None and header != self._names:
                    raise UsageError(f"{self.path} has other columns than this version writes; cannot resume it")
                good = pos if header is not None and last_complete else 0
                at = {name: self._names.index(name) for name in ("source.path", "source.offset", "error.kind")}
                for row in reader:
                    if len(row) != len(self._names) or not last_complete:
                        break
                    source = {"path": row[at["source.path"]], "offset": row[at["source.offset"]] or None}
                    done.append((location(source), bool(row[at["error.kind"]])))
                    good = pos
            except csv.Error:
                pass
        if good < os.path.getsize(self.path):
            os.truncate(self.path, good)
        return done

    def done(self) -> Iterator[tuple[str, bool]]:
        return iter(self._done)

    def write(self, result: Result) -> None:
        record = json.loads(result.line)
        self._file.append(self._row([get(record) for _, get in self._columns]))

    def checkpoint(self) -> None:
        self._file.sync()

    def close(self) -> None:
        self._file.close()


_SQL_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, published TEXT, publisher TEXT, language TEXT, title TEXT,
    source_kind TEXT, source_path TEXT, source_offset INTEGER, record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_publisher ON articles(publisher);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
CREATE TABLE IF NOT EXISTS errors (
    id TEXT PRIMARY KEY, kind TEXT, message TEXT, source_kind TEXT, source_path TEXT, source_offset INTEGER,
    record TEXT NOT NULL
);
"""
_UPSERT_ARTICLE = """
INSERT INTO articles (id, url, published, publisher, language, title, source_kind, source_path, source_offset,
    record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET url=excluded.url, published=excluded.published, publisher=excluded.publisher,
    language=excluded.language, title=excluded.title, source_kind=excluded.source_kind,
    source_path=excluded.source_path, source_offset=excluded.source_offset, record=excluded.record
"""
_UPSERT_ERROR = """
INSERT INTO errors (id, kind, message, source_kind, source_path, source_offset, record)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, message=excluded.message, source_kind=excluded.source_kind,
    source_path=excluded.source_path, source_offset=excluded.source_offset, record=excluded.record
"""


class SqliteSink(Sink):
    """An SQLite database: table ``articles`` (the JSON record plus indexed columns) and table ``errors``.

    Rows are upserted by id, so running again over the same input updates instead of duplicating; each id
    is in one table only, the one of its latest outcome.
    """

    def __init__(self, path: str, resume: bool) -> None:
        if path == "-":
            raise UsageError("SQLite output needs a file, not standard output")
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SQL_SCHEMA)

    def done(self) -> Iterator[tuple[str, bool]]:
        for table, is_error in (("articles", False), ("errors", True)):
            for path, offset in self._db.execute(f"SELECT source_path, source_offset FROM {table}"):  # noqa: S608
                yield location({"path": path, "offset": offset}), is_error

    def write(self, result: Result) -> None:
        record: dict[str, Any] = json.loads(result.line)
        source = record.get("source") or {}
        if result.error_kind is None:
            publisher = record.get("publisher") or {}
            self._db.execute(_UPSERT_ARTICLE, (
                result.id, record.get("url"), record.get("published"), publisher.get("name"),
                record.get("language"), record.get("title"), source.get("kind"), source.get("path"),
                source.get("offset"), result.line,
            ))
            self._db.execute("DELETE FROM errors WHERE id = ?", (result.id,))
        else:
            error = record.get("error") or {}
            self._db.execute(_UPSERT_ERROR, (
                result.id, error.get("kind"), error.get("message"), source.get("kind"), source.get("path"),
                source.get("offset"), result.line,
            ))
            self._db.execute("DELETE FROM articles WHERE id = ?", (result.id,))

    def checkpoint(self) -> None:
        self._db.commit()

    def close(self) -> None:
        self._db.commit()
        self._db.close()


def open_sink(fmt: str, path: str, resume: bool) -> Sink:
    """The writer for a format (see :data:`FORMATS`)."""
    if fmt == "jsonl":
        return JsonlSink(path, resume)
    if fmt == "csv":
        return CsvSink(path, resume)
    if fmt == "sqlite":
        return SqliteSink(path, resume)
    if fmt == "parquet":
        from .parquet import ParquetSink

        return ParquetSink(path, resume)
    raise UsageError(f"unknown output format {fmt!r}")
