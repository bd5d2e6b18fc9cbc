"""The public API: input types, errors, empty input, serialisation and time zones."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import lxml.etree
import lxml.html
import parsel
import pytest

import newsmeta
import newsmeta.api
from newsmeta import Article, ExtractionError

FIXTURE_NAMES = sorted(p.name for p in (Path(__file__).parent.parent / "fixtures/html").glob("*.html"))
GRAPH_TITLE = "Harbour bridge reopens after two-year repair"


# ------------------------------------------------------------------------------------------ input types


def test_bytes_str_and_path_give_the_same_record(fixtures_dir: Path, read_fixture) -> None:
    data = read_fixture("jsonld_graph.html")
    from_bytes = newsmeta.extract(data)
    from_str = newsmeta.extract(data.decode("utf-8"))
    from_path = newsmeta.extract(fixtures_dir / "jsonld_graph.html")
    assert from_bytes.title == GRAPH_TITLE
    assert from_bytes == from_str == from_path


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_bytes_like_inputs(read_fixture, wrap) -> None:
    assert newsmeta.extract(wrap(read_fixture("jsonld_graph.html"))).title == GRAPH_TITLE


def test_lxml_html_element(read_fixture) -> None:
    root = lxml.html.document_fromstring(read_fixture("jsonld_graph.html"))
    article = newsmeta.extract(root)
    assert article.title == GRAPH_TITLE
    assert article.tags == ["Harbour", "Infrastructure", "City council"]


def test_lxml_html_element_is_used_without_reparsing(read_fixture) -> None:
    root = lxml.html.document_fromstring(read_fixture("jsonld_graph.html"))
    assert newsmeta.api._document(root, None, None).tree is root


def test_plain_lxml_etree_element(read_fixture) -> None:
    """An element from ``lxml.etree.HTML`` (not an ``lxml.html.HtmlElement``) is an lxml element too."""
    root = lxml.etree.HTML(read_fixture("jsonld_graph.html"))
    assert not isinstance(root, lxml.html.HtmlElement)
    article = newsmeta.extract(root)
    assert article.title == GRAPH_TITLE
    assert article.authors == [
        newsmeta.Person(name="Jane Doe", url="https://www.example-times.com/authors/jane-doe"),
        newsmeta.Person(name="John Roe"),
    ]


def test_parsel_selector_tree_is_used_as_is(read_fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    selector = parsel.Selector(text=read_fixture("jsonld_graph.html").decode("utf-8"))
    assert newsmeta.api._document(selector, None, None).tree is selector.root

    def no_parsing(*args, **kwargs):
        raise AssertionError("the selector's tree must not be parsed again")

    monkeypatch.setattr(newsmeta.api, "_parse_html", no_parsing)
    monkeypatch.setattr(newsmeta.api, "_parse_utf8", no_parsing)
    monkeypatch.setattr(newsmeta.api, "document_from_text", no_parsing)
    monkeypatch.setattr(newsmeta.api, "decode", no_parsing)
    article = newsmeta.extract(selector, url="https://www.example-times.com/city/2023/04/28/harbour-bridge-reopens")
    assert article.title == GRAPH_TITLE
    assert article.published == datetime(2023, 4, 28, 9, 15, tzinfo=timezone(timedelta(hours=2)))


def test_parsel_selector_built_from_an_existing_tree(read_fixture) -> None:
    root = lxml.html.document_fromstring(read_fixture("opengraph_dw.html"))
    selector = parsel.Selector(root=root)
    assert newsmeta.api._document(selector, None, None).tree is root
    assert newsmeta.extract(selector).title == "Germany shuts down its last nuclear plants"


def test_str_with_xml_encoding_declaration() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>Größe zählt</title></head><body></body></html>'
    assert newsmeta.extract(page).title == "Größe zählt"


@pytest.mark.parametrize("source", [42, 3.5, {"html": "<p>x</p>"}, ["<html></html>"], None, object()])
def test_wrong_input_types_raise_type_error(source: object) -> None:
    with pytest.raises(TypeError):
        newsmeta.extract(source)


# --------------------------------------------------------------------------------------- binary, errors


def test_binary_input_raises_extraction_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1234).randbytes(4096)
    with pytest.raises(ExtractionError):
        newsmeta.extract(png)


def test_nul_bytes_raise_extraction_error() -> None:
    data = b"<html><head><title>x</title></head>" + b"\x00" * 200 + b"</html>"
    with pytest.raises(ExtractionError):
        newsmeta.extract(data)


def test_binary_file_raises_extraction_error(tmp_path: Path) -> None:
    path = tmp_path / "picture.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(ExtractionError):
        newsmeta.extract(path)


def test_missing_file_raises_extraction_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError):
        newsmeta.extract(tmp_path / "missing.html")


def test_extraction_error_is_exported() -> None:
    assert newsmeta.ExtractionError is ExtractionError
    assert "ExtractionError" in newsmeta.__all__


@pytest.mark.parametrize(
    "source",
    [b"", "", "   ", b"  \n\t  ", "\n\n"],
    ids=["empty-bytes", "empty-str", "spaces", "blank-bytes", "newlines"],
)
def test_empty_input_gives_an_empty_article_with_warnings(source: str | bytes) -> None:
    article = newsmeta.extract(source)
    assert isinstance(article, Article)
    assert article.title is None
    assert article.authors == []
    assert article.warnings != []


def test_malformed_html_does_not_raise() -> None:
    article = newsmeta.extract(
        "<html><head><title>Unclosed tags everywhere</title><body><div><p>text <b>bold <i>both</div>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    )
    assert article.title == "Unclosed tags everywhere"
    assert article.warnings == ["a JSON-LD block could not be parsed"]


# ----------------------------------------------------------------------------------------- serialisation


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_json_dump_round_trips(fixtures_dir: Path, name: str) -> None:
    article = newsmeta.extract(fixtures_dir / name, url="https://www.example.org/news/2023/01/02/page")
    again = Article.model_validate(article.model_dump(mode="json"))
    assert again == article
    assert Article.model_validate_json(article.model_dump_json()) == article


@pytest.mark.parametrize(
    "captured",
    [
        date(2023, 4, 28),
        datetime(2023, 4, 28, 20, 32, 23, tzinfo=timezone.utc),
        datetime(2023, 4, 28, 0, 0, tzinfo=timezone.utc),
        datetime(2023, 4, 28, 0, 0),
    ],
)
def test_captured_round_trips_with_its_type(fixtures_dir: Path, captured: date | datetime) -> None:
    article = newsmeta.extract(fixtures_dir / "jsonld_graph.html", captured=captured)
    assert article.captured == captured
    again = Article.model_validate(article.model_dump(mode="json"))
    assert type(again.captured) is type(captured)
    assert again == article


def test_record_forbids_unknown_fields() -> None:
    with pytest.raises(ValueError):
        Article.model_validate({"title": "x", "headline": "y"})


# ------------------------------------------------------------------------------------------- time zones


def test_dates_with_offset_are_tz_aware(fixtures_dir: Path) -> None:
    article = newsmeta.extract(fixtures_dir / "jsonld_graph.html")
    assert article.published == datetime(2023, 4, 28, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert article.published.utcoffset() == timedelta(hours=2)
    assert article.modified.utcoffset() == timedelta(hours=2)
    zulu = newsmeta.extract(fixtures_dir / "jsonld_defects.html")
    assert zulu.published == datetime(2023, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert zulu.published.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unsafe_images.html", datetime(2023, 6, 12, 8, 30)),
    ],
)
def test_dates_without_offset_are_naive(fixtures_dir: Path, name: str, expected: datetime) -> None:
    article = newsmeta.extract(fixtures_dir / name)
    assert article.published == expected
    assert article.published.tzinfo is None


def test_json_dump_keeps_the_offset(fixtures_dir: Path) -> None:
    dumped = newsmeta.extract(fixtures_dir / "microdata_hidden.html").model_dump(mode="json")
    assert dumped["published"] == "2022-12-23T14:05:00+03:00"
    naive = newsmeta.extract(fixtures_dir / "unsafe_images.html").model_dump(mode="json")
    assert naive["published"] == "2023-06-12T08:30:00"


def test_a_local_time_gets_its_zone_from_the_page_locale_with_provenance(fixtures_dir: Path) -> None:
    """A time without offset on a .at page in de-AT: Europe/Vienna, inferred and said so in the provenance."""
    article = newsmeta.extract(fixtures_dir / "canonical_lang.html")
    assert article.model_dump(mode="json")["published"] == "2023-11-23T18:45:00+01:00"
    assert article.provenance["published"].source.endswith("+zone:Europe/Vienna(.at)")


# ---------------------------------------------------------------------------------------------- decoding


def test_utf8_page_labelled_latin1(fixtures_dir: Path) -> None:
    assert newsmeta.extract(fixtures_dir / "utf8_labelled_latin1.html").title == "Größe zählt: Straßenbäume im Test"


@pytest.mark.parametrize("name", ["cp1251_no_charset.html", "cp1251_labelled_utf8.html"])
def test_cp1251_page(fixtures_dir: Path, name: str) -> None:
    assert newsmeta.extract(fixtures_dir / name).title == "Морозы ударят по всей европейской части России"


def test_url_and_captured_are_passed_through(fixtures_dir: Path) -> None:
    article = newsmeta.extract(
        fixtures_dir / "byline_en.html", url="https://riverside.example/local/library-hours", captured=date(2023, 5, 1)
    )
    assert article.url == "https://riverside.example/local/library-hours"
    assert article.provenance["url"].source == "url:given"
    assert article.captured == date(2023, 5, 1)


def test_utf8_bytes_are_parsed_as_they_are_and_decoded_only_on_demand() -> None:
    page = "<html><head><title>Größe zählt</title></head><body><p>Straßenbäume</p></body></html>".encode()
    doc = newsmeta.api._document(page, None, None)
    assert doc.source == page  # no text decoded up front
    assert doc.tree is not None and doc.tree.findtext("head/title") == "Größe zählt"
    assert doc.mentions("Straßenbäume") and not doc.mentions("Birke")
    assert "Straßenbäume" in doc.source_text


def test_content_type_charset_decides_for_bytes_that_are_not_utf8() -> None:
    title = "Příliš žluťoučký kůň úpěl ďábelské ódy"
    page = f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>".encode("iso-8859-2")
    article = newsmeta.extract(page, content_type="text/html; charset=ISO-8859-2")
    assert article.title == title


@pytest.mark.parametrize(
    ("encoding", "title"),
    [
        ("iso-8859-2", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
        ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
        ("iso-8859-2", "Zażółć gęślą jaźń, powiedział minister"),
        ("cp1250", "Zażółć gęślą jaźń, powiedział minister"),
        ("cp1252", "Größe zählt: Straßenbäume im Café"),
        ("latin-1", "Ça coûte très cher à Noël, déjà"),
        ("cp1251", "Правительство объявило новую реформу"),
        ("koi8-r", "Правительство объявило новую реформу"),
    ],
)
def test_undeclared_legacy_encodings_are_detected(encoding: str, title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>".encode(encoding)
    assert newsmeta.extract(page).title == title


def test_json_ld_article_body_keeps_its_paragraphs() -> None:
    body = "First   paragraph of the story.\n\n  Second paragraph,\twith a tab.  \r\nThird one."
    block = json.dumps({"@type": "NewsArticle", "headline": "Paragraphs kept", "articleBody": body})
    page = f'<html><head><script type="application/ld+json">{block}</script></head><body></body></html>'
    article = newsmeta.extract(page)
    assert article.body == "First paragraph of the story.\n\nSecond paragraph, with a tab.\n\nThird one."
