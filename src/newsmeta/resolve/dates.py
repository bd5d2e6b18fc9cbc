"""Published and modified: parsed, checked for plausibility, cross-checked with the URL, never swapped.

Rules, in order:

1. Every candidate is parsed (relative dates against the capture time); impossible dates (``2023-02-30``), dates
   before 1990 or after the capture (or now), and offsets beyond ±14 h are dropped, each with a warning.
2. The page's local UTC offset is inferred when its candidates show it: a naive time and a zoned time for the
   same instant (``18:11`` and ``16:11Z`` -> ``+02:00``), else the most common non-zero offset. Zoned values are
   then read in that offset, so that equal days group together as the page shows them. The instant never
   changes; only its representation does.
3. Candidates are grouped by day (:func:`~.common.choose`); precise values (time, zone) and agreement with a
   date in the URL path (the day, or the month of a ``/2023/04/`` path) add to a group's score.
4. The chosen day takes the most precise value its group offers: a time from a member with one, a zone from a
   member with the same wall-clock time, a local offset over a ``+00:00`` that mislabels the same wall clock.
5. Original over updated: when the published day equals the modified day and a nearly as strong published
   candidate gives an earlier day, the earlier one is the original publication.
6. Published after modified: when the chosen published day lies after the modified day (a page's "as of" date
   under its headline, a crawl stamp in ``meta name=date``), a nearly as strong published candidate on or
   before the modified day is taken instead.
7. A modified date more than a day before the published one is dropped.
8. Zone inference (:mod:`~newsmeta.normalize.dates_zones`): a chosen time without an offset is placed in the
   zone the page's locale points to (its URL's country TLD; else its language; else ``Uhr``), daylight saving
   time included; a chosen UTC time is shown in that zone (same instant). Never for a country or language
   spanning several zones, nor when one of the page's own offsets contradicts the zone. It is an inference,
   recorded in the provenance: the source gets ``+zone:Europe/Berlin(.de)``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from ..candidate import Candidate
from ..normalize.dates import ParsedDate, parse_date
from ..normalize.dates_url import UrlDate, url_date
from ..normalize.dates_zones import LocaleZone, locale_zone
from .common import Choice, Context, choose

EARLIEST = datetime(1990, 1, 1)
#: How far past the capture (or now) a date may lie, for time-zone slack.
SLACK = timedelta(days=1)
PRECISION_BONUS = 0.02
#: Added to a candidate whose day is the URL path's day (or lies in its month).
URL_DAY_BONUS = 0.1
URL_MONTH_BONUS = 0.05
#: How much weaker an earlier published day may be and still count as the original over an updated one.
ORIGINAL_MARGIN = 0.1
_MAX_OFFSET = timedelta(hours=14)
#: Values shaped like a numeric date or a time's offset, to tell an impossible date or a dropped offset from text.
_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_OFFSET_SHAPED = re.compile(r"\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*[+-]\d\d:?\d\d\s*$")
_QUARTER_HOUR = timedelta(minutes=15)
_HOUR = timedelta(hours=1)


def latest_plausible(context: Context) -> datetime:
    captured = context.captured
    if isinstance(captured, datetime):
        ref = (
            captured.replace(tzinfo=None)
            if captured.tzinfo is None
            else captured.astimezone(timezone.utc).replace(tzinfo=None)
        )
    elif isinstance(captured, date):
        ref = datetime(captured.year, captured.month, captured.day) + timedelta(days=1)
    else:
        ref = datetime.now(timezone.utc).replace(tzinfo=None)
    return ref + SLACK


def _wall_clock(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def plausible(parsed: ParsedDate, latest: datetime) -> bool:
    """Not before 1990, not after ``latest`` (see :func:`latest_plausible`), on the wall clock as written."""
    return EARLIEST <= _wall_clock(parsed.value) <= latest


def _reference(context: Context) -> datetime | date | None:
    captured = context.captured
    if isinstance(captured, (datetime, date)):
        return captured
    return None


Parsed = dict[int, ParsedDate]


def _parse_all(candidates: list[Candidate], context: Context, label: str) -> Parsed:
    """Plausible parsed values by candidate identity; implausible ones are reported in a warning."""
    reference = _reference(context)
    latest = latest_plausible(context)
    parsed: Parsed = {}
    rejected: list[str] = []
    impossible: list[str] = []
    offsets: list[str] = []
    memo: dict[str, ParsedDate | None] = {}  # sources often repeat the same string
    for candidate in candidates:
        text = candidate.value
        if text not in memo:
            memo[text] = parse_date(text, reference=reference)
        value = memo[text]
        if value is None:
            if _DATE_SHAPED.search(candidate.value):
                impossible.append(f"{candidate.source}={candidate.value!r}")
            continue
        if value.has_time and not value.has_tz and _OFFSET_SHAPED.search(candidate.value):
            offsets.append(f"{candidate.source}={candidate.value!r}")
        if plausible(value, latest):
            parsed[id(candidate)] = value
        else:
            rejected.append(f"{candidate.source}={candidate.value!r}")
    for problem, items in (
        (f"impossible {label} date(s) dropped", impossible),
        (f"implausible {label} date(s) dropped", rejected),
        (f"absurd UTC offset(s) of {label} date(s) dropped, time kept without zone", offsets),
    ):
        if items:
            context.warnings.append(f"{problem}: {', '.join(items[:3])}")
    return parsed


def _is_offset(delta: timedelta) -> bool:
    return abs(delta) <= _MAX_OFFSET and delta % _QUARTER_HOUR == timedelta(0)


def local_offset(values: list[ParsedDate]) -> timezone | None:
    """The page's UTC offset, when its dates show it (see rule 2 of this module)."""
    naive = list(dict.fromkeys(p.value for p in values if p.has_time and not p.has_tz))  # in candidate order
    zoned = [p.value for p in values if p.has_time and p.has_tz]
    pairs: Counter[timedelta] = Counter()
    for aware in zoned:
        instant = aware.astimezone(timezone.utc).replace(tzinfo=None)
        for wall in naive:
            delta = wall - instant
            if _is_offset(delta) and wall.second == instant.second:
                pairs[delta] += 1
    if pairs:
        # most pairs; on a tie a whole-hour offset, then the one the strongest candidate gives (first counted)
        order = {delta: rank for rank, delta in enumerate(pairs)}
        best = max(pairs, key=lambda delta: (pairs[delta], delta % _HOUR == timedelta(0), -order[delta]))
        return timezone(best)
    offsets = Counter(offset for v in zoned if (offset := v.utcoffset()))
    return timezone(offsets.most_common(1)[0][0]) if offsets else None


