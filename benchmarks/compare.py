#!/usr/bin/env python3
"""newsmeta against its peers (trafilatura, newspaper4k, goose3, htmldate): accuracy, speed and memory in one run.

usage: python benchmarks/compare.py [CORPUS ...] [--rounds N] [--pages K] [--tools a,b,...] [--out-dir DIR]
                                    [--batch N] [--profile] [--quick]
       python benchmarks/compare.py --render RESULTS_JSON [--out-dir DIR]

CORPUS is a corpus in the ``index.jsonl`` + ``cases/`` format (default: every corpus under ../shared/corpus/dev).
- Accuracy: each tool's predictions (from the warm-up round) scored by ../shared/tools/score.py.
- Speed: page by page, in every round, a plain ``lxml.html.document_fromstring(raw)`` and then each tool (the
  order of the tools rotates between rounds), so that a noisy machine slows reference and tools alike; one
  warm-up round first; medians of ms/page and of the per-page ratio to the lxml parse.
- Memory: one subprocess per tool reads the pages one at a time and records, for each page, the peak resident
  set size (VmHWM, reset before the page through /proc/self/clear_refs) above the RSS before it; and, for
  newsmeta, a batch of ``--batch`` extractions (pages cycled) in one process: peak RSS, RSS after 10% and 100%.
- ``--profile``: newsmeta's time per stage (``newsmeta.profile.profile_extract``) over the pages.
Writes results.json, results.md and results.png (matplotlib) into --out-dir (default benchmarks/results/).
``--quick``: newsmeta only (unless --tools), 3 pages a corpus, 1 round, a 200-extraction batch: for CI.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import html
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml.html import document_fromstring

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402
import report  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = peers.SHARED / "corpus" / "dev"
PAGE_TIMEOUT = 60.0  # seconds: a tool stuck on a page gets an empty prediction for it, counted as an error


@dataclass
class Page:
    """One case: the bytes newsmeta gets (``raw``) and the HTML the peers get (``html``, text captures wrapped)."""

    corpus: str
    id: str
    url: str | None
    raw: bytes
    html: bytes


# -- corpora -----------------------------------------------------------------------------------------------


def corpus_rows(corpus: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (corpus / "index.jsonl").read_text().splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def wrap_text(raw: bytes) -> bytes:
    """A text capture as HTML for tools that only read HTML: each non-empty line a ``<p>``."""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    body = "".join(f"<p>{html.escape(line.strip())}</p>" for line in lines if line.strip())
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def read_page(corpus: Path, row: dict[str, Any]) -> Page:
    path = corpus / row["file"]
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    page_html = wrap_text(raw) if path.name.endswith(".txt") else raw
    return Page(corpus.name, row["id"], row.get("url"), raw, page_html)


def iter_pages(corpora: list[Path], limit: int | None) -> Iterator[Page]:
    for corpus in corpora:
        for row in corpus_rows(corpus, limit):
            yield read_page(corpus, row)


# -- timing and predictions ------------------------------------------------------------------------------


def lxml_parse(raw: bytes) -> None:
    try:  # noqa: SIM105  (no context manager inside the timed reference)
        document_fromstring(raw)
    except Exception:  # an empty document: the reference still took its time
        pass


def _page_timeout(signum: int, frame: Any) -> None:
    raise TimeoutError(f"a page took over {PAGE_TIMEOUT} s")


def timed(adapter: peers.Adapter, page: Page, tool: str) -> tuple[float, dict[str, Any] | Exception]:
    """Seconds the tool took on the page, and its prediction (or what it raised; PAGE_TIMEOUT: TimeoutError)."""
    data = page.raw if tool == "newsmeta" else page.html
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _page_timeout)
        signal.setitimer(signal.ITIMER_REAL, PAGE_TIMEOUT)
    start = time.perf_counter()
    try:
        prediction: dict[str, Any] | Exception = adapter(data, page.url)
    except Exception as exc:
        prediction = exc
    seconds = time.perf_counter() - start
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)
    return seconds, prediction


@dataclass
class Timings:
    """Per tool and corpus: ms per page-round, ratios to the lxml parse, warm-up ms, errors; predictions."""

    ms: dict[str, dict[str, list[float]]]
    ratio: dict[str, dict[str, list[float]]]
    warmup_ms: dict[str, dict[str, list[float]]]
    errors: dict[str, dict[str, int]]
    error_kinds: dict[str, dict[str, int]]
    predictions: dict[str, dict[str, dict[str, Any]]]


def nested_lists() -> dict[str, dict[str, list[float]]]:
    return defaultdict(lambda: defaultdict(list))


def error_kind(exc: Exception) -> str:
    """``ImportError: You must install tinysegmenter ...``: the type and the first line, shortened."""
    first = next((line.strip() for line in str(exc).splitlines() if line.strip(" *")), "")
    return f"{type(exc).__name__}: {first[:90]}"


def record_first_pass(result: Timings, tool: str, page: Page, seconds: float, prediction: Any) -> None:
    """The warm-up round: its time, and the prediction that is scored (an empty one where the tool raised)."""
    result.warmup_ms[tool][page.corpus].append(1000 * seconds)
    failed = isinstance(prediction, Exception)
    result.errors[tool][page.corpus] += failed
    if failed:
        result.error_kinds[tool][error_kind(prediction)] += 1
    result.predictions[tool][f"{page.corpus}/{page.id}"] = {} if failed else prediction


def measure(pages: list[Page], adapters: dict[str, peers.Adapter], rounds: int) -> Timings:
    """Warm-up round (which gives the predictions) and ``rounds`` timed rounds, interleaved page by page."""
    result = Timings(nested_lists(), nested_lists(), nested_lists(), defaultdict(lambda: defaultdict(int)),
                     defaultdict(lambda: defaultdict(int)), defaultdict(dict))
    names = list(adapters)
    for round_number in range(rounds + 1):
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        for page in pages:
            start = time.perf_counter()
            lxml_parse(page.raw)
            reference = time.perf_counter() - start
            if round_number:
                result.ms["lxml"][page.corpus].append(1000 * reference)
            for tool in order:
                seconds, prediction = timed(adapters[tool], page, tool)
                if round_number == 0:
                    record_first_pass(result, tool, page, seconds, prediction)
                    continue
                result.ms[tool][page.corpus].append(1000 * seconds)
                result.ratio[tool][page.corpus].append(seconds / max(reference, 1e-9))
        print(f"round {round_number}{' (warm-up)' if round_number == 0 else ''} done "
              f"({time.strftime('%H:%M:%S')})", file=sys.stderr)
    return result


# -- scoring ---------------------------------------------------------------------------------------------


def score_tool(corpora: list[Path], limit: int | None, predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per corpus, ``{field: [score, n]}`` from score.py, over the pages that were run (a subset index)."""
    score = peers.shared_tool("score")
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora:
            rows = corpus_rows(corpus, limit)
            (Path(tmp) / "index.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
            mine = {row["id"]: predictions.get(f"{corpus.name}/{row['id']}", {}) for row in rows}
            out[corpus.name] = {field: [round(value, 4), n] for field, (value, n) in score.score(tmp, mine).items()}
    return out


# -- memory (subprocesses) --------------------------------------------------------------------------------


def proc_status() -> dict[str, float]:
    """Current and peak RSS in MiB (/proc/self/status; ru_maxrss where there is no /proc)."""
    try:
        text = Path("/proc/self/status").read_text()
        values = dict(line.split(":", 1) for line in text.splitlines() if line.startswith(("VmRSS", "VmHWM")))
        return {key: int(value.split()[0]) / 1024 for key, value in values.items()}
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        return {"VmRSS": peak, "VmHWM": peak}


def reset_peak() -> bool:
    """Reset the process's peak RSS (Linux: write 5 to /proc/self/clear_refs); False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def memory_worker(tool: str, corpora: list[Path], limit: int | None) -> dict[str, Any]:
    """Peak RSS per page for one tool, pages read one at a time (the corpus is never all in memory)."""
    before_tool = proc_status()["VmRSS"]
    adapter = peers.load_adapter(tool)
    gc.collect()
    after_imports = proc_status()["VmRSS"]
    increments: list[float] = []
    peak = after_imports
    resettable = True
    for page in iter_pages(corpora, limit):
        before = proc_status()["VmRSS"]
        resettable = reset_peak() and resettable
        timed(adapter, page, tool)
        status = proc_status()
        increments.append(status["VmHWM"] - before)
        peak = max(peak, status["VmHWM"])
    end = proc_status()["VmRSS"]
    if not resettable:  # no per-page reset: the process's peak above the RSS after imports
        increments, peak = [max(peak, proc_status()["VmHWM"]) - after_imports], max(peak, proc_status()["VmHWM"])
    return {
        "method": "per page: VmHWM (reset before the page via /proc/self/clear_refs) minus VmRSS before the page"
        if resettable else "process peak RSS (ru_maxrss) minus RSS after imports",
        "rss_before_tool_import_mib": round(before_tool, 1),
        "rss_after_imports_mib": round(after_imports, 1),
        "peak_rss_mib": round(peak, 1),
        "page_peak_mib_median": round(statistics.median(increments), 2) if increments else None,
        "page_peak_mib_max": round(max(increments), 2) if increments else None,
        "rss_end_mib": round(end, 1),
        "pages": len(increments) if resettable else None,
    }


def batch_worker(corpora: list[Path], limit: int | None, count: int) -> dict[str, Any]:
    """``count`` newsmeta extractions in one process, cycling the pages: is memory flat?"""
    adapter = peers.load_adapter("newsmeta")
    pages = list(iter_pages(corpora, limit))
    checkpoint = max(1, count // 10)
    rss_checkpoint = 0.0
    start = time.perf_counter()
    for index in range(count):
        timed(adapter, pages[index % len(pages)], "newsmeta")
        if index + 1 == checkpoint:
            rss_checkpoint = proc_status()["VmRSS"]
    final = proc_status()
    return {"extractions": count, "distinct_pages": len(pages), "seconds": round(time.perf_counter() - start, 1),
            "checkpoint": checkpoint, "rss_at_checkpoint_mib": round(rss_checkpoint, 1),
            "rss_at_end_mib": round(final["VmRSS"], 1), "peak_rss_mib": round(final["VmHWM"], 1)}


def run_worker(args: list[str]) -> dict[str, Any]:
    """Run this script as a worker subprocess and return the JSON it prints."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True,
                          env={**os.environ, "TZ": "UTC"})
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["worker failed"]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- profile ----------------------------------------------------------------------------------------------


