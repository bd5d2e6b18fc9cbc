"""The units that flow through a batch: records (tasks for the workers), skipped items, what a worker makes
of a task (an :class:`Outcome`), and output :class:`Result` records."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

_MESSAGE_LIMIT = 1000


@dataclass(slots=True)
class Record:
    """One input record, ready for extraction (or already failed, when ``error`` is set).

    ``id`` is stable across runs: the file path for a one-page file, ``path#offset`` for a JSON Lines line or
    a WARC record without a ``WARC-Record-ID``, else the ``WARC-Record-ID``. ``source`` is written as is into
    the output record. ``payload`` is the raw page (bytes, any encoding) or text.

    ``todo`` tells the worker what is left to do before extraction: nothing (``extract``), read the file
    (``page-file``), parse the JSON line in ``payload`` (``jsonl-line``), or read the WARC records whose
    gzip members start in ``span`` (``warc-span``; ``first_done``: the first of them is written already,
    only find where it ends).
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
    todo: str = "extract"
    span: tuple[int, int] | None = None
    first_done: bool = False
    chain: int = -1

    @property
    def kind(self) -> str:
        return str(self.source["kind"])

    @property
    def location(self) -> str:
        return location(self.source)


def location(source: dict[str, Any]) -> str:
    """Where a record is in the input (``path`` or ``path#offset``): what ``--resume`` knows records by."""
    offset = source.get("offset")
    return f"{source.get('path')}#{offset}" if offset is not None else str(source.get("path"))


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that is no record to extract (e.g. a WARC request record); counted, not written."""

    path: str
    reason: str


@dataclass(slots=True)
class Outcome:
    """What a worker made of one task: results to write, reasons of items skipped, and for a WARC span the
    offset where its last record ended (see :class:`Record`)."""

    results: list[Result]
    skipped: list[str] = field(default_factory=list)
    end: int | None = None


@dataclass(slots=True)
class Result:
    """One output record: the JSON object text of an article or of an error entry."""

    id: str
    kind: str
    line: str
    error_kind: str | None = None
    fields: tuple[str, ...] = field(default=())
    location: str = ""

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
    line = head_json(record) + ',"error":' + error + "}"
    return Result(record.id, record.kind, line, error_kind=kind, location=record.location)
