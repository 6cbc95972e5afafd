"""A person named by the surname alone: with 姓 (一名王姓男子, 一位李姓居民, 这名姓张的旅客), or
familiarly with 老 or 小 before a reporting verb (老张说, 小李告诉记者).

News keeps the parties of a case or a bystander anonymous this way; the surname is the one name
given, and it is a person's mention (the 1998 annotation tags it so).  The clan or the statistics of
a surname (王姓人口, 李姓家族) name nobody: the word after X姓 must be a noun for a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import WEAK_CUES, dictionary
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.extract.speakers.lexicon import is_person_noun
from pipeline.segment import Token

#: nouns for a man, a woman or a child without an agentive ending (is_person_noun reads those)
PLAIN_PERSON_NOUNS = frozenset({"男子", "女子", "妇女", "男孩", "女孩", "少年", "少女", "司机", "男士", "女士"})


def surname_mentions(text: str, toks: list[Token]) -> list[Cand]:
    """The surname of X姓 before a noun for a person, and of 姓X before 的.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in surname_mentions(s, tokenize(s))]
    >>> show("一名王姓男子被刑拘"), show("一位李姓居民说"), show("这名姓张的旅客"), show("王姓人口最多")
    (['王'], ['李'], ['张'], [])
    """
    if "姓" not in text:
        return []
    out = []
    surnames = gz.surnames()
    for i, t in enumerate(toks):
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if len(t.text) == 2 and t.text[1] == "姓" and t.text[0] in surnames and (nxt in PLAIN_PERSON_NOUNS or is_person_noun(nxt)):
            out.append(Cand(T_PER, t.start, t.start + 1, "PERSON", ""))
        elif t.text == "姓" and nxt in surnames and len(nxt) == 1 and i + 2 < len(toks) and toks[i + 2].text == "的":
            out.append(Cand(T_PER, toks[i + 1].start, toks[i + 1].end, "PERSON", ""))
        elif len(t.text) == 2 and t.text[0] == "姓" and t.text[1] in surnames and nxt == "的":
            out.append(Cand(T_PER, t.start + 1, t.end, "PERSON", ""))
    return out


#: the familiar prefixes before a surname (老张, 小李)
FAMILIAR = frozenset("老小")
_FAMILIAR = re.compile("[老小]")
#: a 老/小 word jieba lists this often is an everyday word (老师 6415, 小时, 老板, 老总 441), not a
#: familiar name (老张 256, 小马 391)
_EVERYDAY_FREQ = 400


def familiar_names(text: str, toks: list[Token]) -> list[Cand]:
    """老 or 小 and a common surname, cut as jieba cuts them (老张/n, 老/a 黄/a, 小/a 李/nr), right
    before a reporting verb: one person.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in familiar_names(s, tokenize(s))]
    >>> show("老张说，日子好了"), show("老黄说：“好。”"), show("小刘告诉记者"), show("老实说，不好"), show("老师说")
    (['老张'], ['老黄'], ['小刘'], [], [])
    """
    surnames = gz.surnames()
    out = []
    for prefix in _FAMILIAR.finditer(text):
        p = prefix.start()
        if text[p + 1:p + 2] not in surnames or not _token_starts(toks, p, p + 2):
            continue
        k = bisect_left(toks, p, key=attrgetter("start"))
        t = toks[k]
        if len(t.text) > 2 or len(t.text) == 1 and not _token_starts(toks, p + 1):
            continue
        freq, tag = dictionary().get(text[p:p + 2], (0, "nr"))
        if tag not in ("n", "nr") or freq >= _EVERYDAY_FREQ:
            continue  # 老师, 小时, 老周/t: a word
        verb = toks[bisect_left(toks, p + 2, key=attrgetter("start"))].text
        if verb in gz.cues() and verb not in WEAK_CUES:
            out.append(Cand(T_PER, p, p + 2, "PERSON", ""))
    return out


def _token_starts(toks: list[Token], *positions: int) -> bool:
    """A token starts at each of ``positions``."""
    for p in positions:
        k = bisect_left(toks, p, key=attrgetter("start"))
        if k == len(toks) or toks[k].start != p:
            return False
    return True
