"""plancheck as a pre-commit hook (issue 22, item 5): .pre-commit-hooks.yaml tried on a
repository made for the test, failing on a slip and passing once it is mended."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed (pip install '.[test]')"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="plancheck's own git repository is needed"),
]


def test_the_hook_fails_on_a_slip_and_passes_once_it_is_mended(tmp_path):
    repo = tmp_path / "ke-hoach"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PLANCHECK_LANG": "en",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    draft = repo / "ke-hoach-2026.md"
    draft.write_text("Cơ cấu kinh tế năm 2026: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def hook():
        return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), "plancheck", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900)

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "ke-hoach-2026.md:1:1: PC101 [error]" in failed.stdout
    draft.write_text("Cơ cấu kinh tế năm 2026: nông nghiệp 20%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    passed = hook()
    assert passed.returncode == 0 and "Passed" in passed.stdout, passed.stdout + passed.stderr
