"""Property-based tests (hypothesis) over generated HTML, JSON-LD, text captures and raw bytes.

For every input: :func:`newsmeta.extract` returns an :class:`~newsmeta.Article` or raises
:class:`newsmeta.ExtractionError`, never anything else; the record validates again and round-trips through
JSON; provenance names only fields that are filled; URL fields hold only http(s) URLs; lists respect the
:class:`~newsmeta.Limits`; dates are plausible. The whole module runs in well under a minute.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta import Article, ExtractionError, Limits

LIMITS = Limits()
EARLIEST = datetime(1990, 1, 1)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------- the properties


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _resolve(article: Article, dotted: str) -> Any:
    value: Any = article
    for part in dotted.split("."):
        if value is None or not hasattr(value, part):
            return None
        value = getattr(value, part)
    return value


def _urls(article: Article) -> list[str | None]:
    urls: list[str | None] = [article.url]
    urls += [a.url for a in article.authors]
    urls += [i.url for i in ([article.image] if article.image else []) + article.images]
    if article.publisher:
        urls.append(article.publisher.url)
        if article.publisher.logo:
            urls.append(article.publisher.logo.url)
    return urls


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host: the only kind of URL a record may hold."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def check_record(article: Any) -> None:
    assert isinstance(article, Article), type(article)
    assert Article.model_validate(article.model_dump()) == article
    assert Article.model_validate_json(article.model_dump_json()) == article
    json.loads(article.model_dump_json())  # plain JSON
    for key in article.provenance:
        assert key.split(".", 1)[0] in Article.model_fields, f"provenance names an unknown field {key}"
        assert _filled(_resolve(article, key)), f"provenance names the empty field {key}: {article!r}"
    for url in _urls(article):
        assert url is None or is_web_url(url), f"unsafe or host-less URL in the record: {url!r}"
    assert len(article.authors) <= LIMITS.max_authors
    assert len(article.tags) <= LIMITS.max_labels and len(article.sections) <= LIMITS.max_labels
    assert len(article.images) <= LIMITS.max_images
    latest = datetime.now(timezone.utc).replace(tzinfo=None)
    if article.captured is not None:  # a capture's own date is the reference (README: "after the capture + 1 day")
        captured = article.captured
        latest = max(latest, datetime(captured.year, captured.month, captured.day) + timedelta(days=1))
    latest += timedelta(days=2)
    for value in (article.published, article.modified):
        if value is not None:
            wall = value.replace(tzinfo=None)
            assert EARLIEST <= wall <= latest, f"implausible date in the record: {value!r}"
    assert all(isinstance(w, str) and w for w in article.warnings)


def extract_and_check(source: bytes | str) -> None:
    """The contract: an Article that passes :func:`check_record`, or an ExtractionError."""
    try:
        article = newsmeta.extract(source)
    except ExtractionError:
        return
    check_record(article)


# --------------------------------------------------------------------------------- building blocks

NASTY_VALUES = (
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:image/png;base64,AAAA",
    "file:///etc/passwd", "vbscript:msgbox", "//cdn.example.com/a.jpg", "/relative/path.jpg", "https://example.com/",
    "https://example.com/2023/04/28/story.html", "http://", "https://[::1", "0000-00-00", "2023-02-30",
    "9999-12-31T23:59:59Z", "2023-05-04T10:00:00+99:00", "2023-04-28T18:11:00+02:00", "28.04.2023 18:11",
    "vor 2 Stunden", "yesterday", "1682700000", "By Jane Doe and John Roe", "Von Max Mustermann", "&lol;",
    "&amp;&#0;&#x110000;&#xD800;", "\x00", "\ufeff", "\u202e", "NewsArticle", "https://schema.org/NewsArticle",
    "og:title", "og:image", "article:published_time", "", " ", "a" * 300,
    # lower() makes these longer (İ -> i + combining dot): offsets and lookups of the lower-cased text shift
    "vor 2 mİn", "HİER 14:30", "İSTANBUL HABERLERİ", "ﬁnance ﬂash", "STRAẞE",
)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
values = st.one_of(st.sampled_from(NASTY_VALUES), words)

TAGS = (
    "div", "p", "span", "a", "h1", "h2", "article", "section", "header", "footer", "time", "ul", "li", "b",
    "script", "style", "noscript", "table", "td", "img", "figure", "figcaption", "meta", "link", "title", "svg",
    "template", "iframe", "address", "main", "nav", "aside",
)
ATTRIBUTES = (
    "class", "id", "href", "src", "content", "property", "name", "itemprop", "itemscope", "itemtype", "datetime",
    "rel", "lang", "type", "charset", "srcset", "data-src", "width", "height", "alt", "http-equiv",
)
CLASS_NAMES = ("byline", "author", "date", "published", "tags", "tag-list", "headline", "article-body", "meta")


def _attribute(pair: tuple[str, str, bool]) -> str:
    name, value, escape = pair
    return f' {name}="{html.escape(value) if escape else value}"'


attributes = st.lists(
    st.tuples(st.sampled_from(ATTRIBUTES), st.one_of(values, st.sampled_from(CLASS_NAMES)), st.booleans()),
    max_size=4,
).map(lambda pairs: "".join(_attribute(p) for p in pairs))
text_nodes = st.one_of(values.map(html.escape), values)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), attributes, st.lists(children, max_size=4), st.booleans(),
    )


nodes = st.recursive(text_nodes, _element, max_leaves=25)

META_KEYS = (
    ("property", "og:title"), ("property", "og:description"), ("property", "og:image"), ("property", "og:url"),
    ("property", "article:published_time"), ("property", "article:modified_time"), ("property", "article:author"),
    ("property", "article:tag"), ("property", "article:section"), ("name", "twitter:image"), ("name", "author"),
    ("name", "description"), ("name", "keywords"), ("name", "date"), ("name", "parsely-pub-date"),
    ("name", "sailthru.author"), ("itemprop", "datePublished"), ("name", "copyright"),
)
metas = st.lists(
    st.builds(lambda key, value: f'<meta {key[0]}="{key[1]}" content="{html.escape(value)}">',
              st.sampled_from(META_KEYS), values),
    max_size=8,
).map("".join)

# --------------------------------------------------------------------------------- JSON-LD

LD_KEYS = (
    "@type", "@id", "@graph", "@context", "headline", "name", "alternativeHeadline", "datePublished",
    "dateModified", "dateCreated", "author", "creator", "image", "thumbnailUrl", "url", "keywords",
    "articleSection", "publisher", "logo", "mainEntityOfPage", "mainEntity", "inLanguage", "description",
    "articleBody", "copyrightYear", "width", "height", "caption", "sameAs", "email", "telephone", "legalName",
    "itemListElement", "hasPart", "isPartOf",
)
LD_TYPES = ("NewsArticle", "Article", "BlogPosting", "Person", "Organization", "ImageObject", "WebPage",
            "WebSite", "LiveBlogPosting", "ReportageNewsArticle", "ItemList")
ld_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(LD_TYPES), values,
)
ld_values = st.recursive(
    ld_leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(LD_KEYS), st.text(max_size=6)), children, max_size=6),
    ),
    max_leaves=30,
)
ld_nodes = st.fixed_dictionaries(
    {"@type": st.one_of(st.sampled_from(LD_TYPES), st.lists(st.sampled_from(LD_TYPES), max_size=3))},
    optional={key: ld_values for key in LD_KEYS if key != "@type"},
)
ld_documents = st.one_of(ld_nodes, st.lists(ld_nodes, max_size=3),
                         st.builds(lambda graph: {"@context": "https://schema.org", "@graph": graph},
                                   st.lists(ld_nodes, max_size=4)))


@st.composite
def ld_block(draw: st.DrawFn) -> str:
    """One JSON-LD block's text: valid, or broken (truncated, a stray character, a trailing comma...)."""
    text = json.dumps(draw(ld_documents), ensure_ascii=draw(st.booleans()))
    damage = draw(st.sampled_from(("none", "none", "truncate", "insert", "trailing-comma", "wrap", "entities")))
    if damage == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "insert":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(("{", "}", "[", "]", '"', ",", ":", "\x00", "</script>", "\\"))) + text[at:]
    elif damage == "trailing-comma":
        text = text.replace("}", ",}").replace("]", ",]")
    elif damage == "wrap":
        text = f"<!--\n{text}\n-->" if draw(st.booleans()) else f"//<![CDATA[\n{text}\n//]]>"
    elif damage == "entities":
        text = html.escape(text)
    return text


