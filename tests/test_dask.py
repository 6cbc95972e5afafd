"""`--engine dask`: the same per-document task on a Dask cluster, the same tables as the local engine."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from batch_support import packs, stored, table_bytes
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.pfr_files import write_articles
from pipeline.run import run
from pipeline.run.settings import WorkerMismatch
from pipeline.run.worker import DocTask, RunSpec, process_document

distributed = pytest.importorskip("distributed")

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus_and_local(tmp_path_factory: pytest.TempPathFactory, pfr_path: Path) -> tuple[Path, Path]:
    """The bundled corpus and every eighth 1998 article (119 files), and their local one-process tables."""
    root = tmp_path_factory.mktemp("dask")
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    write_articles(corpus / "pfr1998", every=8, path=pfr_path)
    local = root / "local"
    run(corpus, local)
    return corpus, local


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_a_local_cluster_of_two_workers_writes_the_local_tables(corpus_and_local, tmp_path: Path):
    """Without --scheduler the run starts a LocalCluster of --jobs worker processes."""
    corpus, local = corpus_and_local
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path), "--engine", "dask", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert "Dask scheduler tcp://" in result.stderr
    same = runner.invoke(app, ["diff", str(local), str(tmp_path)])
    assert same.exit_code == 0, same.stdout
    dask_tables, local_tables = table_bytes(tmp_path), table_bytes(local)
    run_json = dask_tables.pop("run.json").decode()
    local_tables.pop("run.json")
    assert dask_tables == local_tables
    assert '"name": "dask"' in run_json and '"scheduler": "tcp://127.0.0.1:' in run_json


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(corpus_and_local, cluster, tmp_path: Path):
    corpus, local = corpus_and_local
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(stored(tmp_path)) < 15:
            time.sleep(0.05)
        pid = next(iter(pids.values()))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    killer = threading.Thread(target=kill_a_worker)
    killer.start()
    summary = run(corpus, tmp_path, engine="dask", scheduler=cluster.scheduler_address)
    killer.join()
    assert killed and summary.errors == [] and summary.processed == len(list(corpus.rglob("*.txt")))
    assert {k: v for k, v in table_bytes(tmp_path).items() if k != "run.json"} == {
        k: v for k, v in table_bytes(local).items() if k != "run.json"
    }


def test_the_dask_engine_is_incremental_and_resumes(corpus_and_local, cluster, tmp_path: Path):
    corpus, local = corpus_and_local
    out = tmp_path / "out"
    shutil.copytree(local, out)
    documents = len(stored(out))
    for pack in packs(out)[:2]:
        pack.unlink()  # as if the run had been killed before these batches
    (out / ".cache" / "manifest.json").unlink()
    lost = documents - len(stored(out))
    summary = run(corpus, out, engine="dask", scheduler=cluster.scheduler_address)
    assert lost > 0 and (summary.processed, summary.unchanged) == (lost, False)
    assert table_bytes(out)["tokens.csv"] == table_bytes(local)["tokens.csv"]
    again = run(corpus, out, engine="dask", scheduler=cluster.scheduler_address)
    assert again.unchanged and again.processed == 0


def test_a_worker_with_other_code_is_refused(corpus_and_local, cluster, tmp_path: Path):
    corpus, _ = corpus_and_local
    task = DocTask("x", str(next(corpus.glob("*.txt"))), "x.txt", None, 1)
    with distributed.Client(cluster) as client:
        future = client.submit(process_document, task, RunSpec(str(tmp_path), "0" * 64, {"reference_date": None}))
        with pytest.raises(WorkerMismatch, match="differ from the run's"):
            future.result()


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("pipeline.run.engines.CONNECT_TIMEOUT", "2s")
    result = runner.invoke(
        app, ["run", str(REPO / "corpus"), "--out", str(tmp_path), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 2 and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.stderr
