"""The batch loop: input records -> worker processes -> output, in input order, with a bounded window.

Memory stays flat: the inputs are read as a stream (a gzipped WARC is only scanned for where its records
start; the workers read the records), at most ``window`` tasks are in the workers or waiting for their turn
to be written, and the output is written as it comes. With ``--resume``,
the input locations (``path`` or ``path#offset``) of the records already in the output are kept as 12-byte
digests (about 100 bytes a record) and skipped.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator

from .inputs import UsageError, expand_inputs
from .pool import WorkerPool
from .progress import Progress, wanted
from .records import Outcome, Record, Skipped, error_result
from .sinks import JsonlSink, Sink, format_for, open_sink
from .sources import MAX_RECORD_BYTES, JsonlFields, SourceStream
from .summary import Summary
from .worker import COVERAGE_FIELDS, Handler, WorkerConfig, extract_record

CHECKPOINT_SECONDS = 1.0


def _key(location: str) -> bytes:
    """A record's input location as a 12-byte digest (what the resume set holds)."""
    return hashlib.blake2b(location.encode("utf-8", "surrogatepass"), digest_size=12).digest()


class _Output:
    """Writes outcomes to the sinks (errors to their own sink when there is one), in order or as they come.

    WARC spans go out in file order in any case: a span is dropped when it starts inside a record that the
    span before it read to its end (its start was no record boundary, see :mod:`~.spans`)."""

    def __init__(self, sink: Sink, errors: Sink | None, summary: Summary, ordered: bool,
                 done: set[bytes]) -> None:
        self.sink, self.errors, self.summary, self.ordered = sink, errors, summary, ordered
        self.done = done
        self.next_seq = self.next_chain = 0
        self.pending: dict[int, tuple[Record, Outcome]] = {}
        self.chained: dict[int, tuple[Record, Outcome]] = {}
        self.frontier: dict[str, int] = {}

    @property
    def waiting(self) -> int:
        return len(self.pending) + len(self.chained)

    def put(self, seq: int, task: Record, outcome: Outcome) -> None:
        if self.ordered:
            self.pending[seq] = (task, outcome)
            while self.next_seq in self.pending:
                self._accept(*self.pending.pop(self.next_seq))
                self.next_seq += 1
        elif task.todo == "warc-span":
            self.chained[task.chain] = (task, outcome)
            while self.next_chain in self.chained:
                self._accept(*self.chained.pop(self.next_chain))
                self.next_chain += 1
        else:
            self._accept(task, outcome)

    def _accept(self, task: Record, outcome: Outcome) -> None:
        if task.span is not None:
            path, (start, stop) = str(task.source["path"]), task.span
            if start < self.frontier.get(path, 0):
                self.summary.dropped_spans += 1
                return
            self.frontier[path] = outcome.end if outcome.end is not None else stop
        if outcome.skipped:
            self.summary.skipped.update(outcome.skipped)
        for result in outcome.results:
            if self.done and task.span is not None and _key(result.location) in self.done:
                continue  # a span can hold more than one record: some may be written already
            target = self.errors if (self.errors is not None and result.error_kind is not None) else self.sink
            target.write(result)
            self.summary.add(result)

    def checkpoint(self) -> None:
        self.sink.checkpoint()
        if self.errors is not None:
            self.errors.checkpoint()


