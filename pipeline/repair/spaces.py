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


#: names of one credit line, and the blanks between them: a name spaced out to the width of a
#: three-character one in print (薛　原) has a blank inside it
_NAME_PIECE = regex.compile(r"\p{Han}+")
_BLANKS_ONLY = regex.compile(r"[ \t\u3000]+")


def find_spaces_in_names(text: str) -> list[Fix]:
    """In credit lines spaces separate names, but one that leaves a lone character is damage.

    People's Daily sets a two-character name at the width of a three-character one
    (``苏　滨``), so lone characters side by side pair up (苏 滨 → 苏滨); a lone one
    left over goes with the name after it (陈 磊摄), or, last in the line, the one before (韩秉 宸).

    >>> from pipeline.repair.mapped import fixed_text
    >>> run = lambda s: fixed_text(s, find_spaces_in_names)
    >>> run("陈 磊摄（影像中国）"), run("本报记者 张博岚摄"), run("韩秉宸 张远南 李 安琪"), run("韩秉 宸")
    ('陈磊摄（影像中国）', '本报记者 张博岚摄', '韩秉宸 张远南 李安琪', '韩秉宸')
    >>> run("本报记者 苏 滨 汪志球"), run("本版责编：王 静\u3000刘 阳"), run("记者 薛 原、刘 硕")
    ('本报记者 苏滨 汪志球', '本版责编：王静\u3000刘阳', '记者 薛原、刘硕')
    """
    fixes: list[Fix] = []
    pieces = list(_NAME_PIECE.finditer(text))
    k = 0
    while k < len(pieces):
        run_end = k  # pieces k..run_end are separated by blanks only
        while run_end + 1 < len(pieces) and _BLANKS_ONLY.fullmatch(text, pieces[run_end].end(), pieces[run_end + 1].start()):
            run_end += 1
        fixes += _joined_lone_characters(pieces[k:run_end + 1])
        k = run_end + 1
    return fixes


def _joined_lone_characters(run: list[regex.Match]) -> list[Fix]:
    """The blanks to remove in one run of names separated by blanks only."""
    fixes: list[Fix] = []
    i = 0
    while i < len(run):
        if len(run[i].group()) == 1 and i + 1 < len(run):  # a pair, or a lone character before a name
            fixes.append(Fix(run[i].end(), run[i + 1].start(), "", "space"))
            i += 2
        elif len(run[i].group()) == 1 and i > 0 and not (fixes and fixes[-1].end == run[i - 1].start()):
            fixes.append(Fix(run[i - 1].end(), run[i].start(), "", "space"))  # the lone last one: 韩秉 宸
            i += 1
        else:
            i += 1
    return fixes


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


#: the bracket after a dateline that names its reporters (本报北京5月28日电（记者 张 洋 亓玉昆）)
_DATELINE_STAFF = regex.compile(r"(?<=电[ \t\u3000]*)[（(][^()（）\n]{2,40}[)）]")


def find_body_spaces(text: str) -> list[Fix]:
    """:func:`find_inner_spaces`, but in a dateline's bracket of reporters a space between two names
    separates them, as in a credit line (a two-character name spaced out to three is one name).

    >>> from pipeline.repair.mapped import fixed_text
    >>> fixed_text("本报北京5月28日电 （记者 张 洋 亓玉昆）十三届全国人大 三次会议", find_body_spaces)
    '本报北京5月28日电（记者张洋 亓玉昆）十三届全国人大三次会议'
    >>> fixed_text("本报北京3月5日电 （记者 李晓明、韩雨桐）", find_body_spaces)
    '本报北京3月5日电（记者李晓明、韩雨桐）'
    """
    staff = _DATELINE_STAFF.search(text) if "电" in text else None
    if staff is None:
        return find_inner_spaces(text)
    inside = find_spaces_in_names(staff.group())
    inside += _after_label(staff.group(), {f.start for f in inside})
    return sorted([f for f in find_inner_spaces(text) if not staff.start() <= f.start < staff.end()]
                  + [f._replace(start=f.start + staff.start(), end=f.end + staff.start()) for f in inside])


def _after_label(staff: str, taken: set[int]) -> list[Fix]:
    """The blanks after a credit label (记者, 通讯员: credit_roles.tsv) in a bracket of names."""
    from pipeline.extract.credits import labels

    return [Fix(m.start(), m.end(), "", "space") for m in _ANY_BLANK.finditer(staff)
            if m.start() not in taken and staff[:m.start()].endswith(tuple(labels()))]
