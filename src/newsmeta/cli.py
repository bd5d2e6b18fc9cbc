"""Command line: ``newsmeta extract``, ``newsmeta schema``, ``newsmeta batch``."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from . import spark as spark_cli
from .api import extract
from .errors import ExtractionError
from .model import Article


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _extract_command(args: argparse.Namespace) -> int:
    status = 0
    records = []
    for name in args.files:
        path = Path(name)
        try:
            article = extract(_read(path), url=args.url)
            record = {"file": name, **article.model_dump(mode="json", exclude_none=not args.all_fields)}
        except (OSError, ExtractionError, gzip.BadGzipFile) as exc:
            record = {"file": name, "error": {"kind": type(exc).__name__, "message": str(exc)}}
            status = 1
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            records.append(record)
    if args.format == "json":
        payload = records[0] if len(records) == 1 else records
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return status


def _schema_command(_: argparse.Namespace) -> int:
    print(json.dumps(Article.model_json_schema(), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmeta", description="Typed article records from news-page captures.")
    parser.add_argument("--version", action="version", version=f"newsmeta {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("extract", help="extract records from HTML files or text captures (.gz too)")
    run.add_argument("files", nargs="+", metavar="FILE")
    run.add_argument("--url", help="the page's address (base for relative links; evidence of its own)")
    run.add_argument("--format", choices=("json", "jsonl"), default="json")
    run.add_argument("--all-fields", action="store_true", help="print empty fields too")
    run.set_defaults(handler=_extract_command)

    schema = commands.add_parser("schema", help="print the JSON Schema of the Article record")
    schema.set_defaults(handler=_schema_command)

    try:
        from .batch import cli as batch_cli
    except ImportError:  # the batch extra is not installed
        batch_cli = None  # type: ignore[assignment]
    if batch_cli is not None:
        batch = commands.add_parser("batch", help="normalise archives (dirs, WARC/WET, JSONL) into one record each")
        batch_cli.add_arguments(batch)
        batch.set_defaults(handler=batch_cli.main)
    spark = commands.add_parser("spark", help="the batch job on Spark (needs the spark extra)")
    spark_cli.add_arguments(spark)
    spark.set_defaults(handler=spark_cli.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
