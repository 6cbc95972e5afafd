"""Whether the words before a head make a body's proper name or a kind of body.

A head grown over its modifiers is a name only when something in it is proper: a place,
a known body, a rare or name-tagged word, a proper prefix jieba keeps whole (英格兰|银行).
Counts, kinds (各级, 国营), common tails (认真执行) and trade abbreviations (中介|公司) make a
kind of body, not a name (中国三大银行, 外国公司).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.heads import (
    FAC_HEADS,
    INSTITUTION_HEADS,
    KIND_MODIFIERS,
    ORG_CHAR_HEADS,
    ORG_HEADS,
    SPECIFIC,
    TEAM_HEADS,
)
from pipeline.extract.entities.lexicon import (
    COMMON_FREQ,
    FORMER,
    FUNCTION_CHARS,
    NAME_LIKE,
    dictionary,
)
from pipeline.segment import Token


def ordinal(word: str) -> bool:
    """A bare Chinese numeral that numbers bodies of one kind (一|棉厂, 五十五|中学, 二|中队), not a count (三大, 两家).

    >>> ordinal("一"), ordinal("五十五"), ordinal("三大"), ordinal("两")
    (True, True, False, False)
    """
    return bool(word) and all(ch in _NUMERAL_DIGITS for ch in word)


_NUMERAL_DIGITS = frozenset("一二三四五六七八九十")


def rare_word(word: str) -> bool:
    """A word of two characters or more that jieba's dictionary lacks or has seen rarely: in a name
    before a head it is the name's own word (国商|银行, 赛格|集团, 大泽|酒厂), not a kind (中介, 商业).

    >>> rare_word("赛格"), rare_word("大泽"), rare_word("商业"), rare_word("中介"), rare_word("的")
    (True, True, False, False, False)
    """
    return len(word) >= 2 and dictionary().get(word, (0, ""))[0] < _RARE_WORD_FREQ and word not in gz.titles()


#: a modifier seen fewer times than this in jieba's dictionary (60 million characters) is a name's own word
_RARE_WORD_FREQ = 60


#: words whose head tests are remembered (the head-ending words of an archive's vocabulary fit)
_WORD_CACHE = 1 << 16


#: a noun this frequent that ends a token is the token's head word, not a body's one-character head
#: (格局 1666, 舞台 1981; but 政局 535 in 民政局; body words such as 党委, 球队 are listed heads)
_COMMON_NOUN_FREQ = 1000


#: the same for an abbreviation-tagged word (同行 817, 通行 1253)
_COMMON_ABBREVIATION_FREQ = 500


@lru_cache(maxsize=_WORD_CACHE)
def common_tail(word: str) -> bool:
    """The token ends in an ordinary two-character word, so its last character is no body's head
    (认真执行/n, 重新部署/n, 党员干部/n, 新格局/nt, 国际舞台/nt, 对外部/nt; but 外交部, 宣传部, 党支部).

    >>> common_tail("认真执行"), common_tail("重新部署"), common_tail("新格局"), common_tail("对外部")
    (True, True, True, True)
    >>> common_tail("外交部"), common_tail("乒乓球队"), common_tail("中国京剧院"), common_tail("民政局")
    (False, False, False, False)
    """
    entry = dictionary().get(word[-2:]) if len(word) >= 3 else None
    if entry is None or word.endswith(ORG_HEADS):
        return False
    return entry[1] in ("v", "vn", "d", "a", "ad", "f") or entry[1] == "n" and entry[0] >= _COMMON_NOUN_FREQ \
        or entry[1] == "j" and entry[0] >= _COMMON_ABBREVIATION_FREQ


@lru_cache(maxsize=_WORD_CACHE)
def common_short_word(word: str) -> bool:
    """A two-character everyday word that ends in a body's character (通行/j, 同行/j), not a body's
    abbreviation (央行, 足协) nor a listed one.

    >>> common_short_word("通行"), common_short_word("同行"), common_short_word("央行"), common_short_word("党委")
    (True, True, False, False)
    """
    return len(word) == 2 and word not in ORG_HEADS and word not in gz.orgs() and dictionary().get(word, (0, ""))[0] >= _COMMON_ABBREVIATION_FREQ


def kind_of_body(mods: list[Token], head: Token) -> bool:
    """The modifiers make the head a kind of body, not one body: a kind word or a count among them
    (印尼国营银行, 贵州省各级党委, 瑞士三大银行), or only nation-wide words and unnamed places before a
    common body word (国际组织, 国家银行, 外国公司, 全国法院; not 国家计委, 中央党校, 世界银行).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def kind(text):
    ...     toks = tokenize(text)
    ...     return kind_of_body(toks[:-1], toks[-1])
    >>> kind("印尼国营银行"), kind("外国公司"), kind("全国法院"), kind("新政府"), kind("捷克新政府")
    (True, True, True, True, True)
    >>> kind("中央党校"), kind("中国银行"), kind("世界银行"), kind("宁夏大学")
    (False, False, False, False)
    """
    whole = "".join(m.text for m in mods) + head.text
    if whole in gz.orgs():
        return False
    if any(m.text in KIND_MODIFIERS or COUNT.fullmatch(m.text) and not (m is mods[-1] and ordinal(m.text)) for m in mods):
        return True
    if head.text[:2] in KIND_MODIFIERS and head.text[2:] in ORG_HEADS:
        return True  # 各级党委/l
    if head.text[:1] in FORMER | {"新"} and head.text[1:] in ORG_HEADS:
        return True  # 新政府/nt, 捷克|现政府/nt: this cabinet, not a name
    if not mods:
        return False
    return head.text in _kind_heads() and all(m.text in SPECIFIC or unnamed_place(m.text) for m in mods)


#: a count of bodies (三大, 5家, 几个), not an ordinal (第一) nor a body's number right before its head (一|棉厂)
COUNT = re.compile(r"[一二三四五六七八九十百千两几数多\d]+[大家个所座]?")


@cache
def _kind_heads() -> frozenset[str]:
    """Body words of everyday use (公司, 银行, 组织, 法院): after nation-wide words alone they name a kind."""
    return frozenset(h for h in ORG_HEADS if len(h) == 2 and dictionary().get(h, (0, ""))[0] >= _KIND_HEAD_FREQ)


#: a two-character body word this frequent in jieba's dictionary is a kind of body (法院 2312, 银行 7684; not 党校 189)
_KIND_HEAD_FREQ = 2000


def unnamed_place(word: str) -> bool:
    """A word jieba tags as a place that names no place (外国, 城市, 山区), by the gazetteer.

    >>> unnamed_place("外国"), unnamed_place("城市"), unnamed_place("印尼"), unnamed_place("北京")
    (True, True, False, False)
    """
    return len(word) >= 2 and word not in gz.places() and dictionary().get(word, (0, ""))[1] == "ns" and dictionary()[word][0] >= _GENERIC_PLACE_FREQ


#: a ns word outside the gazetteer this frequent is a kind of place (外国 7204, 城市 25084, 山区 2809)
_GENERIC_PLACE_FREQ = 2000


@cache
def generic_abbreviation(tok: Token) -> bool:
    """A word jieba tags as an abbreviation (j) that names a trade or a kind, not a body: alone before a
    head it makes no name (中介|公司, 房地产|公司, 中小|企业); known bodies (东盟, 央行) and short
    body abbreviations ending in a body's character (妇联, 足协, 科协) stay proper.

    >>> [generic_abbreviation(Token(w, "j", 0, len(w))) for w in ("中介", "房地产", "中小", "东盟", "足协", "武警", "晋察冀", "俄")]
    [True, True, True, False, False, False, False, False]
    """
    if tok.tag != "j" or tok.text in gz.orgs() or tok.text in gz.places() or len(tok.text) < 2:
        return False
    return tok.text[-1] not in ORG_CHAR_HEADS | _ABBREVIATION_ENDS and dictionary().get(tok.text, (0, ""))[0] >= _WORD_FREQ_J


#: a j word this frequent is a trade or a kind in everyday use (中介 606, 房地产 1603), not a rare region or body abbreviation (晋察冀, 中保)
_WORD_FREQ_J = 500


#: last characters of body abbreviations besides the one-character heads (足协, 人大, 武警, 民航, 政协)
_ABBREVIATION_ENDS = frozenset("协联大警航盟委军")


def named_facility(t: Token) -> bool:
    """A facility that jieba keeps whole as a proper noun or a long dictionary word (人民大会堂/nt,
    天安门广场/ns, 抗日战争纪念馆/n), not a bare kind of place (纪念馆, 广场).

    >>> named_facility(Token("人民大会堂", "nt", 0, 5)), named_facility(Token("抗日战争纪念馆", "n", 0, 7)), named_facility(Token("体育馆", "n", 0, 3))
    (True, True, False)
    """
    head = next((h for h in _FAC_LONGEST_FIRST if t.text.endswith(h)), "")
    if not head or t.text in FAC_HEADS:
        return False
    if t.tag in ("ns", "nt", "nz"):
        return len(t.text) > len(head) + 1
    return t.tag == "n" and len(t.text) >= len(head) + 4 and t.text in dictionary()  # not 高楼大厦, 体育场馆


#: head words longest first, so that the longest a word ends in is found first (研究所 before 所)
_FAC_LONGEST_FIRST = tuple(sorted(FAC_HEADS, key=len, reverse=True))
_ORG_LONGEST_FIRST = tuple(sorted(ORG_HEADS, key=len, reverse=True))
_TEAM_LONGEST_FIRST = tuple(sorted(TEAM_HEADS, key=len, reverse=True))


def _proper_prefix(word: str) -> bool:
    """The part of an nt word before its head is a name (英格兰|银行, 西门子|公司), not an ordinary
    word (人民|政府, 马戏|团, 中介|公司).

    >>> _proper_prefix("人民政府"), _proper_prefix("中介公司"), _proper_prefix("上市公司"), _proper_prefix("英格兰银行"), _proper_prefix("西门子公司")
    (False, False, False, True, True)
    """
    head = next((h for h in _ORG_LONGEST_FIRST if word.endswith(h)), word[-1:])
    prefix = word[:-len(head)]
    entry = dictionary().get(prefix)
    if len(prefix) < 2 or any(ch in FUNCTION_CHARS for ch in prefix):
        return False  # 党和|政府
    if entry is None:
        return all(prefix[:k] not in dictionary() for k in (2, 3))
    if prefix in gz.places() or entry[1][:2] == "nr" or all(ch in gz.translit_chars() for ch in prefix):
        return True
    return entry[1] in NAME_LIKE and entry[0] < COMMON_FREQ  # not 上市/ns


def _team_owner(word: str) -> bool:
    """A team named by its place or sponsor (中国队, 浙江女排, 八一队), not a kind of team (国家队, 武警部队).

    >>> _team_owner("中国队"), _team_owner("浙江女排"), _team_owner("国家队"), _team_owner("武警部队")
    (True, True, False, False)
    """
    owner = word[:-len(next(h for h in _TEAM_LONGEST_FIRST if word.endswith(h)))]
    return owner in gz.places() or owner in gz.orgs() or dictionary().get(owner, (0, ""))[1] in ("ns", "nz", "nt", "m")


def known_whole(t: Token) -> bool:
    """A head token that is a name by itself: known, led by a known place, or a ministry-style nt (地质部)."""
    if t.text in gz.orgs():
        return True
    if any(t.text[:k] in gz.places() or t.tag == "nt" and t.text[:k] in gz.orgs() for k in range(2, len(t.text) - 1)):
        return True  # 香港科技大学; 国务院办公厅/nt, a known body's office
    if t.tag == "nt" and len(t.text) >= 3 and (t.text[-1] in ORG_CHAR_HEADS or t.text.endswith(ORG_HEADS)) and (
            t.text.endswith(TEAM_HEADS) and _team_owner(t.text) or _proper_prefix(t.text)) and not common_tail(t.text):
        return True  # names jieba knows or builds (西门子公司, 英格兰银行, 浙江女排, 中国队), not its generic 人民政府
    if t.tag == "nt" and len(t.text) >= 4 and t.text.endswith(INSTITUTION_HEADS) and dictionary().get(t.text, (0, ""))[1] == "nt":
        return True  # a university, publisher or group that jieba's dictionary lists by name (清华大学, 人民出版社, 联想集团)
    if listed_body(t):
        return True
    return t.tag == "nt" and len(t.text) <= 4 and t.text[-1] in "部委署办"  # a bare 公安局 is some city's


#: the fewest characters of a body's name that jieba's dictionary lists whole for the listing alone to
#: make it one body: four-character entries are still kinds (人民政府, 商业银行), five are names
_LISTED_BODY_LENGTH = 5


def listed_body(t: Token) -> bool:
    """A body that jieba's dictionary lists whole as an organization (nt) and that is long enough to be
    one body, however common its words (海峡两岸关系协会, 通用汽车公司, 联邦最高法院), also where its head is
    one character (机械工业部, 新闻出版署) unless it ends in an ordinary word (环境中运行/nt); a name led by a
    session (九届全国人大) leaves the session out, as the 1998 annotation and OntoNotes do.

    >>> [listed_body(Token(w, "nt", 0, len(w))) for w in ("海峡两岸关系协会", "通用汽车公司", "人民政府", "九届全国人大")]
    [True, True, False, False]
    >>> [listed_body(Token(w, "nt", 0, len(w))) for w in ("机械工业部", "新闻出版署", "环境中运行")]
    [True, True, False]
    """
    return len(t.text) >= _LISTED_BODY_LENGTH and (t.text.endswith(ORG_HEADS) or t.text[-1] in ORG_CHAR_HEADS and not common_tail(t.text)) \
        and t.text[0] not in _SESSION_CHARS and dictionary().get(t.text, (0, ""))[1] == "nt"


#: characters that start a session number (九届, 第十五次) rather than a name
_SESSION_CHARS = frozenset("第一二三四五六七八九十0123456789")


def specific_prefix(word: str) -> bool:
    """The word starts with a place, a known organization or a national modifier (中央气象台, 北京电视台).

    >>> specific_prefix("中央气象台"), specific_prefix("北京电视台"), specific_prefix("商业银行")
    (True, True, False)
    """
    return any(word[:k] in gz.places() or word[:k] in gz.orgs() or word[:k] in SPECIFIC for k in range(2, len(word) - 1))
