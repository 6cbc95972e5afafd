"""Blocks of a page set in columns, emitted by the engine with the columns interleaved
(pages made up for these tests, set as the OCR harness sets them)."""

from __future__ import annotations

from pipeline.evaluate.ocr_render import wrap
from pipeline.repair import repair
from pipeline.repair.block_shapes import run_shape
from pipeline.repair.columns import reorder_blocks
from pipeline.repair.continuations import DETACHED_BITS, MARGIN_BITS, MIN_BITS, continuation_links, loose_links
from pipeline.repair.junction_bits import route_gain

WIDTH = 10


class _Grid:
    def getlength(self, text: str) -> float:
        return float(len(text))


def _lines(paragraph: str) -> list[str]:
    return wrap(paragraph, WIDTH, _Grid(), indent=2)


PARK = "今年春天，城市东边的新公园正式开放，市民们每天清晨都来这里散步锻炼，湖边的柳树长出了嫩绿的新芽，孩子们在草地上放风筝，老人们在亭子里下棋聊天。"
LIBRARY = "图书馆的新馆也在同一天开门迎客，馆里有三十万册藏书和一个宽敞明亮的阅览室，周末常常座无虚席，不少学生从早到晚都在这里复习功课。"


def _interleaved() -> str:
    """Each paragraph cut into two blocks of its column, the columns' blocks interleaved, as
    tesseract emits them: park head, library head, park tail, library tail."""
    park, library = _lines(PARK), _lines(LIBRARY)
    blocks = [["春天的新公园"], park[:3], library[:3], park[3:], library[3:]]
    return "\n\n".join("\n".join(block) for block in blocks)


def _column_top_first() -> str:
    """The top of the second column (the park's tail, itself two blocks) read before the bottom
    of the first (the park's head, cut at 柳|树)."""
    park, library = _lines(PARK), _lines(LIBRARY)
    assert park[3].endswith("湖边的柳") and park[6].endswith("下棋聊") and park[7] == "天。"
    blocks = [["春天的新公园"], park[4:7], park[7:], park[:4], library]
    return "\n\n".join("\n".join(block) for block in blocks)


def test_the_cut_of_the_set_page_falls_inside_a_word():
    park, library = _lines(PARK), _lines(LIBRARY)
    assert park[2].endswith("都来这") and park[3].startswith("里")  # 这|里
    assert library[2].endswith("和一个") and library[3].startswith("宽敞")
    assert route_gain(park[2], park[3]) > 6 and route_gain(park[2], library[3]) == 0.0


def test_a_continuation_printed_before_its_head_goes_down_after_it_with_what_follows():
    raw = _column_top_first()
    result = repair(raw)
    assert [b.text for b in result.blocks] == ["春天的新公园", PARK, LIBRARY]
    moved = [e for e in result.edits if e.kind == "block_moved"]
    placed = [e for e in result.edits if e.kind == "block_placed"]
    assert len(moved) == len(placed) == 2  # the continuation, and the block carried along (聊|天)
    assert all(raw[m.raw_start : m.raw_end] == m.before for m in moved)
    assert sorted(m.before for m in moved) == sorted(p.after for p in placed)
    after = {p.after[:3]: raw[: p.raw_start] for p in placed}
    assert after["树长出"].endswith("湖边的柳") and after["天。"].endswith("下棋聊")
    # no join edit spans the text of another block
    assert all("图书馆" not in e.before for e in result.edits if e.kind in ("column_break", "line_break"))


def test_a_continuation_printed_after_other_blocks_is_not_moved_up():
    """A continuation printed later, behind a block that runs on (no seam), on a weak word
    (这|里, under MIN_BITS): the block cut off may be the one printed too early, so the
    engine's order stays."""
    result = repair(_interleaved())
    assert not [e for e in result.edits if e.kind.startswith("block_")]
    assert [b.text for b in result.blocks][0] == "春天的新公园"


def test_blocks_already_in_order_are_left_alone():
    park, library = _lines(PARK), _lines(LIBRARY)
    raw = "\n\n".join("\n".join(b) for b in [["春天的新公园"], park[:3], park[3:], library[:3], library[3:]])
    result = repair(raw)
    assert [b.text for b in result.blocks] == ["春天的新公园", PARK, LIBRARY]
    assert not [e for e in result.edits if e.kind.startswith("block_")]


def test_no_move_without_a_clear_word_across_the_cut():
    """A cut at a word boundary (…开放，/ 市民…) gives no evidence: the engine's order stays."""
    park, library = _lines(PARK), _lines(LIBRARY)
    assert park[1].endswith("开放，")
    raw = "\n\n".join("\n".join(b) for b in [park[:2], library[:3], park[2:], library[3:]])
    result = repair(raw)
    assert not [e for e in result.edits if e.kind.startswith("block_")]


