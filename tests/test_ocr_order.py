"""What is left of block order: the ceiling of putting engine blocks in order, and the seams left open."""

from __future__ import annotations

from typing import NamedTuple

from pipeline.evaluate.ocr_order import SEAM_CLASSES, engine_blocks, order_ceiling, wrong_seams
from pipeline.evaluate.ocr_pages import OcrPage
from pipeline.evaluate.ocr_render import DrawnBlock
from pipeline.repair import repair

#: an article written for this test (the 1998 text never enters the repository)
DRAWN = [
    DrawnBlock("title", "山区小镇的节日", "t-1"),
    DrawnBlock("body", "新年前夕，记者来到西南山区的一个小镇。街道两旁挂满了红灯笼。", "t-2"),
    DrawnBlock("body", "镇长告诉记者，去年全镇修通了三条公路。", "t-3"),
]
#: the engine printed the paragraph's tail before its head, cut inside 山区
RAW = "山区小镇的节日\n\n区的一个小镇。街道两旁挂满了\n红灯笼。\n\n新年前夕，记者来到西南山\n\n镇长告诉记者，去年全镇修通\n了三条公路。"


class _Block(NamedTuple):
    text: str
    offsets: list[int]


class _Result(NamedTuple):
    blocks: list[_Block]

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def _as_printed(raw: str) -> _Result:
    """A repair that keeps the engine's order and only drops the blanks."""
    blocks = []
    for start, end in engine_blocks(raw):
        kept = [(ch, i) for i, ch in enumerate(raw[start:end], start) if not ch.isspace()]
        blocks.append(_Block("".join(ch for ch, _ in kept), [i for _, i in kept]))
    return _Result(blocks)


PAGE = OcrPage("p", ["t-1", "t-2", "t-3"], DRAWN, RAW)


def test_engine_blocks_are_the_text_between_blank_lines():
    assert [RAW[s:e][:4] for s, e in engine_blocks(RAW)] == ["山区小镇", "区的一个", "新年前夕", "镇长告诉"]


def test_every_seam_is_open_when_the_engine_order_is_kept():
    seams, wrong = wrong_seams(PAGE, _as_printed)
    assert sum(seams.values()) == 3 and wrong == seams
    assert seams == {SEAM_CLASSES[0]: 1, SEAM_CLASSES[2]: 1, SEAM_CLASSES[1]: 1}  # 山|区: a word across


def test_blocks_given_in_the_drawn_order_leave_no_layout_damage_after_repair():
    before, after = order_ceiling(PAGE, repair)
    assert before > 0 and after == 0


def test_a_seam_closed_is_not_counted():
    in_drawn_order = [1, 0, 2]  # the engine's blocks 0..3 after the title: head, tail, next paragraph

    def reordered(raw: str) -> _Result:
        title, *rest = _as_printed(raw).blocks
        return _Result([title, *(rest[k] for k in in_drawn_order)])

    seams, wrong = wrong_seams(PAGE, reordered)
    assert sum(seams.values()) == 3 and sum(wrong.values()) == 0
