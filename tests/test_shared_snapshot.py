"""Every finding on the real documents of ../shared (when it is there) against a snapshot,
so that a change meant to be only faster, or only cleaner, is seen to change nothing.

A change meant to change findings updates the snapshot on purpose, and the diff shows
what it changed:  PLANCHECK_UPDATE_SNAPSHOT=1 python -m pytest tests/test_shared_snapshot.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FOLDERS = ("corpus", "corpus-dev", "realdocs")
SNAPSHOT = Path(__file__).resolve().parent / "data" / "shared_findings.txt"
pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not beside this checkout")


def lines_of(report, folder: str) -> list[str]:
    out = []
    for f in report.findings:
        name = Path(f.location.path).name
        fix = f" = {f.suggestion}" if f.suggestion else ""
        out.append(f"{folder}/{name}:{f.location.line}:{f.location.column} {f.rule} {f.severity.value} "
                   f"{f.message}{fix}")
    return out


def current() -> list[str]:
    import plancheck

    rules = plancheck.load_rules()
    out: list[str] = []
    for folder in FOLDERS:
        report = plancheck.check(SHARED / folder, rules=rules)
        assert report.errors == [], report.errors
        out += lines_of(report, folder)
    return out


def test_findings_on_the_shared_documents_are_those_of_the_snapshot():
    found = current()
    if os.environ.get("PLANCHECK_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text("\n".join(found) + "\n", encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    assert found == expected


def test_two_worker_processes_give_the_same_findings():
    import plancheck

    report = plancheck.check(SHARED / "realdocs", jobs=2)
    expected = [line for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.startswith("realdocs/")]
    assert lines_of(report, "realdocs") == expected
