"""``newsmeta batch`` over a directory mixing the hostile corpus with normal fixtures.

Done when: every input file gives exactly one output record (an article or an error entry), none is lost, the
binary inputs are error entries, every other input is an article, and the run exits with status 1.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "hostile"
NORMAL = [
    ROOT / "fixtures" / "html" / name
    for name in ("jsonld_graph.html", "opengraph_dw.html", "cp1251_no_charset.html", "unsafe_images.html")
] + [ROOT / "fixtures" / "capture" / "sputnik-2022-12-23.txt"]
BINARY = {"binary_nul.html", "binary_random.txt"}
UNSAFE = ("javascript:", "data:", "file:")


def _batch_available() -> bool:
    probe = subprocess.run([sys.executable, "-m", "newsmeta.batch", "--help"], capture_output=True, text=True)
    return probe.returncode == 0 and "INPUT" in probe.stdout


batch_available = _batch_available()
pytestmark = pytest.mark.skipif(
    not batch_available, reason="newsmeta.batch is not ready yet (`python -m newsmeta.batch --help` fails)"
)


def small_hostile() -> list[Path]:
    return sorted(p for p in HOSTILE.iterdir() if p.suffix in (".html", ".txt"))


def run_batch(directory: Path, out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    result = subprocess.run(
        [sys.executable, "-m", "newsmeta.batch", str(directory), "-o", str(out), "--workers", "2", *extra],
        capture_output=True, text=True, timeout=900,
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return result, records


def by_file(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Records by input file name (a one-page file's record id is its path)."""
    found: dict[str, dict[str, Any]] = {}
    for record in records:
        name = Path(record["id"]).name
        assert name not in found, f"two records for {name}"
        found[name] = record
    return found


def check_run(inputs: list[Path], result: subprocess.CompletedProcess[str], records: list[dict[str, Any]]) -> None:
    names = {p.name for p in inputs}
    assert len(records) == len(inputs), f"{len(inputs)} inputs, {len(records)} records; stderr: {result.stderr}"
    found = by_file(records)
    assert set(found) == names, f"lost: {sorted(names - set(found))}, unexpected: {sorted(set(found) - names)}"
    errors = {name: r["error"] for name, r in found.items() if "error" in r}
    assert set(errors) == BINARY & names, f"error entries: {errors}"
    for name in BINARY & names:
        assert errors[name]["kind"] == "ExtractionError", errors[name]
    for name, record in found.items():
        if name in BINARY:
            continue
        line = json.dumps({k: v for k, v in record.items() if k not in ("id", "source")}).lower()
        for scheme in UNSAFE:
            assert scheme not in line, f"{name}: {scheme} in the batch record"
    assert result.returncode == 1, f"exit status {result.returncode}; stderr: {result.stderr}"


def test_batch_over_hostile_and_normal_fixtures_reports_every_record(tmp_path: Path) -> None:
    inputs_dir = tmp_path / "inputs"
    inputs_dir.mkdir()
    inputs = small_hostile() + NORMAL
    for path in inputs:
        shutil.copy(path, inputs_dir / path.name)
    out = tmp_path / "out.jsonl"
    result, records = run_batch(inputs_dir, out)
    check_run(inputs, result, records)
    found = by_file(records)
    assert found["cp1251_labelled_utf8.html"]["title"] == "Правительство объявило новую реформу образования"
    assert found["utf16le_no_bom.html"]["title"] == "Über die Brücke: Ein Bericht aus Köln"
    assert found["sputnik-2022-12-23.txt"]["title"] == "North Korea Denies Allegations It Has Supplied Munitions to Russia"


def test_batch_with_the_large_hostile_inputs_loses_nothing(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("hostile_generate_batch", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    inputs_dir = tmp_path / "inputs"
    large = list(generate.generate(inputs_dir).values())
    for path in [*NORMAL, HOSTILE / "binary_nul.html", HOSTILE / "empty.html"]:
        shutil.copy(path, inputs_dir / path.name)
    inputs = sorted(inputs_dir.iterdir())
    assert len(inputs) == len(large) + len(NORMAL) + 2
    out = tmp_path / "out.jsonl"
    result, records = run_batch(inputs_dir, out)
    check_run(inputs, result, records)
    found = by_file(records)
    assert found["huge_page_50mb.html"]["title"] == "Fifty Megabytes Headline"
    assert found["deep_nesting_100k.html"]["title"] == "Deep Nesting Headline"
