"""Fuzzing entry point for :func:`newsmeta.extract` (atheris / libFuzzer).

Contract checked for every input: ``extract`` returns an :class:`~newsmeta.Article` (which validates again,
round-trips through JSON and holds only http(s) URLs) or raises :class:`newsmeta.ExtractionError`. Anything
else (another exception, a crash, a hang past ``-timeout``, memory past ``-rss_limit_mb``) is a finding.

    pip install atheris
    mkdir -p /tmp/newsmeta-corpus
    python fuzz/fuzz_extract.py /tmp/newsmeta-corpus fixtures/hostile fixtures/html fixtures/capture \\
        -max_total_time=60 -max_len=65536 -timeout=20 -rss_limit_mb=2048 -artifact_prefix=/tmp/newsmeta-crash-

New inputs are written to the first corpus directory only; see CONTRIBUTING.md for longer runs.
The first input byte picks how the rest is fed: as bytes (most), as text, or to ``extract_capture``.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

import atheris

with atheris.instrument_imports(include=["newsmeta"]):
    import newsmeta
    from newsmeta import Article, ExtractionError



def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host (what ``normalize.urls.absolute_url`` promises)."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _urls(article: Article) -> list[str | None]:
    urls = [article.url, *(a.url for a in article.authors), *(i.url for i in article.images)]
    if article.image:
        urls.append(article.image.url)
    if article.publisher:
        urls.append(article.publisher.url)
        if article.publisher.logo:
            urls.append(article.publisher.logo.url)
    return urls


def check(article: object) -> None:
    if not isinstance(article, Article):
        raise AssertionError(f"extract returned {type(article).__name__}, not an Article")
    if Article.model_validate_json(article.model_dump_json()) != article:
        raise AssertionError("the record does not round-trip through JSON")
    for url in _urls(article):
        if url is not None and not is_web_url(url):
            raise AssertionError(f"unsafe or host-less URL in the record: {url!r}")


def TestOneInput(data: bytes) -> None:  # noqa: N802 - the name atheris expects
    if not data:
        return
    mode, payload = data[0] % 4, data[1:]
    try:
        if mode == 1:
            article = newsmeta.extract(payload.decode("utf-8", errors="replace"))
        elif mode == 2:
            article = newsmeta.extract_capture(payload)
        else:
            article = newsmeta.extract(payload)
    except ExtractionError:
        return
    check(article)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
