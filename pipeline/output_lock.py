"""One run at a time per output folder.

A run holds an exclusive `flock` on `<out>/.lock` from before it reads the
previous tables until it has published or given up, and writes its pid
there so that a second run can say who is writing. The kernel drops the
lock when its process dies, however it dies, so a lock file left by a dead
run is simply taken over.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = ".lock"


class OutputLocked(RuntimeError):
    """Another live run is writing into the same output folder."""

    def __init__(self, out_dir: Path, pid: str):
        super().__init__(f"another run (pid {pid or 'unknown'}) is writing to {out_dir}: wait for it to finish, or use another --out")
        self.pid = pid


class OutputLock:
    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / LOCK_NAME
        self.fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip()
            os.close(fd)
            raise OutputLocked(self.path.parent, holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            # Emptied, not removed: removing would let a third run lock a new file while a second holds the old one.
            os.ftruncate(self.fd, 0)
            os.close(self.fd)
            self.fd = None
