"""What a run records of its environment so that a rerun with nothing to do stays cheap, and stays right."""

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
