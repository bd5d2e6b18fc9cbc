"""parse_date / find_dates: formats, languages, zones, relative dates, impossible dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta.normalize import dates_relative
from newsmeta.normalize.dates import ParsedDate, find_dates, parse_date
from newsmeta.normalize.dates_tables import DAY_WORDS, ONE, RELATIVE_AFTER, RELATIVE_BEFORE, UNITS

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dot between hour and minute, with a word that makes it a time
        ("28.04.2023, 20.15 Uhr", datetime(2023, 4, 28, 20, 15)),
        ("24 Feb 2024 12.42 CET", datetime(2024, 2, 24, 12, 42, tzinfo=tz(1))),
        ("June 30, 2026 - 4.34pm", datetime(2026, 6, 30, 16, 34)),
        # a zone glued to the next word of a text dump
        ("March 7, 2024 7:55 AM UTCUpdated 2 hours ago", datetime(2024, 3, 7, 7, 55, tzinfo=UTC)),
        # standard-time names written in summer mean the local time
        ("October 23, 2025 5:50 pm CET", datetime(2025, 10, 23, 17, 50, tzinfo=tz(2))),
        ("October 27, 2025 5:50 pm CET", datetime(2025, 10, 27, 17, 50, tzinfo=tz(1))),
        ("July 4, 2023 9:00 am EST", datetime(2023, 7, 4, 9, 0, tzinfo=tz(-4))),
        ("January 4, 2023 9:00 am EST", datetime(2023, 1, 4, 9, 0, tzinfo=tz(-5))),
        # a range is dated by its first day
        ("Wochenbericht 14. - 20. Januar 2022", datetime(2022, 1, 14)),
        ("14–20 January 2022", datetime(2022, 1, 14)),
        ("January 14-20, 2022", datetime(2022, 1, 14)),
        ("31. Dezember 2021-06. Januar 2022", datetime(2021, 12, 31)),
    ],
)
def test_more_formats(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.value == expected and parsed.value.utcoffset() == expected.utcoffset()
    assert parsed.has_tz == (expected.tzinfo is not None)


def test_a_dotted_number_after_a_date_is_no_time() -> None:
    assert parse_date("28.04.2023 12.42") == ParsedDate(datetime(2023, 4, 28), has_time=False, has_tz=False)


def test_a_zone_after_a_day_gives_an_offset_but_no_time() -> None:
    assert parse_date("April 28, 2023 GMT") == ParsedDate(datetime(2023, 4, 28, tzinfo=UTC), False, True)
    assert parse_date("April 28, 2023 et après") == ParsedDate(datetime(2023, 4, 28), False, False)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("5. august kl. 14:47", date(2024, 8, 5), datetime(2024, 8, 5, 14, 47)),
        ("8 января, 17:46", date(2026, 1, 8), datetime(2026, 1, 8, 17, 46)),
        ("December 30, 17:46", date(2024, 1, 2), datetime(2023, 12, 30, 17, 46)),
        ("6 August 09:00", date(2024, 8, 5), datetime(2024, 8, 6, 9, 0)),  # a day ahead: time-zone slack
    ],
)
def test_a_day_without_year_takes_the_references_year(text: str, reference: date, expected: datetime) -> None:
    parsed = parse_date(text, reference=reference)
    assert parsed == ParsedDate(expected, has_time=True, has_tz=False)


def test_a_day_without_year_needs_a_time_and_a_reference() -> None:
    assert parse_date("Mai 20", reference=date(2024, 4, 30)) is None
    assert parse_date("5. august kl. 14:47") is None


def test_relative_hours_count_back_from_the_end_of_a_capture_day() -> None:
    # captured "on 2023-06-13" (no time): 23 hours before its end is still the 13th, not the 12th
    parsed = parse_date("vor 23 Stunden", reference=date(2023, 6, 13))
    assert parsed == ParsedDate(datetime(2023, 6, 13), has_time=False, has_tz=False)
    assert parse_date("vor 25 Stunden", reference=date(2023, 6, 13)) == ParsedDate(datetime(2023, 6, 12), False, False)


def test_relative_days_count_back_from_a_capture_time() -> None:
    # 30 hours before 02:00 on the 13th is the 11th (counting from the day alone would give the 12th)
    parsed = parse_date("vor 30 Stunden", reference=datetime(2023, 6, 13, 2, 0))
    assert parsed == ParsedDate(datetime(2023, 6, 11), has_time=False, has_tz=False)


# The cheap test before the relative-date searches never rules out a text that the searches find something in.
_NOISE = ["news", "Uhr", "x", "2", "İ", "ß", "ſ", "il", "fa", "vor", "Stundenplan", "hourly"]
_WORDS = st.sampled_from(sorted({*UNITS, *ONE, *DAY_WORDS, *RELATIVE_BEFORE, *RELATIVE_AFTER, *_NOISE}))
_AMOUNT = st.tuples(
    st.sampled_from(["", *RELATIVE_BEFORE]),
    st.sampled_from(["3", "12", *sorted(ONE)]),
    st.sampled_from(["", " "]),
    st.sampled_from(sorted(UNITS)),
    st.sampled_from(["", "."]),
    st.sampled_from(["", *RELATIVE_AFTER]),
).map(lambda p: f"{p[0]} {p[1]}{p[2]}{p[3]}{p[4]} {p[5]}".strip())
_PART = st.one_of(_WORDS, _AMOUNT)
_GLUE = st.sampled_from([" ", "", ".", ", ", "-", "\n", "'", "’", "2"])


@settings(max_examples=500, deadline=None)
@example([("vor 2 mİn", " ", False), ("HİER", " ", True)])
@example([("3 s ago", "", False)])
@given(st.lists(st.tuples(_PART, _GLUE, st.booleans()), max_size=6))
def test_relatives_shortcut_finds_what_the_searches_find(parts: list[tuple[str, str, bool]]) -> None:
    text = "".join((word.upper() if upper else word) + glue for word, glue, upper in parts)
    plain = [*dates_relative._amounts(text), *dates_relative._days(text)]
    assert list(dates_relative.relatives(text)) == plain


@pytest.mark.parametrize("text", ["vor 2 mİn", "vor 2 MİN", "HİER 14:30"])
def test_relative_words_whose_lower_case_is_longer_are_read(text: str) -> None:
    """``İ`` lowers to two characters: the word the case-blind search matched is still looked up (no KeyError)."""
    found = find_dates(text, reference=datetime(2023, 5, 1, 12, 0))
    assert len(found) == 1 and found[0][0].value.date() in {date(2023, 5, 1), date(2023, 4, 30)}
    capture = (
        f"date 2023-05-01 https://example.com/a\nA headline of the story here\n{text}\n" + "Body text goes on. " * 20
    )
    assert newsmeta.extract_capture(capture).title == "A headline of the story here"
