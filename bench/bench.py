"""Benchmarks: import time of plancheck, start-up of a run, per-file check time.

    .venv/bin/python bench/bench.py            # the bundled examples
    .venv/bin/python bench/bench.py FILE...    # your own files

Targets (a linter starts often): `import plancheck` under 50 ms over bare
Python; a one-file run of the CLI under 0.5 s; a plan file checked in under
20 ms once warm; each pathological input (40-100 KB of a repeated pattern that a
careless regular expression would backtrack on for minutes) in a few seconds. Figures vary ±30% run to run; compare on one machine.
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
    pathological(rules)
    return 0


# Inputs that make a careless pattern backtrack for minutes (the tests only check that
# they are handled): each should take a few seconds at most.
PATHOLOGICAL = {
    "spaces after Số:": "Số: " + " " * 20000,
    "repeated 'ngày tháng năm'": "ngày tháng năm " * 3000,
    "ellipses before a symbol": "…" * 20000 + "/QĐ-UBND",
    "repeated 'Điều 1,'": "Điều 1, " * 5000,
    "repeated blanks 'Số: /QĐ-UBND'": "Số: /QĐ-UBND\n" * 3000,
    "an open bracket of dots": "[" + "." * 50000,
    "3000 articles with quoted ones": "\n".join(f"Điều {i}. Xxx\n1. Yyy\na) Zzz\n“Điều 5. q”" for i in range(3000)),
}


def pathological(rules) -> None:
    """Each input read, understood and checked by every rule, as a .txt document."""
    import tempfile

    import plancheck

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        for name, text in PATHOLOGICAL.items():
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            plancheck.check(path, rules=rules)
            print(f"pathological: {name:<32} {(time.perf_counter() - start) * 1000:8.1f} ms")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
