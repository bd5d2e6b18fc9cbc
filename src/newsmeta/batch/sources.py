"""Input files -> a stream of records with stable ids (page files, JSON Lines, and WARC via :mod:`.warc`)."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import IO, Any

from .inputs import GZIP_MAGIC, InputFile
from .records import Record, Skipped
from .spans import spans
from .warc import Cursor, End, read_span, read_warc

#: Default size limit of one record (a page, a WARC payload or a JSON line).
MAX_RECORD_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which keys of a JSON Lines object hold the page (HTML), the text capture, the URL and the capture time.

    The first key present (and not empty) wins.
    """

    html: tuple[str, ...] = ("html", "raw_html", "content_html", "page", "content")
    text: tuple[str, ...] = ("text", "capture", "plain_text")
    url: tuple[str, ...] = ("url", "target_uri", "uri", "link")
    captured: tuple[str, ...] = ("captured", "crawl_date", "fetch_time", "timestamp", "date")


class SourceStream:
    """All records of the input files, in order; tells how many input bytes have been read so far."""

    def __init__(self, files: Sequence[InputFile], fields: JsonlFields | None = None,
                 max_bytes: int = MAX_RECORD_BYTES) -> None:
        self.files = list(files)
        self.fields = fields or JsonlFields()
        self.max_bytes = max_bytes
        self.bytes_total = sum(f.size for f in self.files)
        self._bytes_before = 0
        self._cursor = Cursor()

    @property
    def bytes_done(self) -> int:
        return self._bytes_before + self._cursor.tell()

    def __iter__(self) -> Iterator[Record | Skipped]:
        for inp in self.files:
            self._cursor.fh = None
            if inp.fmt == "warc":
                yield from self._warc(inp)
            elif inp.fmt == "jsonl":
                yield from _read_jsonl(inp, self.max_bytes, self._cursor)
            else:  # read by the worker
                yield Record(inp.path, {"path": inp.path, "kind": inp.fmt}, todo="page-file")
            self._cursor.fh = None
            self._bytes_before += inp.size

    def _warc(self, inp: InputFile) -> Iterator[Record | Skipped]:
        """A gzipped WARC as spans for the workers to read, any other archive read here in order."""
        offset = 0
        try:
            found = spans(inp, self._cursor)
            if found is None:
                for item in read_warc(inp, self.max_bytes, self._cursor):
                    offset = self._cursor.tell()
                    yield item
                return
            for start, stop in found:
                offset = stop
                source = {"path": inp.path, "kind": "warc", "offset": start}
                yield Record(f"{inp.path}#{start}", source, todo="warc-span", span=(start, stop))
        except OSError as exc:  # the file cannot be opened, or a disk error: the rest of the file is lost
            where = f"{inp.path}#{offset}" if offset else inp.path
            source = {"path": inp.path, "kind": "warc", **({"offset": offset} if offset else {})}
            yield Record(where, source, error=("ReadError", f"cannot read file: {exc}"))


@contextmanager
def _open(path: str) -> Iterator[IO[bytes]]:
    """A file opened for reading, gunzipped when it starts with the gzip magic (works on pipes too)."""
    with open(path, "rb") as fh:
        if fh.peek(2)[:2] != GZIP_MAGIC:
            yield fh
            return
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            yield gz  # type: ignore[misc]


_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def _read_page(inp: InputFile, max_bytes: int) -> Record:
    """A one-page file (HTML or text capture, maybe gzipped) as one record, keyed by its path."""
    source = {"path": inp.path, "kind": inp.fmt}
    try:
        with _open(inp.path) as fh:
            data = fh.read(max_bytes + 1)
    except _GZIP_ERRORS as exc:
        return Record(inp.path, source, error=("CorruptInput", f"corrupt gzip data: {exc}"))
    except OSError as exc:
        return Record(inp.path, source, error=("ReadError", f"cannot read file: {exc}"))
    if len(data) > max_bytes:
        return Record(inp.path, source, error=("TooLarge", f"file larger than {max_bytes} bytes"))
    return Record(inp.path, source, payload=data)