def test_a_common_short_word_across_the_cut_is_no_evidence():
    """这|里, 我|们, 其|中: the left character is a word on its own and the pair a common word,
    worth 6-9 bits; wrong links on days 1-5 were mostly of this kind, so a link needs 9."""
    on = run_shape(["一二三四五六七八九十"] * 2, ["body"] * 2, WIDTH)
    head = on._replace(tail="市民们每天清晨都来这")
    other = run_shape(["图书馆的新馆也在", "同一天开门迎客。"], ["body"] * 2, WIDTH)
    assert 6 < route_gain(head.tail, "里散步锻炼") < MIN_BITS
    assert continuation_links([on._replace(head="里散步锻炼，湖边的柳"), other, head]) == {}


def test_a_page_without_columns_is_not_reordered():
    """One paragraph a line (the 1998 text, a layout engine's output): no common line width."""
    raw = "\n\n".join([PARK[:20], LIBRARY[:25], PARK[20:], LIBRARY[25:]])
    drafts_out, edits = reorder_blocks([], raw)
    assert drafts_out == [] and edits == []
    assert not [e for e in repair(raw).edits if e.kind.startswith("block_")]


def test_shapes_and_two_candidates_too_close_to_tell_apart():
    on = run_shape(["一二三四五六七八九十"] * 2, ["body"] * 2, WIDTH)
    assert (on.starts, on.ends) == ("on", "on")
    head = on._replace(tail="岸边种着一排排的柳")
    tails = [on._replace(head="树长出了嫩绿的新芽"), on._replace(head="树长得很高，枝条垂")]
    other = run_shape(["图书馆的新馆也在", "同一天开门迎客。"], ["body"] * 2, WIDTH)
    assert continuation_links([tails[0], other, head]) == {2: 0}
    assert continuation_links([*tails, other, head]) == {}  # 柳|树 both ways: no margin
    # printed after its head, behind a paragraph that ends: the continuation is detached, moved up
    assert continuation_links([head, other, tails[0]]) == {0: 2}
    # behind a block that may run on into it: its place may be its own, left alone
    assert continuation_links([head, on, tails[0]]) == {}


def test_a_stray_mark_is_not_a_paragraph_cut_off():
    """A lone character read off a photo (``杰``) makes a word with the next block (``杰|作``)
    but stops no paragraph: only a block of at least half a line can run on."""
    stray = run_shape(["杰"], ["body"], WIDTH)
    cut_off = run_shape(["一二三四五六七八九十", "岸边种着一排排的柳"], ["body"] * 2, WIDTH)
    after = run_shape(["作要挟，这种做法只能", "一二三四五六七八九十"], ["body"] * 2, WIDTH)
    other = run_shape(["图书馆的新馆也在", "同一天开门迎客。"], ["body"] * 2, WIDTH)
    assert route_gain(stray.tail, after.head) > 6
    assert continuation_links([after, other, stray]) == {}
    assert continuation_links([after._replace(head="树长出了嫩绿的新芽"), other, cut_off]) == {2: 0}


def _title_read_late(byline: str, title: str) -> str:
    """Tesseract's order on a page whose title spans the columns above them: the byline and the
    first lines of the left column, then the title, then the rest of the columns."""
    park, library = _lines(PARK), _lines(LIBRARY)
    blocks = [[byline], park[:4], [title], park[4:], library]
    return "\n\n".join("\n".join(block) for block in blocks)


def test_a_title_read_after_a_columns_first_lines_goes_back_in_front():
    raw = _title_read_late("本报记者王小明", "春天的新公园")
    result = repair(raw)
    assert [b.kind for b in result.blocks][:2] == ["heading", "byline"]
    assert [b.text for b in result.blocks] == ["春天的新公园", "本报记者王小明", PARK, LIBRARY]
    moved = [e for e in result.edits if e.kind == "block_moved"]
    placed = [e for e in result.edits if e.kind == "block_placed"]
    assert [m.before for m in moved] == [p.after for p in placed] == ["春天的新公园"]
    assert placed[0].raw_start == 0 and raw[moved[0].raw_start : moved[0].raw_end] == "春天的新公园"


def test_a_late_title_is_moved_after_a_dateline_or_an_authors_name_too():
    for opening in ("本报北京1月5日电", "王小明"):
        result = repair(_title_read_late(opening, "春天的新公园"))
        assert [b.text for b in result.blocks][0] == "春天的新公园", opening


def test_a_title_read_first_or_two_candidate_titles_stay_as_read():
    park, library = _lines(PARK), _lines(LIBRARY)
    in_place = "\n\n".join("\n".join(b) for b in [["春天的新公园"], ["本报记者王小明"], park, library])
    assert not [e for e in repair(in_place).edits if e.kind.startswith("block_")]
    two = "\n\n".join("\n".join(b) for b in [["本报记者王小明"], park[:4], ["春天的新公园"], park[4:], ["新馆开门"], library])
    assert "春天的新公园" not in [e.before for e in repair(two).edits if e.kind == "block_moved"]
    # a page that opens with a lone line that is no byline, dateline or name: no evidence
    lone_first = "\n\n".join("\n".join(b) for b in [["新馆开门迎客"], park[:4], ["春天的新公园"], park[4:], library])
    assert [b.text for b in repair(lone_first).blocks][0] == "新馆开门迎客"


