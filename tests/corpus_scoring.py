"""Shared helper for the dev-corpus tests: run ``newsmeta.extract`` over a corpus and score it with the
corpus's own ``../shared/tools/score.py``, exactly as ``predict.py`` does."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import newsmeta

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpus" / "dev"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shared_{name}", SHARED / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_scores(corpus: str) -> dict[str, float]:
    """Scores of the corpus ``dev/<corpus>``: field -> mean score."""
    predict, score = _tool("predict"), _tool("score")
    root = CORPORA / corpus
    predictions: dict[str, Any] = {}
    for line in (root / "index.jsonl").read_text().splitlines():
        row = json.loads(line)
        raw = (root / row["file"]).read_bytes()
        if row["file"].endswith(".gz"):
            raw = gzip.decompress(raw)
        predictions[row["id"]] = predict.to_prediction(newsmeta.extract(raw, url=row.get("url")))
    return {field: value for field, (value, _) in score.score(root, predictions).items()}
