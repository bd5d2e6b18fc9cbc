"""The units that flow through a batch: input records, skipped items, and output results."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

#: Source kinds, as named in each output record's ``source.kind``.
KINDS = ("html", "capture", "warc", "wet", "jsonl")

_MESSAGE_LIMIT = 1000


@dataclass(slots=True)
class Record:
    """One input record, ready for extraction (or already failed, when ``error`` is set).

    ``id`` is stable across runs: the file path for a one-page file, ``path#offset`` for a JSON Lines line or
    a WARC record without a ``WARC-Record-ID``, else the ``WARC-Record-ID``. ``source`` is written as is into
    the output record. ``payload`` is the raw page (bytes, any encoding) or text.
    """

    id: str
    source: dict[str, Any]
    payload: bytes | str | None = None
    url: str | None = None
    captured: date | datetime | None = None
    content_type: str | None = None
    text_only: bool = False
    notes: tuple[str, ...] = ()
    error: tuple[str, str] | None = None

    @property
    def kind(self) -> str:
        return str(self.source["kind"])


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that is no record to extract (e.g. a WARC request record); counted, not written."""

    path: str
    reason: str


@dataclass(slots=True)
class Result:
    """One output record: the JSON object text of an article or of an error entry."""

    id: str
    kind: str
    line: str
    error_kind: str | None = None
    fields: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.error_kind is None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def head_json(record: Record) -> str:
    """The start of an output object (``{"id":...,"source":...``), without the closing brace."""
    return '{"id":' + _dumps(record.id) + ',"source":' + _dumps(record.source)


def error_result(record: Record, kind: str, message: str) -> Result:
    """The error entry for a record that yielded no article."""
    if len(message) > _MESSAGE_LIMIT:
        message = message[:_MESSAGE_LIMIT] + "..."
    error = _dumps({"kind": kind, "message": message})
    return Result(record.id, record.kind, head_json(record) + ',"error":' + error + "}", error_kind=kind)
