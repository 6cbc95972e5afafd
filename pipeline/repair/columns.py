"""Blocks an engine emitted out of order, put back after the block they continue.

Tesseract reads a page set in columns as blocks (separated by blank lines) and
keeps each column's blocks in order, but interleaves the columns, so a block
cut off mid-sentence at its last line is often followed by a block of another
column.  What a block's printed lines tell, on a page whose lines share one
width (:func:`~pipeline.repair.lines.page_column_width`):

* its first line is indented (a paragraph starts: ``new``) or full (``on``);
* its last line is short after a sentence end (the paragraph ends: ``end``) or
  full and mid-sentence (it runs on: ``on``).

A block that stops mid-sentence is linked to the block that continues it only
where the evidence is clear: a dictionary word runs across the cut
(:func:`~pipeline.repair.junction_bits.route_gain`, at least ``MIN_BITS``), that
block reads on from it better than any other block by ``MARGIN_BITS``, no
other block leads into it as well.  Where the engine printed the continuation
before the block it continues (a column top read before the bottom of the
column on its left), the continuation moves down after that block, and
brings along the blocks the engine printed after it while a dictionary word
runs across (:func:`carried_along`).  Where it printed the continuation
later, which of the two is out of place is told by their neighbours: a
continuation behind a paragraph that ends (a seam) is moved up when its head
sits where it was read (the block before it leads into it), and the head goes
down right before its continuation when it makes a seam itself
(:func:`heads_down`); otherwise both stay.  A new order is kept only if it leaves no
more seams (a paragraph that runs on meeting one that starts, or one that ends
meeting a continuation) than the engine's order.  Pages whose lines have no
common width (no columns, or one paragraph a line) are left alone, so the step
costs nothing on ordinary text.

A page that opens with what is printed under a title (a byline, a dateline, body lines) and has one
lone line later that reads as a title gets that line back in front
(:func:`~pipeline.repair.titles.late_title`).

Limits: a paragraph cut where no word spans the cut (``…的发展。`` / ``新的…``),
a continuation printed after its head where neither block makes a seam with
the block printed before it, and paragraphs that start at a column top stay
where the engine put them.
"""

from __future__ import annotations

from typing import NamedTuple

from pipeline.layout import ends_sentence
from pipeline.records import Edit
from pipeline.repair.junction_bits import route_gain
from pipeline.repair.lines import FULL_SLACK, INDENT, em_width, page_column_width, runs_of, starts_unit
from pipeline.repair.tails import Draft
from pipeline.repair.titles import late_title

#: a last line this many ems short of the column ends its paragraph (a line of Chinese and a
#: few proportional digits can be full one em short)
SHORT = 1.5
#: a continuation is taken when the word cut across the junction is worth this many bits, and
#: this many more than with any other block.  A common short word whose first character is a
#: word too (这|个, 我|们, 其|中, 存|在) is worth 6-9 bits: 5 of the 8 wrong links on days 1-5
#: (both layouts, 178 pages each) against 4 of 41 right ones; at 9 bits no page of days 1-5 is
#: made worse in either layout (at 6, one).
MIN_BITS = 9.0
MARGIN_BITS = 4.0
#: enough when the continuation also sits behind a paragraph that ends (a seam says it is out of
#: place): on days 1-5 (178 pages x 2 layouts) 9 -> 6 bits made 3 more pages better, none worse
DETACHED_BITS = 6.0
#: confidence of a block moved on this evidence
CONFIDENCE = 0.8


class RunShape(NamedTuple):
    """What one engine block's lines say about where it sits in its paragraph."""

    starts: str  # "new" (indented, a unit), "on" (a full first line) or "?"
    ends: str  # "end" (a short last line after a sentence end), "on" (full, mid-sentence) or "?"
    head: str  # first line
    tail: str  # last line
    lines: int
    width: float  # of the page's columns, in ems
    floating: bool  # a caption or a credit, or a line wider than a column (a title): not in a column


