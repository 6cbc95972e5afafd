"""The task every engine runs for a batch of documents: process them, store their fragments, report back.

:func:`process_batch` reads the files itself (the run only sends paths),
runs :func:`pipeline.document.process` on each, and writes their rows to the
fragment store in one pack; only a small :class:`DocResult` per document
travels back.  So a run's memory
does not grow with the corpus, whichever engine carries the tasks (a local
process pool, or Dask workers sharing the output folder).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.run import fragments
from pipeline.run.settings import check_worker


class DocTask(NamedTuple):
    doc_id: str
    path: str  # absolute: what the worker reads
    relative: str  # relative to the corpus folder: documents.path
    metadata_date: dt.date | None
    size: int  # bytes, for scheduling and progress


class RunSpec(NamedTuple):
    """What every task of one run shares."""

    store: str  # the fragments folder
    settings: str  # settings_key of the run
    options: dict[str, Any]  # as recorded in run.json
    installed: dict[str, Any] | None = None  # settings.installed() as the run read it, with its stamp
    installed_ns: int = 0  # when the run knew it to be current

    @property
    def reference_date(self) -> dt.date | None:
        value = self.options.get("reference_date")
        return dt.date.fromisoformat(value) if value else None


class DocResult(NamedTuple):
    doc_id: str
    key: str  # the fragment's name
    sha256: str | None  # None: the file could not be read
    status: str  # ok | error
    error: str
    n_chars: int
    size: int
    location: fragments.Location | None = None  # where its fragment is stored

    @property
    def retry(self) -> bool:
        """A failure that may pass next time (the file could not be read, a worker died): never reused."""
        return self.sha256 is None


def process_document(task: DocTask, spec: RunSpec) -> DocResult:
    """Process one document into its own pack (a document processed again, a Dask task)."""
    return process_batch([task], spec)[0]


def process_batch(tasks: list[DocTask], spec: RunSpec) -> list[DocResult]:
    """Process a batch of documents and store their fragments in one pack; a bug in a stage fails that
    document, not the batch nor the run."""
    _prepare_worker(spec)
    done = [_processed(task, spec) for task in tasks]
    locations = fragments.write_pack(Path(spec.store), [(result.key, blob) for result, blob in done])
    return [result._replace(location=locations[result.key]) for result, _ in done]


def _processed(task: DocTask, spec: RunSpec) -> tuple[DocResult, bytes]:
    from pipeline.document import failed, process

    try:
        data = Path(task.path).read_bytes()
    except OSError as e:
        return _failure(task, spec, f"cannot read the file: {e.strerror}")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        rows = process(task.doc_id, task.relative, data, task.metadata_date, spec.reference_date)
        blob = fragments.encode(task.doc_id, rows)
    except Exception as e:  # noqa: BLE001 - reported per document, the run goes on
        rows = failed(task.doc_id, task.relative, data, f"internal error: {type(e).__name__}: {e}")
        blob = fragments.encode(task.doc_id, rows)
    key = fragments.document_key(sha256, task.doc_id, task.relative, _iso(task.metadata_date), spec.settings)
    document = rows["documents"][0]
    return DocResult(task.doc_id, key, sha256, document["status"], document["error"], document["n_chars"], task.size), blob


def store_failure(task: DocTask, spec: RunSpec, reason: str) -> DocResult:
    """A documents row with the reason, stored under a key of its own; the document is tried again next run."""
    result, blob = _failure(task, spec, reason)
    return result._replace(location=fragments.write_pack(Path(spec.store), [(result.key, blob)])[result.key])


def _failure(task: DocTask, spec: RunSpec, reason: str) -> tuple[DocResult, bytes]:
    from pipeline.document import failed

    rows = failed(task.doc_id, task.relative, b"", reason)
    key = fragments.document_key("retry:" + reason, task.doc_id, task.relative, _iso(task.metadata_date), spec.settings)
    return DocResult(task.doc_id, key, None, "error", reason, 0, task.size), fragments.encode(task.doc_id, rows)


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


#: a page written for the warm-up (not from any corpus): a dateline, names, places, bodies, dates,
#: numbers and a claim, a quote, a caption and credits, so that every stage loads what it needs
WARM_UP_PAGE = """全省冬季农业生产会议召开
本报杭州3月5日电（记者王建国、刘晓燕）
浙江省农业厅和省气象局昨天在杭州联合召开会议。副省长陈志强说：“今年全省粮食产量要达到一千五百万吨，比去年增长百分之三。”
据统计，1月至2月全省农民人均收入为2365元，同比增长12.5%；上海、江苏等地的三十多家企业参加了交流。
图为会议现场。 本报记者 赵明 摄
（责任编辑：孙丽）
"""


_warm = False  # this process has loaded everything


def warm_up() -> None:
    """Load everything a document needs (jieba's dictionary, the segmenter, gazetteers, the compiled HMM; a run
    needs neither spaCy nor jieba's own code) by processing :data:`WARM_UP_PAGE`, once per process: in the fork
    server before the local workers are forked (they start with it loaded and share its memory), else before a
    process's first document.

    The garbage collector is paused meanwhile and what was loaded is then frozen (moved out of its sight):
    loading makes a few million objects that live as long as the process, and a collector run every 700
    allocations walked them again and again (a sixth of the load time) and would keep walking them in
    every full collection of the run; out of its sight, their pages also stay shared with forked workers."""
    global _warm
    if _warm:
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        from pipeline.document import process

        process("warm-up", "warm-up.txt", WARM_UP_PAGE.encode("utf-8"), None, None)
        _warm = True
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_prepared: set[str] = set()  # settings keys this process was checked for and loaded for


def _prepare_worker(spec: RunSpec) -> None:
    """Once per process and run: the same code and installation as the run (else refuse: the check reads
    only this process's installation stamp when it is the run's), and everything loaded (:func:`warm_up`;
    a warm-up that fails leaves each document to load what it needs,
    where a failure is reported against the document)."""
    if spec.settings in _prepared:
        return
    check_worker(spec.settings, spec.options, spec.installed, spec.installed_ns)
    try:
        warm_up()
    except Exception:  # noqa: BLE001, S110 - the document that follows reports what went wrong
        pass
    _prepared.add(spec.settings)
