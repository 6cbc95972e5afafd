"""Parts of a run tested alone: what it records of its environment (so that a rerun with nothing to do
stays cheap, and right), and the local engine's bookkeeping when a worker dies."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from pipeline.run import settings
from pipeline.run.manifest import RACY_NS


@pytest.fixture()
def site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on sys.path, as site-packages is, last modified well before now."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(folder)])
    return folder


def _recorded(known: dict) -> dict:
    """What the manifest kept, with versions no installation has: reading them again would show."""
    return {**known, "dependencies": {"jieba": "recorded"}}


def test_recorded_versions_stand_while_nothing_is_installed(site_folder: Path):
    known = settings.installed()
    later = time.time_ns() + 2 * RACY_NS
    assert settings.installed(_recorded(known), later)["dependencies"] == {"jieba": "recorded"}
    assert settings.installed(_recorded(known), later)["dependencies"] != settings.pinned_versions()


def test_an_installed_package_reads_the_versions_again(site_folder: Path):
    known = settings.installed()
    (site_folder / "newpkg-1.0.dist-info").mkdir()  # what pip adds next to the packages
    assert settings.installed(_recorded(known), time.time_ns() + 2 * RACY_NS)["dependencies"] == settings.pinned_versions()


def test_versions_recorded_in_the_same_clock_tick_as_a_change_are_read_again(site_folder: Path):
    known = settings.installed()
    just_after_a_change = time.time_ns()  # an installation within RACY_NS before the record might not show
    assert settings.installed(_recorded(known), just_after_a_change)["dependencies"] == settings.pinned_versions()


def test_the_settings_key_from_recorded_versions_is_the_one_workers_compute():
    known = settings.installed()
    options = {"reference_date": None}
    assert settings.settings_key(options, settings.installed(known, time.time_ns() + 2 * RACY_NS)) == settings.settings_key(options)


def test_a_worker_on_the_runs_installation_checks_it_by_its_stamp(site_folder: Path, monkeypatch: pytest.MonkeyPatch):
    """A local worker is handed what the run read as installed: its own stamp says it is the same, so it reads
    no versions (the fork server no longer loads them before forking); one whose stamp differs reads its own."""
    run_installed = _recorded(settings.installed())  # versions no installation has: reading them would show
    options = {"reference_date": None}
    expected = settings.settings_key(options, run_installed)
    later = time.time_ns() + 2 * RACY_NS
    with monkeypatch.context() as patched:
        patched.setattr(settings, "pinned_versions", lambda: pytest.fail("the versions were read again"))
        settings.check_worker(expected, options, run_installed, later)
    (site_folder / "otherpkg-2.0.dist-info").mkdir()  # this worker's installation is not the one the run read
    with pytest.raises(settings.WorkerMismatch):
        settings.check_worker(expected, options, run_installed, later)


def test_a_pool_that_breaks_while_tasks_are_submitted_loses_no_task(monkeypatch: pytest.MonkeyPatch):
    """A worker that dies between two submissions breaks the pool: the task being submitted is refused
    and must go to the next pool, not vanish (the run would then miss its rows)."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.run import engines
    from pipeline.run.worker import DocResult, DocTask, RunSpec

    class PoolThatBreaksOnce:
        submitted = 0

        def __init__(self, max_workers, mp_context) -> None:
            pass

        def submit(self, fn, batch, spec) -> Future:
            PoolThatBreaksOnce.submitted += 1
            if PoolThatBreaksOnce.submitted == 3:
                raise BrokenProcessPool("a worker died")
            future: Future = Future()
            future.set_result(fn(batch, spec))
            return future

        def shutdown(self, wait, cancel_futures) -> None:
            pass

    def process(tasks: list[DocTask], spec: RunSpec) -> list[DocResult]:
        return [DocResult(task.doc_id, task.doc_id, "sha", "ok", "", 1, 1) for task in tasks]

    monkeypatch.setattr(engines, "ProcessPoolExecutor", PoolThatBreaksOnce)
    monkeypatch.setattr(engines, "process_batch", process)
    tasks = [DocTask(f"d{i}", f"/d{i}.txt", f"d{i}.txt", None, 1) for i in range(6)]
    results = list(engines.run_local(tasks, RunSpec("/store", "key", {}), jobs=2))
    assert sorted(r.doc_id for r in results) == [t.doc_id for t in tasks]
