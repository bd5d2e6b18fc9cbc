"""WARC, WET and ARC files -> records, streamed with warcio, one record in memory at a time.

Response records (and HTML resource records) become ``warc`` records: the HTTP payload (decoded from any
transfer or content encoding) with the HTTP ``Content-Type`` for the charset. Conversion records (WET)
become ``wet`` text records. Other records (requests, metadata, revisits, non-HTML or non-2xx responses)
are skipped and counted. A corrupt or truncated part is reported as one ``CorruptInput`` record at its
offset, and reading goes on at the next record that can be found.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator, ARCIterator, WARCIterator

from .inputs import GZIP_MAGIC, InputFile
from .records import Record, Skipped

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"}
_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
_MARKUP = re.compile(rb"<(?:!doctype|html|head|body|meta|title)\b", re.I)
_CHUNK = 1 << 20


class Cursor:
    """The file being read, so that progress can be told in bytes."""

    fh: IO[bytes] | None = None

    def tell(self) -> int:
        try:
            return self.fh.tell() if self.fh is not None and not self.fh.closed else 0
        except (OSError, ValueError):
            return 0


class End:
    """Where reading stopped: the end of the last record read, or the next readable record after bad data."""

    offset = 0


class _BadRecord(Exception):
    def __init__(self, record: Record) -> None:
        super().__init__(record.id)
        self.record = record


class _NonChunked(Exception):
    """A gzip member holds more than one record (the whole file was gzipped at once)."""


def read_warc(inp: InputFile, max_bytes: int, cursor: Cursor) -> Iterator[Record | Skipped]:
    """Records of one WARC/WET/ARC file, plain or gzipped (record by record or as a whole), read in order."""
    with open(inp.path, "rb") as fh:
        cursor.fh = fh
        gz = fh.read(2) == GZIP_MAGIC
        arc = _is_arc(fh, gz)
        yielded = 0
        try:
            for item in _records(fh, inp, gz, max_bytes, 0, None, End(), arc=arc):
                yielded += 1
                yield item
        except _NonChunked:
            yield from _read_gzip_stream(inp, max_bytes, skip=yielded, arc=arc)


def _is_arc(fh: IO[bytes], gz: bool) -> bool:
    """The file is an ARC file (the WARC format's predecessor), from its first bytes."""
    fh.seek(0)
    head = fh.read(4096)
    if gz:
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith(b"filedesc://")


def _iterator(fh: IO[bytes], arc: bool) -> ArchiveIterator:
    """warcio's reader for one format: data of the other format is then an error, not a record made up
    (ARC records become WARC records with a new random WARC-Record-ID each time: no id to keep)."""
    return ARCIterator(fh, arc2warc=True) if arc else WARCIterator(fh)


def read_span(inp: InputFile, start: int, stop: int, max_bytes: int, first_done: bool = False,
              ) -> tuple[Iterator[Record | Skipped], End]:
    """The records of a gzipped WARC whose members start in ``[start, stop)`` (the last one may end past
    ``stop``); the returned ``End`` tells, once the records are consumed, where the last one ended.
    ``first_done``: the record at ``start`` is written already (``--resume``): only find where it ends."""
    end = End()
    end.offset = start

    def items() -> Iterator[Record | Skipped]:
        with open(inp.path, "rb") as fh:
            try:
                yield from _records(fh, inp, True, max_bytes, start, stop, end, start if first_done else None)
            except _NonChunked:
                yield _corrupt(inp, start, "a gzip member holds more than one record")
                end.offset = _resync(fh, start + 1, True) or os.fstat(fh.fileno()).st_size

    return items(), end


def _records(fh: IO[bytes], inp: InputFile, gz: bool, max_bytes: int, start: int, stop: int | None,
             end: End, done_at: int | None = None, arc: bool = False) -> Iterator[Record | Skipped]:
    """Records from ``start`` on, until one ends at or after ``stop`` (or the end of the file). Bad data is
    reported as one ``CorruptInput`` record, and reading goes on at the next readable record. The record at
    ``done_at`` is only read through, not returned (it is written already)."""
    at: int | None = start
    while at is not None and (stop is None or at < stop):
        fh.seek(at)
        it = _iterator(fh, arc)
        try:
            for rec in it:
                offset = it.offset
                item = _convert(rec, offset, inp, max_bytes, check_only=offset == done_at, arc=arc)
                if isinstance(item, Record) and item.error and item.error[0] == "CorruptInput":
                    raise _BadRecord(item)  # what follows a broken header is not to be trusted
                it.read_to_end()
                end.offset = it.offset
                if item is not None and offset != done_at:
                    yield item
                if stop is not None and it.offset >= stop:
                    return
        except _BadRecord as bad:
            offset = int(bad.record.source["offset"])
            if offset != done_at:
                yield bad.record
            at = _resync(fh, offset + 1, gz)
        except Exception as exc:  # noqa: BLE001 - any failure of the parser is a corrupt input
            if gz and "non-chunked gzip" in str(exc):
                raise _NonChunked from exc
            if it.offset != done_at:
                yield _corrupt(inp, it.offset, f"{type(exc).__name__}: {exc}")
            at = _resync(fh, it.offset + 1, gz)
        else:
            at = None
            if _has_data_after(fh, it.offset):  # warcio stops quietly at a record cut short
                yield _corrupt(inp, it.offset, "data after the last readable record (a truncated record?)")
                at = _resync(fh, it.offset + 1, gz)
        end.offset = at if at is not None else os.fstat(fh.fileno()).st_size


def inflates_to_header(data: bytes) -> bool:
    """The bytes open a gzip member whose first bytes are a WARC (or ARC) header."""
    try:
        return zlib.decompressobj(31).decompress(data, 16).startswith((b"WARC/", b"filedesc://"))
    except zlib.error:
        return False


def _read_gzip_stream(inp: InputFile, max_bytes: int, skip: int, arc: bool) -> Iterator[Record | Skipped]:
    """A WARC gzipped as one whole (not per record): read as one stream; offsets are uncompressed ones."""
    with gzip.open(inp.path, "rb") as stream:
        it = _iterator(stream, arc)  # type: ignore[arg-type]
        try:
            for n, rec in enumerate(it):
                if n >= skip and (item := _convert(rec, it.offset, inp, max_bytes, arc=arc)) is not None:
                    yield item
        except Exception as exc:  # noqa: BLE001
            yield _corrupt(inp, it.offset, f"{type(exc).__name__}: {exc}")


def _source(inp: InputFile, kind: str, offset: int, record_id: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"path": inp.path, "kind": kind, "offset": offset}
    if record_id:
        source["record_id"] = record_id
    return source


def _has_data_after(fh: IO[bytes], offset: int) -> bool:
    """Whether anything but blank lines or padding follows ``offset``."""
    fh.seek(offset)
    while chunk := fh.read(_CHUNK):
        if chunk.strip(b"\r\n\t \x00"):
            return True
    return False


def _corrupt(inp: InputFile, offset: int, reason: str) -> Record:
    message = f"unreadable WARC data at offset {offset}: {reason}".strip()
    return Record(f"{inp.path}#{offset}", _source(inp, "warc", offset), error=("CorruptInput", message))


def _captured(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _missing(rec: Any) -> int:
    """Bytes of the record's block that the file does not have (after reading what is left of it)."""
    raw = rec.raw_stream
    if not hasattr(raw, "limit"):
        return 0
    while raw.read(_CHUNK):
        pass
    return int(raw.limit or 0)


def _what(rec: Any) -> tuple[str, bool, str | None] | str:
    """(kind, text_only, content type) of a record to extract, or why it is skipped."""
    rtype = rec.rec_type
    if rtype == "response":
        http = rec.http_headers
        if http is None:
            return "non-HTTP response record"
        status = (http.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return f"HTTP status {status[:1] or '?'}xx"
        content_type = http.get_header("Content-Type")
    elif rtype == "resource":
        content_type = rec.rec_headers.get_header("Content-Type")
    elif rtype == "conversion":
        return "wet", True, rec.rec_headers.get_header("Content-Type")
    else:
        return f"WARC {rtype} record"
    if _mime(content_type) not in _HTML_TYPES | {""}:
        return "non-HTML record"
    return "warc", False, content_type


def _convert(rec: Any, offset: int, inp: InputFile, max_bytes: int, check_only: bool = False,
             arc: bool = False) -> Record | Skipped | None:
    """One warcio record -> a record to extract, a failed record, or a skipped item. ``check_only``: only
    tell a broken record (``None`` for a sound one), without reading its payload into memory."""
    headers = rec.rec_headers
    length = headers.get_header("Content-Length") if headers else None
    if rec.rec_type not in _TYPES or not (length or "").strip().isdigit():
        return _corrupt(inp, offset, "incomplete record header")
    record_id = None if arc else headers.get_header("WARC-Record-ID")
    rid = record_id or f"{inp.path}#{offset}"
    what = _what(rec)
    if isinstance(what, str) or check_only:
        missing = _missing(rec)
        if missing:  # a cut record can look like one to skip (its HTTP headers cut short)
            return Record(rid, _source(inp, "warc", offset, record_id), error=(
                "CorruptInput", f"truncated record: {missing} bytes of its block are missing"))
        return Skipped(inp.path, what) if isinstance(what, str) else None
    kind, text_only, content_type = what
    source = _source(inp, kind, offset, record_id)
    url = headers.get_header("WARC-Target-URI")
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Record(rid, source, url=url, error=("TooLarge", f"payload larger than {max_bytes} bytes"))
    missing = _missing(rec)
    if missing:
        return Record(rid, source, url=url, error=(
            "CorruptInput", f"truncated record: {missing} bytes of its block are missing"))
    if not text_only and not _mime(content_type) and not _MARKUP.search(data[:4096]):
        return Skipped(inp.path, "non-HTML record")
    return Record(
        rid, source, payload=data, url=url, captured=_captured(headers.get_header("WARC-Date")),
        content_type=content_type, text_only=text_only,
    )


def _resync(fh: IO[bytes], pos: int, gz: bool) -> int | None:
    """Offset of the next readable record at or after ``pos``, or ``None`` at the end of the file."""
    marker = GZIP_MAGIC + b"\x08" if gz else b"WARC/1."
    while True:
        fh.seek(pos)
        buf = fh.read(_CHUNK)
        if not buf:
            return None
        at = buf.find(marker)
        while at >= 0:
            if _starts_record(fh, pos + at, gz):
                return pos + at
            at = buf.find(marker, at + 1)
        if len(buf) < _CHUNK:
            return None
        pos += len(buf) - len(marker) + 1


def _starts_record(fh: IO[bytes], candidate: int, gz: bool) -> bool:
    """A found marker starts a record: a gzip member that opens with a WARC/ARC header, or a header line."""
    if not gz:
        if candidate == 0:
            return True
        fh.seek(candidate - 1)
        return fh.read(1) == b"\n"
    fh.seek(candidate)
    return inflates_to_header(fh.read(4096))