def test_a_late_title_is_moved_when_the_page_opens_with_body_lines():
    park, library = _lines(PARK), _lines(LIBRARY)
    raw = "\n\n".join("\n".join(b) for b in [park[:4], ["春天的新公园"], park[4:], library])
    assert [b.text for b in repair(raw).blocks] == ["春天的新公园", PARK, LIBRARY]


def test_a_continuation_printed_after_a_finished_paragraph_is_moved_up_to_its_head():
    """The park's tail (树长出…, a full first line) printed after the whole library paragraph,
    which ends: it is detached where it was printed, and its head is where it was read first."""
    park, library = _lines(PARK), _lines(LIBRARY)
    raw = "\n\n".join("\n".join(b) for b in [["春天的新公园"], park[:4], library, park[4:]])
    result = repair(raw)
    assert [b.text for b in result.blocks] == ["春天的新公园", PARK, LIBRARY]
    moved = [e.before for e in result.edits if e.kind == "block_moved"]
    assert moved == ["\n".join(park[4:])]


def test_a_head_printed_inside_another_paragraph_goes_down_before_its_continuation():
    """The park's head (indented: a paragraph starts) printed between the two halves of the
    library paragraph: it goes down, right before the park's tail that continues it (柳|树)."""
    park, library = _lines(PARK), _lines(LIBRARY)
    raw = "\n\n".join("\n".join(b) for b in [["春天的新公园"], library[:3], park[:4], library[3:], park[4:]])
    result = repair(raw)
    assert [b.text for b in result.blocks] == ["春天的新公园", LIBRARY, PARK]
    moved = [e for e in result.edits if e.kind == "block_moved"]
    placed = [e for e in result.edits if e.kind == "block_placed"]
    assert [m.before for m in moved] == [p.after for p in placed] == ["\n".join(park[:4])]
    assert raw[placed[0].raw_start :].startswith(park[4])


VISITORS = "今年春天，东边的新公园开放了，来这里散步的市民非常多，其中有不少是附近学校的学生和退休的老人，他们常在湖边聊天。"


def test_a_common_short_word_is_enough_for_a_continuation_behind_a_finished_paragraph():
    """其|中 (under MIN_BITS) links a continuation that a seam already says is out of place;
    the same word behind a paragraph that runs on is no evidence (see the test above)."""
    visitors, library = _lines(VISITORS), _lines(LIBRARY)
    assert visitors[2].endswith("其") and MIN_BITS > route_gain(visitors[2], visitors[3]) >= DETACHED_BITS
    detached = "\n\n".join("\n".join(b) for b in [["春天的新公园"], visitors[:3], library, visitors[3:]])
    assert [b.text for b in repair(detached).blocks] == ["春天的新公园", VISITORS, LIBRARY]
    running_on = "\n\n".join("\n".join(b) for b in [["春天的新公园"], visitors[:3], library[:3], visitors[3:], library[3:]])
    assert not [e for e in repair(running_on).edits if e.kind.startswith("block_")]


def test_a_continuation_printed_later_behind_no_seam_moves_up_on_a_clear_word():
    """The park's tail printed after the library's head (which runs on: no seam says the tail
    is out of place), cut at 柳|树, a word of MIN_BITS: a loose link, kept because the order
    it gives has fewer seams; the same with a weak word (这|里) stays as printed."""
    park, library = _lines(PARK), _lines(LIBRARY)
    assert route_gain(park[3], park[4]) >= MIN_BITS > route_gain(park[2], park[3])
    raw = "\n\n".join("\n".join(b) for b in [["春天的新公园"], park[:4], library[:3], park[4:], library[3:]])
    result = repair(raw)
    assert [b.text for b in result.blocks] == ["春天的新公园", PARK, LIBRARY]
    assert [e.before for e in result.edits if e.kind == "block_moved"] == ["\n".join(park[4:])]
    assert not [e for e in repair(_interleaved()).edits if e.kind.startswith("block_")]


def test_a_block_whose_best_continuation_is_taken_is_matched_to_the_next_best():
    """大家一起来到公 reads on into 议 (公议) almost as well as into 里散步 (公里): alone, no clear
    best.  Best-first, 合作协|议 is taken first (a far stronger word), and 公|里 is then clear: the
    continuation printed before it goes down after it."""
    on = run_shape(["一二三四五六七八九十"] * 2, ["body"] * 2, WIDTH)
    treaty = on._replace(starts="new", tail="两国签署了合作协")
    walk = on._replace(head="里散步锻炼，湖边")
    outing = on._replace(tail="大家一起来到公")
    rest = on._replace(head="议，是新的起点")
    assert route_gain(outing.tail, walk.head) - route_gain(outing.tail, rest.head) < MARGIN_BITS
    shapes = [treaty, walk, outing, rest]
    assert continuation_links(shapes) == {2: 1}
    assert loose_links(shapes) == {0: 3}
