"""examples/data-repo (issue 23, item 2): `cd examples/data-repo && pytest` shows one failing
plan with its findings, the rest passing, and prints what its README shows."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent / "examples" / "data-repo"
# lines that name this machine's platform, folders and plugins: not in the README
_MACHINE = re.compile(r"^(platform|rootdir|configfile|testpaths|plugins|cachedir)\b")


def _run(folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    env.pop("PYTEST_XDIST_WORKER", None)
    # pytest prints the short summary in full on CI (CI or BUILD_NUMBER set) and cut to the
    # terminal's width elsewhere; the README shows a terminal's output
    env.pop("CI", None)
    env.pop("BUILD_NUMBER", None)
    return subprocess.run([sys.executable, "-m", "pytest"], cwd=folder, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _shown(out: str) -> str:
    lines = [ln for ln in out.splitlines() if not _MACHINE.match(ln)]
    return re.sub(r" in [0-9.]+s ", " in 0.50s ", "\n".join(lines)).strip()


def test_pytest_in_the_data_repository_is_what_its_readme_shows(tmp_path):
    folder = tmp_path / "data-repo"
    shutil.copytree(REPO, folder, ignore=shutil.ignore_patterns(".pytest_cache", "__pycache__"))
    done = _run(folder)
    assert done.returncode == 1, done.stdout + done.stderr
    out = _shown(done.stdout)
    assert out.splitlines()[-1].startswith("=") and "1 failed, 4 passed" in out.splitlines()[-1]
    assert "plans/thai-nguyen/ke-hoach-2024.yaml:18:58: PC101 [lỗi]" in out
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```\n(=+ test session starts =+\n.*?)```", readme, re.S).group(1)
    assert out == shown.strip()
    # the next run keeps the one file without findings from the cache and says so; the others
    # (a slip, a warning, a note) are checked again
    again = _shown(_run(folder).stdout)
    assert "1 tệp không đổi và không có phát hiện nên không kiểm tra lại" in again
    assert "1 failed, 4 passed" in again
