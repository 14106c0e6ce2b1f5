"""Ctrl-C (or SIGTERM, SIGHUP) while the program is still starting ends in one line.

Importing the command line's libraries, reading the options and checking the
model take a second or more. A signal then would end in a traceback, or
silently with the command-line library's status 130, and a lookup that
swallows every exception (spaCy's `is_package`) can even lose it, so that the
run goes on. Until a command takes over these signals (a run does, see
pipeline.run_failures), the process ends at once with one line and status
128 + the signal: nothing has been written yet.
"""

from __future__ import annotations

import os
import signal

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _end_now(signum, frame) -> None:
    name = signal.Signals(signum).name
    told = f"Interrupted ({name})" if signum == signal.SIGINT else f"Stopped by {name}"
    try:
        # os.write, not sys.stderr: the signal may arrive while the stream is half-way through a write.
        os.write(2, f"{told} while starting: no table was written\n".encode())
    finally:
        os._exit(128 + signum)


def end_at_once_on_signals() -> None:
    """From now on, until a command installs its own handlers, a stop signal ends the process with one line."""
    for signum in _SIGNALS:
        signal.signal(signum, _end_now)


def restore_default_signals() -> None:
    """Undo `end_at_once_on_signals` (only where it is still in place)."""
    for signum in _SIGNALS:
        signal.signal(signum, after_startup(signum, signal.getsignal(signum)))


def after_startup(signum: int, handler):
    """`handler`, unless it is the start-up one: then Python's default for `signum`. What a command
    that took over the signals puts back when it is done (the program is no longer starting)."""
    if handler is not _end_now:
        return handler
    return signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
