"""The real documents of ../shared (when it is there): scored against the hand-checked gold."""
import subprocess
import sys
import time
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SCORER = SHARED / "tools" / "score_corpus.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside this checkout")

CMD = f"{sys.executable} -m plancheck check --format json"


def score(categories: str) -> str:
    proc = subprocess.run([sys.executable, str(SCORER), "--cmd", CMD, "--categories", categories,
                           "--min-must", "1", "--max-false", "0"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_numeric_rules_find_every_must_and_hit_no_trap():
    summary = score("shares,comparison,part-whole,count")
    assert "false-alarms 0" in summary and "must-recall 1.00" in summary


def test_every_real_document_is_read_quickly_and_without_internal_errors():
    files = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "realdocs").glob("*.md"))
    import plancheck

    rules = plancheck.load_rules()
    for f in files:
        start = time.perf_counter()
        report = plancheck.check(f, rules=rules)
        assert report.errors == [], report.errors
        assert time.perf_counter() - start < 5, f
