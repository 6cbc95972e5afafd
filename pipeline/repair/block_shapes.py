"""What an engine block's printed lines say about where it sits in its paragraph.

On a page whose lines share one width (:func:`~pipeline.repair.lines.page_column_width`):

* its first line is indented (a paragraph starts: ``new``) or full (``on``);
* its last line is short after a sentence end (the paragraph ends: ``end``) or
  full and mid-sentence (it runs on: ``on``).

Two blocks whose shapes disagree (one runs on, the next starts a paragraph; or
one ends, the next goes on) make a *seam*: the engine put something between them.
"""

from __future__ import annotations

from typing import NamedTuple

from pipeline.layout import PHOTO_KINDS, ends_sentence
from pipeline.repair.lines import starts_unit
from pipeline.repair.widths import FULL_SLACK, INDENT, em_width

#: a last line this many ems short of the column ends its paragraph (a line of Chinese and a
#: few proportional digits can be full one em short)
SHORT = 1.5


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
    floating = any(kind in PHOTO_KINDS for kind in kinds) or any(em_width(x) > width + 1 for x in lines)
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


def mismatch(a: RunShape, b: RunShape) -> bool:
    """A seam: a block that runs on followed by one that starts a paragraph, or one that ends
    followed by one that goes on."""
    return a.ends == "on" and b.starts == "new" or a.ends == "end" and b.starts == "on"


def seams(shapes: list[RunShape], order: list[int]) -> int:
    """Places where a paragraph that runs on meets one that starts, or one that ends a continuation."""
    flow = [shapes[i] for i in order if not shapes[i].floating]
    return sum(mismatch(a, b) for a, b in zip(flow, flow[1:]))


def may_run_on(shape: RunShape) -> bool:
    """A block that may stop mid-paragraph: its last line does not end a sentence and is full,
    or at least half a line (an engine may cut a block mid-line; a stray mark or two is no line).

    >>> on = RunShape("on", "?", "", "湖边的柳树长", 3, 10.0, False)
    >>> may_run_on(on), may_run_on(on._replace(tail="柳")), may_run_on(on._replace(tail="湖边的柳树长了。"))
    (True, False, False)
    """
    if shape.ends == "on":
        return True
    return shape.ends == "?" and not ends_sentence(shape.tail) and 2 * len(shape.tail) >= shape.width


def may_continue(shape: RunShape) -> bool:
    """A block that may continue a paragraph: a full first line, or a short one that ends a
    sentence (a lone short line that does not is a heading or a byline).

    >>> short = RunShape("?", "?", "春天来了", "春天来了", 1, 10.0, False)
    >>> may_continue(short), may_continue(short._replace(tail="春天来了。")), may_continue(short._replace(lines=2))
    (False, True, True)
    """
    return shape.starts == "on" or shape.starts == "?" and (shape.lines > 1 or ends_sentence(shape.tail))