def run_shape(lines: list[str], kinds: list[str], width: float) -> RunShape:
    """The shape of an engine block of ``lines`` on a page of columns ``width`` ems wide.

    >>> s = run_shape(["一二三四五六七八九十", "一二三四五六七八九十"], ["body"] * 2, 10)
    >>> s.starts, s.ends
    ('on', 'on')
    >>> s = run_shape(["一二三四五六七八", "一二三四五六七八九十", "一二三。"], ["body"] * 3, 10)
    >>> s.starts, s.ends
    ('new', 'end')
    """
    first, last = lines[0], lines[-1]
    floating = any(kind in ("caption", "credit") for kind in kinds) or any(em_width(x) > width + 1 for x in lines)
    if kinds[0] != "body" or starts_unit(first):
        starts = "new"
    elif em_width(first) >= width - FULL_SLACK:
        starts = "on"
    elif width - INDENT - FULL_SLACK <= em_width(first) <= width - 1 and len(lines) > 1:
        starts = "new"
    else:
        starts = "?"
    if kinds[-1] != "body" or em_width(last) < width - SHORT and ends_sentence(last):
        ends = "end"
    elif em_width(last) >= width - FULL_SLACK and not ends_sentence(last):
        ends = "on"
    else:
        ends = "?"
    return RunShape(starts, ends, first.strip(), last.strip(), len(lines), width, floating)


def _mismatch(a: RunShape, b: RunShape) -> bool:
    return a.ends == "on" and b.starts == "new" or a.ends == "end" and b.starts == "on"


def continuation_links(shapes: list[RunShape]) -> dict[int, int]:
    """Block -> the block that continues it, to be moved down after it.

    A continuation printed earlier (the top of the next column, read before the bottom of
    this one) is moved down.  One printed later is moved up only when it is *detached* from
    the block printed before it (that block ends its paragraph, the continuation starts on a
    full line: a seam) and the block it continues is *anchored* where it was printed (the
    block before it leads into it).  Moving every later continuation up made 7 of 178 pages
    of days 1-5 worse, since the block cut off was itself printed too early as often as
    not: that case is :func:`heads_down`.
    """
    return _links(shapes)[0]


def heads_down(shapes: list[RunShape]) -> dict[int, int]:
    """Block printed too early -> the block it goes right before: the head of a paragraph whose
    continuation was printed later, detached from the block before it, where the head makes a
    seam with the block printed before it (a paragraph start after a block that runs on: it
    was read before the paragraph that ends in front of it).

    >>> on = RunShape("on", "on", "", "", 3, 10.0, False)
    >>> shapes = [on._replace(tail="天气很好我们"), on._replace(starts="new", tail="今天大家去看湖边的柳"),
    ...           on._replace(ends="end", tail="大家都很高兴。"), on._replace(head="树长出了嫩芽")]
    >>> heads_down(shapes), continuation_links(shapes)
    ({1: 3}, {})
    >>> continuation_links(shapes[1:])  # the first block printed: where it is, its continuation comes up
    {0: 2}
    """
    return _links(shapes)[1]


def _links(shapes: list[RunShape]) -> tuple[dict[int, int], dict[int, int]]:
    flow = [i for i, s in enumerate(shapes) if not s.floating]
    links: dict[int, int] = {}
    down: dict[int, int] = {}
    for a in flow:
        if not _may_run_on(shapes[a]):
            continue
        candidates = [b for b in flow if b != a and _may_continue(shapes[b])]
        b, clear = _clear_best(shapes, a, candidates, forward=True, min_bits=DETACHED_BITS)
        if not clear or b in links.values() or b in down.values():
            continue
        if b > a and not _detached(shapes, flow, b):
            continue  # b == after, or printed later in a place that may be its own
        bits = DETACHED_BITS if _detached(shapes, flow, b) else MIN_BITS
        if route_gain(shapes[a].tail, shapes[b].head) < bits:
            continue
        back, clear = _clear_best(shapes, b, [x for x in flow if x != b and shapes[x].ends != "end"], forward=False, min_bits=bits)
        if not clear or back != a or _reaches(links, b, a):
            continue
        if b < a or _anchored(shapes, flow, a):
            links[a] = b
        elif _torn(shapes, flow, a):
            down[a] = b
    return links, down


