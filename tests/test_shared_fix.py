"""--fix on a copy of every shared folder of real texts (issue 22, item 6): it changes only what
the certain fixes name, and a second run finds none of them. Skipped without ../shared."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import plancheck
from plancheck.cli import main
from plancheck.fix import EDITABLE, certain

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FOLDERS = ("corpus", "corpus-dev", "realdocs", "figures-dev")
pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not beside this checkout")


def _certain_fixes(folder: Path, rules) -> dict[tuple[str, int], list[tuple[int, str, str]]]:
    by_id = {r.id: r for r in rules}
    out: dict[tuple[str, int], list[tuple[int, str, str]]] = {}
    for f in plancheck.check(folder, rules=rules).findings:
        pair = certain(f, by_id)
        if pair is not None and f.location.path.lower().endswith(EDITABLE):
            out.setdefault((Path(f.location.path).name, f.location.line), []).append((f.location.column, *pair))
    return out


@pytest.mark.parametrize("name", FOLDERS)
def test_fix_changes_only_what_certain_fixes_name_and_leaves_none(name, tmp_path, capsys):
    rules = plancheck.load_rules()
    copy = tmp_path / name
    shutil.copytree(SHARED / name, copy, ignore=shutil.ignore_patterns("*.yaml", "*.yml"))
    before = {p.name: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    expected = _certain_fixes(copy, rules)
    main(["check", "--no-config", "--fix", "--no-source", str(copy)])
    capsys.readouterr()
    changed = 0
    for path in (p for p in copy.rglob("*") if p.is_file()):
        old, new = before[path.name], path.read_bytes()
        if old == new:
            continue
        old_lines = old.decode("utf-8").splitlines()
        new_lines = new.decode("utf-8").splitlines()
        assert len(old_lines) == len(new_lines), path.name   # a fix never adds or removes a line
        for n, (a, b) in enumerate(zip(old_lines, new_lines), 1):
            if a == b:
                continue
            fixes = expected.get((path.name, n))
            assert fixes, f"{path.name}:{n} changed without a certain fix: {a!r} → {b!r}"
            # the new line is the old one with (some of) its certain fixes made, right to left
            made = a
            for column, was, now in sorted(fixes, reverse=True):
                at = column - 1 if made[column - 1:column - 1 + len(was)] == was else made.find(was)
                if at >= 0:
                    made = made[:at] + now + made[at + len(was):]
            assert made == b, f"{path.name}:{n}: {a!r} → {b!r}, the certain fixes give {made!r}"
            changed += 1
    assert changed <= sum(map(len, expected.values()))
    assert _certain_fixes(copy, rules) == {}   # a second run finds none of them
