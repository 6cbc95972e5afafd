"""A run over a corpus folder: incremental, resumable, kill-safe, in bounded memory.

1. Scan the corpus and compare it with the last complete run's manifest: if
   the inputs, the code and the options are the same and the tables are as
   that run left them, stop there, writing nothing.
2. Every document whose fragment (its rows, keyed by its bytes and the run's
   settings) is not stored yet becomes a task for the engine (this process,
   local worker processes, or Dask); workers store fragments as they finish,
   a batch's in one pack (:mod:`pipeline.run.fragments`).
3. The tables are assembled from the fragments in ``doc_id`` order, written
   to temporary files and renamed; then run.json, then the manifest; then
   fragments no input uses any more are deleted (from their packs).

A run killed at any point (SIGKILL included) leaves whole fragments and whole
tables, so running it again finishes the job with the same bytes as a run that
was never interrupted; a changed or added file alone is processed again, and a
removed one leaves the tables.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from pipeline.corpus import find_documents, read_metadata
from pipeline.output import write_json
from pipeline.run import fragments, manifest
from pipeline.run.assemble import FormatUnavailable, assemble, check_format, table_file
from pipeline.run.fragments import BadFragment, Fragment, Location
from pipeline.run.manifest import Input
from pipeline.run.progress import Plan, Silent
from pipeline.run.settings import WorkerMismatch, installed, run_metadata, settings_key
from pipeline.run.worker import DocTask, RunSpec, process_document

CACHE = ".cache"
FRAGMENTS = "fragments"
ENGINES = ("local", "dask")


class RunError(Exception):
    """A run that cannot start or go on (bad corpus or output path, missing library); the message says why."""


class Summary(NamedTuple):
    documents: int
    processed: int
    reused: int
    errors: list[tuple[str, str]]  # (path relative to the corpus, reason)
    rows: dict[str, int]  # table -> rows
    n_chars: int  # characters of the documents processed by this run
    seconds: float  # time spent processing them
    unchanged: bool  # nothing had changed: nothing was written


def check_paths(corpus: Path, out: Path) -> list[Path]:
    if not corpus.exists():
        raise RunError(f"corpus folder {corpus} does not exist")
    if not corpus.is_dir():
        raise RunError(f"corpus {corpus} is not a folder")
    if out.exists() and not out.is_dir():
        raise RunError(f"output path {out} is a file, not a folder")
    documents = find_documents(corpus)
    if not documents:
        raise RunError(f"corpus folder {corpus} has no .txt files")
    return documents


def run(
    corpus: Path,
    out: Path,
    reference_date: dt.date | None = None,
    jobs: int = 1,
    fresh: bool = False,
    output_format: str = "csv",
    engine: str = "local",
    scheduler: str | None = None,
    progress: Silent | None = None,
) -> Summary:
    """Process every document of ``corpus`` into the tables under ``out`` (see the module doc)."""
    progress = progress or Silent()
    if engine not in ENGINES:
        raise RunError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    corpus, out, paths, metadata, options = _checked(corpus, out, reference_date, output_format)
    cache = out / CACHE
    store = cache / FRAGMENTS
    with _locked(cache):
        previous = None if fresh else manifest.load(cache)
        installed_now, settings, inputs = _compared(corpus, paths, metadata, options, previous)
        if previous and previous.unchanged(settings, output_format, inputs, out):
            return _unchanged(previous, inputs)

        keys, stored, tasks = _plan(inputs, settings, store, fresh)
        _remove_temporary(out)
        fragments.remove_temporary(store)
        spec = RunSpec(str(store), settings, options, installed_now, time.time_ns())
        run_json = run_metadata(options, output_format, installed_now)  # while the workers load
        done = _process(tasks, spec, len(inputs), engine, scheduler, jobs, progress)
        keys.update(done.keys)
        for key, location in done.locations.items():
            stored.add(key, location)

        progress.stage("assembling the tables")
        errors: list[tuple[str, str]] = []
        ordered = sorted(inputs, key=lambda i: i.doc_id)
        rows = assemble(out, _fragments(ordered, keys, stored, store, spec, errors), output_format)
        write_json(out / "run.json", {**run_json, "engine": done.engine})
        written = [table_file(t, output_format) for t in rows] + ["run.json"]
        manifest.save(cache, manifest.build(
            settings, output_format, inputs, done.retry, out, written, errors, rows, installed_now
        ))
        manifest.remove_previous_outputs(out, previous, written)
        fragments.prune(store, set(keys.values()), stored)
    return Summary(len(inputs), len(tasks), len(inputs) - len(tasks), errors, rows, done.n_chars, done.seconds, False)


def unchanged(corpus: Path, out: Path, reference_date: dt.date | None = None, output_format: str = "csv") -> Summary | None:
    """The summary :func:`run` would return if nothing changed since the last complete run into ``out`` (the
    inputs, the code, the options, its tables), else None: its first step alone, which starts nothing."""
    corpus, out, paths, metadata, options = _checked(corpus, out, reference_date, output_format)
    cache = out / CACHE
    if not (cache / manifest.MANIFEST).is_file():
        return None
    with _locked(cache):
        previous = manifest.load(cache)
        if previous is None:
            return None
        installed_now, settings, inputs = _compared(corpus, paths, metadata, options, previous)
        return _unchanged(previous, inputs) if previous.unchanged(settings, output_format, inputs, out) else None


def _checked(
    corpus: Path, out: Path, reference_date: dt.date | None, output_format: str
) -> tuple[Path, Path, list[Path], dict[str, dt.date], dict[str, str | None]]:
    """(corpus and out made absolute, the documents, their metadata dates, the run's options), or RunError."""
    try:
        check_format(output_format)
    except FormatUnavailable as e:
        raise RunError(str(e)) from None
    corpus, out = corpus.resolve(), out.resolve()  # workers elsewhere (Dask) need absolute paths
    paths = check_paths(corpus, out)
    try:
        metadata = read_metadata(corpus)
    except ValueError as e:
        raise RunError(str(e)) from None
    return corpus, out, paths, metadata, {"reference_date": reference_date.isoformat() if reference_date else None}


def _compared(
    corpus: Path, paths: list[Path], metadata: dict[str, dt.date], options: dict, previous: manifest.Manifest | None
) -> tuple[dict, str, list[Input]]:
    """(what is installed, the settings key, every input with its hash) for comparing with ``previous``."""
    installed_now = installed(*((previous.installed, previous.written_ns) if previous else ()))
    settings = settings_key(options, installed_now)
    return installed_now, settings, manifest.scan(_identified(paths, corpus), metadata, previous)


def _unchanged(previous: manifest.Manifest, inputs: list[Input]) -> Summary:
    return Summary(len(inputs), 0, len(inputs), [tuple(e) for e in previous.errors], previous.rows, 0, 0.0, True)


def _identified(paths: list[Path], corpus: Path) -> list[tuple[str, str, Path]]:
    """(doc_id, path relative to the corpus, path): :func:`doc_id_for` by string slicing (pathlib's
    relative_to was a third of a rerun with nothing to do)."""
    prefix = len(str(corpus)) + 1
    identified = []
    taken: set[str] = set()
    for path in paths:
        relative = str(path)[prefix:].replace(os.sep, "/")
        doc_id = relative.removesuffix(path.suffix)
        if doc_id in taken:  # a.txt beside a.TXT: the second keeps its suffix, so that ids stay unique
            doc_id = relative
        taken.add(doc_id)
        identified.append((doc_id, relative, path))
    return identified


def _plan(
    inputs: list[Input], settings: str, store: Path, fresh: bool
) -> tuple[dict[str, str], fragments.Stored, list[DocTask]]:
    """(doc_id -> key of the stored documents to reuse, what the store holds, tasks for the others,
    largest first)."""
    stored = fragments.index(store, headers=not fresh)
    keys: dict[str, str] = {}
    tasks = []
    for item in inputs:
        key = _key(item, settings)
        if key and key in stored.locations:
            keys[item.doc_id] = key
        else:
            tasks.append(_task(item))
    tasks.sort(key=lambda t: (-t.size, t.doc_id))  # largest first: no long document left for the end
    return keys, stored, tasks


class _Processed(NamedTuple):
    keys: dict[str, str]  # doc_id -> key of its new fragment
    locations: dict[str, Location]  # key -> where it is stored
    retry: set[str]  # doc ids to try again next run
    n_chars: int
    seconds: float
    engine: dict  # as recorded in run.json


def _process(
    tasks: list[DocTask], spec: RunSpec, documents: int, engine: str, scheduler: str | None, jobs: int, progress: Silent
) -> _Processed:
    """Run the tasks on the engine (a Dask cluster is reached only when there is work for it)."""
    from pipeline.run import engines  # not imported by a run with nothing to do

    started = time.monotonic()
    keys: dict[str, str] = {}
    locations: dict[str, Location] = {}
    retry: set[str] = set()
    n_chars = 0
    client, cluster, described = _connect(engine, scheduler, jobs) if tasks else (None, None, _described(engine, scheduler))
    progress.start(Plan(documents, len(tasks), sum(t.size for t in tasks), documents - len(tasks), _workers_text(engine, jobs, described)))
    try:
        results = engines.run_dask(tasks, spec, client) if client else engines.run_local(tasks, spec, jobs)
        for result in results:
            keys[result.doc_id] = result.key
            locations[result.key] = result.location
            n_chars += result.n_chars
            if result.retry:
                retry.add(result.doc_id)
            progress.advance(result)
        seconds = time.monotonic() - started
    except WorkerMismatch as e:
        raise RunError(str(e)) from None
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return _Processed(keys, locations, retry, n_chars, seconds, described)


def _key(item: Input, settings: str) -> str | None:
    if item.sha256 is None:
        return None
    return fragments.document_key(item.sha256, item.doc_id, item.relative, item.metadata_date and item.metadata_date.isoformat(), settings)


def _task(item: Input) -> DocTask:
    return DocTask(item.doc_id, str(item.path), item.relative, item.metadata_date, item.size)


def _fragments(
    ordered: list[Input],
    keys: dict[str, str],
    stored: fragments.Stored,
    store: Path,
    spec: RunSpec,
    errors: list[tuple[str, str]],
) -> Iterator[Fragment]:
    """Each document's fragment in doc_id order; one that is not whole is processed again here (and
    ``stored`` then says where it went)."""
    with fragments.Reader(store) as reader:
        for item in ordered:
            try:
                fragment = reader.read(stored.locations[keys[item.doc_id]])
            except BadFragment:
                result = process_document(_task(item), spec)
                keys[item.doc_id] = result.key
                stored.add(result.key, result.location)
                fragment = reader.read(result.location)
            if fragment.status != "ok":
                errors.append((item.relative, fragment.error))
            yield fragment


def _connect(engine: str, scheduler: str | None, jobs: int):
    if engine == "local":
        return None, None, _described(engine, scheduler)
    from pipeline.run import engines

    try:
        return engines.connect_dask(scheduler, jobs)
    except engines.EngineUnavailable as e:
        raise RunError(str(e)) from None


def _described(engine: str, scheduler: str | None) -> dict:
    return {"name": engine, "scheduler": scheduler}


def _workers_text(engine: str, jobs: int, described: dict) -> str:
    if engine == "dask":
        return f"Dask scheduler {described['scheduler']}"
    return "in this process" if jobs <= 1 else f"{jobs} local worker processes"


def _remove_temporary(out: Path) -> None:
    """Tables, run.json and manifest a killed run was writing (``.NAME.….tmp``; the lock is held)."""
    for folder in (out, out / CACHE):
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


@contextmanager
def _locked(cache: Path) -> Iterator[None]:
    """One run at a time per output folder; the lock dies with its process, so a killed run never blocks."""
    cache.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one run at a time is then the user's care
        yield
        return
    with open(cache / "lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunError(f"another run is writing {cache.parent}; wait for it to finish") from None
        yield
