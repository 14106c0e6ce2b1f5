"""The worker processes of a run with `--workers N`, and how they stop.

Ctrl-C sends SIGINT to every process of the terminal's group: workers
ignore it and leave the stopping to the parent, so an interrupted run prints
one line, not a traceback per worker. When the parent stops early for any
reason it terminates the workers instead of waiting for their batches.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
import signal
import threading
from collections.abc import Iterator

from pipeline.run_failures import stop_signals_deferred


def _worker_setup() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _QuietPool(concurrent.futures.ProcessPoolExecutor):
    def submit(self, *args, **kwargs):
        # Workers are started inside `submit`, and a stop signal waits until it is done.
        # The new worker inherits the blocked mask, so a Ctrl-C cannot kill it before its
        # setup ignores SIGINT (the signal stays pending there and is then dropped). And
        # the parent does not stop between starting a worker and sending it its start-up
        # data, which would leave the worker to die on an empty pipe with a traceback.
        with stop_signals_deferred():
            return super().submit(*args, **kwargs)


def _start_method() -> str:
    """Forked while this process runs no other Python thread, else spawned.

    A fork copies locks other threads hold (the progress display's, stderr's), and a
    worker forked at the wrong moment hangs for ever: with a second thread the workers
    are spawned, and each loads the model anew. Alone, this process's workers are forked
    (at the pool's first batch, before the pool starts its own thread), as bare
    `nlp.pipe(n_process=...)` forks its own, and share the model this process has
    already loaded instead of loading it again."""
    return "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[concurrent.futures.ProcessPoolExecutor | None]:
    """A pool of `workers` processes besides this one, or None for none."""
    if workers < 1:
        yield None
        return
    pool = _QuietPool(workers, mp_context=multiprocessing.get_context(_start_method()), initializer=_worker_setup)
    try:
        yield pool
    except BaseException:
        # The executor has no public way to stop busy workers before Python 3.14;
        # every child process of a run is one of its workers.
        for process in multiprocessing.active_children():
            process.kill()
        pool.shutdown(wait=True, cancel_futures=True)  # quick: the workers are gone
        raise
    pool.shutdown()
