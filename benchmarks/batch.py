"""Batch throughput and memory: `kamerstuk batch` over a tar.gz archive built from the real fixtures.

Reports documents/s at jobs=1 and jobs=2, and the parent process's peak RSS for 2,000 and 20,000
documents. Run by hand: `python benchmarks/batch.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: Runs `kamerstuk batch` in a fresh interpreter and prints its own peak RSS (workers are not counted).
RUNNER = """
import json, resource, sys, time
from kamerstuk.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "seconds": time.perf_counter() - start, "rss_mb": own.ru_maxrss / 1024,
                  "parent_cpu": own.ru_utime + own.ru_stime, "worker_cpu": workers.ru_utime + workers.ru_stime}))
"""


def build_archive(path: Path, count: int) -> Path:
    """A tar.gz of `count` documents: the real text fixtures over and over, under varied folder names."""
    texts = [p.read_bytes() for p in [FIXTURES / "kst-28676-467.txt", *sorted((FIXTURES / "pages").glob("*.txt"))]]
    names = [p.name for p in [FIXTURES / "kst-28676-467.txt", *sorted((FIXTURES / "pages").glob("*.txt"))]]
    with tarfile.open(path, "w:gz") as archive:
        for i in range(count):
            data = texts[i % len(texts)]
            info = tarfile.TarInfo(f"vergaderjaar-{2000 + i % 25}/batch {i // 500:03d}/{i:06d}-{names[i % len(names)]}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def run_batch(archive: Path, out: Path, jobs: int) -> dict[str, float]:
    """One `kamerstuk batch` run to JSONL; returns exit code, seconds and the parent's peak RSS in MB."""
    command = [sys.executable, "-c", RUNNER, "batch", str(archive), "-o", str(out), "--overwrite", "--quiet"]
    done = subprocess.run([*command, "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def report(count: int, jobs: int, run: dict[str, float]) -> None:
    """One line of figures: throughput, the parent's peak RSS, and CPU time per document in the
    parent (reading, writing) and in the workers (parsing), which a loaded machine does not change."""
    rate = count / run["seconds"]
    parent, workers = run["parent_cpu"] / count * 1e6, run["worker_cpu"] / count * 1e6
    print(
        f"{count:>6,} documents, jobs={jobs}: {rate:7,.0f} documents/s, parent peak RSS {run['rss_mb']:.0f} MB,"
        f" CPU per document: parent {parent:.0f} us, workers {workers:.0f} us"
    )


def cpu_bound(one: dict[str, float], two: dict[str, float]) -> float:
    """The speed-up two free cores would give: the one-job run's CPU time over half the two-job run's
    (parent and workers share the two cores), so a machine busy with other work does not hide it."""
    return (one["parent_cpu"] + one["worker_cpu"]) / ((two["parent_cpu"] + two["worker_cpu"]) / 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    sizes = (200, 400) if args.smoke else (2_000, 20_000)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        archives = {n: build_archive(work / f"{n}.tar.gz", n) for n in sizes}
        runs: dict[tuple[int, int], dict[str, float]] = {}
        for count in sizes:
            for jobs in (1, 2):
                runs[count, jobs] = run_batch(archives[count], work / "out.jsonl", jobs)
                report(count, jobs, runs[count, jobs])
        for count in sizes:
            one, two = runs[count, 1], runs[count, 2]
            print(
                f"speed-up jobs=2 / jobs=1 for {count:,} documents: {one['seconds'] / two['seconds']:.2f}"
                f" (by CPU time, on two free cores: {cpu_bound(one, two):.2f})"
            )
        # The parent's own cost per document, without its startup (imports, compiling the patterns:
        # about half a second of CPU, which would otherwise count as 250 us a document at 2,000).
        started = {jobs: run_batch(build_archive(work / "one.tar.gz", 1), work / "out.jsonl", jobs) for jobs in (1, 2)}
        for count in sizes:
            marginal = [
                (runs[count, jobs]["parent_cpu"] - started[jobs]["parent_cpu"]) / (count - 1) * 1e6 for jobs in (1, 2)
            ]
            print(
                f"parent CPU per document without startup, {count:,} documents:"
                f" jobs=1 {marginal[0]:.0f} us, jobs=2 {marginal[1]:.0f} us"
            )
        growth = runs[sizes[1], 2]["rss_mb"] - runs[sizes[0], 2]["rss_mb"]
        print(f"parent peak RSS from {sizes[0]:,} to {sizes[1]:,} documents (jobs=2): {growth:+.1f} MB")


if __name__ == "__main__":
    main()
