"""Batch normalisation: archives of captures in, one typed record per article out, nothing lost.

``newsmeta.batch.run(inputs, output, ...)`` reads HTML pages, text captures, WARC/WET archives and JSON
Lines (files, folders, globs; gzipped or not), extracts every record in worker processes, and writes JSON
Lines, Parquet, CSV or SQLite. It returns a :class:`Summary`. The command is ``newsmeta batch``.
"""

from .inputs import UsageError
from .records import Record, Result
from .runner import run
from .sources import JsonlFields
from .summary import Summary

__all__ = ["JsonlFields", "Record", "Result", "Summary", "UsageError", "run"]
