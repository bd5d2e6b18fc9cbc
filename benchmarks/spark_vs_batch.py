"""``newsmeta spark`` on ``local[2]`` against ``newsmeta batch --workers 2``, on the same WARC archive.

Generates a gzip WARC of synthetic news pages (10,000 by default; the pages of ``batch_throughput.py``),
then times, as separate processes writing Parquet:

    python -m newsmeta.batch ARCHIVE -o batch.parquet --workers 2
    python -m newsmeta.spark ARCHIVE -o spark.parquet --master local[2]

on the big archive and on a tiny one (``--tiny``, 20 records by default). The tiny run is nearly all fixed
cost (for Spark: starting the JVM and the session, the Python workers, planning the job, the summary
query), so ``fixed overhead`` = Spark's time on the tiny archive minus batch's, and the per-record rates are
given with and without it. Also checks that both wrote the same ids.

    .venv/bin/python benchmarks/spark_vs_batch.py [--records 10000] [--tiny 20]

Needs the spark extra (pyspark) and Java. Not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_throughput import make_archive  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    env.pop("CI", None)
    return env


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def run_both(archive: Path, tmp: Path, tag: str) -> dict[str, float]:
    batch_out, spark_out = tmp / f"batch-{tag}.parquet", tmp / f"spark-{tag}.parquet"
    batch = timed([sys.executable, "-m", "newsmeta.batch", str(archive), "-o", str(batch_out), "--workers", "2",
                   "-q", "--no-progress"])
    spark = timed([sys.executable, "-m", "newsmeta.spark", str(archive), "-o", str(spark_out), "--master",
                   "local[2]", "-q", "--summary-json", str(tmp / f"spark-{tag}.json")])
    _same_ids(batch_out, spark_out)
    records = json.loads((tmp / f"spark-{tag}.json").read_text())["records"]
    return {"records": records, "batch_s": batch, "spark_s": spark}


def _same_ids(batch_out: Path, spark_out: Path) -> None:
    import pyarrow.parquet as pq

    a = pq.read_table(batch_out, columns=["id"]).column("id").to_pylist()
    b = pq.read_table(spark_out, columns=["id"]).column("id").to_pylist()
    if sorted(a) != sorted(b):
        raise SystemExit(f"different records: batch {len(a)}, spark {len(b)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--tiny", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsmeta-spark-bench-") as name:
        tmp = Path(name)
        big, tiny = tmp / "big.warc.gz", tmp / "tiny.warc.gz"
        size = make_archive(big, args.records)
        make_archive(tiny, args.tiny)
        print(f"archive: {args.records:,} records, {size / 2**20:.1f} MiB gzip WARC; tiny: {args.tiny} records")
        small = run_both(tiny, tmp, "tiny")
        large = run_both(big, tmp, "big")
    fixed = small["spark_s"] - small["batch_s"]
    n = large["records"]
    print(f"tiny ({small['records']} records): batch {small['batch_s']:.1f} s, spark {small['spark_s']:.1f} s")
    print(f"big ({n:,} records): batch --workers 2 {large['batch_s']:.1f} s ({n / large['batch_s']:.1f}/s), "
          f"spark local[2] {large['spark_s']:.1f} s ({n / large['spark_s']:.1f}/s)")
    steady = large["spark_s"] - fixed
    print(f"spark fixed overhead (tiny spark - tiny batch): {fixed:.1f} s; spark without it: {steady:.1f} s "
          f"({n / steady:.1f}/s), ratio to batch {steady / large['batch_s']:.2f}x")


if __name__ == "__main__":
    main()
