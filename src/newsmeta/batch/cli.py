"""``newsmeta batch``: the argparse wiring (``add_arguments`` and ``main``) around :func:`run`."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from types import FrameType

from .inputs import UsageError
from .pool import WorkerStartError
from .runner import run
from .sinks import FORMATS
from .sources import MAX_RECORD_BYTES, JsonlFields

DESCRIPTION = """\
Normalise scraped archives: every input record in, one output record out, nothing lost.
INPUT: files, folders (recursive) and globs of HTML pages (.html/.htm, any encoding), text captures (.txt),
WARC/WET/ARC archives and JSON Lines, each optionally gzipped. Each record yields one article or one error
entry. Exit status: 0 all records extracted, 1 some failed (all reported), 2 usage error, 130 interrupted.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``batch`` options to a parser (``newsmeta batch`` or ``python -m newsmeta.batch``)."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or glob pattern")
    parser.add_argument("-o", "--output", default="-", metavar="OUTPUT",
                        help="output file (default '-': standard output, JSON Lines); a folder for Parquet")
    parser.add_argument("--format", choices=FORMATS,
                        help="output format (default: from OUTPUT's extension, else jsonl)")
    parser.add_argument("--workers", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run: skip records already in OUTPUT (and --errors)")
    parser.add_argument("--errors", metavar="FILE", help="write error entries to this JSON Lines file")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="time limit per record (default 30; 0: none)")
    parser.add_argument("--unordered", action="store_true", help="write records as they finish")
    defaults = JsonlFields()
    for name in ("html", "text", "url", "captured"):
        parser.add_argument(
            f"--{name}-field", action="append", metavar="KEY",
            help=f"JSON Lines key of the {name} (repeatable; default: {', '.join(getattr(defaults, name))})")
    parser.add_argument("--max-record-bytes", type=int, default=MAX_RECORD_BYTES, metavar="N",
                        help=f"size limit of one record (default {MAX_RECORD_BYTES})")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress line on stderr (default: only when stderr is a terminal, not in CI)")
    parser.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON to FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def _fields(args: argparse.Namespace) -> JsonlFields:
    defaults = JsonlFields()
    return JsonlFields(**{
        name: tuple(getattr(args, f"{name}_field") or getattr(defaults, name))
        for name in ("html", "text", "url", "captured")
    })


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(args: argparse.Namespace) -> int:
    """Run ``newsmeta batch`` with parsed arguments; returns the exit status."""
    try:
        previous = signal.signal(signal.SIGTERM, _stop)  # stop as cleanly as on Ctrl-C
    except ValueError:  # not the main thread
        previous = None
    try:
        summary = run(
            args.inputs, args.output, format=args.format, workers=args.workers, resume=args.resume,
            errors=args.errors, timeout=args.timeout, ordered=not args.unordered, fields=_fields(args),
            max_record_bytes=args.max_record_bytes, progress=args.progress,
        )
    except UsageError as exc:
        print(f"newsmeta batch: {exc}", file=sys.stderr)
        return 2
    except WorkerStartError as exc:
        print(f"newsmeta batch: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("newsmeta batch: output closed before the end", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    return summary.exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmeta batch", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return parser
