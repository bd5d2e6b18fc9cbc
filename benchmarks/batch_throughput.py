"""Throughput and memory of ``newsmeta batch``: records/s with 1 and 2 workers, and peak memory.

Generates a gzip WARC of synthetic news pages (10,000 by default, each about the size of a real one:
navigation, scripts, JSON-LD, Open Graph, a few dozen paragraphs) in a temporary folder, then runs
``python -m newsmeta.batch ARCHIVE -o out.jsonl --workers N`` for each worker count, sampling the
memory of the whole process tree (parent, fork server, workers) every 50 ms.

    .venv/bin/python benchmarks/batch_throughput.py [--records 10000] [--workers 1 2] [--small 2000]
                                                    [--archive /tmp/bench-10k.warc.gz]

``--repeat`` runs each worker count several times, interleaved, and keeps the best (the machine may be
busy with other work). ``--small N`` also runs the largest worker count on an archive of N records, to
show that peak memory does not grow with the input. Not run by the tests.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

try:  # run the newsmeta this interpreter imports (the checkout's src/ when it is not installed)
    import newsmeta

    PACKAGE_ROOT = str(Path(newsmeta.__file__).resolve().parents[1])
except ImportError:
    PACKAGE_ROOT = str(Path(__file__).resolve().parents[1] / "src")
WORDS = ("government", "minister", "city", "council", "report", "market", "price", "energy", "water",
         "school", "health", "police", "court", "election", "vote", "party", "leader", "weather", "storm",
         "river", "bridge", "company", "workers", "union", "strike", "museum", "festival", "music", "team",
         "match", "season", "coach", "player", "research", "university", "study", "data", "climate")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(WORDS, k=n)).capitalize() + "."


def news_page(i: int, rng: random.Random) -> bytes:
    """A synthetic news page of roughly 80-120 KB, with the usual structured data and clutter."""
    title = _sentence(rng, rng.randint(6, 12)).rstrip(".")
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    author = f"{rng.choice(['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eun-ji'])} {rng.choice(['Silva', 'Okafor', 'Novak'])}"
    url = f"https://news.example.com/{day.replace('-', '/')}/story-{i}"
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+01:00",
        "author": [{"@type": "Person", "name": author}], "image": [f"https://cdn.example.com/{i}/cover.jpg"],
        "publisher": {"@type": "Organization", "name": "Example News",
                      "logo": {"@type": "ImageObject", "url": "https://cdn.example.com/logo.png"}},
        "articleSection": rng.choice(["Politics", "Business", "Culture", "Sport"]),
        "keywords": [rng.choice(WORDS) for _ in range(5)],
    })
    crumbs = json.dumps({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": rng.choice(WORDS), "item": f"https://news.example.com/{n}"}
        for n in range(1, 4)]})
    script = "var cfg = " + json.dumps({f"k{n}": _sentence(rng, 8) for n in range(300)}) + ";"
    nav = "".join(f'<li><a href="/section/{n}">{rng.choice(WORDS).title()}</a></li>' for n in range(120))
    paragraphs = "".join(f"<p>{_sentence(rng, rng.randint(15, 40))} {_sentence(rng, 20)}</p>"
                         for _ in range(rng.randint(20, 45)))
    related = "".join(f'<li><a href="/story-{rng.randint(0, 10**6)}"><img src="/t/{n}.jpg" alt="">'
                      f"{_sentence(rng, 8)}</a></li>" for n in range(40))
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example News</title>
<meta name="viewport" content="width=device-width"><meta name="description" content="{_sentence(rng, 20)}">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:image" content="https://cdn.example.com/{i}/cover.jpg">
<meta property="article:published_time" content="{day}T08:00:00+01:00"><meta name="author" content="{author}">
<meta name="twitter:card" content="summary_large_image"><link rel="canonical" href="{url}">
<style>{"body{margin:0;padding:0} .nav li{display:inline} " * 300}</style>
<script type="application/ld+json">{ld}</script><script type="application/ld+json">{crumbs}</script>
<script>{script}</script></head><body><header><nav class="nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><div class="byline">By <a rel="author" href="/authors/{i % 50}">{author}</a>
<time datetime="{day}">{day}</time></div><figure><img src="https://cdn.example.com/{i}/cover.jpg" alt="">
<figcaption>{_sentence(rng, 10)}</figcaption></figure>{paragraphs}</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main><footer>{_sentence(rng, 30) * 5}</footer>
<script>{script}</script></body></html>"""
    return html.encode("utf-8")


