"""The shared page as a line-keeping engine (tesseract) would print it: every paragraph set in a
column of 14 slots, each printed line a line of text, a blank line between blocks, the page's own
half-width marks kept (each took a full slot in print).  Its first paragraph-start cut and its
displaced tail are artefacts of this re-setting (the column break is indented like a paragraph,
and the tail's space may fall at a line end), so only what does not depend on them is held here:
the layout kinds, the names, the captions and the editors' line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.ocr_render import wrap

runner = CliRunner()
COLUMN = 14


class _PrintedWidths:
    """A font in which digits and Latin letters are half a slot and every mark a whole one."""

    def getlength(self, ch: str) -> float:
        if ch == " ":
            return 0.0
        return 0.5 if ch.isascii() and ch.isalnum() else 1.0


def set_in_columns(page: str) -> str:
    paragraphs = [p.strip() for p in page.splitlines() if p.strip()]
    return "\n\n".join("\n".join(wrap(p, COLUMN, _PrintedWidths(), indent=2)) for p in paragraphs) + "\n"


@pytest.fixture(scope="module")
def figures(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("columns")
    corpus, out = root / "corpus", root / "out"
    corpus.mkdir()
    page = (shared / "corpus" / "wic2023-wuzhen.txt").read_text(encoding="utf-8")
    (corpus / "wic2023-wuzhen.txt").write_text(set_in_columns(page), encoding="utf-8")
    run = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--reference-date", "2023-11-20"])
    assert run.exit_code == 0, run.stderr
    result = runner.invoke(app, ["eval", str(out), "--gold", str(shared / "gold" / "wic2023-wuzhen.gold.json"), "--json"])
    report = json.loads(result.stdout)
    return {(s["name"], r["metric"]): r["value"] for s in report["sections"] for r in s["rows"]}


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
