"""``benchmarks/compare.py --quick`` runs (newsmeta only, 3 pages of each dev corpus, 1 round) and writes outputs
that parse, so that the benchmark against the peers cannot rot."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
CORPORA = sorted(p for p in DEV.glob("*") if (p / "index.jsonl").exists()) if DEV.is_dir() else []

pytestmark = pytest.mark.skipif(not CORPORA, reason="no ../shared/corpus/dev")


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare.py"), *map(str, CORPORA), "--quick", "--profile",
         "--batch", "50", "--out-dir", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def results(out_dir: Path) -> dict[str, Any]:
    return dict(json.loads((out_dir / "results.json").read_text()))


def test_json_has_meta_tools_and_profile(results: dict[str, Any]) -> None:
    assert {"meta", "tools", "lxml", "profile"} <= set(results)
    assert [c["pages"] for c in results["meta"]["corpora"]] == [3] * len(CORPORA)
    assert results["meta"]["machine"]["cpu_count"] >= 1 and results["meta"]["versions"]["newsmeta"]
    assert list(results["tools"]) == ["newsmeta"]  # quick mode: newsmeta alone
    assert results["meta"]["network_attempts_blocked"] == 0
    assert results["lxml"]["ms_median"] > 0
    assert {"decode+parse", "index", "resolve", "total"} <= set(results["profile"])


def test_newsmeta_entry_is_complete(results: dict[str, Any]) -> None:
    tool = results["tools"]["newsmeta"]
    assert set(tool["scores"]) == {c.name for c in CORPORA}
    for corpus, fields in tool["scores"].items():
        assert fields, corpus
        for value, n in fields.values():
            assert 0.0 <= value <= 1.0 and 1 <= n <= 3
    assert sum(tool["errors"].values()) == 0
    assert tool["speed"]["ms_median"] > 0 and tool["speed"]["ratio_to_lxml_median"] > 0
    assert tool["memory"]["peak_rss_mib"] >= tool["memory"]["rss_after_imports_mib"] > 0
    assert tool["batch"]["extractions"] == 50 and tool["batch"]["peak_rss_mib"] > 0


def test_markdown_table_rows(out_dir: Path, results: dict[str, Any]) -> None:
    lines = (out_dir / "results.md").read_text().splitlines()
    tables = [line for line in lines if line.startswith("|")]
    header = tables[0].strip("|").split("|")
    assert header[0].strip() == "tool" and "ms/page" in [cell.strip() for cell in header]
    row = next(line for line in tables if line.startswith("| newsmeta |"))
    assert len(row.strip("|").split("|")) == len(header)
    assert any(line.startswith("| decode+parse |") for line in tables)  # the profile
    assert any(line.startswith("Versions:") and "newsmeta" in line for line in lines)


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="matplotlib not installed")
def test_chart_is_a_png(out_dir: Path) -> None:
    assert (out_dir / "results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