def make_archive(path: Path, records: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(records):
            payload = news_page(i, rng)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.com/story-{i}", "response", payload=io.BytesIO(payload), http_headers=headers))
    return path.stat().st_size


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process so far, in clock ticks."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


class Sampler(threading.Thread):
    """Peak RSS of a process tree (the whole tree summed, and the parent alone), and its CPU time."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.tree_peak_kb, self.parent_peak_kb = pid, 0, 0
        self.ticks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids = _tree(self.pid)
            self.tree_peak_kb = max(self.tree_peak_kb, sum(_rss_kb(p) for p in pids))
            self.parent_peak_kb = max(self.parent_peak_kb, _rss_kb(self.pid))
            for p in pids:
                self.ticks[p] = max(self.ticks.get(p, 0), _cpu_ticks(p))
            time.sleep(0.05)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")

    @property
    def busiest_seconds(self) -> float:
        """CPU time of the busiest process: with one worker, the time its records took, end to end."""
        return max(self.ticks.values(), default=0) / os.sysconf("SC_CLK_TCK")


def measure(archive: Path, workers: int, tmp: Path) -> dict[str, float]:
    out, summary_path = tmp / f"out-{workers}.jsonl", tmp / f"summary-{workers}.json"
    env = dict(os.environ, PYTHONPATH=PACKAGE_ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsmeta.batch", str(archive), "-o", str(out), "--workers",
                             str(workers), "-q", "--no-progress", "--summary-json", str(summary_path)], env=env)
    sampler = Sampler(proc.pid)
    sampler.start()
    code = proc.wait()
    wall = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    summary = json.loads(summary_path.read_text())
    if code != 0 or summary["records"] != summary["articles"]:
        raise SystemExit(f"batch failed (exit {code}): {summary}")
    out.unlink()
    return {"workers": workers, "records": summary["records"], "seconds": wall,
            "records_per_s": summary["records"] / wall, "cpu_ms_per_record": 1000 * sampler.cpu_seconds / summary["records"],
            "busiest_ms_per_record": 1000 * sampler.busiest_seconds / summary["records"],
            "peak_tree_mb": sampler.tree_peak_kb / 1024, "peak_parent_mb": sampler.parent_peak_kb / 1024}


_SPIN = "x = 0\nfor i in range(6_000_000):\n    x += i\n"


def parallelism(n: int) -> float:
    """How many times more pure-CPU work ``n`` processes get done than one in the same time, right now:
    ``n`` on an idle machine with ``n`` free cores, less when other work or the host takes CPU."""
    def wall(count: int) -> float:
        started = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(count)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - started

    return n * wall(1) / wall(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each worker count, interleaved; the best is kept (default 3)")
    parser.add_argument("--small", type=int, default=0, help="also run on an archive of this many records")
    parser.add_argument("--archive", type=Path, help="keep the generated archive here, and reuse it if it exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsmeta-bench-") as name:
        tmp = Path(name)
        archive = args.archive or tmp / "archive.warc.gz"
        t0 = time.perf_counter()
        if not archive.exists():
            make_archive(archive, args.records)
        print(f"archive: {args.records:,} records, {archive.stat().st_size / 2**20:.1f} MiB gzip WARC "
              f"(ready in {time.perf_counter() - t0:.1f} s); load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        top = max(args.workers)
        print(f"CPU parallelism available now: {top} busy processes get {parallelism(top):.2f}x the work of one "
              f"done (the most a {top}-worker run can gain)")
        runs: dict[int, list[dict[str, float]]] = {w: [] for w in args.workers}
        for _ in range(args.repeat):
            for workers in args.workers:
                result = measure(archive, workers, tmp)
                runs[workers].append(result)
                print(f"  workers={workers}: {result['records_per_s']:7.1f} records/s ({result['seconds']:.1f} s, "
                      f"{result['cpu_ms_per_record']:.2f} ms CPU per record, all processes)", flush=True)
        best = {w: max(r, key=lambda x: x["records_per_s"]) for w, r in runs.items()}
        for workers, result in best.items():
            print(f"workers={workers}: {result['records_per_s']:7.1f} records/s (best of {args.repeat})  peak RSS "
                  f"{max(r['peak_tree_mb'] for r in runs[workers]):.0f} MB all processes, "
                  f"{max(r['peak_parent_mb'] for r in runs[workers]):.0f} MB parent")
        if len(best) >= 2:
            low, high = args.workers[0], args.workers[-1]
            ratio = best[high]["records_per_s"] / best[low]["records_per_s"]
            print(f"speed-up {high} vs {low} workers: {ratio:.2f}x (load average now {os.getloadavg()[0]:.1f}; "
                  f"CPU parallelism available now: {parallelism(high):.2f}x)")
            if low == 1:  # what the CPU times say an idle machine with `high` free cores would give
                one = min(r["busiest_ms_per_record"] for r in runs[1])
                many = min(r["cpu_ms_per_record"] for r in runs[high])
                print(f"from CPU times: 1 worker spends {one:.2f} ms per record in its busiest process, {high} "
                      f"workers {many:.2f} ms per record in all; on {high} idle cores that is "
                      f"{1000 / one:.0f} vs {high * 1000 / many:.0f} records/s, {high * one / many:.2f}x")
        if args.small:
            small = tmp / "small.warc.gz"
            make_archive(small, args.small)
            result = measure(small, args.workers[-1], tmp)
            print(f"memory check, workers={args.workers[-1]}: {args.small:,} records -> peak "
                  f"{result['peak_tree_mb']:.0f} MB all processes, {result['peak_parent_mb']:.0f} MB parent "
                  f"(vs {best[args.workers[-1]]['peak_tree_mb']:.0f} / {best[args.workers[-1]]['peak_parent_mb']:.0f} "
                  f"MB for {args.records:,})")


if __name__ == "__main__":
    main()
