"""How a run that cannot finish ends: one line and an exit status, never a traceback.

Runtime failures only (usage errors are the CLI's): another run holds the
output folder, the disk is full or the folder is read-only, the run was
interrupted (SIGINT, SIGTERM, SIGHUP), a worker process died. In each case
the writer has already removed its staging folder and released the lock,
and the previous tables are as they were.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import signal
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Iterator
from pathlib import Path

from pipeline.output_lock import OutputLocked
from pipeline.startup_signals import after_startup

UNCHANGED = "the tables in {out} are those of the last complete run"
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


class Terminated(BaseException):
    """The run received a termination signal (a BaseException: no `except Exception` swallows it)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# The stop signal received, kept: Python drops an exception raised while a
# finaliser runs ("Exception ignored in ..."), so the handler's own raise can
# be lost, and `raise_if_stop_requested` raises it again at the next batch.
_requested: list[int] = []
_deferring: list[bool] = []


def _stop(signum, frame) -> None:
    _requested.append(signum)
    # A second signal (Ctrl-C pressed again) must not cut the clean-up short.
    if len(_requested) == 1 and not _deferring:
        raise_if_stop_requested()


def raise_if_stop_requested() -> None:
    if _requested:
        raise KeyboardInterrupt if _requested[0] == signal.SIGINT else Terminated(_requested[0])


@contextlib.contextmanager
def stop_signals_deferred(act_after: bool = True) -> Iterator[None]:
    """Within: a stop signal is kept, not acted on, so that what the block does is done whole
    (a worker process started and sent its start-up data, every table renamed); after it, the
    signal is acted on (`act_after`) or left to the caller's next check.

    Blocking the signals for this thread is not enough on its own: the system then delivers
    them to another thread (the progress display's), and Python runs the handler in this
    thread all the same. So the handler is told to keep the signal too.
    """
    _deferring.append(True)
    try:
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    finally:
        _deferring.pop()
    if act_after:
        raise_if_stop_requested()


@contextlib.contextmanager
def stopping_cleanly_on_termination() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP unwind the run, so it cleans up after itself."""
    _requested.clear()
    previous = {signum: after_startup(signum, signal.signal(signum, _stop)) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _requested.clear()


def forget_handled_interrupt() -> None:
    """CPython 3.11 remembers a KeyboardInterrupt that went through code run from a string
    (`PyRun_String`, which compiled libraries call) even when it was caught later, and then
    ends `python -m ...` by killing itself with SIGINT: no exit status of ours, and no line
    after a clean stop. Called once the interrupt has been handled; nothing on other versions."""
    try:
        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0
    except (ValueError, AttributeError):
        pass


def explain(failure: BaseException, out: Path) -> tuple[str, int] | None:
    """(one line, exit status) for a runtime failure of a run into `out`; None for a bug."""
    unchanged = UNCHANGED.format(out=out)
    if isinstance(failure, OutputLocked):
        return str(failure), 2
    if isinstance(failure, KeyboardInterrupt):
        return f"Interrupted (SIGINT): {unchanged}", 128 + signal.SIGINT
    if isinstance(failure, Terminated):
        return f"Stopped by {failure}: {unchanged}", 128 + failure.signum
    if isinstance(failure, BrokenProcessPool):
        return f"A worker process died (out of memory?): {unchanged}; try fewer --workers", 1
    if isinstance(failure, OSError) and failure.errno in _NO_SPACE:
        return f"No space left to write the tables ({failure.strerror}): {unchanged}", 1
    if isinstance(failure, OSError) and failure.errno in _NOT_WRITABLE:
        where = failure.filename or out
        return f"Cannot write to {where} ({failure.strerror}): choose a writable --out", 2
    return None
