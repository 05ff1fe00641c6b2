"""The real documents of ../shared (when it is there): scored against the hand-checked gold."""
import subprocess
import sys
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


def test_document_rules_find_every_must_and_hit_no_trap():
    summary = score("date,numbering,reference,placeholder,consistency")
    assert "false-alarms 0" in summary and "must-recall 1.00" in summary


def test_doubted_figures_find_every_must_and_should_and_hit_no_trap():
    summary = score("number-format,outlier,consistency")
    assert "false-alarms 0" in summary and "must-recall 1.00" in summary
    found, total = summary.split("should ")[1].split()[0].split("/")
    assert found == total, summary


def test_every_real_document_is_read_without_internal_errors():
    # How long they take is bench/bench.py's business, not a test's.
    files = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "realdocs").glob("*.md"))
    import plancheck

    rules = plancheck.load_rules()
    for f in files:
        report = plancheck.check(f, rules=rules)
        assert report.errors == [], report.errors


def test_a_clean_resolution_raises_no_doubt():
    import plancheck

    report = plancheck.check(SHARED / "corpus" / "thai-nguyen_nq-ktxh_2024.txt",
                             select=["number-format", "outlier", "consistency"])
    counts = report.count_by_severity()
    assert counts["error"] == 0 and counts["warning"] <= 2, report.findings
