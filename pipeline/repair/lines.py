"""Engine line breaks inside a block: the printed lines of a column joined back into paragraphs.

Engines such as tesseract keep every printed line of a column as a line of
text (``我们伟大祖国在新的一年，将是`` / ``充满生机、充满希望的一年。``), and
separate their blocks by a blank line.  Inside such a block a single newline
is a join, unless the line ends the paragraph: a printed line that ends a
paragraph is short, since the paragraph stops before the column edge (a short
line that does not end a sentence is left to the later stages: a heading, or
a paragraph cut by a photo), or when the next line is indented as a
paragraph's first line is.  A full
line that happens to end a sentence is joined (sentences end at a line end
inside a paragraph about twice as often as a paragraph fills its last line).
Where the column width cannot be told (a block of two lines, lines of every
length), a newline is a join unless the line ends a sentence.  A line that
starts a new unit (a bullet, a caption, a credit) is never joined to.

Widths are counted in ems: a Chinese character or mark is 1, an ASCII
character ½, a space 0 (engines put spaces where none were printed).

>>> em_width("2023年 世界")
5.0
>>> lines = ["我们伟大祖国在新的一年，将是", "充满生机、充满希望的一年。", "刚刚过去的一年，大气磅礴，", "波澜壮阔。在这一年，以江泽民", "同志为核心的党中央。"]
>>> line_breaks(lines)
[False, True, False, False]
>>> line_breaks(["过去的一年，大气磅礴，波澜壮阔。", "今年是改革开放二十周年，", "是我们党和国家实现伟大的历史", "转折的二十周年。"])
[True, False, False]
>>> line_breaks(["第一个句子说完了。", "第二行"]), line_breaks(["没有说完的", "第二行"])
([True], [False])
>>> line_breaks(["市场在稳步发展，物价基本稳定", "●财税金融版"])
[True]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from pipeline.layout import ends_sentence, special_kind
from pipeline.records import Edit
from pipeline.repair.tails import Draft

#: a line within this many ems of the column width is full (a paragraph's last line one
#: character short is not), and lines within WIDTH_SLACK of each other are set to one width
FULL_SLACK = 0.75
WIDTH_SLACK = 1.5
#: a page is set in columns when this share of its lines has one width, at most COLUMN_MAX ems
MIN_COLUMN_SHARE = 0.5
COLUMN_MAX = 40
MIN_PAGE_LINES = 8
#: a paragraph's first line is indented by two characters
INDENT = 2
#: lines needed to tell the column width, and the share of them that must be about that wide
MIN_LINES = 3
MIN_FULL_SHARE = 0.5
#: a line starting one of these begins a new unit
_NEW_UNIT = regex.compile(r"^(?:[●○■□◆◇▲△★☆•·]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[①-⑳])")


def em_width(line: str) -> float:
    return sum(0.0 if ch.isspace() else 0.5 if ch.isascii() else 1.0 for ch in line)


def column_width(lines: Sequence[str]) -> float | None:
    """The width most lines of the block fill, if the block looks set in a column."""
    if len(lines) < MIN_LINES:
        return None
    widths = [em_width(line) for line in lines[:-1]]  # the last line of a block is often short
    common, _ = Counter(round(w) for w in widths).most_common(1)[0]
    widest = max(w for w in widths if w <= common + WIDTH_SLACK)
    full = sum(1 for w in widths if w >= widest - WIDTH_SLACK)
    return widest if full >= MIN_FULL_SHARE * len(widths) else None


def page_column_width(lines: Sequence[str]) -> float | None:
    """The common width of the printed lines, if the page keeps them and is set in columns."""
    widths = [em_width(line) for line in lines]
    if len(widths) < MIN_PAGE_LINES:
        return None
    common, _ = Counter(round(w) for w in widths).most_common(1)[0]
    share = sum(1 for w in widths if abs(w - common) <= 1) / len(widths)
    return float(common) if share >= MIN_COLUMN_SHARE and 4 <= common <= COLUMN_MAX else None


def starts_unit(line: str) -> bool:
    line = line.strip()
    return bool(_NEW_UNIT.match(line)) or special_kind(line) is not None


def line_breaks(lines: Sequence[str], width: float | None = None) -> list[bool]:
    """For each newline between ``lines`` of one block: does a paragraph end there?"""
    width = width if width is not None else column_width(lines)
    breaks: list[bool] = []
    for i, (line, after) in enumerate(zip(lines, lines[1:])):
        if starts_unit(after) or special_kind(line.strip()):
            breaks.append(True)
        elif width is None:
            breaks.append(ends_sentence(line))
        else:
            first = i == 0 or breaks[-1]  # a paragraph's first line is indented
            short = em_width(line) < width - (INDENT if first else 0) - FULL_SLACK
            indented = i + 2 < len(lines) and abs(em_width(after) - (width - INDENT)) <= FULL_SLACK
            breaks.append(short or (indented and ends_sentence(line)))
    return breaks


def join_engine_lines(drafts: list[Draft], raw: str) -> tuple[list[Draft], list[Edit]]:
    """Join the lines of each engine block (drafts with no blank line between them) into paragraphs."""
    out: list[Draft] = []
    edits: list[Edit] = []
    width = page_column_width([d.text.text for d in drafts])
    for run in runs_of(drafts):
        breaks = line_breaks([d.text.text for d in run], width)
        out.append(run[0])
        for draft, new_paragraph in zip(run[1:], breaks):
            previous = out[-1]
            if new_paragraph or previous.kind != "body" or draft.kind != "body":
                out.append(draft)
                continue
            gap_start, gap_end = previous.text.offsets[-1] + 1, draft.text.offsets[0]
            edits.append(Edit("line_break", gap_start, gap_end, raw[gap_start:gap_end], ""))
            out[-1] = previous._replace(text=previous.text + draft.text)
    return out, edits


def runs_of(drafts: list[Draft]) -> list[list[Draft]]:
    """Drafts grouped by engine block: a blank line starts a new one."""
    runs: list[list[Draft]] = []
    for draft in drafts:
        if runs and draft.blank_lines_before == 0:
            runs[-1].append(draft)
        else:
            runs.append([draft])
    return runs
