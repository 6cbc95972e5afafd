"""Organizations, events and facilities found by their head word, the left edge grown over the name.

The span grows left over name-like tokens and stops at the sentence's words
(verbs of action, time words, prepositions, a division that starts the next name);
a head whose modifiers are all common words is no name (中介公司, 人民政府).
"""

from __future__ import annotations

import re

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.bodies import (
    COUNT,
    common_short_word,
    common_tail,
    generic_abbreviation,
    kind_of_body,
    known_whole,
    named_facility,
    ordinal,
    rare_word,
    specific_prefix,
    unnamed_place,
)
from pipeline.extract.entities.heads import (
    ACTION_VERBS,
    BRANCH_HEADS,
    CENTER_WORK,
    EDGE_TRIM_TAGS,
    EVENT_HEADS,
    FAC_HEADS,
    HERITAGE_HEADS,
    KIND_MODIFIERS,
    LEGISLATURES,
    NAME_CONJ,
    NAME_TAGS,
    ORG_CHAR_HEADS,
    ORG_HEADS,
    ORG_OFFICERS,
    PERSON_NAMED_HEADS,
    PROPER_TAGS,
    QUANTIFIERS,
    SPECIFIC,
    SUBUNIT_HEADS,
    TEAM_HEADS,
    UNIT_HEADS,
    VENUE_USES,
)
from pipeline.extract.entities.lexicon import (
    DATELINE,
    FORMER,
    LEFT_STOP,
    RARE_WORD_FREQ,
    SENTENCE_PUNCT,
    WHEN,
    YEAR,
    dictionary,
    is_title,
)
from pipeline.extract.entities.marks import HEAD, NT, Marks, head_ends
from pipeline.extract.entities.places import division
from pipeline.extract.entities.tokens import T_HEAD, T_TAG, Cand, merge_heads
from pipeline.extract.entities.translit import ruler
from pipeline.segment import Token


def _head_kind(tok: Token, nxt: str, prev: str = "") -> str:
    """ORG / EVENT / FAC if the token is (or ends in) a head word, else ''.

    >>> _head_kind(Token("交流中心", "l", 0, 4), ""), _head_kind(Token("会展中心", "n", 0, 4), ""), _head_kind(Token("中心", "n", 2, 4), "", "研究")
    ('ORG', 'FAC', 'ORG')
    """
    w = tok.text
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
    if w.endswith(FAC_HEADS) or w[-1] in HERITAGE_HEADS and (len(w) >= 2 or tok.tag == "n"):
        return "FAC"
    if w.endswith(TEAM_HEADS) and len(w) >= 3 and tok.tag in ("nr", "nrfg"):
        return "ORG"  # a team by its sponsor, named after a place: 四川|蓝剑队/nr
    if len(w) == 2 and tok.tag in ("n", "j") and w[-1] in "委协联厂社办" and (prev in gz.places() or ordinal(prev) or rare_word(prev)) \
            and dictionary().get(w, (0, ""))[0] < _SHORT_BODY_FREQ:
        return "ORG"  # 青海省|科委, 宜阳|电厂, 保定|一|棉厂, 安徽|大泽|酒厂: a named body by a short word
    if w in "厂院所社" and tok.tag in ("n", "ng", "zg") and len(prev) >= 2:
        return "ORG"  # 蔚县|剪纸|厂: a head jieba left alone, named only if its modifiers are (see head_names)
    if w[-1] in ORG_CHAR_HEADS and not common_tail(w) and not common_short_word(w) \
            and (tok.tag in ("nt", "j", "nz") or tok.tag in ("n", "l") and len(w) != 2
                                    or tok.tag == "nr" and len(w) >= 3 and w[-1] in "部局厅署委办"):  # 宣传部/nr
        return "ORG"
    return ""


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










#: a two-character body word rarer than this after a place names the place's body (科委, 电厂; not 社会, 军队)
_SHORT_BODY_FREQ = 1000










#: characters of a count or a quantity
_COUNT_CHARS = frozenset("0123456789.%一二三四五六七八九十百千万亿两几多余数半")


