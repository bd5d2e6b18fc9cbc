"""Input arguments (files, directories, globs) -> the list of input files, each with its format."""

from __future__ import annotations

import glob
import gzip
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: File formats: one page per file (``html``, ``capture``), an archive (``warc``: WARC, WET or ARC), or lines.
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "capture",
    ".warc": "warc", ".wet": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jl": "jsonl",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_MARKUP = re.compile(rb"<(?:!doctype|html|head|body|meta|div|p|title)\b", re.I)
GZIP_MAGIC = b"\x1f\x8b"


class UsageError(ValueError):
    """Bad arguments: a missing input, an unknown format, an option that does not fit (exit status 2)."""


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    fmt: str
    size: int


def format_by_name(path: str) -> str | None:
    """The format an input's name announces (``a.warc.gz`` -> ``warc``), or ``None``."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _EXTENSIONS.get(os.path.splitext(name)[1])


def sniff_format(path: str) -> str:
    """The format of a file whose name tells nothing, from its first bytes (gunzipped if needed)."""
    if not os.path.isfile(path):
        return "html"  # a pipe or device: not to be read twice
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            if head.startswith(GZIP_MAGIC):
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(4096)
    except (OSError, EOFError):
        return "html"  # unreadable: the page reader reports it as one failed record
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "html" if _MARKUP.search(head) else "capture"


def _walk(directory: str, skipped: Counter[str]) -> Iterator[str]:
    """Files under a directory, recursively, sorted; hidden files and folders are left out."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if format_by_name(path) is None:
                skipped["file of unknown type"] += 1
                continue
            yield path


def _expand_one(arg: str, skipped: Counter[str]) -> Iterator[tuple[str, bool]]:
    """(path, explicit) pairs for one argument; ``explicit`` files are read whatever their name."""
    if os.path.isdir(arg):
        yield from ((p, False) for p in _walk(arg, skipped))
    elif os.path.exists(arg):
        yield arg, True
    elif _GLOB_CHARS.search(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            raise UsageError(f"no input matches {arg!r}")
        for match in matches:
            if os.path.isdir(match):
                yield from ((p, False) for p in _walk(match, skipped))
            elif format_by_name(match) is not None:
                yield match, False
            else:
                skipped["file of unknown type"] += 1
    else:
        raise UsageError(f"no such input: {arg!r}")


def expand_inputs(
    args: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = (),
) -> tuple[list[InputFile], Counter[str]]:
    """Expand input arguments into input files (each once, in argument order) and counts of files left out.

    ``exclude`` names files never read (the run's own outputs, when they sit inside an input folder).
    """
    seen = {os.path.realpath(p) for p in exclude}
    skipped: Counter[str] = Counter()
    files: list[InputFile] = []
    any_arg = False
    for arg in args:
        any_arg = True
        for path, explicit in _expand_one(os.fspath(arg), skipped):
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            fmt = format_by_name(path) or (sniff_format(path) if explicit else None)
            if fmt is None:
                continue
            try:
                size = os.path.getsize(path)
            except OSError:
                size = 0
            files.append(InputFile(path, fmt, size))
    if not any_arg:
        raise UsageError("no input given")
    return files, skipped
