"""How wide an engine's printed lines are, in ems: the column width of a page or a block.

Widths are counted in ems: a Chinese character or mark is 1, an ASCII
character ½, a space 0 (engines put spaces where none were printed), and an
ASCII mark an engine read for a Chinese one beside Chinese text a full slot.

>>> em_width("2023年 世界"), em_width("当前,全球")
(5.0, 5.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

#: a line within this many ems of the column width is full (a paragraph's last line one
#: character short is not)
FULL_SLACK = 0.75
#: a page is set in columns when this share of its lines has one width (at most COLUMN_MAX ems)
#: and few are wider
MIN_COLUMN_SHARE = 0.6
MAX_WIDER_SHARE = 0.1
COLUMN_MAX = 40
MIN_PAGE_LINES = 8
#: how far a digit or Latin letter may be from the half em it is measured as (proportional
#: figures: a line of Chinese and digits filled to the column measures up to a quarter em short
#: or long per such character)
ASCII_SLACK = 0.25
#: a paragraph's first line is indented by two characters
INDENT = 2
#: lines from which a block of every line length is taken for verse, and the share of
#: a block's lines that must share its width
MIN_LINES = 3
BLOCK_SHARE = 0.5
#: an ASCII mark printed as a full-width Chinese one: next to a Chinese character
_ASCII_MARKS = frozenset(',:;!?()"')
_WIDE_MARK = regex.compile(r'(?<=\p{Han}[ \t]*)[,:;!?()"]|[,:;!?()"](?=[ \t]*\p{Han})')


def em_width(line: str) -> float:
    """Printed width in ems: an ASCII mark that an engine read for a Chinese one beside Chinese
    text (``,`` for ``，``) took a full slot in print."""
    narrow = sum(0.0 if ch.isspace() else 0.5 if ch.isascii() else 1.0 for ch in line)
    return narrow if _ASCII_MARKS.isdisjoint(line) else narrow + 0.5 * len(_WIDE_MARK.findall(line))


def page_column_width(lines: Sequence[str], min_lines: int = MIN_PAGE_LINES, short: float = 0.5) -> float | None:
    """The common width of the printed lines, if the page keeps them and is set in columns.

    Set text fills its lines to the column width (a closing mark may hang one
    character past it; a line counts as filled down to ``short`` ems less);
    verse has lines of every length, and no width.

    >>> page_column_width(["一二三四五六七八九十"] * 6 + ["一二三四五六七八九十，"] * 2 + ["一二三"])
    10.0
    >>> page_column_width(["归来的雁阵飞过渭水", "陕北，蒲公英就开放了", "挣扎着开放在", "窑洞向阳的墙角，在",
    ...                    "秦皇战车碾过的大道旁", "像一支苦调歌谣", "像一盏黄晕的灯光", "半是美丽，半是凄惶"]) is None
    True
    >>> digits = ["一二三四五六七八九十"] * 4 + ["1997年五六七八九十"] * 4  # proportional digits measure short
    >>> page_column_width(digits), page_column_width(digits, short=1.5)
    (None, 10.0)
    """
    widths = [em_width(line) for line in lines]
    if len(widths) < min_lines:
        return None
    common, _ = Counter(round(w) for w in widths).most_common(1)[0]
    filled = sum(1 for w in widths if common - short <= w <= common + 0.5) / len(widths)
    wider = sum(1 for w in widths if w > common + 1) / len(widths)
    fits = filled >= MIN_COLUMN_SHARE and wider <= MAX_WIDER_SHARE
    return float(common) if fits and 4 <= common <= COLUMN_MAX else None


def block_width(lines: Sequence[str]) -> float | None:
    """The column width of one block alone: all its lines but the last (and an indented
    first line) of one width.

    >>> block_width(["今年全省粮食总产量达到", "新的水平，农民收入稳步", "增长。"])
    11.0
    >>> block_width(["春风吹过山冈", "小河旁开满了花", "孩子们在田野里", "放飞一只风筝", "飞过了", "村口的老槐树"]) is None
    True

    Lines with digits measure only roughly (proportional figures): such a line is filled
    within a quarter em a digit:

    >>> block_width(["电（记者胡赫、周慧敏）11月24日", "4时30分，我国在中国文昌航天发", "射场，用长征五号遥五运载火箭",
    ...              "成功发射探测器，顺利将探测器", "送入预定轨道，开启我国首次地", "外天体采样返回之旅。"])
    14.0
    """
    measured = [(em_width(line), _ascii_count(line)) for line in lines[:-1]]
    if len(measured) > 2 and measured[0][0] <= max(w for w, _ in measured) - INDENT + FULL_SLACK:
        measured = measured[1:]
    if len(measured) < 2:
        return None
    common, _ = Counter(round(w) for w, _ in measured).most_common(1)[0]
    filled = sum(1 for w, ascii_count in measured if abs(w - common) <= 0.5 + ASCII_SLACK * ascii_count) / len(measured)
    return float(common) if filled >= BLOCK_SHARE and common >= 4 else None


def _ascii_count(line: str) -> int:
    return sum(1 for ch in line if ch.isascii() and not ch.isspace())


