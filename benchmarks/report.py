"""The benchmark's outputs: summaries, results.json, the Markdown table (results.md) and the chart (results.png)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peers

if TYPE_CHECKING:
    from compare import Page, Timings

SPEED_MEMORY = ("ms/page", "× lxml", "RSS after imports MiB", "peak RSS MiB", "peak/page MiB")
LOWER_IS_BETTER = SPEED_MEMORY


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def _flat(per_corpus: dict[str, list[float]]) -> list[float]:
    return [value for values in per_corpus.values() for value in values]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def meta(args: argparse.Namespace, pages: list[Page], requested: list[str], skipped: dict[str, str]) -> dict[str, Any]:
    """Corpora, date, machine, versions and settings of the run."""
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.corpus] = counts.get(page.corpus, 0) + 1
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "corpora": [{"name": c.name, "path": str(c), "pages": counts.get(c.name, 0)} for c in args.corpora],
        "machine": {"platform": platform.platform(), "cpu": _cpu_model(), "cpu_count": os.cpu_count(),
                    "python": platform.python_version()},
        "versions": {**{name: peers.PEERS[name].version() for name in requested}, "lxml": _version("lxml")},
        "rounds": args.rounds, "pages_per_corpus": args.pages, "skipped": skipped,
        "text_captures_wrapped_for_peers": sorted({p.corpus for p in pages if p.raw is not p.html}),
    }


def tool_summary(name: str, timings: Timings, scores: dict[str, Any]) -> dict[str, Any]:
    """Accuracy, errors and speed of one tool."""
    peer = peers.PEERS[name]
    return {
        "version": peer.version(), "fields": list(peer.fields), "note": peer.note, "scores": scores,
        "errors": dict(timings.errors[name]), "error_kinds": dict(timings.error_kinds[name]),
        "speed": {
            "ms_median": _median(_flat(timings.ms[name])),
            "ms_mean": round(statistics.mean(_flat(timings.ms[name])), 3) if _flat(timings.ms[name]) else None,
            "ratio_to_lxml_median": _median(_flat(timings.ratio[name])),
            "warmup_ms_median": _median(_flat(timings.warmup_ms[name])),
            "per_corpus": {corpus: {"ms_median": _median(values), "ratio_to_lxml_median":
                                    _median(timings.ratio[name][corpus])}
                           for corpus, values in timings.ms[name].items()},
        },
    }


def lxml_summary(timings: Timings) -> dict[str, Any]:
    return {"ms_median": _median(_flat(timings.ms["lxml"])),
            "per_corpus": {corpus: _median(values) for corpus, values in timings.ms["lxml"].items()}}


# -- Markdown ---------------------------------------------------------------------------------------------


def score_columns(results: dict[str, Any]) -> list[tuple[str, str]]:
    """(corpus, field) pairs that some tool was scored on, corpora in run order, fields in score.py's order."""
    columns = []
    for corpus in [c["name"] for c in results["meta"]["corpora"]]:
        for field in peers.ALL_FIELDS:
            if any(field in tool["scores"].get(corpus, {}) for tool in results["tools"].values()):
                columns.append((corpus, field))
    return columns


def _memory_cells(tool: dict[str, Any]) -> list[float | None]:
    memory = tool.get("memory", {})
    return [memory.get("rss_after_imports_mib"), memory.get("peak_rss_mib"), memory.get("page_peak_mib_max")]


def table_values(results: dict[str, Any]) -> tuple[list[str], dict[str, list[float | None]]]:
    """Column headers and, per tool, the numbers (None: the tool does not give that field)."""
    columns = score_columns(results)
    headers = [f"{corpus} {field}" for corpus, field in columns] + list(SPEED_MEMORY)
    rows: dict[str, list[float | None]] = {}
    for name, tool in results["tools"].items():
        scores = [tool["scores"].get(corpus, {}).get(field, [None])[0] if field in tool["fields"] else None
                  for corpus, field in columns]
        rows[name] = scores + [tool["speed"]["ms_median"], tool["speed"]["ratio_to_lxml_median"],
                               *_memory_cells(tool)]
    return headers, rows


