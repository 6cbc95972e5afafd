"""Shared fixtures: the shared page and the 1998 corpus, read from ../shared at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.pfr import shared_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "corpus").is_dir():
        pytest.skip(f"shared data not found at {path} (set PIPELINE_SHARED)")
    return path


@pytest.fixture(scope="session")
def page_raw(shared: Path) -> str:
    return (shared / "corpus" / "wic2023-wuzhen.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pfr_path(shared: Path) -> Path:
    path = shared / "pfr1998" / "dev.spans.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"1998 corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def pfr_corpus(tmp_path_factory: pytest.TempPathFactory, pfr_path: Path) -> Path:
    """Every fourth 1998 article as a file (223 articles from all ten days), written at run time."""
    from pipeline.evaluate.pfr_files import write_articles

    folder = tmp_path_factory.mktemp("pfr_corpus")
    write_articles(folder, every=4, path=pfr_path)
    return folder


@pytest.fixture(scope="session")
def pfr_tables(pfr_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pfr_corpus`` run by one process, never interrupted: what every other kind of run must equal."""
    from pipeline.run import run

    out = tmp_path_factory.mktemp("pfr_tables")
    run(pfr_corpus, out)
    return out