def _localised(parsed: ParsedDate, local: timezone | None) -> ParsedDate:
    if local is None or not parsed.has_tz or not parsed.has_time:
        return parsed
    return ParsedDate(parsed.value.astimezone(local), True, True)


def _day(parsed: ParsedDate) -> date:
    return parsed.value.date()  # the day as written, in the value's own zone


def _refine(choice: Choice[ParsedDate], members: list[ParsedDate], originals: list[ParsedDate]) -> ParsedDate:
    """The most precise value of the chosen day's group (rule 4); ``originals`` are ``members`` as written."""
    value = choice.value
    day = _day(value)
    same_day = [(m, o) for m, o in zip(members, originals, strict=True) if _day(m) == day]
    if not value.has_time:
        timed = [m for m, _ in same_day if m.has_time]
        zoned = [m for m in timed if m.has_tz]
        if zoned or timed:
            value = (zoned or timed)[0]
    if value.has_time and not value.has_tz:
        wall = value.value.replace(second=0, microsecond=0)
        for member, _ in same_day:
            if member.has_tz and member.value.replace(second=0, microsecond=0, tzinfo=None) == wall:
                return member
    if value.has_tz and value.has_time:
        original = next((o for m, o in same_day if m == value), None)
        if original is not None and original.value.utcoffset() == timedelta(0):
            wall = _wall_clock(original.value)
            for member, written in same_day:
                if written.has_tz and written.value.utcoffset() and _wall_clock(written.value) == wall:
                    return member
    return value


