"""Capture parts one by one: header, line classifier, templates as data, dump heuristics, bad captures."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import newsmeta
from newsmeta.document import Document
from newsmeta.extractors import (
    capture,
    capture_bylines,
    capture_dates,
    capture_headline,
    capture_lines,
    capture_template,
)
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


# --- patterns seen on sites outside the dev corpus (page dumps built from other publishers' pages) --------------

_BODY = (
    "Der Stadtrat hat am Donnerstagabend mit großer Mehrheit beschlossen, entlang des alten Hafens einen neuen "
    "Radweg zu bauen, der die Innenstadt mit den Wohnvierteln im Norden verbindet und im Herbst fertig sein soll.\n\n"
    "Die Kosten von rund zwei Millionen Euro trägt zum größten Teil das Land, den Rest zahlt die Stadt aus dem "
    "Haushalt des kommenden Jahres, wie der Bürgermeister nach der Sitzung vor Journalisten erklärte."
)


def _dump(url: str, *lines: str) -> newsmeta.Article:
    return newsmeta.extract_capture(f"date 2024-05-10 {url}\n\n" + "\n\n".join(lines) + "\n\n" + _BODY, url=url)


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Startseite » Nachrichten » Stadtrat beschließt Radweg am Hafen", "Stadtrat beschließt Radweg am Hafen"),
        ("You are here: Home / Baby / Nursery Ideas For Small Rooms", "Nursery Ideas For Small Rooms"),
        ("Sie sind hier: Stadtrat beschließt Radweg", "Stadtrat beschließt Radweg"),
        ("Klima / News / Jahresbericht Klima 2021", "Jahresbericht Klima 2021"),
        ("Können Fische Schmerzen spüren / empfinden?", None),  # one separator: no trail
        ("»Einfach kein Geld mehr für die Miete«", None),  # a quote, no trail
        ("Warum »Muster« und »Beispiel« streiten", None),
    ],
)
def test_breadcrumb_trail_ends_with_the_headline(text: str, tail: str | None) -> None:
    assert capture_headline.crumb_tail(text) == tail


def test_breadcrumb_trail_is_cut_from_the_headline_even_when_the_slug_names_its_section() -> None:
    article = _dump(
        "https://example.com/nachrichten/stadtrat-beschliesst-radweg-am-hafen/",
        "Nachrichten",
        "Startseite » Nachrichten » Stadtrat beschließt Radweg am Hafen",
        "Stadtrat beschließt Radweg am Hafen",
        "Von Anna Beispiel",
        "10. Mai 2024",
    )
    assert article.title == "Stadtrat beschließt Radweg am Hafen"


def test_a_date_below_a_short_headline_is_not_the_menu_items_above_it() -> None:
    # a menu item (repeated in the footer) a few short lines above a short headline: the date is the headline's
    menu = ["Podcasts", "Kiezrekorder", "Mixed Stories", "Weißt du was?", "Über uns", "Klub", "Presse", "Werbung"]
    url = "https://example.org/p123/"
    lines = [*menu, "Mit dem Rad durch Wien", "16. Dezember 2019", _BODY, "Weißt du was?", "Impressum"]
    article = newsmeta.extract_capture(f"date 2024-05-10 {url}\n\n" + "\n\n".join(lines), url=url)
    assert article.title == "Mit dem Rad durch Wien"


@pytest.mark.parametrize(
    "text",
    [
        "Direkt zur Suche",
        "Skip to main content",
        "Gefällt mir Wird geladen...",
        "Pingback: Stadtrat beschließt Radweg – Blog",
        "Fotostrecke mit 4 Bildern",
    ],
)
def test_page_controls_are_no_headline(text: str) -> None:
    line = capture_lines.split_lines(text)[0]
    assert capture_headline.is_ui_text(text)
    assert capture_headline._penalties(line) >= capture_headline.UI_PENALTY
    assert not capture_headline.is_ui_text("Stadtrat beschließt Radweg am Hafen")


def test_a_skip_link_above_the_headline_is_not_taken() -> None:
    article = _dump(
        "https://example.org/p123/", "Direkt zur Hauptnavigation", "Leichte Sprache", "Stadtrat tagt im Rathaus"
    )
    assert article.title == "Stadtrat tagt im Rathaus"


@pytest.mark.parametrize(
    "text", ["Ähnliche Beiträge", "Weitere Beiträge", "Aktuelle Meldungen", "TrackBack URI", "Vorheriger Beitrag"]
)
def test_section_headings_are_no_byline(text: str) -> None:
    assert capture_bylines.byline(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [("Ein Artikel von Pamela Muster", "Pamela Muster"), ("Blog Beitrag von Margit Beispiel", "Margit Beispiel")],
)
def test_article_by_prefixes(text: str, names: str) -> None:
    assert capture_bylines.byline(text) == (names, True)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Published 29th Oct 2023, 12:47 GMT", ("29th Oct 2023, 12:47 GMT",)),
        ("1st November 2023", ("1st November 2023",)),
        ("Januar 2022", ()),  # a month and a year: no day (not ``Januar 20``)
        ("Oct 2023", ()),
    ],
)
def test_ordinal_days_and_month_years(text: str, phrases: tuple[str, ...]) -> None:
    assert capture_dates.date_phrases(text) == phrases


def test_a_date_labelled_as_the_publication_inside_a_byline_line_is_no_caption_date() -> None:
    article = _dump(
        "https://example.org/der-lange-und-die-alte-dame/",
        "Der Lange und die alte Dame",
        "By Daniel | Published: 23. Juli 2017 | Kommentare geschlossen",
        "Unser zweiter Neuzugang ist da, und er ist größer als alle anderen Spieler in der Mannschaft zusammen.",
        "1. Juni 2017",
    )
    assert article.published is not None and article.published.date() == date(2017, 7, 23)


def test_the_date_of_a_quoted_post_is_not_the_articles() -> None:
    url = "https://example.org/p123/"
    lines = [
        "Der Lange und die alte Dame",
        "Unser zweiter Neuzugang ist da, und er ist größer als alle anderen Spieler in der Mannschaft zusammen.",
        "— Hertha Beispiel (@HerthaBeispiel) June 1, 2017",
        _BODY,
        "Veröffentlicht am 23. Juli 2017",
    ]
    article = newsmeta.extract_capture(f"date 2024-05-10 {url}\n\n" + "\n\n".join(lines), url=url)
    assert article.published is not None and article.published.date() == date(2017, 7, 23)


def test_a_headline_shown_again_and_a_byline_below_it_do_not_end_its_meta_block() -> None:
    # the title line, then kicker and headline as shown, date and a byline further down: all the title's
    lines = [
        'Hafenmarathon 2024: Überlegener Sieger und "royaler Besuch"',
        "Hafenmarathon 2024",
        'Überlegener Sieger, kuriose Kostüme und "royaler Besuch"',
        "28.04.2024, 17:19 Uhr",
        "•",
        "Lesezeit: 8 Minuten",
        "Von Simone Muster und Rainer Beispiel",
    ]
    article = _dump("https://example.org/sport/article241234/hafenmarathon-sieger-besuch.html", *lines)
    assert [person.name for person in article.authors] == ["Simone Muster", "Rainer Beispiel"]
    assert article.title == lines[0]
