"""Date strings in many formats and languages -> datetimes (tz-aware iff the text gives an offset or zone).

- :func:`parse_date` reads one date string as pages write it: ISO 8601 (fast path), RFC 2822, JavaScript and
  asctime forms, numeric (``28.04.2023``, ``04/28/2023``), month names in many languages (tables in
  :mod:`.dates_tables`), times with ``am``/``pm``/``Uhr``/``14h30``, zone names and offsets, Unix timestamps, and
  relative dates (``vor 2 Stunden``, ``yesterday``) when a reference time is given.
- :func:`find_dates` finds every date inside a longer text, with its span.

A naive time is never taken for UTC: ``has_tz`` is true only when the text gave an offset or a zone (or a
Unix timestamp, or a relative time counted back from an aware reference). Impossible dates give ``None``;
offsets no place on earth uses (beyond ±14 h) are dropped, leaving the time naive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from .dates_relative import relatives
from .dates_tables import MONTHS, STANDARD_NAMES_EU, STANDARD_NAMES_US, US_GENERIC, ZONES

#: Longer strings are not dates but texts; search them with :func:`find_dates` deliberately.
MAX_CHARS = 200
#: The largest UTC offset in use (Pacific/Kiritimati is +14:00).
MAX_OFFSET = timedelta(hours=14)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A parsed date. ``value`` is tz-aware iff ``has_tz``; ``has_time`` is False for a bare day."""

    value: datetime
    has_time: bool
    has_tz: bool


Span = tuple[int, int]
#: What relative dates count back from: a capture time, or only its day.
Reference = date | datetime
#: Bare day words (``today``, ``gestern``) count as dates in strings up to this long.
BARE_WORD_CHARS = 40

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r" ?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?",
    re.I,
)
_ISO_BASIC = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?(Z|[+-]\d{2}(?:\d{2})?)?")
_OFFSET = re.compile(r"(?:gmt|utc|ut)?\s?([+-])(\d{1,2})(?::?(\d{2}))?", re.I)

_YEAR = r"(?:1[89]|2[01])\d\d"
_WORD = r"[^\W\d_]{3,12}"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
_DATE = re.compile(
    "|".join(
        (
            # 2023-04-28, 2023/04/28, 2023.04.28
            rf"(?<![\d.])(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?!\d)",
            # 28.04.2023, 28/04/2023, 04/28/2023, 28-04-2023, 26.05.08, 28 | 04 | 2023
            rf"(?<![\d.,/|-])(?P<na>\d{{1,2}})\s?(?P<nsep>[./|-])\s?(?P<nb>\d{{1,2}})\s?(?P=nsep)\s?(?P<ny>{_YEAR}|\d\d)"
            r"(?!\d|[.,:]\d)",
            # 28 April 2023, 28. April 2023, 1er mai 2023, 5 de mayo de 2023, 23 декабря 2022 г.
            rf"(?<![\d.,])(?P<td>\d{{1,2}})(?:st|nd|rd|th|er|re|e|º|ª|°)?\.?\s*(?:de\s+|of\s+|-)?(?P<tm>{_WORD})"
            rf"\.?,?\s*(?:de\s+|del\s+|-)?(?P<ty>{_YEAR})(?!\d)(?:\s?(?:г\.|года|r\.|roku){_NOT_BEFORE_LETTER})?",
            # April 28, 2023; April 28th 2023; Apr 28 2023
            # (a range: January 14-20, 2022 is its first day)
            rf"{_NOT_AFTER_LETTER}(?P<um>{_WORD})\.?\s*(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?:\s?[-–—]\s?\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?\.?,?\s*(?P<uy>{_YEAR})(?!\d)",
            # asctime: Fri Apr 28 17:40:08 2023
            rf"{_NOT_AFTER_LETTER}(?P<am>{_WORD})\s+(?P<ad>\d{{1,2}})\s+(?P<ah>\d{{1,2}}):(?P<ami>\d\d)(?::(?P<as>\d\d))?"
            rf"\s+(?:(?P<az>[a-z]{{3,4}})\s+)?(?P<ay>{_YEAR})(?!\d)",
            # 2023年4月28日, 2023년 4월 28일
            rf"(?P<cy>{_YEAR})\s*[年년]\s*(?P<cm>\d{{1,2}})\s*[月월]\s*(?P<cd>\d{{1,2}})\s*[日일]?",
        )
    ),
    re.I,
)

#: Just before a day-first date, the first day of a range (``14. – 20. Januar 2022``, ``14-20 January 2022``).
_RANGE_START = re.compile(r"(?<![\d.:,/])(\d{1,2})\.?\s?[-–—]\s?$")
#: A day and month with no year (``5. august``, ``8 января``, ``May 5``): read only with a time after it and a
#: reference day to take the year from.
_NO_YEAR = re.compile(
    rf"(?<![\d.,])(?P<td>\d{{1,2}})(?:st|nd|rd|th|er|e)?\.?\s*(?:de\s+|of\s+)?(?P<tm>{_WORD})\.?"
    rf"|{_NOT_AFTER_LETTER}(?P<um>{_WORD})\.?\s*(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.])\.?",
    re.I,
)