class _Batch:
    """One run's state: the record stream, the pool (started on first need) and the output."""

    def __init__(self, stream: SourceStream, output: _Output, done: set[bytes], workers: int,
                 config: WorkerConfig, progress: Progress) -> None:
        self.stream, self.output, self.done = stream, output, done
        self.workers, self.config, self.progress = workers, config, progress
        self.window = max(16, workers * 8)
        self.pool: WorkerPool | None = None
        self.ready: deque[tuple[int, Record]] = deque()
        self.seq = self.chain = 0

    def _next_records(self, items: Iterator[Record | Skipped]) -> bool:
        """Read ahead a few tasks for the workers; False once the input is exhausted."""
        output = self.output
        while len(self.ready) < self.workers * 2 and output.waiting < self.window:
            item = next(items, None)
            if item is None:
                return False
            if isinstance(item, Skipped):
                output.summary.skipped[item.reason] += 1
                continue
            if self.done and _key(item.location) in self.done:
                if item.todo != "warc-span":
                    continue
                item.first_done = True  # written, but where its record ends is still to be found
            if item.todo == "warc-span":
                item.chain, self.chain = self.chain, self.chain + 1
            if item.error is not None:
                output.put(self.seq, item, Outcome([error_result(item, *item.error)]))
            else:
                self.ready.append((self.seq, item))
            self.seq += 1
        return True

    def _may_dispatch(self, pool: WorkerPool) -> bool:
        if not self.ready or pool.free <= 0:
            return False
        head = self.ready[0][1]
        if self.output.ordered and self.ready[0][0] == self.output.next_seq:
            return True  # the task everyone waits for may always go
        if not self.output.ordered and (head.todo != "warc-span" or head.chain == self.output.next_chain):
            return True
        return self.output.waiting + pool.in_flight < self.window

    def run(self) -> None:
        items = iter(self.stream)
        more = True
        last_checkpoint = time.monotonic()
        summary = self.output.summary
        while True:
            if more:
                more = self._next_records(items)
            if self.ready and self.pool is None:
                self.pool = WorkerPool(self.workers, self.config)
            pool = self.pool
            if pool is not None:
                while self._may_dispatch(pool):
                    pool.submit(*self.ready.popleft())
            in_flight = pool.in_flight if pool is not None else 0
            if not more and not self.ready and in_flight == 0:
                break
            if pool is not None and in_flight:
                for seq, task, outcome in pool.poll(0.2):
                    self.output.put(seq, task, outcome)
            now = time.monotonic()
            if now - last_checkpoint >= CHECKPOINT_SECONDS:
                self.output.checkpoint()
                last_checkpoint = now
            self.progress.update(summary.records, summary.errors, self.stream.bytes_done)

    def close(self) -> None:
        if self.pool is not None:
            self.output.summary.worker_restarts = self.pool.restarts
            self.pool.close()


def _cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str] = "-",
    *,
    format: str | None = None,  # noqa: A002 - the CLI's --format
    workers: int | None = None,
    resume: bool = False,
    errors: str | os.PathLike[str] | None = None,
    timeout: float = 30.0,
    ordered: bool = True,
    fields: JsonlFields | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    progress: bool | None = None,
    handler: Handler = extract_record,
) -> Summary:
    """Extract every record of the inputs into ``output``; returns the run's :class:`Summary`.

    ``inputs``: files, folders (read recursively) and glob patterns of HTML pages, text captures, WARC/WET
    archives and JSON Lines, each maybe gzipped. ``output``: a file (``-``: standard output, JSON Lines
    only), or a folder for Parquet. ``format``: ``jsonl``, ``parquet``, ``csv`` or ``sqlite`` (default: from
    the output's name, else ``jsonl``). ``workers``: worker processes (default: all cores). ``resume``:
    skip records the output (and ``errors``) already holds. ``errors``: a JSON Lines file for error entries
    (default: inline). ``timeout``: seconds per record (0: none). ``ordered``: write in input order.
    ``fields``: keys of JSON Lines inputs. ``progress``: draw a progress line on stderr (default: when it is
    a terminal). ``handler``: the per-record function run in the workers (a picklable top-level function).

    Every input record yields exactly one output record, an article or an error entry. Raises
    :class:`UsageError` for bad arguments; on Ctrl-C, stops cleanly and returns with ``interrupted`` set.
    """
    started = time.monotonic()
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    workers = _cores() if workers is None else workers
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if timeout < 0:
        raise UsageError("--timeout must be 0 (none) or more seconds")
    out_path = os.fspath(output)
    err_path = os.fspath(errors) if errors is not None else None
    fmt = format_for(out_path, format)
    if err_path is not None and (err_path == "-" or os.path.abspath(err_path) == os.path.abspath(out_path)):
        raise UsageError("--errors needs a file of its own")
    files, skipped_files = expand_inputs(inputs, exclude=[p for p in (out_path, err_path) if p and p != "-"])

    summary = Summary(fields=COVERAGE_FIELDS)
    summary.skipped.update(skipped_files)
    sink = open_sink(fmt, out_path, resume)
    error_sink = JsonlSink(err_path, resume) if err_path is not None else None
    done: set[bytes] = set()
    if resume:
        for holder in (sink, error_sink):
            for where, is_error in holder.done() if holder is not None else ():
                key = _key(where)
                if key not in done:
                    done.add(key)
                    summary.resumed += 1
                    summary.resumed_errors += is_error

    stream = SourceStream(files, fields, max_record_bytes)
    show = wanted() if progress is None else progress
    bar = Progress(sys.stderr if show else None, stream.bytes_total)
    config = WorkerConfig(handler, timeout, max_record_bytes, fields or JsonlFields())
    batch = _Batch(stream, _Output(sink, error_sink, summary, ordered, done), done, workers, config, bar)
    try:
        batch.run()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        batch.close()
        bar.close()
        sink.close()
        if error_sink is not None:
            error_sink.close()
        summary.elapsed = time.monotonic() - started
    return summary
