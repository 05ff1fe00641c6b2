"""The user guide (docs/guide.vi.md, docs/guide.en.md) runs as written (issue 23, item 6).

Each guide is read top to bottom in a fresh folder, as a reader would follow it:
- a block whose info string names a file (```yaml file=plans/ke-hoach-2026.yaml) is written there;
- in a ```sh block, each `$ plancheck …` line runs, and the lines after it up to the next `$`
  are what it prints, exactly;
- a ```python block runs (the blocks of a guide share their names, in order), and a ```output
  block right after it is what it prints;
- the set-up block is the README's Quick start, which CI runs on a clean clone.
"""
from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from plancheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ["guide.vi.md", "guide.en.md"]
BLOCK = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```[ \t]*$", re.S | re.M)


def _blocks(text: str) -> list[tuple[str, dict[str, str], str]]:
    return [(kind, dict(re.findall(r"(\w+)=(\S+)", info)), body) for kind, info, body in BLOCK.findall(text)]


def _run_command(line: str) -> str:
    argv = shlex.split(line)
    assert argv[0] == "plancheck", f"the guide runs plancheck only: {line}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main(argv[1:])
        except SystemExit:   # --help
            pass
    return out.getvalue()


@pytest.mark.parametrize("name", GUIDES)
def test_the_guide_runs_as_written(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    blocks = _blocks((ROOT / "docs" / name).read_text(encoding="utf-8"))
    namespace: dict = {}
    ran = 0
    for i, (kind, attrs, body) in enumerate(blocks):
        if "file" in attrs:
            target = tmp_path / attrs["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif kind == "sh" and body.startswith("$ "):
            for command in re.split(r"^\$ ", body, flags=re.M)[1:]:
                line, _, expected = command.partition("\n")
                assert _run_command(line) == expected, f"{name}: `{line}` prints otherwise"
                ran += 1
        elif kind == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(body, f"docs/{name}", "exec"), namespace)
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and following[0] == "output":
                assert out.getvalue() == following[2], f"{name}: a Python block prints otherwise"
            ran += 1
    assert ran >= 7, f"{name}: the guide's samples were not found"


def test_the_set_up_is_the_quick_start_that_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1).splitlines()[0]
    for name in GUIDES:
        assert quick in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_both_guides_run_the_same_samples():
    """The Vietnamese and English guides show the same files and the same commands."""
    def samples(name):
        blocks = _blocks((ROOT / "docs" / name).read_text(encoding="utf-8"))
        files = [(a["file"], body) for kind, a, body in blocks if "file" in a]
        commands = [ln.replace(" --lang en", "") for kind, a, body in blocks if kind == "sh"
                    for ln in body.splitlines() if ln.startswith("$ ")]
        return files, commands

    assert samples("guide.vi.md") == samples("guide.en.md")
