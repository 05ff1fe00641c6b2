"""A reading step run in a child process with a bounded address space (issue 25, item 6).

pdfium and pdfminer are parsers of hostile bytes. Their known bombs are refused before they
run (pdf_budget, pdf_census), but where the two read a damaged file differently, what one
parser's census saw is not what the other loads: the fuzzer found a damaged object stream
whose page pdfium expanded to 24 GB. So the step that runs them is run in a forked child
whose address space may grow by MAX_READ_MEMORY at most; a child that runs out dies alone,
and its file is refused with that reason, the run going on with the next file.

The bound holds on Linux; on macOS the child keeps a crash of a reader its own but is not
bounded in memory. Where no child can be had (no fork: Windows; threads running, which fork does
not copy; not the main thread; no process left), the step runs in the process itself, as before.
"""
from __future__ import annotations

import os
import threading
from typing import Any, Callable

from ..errors import InputError
from ..i18n import _, number
from ..timelimit import extend

# What a child may add to the address space it starts with. Measured on the real PDFs of
# files-dev: a 43-page text adds 22 MB, an A3 table of comments 42 MB, a scanned A4 page read by
# OCR about 110 MB; a page at the census's limits 200 MB; the largest page rendered for OCR (36
# million pixels, four bytes each) about 350 MB.
MAX_READ_MEMORY = 512 * 2**20


def run_guarded(step: Callable[..., Any], name: str, *args: Any) -> Any:
    """``step(*args)`` in a child process bounded in memory; its result, or its PlancheckError
    raised here; InputError when the child dies (out of memory, or crashed)."""
    if not _can_fork():
        return _in_process(step, name, args)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, step, args, os.getpid()), daemon=True)
    try:
        try:
            child.start()
        except OSError:   # no process to be had (out of memory, or of processes): read here
            return _in_process(step, name, args)
        sender.close()
        while True:
            try:
                kind, value = receiver.recv()
            except EOFError:   # the child died without a word
                child.join()
                raise _died(child.exitcode, name) from None
            if kind == "extend":   # the child reads a scan by OCR: the file's time limit grows here
                extend(value)
            elif kind == "error":
                raise value
            elif kind == "bug":
                raise RuntimeError(value)
            else:
                return value
    finally:
        sender.close()
        receiver.close()
        if child.pid is not None:
            if child.is_alive():   # the file's time limit ran out here, or Ctrl-C: the child goes too
                child.kill()
            child.join()


def _in_process(step: Callable[..., Any], name: str, args: tuple) -> Any:
    try:
        return step(*args)
    except MemoryError:
        raise _died(_OUT_OF_MEMORY, name) from None


_OUT_OF_MEMORY = 3   # the child's exit on a MemoryError


def _died(code: int | None, name: str) -> InputError:
    """What is said of a child that died: out of memory (a MemoryError), aborted (pdfium aborts
    when an allocation fails, and on a damaged heap), or stopped by a signal (a crash of a
    reader, or killed)."""
    import signal

    limit = number(MAX_READ_MEMORY // 2**20)
    if code == _OUT_OF_MEMORY:
        return InputError(_("refused: reading it needed more than {limit} MB of memory; a damaged or hostile PDF")
                          .format(limit=limit), name)
    if code == -signal.SIGABRT:
        return InputError(_("not a readable PDF: its reader ran out of memory ({limit} MB) or failed; a damaged "
                            "or hostile PDF").format(limit=limit), name)
    return InputError(_("not a readable PDF: its reader stopped (exit {code})").format(code=code), name)


def _child(sender: Any, step: Callable[..., Any], args: tuple, parent: int) -> None:
    import faulthandler
    import signal
    import traceback

    from .. import timelimit
    from ..errors import PlancheckError

    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle: it ends the child
    faulthandler.disable()   # a crash of a reader is said by the parent, in one line
    _bound_memory()
    timelimit.forward_extensions(lambda seconds: sender.send(("extend", seconds)))
    try:
        sender.send(("done", step(*args)))
    except PlancheckError as exc:
        sender.send(("error", exc))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)   # said by the parent
    except BaseException:  # noqa: BLE001 - a bug of the step: the parent says it as it says any bug
        sender.send(("bug", traceback.format_exc()))
    finally:
        sender.close()
    os._exit(0)   # no atexit handler of the parent's runs twice


def _die_with_parent(parent: int) -> None:
    """On Linux, the child is killed when the process that started it dies (a worker ended by
    the pool): it holds no time limit of its own and ignores Ctrl-C."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9)   # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return   # not Linux: the parent's finally ends the child on every way out but its own kill
    if os.getppid() != parent:   # the parent died before the call (adopted by init or a subreaper)
        os._exit(0)


def _bound_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm") as statm:
            start = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = start + MAX_READ_MEMORY
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        for given in (soft, hard):   # never above a limit the user set
            if given != resource.RLIM_INFINITY:
                limit = min(limit, given)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass   # no /proc (macOS, where RLIMIT_AS is not enforced either): a crash stays the child's


def _can_fork() -> bool:
    import multiprocessing

    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and threading.current_thread() is threading.main_thread()
            and not multiprocessing.current_process().daemon)