def _choose(
    candidates: list[Candidate], parsed: Parsed, local: timezone | None, dated: UrlDate | None
) -> tuple[Choice[ParsedDate] | None, float]:
    """The best day's choice and its score (``0.0`` when there is none)."""
    pool = [c for c in candidates if id(c) in parsed]
    localised = {id(c): _localised(parsed[id(c)], local) for c in pool}

    def normalise(candidate: Candidate) -> ParsedDate | None:
        return localised[id(candidate)]

    def adjust(candidate: Candidate, value: ParsedDate) -> float:
        bonus = PRECISION_BONUS * (value.has_time + value.has_tz)
        if dated and candidate.kind != "url" and dated.covers(_day(value)):
            bonus += URL_DAY_BONUS if dated.day else URL_MONTH_BONUS
        return bonus

    choice = choose(pool, normalise, key=_day, adjust=adjust)
    if choice is None:
        return None, 0.0
    members = [localised[id(c)] for c in pool]
    originals = [parsed[id(c)] for c in pool]
    refined = _refine(choice, members, originals)
    return Choice(refined, choice.evidence, choice.candidate), choice.evidence.confidence


def resolve_date(candidates: list[Candidate], context: Context, label: str) -> Choice[ParsedDate] | None:
    """One date field (kept for callers that resolve a single field)."""
    parsed = _parse_all(candidates, context, label)
    return _choose(candidates, parsed, local_offset(list(parsed.values())), url_date(context.url))[0]


def resolve(
    published: list[Candidate],
    modified: list[Candidate],
    context: Context,
    language: Sequence[Candidate] = (),
) -> tuple[Choice[ParsedDate] | None, Choice[ParsedDate] | None]:
    """Published and modified (rules 1-8 of this module); ``language``: the page's language candidates, locale
    evidence for rule 8."""
    first_parsed = _parse_all(published, context, "published")
    last_parsed = _parse_all(modified, context, "modified")
    values = [*first_parsed.values(), *last_parsed.values()]
    local = local_offset(values)
    dated = url_date(context.url)
    first, score = _choose(published, first_parsed, local, dated)
    last, _ = _choose(modified, last_parsed, local, dated)
    if first and last and _day(last.value) <= _day(first.value):
        # rules 5 and 6: same day, an earlier published day is the original; published after modified, one on
        # or before the modified day is
        day = _day(last.value)
        limit = day if _day(first.value) > day else day - timedelta(days=1)
        earlier = {i: p for i, p in first_parsed.items() if _day(_localised(p, local)) <= limit}
        original, original_score = _choose(published, earlier, local, dated)
        if original and original_score >= score - ORIGINAL_MARGIN:
            first = original
    if first and last and _comparable(first.value, last.value) and last.value.value < first.value.value - SLACK:
        context.warnings.append("modified date precedes published date by more than a day; modified dropped")
        last = None
    zone = _page_zone(context, language, [*published, *modified], values)
    return _in_zone(first, zone), _in_zone(last, zone)


def _page_zone(
    context: Context, language: Sequence[Candidate], dates: list[Candidate], values: list[ParsedDate]
) -> LocaleZone | None:
    """The page's zone from its locale (rule 8), unless one of its own offsets contradicts it."""
    if not any(v.has_time and (not v.has_tz or not v.value.utcoffset()) for v in values):
        return None  # nothing to place: every time already has its own offset
    tags = [c.value for c in sorted(language, key=lambda c: -c.confidence)]
    zone = locale_zone(context.url, tags, (c.value for c in dates))
    if zone is None:
        return None
    for value in values:
        offset = value.value.utcoffset() if value.has_time and value.has_tz else None
        if offset and value.value.astimezone(zone.info).utcoffset() != offset:
            return None  # the page states an offset its locale's zone does not have then: it is elsewhere
    return zone


def _in_zone(choice: Choice[ParsedDate] | None, zone: LocaleZone | None) -> Choice[ParsedDate] | None:
    """A time without zone placed in the page's zone; a UTC time shown in it (rule 8). Provenance says so."""
    if choice is None or zone is None or not choice.value.has_time:
        return choice
    value = choice.value.value
    if not choice.value.has_tz:
        placed = value.replace(tzinfo=zone.offset_at(value))
    elif value.utcoffset() == timedelta(0):
        shown = value.astimezone(zone.info)
        placed = shown.replace(tzinfo=timezone(shown.utcoffset() or timedelta(0)))
        if placed.utcoffset() == timedelta(0):
            return choice  # the zone is on UTC then: nothing changes
    else:
        return choice
    evidence = choice.evidence.model_copy(update={"source": choice.evidence.source + zone.label()})
    return Choice(ParsedDate(placed, True, True), evidence, choice.candidate)


def _comparable(a: ParsedDate, b: ParsedDate) -> bool:
    return a.has_tz == b.has_tz
