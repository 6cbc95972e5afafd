"""A run over a corpus folder: documents in worker processes, resumable, written atomically.

Each finished document is saved at once under ``OUT/.cache/`` (keyed by its
bytes, its metadata date, the options and the pipeline version); a run that
crashed or was interrupted picks up from there, and a rerun over unchanged
input only reassembles the tables.  The tables are written last, each through
a temporary file and a rename.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import jieba
import spacy

from pipeline import __version__
from pipeline.corpus import doc_id_for, find_documents, read_metadata
from pipeline.document import Rows, failed, process
from pipeline.output import TABLES, write_atomic, write_json, write_tables

CACHE = ".cache"


class RunError(Exception):
    """A run that cannot start (bad corpus or output path); the message says why."""


class Task(NamedTuple):
    doc_id: str
    path: Path
    relative: str
    metadata_date: dt.date | None


class Summary(NamedTuple):
    documents: int
    errors: list[tuple[str, str]]  # (path, reason)
    reused: int


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


def code_hash() -> str:
    """sha256 over the package's code and data: any change to either invalidates cached results."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".csv")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_metadata(reference_date: dt.date | None) -> dict:
    """What a reader needs to reproduce the run (no timestamps: reruns are byte-identical)."""
    from pipeline.segment import dictionary_hash, engine

    return {
        "pipeline_version": __version__,
        "code_sha256": code_hash(),
        "jieba_version": jieba.__version__,
        "spacy_version": spacy.__version__,
        "python_version": platform.python_version(),
        "dictionary_sha256": dictionary_hash(),
        "segmenter": engine().name,
        "options": {"reference_date": reference_date.isoformat() if reference_date else None},
        "tables": {name: list(columns) for name, columns in TABLES.items()},
    }


def _cache_key(data: bytes, task: Task, settings: str) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"{task.doc_id}|{task.relative}|{task.metadata_date}|{settings}".encode())
    return digest.hexdigest()


def _process_task(task: Task, data: bytes, cli_date: dt.date | None) -> Rows:
    """One document; a bug in a stage fails that document, not the run."""
    try:
        return process(task.doc_id, task.relative, data, task.metadata_date, cli_date)
    except Exception as e:  # noqa: BLE001 - reported per document, the run goes on
        return failed(task.doc_id, task.relative, data, f"internal error: {type(e).__name__}: {e}")


def run(
    corpus: Path,
    out: Path,
    reference_date: dt.date | None = None,
    jobs: int = 1,
    fresh: bool = False,
    on_document: Callable[[str], None] = lambda doc_id: None,
) -> Summary:
    """Process every document of ``corpus`` into the tables under ``out``."""
    paths = check_paths(corpus, out)
    metadata = read_metadata(corpus)
    meta = run_metadata(reference_date)
    settings = json.dumps(meta, sort_keys=True)
    cache = out / CACHE
    tasks = []
    for path in paths:
        doc_id = doc_id_for(path, corpus)
        tasks.append(Task(doc_id, path, path.relative_to(corpus).as_posix(), metadata.get(doc_id)))

    results: dict[str, Rows] = {}
    pending: list[tuple[Task, bytes, Path]] = []
    used: set[Path] = set()
    for task in tasks:
        try:
            data = task.path.read_bytes()
        except OSError as e:
            results[task.doc_id] = failed(task.doc_id, task.relative, b"", f"cannot read the file: {e.strerror}")
            on_document(task.doc_id)
            continue
        cached = cache / f"{_cache_key(data, task, settings)}.json"
        used.add(cached)
        if cached.is_file() and not fresh:
            results[task.doc_id] = json.loads(cached.read_text(encoding="utf-8"))
            on_document(task.doc_id)
        else:
            pending.append((task, data, cached))

    for task, rows, cached in _execute(pending, reference_date, jobs):
        write_atomic(cached, json.dumps(rows, ensure_ascii=False))
        results[task.doc_id] = rows
        on_document(task.doc_id)

    tables = {table: [row for doc_id in sorted(results) for row in results[doc_id][table]] for table in TABLES}
    write_tables(out, tables)
    write_json(out / "run.json", meta)
    for stale in set(cache.glob("*.json")) - used:
        stale.unlink()
    errors = [(row["path"], row["error"]) for row in tables["documents"] if row["status"] == "error"]
    return Summary(len(tasks), errors, len(tasks) - len(pending))


def _execute(
    pending: list[tuple[Task, bytes, Path]], reference_date: dt.date | None, jobs: int
) -> Iterator[tuple[Task, Rows, Path]]:
    """Process documents in this process or in ``jobs`` worker processes (jieba holds the GIL)."""
    if jobs <= 1 or len(pending) <= 1:
        for task, data, cached in pending:
            yield task, _process_task(task, data, reference_date), cached
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [(task, pool.submit(_process_task, task, data, reference_date), cached)
                   for task, data, cached in pending]
        for task, future, cached in futures:
            yield task, future.result(), cached
