"""Speed and memory: per-document time against its floor, growth with size, throughput
and peak memory over many files, import time; CPU time beside wall time throughout, so that a
shared machine's load does not read as slowness.

    .venv/bin/python bench/speed.py                 # everything (needs ../shared)
    .venv/bin/python bench/speed.py --quick         # fewer repeats, 100 files at most
    .venv/bin/python bench/speed.py --pool 1000     # also the first 1,000 files of corpus-pool

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
    return timed(fn, repeat)[0]


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of warm calls (CPU: this process's, time.process_time)."""
    fn()   # warm
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def child_run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds (user + system, the child and its workers) of one command, and its
    peak resident memory over the tree (sampled every 20 ms)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def floor(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    for _ in _FLOOR_PATTERN.finditer(text):
        pass


def per_document(paths: list[Path], repeat: int) -> list[tuple[str, int, float, float, float]]:
    import plancheck
    from plancheck.engine import load_rules
    from plancheck.runner import tune_gc

    tune_gc()   # as the command line does (the library leaves the caller's collector alone)

    rules = load_rules()
    rows = []
    for kb in SIZES_KB:
        path = nearest(paths, kb)
        took, cpu = timed(lambda: plancheck.check(path, rules=rules), repeat)
        bottom = timed(lambda: floor(path), repeat * 3)[1]   # the floor in CPU time, in this process
        rows.append((path.name, path.stat().st_size, took, cpu, bottom))
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


def run_folder(folder: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak tree memory of one CLI run over a folder."""
    cmd = [sys.executable, "-m", "plancheck", "check", "--format", "json", "--jobs", str(jobs), str(folder)]
    wall, _, peak = child_run(cmd)
    return wall, peak


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
                seconds, peak = run_folder(folder, jobs)
                rows.append((n, jobs, size / 1e6 / seconds, seconds, peak))
    return rows


def import_ms() -> float:
    py = sys.executable
    bare = median_ms(lambda: subprocess.run([py, "-c", "pass"], env=ENV, check=False), 7)
    full = median_ms(lambda: subprocess.run([py, "-c", "import plancheck"], env=ENV, check=False), 7)
    return full - bare


def cli_ms(path: Path) -> tuple[float, float]:
    """Median wall and CPU milliseconds of a whole one-file CLI run."""
    cmd = [sys.executable, "-m", "plancheck", "check", "--format", "json", str(path)]
    child_run(cmd)   # warm the bytecode cache, as a user's second run is
    runs = [child_run(cmd) for _ in range(7)]
    return statistics.median(w for w, _, _ in runs) * 1000, statistics.median(c for _, c, _ in runs) * 1000


def pool(n: int) -> list[tuple[int, float, float, float, int]]:
    """The first n files of ../shared/corpus-pool (sorted by name), with --jobs 1 and 2: MB per
    CPU-second, wall seconds, and peak memory."""
    files = sorted((SHARED / "corpus-pool").iterdir())[:n]
    size = sum(p.stat().st_size for p in files)
    rows = []
    with tempfile.TemporaryDirectory() as root:
        for p in files:
            os.link(p, Path(root) / p.name) if _same_device(p, root) else shutil.copyfile(p, Path(root) / p.name)
        for jobs in (1, 2):
            cmd = [sys.executable, "-m", "plancheck", "check", "--no-config", "--format", "json",
                   "--jobs", str(jobs), root]
            wall, cpu, peak = child_run(cmd)
            rows.append((jobs, size / 1e6, size / 1e6 / cpu, wall, peak))
    return rows


def _same_device(path: Path, folder: str) -> bool:
    return path.stat().st_dev == os.stat(folder).st_dev


PLAN_1KB = """format: plancheck/1
periods: {KH2026: {year: 2026, kind: plan}}
indicators:
  - name: Cơ cấu kinh tế
    unit: "%"
    components:
      - {name: Nông nghiệp, values: {KH2026: "20,5"}}
      - {name: Công nghiệp, values: {KH2026: "35,5"}}
      - {name: Dịch vụ, values: {KH2026: "44,0"}}
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; 100 files at most")
    parser.add_argument("--pool", type=int, default=0, metavar="N",
                        help="also the first N files of ../shared/corpus-pool (issue 24: 1000)")
    args = parser.parse_args(argv)
    paths = documents()
    if not paths:
        print(f"no documents under {SHARED}: speed needs the shared corpora", file=sys.stderr)
        return 2
    repeat = 3 if args.quick else 9
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"import plancheck: {import_ms():.0f} ms over bare Python")
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "ke-hoach.yaml"
        plan.write_text(PLAN_1KB, encoding="utf-8")
        wall, cpu = cli_ms(plan)
        print(f"CLI one-file run, a {plan.stat().st_size} B plan file: {wall:.0f} ms wall, {cpu:.0f} ms CPU")
    for kb in (13, 75):
        doc = nearest(paths, kb)
        wall, cpu = cli_ms(doc)
        print(f"CLI one-file run, a {doc.stat().st_size // 1024} KB document: {wall:.0f} ms wall, {cpu:.0f} ms CPU")
    print("\n| document | size | check (ms wall) | check (ms CPU) | floor (ms CPU) | CPU × floor |"
          "\n|---|---:|---:|---:|---:|---:|")
    for name, size, took, cpu, bottom in per_document(paths, repeat):
        print(f"| {name} | {size / 1024:.0f} KB | {took:.1f} | {cpu:.1f} | {bottom:.2f} | {cpu / bottom:.0f} |")
    points, slope = growth(nearest(paths, 75), repeat)
    print("\ngrowth: " + ", ".join(f"{s / 1024:.0f} KB {t:.0f} ms" for s, t in points)
          + f"; exponent {slope:.2f}")
    counts = (1, 100) if args.quick else (1, 100, 2000)
    print("\n| files | jobs | MB/s | seconds | peak memory (MB) |\n|---:|---:|---:|---:|---:|")
    for n, jobs, rate, seconds, peak in throughput(paths, counts):
        print(f"| {n} | {jobs} | {rate:.2f} | {seconds:.1f} | {peak / 1e6:.0f} |")
    if args.pool:
        rows = pool(args.pool)
        print(f"\ncorpus-pool, first {args.pool} files ({rows[0][1]:.1f} MB):"
              "\n| jobs | MB per CPU-second | wall (s) | peak memory (MB) |\n|---:|---:|---:|---:|")
        for jobs, _, rate, wall, peak in rows:
            print(f"| {jobs} | {rate:.2f} | {wall:.1f} | {peak / 1e6:.0f} |")
        print(f"--jobs 2 scales {rows[0][3] / rows[1][3]:.2f}× (wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
