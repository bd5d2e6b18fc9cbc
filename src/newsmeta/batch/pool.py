"""A small process pool that knows which task each worker is on.

A worker takes its tasks in order, one at a time, and gets its next task while it works on one (when the
next is small: WARC spans and short lines), so that it never waits for the parent to be scheduled. When
a worker dies (segfault, out-of-memory kill), the task it was on is known: it is tried once more in a fresh
worker, then reported as ``WorkerDied``; the task queued behind it goes to another worker. A record that
overruns its time limit is stopped inside the worker (``Timeout``); if the worker does not answer within a
grace period after that (stuck in C code), it is killed and replaced, and the task reported ``Timeout``.
"""

from __future__ import annotations

import multiprocessing
import selectors
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from .records import Outcome, Record, error_result
from .worker import WorkerConfig, worker_main

_START_SECONDS = 120.0


class WorkerStartError(RuntimeError):
    """Worker processes die before they are ready (e.g. a script that calls ``run()`` without an
    ``if __name__ == "__main__":`` guard, which the workers import again)."""


def _context() -> BaseContext:
    """``forkserver`` where there is one (workers fork from a clean, preloaded process), else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newsmeta.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


#: Tasks queued to a worker behind the one it is on must be this small (a span, a short line): a big one
#: could fill the pipe and block the parent until the worker is done with its current task.
QUEUE_AHEAD_BYTES = 16384


def _small(task: Record) -> bool:
    return task.payload is None or len(task.payload) <= QUEUE_AHEAD_BYTES


@dataclass(eq=False)
class _Slot:
    proc: BaseProcess
    conn: Connection
    tasks: deque[tuple[int, Record]] = field(default_factory=deque)
    started: float = 0.0  # when the worker began its first task
    fds: tuple[int, ...] = ()  # what the selector watches: the pipe and the exit sentinel

    def accepts(self, task: Record) -> bool:
        return not self.tasks or (len(self.tasks) == 1 and _small(task) and _small(self.tasks[0][1]))


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "exit status unknown"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


class WorkerPool:
    """``workers`` processes running :func:`~newsmeta.batch.worker.process` on tasks; outcomes come back
    through :meth:`poll`."""

    def __init__(self, workers: int, config: WorkerConfig) -> None:
        self._ctx = _context()
        self._config = config
        self._timeout = config.timeout
        self.hard_timeout = config.timeout + max(2.0, config.timeout * 0.2) if config.timeout > 0 else None
        self._backlog: deque[tuple[int, Record]] = deque()
        self._held = 0  # tasks sent to workers, not answered yet
        self._retried: set[int] = set()
        self.restarts = 0
        self._selector = selectors.DefaultSelector()  # long-lived: no set-up cost per wait
        self._slots: list[_Slot] = []
        try:
            self._slots = [self._launch() for _ in range(max(1, workers))]
            for slot in self._slots:
                self._await_ready(slot)
        except BaseException:
            self.close()
            raise

    def _launch(self, slot: _Slot | None = None) -> _Slot:
        """Start a worker, in a new slot or in place of the (closed) one of ``slot``."""
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(  # type: ignore[attr-defined]
            target=worker_main, args=(child, self._config), daemon=True, name="newsmeta-batch-worker",
        )
        proc.start()
        child.close()
        if slot is None:
            slot = _Slot(proc, parent)
        slot.proc, slot.conn = proc, parent
        slot.fds = (parent.fileno(), proc.sentinel)
        for fd in slot.fds:
            self._selector.register(fd, selectors.EVENT_READ, slot)
        return slot

    def _shut(self, slot: _Slot) -> None:
        """Kill a slot's worker (if still running) and close its pipe."""
        for fd in slot.fds:
            self._selector.unregister(fd)
        slot.fds = ()
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(5)
        slot.conn.close()

    def _await_ready(self, slot: _Slot, tries: int = 3) -> None:
        """Wait for a new worker's hello; a worker that dies first is started again, a few times."""
        how = "no answer"
        for _ in range(tries):
            wait([slot.conn, slot.proc.sentinel], _START_SECONDS)
            try:
                if slot.conn.poll() and slot.conn.recv() == "ready":
                    return
            except (EOFError, OSError):
                pass
            self._shut(slot)
            how = _describe_exit(slot.proc.exitcode)
            self._launch(slot)
        raise WorkerStartError(
            f"batch worker processes die before they start ({how}); if you call newsmeta.batch.run() from a "
            "script, put the call under `if __name__ == \"__main__\":`")

    def _replace(self, slot: _Slot) -> list[tuple[int, Record]]:
        """Kill a worker and start a new one in its slot; returns the tasks it held."""
        self._shut(slot)
        held, slot.tasks = list(slot.tasks), deque()
        self._held -= len(held)
        self._launch(slot)
        self._await_ready(slot)
        self.restarts += 1
        return held

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet returned by :meth:`poll`."""
        return len(self._backlog) + self._held

    @property
    def free(self) -> int:
        """How many more tasks can be submitted without waiting in the backlog (an idle worker takes any
        task, a busy one a small task to do next)."""
        return 2 * len(self._slots) - self._held - len(self._backlog)

    def submit(self, seq: int, record: Record) -> None:
        self._backlog.append((seq, record))
        self._dispatch()

    def _dispatch(self) -> None:
        while self._backlog:
            task = self._backlog[0]
            slot = next((s for s in self._slots if not s.tasks), None)
            slot = slot or next((s for s in self._slots if s.accepts(task[1])), None)
            if slot is None:
                return
            if not slot.tasks and not slot.proc.is_alive():
                self._requeue(self._replace(slot))
                continue
            self._backlog.popleft()
            try:
                slot.conn.send(task)
            except (OSError, ValueError):  # died meanwhile: its tasks, this one first, go back to the queue
                self._requeue([task])
                self._requeue(self._replace(slot))
                continue
            if not slot.tasks:
                slot.started = time.monotonic()
            slot.tasks.append(task)
            self._held += 1

    def _requeue(self, tasks: list[tuple[int, Record]]) -> None:
        self._backlog.extendleft(reversed(tasks))

    def poll(self, timeout: float) -> list[tuple[int, Record, Outcome]]:
        """Wait up to ``timeout`` seconds for outcomes; also handles dead and overrunning workers."""
        busy = [s for s in self._slots if s.tasks]
        if not busy:
            self._dispatch()
            return []
        if self.hard_timeout is not None:
            due = min(s.started for s in busy) + self.hard_timeout - time.monotonic()
            timeout = max(0.0, min(timeout, due))
        ready = {key.data for key, _ in self._selector.select(timeout)}
        results: list[tuple[int, Record, Outcome]] = []
        now = time.monotonic()
        for slot in self._slots:
            if slot in ready:
                results.extend(self._collect(slot))
            elif slot.tasks and self.hard_timeout is not None and now - slot.started >= self.hard_timeout:
                results.append(self._overrun(slot))
        self._dispatch()
        return results

    def _collect(self, slot: _Slot) -> list[tuple[int, Record, Outcome]]:
        """The next outcome a worker sent (its pipe is readable, or it exited); if it died, the task it was
        on is tried again, or reported."""
        try:
            if slot.tasks:
                got_seq, outcome = slot.conn.recv()  # no wait: a message is there, or the pipe is at its end
                seq, record = slot.tasks.popleft()
                self._held -= 1
                assert seq == got_seq, "a worker answers its tasks in order"
                self._retried.discard(seq)
                slot.started = time.monotonic()
                return [(seq, record, outcome)]
        except (EOFError, OSError):
            pass
        if not slot.tasks:  # an idle worker that exited: start another
            if not slot.proc.is_alive():
                self._replace(slot)
            return []
        slot.proc.join(1)
        how = _describe_exit(slot.proc.exitcode)
        held = self._replace(slot)
        (seq, record), behind = held[0], held[1:]
        self._requeue(behind)
        if seq not in self._retried:
            self._retried.add(seq)
            self._requeue([(seq, record)])
            return []
        self._retried.discard(seq)
        died = error_result(record, "WorkerDied", f"worker process died twice on this record ({how})")
        return [(seq, record, Outcome([died]))]

    def _overrun(self, slot: _Slot) -> tuple[int, Record, Outcome]:
        held = self._replace(slot)
        (seq, record), behind = held[0], held[1:]
        self._requeue(behind)
        self._retried.discard(seq)
        limit = self.hard_timeout or 0.0
        message = f"worker stopped after {limit:g} s (time limit {self._timeout:g} s)"
        return seq, record, Outcome([error_result(record, "Timeout", message)])

    def close(self) -> None:
        """Stop the workers: politely when idle, by force when still busy."""
        for slot in self._slots:
            try:
                if not slot.tasks:
                    slot.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for slot in self._slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()) if not slot.tasks else 0)
            self._shut(slot)
        self._selector.close()
        self._backlog.clear()
