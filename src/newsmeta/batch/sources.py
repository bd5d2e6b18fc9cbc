"""Input files -> a stream of records with stable ids (page files, JSON Lines, and WARC via :mod:`.warc`)."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import IO, Any

from .inputs import GZIP_MAGIC, InputFile
from .records import Record, Skipped
from .warc import Cursor, read_warc

#: Default size limit of one record (a page, a WARC payload or a JSON line).
MAX_RECORD_BYTES = 64 * 1024 * 1024


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
                yield from read_warc(inp, self.max_bytes, self._cursor)
            elif inp.fmt == "jsonl":
                yield from _read_jsonl(inp, self.fields, self.max_bytes, self._cursor)
            else:
                yield _read_page(inp, self.max_bytes)
            self._cursor.fh = None
            self._bytes_before += inp.size


def _open(path: str) -> IO[bytes]:
    """A file opened for reading, transparently gunzipped when it starts with the gzip magic."""
    fh = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    if fh.read(2) == GZIP_MAGIC:
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh, mode="rb")
    fh.seek(0)
    return fh


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


def _read_jsonl(inp: InputFile, fields: JsonlFields, max_bytes: int, cursor: Cursor) -> Iterator[Record]:
    """One record per non-blank line, keyed by ``path#offset`` (offset of the line in the uncompressed file)."""
    offset = 0
    try:
        with _open(inp.path) as fh:
            cursor.fh = getattr(fh, "fileobj", None) or fh
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
                    yield _jsonl_record(inp, start, lineno, line, fields)
    except _GZIP_ERRORS as exc:
        yield _jsonl_error(inp, offset, None, "CorruptInput", f"corrupt gzip data: {exc}")
    except OSError as exc:
        yield _jsonl_error(inp, offset, None, "ReadError", f"cannot read file: {exc}")


_CHUNK = 1 << 20


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


def _jsonl_record(inp: InputFile, offset: int, lineno: int, line: bytes, fields: JsonlFields) -> Record:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return _jsonl_error(inp, offset, lineno, "CorruptInput", f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return _jsonl_error(inp, offset, lineno, "CorruptInput", "line is no JSON object")
    html, text = _first(obj, fields.html), _first(obj, fields.text)
    found = html or text
    if found is None:
        wanted = ", ".join(fields.html + fields.text)
        return _jsonl_error(inp, offset, lineno, "MissingField", f"no page or text field (looked for {wanted})")
    key, value = found
    if not isinstance(value, str):
        return _jsonl_error(inp, offset, lineno, "MissingField", f"field {key!r} is no string")
    url = _first(obj, fields.url)
    captured_field = _first(obj, fields.captured)
    captured, notes = None, ()
    if captured_field is not None:
        captured = parse_captured(captured_field[1])
        if captured is None:
            notes = (f"batch: capture time {captured_field[1]!r} in field {captured_field[0]!r} not understood",)
    return Record(
        f"{inp.path}#{offset}", _jsonl_source(inp, offset, lineno), payload=value,
        url=url[1] if url and isinstance(url[1], str) else None,
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
