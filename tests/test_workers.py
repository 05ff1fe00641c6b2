"""Worker processes (issue 25, item 7): a worker that dies without a word (killed, out of
memory) loses no other file and hangs nothing; the file it died on is reported not checked;
SIGTERM to the run ends its workers and says nothing."""
import os
import signal
import subprocess
import sys
import time

import pytest

from plancheck.runner import WorkerLost, map_in_order

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


def _shout_or_die(path, shared):
    if path.startswith("die"):
        os.kill(os.getpid(), signal.SIGKILL)   # as the kernel's out-of-memory killer would
    return path.upper() + shared


def test_a_path_that_kills_its_worker_is_lost_alone_and_the_others_come_in_order():
    paths = [f"f{i}" for i in range(30)]
    paths[7] = "die-7"
    start = time.monotonic()
    got = list(map_in_order(_shout_or_die, paths, "!", jobs=2, lost=lambda p: f"lost {p}"))
    assert got == [f"lost {p}" if p.startswith("die") else p.upper() + "!" for p in paths]
    assert time.monotonic() - start < 30


def test_without_a_way_to_say_it_a_lost_path_is_an_error_not_a_hang():
    with pytest.raises(WorkerLost):
        list(map_in_order(_shout_or_die, ["a", "die", "b", "c"], "", jobs=2))


def test_sigterm_ends_the_run_and_its_workers_quietly(tmp_path):
    text = ("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 35%. " * 40 + "\n") * 60
    folder = tmp_path / f"run-{os.getpid()}"
    folder.mkdir()
    for i in range(80):
        (folder / f"du-thao-{i}.md").write_text(text, encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "plancheck", "check", "--no-config", "-j", "2", str(folder)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 143 and "Traceback" not in err, err
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", str(folder)], capture_output=True, text=True).stdout.split()
    assert left == []   # no worker outlives the run
