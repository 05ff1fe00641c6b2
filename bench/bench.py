"""Benchmarks: import time of plancheck, start-up of a run, per-file check time.

    .venv/bin/python bench/bench.py            # the bundled examples
    .venv/bin/python bench/bench.py FILE...    # your own files

Targets (a linter starts often): `import plancheck` under 50 ms over bare
Python; a one-file run of the CLI under 0.5 s; a plan file checked in under
20 ms once warm. Figures vary ±30% run to run; compare on one machine.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# As on a user's machine: bytecode cached after the first run. (Some CI and sandbox
# environments set PYTHONDONTWRITEBYTECODE, which makes every start compile all sources.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], repeat: int = 7) -> float:
    """Median wall time of a command, in ms (after one run that warms the bytecode cache)."""
    subprocess.run(cmd, capture_output=True, check=False, env=ENV)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, env=ENV)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())
    py = sys.executable
    bare = wall([py, "-c", "pass"])
    imp = wall([py, "-c", "import plancheck"])
    print(f"python start-up            {bare:8.1f} ms")
    print(f"import plancheck           {imp - bare:8.1f} ms over bare python")
    cli = wall([py, "-m", "plancheck", "check", "--format", "json", str(files[0])])
    print(f"CLI one-file run           {cli:8.1f} ms  ({files[0].name}, whole process)")

    import plancheck
    from plancheck.engine import load_rules

    start = time.perf_counter()
    rules = load_rules()
    print(f"load default rules         {(time.perf_counter() - start) * 1000:8.1f} ms (first call)")
    plancheck.check(files[0], rules=rules)  # warm: babel, pint, pydantic
    for f in files:
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            report = plancheck.check(f, rules=rules)
            runs.append((time.perf_counter() - start) * 1000)
        print(f"check {f.name:<22} {statistics.median(runs):8.2f} ms  ({len(report.findings)} findings, warm median of 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
