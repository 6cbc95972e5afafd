"""Data derived from files, kept between processes, so that a fresh process loads in less time.

Counting the name characters of jieba's dictionary, collecting its place names
and building posseg's model as arrays cost every fresh process (a run, a worker
without a fork server, a test session) about half a second, for results that
change only when their sources or the code change.  :func:`derived` keeps such
a result pickled in the user's cache folder, keyed by the sha256 of its source
files, of the package's code and data, and of the Python version.  A missing,
stale or unreadable entry is derived again and written atomically (a temporary
file renamed), so the cache never decides a result: a test compares every cached
value with a fresh derivation.  Where the folder cannot be written the value is
simply derived each time.

The folder is ``$PIPELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/pipeline``, else
``~/.cache/pipeline``; ``PIPELINE_CACHE_DIR=off`` turns the cache off.  Loading a
pickle runs code, so the folder must be one only its user can write (entries are
created readable by their owner alone).

Limits: only values that pickle, and worth it only where loading the pickle is
faster than deriving (jieba's dictionary table: two thirds of the time of
parsing its text file, as measured when it was added).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "PIPELINE_CACHE_DIR"
OFF = "off"
#: entries of one name kept side by side (several checkouts of the package sharing one cache folder)
KEEP = 4
#: bumped when the way entries are keyed or stored changes
FORMAT = 1


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where entries are kept, or None when the cache is turned off.

    >>> cache_folder({"PIPELINE_CACHE_DIR": "/tmp/derived"}), cache_folder({"XDG_CACHE_HOME": "/var/cache"})
    (PosixPath('/tmp/derived'), PosixPath('/var/cache/pipeline'))
    >>> cache_folder({"PIPELINE_CACHE_DIR": "off", "XDG_CACHE_HOME": "/var/cache"}) is None
    True
    """
    chosen = environ.get(CACHE_ENV)
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pipeline"


def derived(name: str, derive: Callable[[], T], sources: Iterable[Path]) -> T:
    """``derive()``, from the cache when an entry for these sources and this code exists, else derived and stored."""
    folder = cache_folder()
    if folder is None:
        return derive()
    path = folder / f"{name}-{entry_key(name, sources)[:24]}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001, S110 - none yet, damaged, or written by other library versions: derive again
        pass
    value = derive()
    _store(folder, path, value)
    return value


def entry_key(name: str, sources: Iterable[Path]) -> str:
    """sha256 over the entry's name, its source files, the package's code and data, and the Python version."""
    from pipeline.run.settings import code_hash

    digest = hashlib.sha256(f"{FORMAT}\0{name}\0{platform.python_implementation()}\0{platform.python_version()}".encode())
    digest.update(code_hash().encode())
    for source in sources:
        digest.update(str(source).encode() + b"\0" + file_hash(source).encode())
    return digest.hexdigest()


@cache
def file_hash(path: Path) -> str:
    """sha256 of a source file, once per process ("missing" for none)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _store(folder: Path, path: Path, value: object) -> None:
    """Write the entry atomically, keeping the :data:`KEEP` newest of its name; a folder that cannot be
    written leaves the value underived next time, never an error."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    name = path.name.rsplit("-", 1)[0]
    others = sorted((p for p in folder.glob(f"{name}-*.pickle") if p != path), key=_mtime, reverse=True)
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
