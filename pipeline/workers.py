"""The worker processes of a run with `--workers N`, and how they stop.

Ctrl-C sends SIGINT to every process of the terminal's group: workers
ignore it and leave the stopping to the parent, so an interrupted run prints
one line, not a traceback per worker. When the parent stops early for any
reason it terminates the workers instead of waiting for their batches.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import signal
from collections.abc import Iterator


def _worker_setup() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[concurrent.futures.ProcessPoolExecutor | None]:
    """A pool of `workers` processes, or None for one process (work stays in this one)."""
    if workers <= 1:
        yield None
        return
    pool = concurrent.futures.ProcessPoolExecutor(workers, initializer=_worker_setup)
    try:
        yield pool
    except BaseException:
        # The executor has no public way to stop busy workers before Python 3.14.
        for process in list((pool._processes or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)  # quick: the workers are gone
        raise
    pool.shutdown()
