"""Builders of small test archives for the batch tests (pages written here, WARC/WET made with warcio)."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsmeta.batch.inputs import expand_inputs
from newsmeta.batch.records import Record, Result, Skipped
from newsmeta.batch.sources import JsonlFields, SourceStream, task_records
from newsmeta.batch.worker import extract_record

SRC = str(Path(__file__).resolve().parents[1] / "src")


def page(title: str, *, charset: str | None = "utf-8", body: str = "", published: str = "2024-03-01T10:00:00Z",
         author: str = "Ada Lovelace") -> str:
    """A small news page with a <title>, Open Graph tags and an Article JSON-LD block."""
    meta = f'<meta charset="{charset}">' if charset else ""
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": published, "author": {"@type": "Person", "name": author},
        "image": "https://example.com/img/cover.jpg",
    }, ensure_ascii=False)
    return (
        f"<!doctype html><html lang=\"en\"><head>{meta}<title>{title}</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:image" content="https://example.com/img/cover.jpg">'
        f'<script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>{title}</h1><p>{body or 'Some text of the article.'}</p></article></body></html>"
    )


def http_response(writer: WARCWriter, url: str, payload: bytes, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK", date: str = "2024-03-02T08:00:00Z") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def http_request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))


def write_warc(path: Path, pages: Sequence[tuple[str, bytes, str]], *, compress: bool = True,
               extras: bool = True) -> int:
    """A WARC of HTTP responses (url, payload, content type); with ``extras``, also a request record per
    page, an image response, a redirect and a warcinfo record (all to be skipped). Returns the pages count."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        if extras:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, payload, content_type in pages:
            if extras:
                http_request(writer, url)
            http_response(writer, url, payload, content_type)
        if extras:
            http_response(writer, "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
            http_response(writer, "https://example.com/old", b"", "text/html", status="301 Moved Permanently")
    return len(pages)


def write_wet(path: Path, texts: Sequence[tuple[str, str]], *, compress: bool = True) -> int:
    """A WET file: one conversion record per (url, text)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, text in texts:
            record = writer.create_warc_record(
                url, "conversion", payload=io.BytesIO(text.encode("utf-8")),
                warc_headers_dict={"Content-Type": "text/plain", "WARC-Date": "2024-03-02T08:00:00Z"},
            )
            writer.write_record(record)
    return len(texts)


def record_offsets(path: Path) -> list[tuple[str, int]]:
    """(WARC-Type, offset) of every record of a well-formed WARC, as warcio reads them."""
    out = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            record.content_stream().read()
            out.append((record.rec_type, it.get_record_offset()))
    return out


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]], *, compress: bool = False) -> int:
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
    data = "".join(lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return len(lines)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def worker_view(paths: Sequence[str | Path], fields: JsonlFields | None = None,
                max_bytes: int = 1 << 20) -> list[Record | Skipped]:
    """The records of the inputs as the workers see them: WARC spans and JSON lines read as workers read them
    (without dropping spans that begin inside a record: there are none in these tests' archives)."""
    files, _ = expand_inputs(paths)
    out: list[Record | Skipped] = []
    for task in SourceStream(files, fields, max_bytes):
        if isinstance(task, Skipped):
            out.append(task)
        else:
            items, _ = task_records(task, fields or JsonlFields(), max_bytes)
            out.extend(items)
    return out


def env() -> dict[str, str]:
    """Environment for ``python -m newsmeta.batch`` subprocesses (finds this checkout's sources)."""
    out = dict(os.environ)
    out["PYTHONPATH"] = SRC + os.pathsep + out.get("PYTHONPATH", "")
    out.pop("CI", None)
    return out


# --- handlers for the worker tests (top-level functions: they are pickled to the workers) ---------------

def dying_handler(record: Record) -> Result:
    """Kills its worker on records whose URL asks for it; extracts the others."""
    if record.url and "die" in record.url:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_record(record)


def sleepy_handler(record: Record) -> Result:
    """Sleeps (interruptibly) on records whose URL asks for it."""
    if record.url and "sleep" in record.url:
        time.sleep(30)
    return extract_record(record)


def stubborn_handler(record: Record) -> Result:
    """Ignores the worker's own alarm and sleeps, so that only the parent's hard limit can stop it."""
    if record.url and "stuck" in record.url:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(30)
    return extract_record(record)


# --- a mixed input folder -----------------------------------------------------------------------------

def mixed_inputs(root: Path) -> dict[str, Any]:
    """A folder with every input kind, several encodings, and broken inputs. Returns what it holds:
    ``records`` (records to be written), ``errors`` (error kinds expected), ``titles`` (url -> title)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pages").mkdir()
    (root / "pages" / "utf8.html").write_text(page("Plain UTF-8 page"), encoding="utf-8")
    (root / "pages" / "latin1.htm").write_bytes(page("Café à la carte", charset="iso-8859-1").encode("latin-1"))
    (root / "pages" / "sjis.html").write_bytes(page("東京のニュース", charset="shift_jis").encode("shift_jis"))
    (root / "pages" / "utf16.html").write_bytes(page("UTF-16 page", charset=None).encode("utf-16"))
    (root / "pages" / "zipped.html.gz").write_bytes(gzip.compress(page("Zipped page").encode()))
    (root / "pages" / "binary.html").write_bytes(bytes(range(256)) * 4)
    broken = gzip.compress(page("Broken gzip", body="lorem ipsum " * 200).encode())
    (root / "pages" / "broken.html.gz").write_bytes(broken[: len(broken) // 2])
    (root / "pages" / "readme.md").write_text("not an input")
    (root / "captures").mkdir()
    (root / "captures" / "a.txt").write_text("date 2024-01-02 https://example.com/cap-a\nCapture A title\nBody\n")
    (root / "captures" / "b.txt.gz").write_bytes(
        gzip.compress(b"date 2024-01-03 https://example.com/cap-b\nCapture B title\nBody\n"))
    warc_pages = [(f"https://example.com/w{i}", page(f"WARC page {i}").encode(), "text/html; charset=utf-8")
                  for i in range(4)]
    write_warc(root / "crawl.warc.gz", warc_pages)
    write_warc(root / "plain.warc", [
        ("https://example.com/p0", page("Plain WARC page").encode(), "text/html"),
        ("https://example.com/ru", page("Новости дня", charset=None).encode("cp1251"),
         "text/html; charset=windows-1251"),
    ], compress=False)
    write_wet(root / "crawl.warc.wet.gz", [("https://example.com/t0", "WET title zero\nText."),
                                           ("https://example.com/t1", "WET title one\nText.")])
    broken_warc = root / "broken.warc.gz"
    write_warc(broken_warc, [(f"https://example.com/b{i}", page(f"Broken WARC {i}", body="x y " * 300).encode(),
                              "text/html") for i in range(3)], extras=False)
    offsets = [o for _, o in record_offsets(broken_warc)]
    data = bytearray(broken_warc.read_bytes())
    data[offsets[1] + 20: offsets[1] + 60] = bytes(40)
    broken_warc.write_bytes(bytes(data))
    write_jsonl(root / "feed.jsonl", [
        {"url": "https://example.com/j0", "html": page("JSON page")},
        {"url": "https://example.com/j1", "text": "date 2024-02-02 https://example.com/j1\nJSON capture"},
        {"url": "https://example.com/j2", "body": "no known field"},
    ])
    return {
        "records": 7 + 2 + 4 + 2 + 2 + 3 + 3,
        "errors": {"ExtractionError": 1, "CorruptInput": 2, "MissingField": 1},
        "titles": {"https://example.com/ru": "Новости дня", "https://example.com/w2": "WARC page 2",
                   "https://example.com/p0": "Plain WARC page"},
        "skipped": {"WARC request record": 6, "WARC warcinfo record": 3, "non-HTML record": 2,
                    "HTTP status 3xx": 2, "file of unknown type": 1},
    }


class DoomedHandler:
    """A handler that kills any process that unpickles it: workers die before they are ready."""

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return os._exit, (3,)

    def __call__(self, record: Record) -> Result:  # pragma: no cover - never runs
        raise AssertionError("unreachable")
