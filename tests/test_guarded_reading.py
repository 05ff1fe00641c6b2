"""PDFs are read in a child process bounded in memory (issue 25, item 6): where pdfium and
pdfminer read a damaged file differently, the census one of them made cannot bound the other;
the child that runs out of memory dies alone and its file is refused, the next file checked."""
import os
import re
import signal
import time

import pytest

from documents import GOOD
from pdfbytes import after_catalog, assemble, draw, one_page_objects, text_line
from plancheck.cli import main
from plancheck.errors import InputError
from plancheck.read import guarded
from plancheck.timelimit import FileTimeout, time_limit

pytestmark = [pytest.mark.usefixtures("english"),
              pytest.mark.skipif(not guarded._can_fork(), reason="the guard needs fork (POSIX)")]

def test_a_step_gives_its_result_and_its_own_errors_through_the_child():
    assert guarded.run_guarded(lambda a, b: {"sum": a + b, "pid": os.getpid()}, "x.pdf", 2, 3)["sum"] == 5
    assert guarded.run_guarded(lambda: os.getpid(), "x.pdf") != os.getpid()

    def refuse():
        raise InputError("refused: no", "x.pdf")

    with pytest.raises(InputError, match="refused: no"):
        guarded.run_guarded(refuse, "x.pdf")


def test_a_step_that_outgrows_its_memory_is_refused_and_the_process_goes_on(monkeypatch):
    monkeypatch.setattr(guarded, "MAX_READ_MEMORY", 64 * 2**20)
    with pytest.raises(InputError, match="needed more than 64 MB of memory"):
        guarded.run_guarded(lambda: bytearray(256 * 2**20), "big.pdf")
    assert guarded.run_guarded(lambda: len(bytearray(8 * 2**20)), "small.pdf") == 8 * 2**20


def test_a_reader_that_crashes_or_aborts_is_said_not_the_run():
    with pytest.raises(InputError, match=r"its reader stopped \(exit -11\)"):
        guarded.run_guarded(lambda: os.kill(os.getpid(), signal.SIGSEGV), "crash.pdf")
    with pytest.raises(InputError, match=r"its reader ran out of memory \(512 MB\) or failed"):
        guarded.run_guarded(os.abort, "abort.pdf")


def test_a_bug_of_the_step_comes_back_with_its_traceback():
    def broken():
        return {}["missing"]

    with pytest.raises(RuntimeError, match=r"(?s)Traceback.*in broken.*KeyError: 'missing'"):
        guarded.run_guarded(broken, "x.pdf")


def test_without_a_child_out_of_memory_is_still_a_refusal(monkeypatch):
    monkeypatch.setattr(guarded, "_can_fork", lambda: False)

    def too_big():
        raise MemoryError

    with pytest.raises(InputError, match="needed more than 512 MB of memory"):
        guarded.run_guarded(too_big, "x.pdf")


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="the parent-death signal is Linux's")
def test_the_child_dies_with_the_process_that_started_it(tmp_path):
    # a pool's worker ended (SIGTERM) while its child reads: the child must not read on, unbounded in time
    import subprocess
    import sys

    script = tmp_path / "orphan.py"
    script.write_text(
        "import os, sys, time\n"
        "from plancheck.read import guarded\n"
        "def step():\n"
        "    print(os.getpid(), flush=True)\n"
        "    time.sleep(60)\n"
        "guarded.run_guarded(step, 'slow.pdf')\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    for _ in range(50):
        try:
            with open(f"/proc/{child}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return   # dead, not yet reaped by whoever adopted it
        except FileNotFoundError:
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the reading child outlived its parent")


def test_the_files_time_limit_ends_the_child_too():
    started = time.monotonic()
    with pytest.raises(FileTimeout), time_limit(0.5):
        guarded.run_guarded(time.sleep, "slow.pdf", 30)
    assert time.monotonic() - started < 5
    assert not [p for p in __import__("multiprocessing").active_children()]


def test_time_granted_for_ocr_in_the_child_is_granted_to_the_parents_timer():
    from plancheck.timelimit import extend

    def slow_ocr():
        extend(2.0)   # as a scanned page read by OCR asks
        time.sleep(1.0)
        return "read"

    with time_limit(0.5):
        assert guarded.run_guarded(slow_ocr, "scan.pdf") == "read"


def test_a_damaged_object_stream_that_pdfminer_misreads_is_bounded_by_the_child(capsys, tmp_path, monkeypatch):
    # a byte between the catalog and the next object of a packed object stream: pdfminer reads the
    # objects one off (the annotation as a font, so its census sees none), pdfium by their offsets
    # (the annotation shows forms drawing forms ten times, six deep: 24 GB when the fuzzer found it)
    forms = [text_line("So 5")] + [draw(level - 1) * 10 for level in range(1, 7)]
    objects = one_page_objects(text_line("Quyet dinh"), forms, annotation_form=6)
    bad = tmp_path / "damaged.pdf"
    bad.write_bytes(assemble(objects, packed=True, damage=[(after_catalog(objects), ord("a"))]))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(guarded, "MAX_READ_MEMORY", 256 * 2**20)
    code = main(["check", "--no-config", "--lang", "en", "-j", "1", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 2
    # out of memory in Python's allocations, or in pdfium's (which aborts), whichever runs out first
    assert re.match(rf"{re.escape(str(bad))}: unreadable: (refused: reading it needed more than 256 MB of memory|"
                    r"not a readable PDF: its reader ran out of memory \(256 MB\) or failed); a damaged or hostile PDF\n",
                    out), out
    assert f"{good}:1:1: PC103 [warning]" in out and err == ""


def _pid_namespace_works() -> bool:
    import shutil
    import subprocess

    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(not _pid_namespace_works(), reason="needs unshare and the right to a new PID namespace")
def test_plancheck_running_as_pid_1_still_reads_in_a_child():
    # a container started with plancheck as its entry point: the living parent's pid is 1
    import subprocess
    import sys

    code = "from plancheck.read import guarded; print(guarded.run_guarded(lambda: 'read', 'x.pdf'))"
    done = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c", code],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "read", done.stdout + done.stderr
