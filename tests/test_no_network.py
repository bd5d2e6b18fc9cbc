"""No network, no document-driven file reads: extraction of the whole hostile corpus and the normal fixtures.

Three layers of proof:

- Python-level: ``socket.socket``, ``socket.create_connection``, ``socket.getaddrinfo`` and
  ``urllib.request.urlopen`` are replaced by functions that raise, and an audit hook records every
  ``socket.*``, ``urllib.Request`` and ``open`` event raised while a document is being extracted.
- C-level (libxml2 does its own I/O, unseen by Python): pages point external DTDs, entities, XIncludes,
  stylesheets and images at a local listening socket; after extraction, that socket must have no pending
  connection.
- Content: pages reference a temporary file holding a secret token (external entities, XInclude, DOCTYPE
  system id); the token must not appear in the record, and the file must never be opened.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsmeta
from newsmeta import Article, ExtractionError

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "hostile"
NORMAL = sorted((ROOT / "fixtures" / "html").glob("*.html")) + sorted((ROOT / "fixtures" / "capture").glob("*.txt"))
SMALL_HOSTILE = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".html", ".txt"))

# --------------------------------------------------------------------------------- the audit hook

_events: list[tuple[str, tuple[Any, ...]]] = []
_recording = False
_WATCHED = ("socket.", "urllib.Request", "open", "os.system", "subprocess.Popen")


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _recording and event.startswith(_WATCHED):
        _events.append((event, args))


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while ``_recording`` is set


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_generate_nn", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return sorted(load_generator().generate(tmp_path_factory.mktemp("hostile-large-nn")).values())


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP socket that would see any connection libxml2 (or anything else) makes."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    yield server
    server.close()


def assert_no_connection(server: socket.socket) -> None:
    try:
        conn, peer = server.accept()
    except BlockingIOError:
        return
    conn.close()
    pytest.fail(f"a connection was made to the local probe socket from {peer}")


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed(f"network access attempted: {args!r} {kwargs!r}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """Block sockets and urlopen; yield the audit events recorded meanwhile (checked after the test)."""
    global _recording
    monkeypatch.setattr(socket, "socket", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(urllib.request, "urlopen", _refuse)
    _events.clear()
    _recording = True
    try:
        yield _events
    finally:
        _recording = False
    network = [e for e in _events if e[0].startswith(("socket.", "urllib.Request"))]
    assert network == [], f"network events during extraction: {network[:5]}"


def extract_checked(data: bytes | str | Path) -> Article | None:
    """``extract`` must give an Article or raise ExtractionError; nothing else (least of all NetworkUsed)."""
    try:
        article = newsmeta.extract(data)
    except ExtractionError:
        return None
    assert isinstance(article, Article)
    return article


def opened_paths(events: list[tuple[str, tuple[Any, ...]]]) -> list[str]:
    return [str(args[0]) for event, args in events if event == "open" and args and isinstance(args[0], (str, bytes))]


# --------------------------------------------------------------------------------- the corpus, sockets blocked


@pytest.mark.parametrize("path", SMALL_HOSTILE + NORMAL, ids=lambda p: p.name)
def test_no_socket_is_opened_for_small_and_normal_inputs(path: Path, no_network: list[Any]) -> None:
    extract_checked(path.read_bytes())
    extract_checked(path)


def test_no_socket_is_opened_for_the_large_hostile_inputs(generated_paths: list[Path], no_network: list[Any]) -> None:
    for path in generated_paths:
        extract_checked(path.read_bytes())


def test_blocking_is_effective() -> None:
    """The guard itself works: with the patches on, opening a socket fails and is recorded."""
    global _recording
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "socket", _refuse)
        with pytest.raises(NetworkUsed):
            socket.socket()
    _events.clear()
    _recording = True
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.close()
    finally:
        _recording = False
    assert any(event == "socket.__new__" for event, _ in _events)


# --------------------------------------------------------------------------------- libxml2's own I/O


def remote_pages(port: int) -> dict[str, str]:
    base = f"http://127.0.0.1:{port}"
    return {
        "external_dtd": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//EVIL//DTD" "{base}/evil.dtd">\n'
            "<html><head><title>External DTD</title></head><body><p>x</p></body></html>"
        ),
        "entities": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html [\n <!ENTITY remote SYSTEM "{base}/entity.txt">\n'
            f' <!ENTITY % param SYSTEM "{base}/param.dtd">\n %param;\n]>\n'
            "<html><head><title>Remote Entities &remote;</title></head><body><p>&remote;</p></body></html>"
        ),
        "xinclude_and_stylesheet": (
            f'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="{base}/style.xsl"?>\n'
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>XInclude</title>'
            f'<link rel="stylesheet" href="{base}/style.css"><base href="{base}/">'
            f'<meta http-equiv="refresh" content="0;url={base}/refresh"></head>'
            f'<body><xi:include href="{base}/include.xml" parse="text"/>'
            f'<img src="{base}/pixel.gif"><iframe src="{base}/frame"></iframe><script src="{base}/app.js"></script>'
            "</body></html>"
        ),
        "jsonld_context": (
            '<html><head><title>Remote JSON-LD context</title><script type="application/ld+json">'
            + json.dumps({"@context": f"{base}/context.jsonld", "@type": "NewsArticle", "headline": "Remote Context",
                          "image": f"{base}/image.jpg"})
            + "</script></head><body></body></html>"
        ),
    }


@pytest.mark.parametrize("name", ["external_dtd", "entities", "xinclude_and_stylesheet", "jsonld_context"])
def test_libxml2_fetches_nothing(name: str, listener: socket.socket, no_network: list[Any]) -> None:
    page = remote_pages(listener.getsockname()[1])[name]
    for source in (page, page.encode("utf-8"), page.encode("utf-16")):
        article = extract_checked(source)
        assert article is not None
        assert "entity.txt" not in (article.title or "")
    assert_no_connection(listener)


# --------------------------------------------------------------------------------- no file read driven by content


@pytest.fixture
def secret(tmp_path: Path) -> tuple[Path, str]:
    token = f"NEWSMETA-SECRET-{uuid.uuid4().hex}"
    path = tmp_path / "secret.txt"
    path.write_text(token, encoding="utf-8")
    return path, token


def secret_pages(path: Path) -> dict[str, str]:
    uri = path.as_uri()
    return {
        "entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html [\n <!ENTITY xxe SYSTEM "{uri}">\n'
            f' <!ENTITY plain SYSTEM "{path}">\n]>\n'
            '<html><head><title>Secret &xxe; &plain;</title><meta name="description" content="&xxe;"></head>'
            "<body><article><h1>&xxe;</h1><p>&plain;</p></article></body></html>"
        ),
        "parameter_entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html [\n <!ENTITY % file SYSTEM "{uri}">\n %file;\n]>\n'
            "<html><head><title>Parameter Entity</title></head><body><p>x</p></body></html>"
        ),
        "doctype_system_id": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "{uri}">\n'
            "<html><head><title>Doctype System Id</title></head><body><p>x</p></body></html>"
        ),
        "xinclude": (
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>XInclude Secret</title></head>'
            f'<body><article><xi:include href="{uri}" parse="text"/><xi:include href="{path}" parse="text"/>'
            "</article></body></html>"
        ),
        "links": (
            f'<html><head><title>Links To A File</title><link rel="canonical" href="{uri}">'
            f'<meta property="og:image" content="{uri}"><link rel="stylesheet" href="{path}">'
            '<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "headline": "Links To A File", "image": uri, "url": uri})
            + "</script></head><body></body></html>"
        ),
    }


@pytest.mark.parametrize("name", ["entity", "parameter_entity", "doctype_system_id", "xinclude", "links"])
def test_no_file_is_read_because_a_document_says_so(
    name: str, secret: tuple[Path, str], no_network: list[tuple[str, tuple[Any, ...]]]
) -> None:
    path, token = secret
    page = secret_pages(path)[name]
    for source in (page, page.encode("utf-8"), page.encode("utf-16")):
        article = extract_checked(source)
        assert article is not None
        text = json.dumps(article.model_dump(mode="json"), ensure_ascii=False)
        assert token not in text, f"{name}: the secret file's content reached the record"
        assert path.as_uri() not in text, f"{name}: a file: URL reached the record"
    assert str(path) not in opened_paths(no_network), f"{name}: the document made newsmeta open {path}"


def test_no_file_is_read_by_a_capture_naming_a_file(secret: tuple[Path, str], no_network: list[Any]) -> None:
    path, token = secret
    capture = f"date 2023-03-01 {path.as_uri()}\n\nA Headline About Files\n\n" + "Some prose about it. " * 20
    for article in (newsmeta.extract(capture), newsmeta.extract_capture(capture)):
        text = json.dumps(article.model_dump(mode="json"), ensure_ascii=False)
        assert token not in text
    assert str(path) not in opened_paths(no_network)


def test_the_file_probe_would_catch_a_parser_that_resolves_entities(secret: tuple[Path, str]) -> None:
    """The secret-file probe can fail: an XML parser that resolves entities does leak the token."""
    from lxml import etree

    path, token = secret
    doc = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{path.as_uri()}">]><r>&x;</r>'.encode()
    assert token.encode() in etree.tostring(etree.fromstring(doc, etree.XMLParser(resolve_entities=True)))
    assert token.encode() not in etree.tostring(etree.fromstring(doc, etree.XMLParser(resolve_entities=False)))
