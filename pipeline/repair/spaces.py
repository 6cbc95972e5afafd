"""Spaces that OCR put inside Chinese text.

People's Daily sets no spaces in Chinese text, not even around digits
(``超过20万公里``), so a space between two Chinese-context characters, or
between one and a digit, is damage.  Spaces between Latin letters or digits
(``5G VR``, ``2 000``) are real and kept.

>>> from pipeline.repair.mapped import fixed_text
>>> run = lambda s: fixed_text(s, find_inner_spaces)
>>> run("让 互 联 网 发 展 成 果")
'让互联网发展成果'
>>> run("超过 20万公里, 体验 5G VR")
'超过20万公里, 体验5G VR'
>>> run("回应世 界之需。 ")
'回应世界之需。 '
>>> run('按照 "一国两制" 方针')
'按照"一国两制"方针'
"""

from __future__ import annotations

import re

import regex

from pipeline.charsets import CJK
from pipeline.repair.mapped import Fix

_BLANK = r"[ \t\u3000\u00a0]+"
_ANY_BLANK = re.compile(_BLANK)  # the standard engine: a plain character class, scanned faster than by ``regex``
#: straight quotes are still unpaired when spaces are removed: next to Chinese they are Chinese
_INNER_SPACE = regex.compile(
    rf"(?<={CJK}){_BLANK}(?={CJK}|\d|[\"'])|(?<=\d|[\"']){_BLANK}(?={CJK})"
)


_LONE_CHARACTER_SPACE = regex.compile(
    r"(?<=(?<!\p{Han})\p{Han})[ \t\u3000]+(?=\p{Han})"  # after a lone first character: 陈 磊, 李 安琪
    r"|(?<=\p{Han})[ \t\u3000]+(?=\p{Han}(?!\p{Han}|[ \t\u3000]+\p{Han}))"  # before a lone last one: 韩秉 宸
)


def find_spaces_in_names(text: str) -> list[Fix]:
    """In credit lines spaces separate names, but one that leaves a lone character is damage.

    >>> from pipeline.repair.mapped import fixed_text
    >>> run = lambda s: fixed_text(s, find_spaces_in_names)
    >>> run("陈 磊摄（影像中国）"), run("本报记者 张博岚摄"), run("韩秉宸 张远南 李 安琪"), run("韩秉 宸")
    ('陈磊摄（影像中国）', '本报记者 张博岚摄', '韩秉宸 张远南 李安琪', '韩秉宸')
    """
    return [Fix(m.start(), m.end(), "", "space") for m in _LONE_CHARACTER_SPACE.finditer(text)]


#: blanks an engine puts around the colon of a score or a time (``60 : 57``)
_SPACED_COLON = regex.compile(r"(?<=\d)[ \t]*[:∶][ \t]*(?=\d)")
#: digits read one by one (``1 9 9 6年``, ``1 7日``), with the decimal point and the percent sign
#: of the number (``1 2 . 5 %``), next to Chinese text; a group of three digits after a space is a
#: thousands separator (``2 000``) and is kept
_SPACED_DIGITS = regex.compile(
    rf"(?<={CJK}[ \t]?|^)\d+(?:[ \t]\d{{1,2}}(?!\d)|[ \t]?[.．][ \t]?\d+)+(?:[ \t]?[%％])?(?=[ \t]?{CJK})"
)


def find_inner_spaces(text: str) -> list[Fix]:
    """Spaces between Chinese-context characters, or between one and a digit, or inside a number.

    >>> from pipeline.repair.mapped import fixed_text
    >>> fixed_text("成立于1 9 9 6年，1月1 7日晚，增长2 000元，以60 : 57获胜", find_inner_spaces)
    '成立于1996年，1月17日晚，增长2 000元，以60:57获胜'
    >>> fixed_text("增长1 2 . 5 %，比上年高3. 5个百分点，达2 000.5万元", find_inner_spaces)
    '增长12.5%，比上年高3.5个百分点，达2 000.5万元'
    """
    if not _ANY_BLANK.search(text):
        return []  # every fix below removes a blank: most blocks have none
    fixes = [Fix(m.start(), m.end(), "", "space") for m in _INNER_SPACE.finditer(text)]
    for m in _SPACED_COLON.finditer(text):
        if m.end() - m.start() > 1:
            colon = m.group().strip()
            fixes.append(Fix(m.start(), m.end(), colon, "space"))
    for m in _SPACED_DIGITS.finditer(text):
        fixes += [Fix(m.start() + b.start(), m.start() + b.end(), "", "space") for b in regex.finditer(r"[ \t]", m.group())]
    return fixes
