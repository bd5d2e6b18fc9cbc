"""Parquet output: a dataset folder of part files (``part-00000.parquet``, ...), schema from the model.

A part is written under a temporary name and renamed when complete, so a reader never sees a broken file
(a Parquet file is only readable once its footer is written). After a crash, the unfinished part is
dropped and ``--resume`` redoes its records; finished parts stay. ``pyarrow.parquet.read_table(folder)``,
pandas, DuckDB and Spark read the folder as one table.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

from .inputs import UsageError
from .records import Result, location
from .schema import arrow_row, arrow_schema, text_fields
from .sinks import Sink

_PART = re.compile(r"^part-(\d{5,})\.parquet$")
ROW_GROUP = 2_000
PART_ROWS = 100_000


class ParquetSink(Sink):
    """Rows go out in row groups of ``row_group``; a part is finished every ``part_rows`` rows."""

    def __init__(self, path: str, resume: bool, row_group: int | None = None, part_rows: int | None = None) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:  # pragma: no cover - pyarrow is in the batch extra
            raise UsageError("Parquet output needs pyarrow: pip install 'newsmeta[batch]'") from exc
        if path == "-":
            raise UsageError("Parquet output needs a folder, not standard output")
        if os.path.exists(path) and not os.path.isdir(path):
            raise UsageError(f"Parquet output is a folder of part files, and {path} is a file")
        os.makedirs(path, exist_ok=True)
        self.path = path
        self._schema = arrow_schema()
        self._text_fields = text_fields()
        self._row_group = row_group or ROW_GROUP
        self._part_rows = part_rows or PART_ROWS
        for name in os.listdir(path):
            if name.startswith(".part-") or (not resume and _PART.match(name)):
                os.remove(os.path.join(path, name))
        numbers = [int(m.group(1)) for n in os.listdir(path) if (m := _PART.match(n))]
        self._next = max(numbers, default=-1) + 1
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._part_count = 0
        self._tmp = ""

    def _parts(self) -> list[str]:
        return sorted(os.path.join(self.path, n) for n in os.listdir(self.path) if _PART.match(n))

    def done(self) -> Iterator[tuple[str, bool]]:
        import pyarrow.parquet as pq

        for part in self._parts():
            table = pq.read_table(part, columns=["source", "error"])
            sources = table.column("source").to_pylist()
            errors = table.column("error").is_valid().to_pylist()
            for source, is_error in zip(sources, errors, strict=True):
                yield location(source or {}), bool(is_error)

    def write(self, result: Result) -> None:
        self._rows.append(arrow_row(json.loads(result.line), self._text_fields))
        if len(self._rows) >= self._row_group:
            self._write_group()

    def _write_group(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        if self._writer is None:
            self._tmp = os.path.join(self.path, f".part-{self._next:05d}.parquet.tmp")
            self._writer = pq.ParquetWriter(self._tmp, self._schema, compression="zstd")
        self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
        self._part_count += len(self._rows)
        self._rows = []
        if self._part_count >= self._part_rows:
            self._finish_part()

    def _finish_part(self) -> None:
        if self._writer is None:
            return
        self._writer.close()
        final = os.path.join(self.path, f"part-{self._next:05d}.parquet")
        os.replace(self._tmp, final)
        _fsync_dir(self.path)
        self._writer, self._part_count, self._next = None, 0, self._next + 1

    def checkpoint(self) -> None:
        """Nothing to do: a finished part is durable, the open one is redone on resume."""

    def close(self) -> None:
        self._write_group()
        self._finish_part()


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
