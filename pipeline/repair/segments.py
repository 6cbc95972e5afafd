"""Cut the raw page into segments: one per line, and more where OCR ran blocks together.

A line is a paragraph in OCR output, but captions and their photo credits
often share a line (``姚颖康摄(影像中国) 图②:7月21日,…成就。 本报记者 张博岚摄``):
those are cut apart here, before any character is changed.

>>> raw = "正文。\\n\\n姚颖康摄(影像中国) 图②:7月21日,留学生。 本报记者 张博岚摄\\n> 本版责编:甲"
>>> [raw[s.start:s.end] for s in split_segments(raw)]
['正文。', '姚颖康摄(影像中国)', '图②:7月21日,留学生。', '本报记者 张博岚摄', '本版责编:甲']
>>> [s.blank_lines_before for s in split_segments(raw)]
[0, 1, 0, 0, 0]

A form feed is a page break; Markdown heading markers and image lines are not text:

>>> raw = "第一版末段。\\f第二版首段。\\n## 乡村新路\\n![](images/p1.jpg)\\n正文。"
>>> [(raw[s.start:s.end], s.blank_lines_before, s.marked_heading) for s in split_segments(raw)]
[('第一版末段。', 0, False), ('第二版首段。', 1, False), ('乡村新路', 0, True), ('正文。', 1, False)]

A PDF export's page numbers and the page's head printed again atop each page are no text:

>>> raw = "人民日报 2021年11月4日 星期四 第4版\\n正文，\\n— 1 —\\n人民日报 2021年11月4日 星期四 第4版\\n接着。"
>>> [(raw[s.start:s.end], s.blank_lines_before) for s in split_segments(raw)]
[('人民日报 2021年11月4日 星期四 第4版', 0), ('正文，', 0), ('接着。', 2)]

Unicode's own separators, which web and word-processor exports write:

>>> raw = "一行\u2028二行\u2029新段。"
>>> [(raw[s.start:s.end], s.blank_lines_before) for s in split_segments(raw)]
[('一行', 0), ('二行', 0), ('新段。', 1)]
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from pipeline.layout import is_masthead

#: a line ends at a line break or a form feed (pdftotext's page separator: a page break), or at
#: Unicode's line and paragraph separators and NEL (U+2028, U+2029, U+0085: web and word-processor
#: exports); a paragraph separator ends a paragraph as a blank line does
_LINE = regex.compile(r"[^\r\n\f\u2028\u2029\x85]*(?:\r\n|\r|\n|\f|\u2028|\u2029|\x85|$)")
_LINE_END = "\r\n\f\u2028\u2029\x85"
#: line ends that also end a paragraph: a page break, a paragraph separator
_BREAKS = ("\f", "\u2029")
#: stray marks OCR or a conversion left at the start of a line (``> 本版责编``)
_LEADING_JUNK = regex.compile(r"^[>|•]+[ \t]*")
#: a Markdown heading marker (layout tools such as MinerU write ``### 标题``)
_MARKDOWN_HEADING = regex.compile(r"^#{1,6}[ \t]+")
#: a line that is only a Markdown image reference (``![](images/p1.jpg)``): not text
_MARKDOWN_IMAGE = regex.compile(r"^!\[[^\]\n]*\]\([^)\n]*\)$")
#: a page number a PDF export prints between pages (``— 3 —``, ``- 3 -``, ``第3页``): not text, a page break
_PAGE_NUMBER = regex.compile(r"^(?:[—–\-－]+[ \t]*\d{1,4}[ \t]*[—–\-－]+|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*/?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)$")
_AGENCY = r"(?:[(（][^()（）\n]{1,12}[)）])"
_CREDIT = rf"(?:本报记者|新华社记者|本报通讯员|记者|通讯员)?[ \t]*\p{{Han}}(?:[\p{{Han}}·]|[ \t](?=\p{{Han}})){{1,12}}(?:摄|供图)[ \t]*{_AGENCY}?"
#: cut points inside a line: before a caption label (so after the credit of the caption
#: before it), and before the credit that ends a caption
_CUTS = [
    regex.compile(r"(?<=\S)[ \t\u3000]+(?=图[①-⑳\d]{1,2}[ \t]*(?:[:：]|$))"),
    regex.compile(rf"(?<=[。｡！？!?”\"])[ \t\u3000]+(?={_CREDIT}[ \t]*$)"),
]


class Segment(NamedTuple):
    """Raw span of one segment (surrounding blanks and junk excluded)."""

    start: int
    end: int
    blank_lines_before: int
    marked_heading: bool = False  # the line carried a Markdown heading marker


def split_segments(raw: str) -> list[Segment]:
    """Segments of ``raw`` in page order; blank lines are remembered, not kept."""
    segments: list[Segment] = []
    blanks = 0
    head = None  # the page's running head, once seen: printed again atop every page of an export
    for m in _LINE.finditer(raw):
        if m.start() == len(raw) and m.end() == m.start():
            break
        line = m.group().rstrip(_LINE_END)
        line_start = m.start()
        stripped = line.strip()
        if not stripped or _MARKDOWN_IMAGE.match(stripped) or _PAGE_NUMBER.match(stripped):
            blanks += 1
            continue
        if stripped == head:
            blanks += 1
            continue
        if head is None and not segments and is_masthead(stripped):
            head = stripped
        indent = len(line) - len(line.lstrip())
        marker = _MARKDOWN_HEADING.match(line, indent)
        junk = marker or _LEADING_JUNK.match(line.lstrip())
        first = indent + (junk.end() - (indent if marker else 0) if junk else 0)
        for start, end in _cut(line, first):
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            segments.append(Segment(line_start + start + lead, line_start + end - trail, blanks, bool(marker)))
            blanks = 0
        if m.group().endswith(_BREAKS):
            blanks += 1
    return segments


def _cut(line: str, first: int) -> list[tuple[int, int]]:
    cuts: set[tuple[int, int]] = set()
    if " " not in line and "\t" not in line and "\u3000" not in line:
        return _pieces(first, len(line), cuts)  # every cut is a run of blanks: most lines have none
    changed = True
    while changed:  # a new cut can make a credit leading or trailing in its piece
        changed = False
        bounds = _pieces(first, len(line), cuts)
        for start, end in bounds:
            for pattern in _CUTS:
                m = pattern.search(line, start, end)
                if m and (m.start(), m.end()) not in cuts:
                    cuts.add((m.start(), m.end()))
                    changed = True
    return _pieces(first, len(line), cuts)


def _pieces(first: int, end: int, cuts: set[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, start = [], first
    for cut_start, cut_end in sorted(cuts):
        pieces.append((start, cut_start))
        start = cut_end
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if e > s]
