"""The OCR harness: pages drawn, read back by tesseract, scored; skipped where tesseract is missing.

Tesseract (``tesseract-ocr``, ``tesseract-ocr-chi-sim``) and the Noto CJK fonts
are Debian packages, not on CI's required path: the tests that need them skip
with the reason :func:`missing_tools` gives.
"""

from __future__ import annotations

import random
import shutil

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import ocr_pages as harness
from pipeline.evaluate.ocr_render import DrawnBlock, render_page
from pipeline.evaluate.ocr_score import page_damage, raw_pieces, repaired_pieces, score_page
from pipeline.repair import repair

runner = CliRunner()


def _engine_missing() -> str | None:
    reason = harness.missing_tools()
    return None if reason is None or "1998 corpus" in reason else reason


needs_tesseract = pytest.mark.skipif(_engine_missing() is not None, reason=str(_engine_missing()))

#: an article written for this test (the 1998 text never enters the repository)
TITLE = DrawnBlock("title", "山区小镇迎来新年", "t-1")
BODY = [
    DrawnBlock("body", "新年前夕，记者来到西南山区的一个小镇。街道两旁挂满了红灯笼，商店里人来人往，处处洋溢着节日的气氛。", "t-2"),
    DrawnBlock("body", "镇长告诉记者，去年全镇修通了三条公路，农民的收入明显增加了。今年还要建一所新的中学，让孩子们在家门口上学。", "t-3"),
    DrawnBlock("body", "一位老人说，日子一年比一年好了。他家去年卖了两头牛，盖起了新房，还买了一台彩色电视机。", "t-4"),
    DrawnBlock("body", "夜幕降临，小镇的广场上响起了锣鼓声。人们跳起舞来，欢迎新的一年的到来。", "t-5"),
]
CAPTION = (DrawnBlock("caption", "图为小镇的新街道。", "t-6"), DrawnBlock("credit", "（新华社记者王五摄）", "t-6"))


@pytest.fixture(scope="module")
def drawn_page():
    if _engine_missing():
        pytest.skip(_engine_missing())
    page = render_page(TITLE, BODY, CAPTION, random.Random(7))
    return page, harness.read_with_tesseract(page.image)


def test_the_drawn_text_is_every_block_once_with_the_caption_after_the_paragraph_it_cut():
    pytest.importorskip("PIL")
    if harness.find_font("NotoSerifCJK-Regular.ttc") is None:
        pytest.skip("fonts-noto-cjk is not installed")
    page = render_page(TITLE, BODY, CAPTION, random.Random(7))
    kinds = [b.kind for b in page.blocks]
    assert sorted(b.text for b in page.blocks) == sorted(b.text for b in [TITLE, *BODY, *CAPTION])
    assert kinds[0] == "title" and kinds.index("credit") == kinds.index("caption") + 1
    assert kinds[kinds.index("caption") - 1] == "body"


@needs_tesseract
def test_tesseract_reads_the_page_back_and_repair_lowers_the_error_rate(drawn_page):
    page, ocr_text = drawn_page
    truth = "\n\n".join(b.text for b in page.blocks)
    before = page_damage(ocr_text, truth, raw_pieces(ocr_text))
    result = repair(ocr_text)
    after = page_damage(result.text, truth, repaired_pieces(ocr_text, result.blocks))
    assert before.total / len(truth) < 0.6  # the engine read the page
    assert "\n" in ocr_text.strip().split("\n\n")[1]  # and kept its printed lines
    assert after.total < before.total
    assert after.spacing < before.spacing


def test_a_page_round_trips_through_the_cache(tmp_path):
    pytest.importorskip("PIL")
    from PIL import Image

    page = harness.OcrPage("19980101-01-001", ["19980101-01-001-001"], [TITLE, *BODY], "山区小镇\n迎来新年")
    path = tmp_path / "test" / "19980101-01-001.json"
    harness._save(path, page, Image.new("L", (4, 4), 255))
    assert harness._load(path) == page
    assert path.with_suffix(".png").is_file()


def test_a_page_drawn_by_an_older_renderer_is_drawn_again(tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"render_version": 0}', encoding="utf-8")
    assert harness._load(path) is None


def test_score_page_counts_what_repair_removes():
    page = harness.OcrPage("p", ["p-1"], [TITLE, *BODY[:1]], "山区小镇迎来新年\n\n新年前夕，记者来到西南山\n区的一个小镇。街道两旁挂满了\n红灯笼，商店里人来人往，处处\n洋溢着节日的气氛。")
    score = score_page(page, repair)
    assert score.raw.misread == 0 and score.raw.spacing > 0
    assert score.repaired.total == 0


def test_splits_are_named():
    with pytest.raises(ValueError, match="dev, test"):
        harness.split_days("train")


def test_eval_needs_a_gold_file_or_ocr_pages():
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2 and "--ocr-pages" in result.output


def test_eval_rejects_an_unknown_split():
    result = runner.invoke(app, ["eval", "--ocr-pages", "1", "--ocr-split", "train"])
    assert result.exit_code == 2 and "dev, test or both" in result.output


@pytest.mark.skipif(harness.missing_tools() is not None, reason=str(harness.missing_tools()))
def test_eval_ocr_pages_reports_repair_and_entities_per_split(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_OCR_CACHE", str(tmp_path))
    result = runner.invoke(app, ["eval", "--ocr-pages", "1", "--ocr-split", "test", "--json"])
    assert result.exit_code == 0, result.output
    assert "layout damage removed" in result.output and "entity F1 ratio OCR / drawn" in result.output
    assert len(list((tmp_path / "test").glob("*.json"))) == 1
    shutil.rmtree(tmp_path / "test")


def test_another_layout_draws_the_same_article_otherwise():
    pytest.importorskip("PIL")
    if harness.find_font("NotoSerifCJK-Regular.ttc") is None:
        pytest.skip("fonts-noto-cjk is not installed")
    paragraphs = [(b.paragraph_id, b.text) for b in [TITLE, *BODY]]
    first, again, second = (harness.draw_article("t", paragraphs, [], layout) for layout in (1, 1, 2))
    assert first.blocks == again.blocks == second.blocks
    assert first.image.tobytes() == again.image.tobytes() and first.image.tobytes() != second.image.tobytes()


def test_eval_rejects_a_layout_below_one():
    result = runner.invoke(app, ["eval", "--ocr-pages", "1", "--ocr-layout", "0"])
    assert result.exit_code == 2 and "numbered from 1" in result.output
