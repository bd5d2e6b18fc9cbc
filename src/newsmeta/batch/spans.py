"""Cutting a record-by-record gzipped WARC into spans for the workers, without decompressing it.

Each gzip member of such a WARC holds one record, so a span from one member start to the next holds one
record. Member starts are found by their bytes: the gzip magic, followed by data that inflates to a WARC
header. Such bytes can also occur inside a member (an archived ``.warc.gz`` kept uncompressed in a record):
the worker reading the span before tells where its record really ended, and the runner drops the spans
that start inside a record it has read.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from typing import IO

from .inputs import GZIP_MAGIC, InputFile
from .warc import Cursor, inflates_to_header

_CHUNK = 1 << 20


def spans(inp: InputFile, cursor: Cursor) -> Iterator[tuple[int, int]] | None:
    """``[start, stop)`` byte spans of a record-by-record gzipped WARC, one per gzip member that opens with
    a WARC header (workers read them with :func:`~.warc.read_span`). ``None`` when the file is not such a
    WARC (plain, ARC, or gzipped as a whole): it is then read in order by :func:`~.warc.read_warc`."""
    fh = open(inp.path, "rb")  # noqa: SIM115 - closed by the generator
    if not _first_member_is_one_record(fh):
        fh.close()
        return None

    def generate() -> Iterator[tuple[int, int]]:
        with fh:
            cursor.fh = fh
            size = os.fstat(fh.fileno()).st_size
            previous: int | None = None
            for candidate in _candidates(fh):
                if previous is not None:
                    yield previous, candidate
                previous = candidate
            if previous is not None:
                yield previous, size

    return generate()


def _first_member_is_one_record(fh: IO[bytes]) -> bool:
    """The file is gzipped record by record: its first gzip member holds exactly one WARC record."""
    fh.seek(0)
    inflater = zlib.decompressobj(31)
    head, size, read = b"", 0, 0
    try:
        while not inflater.eof:
            chunk = fh.read(_CHUNK)
            read += len(chunk)
            if not chunk or read > 16 * _CHUNK:
                return False  # one member for the whole file (or a huge first record): read in order
            out = inflater.decompress(chunk)
            size += len(out)
            if len(head) < 65536:
                head += out[: 65536 - len(head)]
    except zlib.error:
        return False
    match = re.match(rb"WARC/1\.\d\r\n(.*?)\r\n\r\n", head, re.S)
    length = re.search(rb"(?im)^content-length:\s*(\d+)", match.group(1)) if match else None
    if match is None or length is None:
        return False
    return size <= match.end() + int(length.group(1)) + 8  # the record and its closing blank lines


def _candidates(fh: IO[bytes]) -> Iterator[int]:
    """Offsets of the gzip members that start with a WARC header, scanning the compressed bytes."""
    marker = GZIP_MAGIC + b"\x08"
    pos = 0
    while True:
        fh.seek(pos)
        buf = fh.read(_CHUNK + 4096)
        if not buf:
            return
        at = buf.find(marker)
        while 0 <= at < _CHUNK:
            if inflates_to_header(buf[at:at + 4096]):
                yield pos + at
            at = buf.find(marker, at + 1)
        if len(buf) <= _CHUNK:
            return
        pos += _CHUNK
