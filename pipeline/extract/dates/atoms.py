"""The atoms of a date: one regex pass finds every piece (``2023年``, ``11月``, ``8日``, ``去年``, ``上旬``,
``10年来``, a connector ``至``), named by kind, and the small numbers inside them are read.

>>> [(a.kind, a.text) for a in find_atoms("去年12月3日至5日")]
[('RY', '去年'), ('M', '12月'), ('D', '3日'), ('CON', '至'), ('D', '5日')]
>>> small_number("二十六日"), small_number("廿三"), small_number("元月"), year_number("一九九八年")
(26, 23, 1, 1998)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_CONNECT = "至到—–\\-－~～〜"
REL_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1, "后年": 2}
REL_MONTH = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
REL_DAY = {
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今晚": 0,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "前天": -2,
    "明天": 1,
    "明日": 1,
    "后天": 2,
}
#: periods a newspaper uses that are not on a calendar (normalized stays empty)
_VAGUE = ("近日", "日前", "近期", "近年来", "近些年来", "近年", "连日来", "当年", "同年", "当月", "同月")

#: a period counted back in years (过去10年, 近二十年来): the SPAN atom, and what :func:`counts_years` tests
_COUNTED_YEARS_PATTERN = (
    rf"(?:过去|最近)(?:\d{{1,3}}|[{_CN_SMALL}两几数]{{1,3}})多?个?年(?:来|以来)?"
    rf"|(?<![\d{_CN_SMALL}两几数])(?:近|这)?(?:\d{{1,3}}|[{_CN_SMALL}两几数多]{{1,3}})多?个?年(?:来|以来)"
)
#: every character an atom can start with: the pass tests this set before the alternatives (speed only)
_ATOM_FIRST = rf"0-9{_CN_DIGIT}{_CN_SMALL}廿两几数多元今本去上前明后下中昨日过最近这连当同第{_CONNECT}"
ATOMS = re.compile(
    rf"(?=[{_ATOM_FIRST}])(?:"
    + "|".join(
        (
            rf"(?P<Y>(?<![\d{_CN_DIGIT}])(?:\d{{4}}|[{_CN_DIGIT}]{{4}}|(?<=公元)\d{{1,3}})年(?!代(?!表)|以上|左右|之久))",
            rf"(?P<YB>(?<![\d])\d{{4}})(?=[{_CONNECT}]\d{{4}}年(?!代))",
            r"(?P<DEC>(?:(?:\d{2}|[一二]十[一二]?)世纪|本世纪|上世纪)?(?:[1-9]0|[一二三四五六七八九]十)年代)",
            r"(?P<CEN>(?:\d{2}|[一二]十[一二]?)世纪)",
            "(?P<RY>" + "|".join(sorted(REL_YEAR, key=len, reverse=True)) + ")",
            r"(?P<HALF>上半年|下半年)",
            r"(?P<QTR>(?<![\d一二三四五六七八九十两个])(?:第|前)?[一二三四1-4]季度)",
            rf"(?P<M>(?<![\d{_CN_SMALL}两个])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)月(?:份)?(?![球亮光饼薪票]))",
            rf"(?P<MB>(?<!\d)(?:1[0-2]|0?[1-9]))(?=[{_CONNECT}](?:1[0-2]|0?[1-9])月)",
            "(?P<RM>" + "|".join(sorted(REL_MONTH, key=len, reverse=True)) + ")",
            r"(?P<D>(?<![\d一二三四五六七八九十廿两])(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|廿[一二三四五六七八九]?|[一二三四五六七八九])[日号](?![元本军方语籍均益]))",
            rf"(?P<DB>(?<!\d)(?:3[01]|[12]\d|0?[1-9]))(?=[{_CONNECT}](?:3[01]|[12]\d|0?[1-9])日)",
            r"(?P<XUN>[上中下]旬)",
            rf"(?P<CON>[{_CONNECT}])",
            "(?P<RD>" + "|".join(sorted(REL_DAY, key=len, reverse=True)) + ")",
            rf"(?P<SPAN>{_COUNTED_YEARS_PATTERN})",
            "(?P<VAGUE>" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + ")",
        )
    )
    + ")"
)
_CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


class Atom(NamedTuple):
    kind: str
    start: int
    end: int
    text: str


def small_number(text: str) -> int | None:
    """1-31 in Arabic or Chinese (十二, 二十六, 廿三, 元 for the first month)."""
    text = text.rstrip("年月日号份世纪")
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    text = text.replace("廿", "二十")
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUM[tens] if tens else 1) * 10 + (_CN_NUM[ones] if ones else 0)
    return _CN_NUM.get(text) if len(text) == 1 else None


def year_number(text: str) -> int:
    digits = text.rstrip("年")
    return int(digits) if digits.isdigit() else int("".join(str(_CN_NUM[c]) for c in digits))


@lru_cache(maxsize=512)
def find_atoms(text: str) -> tuple[Atom, ...]:
    """The date atoms of a text: cached, since a block is read for the reference date and again for its dates."""
    return tuple(Atom(m.lastgroup or "", m.start(), m.end(), m.group()) for m in ATOMS.finditer(text))


_COUNTED_YEARS = re.compile(_COUNTED_YEARS_PATTERN)


def counts_years(text: str) -> bool:
    """A period counted back in years (10年来, 过去10年, 近二十年来): a date whose number is also a quantity.

    >>> counts_years("10年来"), counts_years("过去10年"), counts_years("近二十年来"), counts_years("330年"), counts_years("近日")
    (True, True, True, False, False)
    """
    return bool(_COUNTED_YEARS.fullmatch(text))
