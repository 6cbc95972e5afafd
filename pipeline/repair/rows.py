"""Columns read across: lines of several columns run together, split back into one text per column.

Some engines, on some pages, read straight across the columns: each line of
their output holds a line of every column, the cells separated by the column
rule read as ``|`` or by a wide run of spaces::

    会”，昨天在北京音乐厅推出。 | 年歌唱家郑咏、程志等演唱了中 | 学生们便可到
    首都千余名大中小学生在高雅音 | 国、俄罗斯和意大利等国的著名 | 雅音乐经典

Where a stretch of lines is cut that way, each cell goes to the column whose
cells start nearest to it on the line (counting a Chinese character two
columns wide, as the engine pads), and the columns are emitted one after the
other, each a block of its own.  The rule marks themselves are dropped.

>>> raw = "甲一行 | 乙一行 | 丙一行\\n甲二行 | 乙二行 | 丙二行\\n甲三行 | 乙三行"
>>> [raw[s.start:s.end] for s in unweave_rows(raw, split_segments(raw))]
['甲一行', '甲二行', '甲三行', '乙一行', '乙二行', '乙三行', '丙一行', '丙二行']
>>> [s.blank_lines_before for s in unweave_rows(raw, split_segments(raw))]
[0, 0, 0, 1, 0, 0, 1, 0]
>>> raw = "本版责编：韩秉宸  张远南\\n正文。"
>>> unweave_rows(raw, split_segments(raw)) == split_segments(raw)
True
"""

from __future__ import annotations

import bisect
import statistics

import regex

from pipeline.repair.segments import Segment, split_segments  # noqa: F401  (split_segments: doctest)

#: a column rule read as ``|``, or the spaces an engine pads an empty stretch with
CELL_SEPARATOR = regex.compile(r"[ \t]*\|[ \t]*|[ \t\u3000]{3,}")
#: lines in a row that must hold several cells before the stretch is taken as read across
MIN_ROW_LINES = 2


def _display_width(text: str) -> int:
    return sum(1 if ch.isascii() else 2 for ch in text)


def _cells(raw: str, segment: Segment) -> list[tuple[int, int]]:
    """Raw spans of the cells of one segment, separators left out."""
    cells, start = [], segment.start
    for m in CELL_SEPARATOR.finditer(raw, segment.start, segment.end):
        if m.start() > start:
            cells.append((start, m.start()))
        start = m.end()
    if segment.end > start:
        cells.append((start, segment.end))
    return cells


def unweave_rows(raw: str, segments: list[Segment]) -> list[Segment]:
    """Segments with every stretch of lines read across the columns turned into one block per column."""
    line_starts = [0] + [m.end() for m in regex.finditer(r"\n", raw)]
    out: list[Segment] = []
    stretch: list[tuple[Segment, list[tuple[int, int]]]] = []
    for segment in segments:
        cells = _cells(raw, segment)
        if len(cells) >= 2:
            stretch.append((segment, cells))
            continue
        out += _unweave(raw, stretch, line_starts)
        stretch = []
        out.append(segment)
    return out + _unweave(raw, stretch, line_starts)


def _unweave(raw: str, stretch, line_starts: list[int]) -> list[Segment]:
    if len(stretch) < MIN_ROW_LINES:
        return [segment for segment, _ in stretch]
    def position(start: int) -> int:
        line_start = line_starts[bisect.bisect_right(line_starts, start) - 1]
        return _display_width(raw[line_start:start])

    widest = max(len(cells) for _, cells in stretch)
    full = [cells for _, cells in stretch if len(cells) == widest]
    anchors = [statistics.median(position(cells[k][0]) for cells in full) for k in range(widest)]
    columns: list[list[tuple[int, int]]] = [[] for _ in range(widest)]
    for _, cells in stretch:
        for start, end in cells:
            k = min(range(widest), key=lambda c: abs(anchors[c] - position(start)))
            columns[k].append((start, end))
    out = []
    for cells in columns:
        for j, (start, end) in enumerate(cells):
            first = stretch[0][0].blank_lines_before if not out else 1
            out.append(Segment(start, end, first if j == 0 else 0))
    return out