def _read_jsonl(inp: InputFile, max_bytes: int, cursor: Cursor) -> Iterator[Record]:
    """One record per non-blank line, keyed by ``path#offset`` (offset of the line in the uncompressed file);
    the line is parsed in the worker (:func:`parse_jsonl_line`)."""
    offset = 0
    try:
        with _open(inp.path) as fh:
            cursor.fh = getattr(fh, "fileobj", None) or fh  # the compressed file, for progress in bytes
            lineno = 0
            while line := fh.readline(max_bytes + 1):
                start, lineno = offset, lineno + 1
                offset += len(line)
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while rest := fh.readline(_CHUNK):
                        offset += len(rest)
                        if rest.endswith(b"\n"):
                            break
                    yield _jsonl_error(inp, start, lineno, "TooLarge", f"line longer than {max_bytes} bytes")
                elif line.strip():
                    yield Record(f"{inp.path}#{start}", _jsonl_source(inp, start, lineno), payload=line,
                                 todo="jsonl-line")
    except _GZIP_ERRORS as exc:
        yield _jsonl_error(inp, offset, None, "CorruptInput", f"corrupt gzip data: {exc}")
    except OSError as exc:
        yield _jsonl_error(inp, offset, None, "ReadError", f"cannot read file: {exc}")



def _jsonl_source(inp: InputFile, offset: int, lineno: int | None) -> dict[str, Any]:
    source: dict[str, Any] = {"path": inp.path, "kind": "jsonl", "offset": offset}
    if lineno is not None:
        source["line"] = lineno
    return source


def _jsonl_error(inp: InputFile, offset: int, lineno: int | None, kind: str, message: str) -> Record:
    return Record(f"{inp.path}#{offset}", _jsonl_source(inp, offset, lineno), error=(kind, message))


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, Any] | None:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return key, value
    return None


def task_records(task: Record, fields: JsonlFields, max_bytes: int) -> tuple[Iterator[Record | Skipped], End | None]:
    """The records a task stands for (see :attr:`Record.todo`), read in the worker; for a WARC span also
    where its last record ended (known once the records are consumed)."""
    if task.todo == "warc-span" and task.span is not None:
        inp = InputFile(str(task.source["path"]), "warc", 0)
        return read_span(inp, task.span[0], task.span[1], max_bytes, first_done=task.first_done)
    if task.todo == "jsonl-line":
        return iter([parse_jsonl_line(task, fields)]), None
    if task.todo == "page-file":
        return iter([_read_page(InputFile(str(task.source["path"]), task.kind, 0), max_bytes)]), None
    return iter([task]), None


def parse_jsonl_line(record: Record, fields: JsonlFields) -> Record:
    """The record a JSON Lines line (in ``record.payload``) holds, or the line's error."""
    def failed(kind: str, message: str) -> Record:
        return Record(record.id, record.source, error=(kind, message))

    try:
        obj = json.loads(record.payload or b"")
    except ValueError as exc:
        return failed("CorruptInput", f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return failed("CorruptInput", "line is no JSON object")
    html, text = _first(obj, fields.html), _first(obj, fields.text)
    found = html or text
    if found is None:
        return failed("MissingField", f"no page or text field (looked for {', '.join(fields.html + fields.text)})")
    key, value = found
    if not isinstance(value, str):
        return failed("MissingField", f"field {key!r} is no string")
    url = _first(obj, fields.url)
    captured_field = _first(obj, fields.captured)
    captured: date | datetime | None = None
    notes: tuple[str, ...] = ()
    if captured_field is not None:
        captured = parse_captured(captured_field[1])
        if captured is None:
            notes = (f"batch: capture time {captured_field[1]!r} in field {captured_field[0]!r} not understood",)
    return Record(
        record.id, record.source, payload=value, url=url[1] if url and isinstance(url[1], str) else None,
        captured=captured, text_only=html is None, notes=notes,
    )


def parse_captured(value: Any) -> date | datetime | None:
    """A capture time from JSON: ISO 8601 text (a day or an instant) or Unix seconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        return None
