"""A stop signal at any moment of a run's start ends in one line (issue 13).

Each case sends the signal from a fixed point inside the program, not after
a delay, so the test sees the same moment however loaded the machine is:
while the command line's libraries are imported, while a lookup that
swallows every exception runs, and from a worker's start-up. Every case
ends with one line, status 128 + the signal, no traceback, no staging
folder and no tables.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.output_lock import LOCK_NAME
from pipeline.writing import STAGING_PREFIX

from conftest import GOOD_TEXT, REPO

# Runs `python -m pipeline ARGS...` in this interpreter after SETUP (Python code) has run.
LAUNCH = """
import os, runpy, signal, sys
{setup}
sys.argv = ["pipeline", *sys.argv[1:]]
runpy.run_module("pipeline", run_name="__main__", alter_sys=True)
"""

# SIGINT to this process when the command line first imports its terminal library.
DURING_IMPORTS = """
class InterruptOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == "rich.console":
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, InterruptOnImport())
"""

# SIGINT while the options are checked, inside the first model lookup, which swallows
# every exception (as spaCy's `is_package` does): the signal must not be lost.
DURING_SWALLOWING_LOOKUP = """
import time
import spacy.util
looked_up, calls = spacy.util.is_package, []
def is_package(name):
    calls.append(name)
    try:
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.5)
    except BaseException:
        pass
    return looked_up(name)
spacy.util.is_package = is_package
"""

# Each worker's start-up sends SIGINT to the whole process group, as Ctrl-C does.
FROM_A_WORKER = """
import functools
import pipeline.workers
pipeline.workers._worker_setup = functools.partial(os.killpg, 0, signal.SIGINT)
"""


# SIGINT's handler runs in the run's main thread just after a worker process was started and
# before it was sent its start-up data, as it does when the system hands the signal to another
# thread (the progress display's) while the main one blocks it.
BETWEEN_WORKER_START_AND_ITS_DATA = """
import multiprocessing.util
spawned = multiprocessing.util.spawnv_passfds
def spawnv_passfds(path, args, passfds):
    pid = spawned(path, args, passfds)
    if any(b"spawn_main" in os.fsencode(arg) for arg in args):   # a worker, not the resource tracker
        signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
    return pid
multiprocessing.util.spawnv_passfds = spawnv_passfds
"""


def interrupted_run(tmp_path: Path, setup: str, *options: str) -> tuple[subprocess.CompletedProcess, Path]:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"doc{i}.txt").write_text(GOOD_TEXT)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH.format(setup=setup), "run", str(corpus), "--out", str(out), *options],
        env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=180,
        start_new_session=True,   # its own process group: the signal to the group reaches the run alone
    )
    return result, out


def assert_one_line_and_nothing_left(result: subprocess.CompletedProcess, out: Path) -> None:
    assert result.returncode == 128 + signal.SIGINT, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Interrupted (SIGINT)"), result.stderr
    assert not list(out.glob(f"{STAGING_PREFIX}*")) and not list(out.glob("*.parquet"))
    assert not (out / LOCK_NAME).exists() or (out / LOCK_NAME).read_text() == ""


def test_ctrl_c_while_the_libraries_are_imported(tmp_path):
    result, out = interrupted_run(tmp_path, DURING_IMPORTS)
    assert_one_line_and_nothing_left(result, out)
    assert result.stderr.strip() == "Interrupted (SIGINT) while starting: no table was written"


def test_ctrl_c_inside_a_lookup_that_swallows_it_still_stops_the_run(tmp_path):
    result, out = interrupted_run(tmp_path, DURING_SWALLOWING_LOOKUP, "--workers", "2")
    assert_one_line_and_nothing_left(result, out)


@pytest.mark.parametrize("setup", [FROM_A_WORKER, BETWEEN_WORKER_START_AND_ITS_DATA], ids=["from a worker", "between start and data"])
def test_ctrl_c_while_workers_start(tmp_path, setup):
    result, out = interrupted_run(tmp_path, setup, "--workers", "2")
    assert_one_line_and_nothing_left(result, out)
