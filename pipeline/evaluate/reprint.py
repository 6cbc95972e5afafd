"""A clean page re-set the ways other engines and converters print one, to try repair and the
stages after it on layouts nobody tuned for, without the misread characters of a real engine.

* :func:`set_in_columns`: a line-keeping engine (tesseract): every paragraph set in a column,
  each printed line a line of text, a blank line between blocks;
* :func:`as_converted`: a PDF converter: lines of a wider column, no blank line between
  paragraphs, each paragraph's first line opened by ``　　``;
* :func:`cut_by_column_breaks`: a layout-block engine (a paragraph a line) whose long paragraphs
  a column break cuts in two blocks.

Marks are set as printed: a digit or Latin letter takes half a slot, every other character a
whole one, even a half-width mark the page's text carries (it was a full-width one in print).

>>> page = "国务院侨办发表新年贺词\\n本报北京12月30日讯新年将至，国务院侨务办公室主任今天通过新闻媒介发表新年贺词。"
>>> print(set_in_columns(page, 14))
国务院侨办发表新年贺词
<BLANKLINE>
本报北京12月30日讯新年将
至，国务院侨务办公室主任今天
通过新闻媒介发表新年贺词。
>>> print(as_converted(page, 20))
　　国务院侨办发表新年贺词
　　本报北京12月30日讯新年将至，国务院侨
务办公室主任今天通过新闻媒介发表新年贺词。
>>> cut_by_column_breaks(page, longer_than=20).split("\\n\\n")[1:]
['本报北京12月30日讯新年将至，国务院侨务办公室', '主任今天通过新闻媒介发表新年贺词。']
"""

from __future__ import annotations

from pipeline.evaluate.ocr_render import wrap

#: a paragraph's first line is indented by two slots
INDENT = 2


class PrintedWidths:
    """A font in which digits and Latin letters are half a slot and every mark a whole one."""

    def getlength(self, ch: str) -> float:
        if ch == " ":
            return 0.0
        return 0.5 if ch.isascii() and ch.isalnum() else 1.0


def paragraphs(page: str) -> list[str]:
    return [p.strip() for p in page.splitlines() if p.strip()]


def set_in_columns(page: str, width: float = 14) -> str:
    """Each paragraph set in a column ``width`` slots wide, its first line indented; blocks apart."""
    return "\n\n".join("\n".join(wrap(p, width, PrintedWidths(), indent=INDENT)) for p in paragraphs(page))


def as_converted(page: str, width: float = 20) -> str:
    """Lines ``width`` slots wide, no blank line between paragraphs, each opened by ``　　``."""
    lines: list[str] = []
    for paragraph in paragraphs(page):
        wrapped = wrap(paragraph, width, PrintedWidths(), indent=INDENT)
        lines += ["\u3000" * INDENT + wrapped[0], *wrapped[1:]]
    return "\n".join(lines)


def cut_by_column_breaks(page: str, longer_than: int = 120) -> str:
    """A paragraph a line; one longer than ``longer_than`` characters cut at three fifths."""
    blocks: list[str] = []
    for paragraph in paragraphs(page):
        cut = len(paragraph) * 3 // 5 if len(paragraph) > longer_than else len(paragraph)
        blocks += [paragraph[:cut], paragraph[cut:]] if cut < len(paragraph) else [paragraph]
    return "\n\n".join(blocks)


#: every re-setting, by the name the reports use
REPRINTS = {"columns": set_in_columns, "converted": as_converted, "blocks": cut_by_column_breaks}