#: numbers that may stand in a name before its head (1998年, 第十五届) and that a name's left edge keeps
_YEAR_OR_SESSION = re.compile(r"(?:\d{4}年?|第[一二三四五六七八九十\d]+[届次]?)")
_YEAR_OR_ORDINAL = re.compile(r"\d{4}年?|第.+")


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
    >>> names("长虹电子（集团）公司的彩电"), names("青岛海尔（集团）有限公司宣布")[:1], names("他说（中国）公司")
    (['长虹电子（集团）公司'], ['青岛海尔（集团）有限公司'], [])
    """
    out = []
    orgs = gz.orgs()
    heads = (marks or Marks(toks)).where(HEAD)
    merged = merge_heads(toks, heads)
    if len(merged) != len(toks):  # merged: the marks no longer index these tokens
        ends = head_ends()
        heads = [j for j, t in enumerate(merged) if t.text[-1] in ends]
    toks = merged
    bodies = []  # heads of ORG kind, for the place-led names below
    for j in heads:
        t = toks[j]
        kind = _head_kind(t, toks[j + 1].text if j + 1 < len(toks) else "", toks[j - 1].text if j else "")
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
            if p.text == "”" and _quoted_name(toks, i - 1):
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
                    and (toks[i].tag != "ns" or i + 1 < j) and "nt" not in (toks[i - 2].tag, toks[i].tag) and not _head_kind(toks[i - 2], "") \
                    and not is_title(toks[i - 2].text, toks[i - 2].tag) and (i < j or t.text not in ORG_HEADS):
                # not two countries' bodies (中国和印度外交部) nor two whole names (医院和学会, 会议和|中国人民政治协商会议/nt…)
                i -= 1
                continue  # 通信和信息部, 亚洲及太平洋经济社会委员会: both sides alike
            if p.text in LEFT_STOP or p.text[-1] in "的" or p.tag not in NAME_TAGS or p.text in FORMER or p.text in DATELINE:
                break
            if division(toks[i].text) and _head_kind(p, toks[i].text) and not t.text.endswith(BRANCH_HEADS):
                break  # 湖南省话剧院|江西省科委: a division after a whole body starts the next name (not a branch: …分行)
            if _ends_other_name(p, t, kind):
                break  # 博览会|海尔集团: a whole event before a body is another name
            if p.tag == "t" and (p.text in WHEN or p.text.endswith(("时期", "初期", "期间", "以来"))) or p.text.endswith("讯"):
                break  # 建国初期|创办军校, 本报讯|美国波音公司: a time word or a dateline is the sentence's
            if p.tag == "v" and t.tag == "v":
                break  # 开设/v 分行/v: a head that jieba reads as a verb takes no verb before it
            if p.tag in ("nr", "nrfg") and (i >= 2 and is_title(toks[i - 2].text) or i < 2 and not t.text.endswith(PERSON_NAMED_HEADS)):
                break
            if known and p.tag != "ns":
                break
            if p.tag == "v" and (i != j or kind == "FAC" or p.text in ACTION_VERBS or len(p.text) == 1 or toks[i - 2].tag not in NAME_TAGS if i >= 2 else True):
                break
            if i != j and p.tag not in PROPER_TAGS and dictionary().get(p.text, (0, "n"))[1][:1] in ("d", "t", "p", "c") \
                    and not YEAR.fullmatch(p.text):
                break  # 工作人员正在/t 整理 五台山佛光寺: an adverb or time word by the dictionary ends the name
            if p.tag not in PROPER_TAGS and p.text not in SPECIFIC and p.text not in gz.places() and not _YEAR_OR_SESSION.fullmatch(p.text) \
                    and (i != j or t.text not in ORG_HEADS or t.tag != "nt") and toks[i].tag in ("ns", "nz", "nt", "j") and not p.text.endswith(EVENT_HEADS + ORG_HEADS) \
                    and not (len(p.text) >= 3 and p.text[-1] in ORG_CHAR_HEADS and t.text in SUBUNIT_HEADS):
                break  # a common word before a place or proper name is the sentence, not the name (整理/n 五台山佛光寺)
            if p.tag == "m" and not _YEAR_OR_SESSION.fullmatch(p.text) and not (
                    i == j and ordinal(p.text) and i >= 2 and toks[i - 2].tag in PROPER_TAGS) and any(ch in _COUNT_CHARS for ch in p.text):
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
        if len(toks[j].text) >= 2 and (k := _place_anchor(toks, j)) is not None and not kind_of_body(toks[k:j], toks[j]):
            out.append(Cand(T_HEAD, toks[k].start, toks[j].end, "ORG", ""))
    return out + _units(toks, out)


#: the most tokens between a body and the head of its unit (中国中医药学会|急诊|医学|分会)
_UNIT_REACH = 4


def _units(toks: list[Token], found: list[Cand]) -> list[Cand]:
    """A body's unit named after it, as one organization (中国中医药学会急诊医学分会, 北京大学化学系,
    美国地质调查局地震信息中心): the unit's own words between the body and a unit head.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("北京大学化学系教授")
    >>> [(c.start, c.end) for c in _units(toks, [Cand(T_HEAD, 0, 4, "ORG", "")])]
    [(0, 7)]
    >>> toks = tokenize("北京大学关系密切")
    >>> _units(toks, [Cand(T_HEAD, 0, 4, "ORG", "")])
    []
    """
    if not any(c.label == "ORG" for c in found):
        return []  # most paragraphs: no body to hang a unit on, no index of the token ends to build
    ends = {t.end: k for k, t in enumerate(toks)}
    out = []
    for c in found:
        k = ends.get(c.end)
        if c.label != "ORG" or k is None:
            continue
        for r in range(k + 1, min(len(toks), k + 2 + _UNIT_REACH)):
            t = toks[r]
            if _unit_head(t.text):
                out.append(Cand(T_HEAD, c.start, t.end, "ORG", ""))
                break
            if t.tag not in ("n", "vn", "nz", "l", "v", "j") or t.text in LEFT_STOP or t.text in ACTION_VERBS or _head_kind(t, ""):
                break
    return out


def _unit_head(word: str) -> bool:
    """The word ends in the head of a body's unit (分会, 化学系, 研究所, 信息中心), not an everyday word (关系, 体系)."""
    if word.endswith(UNIT_HEADS):
        return True
    return len(word) >= 3 and word[-1] == "系" and not common_tail(word)


