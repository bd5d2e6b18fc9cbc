"""parse_date / find_dates: formats, languages, zones, relative dates, impossible dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsmeta.normalize.dates import ParsedDate, find_dates, parse_date

UTC = timezone.utc


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-04-28", datetime(2023, 4, 28)),
        ("2023-04-28T17:40", datetime(2023, 4, 28, 17, 40)),
        ("2023-04-28T17:40:08Z", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
        ("2023-04-28T17:40:08.123456789+0000", datetime(2023, 4, 28, 17, 40, 8, 123456, tzinfo=UTC)),
        ("2023-04-28T17:40:08+02:00", datetime(2023, 4, 28, 17, 40, 8, tzinfo=tz(2))),
        ("2023-04-28T17:40+02", datetime(2023, 4, 28, 17, 40, tzinfo=tz(2))),
        ("2023-04-28 17:40:08 UTC", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
        ("20230428", datetime(2023, 4, 28)),
        ("20230428T174008Z", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
        ("Fri, 28 Apr 2023 17:40:08 GMT", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
        ("Fri, 28 Apr 2023 17:40:08 +0200", datetime(2023, 4, 28, 17, 40, 8, tzinfo=tz(2))),
        (
            "Fri Apr 28 2023 17:40:08 GMT+0200 (Central European Summer Time)",
            datetime(2023, 4, 28, 17, 40, 8, tzinfo=tz(2)),
        ),
        ("Fri Apr 28 17:40:08 2023", datetime(2023, 4, 28, 17, 40, 8)),
        ("28.04.2023, 14:30 Uhr", datetime(2023, 4, 28, 14, 30)),
        ("28/04/2023", datetime(2023, 4, 28)),
        ("04/28/2023", datetime(2023, 4, 28)),
        ("April 28th, 2023", datetime(2023, 4, 28)),
        ("Apr. 28, 2023 5:40 pm EDT", datetime(2023, 4, 28, 17, 40, tzinfo=tz(-4))),
        ("Jan 5, 2023 at 9:00 a.m. ET", datetime(2023, 1, 5, 9, 0, tzinfo=tz(-5))),
        ("May 19, 2020 10:52 AM ET", datetime(2020, 5, 19, 10, 52, tzinfo=tz(-4))),
        ("10:52 AM · May 19, 2020", datetime(2020, 5, 19, 10, 52)),
        ("Samstag, 9. September 2017", datetime(2017, 9, 9)),
        ("Posted on 12. März 2019", datetime(2019, 3, 12)),
        ("le 1er mai 2023 à 14h30", datetime(2023, 5, 1, 14, 30)),
        ("28 févr. 2023", datetime(2023, 2, 28)),
        ("5 de mayo de 2023", datetime(2023, 5, 5)),
        ("28 aprile 2023 alle 10:15", datetime(2023, 4, 28, 10, 15)),
        ("28 de abril de 2023 às 10h15", datetime(2023, 4, 28, 10, 15)),
        ("28 april 2023 om 10:15", datetime(2023, 4, 28, 10, 15)),
        ("23 декабря 2022 г. 14:00 MSK", datetime(2022, 12, 23, 14, 0, tzinfo=tz(3))),
        ("3 maja 2024", datetime(2024, 5, 3)),
        ("28. dubna 2023", datetime(2023, 4, 28)),
        ("2023年4月28日", datetime(2023, 4, 28)),
        ("28.04.2023 14:30 CEST", datetime(2023, 4, 28, 14, 30, tzinfo=tz(2))),
        ("26 | 01 | 2022", datetime(2022, 1, 26)),
        ("1682703608", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
        ("1682703608000", datetime(2023, 4, 28, 17, 40, 8, tzinfo=UTC)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.value == expected
    assert parsed.value.utcoffset() == expected.utcoffset()
    assert parsed.has_tz == (expected.tzinfo is not None)


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-30",
        "0000-00-00",
        "2023-13-01",
        "31.04.2023",
        "April 2023",
        "hello",
        "",
        "12345",
        "28 Foo 2023",
        "x" * 300,
    ],
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_precision_flags() -> None:
    day = parse_date("28.04.2023")
    assert day == ParsedDate(datetime(2023, 4, 28), has_time=False, has_tz=False)
    naive = parse_date("28.04.2023 14:30")
    assert naive is not None and naive.has_time and not naive.has_tz and naive.value.tzinfo is None


def test_naive_time_is_never_utc() -> None:
    for text in ("2023-04-28T17:40:08", "28 April 2023 17:40", "Apr 28, 2023 5:40 pm"):
        parsed = parse_date(text)
        assert parsed is not None and parsed.value.tzinfo is None and not parsed.has_tz


def test_absurd_offset_is_dropped() -> None:
    parsed = parse_date("2023-04-28T10:00:00+25:00")
    assert parsed is not None and parsed.value == datetime(2023, 4, 28, 10) and not parsed.has_tz


def test_zone_words_in_lower_case_are_words() -> None:
    # French "et" is "and", not US Eastern time
    parsed = parse_date("le 28 avril 2023 à 14h30 et demain")
    assert parsed is not None and not parsed.has_tz


def test_time_range_is_not_an_offset() -> None:
    parsed = parse_date("28.04.2023 10:00-12:00")
    assert parsed is not None and parsed.value == datetime(2023, 4, 28, 10) and not parsed.has_tz


def test_ambiguous_numeric_dates() -> None:
    assert parse_date("04/05/2023") == ParsedDate(datetime(2023, 5, 4), False, False)
    assert parse_date("04/05/2023", dayfirst=False) == ParsedDate(datetime(2023, 4, 5), False, False)
    assert parse_date("13/05/2023", dayfirst=False) == ParsedDate(datetime(2023, 5, 13), False, False)
    assert parse_date("04.05.2023", dayfirst=False) == ParsedDate(datetime(2023, 5, 4), False, False)


REFERENCE = datetime(2023, 4, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("vor 2 Stunden", datetime(2023, 4, 28, 10, 0, tzinfo=UTC), True),
        ("2 hours ago", datetime(2023, 4, 28, 10, 0, tzinfo=UTC), True),
        ("an hour ago", datetime(2023, 4, 28, 11, 0, tzinfo=UTC), True),
        ("vor 5 Minuten", datetime(2023, 4, 28, 11, 55, tzinfo=UTC), True),
        ("il y a 3 jours", datetime(2023, 4, 25), False),
        ("hace 2 días", datetime(2023, 4, 26), False),
        ("2 giorni fa", datetime(2023, 4, 26), False),
        ("3 dagen geleden", datetime(2023, 4, 25), False),
        ("2 дня назад", datetime(2023, 4, 26), False),
        ("2 dni temu", datetime(2023, 4, 26), False),
        ("yesterday", datetime(2023, 4, 27), False),
        ("gestern, 14:30", datetime(2023, 4, 27, 14, 30), True),
        ("hier à 14h30", datetime(2023, 4, 27, 14, 30), True),
        ("heute", datetime(2023, 4, 28), False),
    ],
)
def test_relative(text: str, expected: datetime, has_time: bool) -> None:
    parsed = parse_date(text, reference=REFERENCE)
    assert parsed is not None, text
    assert parsed.value == expected and parsed.has_time == has_time


def test_relative_needs_a_reference() -> None:
    assert parse_date("vor 2 Stunden") is None
    assert parse_date("yesterday") is None


def test_relative_against_a_day_gives_a_day() -> None:
    parsed = parse_date("2 hours ago", reference=date(2023, 4, 28))
    assert parsed == ParsedDate(datetime(2023, 4, 28), has_time=False, has_tz=False)


def test_find_dates_in_text() -> None:
    text = "Posted 28.04.2023 by Jo. Updated 29.04.2023 12:00. Version 1.2.10, call 0800 123 2020."
    found = find_dates(text)
    assert [p.value for p, _ in found] == [datetime(2023, 4, 28), datetime(2023, 4, 29, 12)]
    start, end = found[1][1]
    assert text[start:end] == "29.04.2023 12:00"


def test_find_dates_bare_day_words_need_a_time_in_long_texts() -> None:
    text = "Today we talk about the weather, which was bad yesterday and will be good tomorrow."
    assert find_dates(text, reference=REFERENCE) == []
    found = find_dates("Zuletzt: gestern 14:30 Uhr", reference=REFERENCE)
    assert [p.value for p, _ in found] == [datetime(2023, 4, 27, 14, 30)]
