"""Repair on pages written the way different engines write them (pages made up for these tests).

One page per engine style: an engine that keeps the printed lines of each
column (tesseract), one that emits layout blocks (a paragraph per line,
columns cut mid-sentence), a layout tool's Markdown (MinerU), and a PDF's
text (pdftotext, form feeds between pages).  Each failure class of issue 10
has a case here; the expected text is what the page printed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.corpus import decode
from pipeline.evaluate.ocr_render import wrap
from pipeline.repair import repair


def _blocks(raw: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in repair(raw).blocks]


def _texts(raw: str) -> list[str]:
    return [b.text for b in repair(raw).blocks]


class _Grid:
    """A font whose every character is one em wide (to set a column as the harness does)."""

    def getlength(self, text: str) -> float:
        return float(len(text))


def _set_in_column(paragraphs: list[str], width: int = 14) -> str:
    """Lines as an engine that keeps them prints a column: first lines indented two characters."""
    return "\n".join(line for p in paragraphs for line in wrap(p, width, _Grid(), indent=2))


PARAGRAPHS = [
    "新年前夕，记者来到西南山区的一个小镇。街道两旁挂满了红灯笼，商店里人来人往，处处洋溢着节日的气氛。",
    "镇长告诉记者，去年全镇修通了三条公路，农民的收入明显增加了。今年还要建一所新的中学。",
]
# A column 14 characters wide, as tesseract prints it: every printed line is a line,
# blocks are separated by a blank line, a photo caption and its credit sit inside the column.
TESSERACT_PAGE = (
    "山区小镇迎来新年\n\n"
    + _set_in_column(PARAGRAPHS)
    + "\n\n图为小镇的新街道。\n新华社记者 王五摄\n\n"
    + _set_in_column(["一位老人说: “日子一年比一年好了! ”他家去年卖了两头牛，盖起了新房。"])
)


def test_engine_line_breaks_inside_a_block_are_joined_and_paragraphs_kept():
    assert "\n" in TESSERACT_PAGE.split("\n\n")[1]
    assert _texts(TESSERACT_PAGE)[1:3] == PARAGRAPHS


def test_a_credit_ends_the_caption_block_and_the_body_after_it_stands_alone():
    blocks = _blocks(TESSERACT_PAGE)
    assert ("credit", "新华社记者 王五摄") in blocks
    credit = blocks.index(("credit", "新华社记者 王五摄"))
    assert blocks[credit - 1][1] == "图为小镇的新街道。"
    assert blocks[credit + 1] == ("body", "一位老人说：“日子一年比一年好了！”他家去年卖了两头牛，盖起了新房。")


def test_the_lines_above_a_credit_in_its_block_are_one_caption_never_glued_to_the_body():
    """Tesseract prints a caption's lines and its credit as one block (the credit's bracket read
    as 《); the paragraph the photo cut runs on before it and after it."""
    raw = "镇上修通了三条公路，农民的\n\n公路两旁种满了杨树，新修\n的公路通到了每个村子。\n《新华社记者王五摄)\n\n收入明显增加了。"
    assert _blocks(raw) == [
        ("body", "镇上修通了三条公路，农民的"),
        ("caption", "公路两旁种满了杨树，新修的公路通到了每个村子。"),
        ("credit", "（新华社记者王五摄）"),
        ("body", "收入明显增加了。"),
    ]
    assert [e.kind for e in repair(raw).edits].count("line_break") == 1  # the caption's one newline, logged once


def test_a_photo_that_cuts_a_paragraph_keeps_its_caption_and_the_paragraph_is_joined_around_it():
    """Tesseract prints the caption and its credit as blocks of their own, between the two halves
    of the paragraph the photo cut; the caption's first line is as full as the paragraph's."""
    paragraph = ("镇长告诉记者，去年全镇修通了三条公路，运菜进城的时间少了一半，菜价也稳了下来，"
                 "农民的收入明显增加了。今年还要建一所新的中学，让山里的孩子在家门口上学。")
    lines = _set_in_column([paragraph]).split("\n")
    caption = "镇上新修的公路两旁种满了杨树，一直通到每个村子。"
    raw = ("山区小镇迎来新年\n\n" + _set_in_column(PARAGRAPHS[:1]) + "\n\n" + "\n".join(lines[:4])
           + "\n\n" + caption[:14] + "\n" + caption[14:] + "\n\n（新华社记者王五摄）\n\n" + "\n".join(lines[4:]))
    assert _blocks(raw)[2:] == [("body", paragraph), ("caption", caption), ("credit", "（新华社记者王五摄）")]
    kinds = [e.kind for e in repair(raw).edits]
    assert kinds.count("block_moved") == kinds.count("block_placed") == 2  # the caption and the credit, put after the paragraph


def test_a_short_line_whose_word_runs_on_past_a_photo_is_no_heading():
    raw = ("山区小镇迎来新年\n\n" + _set_in_column(PARAGRAPHS[:1]) + "\n\n  镇长来到了城东的新\n\n"
           + "图为小镇的新街道。\n\n（新华社记者王五摄）\n\n建小区，看望刚刚搬进新房的几户\n农民。")
    assert _blocks(raw)[2:] == [("body", "镇长来到了城东的新建小区，看望刚刚搬进新房的几户农民。"),
                                ("caption", "图为小镇的新街道。"), ("credit", "（新华社记者王五摄）")]


def test_the_title_stays_a_heading():
    assert _blocks(TESSERACT_PAGE)[0] == ("heading", "山区小镇迎来新年")


# Tesseract's misreadings of marks, each in a sentence of its own.
@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("新华社北京]月2日电〈记者王五)今天上午，会议开幕。", "新华社北京1月2日电（记者王五）今天上午，会议开幕。", id="] for 1, 〈 for （"),
        pytest.param("这一年有三个特点: @@产量增长@@效益提高。", "这一年有三个特点：●产量增长●效益提高。", id="@ for ●"),
        pytest.param("春天来到了偏僻的山村一-一石桥镇。", "春天来到了偏僻的山村——石桥镇。", id="一-一 for ——"),
        pytest.param("经济学家索尔.埃斯特林说，改革要稳步推进。", "经济学家索尔·埃斯特林说，改革要稳步推进。", id=". for · in a foreign name"),
        pytest.param("该厂始建于1 9 9 6年，1月1 7日投产。", "该厂始建于1996年，1月17日投产。", id="digits read one by one"),
        pytest.param("他问: 你去吗? 我说: 去! ", "他问：你去吗？我说：去！", id="ASCII marks and a space"),
    ],
)
def test_tesseract_misreadings_are_fixed(raw, expected):
    assert repair(raw).text == expected


def test_a_real_adverb_yiyi_and_a_numeral_stay():
    assert repair("他一一介绍了参加“二一一工程”的学校。").text == "他一一介绍了参加“二一一工程”的学校。"


def test_columns_read_across_are_unwoven_and_the_rules_dropped():
    raw = (
        "今年全省粮食总产量达到 | 在新的一年里，全省将继续\n"
        "新的水平，农民收入稳步 | 加大农业投入，推广良种和\n"
        "增长，农村面貌焕然一新。| 先进的种植技术。"
    )
    assert _texts(raw) == [
        "今年全省粮食总产量达到新的水平，农民收入稳步增长，农村面貌焕然一新。",
        "在新的一年里，全省将继续加大农业投入，推广良种和先进的种植技术。",
    ]


# An engine that emits layout blocks: each paragraph on one line, a column break
# leaves a paragraph cut in two blocks.
def test_a_short_ocr_line_is_not_a_heading_when_the_sentence_goes_on():
    raw = "1月1 7日晚，莫斯科\n\n红场上人头攒动，人们迎接新年的到来。"
    assert _blocks(raw) == [("body", "1月17日晚，莫斯科红场上人头攒动，人们迎接新年的到来。")]


def test_a_column_break_head_ending_on_a_conjunction_is_joined_whatever_its_length():
    raw = "研讨会于昨日开幕。本届研讨会由某大学和\n\n\n\n多家研究机构共同主办，吸引了很多学者参加。"
    assert _blocks(raw) == [("body", "研讨会于昨日开幕。本届研讨会由某大学和多家研究机构共同主办，吸引了很多学者参加。")]
    assert _blocks("本届研讨会由某大学和\n\n多家研究机构共同主办。")[0][0] == "body"


def test_a_dateline_after_an_unfinished_block_starts_a_paragraph():
    raw = "总理在港时会见董建华等\n\n新华社北京1月2日电 今天上午，会议开幕。"
    assert len(_texts(raw)) == 2


def test_mixed_quotation_marks_are_paired():
    assert repair('学校办起了“中文角"，还举办了"丝路杯”演讲比赛。').text == "学校办起了“中文角”，还举办了“丝路杯”演讲比赛。"


def test_verse_lines_stay_apart():
    raw = "春风吹过山冈\n小河旁开满了花\n孩子们在田野里\n放飞一只风筝\n飞过了\n村口的老槐树"
    assert len(_texts(raw)) == 6


# A layout tool's Markdown (MinerU style): half-width ideographic marks, heading
# markers, image lines, single newlines and blank lines both ending paragraphs.
MINERU_PAGE = """\
### 乡村振兴的新路子

