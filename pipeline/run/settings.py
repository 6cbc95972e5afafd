"""What decides a document's rows besides its bytes: code, pinned dependencies, options.

The :func:`environment` is computed without importing jieba or spaCy (a rerun
that finds nothing to do must stay cheap), the same way in the run's own
process and in every worker, so a Dask worker with other code or other
versions is refused instead of mixing its rows into the tables.  What is
installed (versions, jieba's dictionary) is read once and recorded in the
manifest with an :func:`installed_stamp`; the next run reads it again only if
the stamp changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.output import TABLES

PACKAGE = Path(__file__).resolve().parents[1]
CODE_SUFFIXES = (".py", ".tsv", ".txt", ".csv")
#: parts of the package that no row depends on (the command line, the diff, the evaluation):
#: changing them keeps the stored results
NOT_IN_ROWS = ("cli.py", "__main__.py", "diff.py", "evaluate/")
_PINNED = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==")


class WorkerMismatch(Exception):
    """A worker whose code or dependencies differ from the run's: its rows would not be the run's rows."""


@cache
def code_hash() -> str:
    """sha256 over the package's code and data that rows depend on: a change to any invalidates stored results."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith(NOT_IN_ROWS):
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def pinned_versions() -> dict[str, str]:
    """Installed versions of the dependencies pyproject.toml pins (``==``): those that change output."""
    import importlib.metadata  # 25 ms to import: not for a rerun whose stamp says nothing was installed

    try:
        requirements = importlib.metadata.requires("pipeline") or []
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return {}
    names = [m.group(1) for r in requirements if "extra ==" not in r and (m := _PINNED.match(r))]
    versions = {}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def _jieba_dictionary_hash() -> str:
    path = _jieba_dictionary_path()
    if path is None:
        return "missing"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def environment() -> dict[str, Any]:
    """Everything in this process that decides a document's rows, besides the document and the options."""
    return _environment(installed())


def _environment(installed: dict[str, Any]) -> dict[str, Any]:
    return {
        "pipeline_version": __version__,
        "code_sha256": code_hash(),
        "python_version": platform.python_version(),
        "dependencies": installed["dependencies"],
        "jieba_dictionary_sha256": installed["jieba_dictionary_sha256"],
        "segmenter_choice": os.environ.get("PIPELINE_SEGMENTER", ""),
    }


def installed_stamp() -> list[Any]:
    """What changes when a package is installed, upgraded or removed, or jieba's dictionary edited: the
    modification time of every folder on ``sys.path`` (pip adds and removes ``*.dist-info`` folders
    there) and the size and time of jieba's dictionary; a stat each instead of reading every version."""
    stamp: list[Any] = [sys.executable, platform.python_version()]
    for path in [*sys.path, str(_jieba_dictionary_path())]:
        try:
            stat = os.stat(path or ".")
        except OSError:
            stamp.append([path, None, None])
            continue
        stamp.append([path, stat.st_size, stat.st_mtime_ns])
    return stamp


def installed(recorded: dict[str, Any] | None = None, recorded_ns: int = 0) -> dict[str, Any]:
    """The pinned versions and jieba's dictionary hash with their :func:`installed_stamp`: ``recorded``
    (as a manifest keeps it) when its stamp is today's and nothing in it changed within
    ``RACY_NS`` before ``recorded_ns`` (a change in the same clock tick would not show), else read."""
    from pipeline.run.manifest import RACY_NS

    stamp = installed_stamp()
    if recorded and recorded.get("stamp") == stamp and _settled(stamp, recorded_ns - RACY_NS):
        return recorded
    return {"stamp": stamp, "dependencies": pinned_versions(), "jieba_dictionary_sha256": _jieba_dictionary_hash()}


def _settled(stamp: list[Any], before_ns: int) -> bool:
    return all(entry[-1] is None or entry[-1] < before_ns for entry in stamp[2:])


def _jieba_dictionary_path() -> Path | None:
    """:func:`pipeline.lexicon.dictionary_path`, or None where jieba is not installed."""
    from pipeline.lexicon import dictionary_path

    try:
        return dictionary_path()
    except ImportError:
        return None


def settings_key(options: dict[str, Any], installed_now: dict[str, Any] | None = None) -> str:
    """One hash over the environment, the options and the tables' columns (part of every document's key);
    ``installed_now``: :func:`installed` as already known (by default, read in this process)."""
    env = _environment(installed_now) if installed_now else environment()
    blob = json.dumps([env, options, TABLES], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def check_worker(expected: str, options: dict[str, Any], run_installed: dict[str, Any] | None = None, run_ns: int = 0) -> None:
    """In a worker: refuse to work for a run whose settings are not this process's.  ``run_installed``: what
    the run read as installed, trusted when this process's :func:`installed_stamp` is the same (a local worker,
    or one on an identical installation) and settled before ``run_ns``; else read here."""
    if settings_key(options, installed(run_installed, run_ns)) != expected:
        raise WorkerMismatch(
            "this worker's pipeline code or pinned dependencies differ from the run's "
            f"(code {code_hash()[:12]}, {pinned_versions()}): install the same version on every worker"
        )


def dictionary_hash() -> str:
    """:func:`pipeline.segment.dictionary_hash` (jieba's dictionary and the gazetteers) without importing
    jieba, which a run that only waits for its workers does not need (tested equal)."""
    from pipeline.extract.gazetteer import gazetteer_fingerprint

    path = _jieba_dictionary_path()
    if path is None:
        return "missing"
    digest = hashlib.sha256(path.read_bytes())
    digest.update(gazetteer_fingerprint().encode())
    return digest.hexdigest()


def segmenter_name() -> str:
    """:func:`pipeline.segment.engine`'s name without loading it: the compiled engine when rjieba is
    installed, unless ``PIPELINE_SEGMENTER=jieba`` (tested equal)."""
    compiled = os.environ.get("PIPELINE_SEGMENTER", "") != "jieba" and importlib.util.find_spec("rjieba") is not None
    return "rjieba" if compiled else "jieba"


def run_metadata(options: dict[str, Any], output_format: str, installed_now: dict[str, Any] | None = None) -> dict[str, Any]:
    """run.json: what a reader needs to reproduce the run (no timestamps: reruns are byte-identical), but for
    its ``engine`` (None here, set once the work is done); made before the work, so that reading jieba's
    dictionary for its hash overlaps the workers' loading instead of following the last document.
    ``installed_now``: :func:`installed` as the run already knows it (by default, read again)."""
    env = _environment(installed_now) if installed_now else environment()
    return {
        "pipeline_version": __version__,
        "code_sha256": env["code_sha256"],
        "jieba_version": _dependency_version(env, "jieba"),
        "spacy_version": _dependency_version(env, "spacy"),
        "dependencies": env["dependencies"],
        "python_version": env["python_version"],
        "dictionary_sha256": dictionary_hash(),
        "segmenter": segmenter_name(),
        "options": options,
        "engine": None,
        "format": output_format,
        "tables": {name: list(columns) for name, columns in TABLES.items()},
    }


def _dependency_version(env: dict[str, Any], package: str) -> str:
    """The pinned version as recorded, else the installed one (importlib.metadata: 25 ms to import)."""
    if package in env["dependencies"]:
        return env["dependencies"][package]
    import importlib.metadata

    return importlib.metadata.version(package)
