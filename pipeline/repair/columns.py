"""Blocks an engine emitted out of order, put back in reading order.

Tesseract reads a page set in columns as blocks (separated by blank lines) and
keeps each column's blocks in order, but interleaves the columns, so a block
cut off mid-sentence at its last line is often followed by a block of another
column.  Each block's shape (:mod:`~pipeline.repair.block_shapes`) and the
words across its cuts (:mod:`~pipeline.repair.continuations`) say which block
continues which; the chains are laid out in the engine's order, each block
followed at once by its continuations.  A new order is kept only if it leaves
no more seams than the engine's order (the loose links are dropped first).  A page that opens with what is printed
under a title (a byline, a dateline, body lines) and has one lone line later
that reads as a title gets that line back in front
(:func:`~pipeline.repair.titles.late_title`).  Pages whose lines have no common
width (no columns, or one paragraph a line) are left alone, so the step costs
nothing on ordinary text.

Limits: paragraphs that start at a column top stay where the engine put them,
and so does every block no clear evidence links (see ``continuations``).
"""

from __future__ import annotations

from pipeline.records import Edit
from pipeline.repair.block_shapes import RunShape, run_shape, seams
from pipeline.repair.continuations import carried_along, links_and_heads
from pipeline.repair.lines import runs_of
from pipeline.repair.tails import Draft
from pipeline.repair.titles import late_title
from pipeline.repair.widths import page_column_width

#: confidence of a block moved on this evidence
CONFIDENCE = 0.8
#: a full line measures up to this many ems short when it holds proportional digits or Latin
#: letters (``1997年成了生产停止滑坡并出``): such lines count to find the page's column width
DIGITS_SHORT = 1.5


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


def reorder_blocks(drafts: list[Draft], raw: str) -> tuple[list[Draft], list[Edit]]:
    """Drafts with each cut-off block followed by its continuation, and an edit per block moved."""
    runs = runs_of(drafts)
    if len(runs) < 3:
        return drafts, []
    width = page_column_width([d.text.text for run in runs if len(run) > 1 for d in run[:-1]], short=DIGITS_SHORT)
    if width is None:
        return drafts, []
    shapes = [run_shape([d.text.text for d in run], [d.kind for d in run], width) for run in runs]
    title = late_title([[d.text.text for d in run] for run in runs], width)
    if title is not None:  # not in a column
        shapes[title] = shapes[title]._replace(floating=True)
    firm, heads, loose = links_and_heads(shapes)
    # the loose links with the firm ones, else the firm ones alone, else the engine's order:
    # the first of these that leaves no more seams than the engine's order
    for tried in ({**firm, **loose}, firm) if loose else (firm,):
        order, links, along, down = _laid_out(shapes, tried, heads)
        if seams(shapes, order) <= seams(shapes, sorted(order)):
            break
    else:
        order, links, along, down = sorted(order), {}, {}, {}
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


def _laid_out(shapes: list[RunShape], links: dict[int, int], heads: dict[int, int]):
    """The order of the chains these links make, with the links, the blocks carried along and
    the heads moved down that it uses (a head whose place a chain decides stays)."""
    along = carried_along(shapes, links)
    order = chain_order(len(shapes), {**along, **links})
    down = {a: b for a, b in heads.items() if a not in along and a not in along.values() and b not in links.values()}
    return put_before(order, down), links, along, down


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
