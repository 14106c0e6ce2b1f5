"""How a run that cannot finish ends: one line and an exit status, never a traceback.

Runtime failures only (usage errors are the CLI's): another run holds the
output folder, the disk is full or the folder is read-only, the run was
interrupted (SIGINT, SIGTERM, SIGHUP), a worker process died. In each case
the writer has already removed its staging folder and released the lock,
and the previous tables are as they were.
"""

from __future__ import annotations

import contextlib
import errno
import signal
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Iterator
from pathlib import Path

from pipeline.output_lock import OutputLocked

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


def _stop(signum, frame) -> None:
    _requested.append(signum)
    raise_if_stop_requested()


def raise_if_stop_requested() -> None:
    if _requested:
        raise KeyboardInterrupt if _requested[0] == signal.SIGINT else Terminated(_requested[0])


@contextlib.contextmanager
def stopping_cleanly_on_termination() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP unwind the run, so it cleans up after itself."""
    _requested.clear()
    previous = {signum: signal.signal(signum, _stop) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _requested.clear()


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
