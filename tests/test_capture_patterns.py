"""Capture parts one by one: header, line classifier, templates as data, dump heuristics, bad captures."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import newsmeta
from newsmeta.document import Document
from newsmeta.extractors import capture, capture_dates, capture_lines, capture_template
from newsmeta.textcapture import looks_like_capture, split_header

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"


def _extract(name: str) -> newsmeta.Article:
    return newsmeta.extract((FIXTURES / name).read_bytes())


# --- header -------------------------------------------------------------------------------------------------


def test_date_header_gives_url_and_capture_day() -> None:
    header, rest = split_header(" date 2022-12-23 https://example.com/a\nline")
    assert header is not None and header.url == "https://example.com/a" and header.captured == date(2022, 12, 23)
    assert rest == "line"


def test_warc_headers_give_url_and_capture_time() -> None:
    header, rest = split_header((FIXTURES / "wet-record.txt").read_text(encoding="utf-8"))
    assert header is not None
    assert header.url == "https://example.org/2024/01/05/snow-closes-schools"
    assert header.captured == datetime(2024, 1, 5, 8, 30, tzinfo=timezone.utc)
    assert rest.startswith("Snow closes schools")


def test_capture_detection() -> None:
    assert looks_like_capture("date 2024-01-01 https://x.org/\n<p>quoted</p>")
    assert looks_like_capture("WARC/1.0\nWARC-Type: conversion\n")
    assert looks_like_capture("just a line of text")
    assert not looks_like_capture("<!doctype html><html><body><p>x</p></body></html>")


# --- line classifier ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2022-12-23T12:13+0000", "D"),
        ("28.04.2023, 14:30 Uhr", "d"),
        ("April 28, 2023 GMT", "d"),
        ("23 декабря 2022", "d"),
        ("vor 2 Stunden", "d"),
        ("https://cdn.example.com/img/07e6/photo_1920x0.jpg", "I"),
        ("https://images.example.com/resizer/abc=/1200x628/smart/pic", "I"),
        ("https://www.example.com/author/jane-doe/", "U"),
        ("feedback@example.com", "E"),
        ("+74956456601", "P"),
        ("Example News feedback@example.com +74956456601 Example Media LLC 252 60", "C"),
        ("en_EN", "L"),
        ("de-DE", "L"),
        ("2022", "Y"),
        ("1920 1080 true", "S"),
        ("252 60", "S"),
        ("true", "T"),
        ("/html/head/meta[@name='og:title']/@content /html/head/meta[@name='og:description']/@content", "X"),
        (".paywall-ld-ident", "X"),
        ("html > head > meta[name='description']", "X"),
        ('{"post_id":7380792}', "X"),
        ("north korea, military, shells, weapons", "K"),
        ("democratic republic of north korea (dprk)", "l"),
        ("Sergey Lebedev", "n"),
        ("Anne-Marie Slaughter", "n"),
        ("News", "w"),
        ("North Korea Denies Allegations It Has Supplied Munitions to Russia", "h"),
        ("A" * 250, "p"),
    ],
)
def test_line_kinds(text: str, kind: str) -> None:
    assert capture_lines.classify_text(text)[0] == kind


def test_mojibake_is_repaired() -> None:
    assert capture_lines.repair_mojibake("SÃ¼per Ligâ\x80\x99de") == "Süper Lig’de"
    assert capture_lines.repair_mojibake("kÃ©o dÃ i") == "kéo dài"  # a no-break space lost to a plain one
    assert capture_lines.repair_mojibake("Grüße") == "Grüße"


def test_date_phrase_is_cut_out_of_glued_text() -> None:
    assert capture_dates.date_phrases("Associated PressApril 28, 2023 GMT") == ("April 28, 2023 GMT",)
    assert capture_dates.is_update("Last Updated: August 8")
    assert capture_dates.segments("Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8")[1].startswith("Last")


# --- templates are data -------------------------------------------------------------------------------------


def _word_keys_of_whole_text(text: str) -> frozenset[str]:
    """:func:`capture_lines.word_keys` as first written: each variant of the whole text split into words."""
    import re
    from urllib.parse import unquote

    split = re.compile(r"[\W_]+").split
    lowered = text.casefold()
    if "%" in lowered:
        lowered = unquote(lowered)
    keys = set(split(lowered))
    for variant in (capture_lines._ascii_fold(lowered), capture_lines._transliterate(lowered)):
        keys.update(split(variant))
    keys.discard("")
    return frozenset(keys)


@pytest.mark.parametrize(
    "text",
    [
        "Über die Brücke: Straße gesperrt",
        "u\u0308ber a\u0301 \u0301b",  # combining marks glue letters back together once dropped
        "x\u00a8y ﬁnal ½ ① ℅ c\u00a0d",  # compatibility forms that split or join words
        "„Ich bin fassungslos“ – sagt er",
        "K ſ İstanbul ǅemal",
        "caf%C3%A9 %20 100% sicher",
        "plain ascii words only",
    ],
)
def test_word_keys_fold_only_words_with_other_letters(text: str) -> None:
    assert capture_lines.word_keys(text) == _word_keys_of_whole_text(text)


def test_month_names_are_letters() -> None:
    """The date pattern checks that a month name is a run of letters before trying the names one by one."""
    import re

    from newsmeta.rules import lexicon

    assert all(re.fullmatch(r"[^\W\d_]+", month) for month in lexicon()["months"])


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Veröffentlicht am 28. April 2023, 14:30 Uhr", ("28. April 2023, 14:30 Uhr",)),
        ("Published April 28, 2023 5:50 pm CET", ("April 28, 2023 5:50 pm CET",)),
        ("Sept. 3rd concert; xApril 3", ("Sept. 3rd", "April 3")),
        ("vor 3 Stunden", ("vor 3 Stunden",)),
        ("3 days", ("3 days",)),
        ("April showers bring flowers", ()),
    ],
)
def test_date_phrases(text: str, phrases: tuple[str, ...]) -> None:
    assert capture_dates.date_phrases(text) == phrases


def test_template_matches_by_structure_not_domain() -> None:
    seed = (FIXTURES / "sputnik-2022-12-23.txt").read_text(encoding="utf-8")
    _, body = split_header(seed.replace("sputniknews.com", "example.org"))
    lines = capture_lines.classify(body)
    matched = capture_template.match(lines, capture_lines.structure(lines))
    assert matched is not None and matched[0].name == "ria"


def test_a_capture_of_another_shape_matches_no_template() -> None:
    _, body = split_header((FIXTURES / "values-generic.txt").read_text(encoding="utf-8"))
    lines = capture_lines.classify(body)
    assert capture_template.match(lines, capture_lines.structure(lines)) is None


# --- values captures without a template ---------------------------------------------------------------------


def test_generic_values_capture() -> None:
    article = _extract("values-generic.txt")
    assert article.title == "Harbour festival draws record crowds despite the rain"
    assert article.published == datetime(2024, 5, 3, 15, 19, tzinfo=timezone.utc)  # the middle of three
    assert article.modified == datetime(2024, 5, 3, 15, 21, 23, tzinfo=timezone.utc)
    assert [p.name for p in article.authors] == ["Mary Sample"]
    assert article.tags == ["harbour festival", "rain", "tourism"]
    assert article.image is not None and "harbour-festival" in (article.image.url or "")
    assert article.publisher is not None and article.publisher.name == "Example Daily"
    assert article.language == "en-GB"
    assert article.provenance["title"].source.startswith("capture:values")


# --- page dumps -----------------------------------------------------------------------------------------------


def test_wire_dump_with_glued_byline_and_related_topics() -> None:
    article = _extract("dump-wire-story.txt")
    assert article.title == "Lakeside town opens its new library after two years of building"
    assert [p.name for p in article.authors] == ["Example Press"]
    assert article.tags == ["Libraries", "Lakeside", "Local government"]
    assert article.published is not None and article.published.date() == date(2023, 4, 28)
    assert article.body is not None and article.body.startswith("LAKESIDE (EW)")
    assert "Click to copy" not in article.model_dump_json()


def test_german_dump_with_von_byline_local_date_and_topics_label() -> None:
    article = _extract("dump-german-news.txt")
    assert article.title == "Stadtrat beschließt neues Radwegenetz für die Innenstadt"
    assert [p.name for p in article.authors] == ["Max Mustermann", "Erika Musterfrau"]
    assert article.published is not None and article.published.replace(tzinfo=None) == datetime(2023, 4, 28, 14, 30)
    assert article.provenance["published"].source.startswith("capture:dateline")
    assert article.tags == ["Radverkehr", "Stadtrat", "Verkehrswende"]


def test_relative_date_line_is_a_candidate_next_to_the_headline() -> None:
    header, body = split_header((FIXTURES / "dump-relative-date.txt").read_text(encoding="utf-8"))
    assert header is not None
    found = capture.extract(Document(url=header.url, text=body, captured=header.captured))
    assert any(c.field == "published" and c.value == "vor 2 Stunden" for c in found)
    article = _extract("dump-relative-date.txt")
    assert [p.name for p in article.authors] == ["Julia Beispiel", "Clare Muster"]
    assert article.published is not None and article.published.date() == date(2023, 6, 13)


def test_russian_dump_with_author_prefix_and_month_name() -> None:
    article = _extract("dump-russian.txt")
    assert article.title == "Новый мост через реку открыли для движения"
    assert [p.name for p in article.authors] == ["Иван Петров"]
    assert article.published is not None and article.published.date() == date(2022, 12, 23)


def test_wet_record_capture() -> None:
    article = _extract("wet-record.txt")
    assert article.url == "https://example.org/2024/01/05/snow-closes-schools"
    assert article.title == "Snow closes schools across the region for a second day"
    assert [p.name for p in article.authors] == ["Sam Example"]


def test_header_date_is_only_a_fallback() -> None:
    article = _extract("dump-russian.txt")  # captured 2022-12-24, the page says 23 December
    assert article.captured == date(2022, 12, 24)
    assert article.published is not None and article.published.date() == date(2022, 12, 23)


# --- bad captures -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "",
        "date 2024-01-01 https://example.com/x",
        "one single line",
        "x" * 10_000_000,
        "word " * 2_000_000,
        "\n".join(["/html/head/meta[@name='og:title']/@content", ".paywall", '{"a": 1}', "true", "1200"] * 50),
        "\x01\x02\x03\x04" * 1000,
    ],
    ids=["empty", "header-only", "one-line", "10MB-one-line", "10MB-words", "only-boilerplate", "control-chars"],
)
def test_bad_captures_give_an_article_or_extraction_error(source: str) -> None:
    try:
        article = newsmeta.extract_capture(source)
    except newsmeta.ExtractionError:
        return
    assert isinstance(article, newsmeta.Article)
    assert "/html/head" not in article.model_dump_json()


def test_binary_bytes_give_warnings_or_extraction_error() -> None:
    data = bytes(range(256)) * 100
    try:
        article = newsmeta.extract(data)
    except newsmeta.ExtractionError:
        return
    assert article.warnings
