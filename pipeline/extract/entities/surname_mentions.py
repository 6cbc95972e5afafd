"""A person named by the surname alone with 姓: 一名王姓男子, 一位李姓居民, 这名姓张的旅客.

News keeps the parties of a case or a bystander anonymous this way; the surname is the one name
given, and it is a person's mention (the 1998 annotation tags it so).  The clan or the statistics of
a surname (王姓人口, 李姓家族) name nobody: the word after X姓 must be a noun for a person.
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
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