def _best(header: str, values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    return min(present) if header.startswith(LOWER_IS_BETTER) else max(present)


def _cell(value: float | None, best: float | None, header: str) -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}" if header in SPEED_MEMORY else f"{value:.3f}"
    return f"**{text}**" if value == best and best is not None else text


def _table(results: dict[str, Any]) -> list[str]:
    headers, rows = table_values(results)
    best = {h: _best(h, [row[i] for row in rows.values()]) for i, h in enumerate(headers)}
    lines = ["| tool | " + " | ".join(headers) + " |", "|---|" + "---:|" * len(headers)]
    for name, row in rows.items():
        cells = [_cell(value, best[h], h) for h, value in zip(headers, row, strict=True)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for name, reason in results["meta"]["skipped"].items():
        lines.append(f"| {name} | {reason} |" + " |" * (len(headers) - 1))
    return lines


def _shown(path: Path) -> str:
    """A path as the README shows it: relative to the project (``../shared/corpus/dev``) where it can be."""
    try:
        return os.path.relpath(path, Path(__file__).resolve().parents[1])
    except ValueError:
        return str(path)


def _header(results: dict[str, Any]) -> list[str]:
    m = results["meta"]
    corpora = ", ".join(f"`{c['name']}` ({c['pages']} pages)" for c in m["corpora"])
    machine = m["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in m["versions"].items())
    return [
        f"Corpora: {corpora}, from `{_shown(Path(m['corpora'][0]['path']).parent)}`." if m["corpora"]
        else "Corpora: none.",
        f"Run: {m['date']}; {m['rounds']} timed round(s) after a warm-up"
        + (f", first {m['pages_per_corpus']} pages of each corpus" if m["pages_per_corpus"] else "") + ".",
        f"Machine: {machine['platform']}, {machine['cpu']}, {machine['cpu_count']} CPUs, Python {machine['python']}.",
        f"Versions: {versions}.",
    ]


def _notes(results: dict[str, Any]) -> list[str]:
    notes = [
        "Scores: `../shared/tools/score.py` (fraction of pages right; `authors_f1`, `topics_f1`: mean set F1). "
        "Bold: best in the column. —: the tool does not give that field.",
        f"Speed: median ms per page over all pages and timed rounds; `× lxml`: median per-page ratio to a plain "
        f"`lxml.html.document_fromstring` of the same bytes, timed right before the tools on the same page in the "
        f"same round (lxml parse: {results['lxml']['ms_median']} ms/page median).",
        "Memory, in one subprocess per tool reading the pages one at a time: `RSS after imports`: resident set of "
        "the process (Python, lxml, the tool) before the first page; `peak RSS`: its highest resident set over all "
        "pages; `peak/page`: the largest rise of the resident set while extracting one page, above the RSS before "
        "that page (Linux VmHWM, reset before each page through /proc/self/clear_refs).",
    ]
    for name, tool in results["tools"].items():
        errors = sum(tool["errors"].values())
        parts = [tool["note"]] if tool["note"] else []
        kinds = "; ".join(f"{count}× {kind}" for kind, count in tool.get("error_kinds", {}).items())
        parts += [f"raised on {errors} page(s), scored as empty ({kinds})"] if errors else []
        if parts:
            notes.append(f"{name}: {'; '.join(parts)}.")
    blocked = results["meta"].get("network_attempts_blocked", 0)
    notes.append(f"Network: every socket connection is refused in the benchmark ({blocked} attempt(s) blocked).")
    batch = results["tools"].get("newsmeta", {}).get("batch")
    if batch and "error" not in batch:
        notes.append(
            f"newsmeta batch: {batch['extractions']:,} extractions ({batch['distinct_pages']} distinct pages cycled) in "
            f"one process in {batch['seconds']} s: peak RSS {batch['peak_rss_mib']} MiB; RSS "
            f"{batch['rss_at_checkpoint_mib']} MiB after {batch['checkpoint']:,}, {batch['rss_at_end_mib']} MiB after "
            f"{batch['extractions']:,}.")
    wrapped = results["meta"]["text_captures_wrapped_for_peers"]
    if wrapped:
        notes.append(f"Text captures ({', '.join(wrapped)}): newsmeta reads the text as it is; the peers, which read "
                     "HTML only, get it wrapped as `<html><body><p>line</p>...`.")
    return ["- " + note for note in notes]


def speed_table(results: dict[str, Any]) -> list[str]:
    """Per corpus: ms/page and the ratio to the lxml parse, per tool."""
    corpora = [c["name"] for c in results["meta"]["corpora"]]
    headers = [f"{c} {what}" for c in corpora for what in ("ms/page", "× lxml")]
    lines = ["| tool | " + " | ".join(headers) + " |", "|---|" + "---:|" * len(headers)]
    lxml = results["lxml"]["per_corpus"]
    lines.append("| lxml parse | " + " | ".join(f"{lxml.get(c, 0) or 0:.2f} | 1" for c in corpora) + " |")
    for name, tool in results["tools"].items():
        per = tool["speed"]["per_corpus"]
        cells = [f"{per.get(c, {}).get(key) or 0:.2f}" for c in corpora for key in ("ms_median", "ratio_to_lxml_median")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def profile_table(profile: dict[str, dict[str, float]]) -> str:
    lines = ["| stage | mean ms/page (all pages) | median ms (pages where it ran) | share of total | pages where it ran |",
             "|---|---:|---:|---:|---:|"]
    for stage, row in profile.items():
        lines.append(f"| {stage} | {row['mean_ms']:.3f} | {row['median_ms']:.3f} | {100 * row['share']:.1f}% | "
                     f"{row['pages']} |")
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    parts = _header(results) + [""] + _table(results) + [""] + _notes(results)
    parts += ["", "Speed per corpus (median ms/page, median ratio to the lxml parse of the same page):", ""]
    parts += speed_table(results)
    if "profile" in results:
        parts += ["", "newsmeta's time per stage (`--profile`, `newsmeta.profile.profile_extract`):", "",
                  profile_table(results["profile"])]
    return "\n".join(parts) + "\n"


# -- chart ------------------------------------------------------------------------------------------------


def chart(results: dict[str, Any], path: Path) -> bool:
    """Accuracy per field and tool (grouped bars), and ms/page on a log axis. False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    headers, rows = table_values(results)
    columns = [h for h in headers if h not in SPEED_MEMORY]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(8.0, 0.9 * len(columns) + 3), 8.5),
                                      gridspec_kw={"height_ratios": [3, 2]})
    width = 0.8 / max(1, len(rows))
    for index, (name, row) in enumerate(rows.items()):
        xs = [i + index * width for i, v in enumerate(row[: len(columns)]) if v is not None]
        top.bar(xs, [v for v in row[: len(columns)] if v is not None], width, label=name)
    top.set_xticks([i + 0.4 - width / 2 for i in range(len(columns))], columns, rotation=45, ha="right", fontsize=8)
    top.set_ylim(0, 1.22)
    top.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    top.set_ylabel("score")
    top.set_title("Accuracy per field (score.py)")
    top.legend(fontsize=8, ncol=len(rows), loc="upper center")
    names = list(rows)
    speeds = [results["tools"][n]["speed"]["ms_median"] or 0 for n in names]
    bottom.barh(names, speeds, color=[f"C{i}" for i in range(len(names))])
    for y, speed in enumerate(speeds):
        bottom.annotate(f"{speed:.2f} ms", (speed, y), xytext=(4, 0), textcoords="offset points", va="center",
                        fontsize=8)
    lxml = results["lxml"]["ms_median"] or 0
    bottom.axvline(lxml, color="black", linestyle="--", label=f"lxml parse ({lxml:.2f} ms)")
    bottom.set_xscale("log")
    positive = [v for v in speeds + [lxml] if v > 0] or [1.0]
    bottom.set_xlim(min(positive) / 2, max(positive) * 4)
    bottom.set_xlabel("ms per page (median, log scale)")
    bottom.invert_yaxis()
    bottom.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write_all(results: dict[str, Any], out_dir: Path) -> list[Path]:
    """results.json, results.md and (with matplotlib) results.png in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "results.json", out_dir / "results.md"]
    written[0].write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    written[1].write_text(markdown(results))
    if chart(results, out_dir / "results.png"):
        written.append(out_dir / "results.png")
    else:
        print("matplotlib not installed: no results.png", file=sys.stderr)
    return written
