"""Published and modified: parsed, checked for plausibility, never swapped."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..candidate import Candidate
from ..normalize.dates import ParsedDate, parse_date
from .common import Choice, Context, choose

EARLIEST = datetime(1990, 1, 1)
#: How far past the capture (or now) a date may lie, for time-zone slack.
SLACK = timedelta(days=1)
PRECISION_BONUS = 0.02


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


def plausible(parsed: ParsedDate, context: Context) -> bool:
    wall = _wall_clock(parsed.value)
    return EARLIEST <= wall <= latest_plausible(context)


def _reference(context: Context) -> datetime | None:
    captured = context.captured
    if isinstance(captured, datetime):
        return captured
    if isinstance(captured, date):
        return datetime(captured.year, captured.month, captured.day)
    return None


def resolve_date(candidates: list[Candidate], context: Context, label: str) -> Choice[ParsedDate] | None:
    reference = _reference(context)
    rejected: list[str] = []

    def normalise(candidate: Candidate) -> ParsedDate | None:
        parsed = parse_date(candidate.value, reference=reference)
        if parsed is None:
            return None
        if not plausible(parsed, context):
            rejected.append(f"{candidate.source}={candidate.value!r}")
            return None
        return parsed

    def precision(_: Candidate, parsed: ParsedDate) -> float:
        return PRECISION_BONUS * (parsed.has_time + parsed.has_tz)

    choice = choose(candidates, normalise, key=lambda p: _wall_clock(p.value).date(), adjust=precision)
    if rejected:
        context.warnings.append(f"implausible {label} date(s) dropped: {', '.join(rejected[:3])}")
    return choice


def resolve(
    published: list[Candidate], modified: list[Candidate], context: Context
) -> tuple[Choice[ParsedDate] | None, Choice[ParsedDate] | None]:
    first = resolve_date(published, context, "published")
    last = resolve_date(modified, context, "modified")
    if first and last and _comparable(first.value, last.value) and last.value.value < first.value.value - SLACK:
        context.warnings.append("modified date precedes published date by more than a day; modified dropped")
        last = None
    return first, last


def _comparable(a: ParsedDate, b: ParsedDate) -> bool:
    return a.has_tz == b.has_tz