_ZONE_NAMES = "|".join(sorted(ZONES.keys() | US_GENERIC.keys(), key=len, reverse=True))
#: After a zone name: no letter, unless text glued a capitalised word to it (``7:55 AM UTCUpdated``).
_ZONE_END = rf"(?:{_NOT_BEFORE_LETTER}|(?-i:(?<=[A-Z])(?=[A-Z][a-z])))"
_ZONE = (
    rf"(?:\s*\(?(?P<tz>(?:gmt|utc|ut)\s?[+-]\d{{1,2}}(?::?\d\d)?|[+-]\d\d(?::?\d\d)?|{_ZONE_NAMES})\)?"
    rf"{_ZONE_END}(?![+-]?\d))?"
)
#: A zone name right after a day with no time (``April 28, 2023 GMT``).
_DAY_ZONE = re.compile(rf"\s*\(?(?P<tz>{_ZONE_NAMES})\)?{_ZONE_END}(?![+-]?\d)", re.I)
_CLOCK = (
    r"(?P<h>\d{1,2})(?::(?P<mi>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<f>\d{1,9}))?)?"
    rf"|\s?h(?:\s?(?P<mi2>[0-5]\d)(?!\d)|{_NOT_BEFORE_LETTER})"
    # 20.15 Uhr, 4.34pm, 12.42 CET: a dot between hour and minute only with a word that makes it a time
    rf"|\.(?P<mi3>[0-5]\d)(?=\s?(?:[ap]\.?\s?m\.?|uhr|h|(?-i:{_ZONE_NAMES.upper()})){_ZONE_END})"
    rf"|(?=\s?(?:[ap]\.?\s?m\.?|uhr){_NOT_BEFORE_LETTER}))"
    rf"(?:\s*(?P<ap>[ap])\.?\s?m\.?{_NOT_BEFORE_LETTER})?(?:\s*uhr{_NOT_BEFORE_LETTER})?"
)
_TIME_AFTER = re.compile(
    r"\s*(?P<conn>t(?=\d)|[,|·•@–—/-]|at|um|à|a las|a la|alle|às|as|om|в|o|godz\.?|kl\.?|klo)?\s*"
    rf"(?<![\d:]){_CLOCK}{_ZONE}",
    re.I,
)
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<mi>\d\d)(?::(?P<s>\d\d))?|h(?P<mi2>[0-5]\d))"
    rf"(?:\s*(?P<ap>[ap])\.?\s?m\.?{_NOT_BEFORE_LETTER})?(?:\s*uhr)?{_ZONE}"
    r"\s*(?:[,|·•@–—-]|on|le|am|den|el|il)?\s*$",
    re.I,
)


#: Zone names read in any case; others only in upper case (``et`` is French for "and").
_ANY_CASE = frozenset({"utc", "gmt", "z"})


def _offset(text: str, moment: datetime) -> timezone | None:
    """The fixed offset a zone name or ``±hh[:mm]``/``GMT+h`` stands for; ``None`` when unknown or absurd."""
    key = text.lower()
    if key in ZONES:
        summer = (key in STANDARD_NAMES_US and _us_summer(moment)) or (key in STANDARD_NAMES_EU and _eu_summer(moment))
        return timezone(timedelta(minutes=ZONES[key] + (60 if summer else 0)))
    if key in US_GENERIC:
        return timezone(timedelta(minutes=US_GENERIC[key] + (60 if _us_summer(moment) else 0)))
    match = _OFFSET.fullmatch(text.strip())
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > MAX_OFFSET or (minutes and int(minutes) >= 60):
        return None
    return timezone(-delta if sign == "-" else delta)


