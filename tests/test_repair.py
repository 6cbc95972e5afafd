"""OCR repair on the shared page: every gold repair check, and each rule on the text that made it."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate.gold_match import fold
from pipeline.repair import repair
from pipeline.repair.garble import is_garbled


@pytest.fixture(scope="module")
def page(page_raw):
    return repair(page_raw)


@pytest.fixture(scope="module")
def gold(shared):
    return json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))


def test_every_must_contain_check_passes(page, gold):
    text = page.text
    missing = [s for s in gold["repair"]["must_contain"] if fold(s) not in fold(text)]
    assert missing == []


def test_no_must_not_contain_check_fails(page, gold):
    text = page.text + "\n"
    present = [s for s in gold["repair"]["must_not_contain"] if s in text.replace("\n\n", "\n")]
    assert present == []


def test_paragraph_starts(page, gold):
    starts = [fold(b.text) for b in page.blocks]
    for expected in gold["repair"]["paragraph_starts"]:
        assert any(s.startswith(fold(expected)) for s in starts), expected


def test_headings_are_exactly_the_gold_headings(page, gold):
    assert [b.text for b in page.blocks if b.kind == "heading"] == gold["headings"]


def test_spaces_inside_words_are_gone_but_editor_names_stay_apart(page):
    assert "用一项项成果推动构建网络空间命运共同体" in page.text
    editors = [b.text for b in page.blocks if b.kind == "editors"]
    assert editors == ["本版责编：韩秉宸 张远南 李安琪 版式设计：张芳曼"]


def test_displaced_tail_is_reattached_and_the_glued_paragraph_stands_alone(page):
    host = next(b for b in page.blocks if "拉斐尔·伊万格利斯塔说" in b.text)
    assert host.text.endswith("联手解决互联网领域相关的问题。”")
    glued = page.blocks[page.blocks.index(host) + 1]
    assert glued.text.startswith("过去10年中，中国企业建设了非洲一半以上无线站点")
    kinds = {e.kind: e for e in page.edits}
    assert kinds["displaced_tail"].confidence >= 0.7 and kinds["paragraph_split"].before == " "


def test_captions_and_credits_are_never_merged_into_body(page):
    kinds = [b.kind for b in page.blocks]
    assert kinds.count("caption") == 5 and kinds.count("credit") == 5
    assert all(not b.text.startswith("图") for b in page.blocks if b.kind == "body")
    assert next(b.text for b in page.blocks if b.kind == "caption").startswith("图①：2023年世界互联网大会")


def test_half_width_punctuation_in_chinese_becomes_full_width_but_latin_stays(page):
    assert "姚颖康摄（影像中国）" in page.text
    assert "体验5G+VR摩托车" in page.text
    assert "围绕“建设包容、普惠、有韧性的数字世界——携手构建网络空间命运共同体”主题" in page.text
    assert "," not in page.text.replace("5G+VR", "")


def test_only_the_garbled_paragraph_is_flagged(page):
    flagged = [b.text for b in page.blocks if b.quality == "garbled"]
    assert len(flagged) == 1 and "巴西中国问题研究自理问题的巴西经济学家" in flagged[0]


def test_every_edit_points_at_what_it_replaced(page, page_raw):
    for edit in page.edits:
        assert page_raw[edit.raw_start : edit.raw_end] == edit.before


def test_every_character_leads_back_to_the_raw_page(page, page_raw):
    for block in page.blocks:
        assert len(block.offsets) == len(block.text)
        pairs = [(fold(page_raw[o]), fold(ch)) for o, ch in zip(block.offsets, block.text) if fold(ch)]
        assert sum(a == b for a, b in pairs) / len(pairs) > 0.95, block.text


def test_real_yi_is_never_turned_into_a_dash(page):
    for word in ("一带一路", "一项项", "一张张", "一方面", "一体", "一名", "一次"):
        assert word in page.text


def test_clean_1998_paragraphs_are_left_alone(pfr_path):
    """Apart from the width folds, repair must not touch clean People's Daily text."""
    from pipeline.evaluate.pfr import read_paragraphs
    from pipeline.repair.width import fold_width

    changed = total = 0
    for record in read_paragraphs(pfr_path, limit_articles=60):
        result = repair(record["text"])
        total += len(record["text"])
        changed += sum(e.raw_end - e.raw_start for e in result.edits if e.kind != "width")
        assert result.text == fold_width(record["text"]).strip() or any(e.kind != "width" for e in result.edits)
    assert changed / total < 0.001


def test_garble_detector_is_quiet_on_all_1998_paragraphs(pfr_path):
    from pipeline.evaluate.pfr import read_paragraphs

    flagged = [r["id"] for r in read_paragraphs(pfr_path) if is_garbled(r["text"])]
    assert flagged == []


def test_a_pdf_exports_page_furniture_is_dropped_and_the_paragraph_goes_on():
    """pdftotext of a page of several PDF pages prints a page number between them and the page's head
    again atop the next: neither is text, and the paragraph they cut is one (a page written here)."""
    raw = (
        "人民日报 2021年11月4日 星期四 第 4 版\n2020年度国家科学技术奖揭晓\n"
        "本报北京11月3日电 据科技部介绍，其中国家自然科学奖46项、国家技术发明奖61项、\n"
        "— 1 —\n人民日报 2021年11月4日 星期四 第 4 版\n国家科学技术进步奖157项。\n— 2 —\n"
    )
    repaired = repair(raw)
    assert [b.text for b in repaired.blocks][1:] == [
        "2020年度国家科学技术奖揭晓",
        "本报北京11月3日电据科技部介绍，其中国家自然科学奖46项、国家技术发明奖61项、国家科学技术进步奖157项。",
    ]
    # nothing is lost unsaid: the furniture's text is in the log as dropped junk
    assert "".join(e.before for e in repaired.edits if e.kind == "junk") == "—1—人民日报2021年11月4日星期四第4版—2—"