def profile_pass(pages: list[Page]) -> tuple[dict[str, list[float]], int]:
    """One ``profile_extract`` per page: ms per stage, and the pages on which it raised (left out)."""
    from newsmeta.profile import profile_extract

    stages: dict[str, list[float]] = defaultdict(list)
    failed = 0
    for page in pages:
        try:
            _, timings = profile_extract(page.raw, url=page.url)
        except Exception:
            failed += 1
            continue
        for stage, seconds in timings.items():
            stages[stage].append(1000 * seconds)
    return stages, failed


def profile(pages: list[Page]) -> dict[str, dict[str, float]]:
    """newsmeta's ms per stage (after a warm-up pass): mean over all pages, median over the pages where the stage
    ran, share of the mean total, and on how many pages it ran; ``failed``: pages where extraction raised."""
    profile_pass(pages)
    stages, failed = profile_pass(pages)
    done = max(1, len(pages) - failed)
    total = sum(stages["total"]) / done if stages["total"] else 1.0
    rows = {
        stage: {"mean_ms": round(sum(values) / done, 4), "median_ms": round(statistics.median(values), 4),
                "share": round(sum(values) / done / total, 4), "pages": len(values)}
        for stage, values in stages.items()
    }
    ordered = dict(sorted(rows.items(), key=lambda item: -item[1]["mean_ms"]))
    return {**ordered, "failed": {"mean_ms": 0.0, "median_ms": 0.0, "share": 0.0, "pages": failed}} if failed \
        else ordered


