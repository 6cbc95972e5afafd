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
length), a newline is a join unless the line ends a sentence; in a block of
three lines or more of every length (verse, a list) only where a word runs
on across it.  A line that
starts a new unit (a bullet, a caption, a credit) is never joined to.

Widths are counted in ems (:mod:`~pipeline.repair.widths`).

>>> lines = ["我们伟大祖国在新的一年，将是", "充满生机、充满希望的一年。", "刚刚过去的一年，大气磅礴，", "波澜壮阔。在这一年，以江泽民", "同志为核心的党中央，继承邓小", "平同志的遗志。"]
>>> line_breaks(lines)
[False, True, False, False, False]
>>> line_breaks(["这一年，大气磅礴，波澜壮阔。", "今年是改革开放二十周年，", "是我们党和国家实现伟大的历史", "转折的二十周年。"], width=14)
[True, False, False]
>>> line_breaks(["第一个句子说完了。", "第二行"]), line_breaks(["没有说完的", "第二行"])
([True], [False])
>>> line_breaks(["市场在稳步发展，物价基本稳定", "●财税金融版"])
[True]

A caption and the editors' line run on over their printed lines; a credit never does:

>>> line_breaks(["图①：乌镇峰会在浙江乌镇举", "行。", "新华社记者 王五摄", "本版责编：韩秉宸 张远南", "李安琪 版式设计：张芳曼"], width=14)
[False, True, True, False]
>>> line_breaks(["图①：乌镇峰会在浙江乌镇举行。", "图为一名参观者在体验。"], width=14)
[False]

A line printed with a paragraph's indent starts one, whatever the line before:

>>> line_breaks(["顺应时代之变、回应世界之需的中国方案", "11月8日至10日，2023年世界互联网大会", "乌镇峰会在浙江乌镇举行。共有来自126个国"], 20, [True, True, False])
[True, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from pipeline.layout import ends_sentence, is_masthead, special_kind
from pipeline.records import Edit
from pipeline.repair.junction import word_spans_junction
from pipeline.repair.mapped import Mapped
from pipeline.repair.tails import Draft
from pipeline.repair.widths import FULL_SLACK, INDENT, MIN_LINES, block_width, em_width, page_column_width

#: printed forms that never run on to the next line (a credit, a byline); a caption and the
#: editors' line run on over as many lines as they need
ONE_LINE_KINDS = ("credit", "byline")
RUNS_ON_KINDS = ("body", "caption", "editors")
#: the longest line that may carry on the editors' names and roles (本版责编：… / 李四 版式设计：王五)
EDITORS_LINE_MAX = 24
#: a labelled caption, and the second sentence of one (图①：…举行。图为一名参观者…)
_LABELLED = regex.compile(r"^图[①-⑳\d]{1,2}")
_SECOND_SENTENCE = regex.compile(r"^图为")
_LABEL_ONLY = regex.compile(r"^图[①-⑳\d]{1,2}$")
#: a line starting one of these begins a new unit
_NEW_UNIT = regex.compile(
    r"^(?:[●○■□◆◇▲△★☆•·]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[①-⑳]"
    r"|(?:据)?(?:新华社|本报|中新社)\p{Han}{0,8}[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日[电讯])"
)


#: a letter or digit: text between two joined pieces that the join would lose
_TEXT = regex.compile(r"[\p{L}\p{N}]")


def starts_unit(line: str) -> bool:
    line = line.strip()
    return bool(_NEW_UNIT.match(line)) or special_kind(line) is not None


def line_breaks(lines: Sequence[str], width: float | None = None, printed_starts: Sequence[bool] = ()) -> list[bool]:
    """For each newline between ``lines`` of one block: does a paragraph end there?  ``printed_starts``
    tells the lines printed with a paragraph's indent (a converter's ``　　``): one starts a paragraph."""
    width = width if width is not None else block_width(lines)
    verse = width is None and len(lines) >= MIN_LINES
    breaks: list[bool] = []
    opener = lines[0] if lines else ""  # the first line of the paragraph in progress
    for i, (line, after) in enumerate(zip(lines, lines[1:])):
        if i and breaks[-1]:
            opener = line
        kind = special_kind(line.strip())
        in_caption = _LABELLED.match(opener.strip()) and _SECOND_SENTENCE.match(after.strip())  # 图①：…。图为…
        if starts_unit(after) and not in_caption or kind in ONE_LINE_KINDS or i + 1 < len(printed_starts) and printed_starts[i + 1] \
                or i == 0 and is_masthead(line):
            breaks.append(True)
        elif kind and _label_only(line):  # 图② at a line's end, its colon on the next
            breaks.append(False)
        elif kind == "editors":  # names and roles run on to a line that is no sentence
            breaks.append(ends_sentence(line) or ends_sentence(after) or len(after.strip()) > EDITORS_LINE_MAX)
        elif verse:  # lines of every length: verse, or a list; joined only where a word runs on
            breaks.append(ends_sentence(line) or not word_spans_junction(line, after, new_words=False))
        elif width is None:
            breaks.append(ends_sentence(line))
        else:
            first = i == 0 or breaks[-1]  # a paragraph's first line is indented
            short = em_width(line) < width - (INDENT if first else 0) - FULL_SLACK
            indented = i + 2 < len(lines) and abs(em_width(after) - (width - INDENT)) <= FULL_SLACK
            breaks.append(short or (indented and ends_sentence(line)))
    return breaks


class Joined(NamedTuple):
    drafts: list[Draft]
    edits: list[Edit]
    #: raw offsets where a paragraph is known to start (an indented first line on a page set in columns)
    paragraph_starts: frozenset[int]


def join_engine_lines(drafts: list[Draft], raw: str) -> Joined:
    """Join the lines of each engine block (drafts with no blank line between them) into paragraphs.

    The raw offsets of blocks whose first line is indented are returned: a
    paragraph starts there, whatever the block before it.

    Where the page is set in columns (the lines of its blocks but their last share
    one width: one-line paragraphs of verse do not count), a block that ends on a full line is also
    joined to the next block when that one starts on a full line (a paragraph's
    first line would be indented): the engine cut a paragraph between blocks
    where a sentence happened to end.
    """
    out: list[Draft] = []
    edits: list[Edit] = []
    runs = runs_of(drafts)
    width = page_column_width([d.text.text for run in runs if len(run) > 1 for d in run[:-1]])
    last_full = False
    starts: set[int] = set()
    for k, run in enumerate(runs):
        lines = [d.text.text for d in run]
        own = width if width is not None else block_width(lines)
        if own is not None and own - INDENT - FULL_SLACK <= em_width(lines[0]) <= own - 1 and len(lines) > 1:
            starts.add(run[0].text.offsets[0])
        previous = out[-1] if out else None
        if (
            width is not None
            and last_full
            and previous.kind == "body"
            and run[0].kind == "body"
            and em_width(lines[0]) >= width - FULL_SLACK
            and not starts_unit(lines[0])
            and not (_above_credit(runs, k) and not word_spans_junction(previous.text.text, lines[0]))
        ):
            out[-1] = _joined(previous, run[0], raw, "column_break", edits)
        else:
            out.append(run[0])
        for draft, new_paragraph in zip(run[1:], line_breaks(lines, width, _indented(run, raw))):
            if new_paragraph or out[-1].kind not in RUNS_ON_KINDS or draft.kind not in ("body", out[-1].kind):
                out.append(draft)
            elif out[-1].kind == "editors":  # names on two lines stay two names
                out[-1] = _joined_by_space(out[-1], draft, raw, edits)
            else:
                out[-1] = _joined(out[-1], draft, raw, "line_break", edits)
        last_full = width is not None and em_width(lines[-1]) >= width - FULL_SLACK
    return Joined(out, edits, frozenset(starts))


def printed_indent(raw: str, offset: int) -> float:
    """Ems of blank printed before ``offset`` on its line (``　`` is one, a space half, a tab two),
    or 0 where text comes before it on the line.

    >>> printed_indent("　　春天来了。", 2), printed_indent("  春天", 2), printed_indent("甲 乙", 2)
    (2.0, 1.0, 0.0)
    """
    prefix = raw[raw.rfind("\n", 0, offset) + 1 : offset]
    if prefix.strip():
        return 0.0
    return sum(1.0 if ch == "\u3000" else 2.0 if ch == "\t" else 0.5 if ch == " " else 0.0 for ch in prefix)


def _indented(run: list[Draft], raw: str) -> list[bool]:
    """The lines of a block printed with an indent (a converter's ``　　`` or spaces) deeper than its
    shallowest line by most of a paragraph's indent."""
    indents = [printed_indent(raw, d.text.offsets[0]) for d in run]
    base = min(indents)
    return [indent - base >= INDENT - 0.5 for indent in indents]


def _label_only(line: str) -> bool:
    """Is the line a caption's label and nothing more (图②, its colon and text on the next line)?"""
    return bool(_LABEL_ONLY.match(line.strip()))


def _above_credit(runs: list[list[Draft]], k: int) -> bool:
    """Does run ``k`` end with a photo credit, or stand right above one printed as a block of its
    own?  Then its full first line is a caption's as likely as a paragraph's, and it is joined to
    the block before only where a word runs across (the caption is told apart later)."""
    after = runs[k + 1][0] if k + 1 < len(runs) else None
    return runs[k][-1].kind == "credit" or after is not None and after.kind == "credit"


def _joined(previous: Draft, draft: Draft, raw: str, kind: str, edits: list[Edit]) -> Draft:
    edits += gap_edits(kind, previous, draft, raw)
    return previous._replace(text=previous.text + draft.text)


def _joined_by_space(previous: Draft, draft: Draft, raw: str, edits: list[Edit]) -> Draft:
    """``previous`` and ``draft`` joined by one space, where the line break between them was."""
    start, end = previous.text.offsets[-1] + 1, draft.text.offsets[0]
    edits.append(Edit("line_break", start, end, raw[start:end], " "))
    return previous._replace(text=previous.text + Mapped(" ", (start,)) + draft.text)


def gap_edits(kind: str, previous: Draft, draft: Draft, raw: str) -> list[Edit]:
    """The blanks removed between two drafts joined, unless ``draft`` was moved here from
    elsewhere (then the gap holds other text, and the move is logged instead)."""
    gap_start, gap_end = previous.text.offsets[-1] + 1, draft.text.offsets[0]
    if gap_start > gap_end or _TEXT.search(raw, gap_start, gap_end):
        return []
    return [Edit(kind, gap_start, gap_end, raw[gap_start:gap_end], "")]


def runs_of(drafts: list[Draft]) -> list[list[Draft]]:
    """Drafts grouped by engine block: a blank line starts a new one."""
    runs: list[list[Draft]] = []
    for draft in drafts:
        if runs and draft.blank_lines_before == 0:
            runs[-1].append(draft)
        else:
            runs.append([draft])
    return runs
