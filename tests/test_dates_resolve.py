"""The date resolver on hand-built candidates: never swapped, implausible dropped, URL cross-check, local offsets."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from newsmeta.candidate import Candidate
from newsmeta.model import Article
from newsmeta.resolve import build_article


def C(field: str, value: str, source: str, confidence: float) -> Candidate:  # noqa: N802
    return Candidate(field, value, source, confidence)


def build(*candidates: Candidate, url: str | None = None, captured: date | datetime | None = None) -> Article:
    return build_article(list(candidates), url=url, captured=captured, warnings=[])


def test_published_and_modified_never_swapped() -> None:
    article = build(
        C("modified", "2023-04-20T08:00:00+01:00", "jsonld:NewsArticle.dateModified", 0.9),
        C("published", "2023-04-22T08:00:00+01:00", "jsonld:NewsArticle.datePublished", 0.9),
    )
    assert article.published == datetime(2023, 4, 22, 8, tzinfo=timezone(timedelta(hours=1)))
    assert article.modified is None
    assert any("modified date precedes published" in w for w in article.warnings)


def test_implausible_dates_dropped_with_a_warning() -> None:
    article = build(
        C("published", "1970-01-01T00:00:00Z", "meta:name=date", 0.5),
        C("published", "2031-01-01", "jsonld:NewsArticle.datePublished", 0.9),
        C("published", "2023-04-28", "dom:time@datetime", 0.4),
        captured=date(2023, 5, 1),
    )
    assert article.published == datetime(2023, 4, 28)
    assert any("implausible published" in w for w in article.warnings)


def test_url_date_breaks_ties_between_weak_text_dates() -> None:
    article = build(
        C("published", "2021-02-18", "dom:p.text", 0.5),
        C("published", "2022-01-21", "dom:p.text", 0.46),
        C("published", "2022-01-21", "url:path-date", 0.45),
        url="https://example.com/2022/01/21/story",
    )
    assert article.published == datetime(2022, 1, 21)


def test_url_month_prefers_dates_in_it() -> None:
    article = build(
        C("published", "2018-07-02", "dom:span.text", 0.5),
        C("published", "2018-08-02", "dom:span.text", 0.48),
        url="https://blog.example.com/2018/08/trip.html",
    )
    assert article.published == datetime(2018, 8, 2)


def test_zone_borrowed_from_a_source_with_the_same_wall_clock() -> None:
    article = build(
        C("published", "2023-04-28 18:11:01.0", "jsonld:NewsArticle.datePublished", 0.9),
        C("published", "2023-04-28T18:11:01+02:00", "meta:name=date", 0.5),
    )
    assert article.published == datetime(2023, 4, 28, 18, 11, 1, tzinfo=timezone(timedelta(hours=2)))


def test_utc_instant_shown_in_the_pages_local_offset() -> None:
    article = build(
        C("published", "2023-11-09T01:49:09Z", "jsonld:NewsArticle.datePublished", 0.9),
        C("published", "2023-11-08 17:49:09", "dom:time@datetime", 0.5),
    )
    minus_eight = timezone(timedelta(hours=-8))
    assert article.published == datetime(2023, 11, 8, 17, 49, 9, tzinfo=minus_eight)
    assert article.published.astimezone(timezone.utc) == datetime(2023, 11, 9, 1, 49, 9, tzinfo=timezone.utc)


def test_mislabelled_utc_loses_to_the_local_offset_of_the_same_wall_clock() -> None:
    article = build(
        C("published", "2021-12-25T13:46:00+00:00", "microdata:Article.datePublished", 0.85),
        C("published", "2021-12-25T13:46:00-04:00", "meta:property=article:published_time", 0.8),
        C("modified", "2022-11-02T07:14:55-04:00", "meta:property=article:modified_time", 0.8),
    )
    assert article.published == datetime(2021, 12, 25, 13, 46, tzinfo=timezone(timedelta(hours=-4)))


def test_time_taken_from_a_member_of_the_chosen_day() -> None:
    article = build(
        C("published", "2026-01-27", "dom:time.text", 0.55),
        C("published", "2026-01-27T12:13:17+01:00", "dom:time@datetime", 0.5),
    )
    assert article.published == datetime(2026, 1, 27, 12, 13, 17, tzinfo=timezone(timedelta(hours=1)))


def test_original_publication_over_a_republication_on_the_modified_day() -> None:
    article = build(
        C("published", "2020-02-19", "microdata:Article.datePublished", 0.85),
        C("published", "2017-04-12T18:33:59+02:00", "meta:property=article:published_time", 0.8),
        C("modified", "2020-02-19T15:24:33+01:00", "meta:property=article:modified_time", 0.8),
    )
    assert article.published is not None and article.published.date() == date(2017, 4, 12)
    assert article.modified is not None and article.modified.date() == date(2020, 2, 19)


def test_relative_dates_against_the_capture_time() -> None:
    captured = datetime(2023, 4, 28, 12, 0, tzinfo=timezone.utc)
    article = build(C("published", "vor 2 Stunden", "dom:span.text", 0.5), captured=captured)
    assert article.published == datetime(2023, 4, 28, 10, 0, tzinfo=timezone.utc)
    assert build(C("published", "vor 2 Stunden", "dom:span.text", 0.5)).published is None


def test_published_after_modified_prefers_a_published_day_on_or_before_it() -> None:
    # a crawl stamp in meta name=date after the page's "Stand" (as of) date under its headline
    article = build(
        C("published", "2020-04-29T11:52:23", "meta:name=date", 0.5),
        C("published", "2020-04-28T21:38:00", "dom:br.text", 0.49),
        C("modified", "2020-04-28T18:00:00", "dom:span.text", 0.55),
    )
    assert article.published is not None and article.published.date() == date(2020, 4, 28)


def test_published_after_modified_stays_without_a_close_alternative() -> None:
    article = build(
        C("published", "2022-01-28T08:20:11+00:00", "meta:property=article:published_time", 0.8),
        C("published", "2022-01-27T08:00:00+00:00", "dom:p.text", 0.3),
        C("modified", "2022-01-27T16:58:24+00:00", "meta:property=article:modified_time", 0.8),
    )
    assert article.published == datetime(2022, 1, 28, 8, 20, 11, tzinfo=timezone.utc)


def test_local_offset_tie_goes_to_the_whole_hour_of_the_strongest_candidate() -> None:
    # 11:00 and 15:45 (another article's time) both pair with 10:00Z: +01:00 and +05:45 tie
    article = build(
        C("published", "2025-12-10T10:00:00.000Z", "jsonld:NewsArticle.datePublished", 0.9),
        C("published", "2025-12-10 11:00:00", "dom:time@datetime", 0.5),
        C("published", "2025-12-10 15:45:00", "dom:time@datetime", 0.3),
    )
    assert article.published == datetime(2025, 12, 10, 11, 0, tzinfo=timezone(timedelta(hours=1)))
