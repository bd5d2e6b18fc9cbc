"""The shared mechanics of every resolver: normalise candidates, group equal values, rank, explain."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from ..candidate import Candidate
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Evidence

T = TypeVar("T")

#: Bonus per further extractor kind that proposes the same value.
AGREEMENT_BONUS = 0.05
#: Bonus per further source (another path of the same or another extractor) that proposes the same value.
SOURCE_BONUS = 0.02


@dataclass
class Context:
    """What resolvers know besides candidates: the page address, the capture time, the warnings list."""

    url: str | None
    captured: date | datetime | None
    warnings: list[str] = field(default_factory=list)
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class Choice(Generic[T]):
    value: T
    evidence: Evidence
    candidate: Candidate


def once_per_value(normalise: Callable[[Candidate], T | None]) -> Callable[[Candidate], T | None]:
    """``normalise`` run once per distinct candidate value of one resolution (sources of a page often repeat the
    same headline, picture URL or summary); call it anew for each page."""
    done: dict[str, T | None] = {}

    def normalised(candidate: Candidate) -> T | None:
        value = candidate.value
        if value not in done:
            done[value] = normalise(candidate)
        return done[value]

    return normalised


def by_field(candidates: Iterable[Candidate]) -> dict[str, list[Candidate]]:
    grouped: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        grouped.setdefault(candidate.field, []).append(candidate)
    return grouped


def choose(
    candidates: Iterable[Candidate],
    normalise: Callable[[Candidate], T | None],
    key: Callable[[T], Hashable] = lambda v: v,
    adjust: Callable[[Candidate, T], float] | None = None,
) -> Choice[T] | None:
    """Pick one value: the group of equal (by ``key``) normalised values with the best score.

    A group's score is its best candidate's confidence (after ``adjust``), plus :data:`AGREEMENT_BONUS` for
    each further extractor kind in it. The value returned is the best candidate's own normalised value.
    """
    groups: dict[Hashable, list[tuple[float, int, Candidate, T]]] = {}
    for order, candidate in enumerate(candidates):
        value = normalise(candidate)
        if value is None:
            continue
        score = candidate.confidence + adjust(candidate, value) if adjust else candidate.confidence
        member = (score, order, candidate, value)
        grouping = key(value)
        group = groups.get(grouping)
        if group is None:
            groups[grouping] = [member]
        else:
            group.append(member)
    if not groups:
        return None
    best_rank: tuple[float, int] | None = None
    best_members: list[tuple[float, int, Candidate, T]] = []
    for members in groups.values():
        if len(members) > 1:
            members.sort(key=_rank_key)
            kinds = len({m[2].kind for m in members})
            sources = len({m[2].source for m in members})
            bonus = AGREEMENT_BONUS * (kinds - 1) + SOURCE_BONUS * (sources - 1)
        else:
            bonus = 0.0
        rank = (members[0][0] + bonus, -members[0][1])
        if best_rank is None or rank > best_rank:
            best_rank, best_members = rank, members
    assert best_rank is not None
    best = best_members[0][2]
    agreeing = sorted({m[2].source for m in best_members[1:]} - {best.source}) if len(best_members) > 1 else []
    confidence = round(min(1.0, max(0.0, best_rank[0])), 3)
    return Choice(best_members[0][3], Evidence(source=best.source, confidence=confidence, agreeing=agreeing), best)


def _rank_key(member: tuple[float, int, Candidate, object]) -> tuple[float, int]:
    return -member[0], member[1]