#: the most tokens a place-led name holds between its place and its head (湖州|练市|针织|制衣厂)
_ANCHOR_REACH = 6


def _place_anchor(toks: list[Token], j: int) -> int | None:
    """The index of the place that starts a body's name ending at head ``j``, where the words between
    are the body's own however jieba tagged them (中国|人民|争取和平/i|与|裁军|委员会, 浙江|隆中/t|
    机械制造/b|有限公司, 中国|大/a|马戏团): the 1998 annotation and OntoNotes take the place into the name.

    The words between must all be a name's: no punctuation, function word, pronoun, action verb,
    count, time word that says when, nor a word that makes the head a kind (各级, 国营, 三大).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def anchored(text):
    ...     toks = tokenize(text)
    ...     k = _place_anchor(toks, len(toks) - 1)
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
        if not _inside_name(t, toks[k + 1], k + 1 == j) or t.text[-1] in ends and _head_kind(t, toks[k + 1].text, toks[k - 1].text if k else ""):
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
        return not any(ch in _COUNT_CHARS for ch in t.text)
    if t.tag == "t":
        return dictionary().get(t.text, (0, ""))[0] < _RARE_TIME_FREQ
    if t.tag[:1] == "v":
        return before_head and len(t.text) >= 2  # 交通|监控|中心; a verb further left is the sentence's (募捐委员会|资助|社会福利院)
    if t.tag == "ad":
        return False
    return True






















#: heads of a body that an event's name may stand in (奥运会|组织委员会, 博览会|执委会)
_EVENT_BODY_HEADS = ("委员会", "组委会", "执委会", "秘书处")


def _ends_other_name(p: Token, head: Token, kind: str) -> bool:
    """Token ``p`` before a body's name is a whole event of its own (博览会|海尔集团: the fair, then the
    firm), unless the body is the event's committee (亚运会|组织委员会).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def grown(text):
    ...     return [text[c.start:c.end] for c in head_names(tokenize(text)) if text[c.end - 2:c.end] in ("集团", "员会")]
    >>> grown("在广州博览会海尔集团推出了新产品"), grown("第九届亚运会组织委员会宣布")
    (['海尔集团'], ['第九届亚运会组织委员会'])
    """
    return kind != "EVENT" and p.text.endswith(EVENT_HEADS) and not head.text.endswith(_EVENT_BODY_HEADS)


#: determiners that say "a certain one", "this one": the body after them is unnamed (某音乐学院, 该公司)
UNNAMED_DETERMINERS = frozenset({"某", "某个", "某家", "某所", "某些", "该", "这家", "那家", "这所", "那所", "一家", "一所"})
#: a lone Latin letter stands for a body left unnamed (A公司购并B企业)
_PLACEHOLDER = re.compile(r"[A-Za-z]")


def unnamed_body(before: str, mods: list[Token]) -> bool:
    """A body written as "a certain one" or as a letter: a determiner right before a bare head (某|音乐学院),
    or a single letter for its name (A|公司).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> unnamed_body("某", []), unnamed_body("", tokenize("A")), unnamed_body("", tokenize("IBM")), unnamed_body("在", [])
    (True, True, False, False)
    """
    if not mods:
        return before in UNNAMED_DETERMINERS
    return len(mods) == 1 and bool(_PLACEHOLDER.fullmatch(mods[0].text))


def _quoted_name(toks: list[Token], close: int) -> bool:
    """The closing quote at ``close`` ends a short quoted name (“读懂中国”), not a quoted sentence.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> _quoted_name(tokenize("“读懂中国”论坛"), 5), _quoted_name(tokenize("“日子才有奔头。”桃源村"), 6)
    (True, False)
    >>> _quoted_name(tokenize("就能“走进”应县木塔"), 4)
    False
    """
    for k in range(close - 1, max(-1, close - 12), -1):
        if toks[k].text == "“":
            return close - k > 2 or toks[k + 1].tag[:1] != "v"  # “走进”应县木塔: a quoted verb is not a name
        if toks[k].text in SENTENCE_PUNCT:
            return False
    return False








def tagged_orgs(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """jieba's ``nt`` words with a specific prefix and a body's head (中央气象台/nt, 国家环保局/nt)."""
    out = []
    for t in [toks[i] for i in (marks or Marks(toks)).where(NT)]:
        if len(t.text) >= 4 and dictionary().get(t.text, (0, ""))[1] == "nt" and specific_prefix(t.text) and not common_tail(t.text) \
                and (t.text.endswith(ORG_HEADS) or t.text[-1] in ORG_CHAR_HEADS | {"台"}) and not t.text.endswith(EVENT_HEADS + ("政府",)):
            out.append(Cand(T_TAG, t.start, t.end, "ORG", ""))
    return out