# -- main -------------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, help="timed rounds after the warm-up (default 3; quick: 1)")
    parser.add_argument("--pages", type=int, help="only the first K pages of each corpus (quick: 3)")
    parser.add_argument("--tools", help="comma-separated (default: all; quick: newsmeta)")
    parser.add_argument("--out-dir", type=Path, default=HERE / "results")
    parser.add_argument("--batch", type=int, help="newsmeta extractions in the memory batch (10000; quick: 200)")
    parser.add_argument("--profile", action="store_true", help="newsmeta's time per stage")
    parser.add_argument("--quick", action="store_true", help="CI mode: newsmeta, 3 pages a corpus, 1 round")
    parser.add_argument("--render", type=Path, metavar="RESULTS_JSON", help="only re-render md/png from a results.json")
    parser.add_argument("--memory-worker", metavar="TOOL", help=argparse.SUPPRESS)
    parser.add_argument("--batch-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    defaults = {"tools": "newsmeta", "pages": 3, "rounds": 1, "batch": 200} if args.quick else \
        {"tools": ",".join(peers.PEERS), "pages": None, "rounds": 3, "batch": 10_000}
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.corpora = args.corpora or sorted(p for p in DEFAULT_CORPORA.glob("*") if (p / "index.jsonl").exists())
    return args


def worker_args(args: argparse.Namespace) -> list[str]:
    return [str(c) for c in args.corpora] + (["--pages", str(args.pages)] if args.pages else [])


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    requested = [name.strip() for name in args.tools.split(",") if name.strip()]
    unknown = [name for name in requested if name not in peers.PEERS]
    if unknown:
        raise SystemExit(f"unknown tools: {', '.join(unknown)} (known: {', '.join(peers.PEERS)})")
    skipped = {name: "not installed" for name in requested if not peers.PEERS[name].installed()}
    for name in skipped:
        print(f"{name}: not installed, skipped", file=sys.stderr)
    adapters = {name: peers.load_adapter(name) for name in requested if name not in skipped}
    pages = list(iter_pages(args.corpora, args.pages))
    timings = measure(pages, adapters, args.rounds)
    results: dict[str, Any] = {
        "meta": report.meta(args, pages, requested, skipped),
        "tools": {name: report.tool_summary(name, timings, score_tool(args.corpora, args.pages,
                                                                      timings.predictions[name]))
                  for name in adapters},
        "lxml": report.lxml_summary(timings),
    }
    for name in adapters:
        print(f"memory: {name}", file=sys.stderr)
        results["tools"][name]["memory"] = run_worker(["--memory-worker", name, *worker_args(args)])
    if "newsmeta" in adapters and args.batch:
        print(f"memory: newsmeta batch of {args.batch}", file=sys.stderr)
        results["tools"]["newsmeta"]["batch"] = run_worker(["--batch-worker", "--batch", str(args.batch),
                                                            *worker_args(args)])
    if args.profile:
        results["profile"] = profile(pages)
    results["meta"]["network_attempts_blocked"] = len(peers.NETWORK_ATTEMPTS)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        for path in report.write_all(json.loads(args.render.read_text()), args.out_dir):
            print(f"wrote {path}", file=sys.stderr)
        return 0
    os.environ["TZ"] = "UTC"  # tools that read dates as local time do so the same way on every machine
    time.tzset()
    missing = [str(c) for c in args.corpora if not (c / "index.jsonl").exists()]
    if missing or not args.corpora:
        print(f"no corpus at {', '.join(missing) or DEFAULT_CORPORA}", file=sys.stderr)
        return 2
    if args.memory_worker:
        print(json.dumps(memory_worker(args.memory_worker, args.corpora, args.pages)))
        return 0
    if args.batch_worker:
        print(json.dumps(batch_worker(args.corpora, args.pages, args.batch)))
        return 0
    results = benchmark(args)
    for path in report.write_all(results, args.out_dir):
        print(f"wrote {path}", file=sys.stderr)
    if args.profile:
        print(report.profile_table(results["profile"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