def _page(lang: str, title: str, head_meta: str, blocks: list[str], body: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return (f'<!doctype html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            f"<title>{title}</title>{head_meta}{scripts}</head><body>{body}</body></html>")


pages = st.builds(_page, values, text_nodes, metas, st.lists(ld_block(), max_size=2), nodes)
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "cp1251", "cp1252", "latin-1", "koi8-r", "utf-8-sig")


@given(page=pages, encoding=st.sampled_from(ENCODINGS))
@example(page=_page("en", "t", '<meta property="og:image" content="https:owers of the Isar 2 plant">', [], ""),
         encoding="utf-8")
@SETTINGS
def test_random_html_pages(page: str, encoding: str) -> None:
    extract_and_check(page)
    extract_and_check(page.encode(encoding, errors="replace"))


@given(blocks=st.lists(ld_block(), min_size=1, max_size=3), title=text_nodes)
@example(blocks=['{"@type": "NewsArticle", "@id": {"@id": []}}'], title="An @id that is no string")
@example(blocks=['{"@graph": [{"@type": "NewsArticle", "author": {"@id": {"x": 1}}}, {"@id": 5, "name": "n"}]}'],
         title="References of every type")
@SETTINGS
def test_random_json_ld(blocks: list[str], title: str) -> None:
    extract_and_check(_page("en", title, "", blocks, "<p>Text.</p>"))


@given(body=nodes)
@SETTINGS
def test_random_markup_fragments(body: str) -> None:
    extract_and_check(body)
    extract_and_check(body.encode("utf-8", errors="replace"))


# --------------------------------------------------------------------------------- captures

CAPTURE_LINES = (
    "", "", "By Jane Doe", "Von Max Mustermann", "2023-04-28T18:11:00+02:00", "28.04.2023, 18:11 Uhr",
    "April 28, 2023", "Updated 2 hours ago", "Related topics", "Mehr zum Thema", "Share", "Advertisement",
    "https://example.com/2023/04/28/story.html", "javascript:alert(1)", "file:///etc/passwd", "0000-00-00",
    "9999-12-31", "© 2023 Example News", "Politics", "World", "vor 2 mİn", "HİER 14:30", "İSTANBUL HABERLERİ",
    "The government announced on Friday that it would raise the minimum wage by five percent next year, "
    "a move welcomed by unions and criticised by several business associations across the country.",
    "Weitere Einzelheiten wurden zunächst nicht bekannt, teilte die Polizei am Abend in einer Erklärung mit.",
)
capture_lines = st.lists(st.one_of(st.sampled_from(CAPTURE_LINES), words), max_size=30)
capture_dates = st.builds(
    lambda d, time: d.isoformat() + (f"T{time}" if time else ""),
    st.dates(), st.sampled_from(("", "00:00", "12:30", "23:59:59", "25:61")),
)
capture_urls = st.one_of(st.sampled_from(NASTY_VALUES), st.just("https://example.com/2023/04/28/story"))


@st.composite
def captures(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("date", "warc", "none")))
    if kind == "date":
        header = f"date {draw(capture_dates)} {draw(capture_urls)}\n"
    elif kind == "warc":
        header = (f"WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: {draw(capture_urls)}\n"
                  f"WARC-Date: {draw(capture_dates)}Z\nContent-Type: text/plain\n\n")
    else:
        header = ""
    return header + "\n".join(draw(capture_lines))


@given(capture=captures(), encoding=st.sampled_from(ENCODINGS))
@example(capture="WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: https://[::1\nWARC-Date: 2000-01-01Z\n\n",
         encoding="utf-8")
@SETTINGS
def test_random_captures(capture: str, encoding: str) -> None:
    extract_and_check(capture)
    extract_and_check(capture.encode(encoding, errors="replace"))
    try:
        article = newsmeta.extract_capture(capture)
    except ExtractionError:
        return
    check_record(article)


# --------------------------------------------------------------------------------- raw bytes


@given(data=st.binary(max_size=4096))
@settings(max_examples=300, deadline=None)
def test_random_bytes(data: bytes) -> None:
    extract_and_check(data)


@given(prefix=st.binary(max_size=64), page=pages)
@SETTINGS
def test_pages_behind_random_bytes(prefix: bytes, page: str) -> None:
    extract_and_check(prefix + page.encode("utf-8"))
