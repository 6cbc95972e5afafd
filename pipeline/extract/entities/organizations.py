"""Organizations, events and facilities found by their head word, the left edge grown over the name.

The span grows left over name-like tokens and stops at the sentence's words
(verbs of action, time words, prepositions, a division that starts the next name);
a head whose modifiers are all common words is no name (中介公司, 人民政府).
"""

from __future__ import annotations

import re

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.bodies import (
    common_tail,
    generic_abbreviation,
    kind_of_body,
    known_whole,
    named_facility,
    ordinal,
    specific_prefix,
    unnamed_place,
)
from pipeline.extract.entities.head_kinds import head_kind, specific_word
from pipeline.extract.entities.heads import (
    ACTION_VERBS,
    BRANCH_HEADS,
    EDGE_TRIM_TAGS,
    EVENT_HEADS,
    FAC_HEADS,
    HERITAGE_HEADS,
    NAME_CONJ,
    NAME_TAGS,
    ORG_CHAR_HEADS,
    ORG_HEADS,
    PERSON_NAMED_HEADS,
    PROPER_TAGS,
    QUANTIFIERS,
    SPECIFIC,
    SUBUNIT_HEADS,
)
from pipeline.extract.entities.lexicon import DATELINE, FORMER, LEFT_STOP, WHEN, YEAR, dictionary, is_title
from pipeline.extract.entities.marks import HEAD_WORD, NT, SPLIT_HEAD_END, Marks, head_ends
from pipeline.extract.entities.org_edges import ends_other_name, quoted_name, unnamed_body
from pipeline.extract.entities.org_extents import COUNT_CHARS, place_anchor, units
from pipeline.extract.entities.places import division
from pipeline.extract.entities.tokens import T_HEAD, T_TAG, Cand, merge_heads
from pipeline.segment import Token

#: jieba's tags of a person's name
PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _titled_person(toks: list[Token], k: int) -> bool:
    """Token k is a name after a title (参议员|多尔): a person, not the namesake of a body (惠珍|联合医院)."""
    return toks[k].tag in PERSON_TAGS and k > 0 and is_title(toks[k - 1].text, toks[k - 1].tag)

#: numbers that may stand in a name before its head (1998年, 第十五届) and that a name's left edge keeps
_YEAR_OR_SESSION = re.compile(r"(?:\d{4}年?|第[一二三四五六七八九十\d]+[届次]?)")
_YEAR_OR_ORDINAL = re.compile(r"\d{4}年?|第.+")


#: words that label the body named after them (主办单位|国家奥林匹克中心, 工作单位|…): never part of its name
_ROLE_LABELS = ("单位",)
#: a company's legal form written in brackets inside its name (长虹电子（集团）公司, 华为（控股）有限公司)
_FORM_IN_BRACKETS = frozenset({"集团", "控股", "股份", "国际", "中国", "香港"})


