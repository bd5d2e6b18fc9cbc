"""WARC, WET and ARC files -> records, streamed with warcio, one record in memory at a time.

Response records (and HTML resource records) become ``warc`` records: the HTTP payload (decoded from any
transfer or content encoding) with the HTTP ``Content-Type`` for the charset. Conversion records (WET)
become ``wet`` text records. Other records (requests, metadata, revisits, non-HTML or non-2xx responses)
are skipped and counted. A corrupt or truncated part is reported as one ``CorruptInput`` record at its
offset, and reading goes on at the next record that can be found.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from .inputs import GZIP_MAGIC, InputFile
from .records import Record, Skipped

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"}
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


def read_warc(inp: InputFile, max_bytes: int, cursor: Cursor) -> Iterator[Record | Skipped]:
    """Records of one WARC/WET/ARC file, plain or gzip-compressed (record by record or as a whole)."""
    with open(inp.path, "rb") as fh:
        cursor.fh = fh
        gz = fh.read(2) == GZIP_MAGIC
        start: int | None = 0
        yielded = 0
        while start is not None:
            fh.seek(start)
            it = ArchiveIterator(fh, arc2warc=True)
            try:
                for rec in it:
                    yielded += 1
                    yield _convert(rec, it.offset, inp, max_bytes)
                start = None
            except Exception as exc:  # noqa: BLE001 - any failure of the parser is a corrupt input
                if gz and "non-chunked gzip" in str(exc):
                    yield from _read_gzip_stream(inp, max_bytes, skip=yielded)
                    return
                offset = it.offset
                yield _corrupt(inp, offset, exc)
                start = _resync(fh, offset + 1, gz)


def _read_gzip_stream(inp: InputFile, max_bytes: int, skip: int) -> Iterator[Record | Skipped]:
    """A WARC gzipped as one whole (not per record): read as one stream; offsets are uncompressed ones."""
    with gzip.open(inp.path, "rb") as stream:
        it = ArchiveIterator(stream, arc2warc=True)
        try:
            for n, rec in enumerate(it):
                if n >= skip:
                    yield _convert(rec, it.offset, inp, max_bytes)
        except Exception as exc:  # noqa: BLE001
            yield _corrupt(inp, it.offset, exc)


def _source(inp: InputFile, kind: str, offset: int, record_id: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"path": inp.path, "kind": kind, "offset": offset}
    if record_id:
        source["record_id"] = record_id
    return source


def _corrupt(inp: InputFile, offset: int, exc: BaseException) -> Record:
    message = f"unreadable WARC data at offset {offset}: {type(exc).__name__}: {exc}".strip()
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


def _convert(rec: Any, offset: int, inp: InputFile, max_bytes: int) -> Record | Skipped:
    """One warcio record -> a record to extract, a failed record, or a skipped item."""
    headers = rec.rec_headers
    rtype = rec.rec_type
    kind, text_only = "warc", False
    if rtype == "response":
        http = rec.http_headers
        if http is None:
            return Skipped(inp.path, "non-HTTP response record")
        status = (http.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return Skipped(inp.path, f"HTTP status {status[:1] or '?'}xx")
        content_type = http.get_header("Content-Type")
    elif rtype == "resource":
        content_type = headers.get_header("Content-Type")
    elif rtype == "conversion":
        kind, text_only = "wet", True
        content_type = headers.get_header("Content-Type")
    else:
        return Skipped(inp.path, f"WARC {rtype} record")
    mime = _mime(content_type)
    if not text_only and mime and mime not in _HTML_TYPES:
        return Skipped(inp.path, "non-HTML record")

    record_id = headers.get_header("WARC-Record-ID")
    rid = record_id or f"{inp.path}#{offset}"
    source = _source(inp, kind, offset, record_id)
    url = headers.get_header("WARC-Target-URI")
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Record(rid, source, url=url, error=("TooLarge", f"payload larger than {max_bytes} bytes"))
    missing = getattr(rec.raw_stream, "limit", 0) or 0
    if missing > 0:
        return Record(rid, source, url=url, error=(
            "CorruptInput", f"truncated record: {missing} bytes of its block are missing"))
    if not mime and not text_only and not _MARKUP.search(data[:4096]):
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
    try:
        head = zlib.decompressobj(31).decompress(fh.read(8192), 16)
    except zlib.error:
        return False
    return head.startswith((b"WARC/", b"filedesc://"))