def _detached(shapes: list[RunShape], flow: list[int], b: int) -> bool:
    """Does the block printed before ``b`` end its paragraph, where ``b`` starts on a full line?"""
    k = flow.index(b)
    return k > 0 and shapes[flow[k - 1]].ends == "end" and shapes[b].starts == "on"


def _torn(shapes: list[RunShape], flow: list[int], a: int) -> bool:
    """Does ``a`` make a seam with the block printed before it (so it was printed out of place)?"""
    k = flow.index(a)
    return k > 0 and _mismatch(shapes[flow[k - 1]], shapes[a])


def _anchored(shapes: list[RunShape], flow: list[int], a: int) -> bool:
    """Does the block printed before ``a`` lead into it (a block that does not run on before an
    indented start, or a dictionary word across), or is ``a`` the first?"""
    k = flow.index(a)
    if k == 0:
        return True
    before, here = shapes[flow[k - 1]], shapes[a]
    return before.ends != "on" and here.starts == "new" or route_gain(before.tail, here.head) >= MIN_BITS


def carried_along(shapes: list[RunShape], links: dict[int, int]) -> dict[int, int]:
    """Block -> the engine's next block in the columns, where a dictionary word runs across
    from one to the other (``route_gain`` of ``MIN_BITS``): a continuation moved down brings
    along the rest of its column the engine printed after it, as far as the evidence goes.

    >>> on = RunShape("on", "on", "", "", 2, 10.0, False)
    >>> shapes = [on._replace(tail="湖边的柳"), on._replace(head="树长出了嫩", tail="老人们在亭子里下棋聊"), on._replace(head="天。")]
    >>> carried_along(shapes, {})
    {0: 1, 1: 2}
    >>> carried_along(shapes, {2: 1})  # a link's target is placed by its link
    {1: 2}
    """
    flow = [i for i, s in enumerate(shapes) if not s.floating]
    targets = set(links.values())
    return {
        x: y
        for x, y in zip(flow, flow[1:])
        if y not in targets and route_gain(shapes[x].tail, shapes[y].head) >= MIN_BITS
    }


def _may_run_on(shape: RunShape) -> bool:
    """A block that may stop mid-paragraph: its last line does not end a sentence and is full,
    or at least half a line (an engine may cut a block mid-line; a stray mark or two is no line)."""
    if shape.ends == "on":
        return True
    return shape.ends == "?" and not ends_sentence(shape.tail) and 2 * len(shape.tail) >= shape.width


def _may_continue(shape: RunShape) -> bool:
    """A block that may continue a paragraph: a full first line, or a short one that ends a
    sentence (a lone short line that does not is a heading or a byline)."""
    return shape.starts == "on" or shape.starts == "?" and (shape.lines > 1 or ends_sentence(shape.tail))


def _clear_best(shapes: list[RunShape], fixed: int, others: list[int], forward: bool, min_bits: float = MIN_BITS) -> tuple[int, bool]:
    """The block that reads on best after (``forward``) or before ``fixed``, and whether clearly."""

    def gain(other: int) -> float:
        a, b = (fixed, other) if forward else (other, fixed)
        return route_gain(shapes[a].tail, shapes[b].head)

    scored = sorted(((gain(o), o) for o in others), reverse=True)
    if not scored:
        return -1, False
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][1], scored[0][0] >= min_bits and scored[0][0] - runner_up >= MARGIN_BITS


def chain_order(n: int, links: dict[int, int]) -> list[int]:
    """Blocks in the engine's order, each followed at once by the chain of its continuations.

    >>> chain_order(5, {0: 3, 3: 1})
    [0, 3, 1, 2, 4]
    >>> chain_order(3, {0: 1, 1: 0})  # a cycle: left as printed
    [2, 0, 1]
    """
    targets = set(links.values())
    order: list[int] = []
    done: set[int] = set()
    for i in range(n):
        if i in targets:
            continue
        j: int | None = i
        while j is not None and j not in done:
            order.append(j)
            done.add(j)
            j = links.get(j)
    return order + [i for i in range(n) if i not in done]


