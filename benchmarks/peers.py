"""Adapters for the benchmark: one function per tool, ``(raw_bytes, url) -> prediction dict``.

A prediction has the shape ``../shared/tools/score.py`` scores: ``{"title", "authors": [...], "published": iso or
None, "image": url or None, "topics": [...]}``. Each adapter does its own decoding of the raw bytes (that is part
of the work a tool does on a page), and none touches the network: :func:`block_network` makes every socket
connection fail, and the few options that would fetch (newspaper4k's and goose3's image fetching) are off.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import socket
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

Prediction = dict[str, Any]
Adapter = Callable[[bytes, str | None], Prediction]

ALL_FIELDS = ("title", "date_day", "timestamp", "authors_f1", "image", "topics_f1")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NETWORK_ATTEMPTS: list[str] = []


class NetworkBlockedError(OSError):
    """Raised by the patched socket functions: the benchmark never goes on the network."""


def block_network() -> None:
    """Make every outgoing connection and name lookup raise (and count it in ``NETWORK_ATTEMPTS``)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        NETWORK_ATTEMPTS.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args)[:120])
        raise NetworkBlockedError("network access is disabled in the benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


def quiet() -> None:
    """Silence the peers' warnings and log output (missing optional NLP data, parse noise)."""
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)


def shared_tool(name: str) -> Any:
    """Import ``../shared/tools/<name>.py`` (``score``, ``predict``) as a module."""
    spec = importlib.util.spec_from_file_location(f"shared_{name}", SHARED / "tools" / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"no shared tool {name}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


def to_text(raw: bytes) -> str:
    """Bytes to ``str`` for the tools that want text: UTF-8, else the page's meta charset, else cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(raw[:4096])
    for encoding in ([match.group(1).decode("ascii")] if match else []) + ["cp1252"]:
        try:
            return raw.decode(encoding, errors="replace")
        except LookupError:
            continue
    return raw.decode("latin-1")


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(item).strip() for item in value if item and str(item).strip()]


def _prediction(title: Any, authors: Any, published: Any, image: Any, topics: Any) -> Prediction:
    return {"title": title or None, "authors": _list(authors), "published": _iso(published),
            "image": image or None, "topics": _list(topics)}


def _load_newsmeta() -> Adapter:
    import newsmeta

    to_prediction = shared_tool("predict").to_prediction

    def run(raw: bytes, url: str | None) -> Prediction:
        return dict(to_prediction(newsmeta.extract(raw, url=url)))

    return run


def _load_trafilatura() -> Adapter:
    """trafilatura's metadata path (``load_html`` + ``extract_metadata``), not its main-text extraction."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    def run(raw: bytes, url: str | None) -> Prediction:
        tree = load_html(raw)
        if tree is None:
            return {}
        meta = extract_metadata(tree, default_url=url)
        authors = [name.strip() for name in (meta.author or "").split(";") if name.strip()]
        return _prediction(meta.title, authors, meta.date, meta.image, meta.tags)

    return run


def _load_newspaper() -> Adapter:
    """newspaper4k: the HTML is handed in (``download(input_html=...)``), image fetching off."""
    from newspaper import Article
    from newspaper.configuration import Configuration

    def run(raw: bytes, url: str | None) -> Prediction:
        config = Configuration()
        config.fetch_images = False
        config.memorize_articles = False
        config.follow_meta_refresh = False
        article = Article(url or "http://localhost/", config=config)
        article.download(input_html=to_text(raw))
        article.parse()
        topics = article.tags or article.meta_keywords
        return _prediction(article.title, article.authors, article.publish_date, article.top_image, topics)

    return run


def _load_goose() -> Adapter:
    """goose3 on the HTML handed in; its top image needs image downloads, so goose3 gives no image here."""
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "http_timeout": 0.01})

    def run(raw: bytes, url: str | None) -> Prediction:
        article = goose.extract(url=url, raw_html=to_text(raw))
        published = article.publish_datetime_utc or article.publish_date
        return _prediction(article.title, article.authors, published, None, article.tags or article.meta_keywords)

    return run


def _load_htmldate() -> Adapter:
    """htmldate: the publication day only (``extensive_search=True, original_date=True``)."""
    from htmldate import find_date

    def run(raw: bytes, url: str | None) -> Prediction:
        day = find_date(raw, extensive_search=True, original_date=True, url=url)
        return _prediction(None, [], day, None, [])

    return run


@dataclass(frozen=True)
class Peer:
    """A tool in the comparison: its module, its PyPI distribution, the fields it gives, how to load it."""

    name: str
    module: str
    dist: str
    fields: tuple[str, ...]
    load: Callable[[], Adapter]
    note: str = ""

    def installed(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def version(self) -> str:
        try:
            return version(self.dist)
        except PackageNotFoundError:
            return "not installed"


PEERS: dict[str, Peer] = {
    peer.name: peer
    for peer in (
        Peer("newsmeta", "newsmeta", "newsmeta", ALL_FIELDS, _load_newsmeta),
        Peer("trafilatura", "trafilatura", "trafilatura",
             ("title", "date_day", "authors_f1", "image", "topics_f1"), _load_trafilatura,
             "metadata only (extract_metadata); dates are days (no time of day)"),
        Peer("newspaper4k", "newspaper", "newspaper4k", ALL_FIELDS, _load_newspaper,
             "HTML passed in, image fetching off; topics = tags, else meta keywords"),
        Peer("goose3", "goose3", "goose3", ("title", "date_day", "timestamp", "authors_f1", "topics_f1"),
             _load_goose, "HTML passed in; no image (its top image needs image downloads, disabled)"),
        Peer("htmldate", "htmldate", "htmldate", ("date_day",), _load_htmldate, "publication day only"),
    )
}


def load_adapter(name: str) -> Adapter:
    """The adapter of the tool ``name``, with the network blocked and the tool's noise silenced."""
    quiet()
    block_network()
    return PEERS[name].load()
