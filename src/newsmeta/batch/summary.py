"""What a batch did: counts per input kind, per-field coverage, error kinds, skipped items."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .records import Result


@dataclass
class Summary:
    """Counts of one run (``resumed``: records an earlier run had already written, not redone)."""

    records: int = 0
    articles: int = 0
    errors: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    coverage: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    resumed: int = 0
    resumed_errors: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    worker_restarts: int = 0
    dropped_spans: int = 0
    fields: tuple[str, ...] = ()

    def add(self, result: Result) -> None:
        self.records += 1
        self.by_kind[result.kind] += 1
        if result.error_kind is None:
            self.articles += 1
            self.coverage.update(result.fields)
        else:
            self.errors += 1
            self.error_kinds[result.error_kind] += 1

    @property
    def rate(self) -> float:
        return self.records / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0: every record extracted; 1: some failed (each reported); 130: interrupted (resume it)."""
        if self.interrupted:
            return 130
        return 1 if self.errors or self.resumed_errors else 0

    def coverage_percent(self) -> dict[str, float]:
        """Share of this run's articles (in %) that have each field."""
        if not self.articles:
            return {}
        names = self.fields or tuple(self.coverage)
        return {name: 100.0 * self.coverage[name] / self.articles for name in names}

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "articles": self.articles, "errors": self.errors,
            "by_kind": dict(self.by_kind), "coverage_percent": self.coverage_percent(),
            "error_kinds": dict(self.error_kinds), "skipped": dict(self.skipped),
            "resumed": self.resumed, "resumed_errors": self.resumed_errors,
            "elapsed_s": round(self.elapsed, 3), "records_per_s": round(self.rate, 1),
            "interrupted": self.interrupted, "worker_restarts": self.worker_restarts,
            "dropped_spans": self.dropped_spans,
            "exit_code": self.exit_code,
        }

    def format(self) -> str:
        """A short report for people (what the command prints to stderr at the end)."""
        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{name} {n:,}" for name, n in counter.most_common())

        head = "interrupted" if self.interrupted else "done"
        lines = [
            f"newsmeta batch {head}: {self.records:,} records in {self.elapsed:.1f} s ({self.rate:,.1f}/s): "
            f"{self.articles:,} articles, {self.errors:,} errors",
        ]
        if self.by_kind:
            lines.append(f"  inputs: {counts(self.by_kind)}")
        if self.resumed:
            lines.append(f"  resumed: {self.resumed:,} records already written ({self.resumed_errors:,} errors)")
        if self.skipped:
            lines.append(f"  skipped (not written): {counts(self.skipped)}")
        if self.error_kinds:
            lines.append(f"  errors: {counts(self.error_kinds)}")
        if self.worker_restarts:
            lines.append(f"  worker restarts: {self.worker_restarts}")
        if self.dropped_spans:
            lines.append(f"  WARC spans dropped (they began inside a record): {self.dropped_spans}")
        cover = self.coverage_percent()
        if cover:
            lines.append("  coverage: " + ", ".join(f"{name} {pct:.0f}%" for name, pct in cover.items()))
        return "\n".join(lines)
