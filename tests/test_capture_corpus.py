"""The issue's targets on the dev corpora (``/work/shared/corpus/dev/values`` and ``dev/capture``).

Runs ``predict.py`` and ``score.py`` from the shared tools when they and the corpora are present; skipped otherwise.
Targets not reached yet are marked ``xfail(strict=True)``: the test fails as soon as one is reached, so that the
mark is removed and the target guarded from then on.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path("/work/shared")
TOOLS = SHARED / "tools"
CORPUS = SHARED / "corpus" / "dev"

TARGETS = {
    "values": {
        "title": 0.90,
        "date_day": 0.97,
        "timestamp": 0.85,
        "authors_f1": 0.75,
        "image": 0.80,
        "topics_f1": 0.50,
    },
    "capture": {"title": 0.85, "date_day": 0.90, "timestamp": 0.50, "authors_f1": 0.75, "topics_f1": 0.40},
}
#: Targets this work has not reached yet (see the issue's report); they turn into plain checks once reached.
NOT_YET: set[tuple[str, str]] = set()


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shared_{name}", TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _scores(corpus: str, out_dir: str) -> dict[str, float]:
    predictions = Path(out_dir) / f"{corpus}.jsonl"
    subprocess.run(
        [sys.executable, str(TOOLS / "predict.py"), str(CORPUS / corpus), str(predictions)],
        check=True,
        capture_output=True,
    )
    score = _load("score")
    return {key: value for key, (value, _) in score.score(CORPUS / corpus, score.load_preds(predictions)).items()}


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("capture-corpus"))


CASES = [
    pytest.param(
        corpus,
        field,
        target,
        marks=[pytest.mark.xfail(strict=True, reason="target not reached yet")] if (corpus, field) in NOT_YET else [],
        id=f"{corpus}-{field}",
    )
    for corpus, fields in TARGETS.items()
    for field, target in fields.items()
]


@pytest.mark.skipif(not (TOOLS / "predict.py").exists(), reason="shared tools absent")
@pytest.mark.parametrize(("corpus", "field", "target"), CASES)
def test_target(corpus: str, field: str, target: float, out_dir: str) -> None:
    if not (CORPUS / corpus / "index.jsonl").exists():
        pytest.skip(f"corpus dev/{corpus} absent")
    assert _scores(corpus, out_dir)[field] >= target
