"""``一`` misread for the dash that joins two names (中国—东盟 printed, 中国一东盟 read).

一 is a real character far more often than a misread dash (统一, 一带一路,
一体化, 一项项, numerals), so the rule fires only when a known place or
organization name ends right before it *and* another one starts right after
it.  Names come from jieba's dictionary (tags ns, j, nrt) and the project's
gazetteers.

>>> from pipeline.repair.mapped import fixed_text
>>> run = lambda s: fixed_text(s, find_misread_dashes)
>>> run("建立中国一中东欧国家、中国一中亚五国电子商务合作对话机制")
'建立中国—中东欧国家、中国—中亚五国电子商务合作对话机制'
>>> run("共同建设中国一东盟信息港")
'共同建设中国—东盟信息港'
>>> run("坚持一个中国原则，统一大市场，一带一路，中国一直，一中一台")
'坚持一个中国原则，统一大市场，一带一路，中国一直，一中一台'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pipeline.repair.mapped import Fix

_LONGEST_NAME = 10
_YI = regex.compile("(?<=..)一")  # a name of two characters at least ends before it


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Place and organization names (two characters or more) a dash may join."""
    from pipeline.lexicon import place_and_org_names

    return frozenset(n for n in place_and_org_names() if len(n) >= 2)


@lru_cache(maxsize=1)
def _name_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first two and the last two characters of every known name: most 一 have neither
    beside them, and are passed over without trying every name length."""
    names = known_names()
    return frozenset(n[:2] for n in names), frozenset(n[-2:] for n in names)


def _ends_with_name(text: str, end: int, names: frozenset[str]) -> bool:
    return any(text[end - n : end] in names for n in range(2, min(_LONGEST_NAME, end) + 1))


def _starts_with_name(text: str, start: int, names: frozenset[str]) -> bool:
    return any(text[start : start + n] in names for n in range(2, _LONGEST_NAME + 1))


def find_misread_dashes(text: str) -> list[Fix]:
    """一 between a name that ends and a name that begins becomes —."""
    if "一" not in text:
        return []
    names = known_names()
    heads, tails = _name_edges()
    return [
        Fix(m.start(), m.end(), "—", "dash")
        for m in _YI.finditer(text)
        if text[m.start() - 2 : m.start()] in tails and text[m.end() : m.end() + 2] in heads
        and _ends_with_name(text, m.start(), names) and _starts_with_name(text, m.end(), names)
    ]
