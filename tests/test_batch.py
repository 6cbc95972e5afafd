"""Batch runs at archive scale: the same bytes whatever the workers, kills and reruns; incremental; progress.

The 1998 articles are written out as files at run time (``pfr_corpus``, 223
articles); ``pfr_tables`` is their uninterrupted one-process run, the
reference every other run must equal byte for byte.
"""

from __future__ import annotations

import fcntl
import io
import random
import re
import shutil
import threading
import time
from pathlib import Path

import psutil
import pytest
from batch_support import folder_state, kill_group, packs, start_run, stored, table_bytes, wait_for
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import process
from pipeline.output import TABLES, render_rows
from pipeline.run import run
from pipeline.run.progress import Bar, Lines, Plan
from pipeline.run.worker import DocResult

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


def test_two_workers_write_the_bytes_of_one(pfr_corpus: Path, pfr_tables: Path, tmp_path: Path):
    result = runner.invoke(app, ["run", str(pfr_corpus), "--out", str(tmp_path), "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert table_bytes(tmp_path) == table_bytes(pfr_tables)


def test_a_run_killed_at_random_points_resumes_to_the_same_bytes(pfr_corpus: Path, pfr_tables: Path, tmp_path: Path):
    """SIGKILL to the whole process group (workers included) while documents are processed, then
    while the tables are assembled; each time the same command is started again."""
    seed = time.time_ns()
    rng = random.Random(seed)
    out, log = tmp_path / "out", tmp_path / "log"
    total = len(list(pfr_corpus.rglob("*.txt")))
    for threshold in sorted(rng.sample(range(1, total // 2), 2)):  # early enough that a fast run is still going
        process = start_run(pfr_corpus, out, "--jobs", "2", log=log)
        reached = wait_for(lambda t=threshold: len(stored(out)) >= t, process)
        time.sleep(rng.uniform(0, 0.05))
        kill_group(process)
        assert reached, f"the run ended before {threshold} documents (seed {seed}): {log.read_text()}"
    assert 0 < len(stored(out)) < total
    assert not (out / "tokens.csv").exists()

    # the rest, killed as soon as the assembly has started (its temporary tables exist)
    for _ in range(3):
        process = start_run(pfr_corpus, out, "--jobs", "2", log=log)
        assembling = wait_for(lambda: any(out.glob(".tokens.csv.*.tmp")), process, poll=0.001)
        kill_group(process)
        if assembling:
            break
        (out / ".cache" / "manifest.json").unlink()  # it finished unseen: make the next run assemble again
    assert assembling, f"never seen assembling: {log.read_text()}"
    assert len(stored(out)) == total

    result = runner.invoke(app, ["run", str(pfr_corpus), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert table_bytes(out) == table_bytes(pfr_tables), f"seed {seed}"
    assert len(stored(out)) == total
    assert not [p for p in out.rglob("*.tmp")], "temporary files left behind"


def test_a_worker_that_dies_costs_its_documents_one_more_try(pfr_corpus: Path, pfr_tables: Path, tmp_path: Path):
    """One worker process killed mid-run (as the OOM killer would): the run completes, every row once."""
    killed: list[int] = []

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(stored(tmp_path)) < 20:
            time.sleep(0.05)
        workers = [p for p in psutil.Process().children(recursive=True) if _is_worker(p)]
        if workers:
            workers[0].kill()
            killed.append(workers[0].pid)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    summary = run(pfr_corpus, tmp_path, jobs=2)
    killer.join()
    assert killed, "no worker process to kill"
    assert summary.errors == []
    assert table_bytes(tmp_path) == table_bytes(pfr_tables)


def _loaded_before_any_document() -> tuple[bool, bool]:
    """What a document needs: the dictionary and the segmenter (a run builds no spaCy Doc, see blocks.find_in_block)."""
    from pipeline import lexicon, segment

    return lexicon.jieba_dictionary.cache_info().currsize == 1, segment.engine.cache_info().currsize == 1


def test_local_workers_start_with_the_nlp_stack_loaded():
    """Workers are forked from a fork server that loaded the dictionary and the segmenter once (shared memory,
    no loading after the run starts); run alone, the warm-up page itself yields rows of every kind."""
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.run.engines import worker_context
    from pipeline.run.worker import WARM_UP_PAGE

    context = worker_context()
    if context.get_start_method() != "forkserver":
        pytest.skip("no fork server on this platform: each worker loads what it needs")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        assert pool.submit(_loaded_before_any_document).result() == (True, True)
    rows = process("warm", "warm.txt", WARM_UP_PAGE.encode("utf-8"), None, None)
    labels = {e["label"] for e in rows["entities"]}
    assert {"PERSON", "GPE", "ORG", "DATE"} <= labels, labels
    assert rows["quotes"] and rows["claims"] and rows["captions"] and rows["credits"]


def _is_worker(process: psutil.Process) -> bool:
    """A pool worker: forked by the fork server (whose command line it keeps), or a spawned interpreter."""
    if "spawn_main" in " ".join(process.cmdline()):
        return True
    parent = process.parent()
    return parent is not None and "forkserver" in " ".join(parent.cmdline())


@pytest.fixture()
def bundled(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    return corpus


def test_a_rerun_with_nothing_changed_writes_nothing(bundled: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(bundled), "--out", str(out)]).exit_code == 0
    before = folder_state(out)
    (bundled / "2024-rural-jiangxi.txt").touch()  # a new time, the same bytes
    result = runner.invoke(app, ["run", str(bundled), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "nothing changed since the last run" in result.stderr and "rows: documents 7" in result.stderr
    assert folder_state(out) == before


def test_changed_added_and_removed_files_alone_are_redone(bundled: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(bundled), "--out", str(out)]).exit_code == 0
    changed = bundled / "2024-rural-jiangxi.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\n新华社记者李明报道，全省春耕进展顺利。\n", encoding="utf-8")
    (bundled / "2024-heritage-shanxi.txt").unlink()
    shutil.copy(bundled / "2024-tech-saline-rice.txt", bundled / "world" / "2024-tech-copy.txt")

    result = runner.invoke(app, ["run", str(bundled), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "processed 2 documents" in result.stderr and "5 reused" in result.stderr
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "2024-heritage-shanxi" not in "".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    assert "world/2024-tech-copy," in documents
    assert "全省春耕进展顺利" in (out / "paragraphs.csv").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert runner.invoke(app, ["run", str(bundled), "--out", str(fresh)]).exit_code == 0
    assert table_bytes(out) == table_bytes(fresh)
    assert len(stored(out)) == 7  # the removed and the old version of the changed file are gone


def test_other_options_or_format_redo_what_they_change(bundled: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(bundled), "--out", str(out)]).exit_code == 0
    dated = runner.invoke(app, ["run", str(bundled), "--out", str(out), "--reference-date", "2024-05-01"])
    assert "processed 7 documents" in dated.stderr
    parquet = runner.invoke(app, ["run", str(bundled), "--out", str(out), "--reference-date", "2024-05-01", "--format", "parquet"])
    assert "no document needed processing" in parquet.stderr
    assert sorted(p.suffix for p in out.iterdir() if p.is_file()) == [".json"] + [".parquet"] * len(TABLES)


def test_a_damaged_stored_document_is_processed_again(bundled: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(bundled), "--out", str(out)]).exit_code == 0
    complete = table_bytes(out)
    damaged = packs(out)[0]
    damaged.write_bytes(damaged.read_bytes()[:-10])  # as a power cut could leave it
    (out / ".cache" / "manifest.json").unlink()
    assert runner.invoke(app, ["run", str(bundled), "--out", str(out)]).exit_code == 0
    assert table_bytes(out) == complete


def test_a_second_run_on_the_same_folder_is_refused(bundled: Path, tmp_path: Path):
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    with open(out / ".cache" / "lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = runner.invoke(app, ["run", str(bundled), "--out", str(out)])
    assert result.exit_code == 2 and "another run is writing" in result.stderr


def test_rows_come_out_in_one_order_whatever_order_they_come_in():
    text = "本报北京3月5日电 记者王小明报道：全国春耕面积超过20万公顷，比去年增长4.1%。\n\n王小明说：“今年春耕进展顺利。”"
    rows = process("d", "d.txt", text.encode(), None, None)
    assert len(rows["tokens"]) > 20 and rows["entities"] and rows["claims"]
    rows["entities"] += [dict(rows["entities"][0], normalized="另一个"), dict(rows["entities"][0])]  # ties on the sort keys
    expected = {table: render_rows(table, rows[table]) for table in TABLES}
    for seed in range(5):
        shuffled = {table: random.Random(seed).sample(rows[table], len(rows[table])) for table in TABLES}
        assert {table: render_rows(table, shuffled[table]) for table in TABLES} == expected


def test_progress_lines_for_logs():
    lines: list[str] = []
    now = [0.0]
    progress = Lines(lines.append, every=5, clock=lambda: now[0])
    progress.start(Plan(10, 8, 8000, 2, "2 local worker processes"))
    for i in range(8):
        now[0] = 2.0 * i + 1
        progress.advance(DocResult(f"d{i}", "k", "s", "error" if i == 3 else "ok", "", 1000, 1000))
    progress.stage("assembling the tables")
    assert lines[0] == "10 documents: 8 to process (7.8 KiB), 2 reused from an earlier run; 2 local worker processes"
    assert lines[1] == "[0:05] 3/8 documents processed, 0 failed, 600 chars/s, about 0:10 left"
    assert lines[2] == "[0:11] 6/8 documents processed, 1 failed, 545 chars/s, about 0:04 left"
    assert len(lines) == 4 and lines[-1] == "[0:15] assembling the tables"


def test_the_summary_names_rows_per_table_and_speed(bundled: Path, tmp_path: Path):
    result = runner.invoke(app, ["run", str(bundled), "--out", str(tmp_path / "out")])
    lines = result.stderr.splitlines()
    assert lines[0].startswith("7 documents: 7 to process")
    assert "7 documents: 7 ok, 0 failed, 0 reused from an earlier run" in lines
    assert any(line.startswith("processed 7 documents (") and line.endswith("chars/s") for line in lines)
    assert any(line.startswith("rows: documents 7, paragraphs ") for line in lines)


def test_the_bar_on_a_terminal_shows_failures_speed_and_time_left():
    screen = io.StringIO()
    bar = Bar(Console(file=screen, force_terminal=True, width=150))
    bar.start(Plan(10, 8, 8000, 2, "2 local worker processes"))
    for i in range(3):
        bar.advance(DocResult(f"d{i}", "k", "s", "error" if i == 1 else "ok", "", 1000, 1000))
    bar.progress.refresh()
    bar.close()
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", screen.getvalue()).split("\r")[-2]
    assert re.search(r"documents .* 3/8 1 failed [\d,]+ chars/s 0:00:0\d [\d:?]+ left", shown), shown


def test_the_batch_benchmark_times_a_run(tmp_path: Path):
    from pipeline.evaluate.bench_batch import timed_run

    timed = timed_run("bundled", REPO / "corpus", tmp_path, characters=6140)
    assert timed.seconds > 0 and timed.peak_bytes > 50 * 2**20  # a worker with jieba and its dictionary loaded


def test_the_batch_benchmark_measures_the_runs_own_cost_on_1998_articles(pfr_path: Path):
    from pipeline.evaluate.bench_batch import measure_overhead

    overhead = measure_overhead(limit=5, repeat=1)
    assert overhead.articles == 5 and overhead.rows > overhead.characters / 4
    assert 0 < overhead.encode < overhead.process and overhead.store > 0 and overhead.assemble > 0


def test_run_json_names_the_segmenter_and_dictionary_the_segment_module_uses(monkeypatch):
    """run.json's figures are computed without loading jieba; they must be what pipeline.segment reports."""
    from pipeline import segment
    from pipeline.run import settings

    assert settings.dictionary_hash() == segment.dictionary_hash()
    assert settings.segmenter_name() == segment.engine().name
    monkeypatch.setenv("PIPELINE_SEGMENTER", "jieba")
    assert settings.segmenter_name() == "jieba"
