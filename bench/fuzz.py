"""The long fuzz run (issue 11): the properties of tests/test_fuzz.py round after round, each
round with a fresh seed, until the time is spent or one fails.

    .venv/bin/python bench/fuzz.py --minutes 30 [--examples 500] [--jobs 2]

A property holds when plancheck checks what it is given or says why it cannot (a
PlancheckError); any other exception is a bug, printed with the example that raised it
(hypothesis shrinks it first), and the run stops with exit 1. The suite runs the same
properties with a few dozen examples each.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--examples", type=int, default=500, help="examples per property and round")
    parser.add_argument("--jobs", type=int, default=2, help="pytest-xdist workers (0: none)")
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    env = {**os.environ, "PLANCHECK_FUZZ_EXAMPLES": str(args.examples)}
    rounds = examples = 0
    while time.monotonic() < deadline:
        seed = random.randrange(2**32)
        command = [sys.executable, "-m", "pytest", "-q", "-x", "tests/test_fuzz.py", f"--hypothesis-seed={seed}",
                   "-p", "no:cacheprovider"]
        if args.jobs and _has_xdist():
            command += ["-n", str(args.jobs)]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        rounds += 1
        if done.returncode != 0:
            print(done.stdout[-20_000:] + done.stderr[-5_000:])
            print(f"fuzz: a property failed in round {rounds} (seed {seed}); rerun with "
                  f"PLANCHECK_FUZZ_EXAMPLES={args.examples} pytest tests/test_fuzz.py --hypothesis-seed={seed}")
            return 1
        examples += args.examples * _properties()
        left = max(0.0, deadline - time.monotonic())
        print(f"round {rounds} (seed {seed}) passed; about {examples:,} examples so far, {left / 60:.1f} min left",
              flush=True)
    print(f"fuzz: {rounds} rounds, about {examples:,} examples, no undocumented exception")
    return 0


def _properties() -> int:
    text = (ROOT / "tests" / "test_fuzz.py").read_text(encoding="utf-8")
    return text.count("\n@given(")


def _has_xdist() -> bool:
    try:
        import xdist  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
