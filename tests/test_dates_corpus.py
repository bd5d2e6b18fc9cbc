"""The date targets on the dev corpora (skipped where ../shared/corpus is absent)."""

from __future__ import annotations

import pytest

from corpus_scoring import CORPORA, corpus_scores

TARGETS = {"fundus": {"date_day": 0.98, "timestamp": 0.92}, "htmldate": {"date_day": 0.94}}


@pytest.mark.parametrize("corpus", sorted(TARGETS))
def test_date_scores_reach_targets(corpus: str) -> None:
    if not (CORPORA / corpus / "index.jsonl").exists():
        pytest.skip("dev corpus not present")
    scores = corpus_scores(corpus)
    targets = TARGETS[corpus]
    below = {
        field: round(scores.get(field, 0.0), 3) for field, target in targets.items() if scores.get(field, 0.0) < target
    }
    assert not below, f"{corpus} below target: {below} (targets {targets})"
