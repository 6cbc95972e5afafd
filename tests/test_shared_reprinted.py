"""The shared page as other engines would print it; what each test holds does not depend on the
artefacts of re-setting the page (named in each case).

* In columns, as a line-keeping engine (tesseract) prints a page: every paragraph set in a column
  of 14 slots, each printed line a line of text, a blank line between blocks, the page's own
  half-width marks kept (each took a full slot in print).  Its first column break is indented
  like a paragraph and its displaced tail's space may fall at a line end, so the repair checks
  and the quotes around them are not held; the layout kinds, names, captions and editors are.
* As layout blocks, an engine that prints a paragraph a line: every paragraph longer than 120
  characters cut by a column break at three fifths (inside a quotation, inside the paragraph a
  displaced tail was glued to).  Everything is held.
* As a PDF converter gives it: paragraphs wrapped in lines of 20 slots with no blank line
  between them, each paragraph's first line opened by ``　　``.  The displaced tail's space falls
  at a line end here, so the repair checks and that quotation are not held.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.reprint import as_converted, cut_by_column_breaks, set_in_columns

runner = CliRunner()


def _scores(shared: Path, root: Path, reprint) -> dict:
    corpus, out = root / "corpus", root / "out"
    corpus.mkdir()
    page = (shared / "corpus" / "wic2023-wuzhen.txt").read_text(encoding="utf-8")
    (corpus / "wic2023-wuzhen.txt").write_text(reprint(page) + "\n", encoding="utf-8")
    run = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--reference-date", "2023-11-20"])
    assert run.exit_code == 0, run.stderr
    result = runner.invoke(app, ["eval", str(out), "--gold", str(shared / "gold" / "wic2023-wuzhen.gold.json"), "--json"])
    report = json.loads(result.stdout)
    return {(s["name"], r["metric"]): r["value"] for s in report["sections"] for r in s["rows"]}


@pytest.fixture(scope="module")
def figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _scores(shared, tmp_path_factory.mktemp("columns"), set_in_columns)


@pytest.fixture(scope="module")
def converted_figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _scores(shared, tmp_path_factory.mktemp("converted"), as_converted)


@pytest.fixture(scope="module")
def block_figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _scores(shared, tmp_path_factory.mktemp("blocks"), cut_by_column_breaks)


def test_the_page_is_really_set_in_lines(page_raw: str):
    lines = set_in_columns(page_raw).splitlines()
    assert max(len(line) for line in lines) < 30 and len(lines) > 250


def test_headings_are_the_three_and_no_caption_or_editors_line_becomes_one(figures):
    assert figures[("headings", "precision")] == figures[("headings", "recall")] == 1.0


def test_names_hold(figures):
    assert figures[("entities", "overall F1")] >= 0.98


def test_captions_run_on_over_their_lines_and_a_label_split_from_its_colon_is_kept(figures):
    assert figures[("captions", "found")] >= 0.8


def test_the_editors_line_runs_on_and_keeps_its_names_apart(figures):
    assert figures[("credits", "editor exact")] == figures[("credits", "layout exact")] == 1.0


def test_layout_blocks_cut_by_column_breaks_score_as_the_page_itself(page_raw: str, block_figures):
    assert cut_by_column_breaks(page_raw).count("\n\n") > page_raw.count("\n\n") + 10
    assert block_figures[("repair", "passed")] == 1.0
    assert block_figures[("entities", "overall F1")] == 1.0
    assert block_figures[("quotes", "found")] == 1.0  # one quotation is cut after a sentence end inside it


def test_a_converters_indented_lines_start_paragraphs_and_keep_headings_captions_and_editors(page_raw: str, converted_figures):
    assert "\n\n" not in as_converted(page_raw).strip()
    figures = converted_figures
    assert figures[("headings", "precision")] == figures[("headings", "recall")] == 1.0
    assert figures[("captions", "found")] == 1.0  # 图为 at a line's start goes on with its labelled caption
    assert figures[("credits", "editor exact")] == figures[("credits", "layout exact")] == 1.0
    assert figures[("entities", "overall F1")] >= 0.97
