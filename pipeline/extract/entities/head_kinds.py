"""The kind of name a head word ends (ORG, EVENT, FAC), read from the head and its neighbours.

A head says what a name is (委员会 a body, 论坛 an event, 博物馆 a facility), but the same word is
also prose (组织 the verb, 市中心 the city centre, 克林顿政府 a leader's government): the tests here
tell the two apart before any name is grown.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.bodies import common_short_word, common_tail, ordinal, rare_word
from pipeline.extract.entities.heads import (
    CENTER_WORK,
    EVENT_HEADS,
    FAC_HEADS,
    HERITAGE_HEADS,
    KIND_MODIFIERS,
    LEGISLATURES,
    ORG_CHAR_HEADS,
    ORG_HEADS,
    ORG_OFFICERS,
    SPECIFIC,
    TEAM_HEADS,
    VENUE_USES,
)
from pipeline.extract.entities.lexicon import RARE_WORD_FREQ, dictionary
from pipeline.extract.entities.translit import ruler
from pipeline.segment import Token

#: a two-character body word rarer than this after a place names the place's body (科委, 电厂; not 社会, 军队)
_SHORT_BODY_FREQ = 1000


#: verbs that make a verb-object word with 馆 (开馆 "to open", 闭馆, 建馆, 入馆): not 使馆, 会馆, 展馆
_ACTS_ON_BUILDINGS = frozenset("开闭建办入进出离到休")


def head_kind(tok: Token, nxt: str, prev: str = "") -> str:
    """ORG / EVENT / FAC if the token is (or ends in) a head word, else ''.

    >>> head_kind(Token("交流中心", "l", 0, 4), ""), head_kind(Token("会展中心", "n", 0, 4), ""), head_kind(Token("中心", "n", 2, 4), "", "研究")
    ('ORG', 'FAC', 'ORG')
    >>> head_kind(Token("开馆", "n", 0, 2), ""), head_kind(Token("使馆", "n", 0, 2), "")
    ('', 'ORG')
    """
    return _head_kind(tok.text, tok.tag, nxt, prev)


@lru_cache(maxsize=65536)
def _head_kind(w: str, tag: str, nxt: str, prev: str) -> str:
    """:func:`head_kind` by strings, kept: a run meets the same head between the same words again and
    again (国务院|新闻|办公室, 中国共产党|第十五次全国代表大会), and each test is a dozen suffix lookups."""
    if w.endswith(LEGISLATURES):
        return "ORG"
    if w.endswith("当局") or ruler(w):
        return ""  # 台湾当局, 克林顿政府: a place's authorities or a leader's government, not a named body
    if w == "组织" and (prev in gz.orgs() or prev.endswith(ORG_HEADS) or prev[-1:] in ORG_CHAR_HEADS | {"联", "党"}
                       or dictionary().get(prev, (0, ""))[1] in ("d", "ad")):
        return ""  # 妇联|组织, 市委|精心|组织: a body's units or the verb, not a body named 组织
    if w.endswith("论坛"):
        return "ORG" if nxt.startswith(ORG_OFFICERS) else "EVENT"
    if w.endswith(EVENT_HEADS):
        return "EVENT"
    if w.endswith("中心") and _center_of_work(w[:-2] or prev):
        return "ORG"
    if w.endswith(ORG_HEADS):
        return "ORG"
    if w in ("市中心", "城中心", "镇中心"):
        return ""  # the city centre, not a centre named after the city
    if len(w) == 2 and w[0] in _ACTS_ON_BUILDINGS and w[1] == "馆":
        return ""  # 大使馆|开馆, 闭馆, 入馆: the act of opening, closing, entering a hall, no hall of that name
    if w.endswith(FAC_HEADS) or w[-1] in HERITAGE_HEADS and (len(w) >= 2 or tag == "n"):
        return "FAC"
    if w.endswith(TEAM_HEADS) and len(w) >= 3 and tag in ("nr", "nrfg"):
        return "ORG"  # a team by its sponsor, named after a place: 四川|蓝剑队/nr
    if len(w) == 2 and tag in ("n", "j") and w[-1] in "委协联厂社办" and (prev in gz.places() or ordinal(prev) or rare_word(prev)) \
            and dictionary().get(w, (0, ""))[0] < _SHORT_BODY_FREQ:
        return "ORG"  # 青海省|科委, 宜阳|电厂, 保定|一|棉厂, 安徽|大泽|酒厂: a named body by a short word
    if w in "厂院所社" and tag in ("n", "ng", "zg") and len(prev) >= 2:
        return "ORG"  # 蔚县|剪纸|厂: a head jieba left alone, named only if its modifiers are (see head_names)
    if w[-1] in ORG_CHAR_HEADS and not common_tail(w) and not common_short_word(w) \
            and (tag in ("nt", "j", "nz") or tag in ("n", "l") and len(w) != 2
                                    or tag == "nr" and len(w) >= 3 and w[-1] in "部局厅署委办"):  # 宣传部/nr
        return "ORG"
    return ""


def may_head(word: str) -> bool:
    """The word ends as a head word does (the conditions under which :func:`head_kind` names a kind,
    context aside): most words that share a head's last character (社会, 进行, 地区) do not.

    >>> may_head("委员会"), may_head("宣传部"), may_head("社会"), may_head("进行")
    (True, True, False, False)
    """
    return (word.endswith(LEGISLATURES + EVENT_HEADS + ORG_HEADS + FAC_HEADS + TEAM_HEADS + ("论坛", "中心"))
            or word[-1:] in HERITAGE_HEADS or len(word) == 2 and word[-1] in "委协联厂社办" or word in "厂院所社"
            or word[-1:] in ORG_CHAR_HEADS and not common_tail(word) and not common_short_word(word))


def specific_word(word: str) -> bool:
    """A nation-wide word (国家, 中央, 全国) makes a body one body, also where jieba glued it to the next
    word into one it knows only as a rare word (国家验收/n 3|委员会), not an everyday one (国际化).

    >>> specific_word("国家"), specific_word("国家验收"), specific_word("国家级"), specific_word("国际化")
    (True, True, False, False)
    """
    return word in SPECIFIC or word[:2] in SPECIFIC and word not in KIND_MODIFIERS \
        and dictionary().get(word, (0,))[0] < RARE_WORD_FREQ


def _center_of_work(before: str) -> bool:
    """A 中心 after the work it does is a body (研究中心, 监控中心, 拍卖中心, 检验中心); after a venue's
    use (会展中心, 购物中心, 活动中心, 体育中心) it is a facility.

    >>> [_center_of_work(w) for w in ("研究", "交通监控", "拍卖", "监督检验", "会展", "购物", "体育", "宾客")]
    [True, True, True, True, False, False, False, False]
    """
    if before.endswith(CENTER_WORK):
        return True
    if before.endswith(VENUE_USES):
        return False
    return dictionary().get(before[-2:], (0, ""))[1] in ("v", "vn")

