"""Helpers of the batch tests: a real `pipeline run` process, table bytes, a folder's state."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.run.fragments import Location, index


def table_bytes(out: Path) -> dict[str, bytes]:
    """Every table file of an output folder, and run.json."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".csv", ".parquet") or p.name == "run.json"}


def folder_state(out: Path) -> dict[str, tuple[int, int, int]]:
    """(size, mtime_ns, inode) of every file under ``out``, hidden ones included."""
    return {str(p.relative_to(out)): (p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*") if p.is_file()}


def stored(out: Path) -> dict[str, Location]:
    """The documents an output folder has stored (from its packs' headers), by key."""
    return index(out / ".cache" / "fragments").locations


def packs(out: Path) -> list[Path]:
    """The files the documents are stored in, a batch's each."""
    return sorted((out / ".cache" / "fragments").glob("*/*.frag"))


def start_run(corpus: Path, out: Path, *options: str, log: Path) -> subprocess.Popen:
    """`python -m pipeline run` as its own process group (the run and its workers)."""
    with log.open("ab") as f:
        return subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), *options],
            stdout=f, stderr=subprocess.STDOUT, start_new_session=True,
        )


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL to the run and every worker it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def wait_for(condition: Callable[[], bool], process: subprocess.Popen, timeout: float = 180, poll: float = 0.02) -> bool:
    """True once ``condition`` holds; False if the process ended first. Fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return condition()
        time.sleep(poll)
    kill_group(process)
    raise AssertionError(f"nothing happened in {timeout} s")
