"""A page's title that the engine read after the first lines of a column, put back in front.

A title set above the columns is often read by tesseract only after the byline
and the first blocks of the column on its left (on the 1998 articles of days
1–5 drawn as pages, 24 of 178).  What tells: the page opens with what is
printed *under* a title (a byline ``本报记者王五``, a dateline
``本报北京1月5日电``, an author's name alone on its line, or a block of several
body lines), so the title has not been read yet; and later there is exactly one lone line that reads as a title
(short, no sentence in it, not a column line: a title is narrower than a
column or wider, a body line fills it or is indented by two ems).  That line
is moved to the front of the page.  Two such lines (a title and a subheading,
``换个思路抓管理``) are ambiguous: the page is left as read.

>>> opens_under_title("本报记者王五"), opens_under_title("本报北京1月5日电 今天"), opens_under_title("李学勤")
(True, True, True)
>>> opens_under_title("温馨的贺卡"), opens_under_title("今天是新年的第一天，")
(False, False)
>>> reads_as_title("省长的问候", 14.0), reads_as_title("在湖南省长沙市五一路芙蓉", 14.0)  # that one: an indented line
(True, False)
>>> reads_as_title("李学勤", 14.0), reads_as_title("（新华社记者王五摄）", 14.0), reads_as_title("元月", 14.0)
(False, False, False)
>>> reads_as_title("”97旅游年是一次国", 14.0)  # a piece of a line, after a closing mark
False

Limits: a page that opens with a lone line that is none of these (a one-line
subtitle, an author's name jieba does not tag ``nr``: ``董其中``) keeps a late
title where it was read, and a title that ends in a mark (``如此美容美发店！``)
is not taken for one.
"""

from __future__ import annotations

import regex

from pipeline.layout import looks_like_heading, special_kind
from pipeline.repair.widths import FULL_SLACK, INDENT, em_width

#: what is printed under a title and opens an article: a dateline, or an editorial's signature
_OPENING = regex.compile(
    r"^(?:据)?(?:新华社|本报|中新社)\p{Han}{0,8}[0-9]{1,2}月[0-9]{1,2}日[电讯]"
    r"|^本报(?:特约)?评论员$"
)
#: a title has at least this many characters of text (shorter lone lines are fragments: 元月, 当)
MIN_TITLE = 3
_HAN = regex.compile(r"\p{Han}")
_BRACKETED = regex.compile(r"^[(（《〈\[]")
#: marks that close or follow something: no title starts with one
_CLOSING = "”’）)》〉」』】，。、；：！？,.;:!?\"'"


def opens_under_title(line: str) -> bool:
    """Is ``line`` what a page prints under its title (a byline, a dateline, an author's name)?"""
    line = line.strip()
    return special_kind(line) == "byline" or bool(_OPENING.match(line)) or is_name_line(line)


def is_name_line(line: str) -> bool:
    """One or two personal names and nothing else (``张青松``, ``潘跃王萍``), by jieba's ``nr`` tag."""
    from pipeline.segment import segment

    tokens = segment(line.strip())
    return 0 < len(tokens) <= 2 and all(token.tag == "nr" for token in tokens)


def reads_as_title(line: str, width: float) -> bool:
    """Could this lone line on a page of columns ``width`` ems wide be the page's title?"""
    line = line.strip()
    wide = em_width(line)
    return (
        len(_HAN.findall(line)) >= MIN_TITLE
        and "，" not in line
        and not _BRACKETED.match(line)
        and line[0] not in _CLOSING  # a piece of a line: ``”97中国旅游年是一次国``
        and special_kind(line) is None
        and looks_like_heading(line)
        and not width - INDENT - FULL_SLACK <= wide <= width + 1  # a full or an indented column line
        and not _OPENING.match(line)
        and not is_name_line(line)
    )


def late_title(blocks: list[list[str]], width: float) -> int | None:
    """The index of the one block (of printed ``blocks``, each a list of lines) that is the page's title
    read late, or None.

    >>> late_title([["本报记者王五"], ["今天是新年的第一天，", "街上的人"], ["新年的街头"], ["很多。"]], 10.0)
    2
    >>> late_title([["新年的街头"], ["本报记者王五"], ["今天是新年的第一天，"]], 10.0)  # read first: in place
    >>> late_title([["本报记者王五"], ["新年的街头"], ["换个思路"]], 10.0)  # two: a subheading, which?
    >>> late_title([["今天是新年的第一天，", "街上的人"], ["新年的街头"], ["很多。"]], 10.0)  # opens with body lines
    1
    >>> late_title([["新年的第一天"], ["新年的街头"], ["很多。"]], 10.0)  # a lone line: no evidence
    >>> late_title([["新年的第一天街头的人很多很多", "新年"], ["新年的街头"], ["很多。"]], 10.0)  # the title, across the columns
    """
    if not blocks or em_width(blocks[0][0]) > width + 1:  # the title itself, across the columns
        return None
    if not (len(blocks[0]) > 1 or opens_under_title(blocks[0][0])):
        return None
    found = [i for i, lines in enumerate(blocks[1:], 1) if len(lines) == 1 and reads_as_title(lines[0], width)]
    return found[0] if len(found) == 1 else None
