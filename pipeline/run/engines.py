"""Who runs the documents' tasks: this process, local worker processes, or a Dask cluster.

Every engine runs :func:`pipeline.run.worker.process_batch` (locally, on
batches of documents) or :func:`~pipeline.run.worker.process_document` (Dask,
one per task) and yields each document's :class:`DocResult` as it finishes;
the rows go to the fragment store, never through the engine.  A bounded number of tasks is in flight at
once, so memory does not grow with the corpus.  A worker that dies (killed, out
of memory) costs its tasks one more try; a document whose tasks keep killing
workers is reported as failed, and tried again by the next run.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipeline.run.worker import DocResult, DocTask, RunSpec, process_batch, process_document, store_failure

#: tasks in flight per worker: enough to keep it busy, few enough to bound memory
IN_FLIGHT_PER_WORKER = 2
#: documents a local task carries at most, and their bytes (a batch is cut before the document that
#: would pass it, unless that document comes first)
BATCH_DOCUMENTS = 16
BATCH_BYTES = 64 * 1024
#: batches each worker still gets from what is left, at least: small ones towards the end
BATCHES_LEFT_PER_WORKER = 4
#: worker deaths a document may be part of before it is reported as failed
MAX_DEATHS = 2
WORKER_DIED = "the worker process died while processing it (killed, or out of memory)"
#: the module the fork server imports before forking workers (importing it warms the worker up)
PRELOAD = "pipeline.run.preload"
#: how long to try reaching a Dask scheduler
CONNECT_TIMEOUT = "20s"


class EngineUnavailable(Exception):
    """An engine whose library is missing or whose scheduler cannot be reached; the message says why."""


def run_local(tasks: list[DocTask], spec: RunSpec, jobs: int) -> Iterator[DocResult]:
    """In this process for one job, else in ``jobs`` worker processes (jieba holds the GIL: no threads).

    Documents travel in small batches (:func:`next_batch`), in this process too: a task costs the
    pool's threads in this process about a third of a millisecond, as much as a short article's own
    work on a few cores, so one task per document made this process the bottleneck of many workers;
    and a batch's fragments are stored in one file (a file per document was a tenth of a run)."""
    pending = deque(tasks)
    deaths: Counter[str] = Counter()
    if jobs <= 1 or len(tasks) <= 1:  # batches here too: one pack of fragments each
        while pending:
            batch = next_batch(pending, deaths, 1)
            for _ in batch:
                pending.popleft()
            yield from process_batch(batch, spec)
        return
    context = worker_context()
    while pending:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        running: dict[Future[list[DocResult]], list[DocTask]] = {}
        try:
            while pending or running:
                while pending and len(running) < IN_FLIGHT_PER_WORKER * jobs:
                    batch = next_batch(pending, deaths, jobs)
                    # taken from pending once submitted: a pool that broke in between refuses it (raises)
                    running[pool.submit(process_batch, batch, spec)] = batch
                    for _ in batch:
                        pending.popleft()
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    batch = running.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        running[future] = batch
                        raise
                    yield from results
        except BrokenProcessPool:
            for future, batch in running.items():
                if future.done() and not future.cancelled() and future.exception() is None:
                    yield from future.result()  # finished before the pool broke
                    continue
                for task in reversed(batch):
                    deaths[task.doc_id] += 1
                    if deaths[task.doc_id] >= MAX_DEATHS:
                        yield store_failure(task, spec, WORKER_DIED)
                    else:
                        pending.appendleft(task)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def next_batch(pending: deque[DocTask], deaths: Counter[str], jobs: int) -> list[DocTask]:
    """The documents at the head of ``pending`` that go to a worker together: up to
    :data:`BATCH_DOCUMENTS` and :data:`BATCH_BYTES`, and no more than a share of what is left, so
    that the workers finish together; a document that was in a batch whose worker died goes alone,
    so that one that kills workers costs the others one retry, not two.

    >>> tasks = deque(DocTask(f"d{i}", "", "", None, 1000) for i in range(40))
    >>> [len(next_batch(tasks, Counter(), 2)), len(next_batch(tasks, Counter(d0=1), 2))]
    [5, 1]
    """
    limit = max(1, min(BATCH_DOCUMENTS, len(pending) // (jobs * BATCHES_LEFT_PER_WORKER)))
    batch: list[DocTask] = []
    size = 0
    for task in pending:
        if len(batch) == limit or (batch and (size + task.size > BATCH_BYTES or deaths[task.doc_id])):
            break
        batch.append(task)
        size += task.size
        if deaths[task.doc_id]:
            break
    return batch


def worker_context() -> multiprocessing.context.BaseContext:
    """Where local workers come from: a fork server that has loaded the NLP stack once (:mod:`preload`),
    so each worker starts loaded and shares that memory; a single-threaded process, so forking it is
    safe whatever threads this one runs (the progress bar has one).  Where there is no fork server
    (Windows, macOS' default), fresh interpreters that each load what they need."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return context


def start_workers() -> None:
    """Start the fork server local workers will come from, without waiting: it loads the NLP stack while
    this process goes on (reading its command line, scanning the corpus), the part of a run that would
    otherwise come before loading.  Where there is no fork server, nothing to do."""
    context = worker_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def connect_dask(scheduler: str | None, jobs: int) -> tuple[Any, Any, dict[str, Any]]:
    """(client, cluster or None, engine description): the given scheduler, else a LocalCluster of ``jobs`` workers."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineUnavailable("--engine dask needs Dask: pip install -e '.[dask]'") from None
    cluster = None
    try:
        if scheduler is None:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise EngineUnavailable(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    return client, cluster, {"name": "dask", "scheduler": client.scheduler.address}


def run_dask(tasks: list[DocTask], spec: RunSpec, client: Any) -> Iterator[DocResult]:
    """Each document a Dask task; a task whose worker died is retried by the scheduler (its fragment
    write is atomic, so a retry never duplicates rows), and reported failed after repeated deaths."""
    from distributed import KilledWorker, as_completed

    pending = deque(tasks)
    window = IN_FLIGHT_PER_WORKER * max(sum(client.nthreads().values()), 1) + 8
    submitted: dict[str, DocTask] = {}

    def submit() -> Any:
        task = pending.popleft()
        future = client.submit(process_document, task, spec, pure=False, retries=2)
        submitted[future.key] = task
        return future

    running = as_completed([submit() for _ in range(min(window, len(pending)))])
    for future in running:
        task = submitted.pop(future.key)
        try:
            result = future.result()
        except KilledWorker:
            result = store_failure(task, spec, WORKER_DIED)
        future.release()
        yield result
        if pending:
            running.add(submit())
