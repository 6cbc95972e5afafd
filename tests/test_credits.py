"""Credits, datelines and titles on the shared page, the project's articles and pattern texts."""

from __future__ import annotations

import pytest
from attribution_support import blocks, gold_articles

from pipeline.evaluate.gold_match import fold
from pipeline.evaluate.gold_page import CREDIT_ROLES
from pipeline.extract.credits import dateline, find_credits, title_and_headings
from pipeline.repair import repair


def _names(credits, role):
    return [c.name for c in credits if c.role == role]


def test_shared_page_editors_and_layout_exactly(page_raw):
    credits = find_credits(repair(page_raw).blocks)
    assert _names(credits, "editor") == ["韩秉宸", "张远南", "李安琪"]
    assert _names(credits, "layout") == ["张芳曼"]
    assert _names(credits, "photographer") == ["姚颖康", "张博岚", "杨小明", "李震宇", "朱迪锋"]


def test_shared_page_has_no_title_but_three_headings(page_raw, shared):
    import json

    gold = json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))
    title, headings = title_and_headings(repair(page_raw).blocks)
    assert title == "" and [fold(h) for h in headings] == [fold(h) for h in gold["headings"]]
    assert dateline(repair(page_raw).blocks) is None


@pytest.mark.parametrize("name,article,gold", gold_articles(), ids=lambda v: v if isinstance(v, str) else "")
def test_project_articles(name, article, gold):
    credits = find_credits(article)
    for key, names in (gold.get("page_credits") or {}).items():
        assert _names(credits, CREDIT_ROLES.get(key, key)) == names
    assert sorted((c.role, c.name) for c in credits if c.role in ("reporter", "photographer")) == sorted(
        (c["role"], c["name"]) for c in gold.get("credits", [])
    )
    title, headings = title_and_headings(article)
    assert [fold(h) for h in headings] == [fold(h) for h in gold["headings"]]
    assert fold(title) == fold(gold["headings"][0])
    if "dateline" in gold:
        place, day = dateline(article)
        assert (place, f"{int(day.split('月')[0]):02d}-{int(day[:-1].split('月')[1]):02d}") == (
            gold["dateline"]["place"],
            gold["dateline"]["date"][5:],
        )


def test_byline_with_reporter_and_correspondent():
    credits = find_credits(blocks("本报记者  张三  李四  本报通讯员  王五", kind="byline"))
    assert [(c.role, c.name) for c in credits] == [
        ("reporter", "张三"),
        ("reporter", "李四"),
        ("correspondent", "王五"),
    ]


def test_dateline_staff_and_place():
    article = blocks("新华社华盛顿3月16日电（记者 张三 通讯员 李四）美国国会……")
    assert dateline(article) == ("华盛顿", "3月16日")
    assert [(c.role, c.name) for c in find_credits(article)] == [("reporter", "张三"), ("correspondent", "李四")]


def test_editors_line_with_other_labels():
    credits = find_credits(blocks("责任编辑：王一 制图：赵二", kind="editors"))
    assert [(c.role, c.name) for c in credits] == [("editor", "王一"), ("graphics", "赵二")]


def test_kicker_and_subtitle_around_the_title():
    article = blocks("经济观察", "县域经济发展的新路子", "——来自浙江的调查", "本报记者 张三", "正文第一段。")
    article[3] = article[3]._replace(kind="byline")
    assert title_and_headings(article) == ("县域经济发展的新路子", ["县域经济发展的新路子", "——来自浙江的调查"])


@pytest.mark.parametrize("junk", [[], blocks(""), blocks("本版责编：", kind="editors"), blocks("本报北京电")])
def test_junk_gives_nothing(junk):
    assert find_credits(junk) == [] and dateline(junk) is None


def test_two_character_names_set_at_the_width_of_three():
    """People's Daily spaces a two-character name out (苏　滨) beside three-character ones; OCR gives plain spaces."""
    raw = "本报记者 苏 滨 汪志球\n\n　　正文第一段。\n\n本版责任编辑：王 静　刘 阳\n"
    credits = find_credits(repair(raw).blocks)
    assert _names(credits, "reporter") == ["苏滨", "汪志球"]
    assert _names(credits, "editor") == ["王静", "刘阳"]
