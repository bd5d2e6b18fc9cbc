"""What runs in a worker process: a task (a record, a JSON line, a WARC span) -> its outcome, each record
within its time limit."""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import FrameType

from ..api import extract, extract_capture
from ..decode import decode
from ..model import Article
from .records import Outcome, Record, Result, Skipped, error_result, head_json
from .sources import JsonlFields, task_records

Handler = Callable[[Record], Result]

#: Whether a record's time limit can be kept inside the worker (else only the parent's hard limit holds).
HAS_TIMER = hasattr(signal, "setitimer")

#: Fields whose presence the summary reports (every field of the record but its bookkeeping).
COVERAGE_FIELDS: tuple[str, ...] = tuple(n for n in Article.model_fields if n not in ("provenance", "warnings"))


def extract_record(record: Record) -> Result:
    """The default handler: run :func:`newsmeta.extract` on a record and serialise the article."""
    payload, url, captured = record.payload, record.url, record.captured
    if payload is None:
        return error_result(record, "MissingField", "record has no content")
    if record.text_only:
        text = payload if isinstance(payload, str) else decode(payload, record.content_type)[0]
        article = extract_capture(text, url=url, captured=captured)
    else:
        article = extract(payload, url=url, captured=captured, content_type=record.content_type)
    if record.notes:
        article.warnings.extend(record.notes)
    fields = tuple(name for name in COVERAGE_FIELDS if getattr(article, name, None))
    body = article.model_dump_json()
    line = head_json(record) + ("," + body[1:] if body != "{}" else "}")
    return Result(record.id, record.kind, line, None, fields, record.location)


class RecordTimeout(BaseException):
    """Raised in a worker when a record exceeds its time limit (a BaseException: nothing swallows it)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RecordTimeout


def run_one(handler: Handler, record: Record, timeout: float) -> Result:
    """Apply the handler to one record; any exception or overrun becomes the record's error entry."""
    timed = timeout > 0 and HAS_TIMER
    try:
        try:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, timeout)
            return handler(record)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except RecordTimeout:
        return error_result(record, "Timeout", f"extraction took longer than {timeout:g} s")
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the batch
        return error_result(record, type(exc).__name__, str(exc) or repr(exc))


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """What every worker needs: the per-record function, its time limit, and how to read inputs."""

    handler: Handler
    timeout: float
    max_bytes: int
    fields: JsonlFields


def _extract(record: Record, config: WorkerConfig) -> Result:
    if record.error is not None:
        return error_result(record, *record.error)
    return run_one(config.handler, record, config.timeout)


def process(task: Record, config: WorkerConfig) -> Outcome:
    """Read what is left to read of a task (see :attr:`Record.todo`) and extract its record(s), one in memory
    at a time."""
    outcome = Outcome([])
    try:
        items, end = task_records(task, config.fields, config.max_bytes)
        for item in items:
            if isinstance(item, Skipped):
                outcome.skipped.append(item.reason)
            else:
                outcome.results.append(_extract(item, config))
        outcome.end = end.offset if end is not None else None
    except OSError as exc:
        outcome.results.append(error_result(task, "ReadError", f"cannot read the input: {exc}"))
    return outcome


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Worker process loop: say ready, then receive ``(seq, task)`` and send back ``(seq, outcome)``, until
    ``None`` or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if config.timeout > 0 and HAS_TIMER:
        signal.signal(signal.SIGALRM, _on_alarm)
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, task = message
        conn.send((seq, process(task, config)))
