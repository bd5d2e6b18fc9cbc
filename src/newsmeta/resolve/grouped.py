"""Resolving list fields (authors, tags, sections): pick the most trusted source's list, cross-checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..candidate import Candidate
from ..model import Evidence
from ..normalize.text import fold
from .common import AGREEMENT_BONUS


@dataclass(frozen=True)
class ListChoice:
    items: list[tuple[str, Candidate]]
    evidence: Evidence
    #: How many items the chosen source gave, before the limit.
    total: int


def choose_list(
    candidates: list[Candidate],
    split: Callable[[Candidate], list[str]],
    penalty: Callable[[Candidate, list[str]], float] | None = None,
    limit: int = 100,
) -> ListChoice | None:
    """The list given by the best source (a source = one path, e.g. ``jsonld:NewsArticle.author.name``).

    A source's score is its best confidence (less ``penalty``) plus a bonus for each other extractor kind that
    names at least one of the same items.
    """
    groups: dict[str, list[tuple[str, Candidate]]] = {}
    keys: dict[str, set[str]] = {}
    scores: dict[str, float] = {}
    for candidate in candidates:
        labels = split(candidate)
        if not labels:
            continue
        group = groups.setdefault(candidate.source, [])
        seen = keys.setdefault(candidate.source, set())
        for label in labels:
            key = fold(label)
            if key not in seen:
                seen.add(key)
                group.append((label, candidate))
        scores[candidate.source] = max(scores.get(candidate.source, 0.0), candidate.confidence)
    if not groups:
        return None
    ranked = []
    for order, (source, members) in enumerate(groups.items()):
        kind = source.split(":", 1)[0]
        agreeing = [other for other in groups if other.split(":", 1)[0] != kind and keys[other] & keys[source]]
        score = scores[source] + AGREEMENT_BONUS * len({a.split(":", 1)[0] for a in agreeing})
        if penalty:
            score -= penalty(members[0][1], [label for label, _ in members])
        ranked.append((score, -order, source, agreeing))
    score, _, source, agreeing = max(ranked)
    evidence = Evidence(source=source, confidence=round(min(1.0, max(0.0, score)), 3), agreeing=sorted(agreeing))
    return ListChoice(groups[source][:limit], evidence, len(groups[source]))