![](images/3f2a.jpg)

2024 年以来｡该县推进产业､文化融合发展｡
村民的收入明显增长｡

产业兴旺是关键｡"""


def test_layout_tool_markdown():
    assert _blocks(MINERU_PAGE) == [
        ("heading", "乡村振兴的新路子"),
        ("body", "2024年以来。该县推进产业、文化融合发展。"),
        ("body", "村民的收入明显增长。"),
        ("body", "产业兴旺是关键。"),
    ]


def test_layout_tool_markdown_caption_ending_in_a_halfwidth_full_stop_keeps_its_credit_apart():
    assert _blocks("图②:游客在新修的公路上骑车｡ 本报记者 王五摄") == [("caption", "图②：游客在新修的公路上骑车。"), ("credit", "本报记者 王五摄")]


# A PDF's text: pdftotext separates pages by a form feed; a file piped through a
# terminal carries colour codes and stray control characters.
def test_a_form_feed_is_a_page_break():
    assert _texts("第一版最后一段到此结束。\f第二版的第一段开始了。") == ["第一版最后一段到此结束。", "第二版的第一段开始了。"]


def test_control_characters_and_escape_codes_are_removed_and_logged():
    text, _ = decode("\x1b[1m新华社\x1b[0m北京电\x07，记者报道。".encode())
    result = repair(text)
    assert result.text == "新华社北京电，记者报道。"
    assert sorted({e.kind for e in result.edits}) == ["control"]
    assert "".join(e.before for e in result.edits) == "\x1b[1m\x1b[0m\x07"


@pytest.mark.parametrize(
    "raw",
    ["\f", "\f\f\n", "|||", "### ", "![]()", "@@", "]]", "〈)", "1 2 3", "\x1b[", "“\"", "一-一", "｡､"],
)
def test_odd_input_never_raises(raw):
    repair(raw)


_ODD = "中国新华社北京月日电，。、：；“”\"'（）()〈〉[]@●一-—·.:|#!？?%1 2\n\n\f\x07\x1b｡､摄供图本报记者"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ODD, max_size=120))
def test_repair_never_raises_and_every_character_leads_back_to_the_raw_text(raw):
    result = repair(raw)
    for block in result.blocks:
        assert len(block.offsets) == len(block.text)
        assert all(0 <= offset < len(raw) for offset in block.offsets)
    for edit in result.edits:
        assert raw[edit.raw_start : edit.raw_end] == edit.before
