"""Zone inference: a time printed without an offset placed in the zone the page's locale points to, recorded."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import newsmeta
from newsmeta.candidate import Candidate
from newsmeta.model import Article
from newsmeta.normalize.dates_zones import LocaleZone, country_tld, locale_zone
from newsmeta.resolve import build_article
from newsmeta.resolve.common import Context
from newsmeta.resolve.dates import resolve


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def C(field: str, value: str, source: str = "capture:dateline", confidence: float = 0.5) -> Candidate:  # noqa: N802
    return Candidate(field, value, source, confidence)


def build(*candidates: Candidate, url: str | None = None, captured: date | None = None) -> Article:
    return build_article(list(candidates), url=url, captured=captured, warnings=[])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.co.uk/news/x", "uk"),
        ("https://www.ntv.com.tr/a", "tr"),
        ("https://example.com/a", None),
        ("https://localhost/a", None),
        ("https://[::1]/a", None),
        (None, None),
    ],
)
def test_country_tld(url: str | None, expected: str | None) -> None:
    assert country_tld(url) == expected


@pytest.mark.parametrize(
    ("url", "languages", "texts", "expected"),
    [
        ("https://www.example.de/a", (), (), LocaleZone("Europe/Berlin", ".de")),
        ("https://www.example.co.uk/a", (), (), LocaleZone("Europe/London", ".uk")),
        ("https://www.example.at/a", ("en",), (), LocaleZone("Europe/Vienna", ".at")),  # the country wins
        ("https://www.example.com/a", ("de-AT", "de"), (), LocaleZone("Europe/Vienna", "lang=de-AT")),
        ("https://www.example.com/a", ("de",), (), LocaleZone("Europe/Berlin", "lang=de")),
        ("https://www.example.io/a", ("ja",), (), LocaleZone("Asia/Tokyo", "lang=ja")),  # .io is no country
        ("https://www.example.com/a", (), ("28.04.2023, 14:30 Uhr",), LocaleZone("Europe/Berlin", "Uhr")),
        ("https://www.example.com/a", (), ("05.06.2025 um 14:46",), LocaleZone("Europe/Berlin", "Uhr")),
        # several zones in the country or language: no guess
        ("https://www.example.com.au/a", ("en-AU",), ("14:30 Uhr",), None),
        ("https://www.example.ru/a", (), (), None),
        ("https://www.example.com/a", ("en-US",), (), None),
        ("https://www.example.com/a", ("en",), ("14:30 Uhr",), None),
        ("https://www.example.com/a", ("pt",), (), None),
        # a country not listed contradicts the language (a Danish-language page on .ag is not in Copenhagen)
        ("https://www.example.ag/a", ("da",), (), None),
        ("https://www.example.com/a", (), ("April 28, 2023 2:30 PM",), None),
    ],
)
def test_locale_zone(url: str, languages: tuple[str, ...], texts: tuple[str, ...], expected: LocaleZone | None) -> None:
    assert locale_zone(url, languages, texts) == expected


def test_a_naive_time_is_placed_in_the_countrys_zone_with_daylight_saving_time() -> None:
    summer = build(C("published", "28.04.2023, 14:30 Uhr"), url="https://www.zeitung.example.de/a")
    assert summer.published == datetime(2023, 4, 28, 14, 30, tzinfo=tz(2))
    assert summer.provenance["published"].source == "capture:dateline+zone:Europe/Berlin(.de)"
    assert not summer.warnings  # an inference, not a problem
    winter = build(C("published", "12.12.2025, 05:07 Uhr"), url="https://www.zeitung.example.de/a")
    assert winter.published == datetime(2025, 12, 12, 5, 7, tzinfo=tz(1))


def test_modified_is_placed_too() -> None:
    article = build(
        C("published", "18 juil. 2024 à 08:01"),
        C("modified", "18 juil. 2024 à 09:06"),
        url="https://www.journal.example.fr/monde/le-fil",
    )
    assert article.published == datetime(2024, 7, 18, 8, 1, tzinfo=tz(2))
    assert article.modified == datetime(2024, 7, 18, 9, 6, tzinfo=tz(2))
    assert article.provenance["modified"].source.endswith("+zone:Europe/Paris(.fr)")


def test_no_inference_for_a_country_with_several_zones() -> None:
    article = build(C("published", "12:20pm Jan 7, 2024"), url="https://www.news.example.com.au/world/story")
    assert article.published == datetime(2024, 1, 7, 12, 20)
    assert article.provenance["published"].source == "capture:dateline"


def test_a_zone_the_page_writes_is_kept() -> None:
    article = build(C("published", "24 Feb 2024 12.42 CET"), url="https://www.example.co.uk/world/story")
    assert article.published == datetime(2024, 2, 24, 12, 42, tzinfo=tz(1))
    assert "+zone:" not in article.provenance["published"].source


def test_a_day_without_time_gets_no_zone() -> None:
    article = build(C("published", "21. Mai 2026"), url="https://example.de/2026/05/21/story")
    assert article.published == datetime(2026, 5, 21)


def test_a_utc_time_is_shown_in_the_pages_zone_same_instant() -> None:
    article = build(
        C("published", "2023-11-01T23:01:00Z", "jsonld:NewsArticle.datePublished", 0.9),
        url="https://www.giornale.example.it/esteri/2023/11/02/diretta",
    )
    assert article.published == datetime(2023, 11, 2, 0, 1, tzinfo=tz(1))  # the day the page shows
    assert article.published.astimezone(timezone.utc) == datetime(2023, 11, 1, 23, 1, tzinfo=timezone.utc)
    assert article.provenance["published"].source == "jsonld:NewsArticle.datePublished+zone:Europe/Rome(.it)"


def test_a_utc_time_in_a_zone_on_utc_is_left_alone() -> None:
    article = build(
        C("published", "2024-01-06T08:39:00Z", "jsonld:NewsArticle.datePublished", 0.9), url="https://x.co.uk/a"
    )
    assert article.published == datetime(2024, 1, 6, 8, 39, tzinfo=timezone.utc)
    assert article.provenance["published"].source == "jsonld:NewsArticle.datePublished"


def test_an_offset_of_the_page_that_contradicts_the_zone_stops_the_inference() -> None:
    article = build(
        C("published", "2023-04-28 14:30:00", "jsonld:NewsArticle.datePublished", 0.9),
        C("modified", "2023-04-29T09:00:00-05:00", "meta:property=article:modified_time", 0.8),
        url="https://www.example.de/us-ausgabe/story",
    )
    assert article.published == datetime(2023, 4, 28, 14, 30)


def test_the_page_language_gives_the_zone_on_a_generic_domain() -> None:
    context = Context(url="https://www.nachrichten.example.com/a", captured=None)
    published, _ = resolve(
        [C("published", "2025-06-05 14:46")], [], context, [C("language", "de-AT", "dom:html@lang", 0.6)]
    )
    assert published is not None
    assert published.value.value == datetime(2025, 6, 5, 14, 46, tzinfo=tz(2))
    assert published.evidence.source == "capture:dateline+zone:Europe/Vienna(lang=de-AT)"
    english, _ = resolve([C("published", "2025-06-05 14:46")], [], context, [C("language", "en", "dom:html@lang", 0.6)])
    assert english is not None and not english.value.has_tz


def test_a_capture_dump_with_a_local_time_gets_its_zone() -> None:
    text = (
        "date 2024-04-27 https://www.sender.example.de/wirtschaft/job-turbo-100.html\n"
        "Startseite\nWirtschaft\n"
        "Job-Turbo hilft Geflüchteten auf dem Arbeitsmarkt schneller als erwartet\n"
        "27.04.24 um 07:39 Uhr\n"
        + "Der sogenannte Job-Turbo der Bundesregierung zeigt erste Wirkung, melden die Arbeitsagenturen. " * 4
        + "\n"
    )
    article = newsmeta.extract(text.encode())
    assert article.published == datetime(2024, 4, 27, 7, 39, tzinfo=tz(2))
    assert article.provenance["published"].source.endswith("+zone:Europe/Berlin(.de)")


@pytest.mark.parametrize(
    "line",
    [
        "2023-03-01T09:30:00Z",
        "Published 2023-03-01T09:30:00Z",
        "Updated: 2023-03-01 09:30:00Z",
    ],
)
def test_an_iso_timestamp_line_in_a_capture_dump_keeps_its_time_and_zone(line: str) -> None:
    body = "This is a long paragraph of article prose that goes on, describing the events in detail. " * 5
    text = (
        "date 2023-03-05 https://example.com/news/story\nHome\nNews\n"
        f"Some Headline For The Story Here Today\nBy Jane Doe\n{line}\n{body}\n"
    )
    article = newsmeta.extract(text.encode())
    assert article.published == datetime(2023, 3, 1, 9, 30, tzinfo=timezone.utc)