def put_before(order: list[int], before: dict[int, int]) -> list[int]:
    """``order`` with each key block taken out and put in right before its value block.

    >>> put_before([0, 1, 2, 3, 4], {1: 4})
    [0, 2, 3, 1, 4]
    """
    for a, b in before.items():
        order = [k for k in order if k != a]
        order.insert(order.index(b), a)
    return order


def _reaches(successor: dict[int, int], start: int, goal: int) -> bool:
    """Does following the links from ``start`` lead to ``goal``?"""
    j: int | None = start
    seen: set[int] = set()
    while j is not None and j not in seen:
        if j == goal:
            return True
        seen.add(j)
        j = successor.get(j)
    return False


def seams(shapes: list[RunShape], order: list[int]) -> int:
    """Places where a paragraph that runs on meets one that starts, or one that ends a continuation."""
    flow = [shapes[i] for i in order if not shapes[i].floating]
    return sum(_mismatch(a, b) for a, b in zip(flow, flow[1:]))


def reorder_blocks(drafts: list[Draft], raw: str) -> tuple[list[Draft], list[Edit]]:
    """Drafts with each cut-off block followed by its continuation, and an edit per block moved."""
    runs = runs_of(drafts)
    if len(runs) < 3:
        return drafts, []
    width = page_column_width([d.text.text for run in runs if len(run) > 1 for d in run[:-1]])
    if width is None:
        return drafts, []
    shapes = [run_shape([d.text.text for d in run], [d.kind for d in run], width) for run in runs]
    links, down = _links(shapes)
    along = carried_along(shapes, links)
    order = chain_order(len(runs), {**along, **links})
    down = {a: b for a, b in down.items() if a not in along and a not in along.values() and b not in links.values()}
    order = put_before(order, down)
    if seams(shapes, order) > seams(shapes, sorted(order)):
        order, links, along, down = sorted(order), {}, {}, {}
    title = late_title([[d.text.text for d in run] for run in runs], width)
    if title is not None:
        order = [title] + [k for k in order if k != title]
    if order == sorted(order):
        return drafts, []
    out: list[Draft] = []
    for k in order:
        run = runs[k]
        out.append(run[0]._replace(blank_lines_before=max(1, run[0].blank_lines_before)))
        out.extend(run[1:])
    edits = _moves(runs, links, along, raw) + _heads_moved(runs, down, raw)
    if title is not None:
        edits += _title_moves(runs, title, raw)
    return out, edits


def _heads_moved(runs: list[list[Draft]], down: dict[int, int], raw: str) -> list[Edit]:
    """Each head printed too early, taken out and put in right before its continuation."""
    edits = []
    for a, b in sorted(down.items()):
        start, end = runs[a][0].text.offsets[0], runs[a][-1].text.offsets[-1] + 1
        anchor = runs[b][0].text.offsets[0]
        edits += [Edit("block_moved", start, end, raw[start:end], "", CONFIDENCE), Edit("block_placed", anchor, anchor, "", raw[start:end], CONFIDENCE)]
    return edits


def _title_moves(runs: list[list[Draft]], title: int, raw: str) -> list[Edit]:
    """The title taken out where the engine printed it and put in at the head of the page."""
    start, end = runs[title][0].text.offsets[0], runs[title][-1].text.offsets[-1] + 1
    anchor = runs[0][0].text.offsets[0]
    return [Edit("block_moved", start, end, raw[start:end], "", CONFIDENCE), Edit("block_placed", anchor, anchor, "", raw[start:end], CONFIDENCE)]


def _moves(runs: list[list[Draft]], links: dict[int, int], along: dict[int, int], raw: str) -> list[Edit]:
    """Each block moved, taken out where the engine printed it (``block_moved``) and put in after
    the block it now follows (``block_placed``): a continuation, and the blocks it carried along."""
    edits = []
    for a, k in sorted(links.items()):
        while True:
            start, end = runs[k][0].text.offsets[0], runs[k][-1].text.offsets[-1] + 1
            anchor = runs[a][-1].text.offsets[-1] + 1
            edits.append(Edit("block_moved", start, end, raw[start:end], "", CONFIDENCE))
            edits.append(Edit("block_placed", anchor, anchor, "", raw[start:end], CONFIDENCE))
            if k not in along:
                break
            a, k = k, along[k]
    return edits