def _us_summer(moment: datetime) -> bool:
    """US daylight saving time: second Sunday of March to first Sunday of November (by the day)."""
    march = date(moment.year, 3, 8)
    november = date(moment.year, 11, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= moment.date() < end


def _eu_summer(moment: datetime) -> bool:
    """EU summer time: last Sunday of March to last Sunday of October (by the day)."""
    march = date(moment.year, 3, 31)
    october = date(moment.year, 10, 31)
    start = march - timedelta(days=(march.weekday() + 1) % 7)
    end = october - timedelta(days=(october.weekday() + 1) % 7)
    return start <= moment.date() < end


def _make(
    ymd: tuple[int, int, int],
    hms: tuple[int, int, int, int] | None = None,
    zone: str | None = None,
) -> ParsedDate | None:
    """A checked :class:`ParsedDate` from parts; ``None`` for an impossible date or time."""
    try:
        value = datetime(*ymd, *(hms or (0, 0, 0, 0)))
    except ValueError:
        return None
    tz = _offset(zone, value) if zone and (not zone.isalpha() or zone.isupper() or zone.lower() in _ANY_CASE) else None
    if tz is not None:
        value = value.replace(tzinfo=tz)
    return ParsedDate(value, hms is not None, tz is not None)


def _micro(fraction: str | None) -> int:
    return int((fraction or "0")[:6].ljust(6, "0"))


def _iso(match: re.Match[str]) -> ParsedDate | None:
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    hms = (int(hour), int(minute), int(second or 0), _micro(fraction)) if hour else None
    return _make((int(year), int(month), int(day)), hms, zone if hms else None)


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return value + (2000 if value < 70 else 1900)
    return value


def _day_month(a: int, b: int, sep: str, dayfirst: bool | None) -> tuple[int, int]:
    """Day and month of a numeric date ``a<sep>b<sep>year``: dots are day first; slashes and hyphens follow
    ``dayfirst`` when both readings are possible (day first when it is ``None``)."""
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    if sep == "." or dayfirst is None:
        return a, b
    return (a, b) if dayfirst else (b, a)


def _clock(match: re.Match[str]) -> tuple[int, int, int, int] | None:
    hour = int(match["h"])
    groups = match.groupdict()
    minute = int(match["mi"] or match["mi2"] or groups.get("mi3") or 0)
    second = int(match["s"] or 0)
    fraction = groups.get("f")
    meridiem = (match["ap"] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, _micro(fraction)


def _zone_allowed(match: re.Match[str]) -> bool:
    """A bare numeric offset glued to a time (``10:00-12:00``) may be a range: take it as an offset only after
    seconds, after an ISO ``T``, or in the ``+0200`` form."""
    zone = match["tz"]
    if not zone or zone[0] not in "+-":
        return True
    glued = match.start("tz") == match.end("h") or match.string[match.start("tz") - 1].isdigit()
    if not glued:
        return True
    return bool(match["s"] or (match["conn"] or "").lower() == "t" or re.fullmatch(r"[+-]\d{4}", zone))


def _with_time(text: str, ymd: tuple[int, int, int], start: int, end: int) -> tuple[ParsedDate | None, Span]:
    """The date at ``text[start:end]`` with a time found right after it (or right before it)."""
    after = _TIME_AFTER.match(text, end)
    if after and (hms := _clock(after)) is not None:
        zone = after["tz"] if _zone_allowed(after) else None
        return _make(ymd, hms, zone), (start, after.end())
    if start:
        before = _TIME_BEFORE.search(text, max(0, start - 40), start)
        if before and (hms := _clock(before)) is not None:
            return _make(ymd, hms, before["tz"]), (before.start(), end)
    zone = _DAY_ZONE.match(text, end)
    if zone:
        parsed = _make(ymd, None, zone["tz"])
        if parsed is not None and parsed.has_tz:
            return parsed, (start, zone.end())
    return _make(ymd), (start, end)


def _from_match(match: re.Match[str], dayfirst: bool | None) -> tuple[ParsedDate | None, Span]:
    text, start, end = match.string, match.start(), match.end()
    groups = match.groupdict()
    if groups["iy"]:
        ymd = (int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    elif groups["na"]:
        a, b, year = groups["na"], groups["nb"], groups["ny"]
        if len(year) == 2 and (len(a) < 2 or len(b) < 2 or groups["nsep"] == "|"):
            return None, (start, end)
        day, month = _day_month(int(a), int(b), groups["nsep"], dayfirst)
        ymd = (_year(year), month, day)
    elif groups["td"]:
        month = MONTHS.get(groups["tm"].lower(), 0)
        ymd = (int(groups["ty"]), month, int(groups["td"]))
        first = _RANGE_START.search(text, max(0, start - 8), start)
        if first and int(first.group(1)) < ymd[2]:
            ymd, start = (ymd[0], month, int(first.group(1))), first.start()
    elif groups["um"]:
        month = MONTHS.get(groups["um"].lower(), 0)
        ymd = (int(groups["uy"]), month, int(groups["ud"]))
    elif groups["am"]:
        month = MONTHS.get(groups["am"].lower(), 0)
        ymd = (int(groups["ay"]), month, int(groups["ad"]))
        hms = (int(groups["ah"]), int(groups["ami"]), int(groups["as"] or 0), 0)
        return _make(ymd, hms, groups["az"]) if month else None, (start, end)
    else:
        ymd = (int(groups["cy"]), int(groups["cm"]), int(groups["cd"]))
    if not ymd[1]:
        return None, (start, end)
    return _with_time(text, ymd, start, end)


def find_dates(
    text: str,
    *,
    reference: Reference | None = None,
    dayfirst: bool | None = None,
    bare_words: bool = False,
    limit: int = 50,
) -> list[tuple[ParsedDate, Span]]:
    """Every date in ``text`` with its ``(start, end)`` span, in text order (at most ``limit``).

    Relative dates count only with a ``reference``; bare day words (``yesterday``, ``hier``) only with a time
    after them, unless ``bare_words`` (for short strings that are all date).
    """
    found: list[tuple[ParsedDate, Span]] = []
    pos = 0
    while len(found) < limit:
        match = _DATE.search(text, pos)
        if match is None:
            break
        parsed, span = _from_match(match, dayfirst)
        if parsed is None:
            pos = match.start() + 1
            continue
        found.append((parsed, span))
        pos = span[1]
    if reference is not None and not found:
        found = _without_year(text, reference, limit)
    if reference is not None:
        for parsed, span in _relative(text, reference, bare_words):
            if not any(s[0] < span[1] and span[0] < s[1] for _, s in found):
                found.append((parsed, span))
        found.sort(key=lambda item: item[1])
    return found[:limit]


def _without_year(text: str, reference: Reference, limit: int) -> list[tuple[ParsedDate, Span]]:
    """Days written without a year but with a time (``5. august kl. 14:47``): the latest such day that is not
    after the reference day (a page shows this year's dates without the year)."""
    day = reference.date() if isinstance(reference, datetime) else reference
    found: list[tuple[ParsedDate, Span]] = []
    for match in _NO_YEAR.finditer(text):
        month = MONTHS.get((match["tm"] or match["um"]).lower(), 0)
        after = _TIME_AFTER.match(text, match.end()) if month else None
        if after is None or (hms := _clock(after)) is None:
            continue
        number = int(match["td"] or match["ud"])
        for year in (day.year, day.year - 1):
            try:
                if date(year, month, number) <= day + timedelta(days=1):
                    break
            except ValueError:
                break
        parsed = _make((year, month, number), hms, after["tz"] if _zone_allowed(after) else None)
        if parsed is not None:
            found.append((parsed, (match.start(), after.end())))
            if len(found) >= limit:
                break
    return found


def _relative(text: str, reference: Reference, bare_words: bool) -> list[tuple[ParsedDate, Span]]:
    """Relative dates counted back from ``reference``: to the minute when it is a time, else to the day.

    A bare day (a capture header's date) stands for its end: ``vor 3 Stunden`` captured on 2023-06-13 is that
    day, not the 12th, and a relative date counted back from a day has no time.
    """
    found: list[tuple[ParsedDate, Span]] = []
    precise = isinstance(reference, datetime)
    day = reference.date() if isinstance(reference, datetime) else reference
    end = reference if isinstance(reference, datetime) else datetime.combine(reference, time.max)
    for rel in relatives(text):
        span = (rel.start, rel.end)
        if rel.seconds is not None:
            value = end - timedelta(seconds=rel.seconds)
            if precise and rel.seconds < 86400:
                found.append((ParsedDate(value, True, value.tzinfo is not None), span))
            else:
                found.append((ParsedDate(datetime(value.year, value.month, value.day), False, False), span))
            continue
        back = day - timedelta(days=rel.days or 0)
        ymd = (back.year, back.month, back.day)
        after = _TIME_AFTER.match(text, rel.end)
        if after and (hms := _clock(after)) is not None:
            parsed = _make(ymd, hms, after["tz"] if _zone_allowed(after) else None)
            if parsed:
                found.append((parsed, (rel.start, after.end())))
        elif bare_words:
            found.append((ParsedDate(datetime(*ymd), False, False), span))
    return found


def _numeric(text: str) -> ParsedDate | None:
    """A string of digits: a Unix timestamp (10 digits, or 13 for milliseconds) or a basic ISO day."""
    if len(text) in (10, 13):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return ParsedDate(datetime.fromtimestamp(seconds, timezone.utc), True, True)
    return None


def parse_date(text: str, *, reference: Reference | None = None, dayfirst: bool | None = None) -> ParsedDate | None:
    """Parse one date string; ``None`` when it holds no valid date.

    ``reference`` (the capture time) resolves relative dates, which are ignored without it. ``dayfirst`` reads
    numeric dates such as ``04/05/2023`` whose day and month could be swapped (default: day first).
    When the string holds several dates, the first is taken.
    """
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    if text[0].isdigit():
        match = _ISO.fullmatch(text)
        if match:
            return _iso(match)
        if text.isdigit() and len(text) != 8:
            return _numeric(text)
        match = _ISO_BASIC.fullmatch(text)
        if match:
            return _iso(match)
    bare_words = len(text) <= BARE_WORD_CHARS
    found = find_dates(text, reference=reference, dayfirst=dayfirst, bare_words=bare_words, limit=1)
    return found[0][0] if found else None
