"""Teams named by a date: 八一队 (the army's team, after 1 August, Army Day), 八一男篮, 五四队.

Such a name is two numerals, a month and a day, before a team's head; jieba reads the whole as a
number (八一队/m) or glues it into a word of its own (八一男篮/nz, 八一女排/j), so the rule reads
characters.  A count or an ordinal is not a date: 第八一队 and 两队 are no names, nor is 十一队 (a
team numbered eleven).
"""

from __future__ import annotations

import re

from pipeline.extract.entities.heads import TEAM_HEADS
from pipeline.extract.entities.tokens import T_HEAD, Cand

#: a month and a day in numerals (八一, 五四, 三八) right before a team's head, after no other numeral
_DATE_TEAM = re.compile(r"(?<![〇零一二三四五六七八九十百千万两第几\d])[一二三四五六七八九]{2}(?:"
                        + "|".join(sorted(TEAM_HEADS, key=len, reverse=True)) + ")")


def date_teams(text: str) -> list[Cand]:
    """Teams named by a date.

    >>> text = "八一队以89比80战胜广东队，八一男篮卫冕，第八一队和两队不是"
    >>> [text[c.start:c.end] for c in date_teams(text)]
    ['八一队', '八一男篮']
    """
    if "队" not in text and not any(h in text for h in TEAM_HEADS):
        return []
    return [Cand(T_HEAD, m.start(), m.end(), "ORG", "") for m in _DATE_TEAM.finditer(text)]
