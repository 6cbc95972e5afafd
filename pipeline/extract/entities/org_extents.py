"""An organization's name past the span its head rule grew: a unit named after the body
(北京大学|化学系), and a place-led name whose middle words jieba tagged oddly (浙江|隆中/t|机械制造/b|有限公司).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.bodies import COUNT, common_tail, ordinal
from pipeline.extract.entities.head_kinds import head_kind
from pipeline.extract.entities.heads import ACTION_VERBS, KIND_MODIFIERS, NAME_CONJ, ORG_HEADS, PROPER_TAGS, UNIT_HEADS
from pipeline.extract.entities.lexicon import DATELINE, FORMER, LEFT_STOP, WHEN, dictionary
from pipeline.extract.entities.marks import head_ends
from pipeline.extract.entities.places import division
from pipeline.extract.entities.tokens import T_HEAD, Cand
from pipeline.segment import Token

#: characters of a count or a quantity
COUNT_CHARS = frozenset("0123456789.%一二三四五六七八九十百千万亿两几多余数半")


_END = attrgetter("end")

#: the most tokens between a body and the head of its unit (中国中医药学会|急诊|医学|分会)
_UNIT_REACH = 4


def units(toks: list[Token], found: list[Cand]) -> list[Cand]:
    """A body's unit named after it, as one organization (中国中医药学会急诊医学分会, 北京大学化学系,
    美国地质调查局地震信息中心): the unit's own words between the body and a unit head.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("北京大学化学系教授")
    >>> [(c.start, c.end) for c in units(toks, [Cand(T_HEAD, 0, 4, "ORG", "")])]
    [(0, 7)]
    >>> toks = tokenize("北京大学关系密切")
    >>> units(toks, [Cand(T_HEAD, 0, 4, "ORG", "")])
    []
    """
    if not any(c.label == "ORG" for c in found):
        return []  # most paragraphs: no body to hang a unit on
    out = []
    for c in found:
        if c.label != "ORG":
            continue
        k = bisect_left(toks, c.end, key=_END)  # the token the body ends with, if it ends on one (token ends ascend)
        if k == len(toks) or toks[k].end != c.end:
            continue
        for r in range(k + 1, min(len(toks), k + 2 + _UNIT_REACH)):
            t = toks[r]
            if _unit_head(t.text):
                out.append(Cand(T_HEAD, c.start, t.end, "ORG", ""))
                break
            if t.tag not in ("n", "vn", "nz", "l", "v", "j") or t.text in LEFT_STOP or t.text in ACTION_VERBS or head_kind(t, ""):
                break
    return out


def _unit_head(word: str) -> bool:
    """The word ends in the head of a body's unit (分会, 化学系, 研究所, 信息中心), not an everyday word (关系, 体系)."""
    if word.endswith(UNIT_HEADS):
        return True
    return len(word) >= 3 and word[-1] == "系" and not common_tail(word)


#: the most tokens a place-led name holds between its place and its head (湖州|练市|针织|制衣厂)
_ANCHOR_REACH = 6


def place_anchor(toks: list[Token], j: int) -> int | None:
    """The index of the place that starts a body's name ending at head ``j``, where the words between
    are the body's own however jieba tagged them (中国|人民|争取和平/i|与|裁军|委员会, 浙江|隆中/t|
    机械制造/b|有限公司, 中国|大/a|马戏团): the 1998 annotation and OntoNotes take the place into the name.

    The words between must all be a name's: no punctuation, function word, pronoun, action verb,
    count, time word that says when, nor a word that makes the head a kind (各级, 国营, 三大).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def anchored(text):
    ...     toks = tokenize(text)
    ...     k = place_anchor(toks, len(toks) - 1)
    ...     return None if k is None else "".join(t.text for t in toks[k:])
    >>> anchored("这是浙江隆中机械制造有限公司"), anchored("天津市首都规划设计委员会")
    ('浙江隆中机械制造有限公司', None)
    >>> anchored("贵州省各级党委"), anchored("印尼国营银行"), anchored("美国支持以色列政府")
    (None, None, None)
    """
    head = toks[j]
    if j < 2 or head.text.endswith("政府") or head.tag == "nt" and head.text not in ORG_HEADS:
        return None  # 以色列政府/nt, 香港科技大学/nt: a name by itself; a place's 政府 is the ordinary rule's
    anchor, ends = None, head_ends()
    for k in range(j - 1, max(-1, j - _ANCHOR_REACH - 2), -1):
        t = toks[k]
        if t.tag == "ns" and t.text in gz.places() or division(t.text):
            anchor = k if k < j - 1 else anchor  # a place right before the head is the ordinary rule's (中国银行)
            continue
        if anchor is not None and anchor == k + 1:
            break  # the name starts at the place: 据|中国环境监测总站
        if not _inside_name(t, toks[k + 1], k + 1 == j) or t.text[-1] in ends and head_kind(t, toks[k + 1].text, toks[k - 1].text if k else ""):
            break  # a whole body before the head is another name (委员会|代表团, 银行|和|抵押银行)
    return anchor


#: a time word this rare in jieba's dictionary is a name's word that jieba took for an era (隆中/t, 明治/t)
_RARE_TIME_FREQ = 1000


def _inside_name(t: Token, nxt: Token, before_head: bool) -> bool:
    """The token may stand between a place and the head of the body it names."""
    if t.text in NAME_CONJ:
        return nxt.tag not in PROPER_TAGS  # 和平与裁军委员会, not 中国和美国政府
    if t.tag[:1] in ("x", "w", "u", "p", "c", "r", "q", "y", "e", "o", "k") or t.text in LEFT_STOP or t.text in FORMER \
            or t.text in DATELINE or t.text in ACTION_VERBS or t.text in KIND_MODIFIERS or t.text in WHEN:
        return False
    if t.tag in ("nr", "nrfg", "nrt", "d"):
        return False  # 美国|克林顿|政府, 北京市|首都/d: a person or an adverb here is the sentence's
    if COUNT.fullmatch(t.text):
        return before_head and ordinal(t.text)  # 瑞士|三大/j|银行 counts; 保定|一|棉厂 numbers
    if t.tag == "m":
        return not any(ch in COUNT_CHARS for ch in t.text)
    if t.tag == "t":
        return dictionary().get(t.text, (0, ""))[0] < _RARE_TIME_FREQ
    if t.tag[:1] == "v":
        return before_head and len(t.text) >= 2  # 交通|监控|中心; a verb further left is the sentence's (募捐委员会|资助|社会福利院)
    if t.tag == "ad":
        return False
    return True
