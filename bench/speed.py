"""Speed and memory: per-document time against its floor, growth with size, throughput
and peak memory over many files, import time.

    .venv/bin/python bench/speed.py                 # everything (needs ../shared)
    .venv/bin/python bench/speed.py --quick         # fewer repeats, 100 files at most

The floor of a document is what any linter must spend on it in the same process: read
the file, decode it, one regular-expression pass over its text. Per-document times are
medians of warm repeats. Throughput runs the CLI on a folder of N files (the shared
documents repeated under distinct names) with --jobs 1 and --jobs 2; peak memory is
the largest sum of the resident memory of the CLI and its workers, sampled every 20 ms.
Growth: one document repeated 1, 2, 4, 8 and 16 times; the exponent is the slope of
log(time) on log(size) (1 is linear). Targets are in issue 10 and docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = ("corpus-dev", "realdocs")
SIZES_KB = (10, 75, 300, 1000)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_FLOOR_PATTERN = re.compile(r"\d+(?:[.,]\d+)*")


def documents() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (SHARED / folder).glob("*.md"))


def nearest(paths: list[Path], kb: int) -> Path:
    return min(paths, key=lambda p: abs(math.log(p.stat().st_size / (kb * 1024))))


def median_ms(fn, repeat: int) -> float:
    fn()   # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def floor(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    for _ in _FLOOR_PATTERN.finditer(text):
        pass


def per_document(paths: list[Path], repeat: int) -> list[tuple[str, int, float, float]]:
    import plancheck
    from plancheck.engine import load_rules
    from plancheck.runner import tune_gc

    tune_gc()   # as the command line does (the library leaves the caller's collector alone)

    rules = load_rules()
    rows = []
    for kb in SIZES_KB:
        path = nearest(paths, kb)
        took = median_ms(lambda: plancheck.check(path, rules=rules), repeat)
        bottom = median_ms(lambda: floor(path), repeat * 3)
        rows.append((path.name, path.stat().st_size, took, bottom))
    return rows


def growth(path: Path, repeat: int) -> tuple[list[tuple[int, float]], float]:
    import plancheck
    from plancheck.engine import load_rules

    rules = load_rules()
    text = path.read_text(encoding="utf-8")
    points = []
    with tempfile.TemporaryDirectory() as folder:
        for k in (1, 2, 4, 8, 16):
            grown = Path(folder) / f"x{k}.md"
            grown.write_text("\n\n".join([text] * k), encoding="utf-8")
            points.append((grown.stat().st_size, median_ms(lambda: plancheck.check(grown, rules=rules),
                                                           max(1, repeat // k))))
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return points, slope


def tree_rss(pid: int) -> int:
    """The resident memory of a process and its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/task/{p}/children") as f:
                stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_folder(folder: Path, jobs: int) -> tuple[float, int, int]:
    """Wall seconds, peak tree memory and exit code of one CLI run over a folder."""
    cmd = [sys.executable, "-m", "plancheck", "check", "--format", "json", "--jobs", str(jobs), str(folder)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.02)
    return time.perf_counter() - start, peak, proc.returncode


def throughput(paths: list[Path], counts: tuple[int, ...]) -> list[tuple[int, int, float, float, int]]:
    rows = []
    with tempfile.TemporaryDirectory() as root:
        for n in counts:
            folder = Path(root) / f"n{n}"
            folder.mkdir()
            size = 0
            for i in range(n):
                source = paths[i % len(paths)]
                shutil.copyfile(source, folder / f"{i:05d}-{source.name}")
                size += source.stat().st_size
            for jobs in (1, 2):
                seconds, peak, _ = run_folder(folder, jobs)
                rows.append((n, jobs, size / 1e6 / seconds, seconds, peak))
    return rows


def import_ms() -> float:
    py = sys.executable
    bare = median_ms(lambda: subprocess.run([py, "-c", "pass"], env=ENV, check=False), 7)
    full = median_ms(lambda: subprocess.run([py, "-c", "import plancheck"], env=ENV, check=False), 7)
    return full - bare


def cli_ms(path: Path) -> float:
    cmd = [sys.executable, "-m", "plancheck", "check", "--format", "json", str(path)]
    return median_ms(lambda: subprocess.run(cmd, capture_output=True, env=ENV, check=False), 7)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; 100 files at most")
    args = parser.parse_args(argv)
    paths = documents()
    if not paths:
        print(f"no documents under {SHARED}: speed needs the shared corpora", file=sys.stderr)
        return 2
    repeat = 3 if args.quick else 9
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"import plancheck: {import_ms():.0f} ms over bare Python")
    small = nearest(paths, 13)
    print(f"CLI one-file run: {cli_ms(small):.0f} ms ({small.stat().st_size // 1024} KB, whole process)")
    print("\n| document | size | check (ms) | floor (ms) | × floor |\n|---|---:|---:|---:|---:|")
    for name, size, took, bottom in per_document(paths, repeat):
        print(f"| {name} | {size / 1024:.0f} KB | {took:.1f} | {bottom:.2f} | {took / bottom:.0f} |")
    points, slope = growth(nearest(paths, 75), repeat)
    print("\ngrowth: " + ", ".join(f"{s / 1024:.0f} KB {t:.0f} ms" for s, t in points)
          + f"; exponent {slope:.2f}")
    counts = (1, 100) if args.quick else (1, 100, 2000)
    print("\n| files | jobs | MB/s | seconds | peak memory (MB) |\n|---:|---:|---:|---:|---:|")
    for n, jobs, rate, seconds, peak in throughput(paths, counts):
        print(f"| {n} | {jobs} | {rate:.2f} | {seconds:.1f} | {peak / 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