def head_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Organizations, events and facilities by their head, the left edge grown over the name's modifiers.

    The span grows left over name-like tokens (places, proper nouns, nouns; a
    verb only right before the head, as in 指导委员会), never across 的/在/和/与
    or punctuation, then loses leading verbs and function words.  A bare head,
    or one whose modifiers are all common words, is not a name unless the
    gazetteer knows it or it starts with a known place (香港科技大学).  A title before 和 ends
    the name (国王|和|政府 joins a person's post and a body), as does a bare head right after it
    (牧民|和|部队: two nouns joined, where a name joins two modifiers of its head, 通信和信息|部), and a
    quantifier makes a kind (所有清真寺).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def names(text): return [text[c.start:c.end] for c in head_names(tokenize(text))]
    >>> names("泰国国王和政府决定延长假期"), names("他走遍了开罗所有清真寺"), names("经国家检查委员会审议")
    ([], [], ['国家检查委员会'])
    >>> names("牧民和部队官兵一起抗雪"), names("新加坡通信和信息部宣布")[:1]
    ([], ['新加坡通信和信息部'])
    >>> names("驻闽部队官兵连夜赶到灾区"), names("那家银行的伦敦总部今年搬了家"), names("海尔集团总部设在青岛")
    ([], [], ['海尔集团'])
    >>> names("长虹电子（集团）公司的彩电"), names("青岛海尔（集团）有限公司宣布")[:1], names("他说（中国）公司")
    (['长虹电子（集团）公司'], ['青岛海尔（集团）有限公司'], [])
    >>> names("这是世界上最活跃的区域经济合作组织之一"), names("它是非洲十大港口之一"), names("本次比赛的主办单位国家游泳中心称")
    ([], [], ['国家游泳中心'])
    """
    out = []
    orgs = gz.orgs()
    marks = marks or Marks(toks)
    merged = merge_heads(toks, marks.where(SPLIT_HEAD_END))
    heads = marks.where(HEAD_WORD)  # the words head_kind may read a kind from
    if len(merged) != len(toks):  # merged: the marks no longer index these tokens
        ends = head_ends()
        heads = [j for j, t in enumerate(merged) if t.text[-1] in ends]
    toks = merged
    bodies = []  # heads of ORG kind, for the place-led names below
    for j in heads:
        t = toks[j]
        kind = head_kind(t, toks[j + 1].text if j + 1 < len(toks) else "", toks[j - 1].text if j else "")
        if not kind:
            continue
        if kind == "ORG":
            bodies.append(j)
        i = j
        known = t.text in orgs
        quoted = False
        bracket = -1  # where a company's form in brackets opens, if the name holds one
        while i > 0 and j - i < 12:
            p = toks[i - 1]
            if p.text == "”" and quoted_name(toks, i - 1):
                while toks[i - 1].text != "“":
                    i -= 1
                i -= 1
                quoted = True
                break  # a quoted name is the whole name: “读懂中国”论坛
            if p.text in ("）", ")") and i >= 4 and toks[i - 2].text in _FORM_IN_BRACKETS and toks[i - 3].text in ("（", "(") \
                    and toks[i - 4].tag in NAME_TAGS and toks[i - 4].text not in LEFT_STOP:
                i -= 3
                bracket = i
                continue  # 石家庄乳业（集团）公司: a company's form in brackets is part of its name
            if p.text == "·" and i >= 2 and toks[i - 2].tag == "ns":
                i -= 1
                continue
            if p.text in ("与", "和") and kind == "EVENT":
                k = next((k for k in range(i - 2, max(-1, i - 6), -1) if toks[k].text.endswith(EVENT_HEADS)), None)
                if k is not None and all(x.tag in NAME_TAGS for x in toks[k + 1:i - 1]):
                    i = k + 1  # a forum held within a larger event: 峰会青年与数字未来论坛
                    continue
            if p.text == "驻" and i >= 2 and toks[i - 2].tag == "ns" and toks[i].tag == "ns":
                i -= 1
                continue  # one country's mission in another: 中华人民共和国驻南非共和国大使馆
            if p.text == "—" and i >= 2 and toks[i - 2].tag in ("ns", "nt", "j") and toks[i].tag in ("ns", "nt", "j"):
                i -= 1
                continue  # two parties joined by a dash: 中国—东盟数字经济合作论坛
            if p.text in NAME_CONJ and kind == "ORG" and i >= 2 and toks[i - 2].tag in NAME_TAGS \
                    and (toks[i - 2].tag == "ns") == (toks[i].tag == "ns") and toks[i - 2].tag not in ("nr", "nrfg", "m", "v") \
                    and (toks[i].tag != "ns" or i + 1 < j) and "nt" not in (toks[i - 2].tag, toks[i].tag) and not head_kind(toks[i - 2], "") \
                    and not is_title(toks[i - 2].text, toks[i - 2].tag) and (i < j or t.text not in ORG_HEADS):
                # not two countries' bodies (中国和印度外交部) nor two whole names (医院和学会, 会议和|中国人民政治协商会议/nt…)
                i -= 1
                continue  # 通信和信息部, 亚洲及太平洋经济社会委员会: both sides alike
            if p.text in LEFT_STOP or p.text[-1] in "的" or p.tag not in NAME_TAGS or p.text in FORMER or p.text in DATELINE \
                    or p.text.endswith(_ROLE_LABELS):
                break
            if division(toks[i].text) and head_kind(p, toks[i].text) and not t.text.endswith(BRANCH_HEADS):
                break  # 湖南省话剧院|江西省科委: a division after a whole body starts the next name (not a branch: …分行)
            if ends_other_name(p, t, kind):
                break  # 博览会|海尔集团: a whole event before a body is another name
            if p.tag == "t" and (p.text in WHEN or p.text.endswith(("时期", "初期", "期间", "以来"))) or p.text.endswith("讯"):
                break  # 建国初期|创办军校, 本报讯|美国波音公司: a time word or a dateline is the sentence's
            if p.tag == "v" and t.tag == "v":
                break  # 开设/v 分行/v: a head that jieba reads as a verb takes no verb before it
            if p.tag in ("nr", "nrfg") and (i >= 2 and is_title(toks[i - 2].text) or i < 2 and not t.text.endswith(PERSON_NAMED_HEADS)):
                break
            if known and p.tag != "ns":
                break
            if p.tag == "v" and (i != j or kind == "FAC" or p.text in ACTION_VERBS or len(p.text) == 1
                                 or toks[i - 2].tag not in NAME_TAGS or _titled_person(toks, i - 2) if i >= 2 else True):
                break  # a verb after a titled person is the person's act (参议员|多尔/nrt|批评|政府), not a body's name
            if i != j and p.tag not in PROPER_TAGS and dictionary().get(p.text, (0, "n"))[1][:1] in ("d", "t", "p", "c") \
                    and not YEAR.fullmatch(p.text):
                break  # 工作人员正在/t 整理 五台山佛光寺: an adverb or time word by the dictionary ends the name
            if p.tag not in PROPER_TAGS and p.text not in SPECIFIC and p.text not in gz.places() and not _YEAR_OR_SESSION.fullmatch(p.text) \
                    and (i != j or t.text not in ORG_HEADS or t.tag != "nt") and not (i == j and p.tag == "b") and toks[i].tag in ("ns", "nz", "nt", "j") and not p.text.endswith(EVENT_HEADS + ORG_HEADS) \
                    and not (len(p.text) >= 3 and p.text[-1] in ORG_CHAR_HEADS and t.text in SUBUNIT_HEADS):
                # a common word before a place or proper name is the sentence, not the name (整理/n 五台山佛光寺);
                # a grade right before the head is the name's (邯郸市|中级/b|人民法院/nt)
                break
            if p.tag == "m" and not _YEAR_OR_SESSION.fullmatch(p.text) and not (
                    i == j and ordinal(p.text) and i >= 2 and toks[i - 2].tag in PROPER_TAGS) and any(ch in COUNT_CHARS for ch in p.text):
                break  # a count (三大银行, 5家公司) ends the name; a body's number (保定|一|棉厂) and jieba's 少年/m do not
            i -= 1
        if i == bracket:
            i += 3  # nothing of the name before the brackets: 他说（中国）公司 is no name
        while not quoted and i < j and (toks[i].tag in EDGE_TRIM_TAGS and not _YEAR_OR_ORDINAL.fullmatch(toks[i].text) or toks[i].text in LEFT_STOP):
            i += 1
        mods = toks[i:j]
        heritage = kind == "FAC" and t.text[-1] in HERITAGE_HEADS
        if not quoted and (kind == "ORG" and kind_of_body(mods, t) or any(m.text in QUANTIFIERS for m in mods)):
            continue  # 印尼国营银行, 伊斯坦布尔所有清真寺: a kind of body or of place, not one
        if not quoted and unnamed_body(toks[i - 1].text if i else "", mods):
            continue
        if not known and j + 1 < len(toks) and toks[j + 1].text.startswith("之一"):
            continue  # 具有活力的经济合作组织之一, 世界十大港口之一: one of a kind, no name
        proper = quoted or any(m.tag in PROPER_TAGS and not generic_abbreviation(m) and not unnamed_place(m.text) or specific_word(m.text)
                               or m.text in gz.places() or heritage and m.tag in ("nr", "nrfg") for m in mods) or (
            kind == "ORG" and mods and mods[0].tag in ("nr", "nrfg") and len(mods[0].text) >= 2 and t.text.endswith(PERSON_NAMED_HEADS))
        # a body named after a person: 李宁公司, 李宁体育用品有限公司, 马海德基金会, 惠珍联合医院
        titled = kind == "ORG" and len(t.text) >= 3 and t.text[-1] in "部局厅署司委办" and j + 1 < len(toks) and is_title(toks[j + 1].text)
        if not proper and not (not mods and (known_whole(t) or titled or kind == "FAC" and named_facility(t)  # 原地质部副部长
                                             or heritage and len(t.text) >= 3 and t.tag in ("nr", "ns", "nz") and t.text not in FAC_HEADS)):
            continue
        out.append(Cand(T_HEAD, toks[i].start, t.end, kind, ""))
    for j in bodies:
        if len(toks[j].text) >= 2 and (k := place_anchor(toks, j)) is not None and not kind_of_body(toks[k:j], toks[j]):
            out.append(Cand(T_HEAD, toks[k].start, toks[j].end, "ORG", ""))
    return out + units(toks, out)


def tagged_orgs(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """jieba's ``nt`` words with a specific prefix and a body's head (中央气象台/nt, 国家环保局/nt)."""
    out = []
    for t in [toks[i] for i in (marks or Marks(toks)).where(NT)]:
        if len(t.text) >= 4 and dictionary().get(t.text, (0, ""))[1] == "nt" and specific_prefix(t.text) and not common_tail(t.text) \
                and (t.text.endswith(ORG_HEADS) or t.text[-1] in ORG_CHAR_HEADS | {"台"}) and not t.text.endswith(EVENT_HEADS + ("政府",)):
            out.append(Cand(T_TAG, t.start, t.end, "ORG", ""))
    return out
