"""What a number counts: the noun phrase after its measure word, or the one before the number.

News prose puts the thing on either side.  What is *counted* follows the measure
word (580余家企业 -> 企业); what is *measured* comes first, as the subject of a
measure verb (农林牧渔业总产值同比增长4.1%) or as a noun phrase the number
directly follows (数字经济合作项目36个, 总金额约420亿元).  The verbs and the
adverbs that may stand between subject and verb are data
(``pipeline/data/measure_verbs.tsv``).

Both phrases are read from the block's single segmentation (jieba.posseg's words
and tags, :class:`pipeline.extract.words.Words`), whose HMM joins words the
dictionary lacks (集配中心); no text is segmented again.  A preceding phrase is
trimmed at punctuation, 的-clauses, verbs and prepositions, and loses what only
says when or where: 去年, 全省, 两国, 中国与东盟.

>>> following_object("580余家企业线上线下联动参展", 5)
'企业'
>>> following_object("300余处全国重点文物保护单位和省级文物保护单位。", 5)
'全国重点文物保护单位和省级文物保护单位'
>>> following_object("一半以上无线站点及高速移动宽带网络", 4)
'无线站点'
>>> subject = lambda text, kind="", qualifier="": preceding_object(text, len(text), kind, qualifier).text
>>> subject("去年全省农林牧渔业总产值同比增长"), subject("农村居民人均可支配收入达到")
('农林牧渔业总产值', '农村居民人均可支配收入')
>>> subject("土壤含盐量", "percent", "超过"), subject("2023年经专家现场测产，平均亩产达到")
('土壤含盐量', '平均亩产')
>>> subject("考生人数不足"), subject("设置15个展馆，展览面积达"), subject("累计发送货物", "measure", "超过")
('考生人数', '展览面积', '货物')
>>> subject("访问量就突破了"), subject("去年两国跨境电商交易额同比增长"), subject("前期工作时间缩短了")
('访问量', '跨境电商交易额', '前期工作时间')
>>> subject("去年，中国与东盟跨境电商进出口额", "currency", "超过")
'跨境电商进出口额'
>>> subject("每亩纯收入比种棉花多了"), subject("工业增加值比上年增长")
('每亩纯收入', '工业增加值')
>>> subject("草原综合植被盖度由十年前的50%左右提高到"), subject("藏羚羊种群数量由上世纪80年代的不足2万只恢复到")
('草原综合植被盖度', '藏羚羊种群数量')
>>> subject("人均国内生产总值在全市首次超过"), subject("检查项目一共有15个方面")
('人均国内生产总值', '方面')

A noun phrase right before the number is measured when nothing follows it; the
verb that governs it is left out:

>>> subject("中外企业共签约数字经济合作项目"), subject("累计投入资金"), subject("合作社卖出蔬菜")
('数字经济合作项目', '资金', '蔬菜')
>>> subject("江西省供销合作社联合社计划新建县级农产品集配中心")
'县级农产品集配中心'
>>> subject("韩国、澳大利亚等国家的政府官员、企业代表和专家学者"), subject("新增省级以上农业产业化龙头企业")
('政府官员、企业代表和专家学者', '省级以上农业产业化龙头企业')

"X的 N%" is N percent of X:

>>> subject("不少茶农家庭收入的", "percent")
'茶农家庭收入'

No subject: a verb that is not a measure verb, a headless 的-phrase, a clause that
opens with the verb (the last two are ``elided``: the subject is the previous one's):

>>> subject("全球仍有"), subject("已守护南禅寺", "time"), subject("他的")
('', '', '')
>>> preceding_object("其中具备农业利用潜力的", 11, "measure", "超过")
Subject(text='', measured=True, elided=True)
>>> preceding_object("收入达到2万元，增长", 10, "percent")
Subject(text='', measured=True, elided=True)
>>> preceding_object(None, 3, ""), following_object("", 0)
(Subject(text='', measured=False, elided=False), '')
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.extract.gazetteer import orgs, places
from pipeline.extract.words import Words
from pipeline.lexicon import jieba_dictionary

DATA = Path(__file__).resolve().parents[1] / "data"

#: a clause ends at these; 、 joins within a phrase (政府官员、企业代表)
_BREAK = frozenset("，。；：！？“”‘’（）《》〈〉「」『』,;:!?()[]\n\t ")
#: how far back a subject is looked for, in characters
_WINDOW = 24
_OBJECT_TAGS = ("n", "vn", "an", "j", "l", "b", "eng")  # tag prefixes of words a phrase is made of
_MODIFIER_TAGS = frozenset({"a", "b"})
#: join two nouns into one phrase; 及/以及 start a second phrase (无线站点及高速移动宽带网络)
_JOINERS = frozenset({"和", "与", "、", "或"})
_COMPARE = frozenset({"比", "较"})
#: a comparison, starting point or place between subject and verb: 比上年增长, 由十年前的50%左右提高到
_SINCE = _COMPARE | {"由", "从", "在"}
#: inside a phrase after a noun: 省级以上农业产业化龙头企业
_INNER_LOCATIVES = frozenset({"以上", "以下"})
_NUMERAL_CHAR = re.compile(r"[0-9〇零○一二两三四五六七八九十百千万亿半几数多余]")
_DIGIT = re.compile(r"\d")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,20}")
_SCOPE = re.compile(r"全[国省市县区乡镇村球年]")
#: tags a subject never starts with: time, pronoun, numeral, preposition, conjunction, adverb, particle
_LEADING_JUNK = ("t", "r", "m", "p", "c", "d", "f", "u", "x", "zg", "q")


class Subject(NamedTuple):
    """The noun phrase before a number, whether a measure verb links them, and whether it is left out."""

    text: str
    measured: bool
    elided: bool


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def measure_words() -> dict[str, dict[str, str]]:
    """kind (plain/comparative/adverb) -> words, longest first, from measure_verbs.tsv."""
    table: dict[str, dict[str, str]] = {"plain": {}, "comparative": {}, "adverb": {}}
    for word, kind in sorted(_rows("measure_verbs.tsv"), key=lambda row: -len(row[0])):
        table[kind][word] = kind
    return table


def _is_noun(word: str, tag: str) -> bool:
    return tag.startswith(_OBJECT_TAGS) and word != "的"


def following_object(text: str, pos: int, words: Words | None = None) -> str:
    """The noun phrase right after ``pos``: what the number counts.

    Nouns led by adjectives, up to the first verb, preposition, 的 or punctuation;
    和/与/、 join further nouns (国家和地区), 及 does not.  ``words``: the block's
    segmentation of ``text`` (segmented here when not given).
    """
    tail = _HAN_RUN.match(text, pos) if isinstance(text, str) else None
    if not tail:
        return ""
    words = words if words is not None else Words(text)
    tokens = words.between(pos, tail.end()) + [("", "")]
    taken: list[str] = []
    for k, (word, tag) in enumerate(tokens[:-1]):
        following = tokens[k + 1]
        if _is_noun(word, tag):
            if len(word) == 1 and taken and len(taken[-1]) > 1:
                break  # a lone character after a noun starts something else (企业线上)
            taken.append(word)
        elif tag in _MODIFIER_TAGS and _is_noun(*following):
            taken.append(word)
        elif word in _JOINERS and taken and (_is_noun(*following) or following[1] in _MODIFIER_TAGS):
            taken.append(word)
        else:
            break
    while taken and taken[-1] in _JOINERS:
        taken.pop()
    return "".join(taken)


def _clause_before(text: str, start: int) -> str:
    i = start
    while i > 0 and start - i < _WINDOW and text[i - 1] not in _BREAK:
        i -= 1
    return text[i:start]


def _strip_verb(window: str) -> tuple[str, bool]:
    """Take a measure verb (and 到/至/为/在/了 after it) off the end of the clause.

    A comparative (多, 高) counts only after 比/较, and takes the comparison with it
    (on characters: jieba's HMM glues 比 to what follows, 比种棉花).
    """
    plain, comparative = _verb_tuples()
    bare = window.rstrip("了")
    for suffix in ("", "到", "至", "为", "在"):
        if not bare.endswith(suffix):
            continue
        stem = bare[: len(bare) - len(suffix)]
        if stem.endswith(plain):  # one call for all verbs; then which one (longest first)
            verb = next(v for v in plain if stem.endswith(v))
            return stem[: -len(verb)], True
        if not stem.endswith(comparative):
            continue
        for verb in comparative:
            if stem.endswith(verb):
                cut = max(stem.rfind(c, 0, len(stem) - len(verb)) for c in _COMPARE)
                if cut > 0:
                    return stem[:cut], True  # 每亩纯收入比种棉花多了: the subject stands before 比
    return window, False


@lru_cache(maxsize=1)
def _verb_tuples() -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = measure_words()
    return tuple(words["plain"]), tuple(words["comparative"])


def _is_name(word: str, tag: str) -> bool:
    return tag == "ns" or word in places() or word in orgs()


def _trim_leading(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop what says when or where, and the verb that governs the phrase: 去年全省, 两国, 中国与东盟, 累计."""
    while tokens:
        word, tag = tokens[0]
        rest = tokens[1:]
        if tag.startswith("m") and rest and len(rest[0][0]) == 1:
            tokens = rest[1:]  # 两国, 三省
        elif (
            (tag.startswith(_LEADING_JUNK) and not word.startswith("每"))
            or _SCOPE.fullmatch(word)
            or (tag.startswith("v") and tag != "vn")
            or word in _JOINERS
            or (_is_name(word, tag) and any(_is_noun(*t) and not _is_name(*t) for t in rest))
        ):
            tokens = rest
        else:
            break
    return tokens


def _as_noun(word: str, tag: str) -> bool:
    """A noun, or a word jieba's dictionary tags as a numeral with no numeral in it (良种/m)."""
    return _is_noun(word, tag) or (tag == "m" and len(word) > 1 and not _NUMERAL_CHAR.search(word))


def _counted(tokens: list[tuple[str, str]], k: int) -> bool:
    """Token ``k`` is the measure word of the number before it (46|项、国家技术发明奖61项): the list
    item before the joiner is a claim of its own, not part of the next one's object.

    >>> from pipeline.extract.claims import find_claims
    >>> [(c.text, c.object) for c in find_claims("国家自然科学奖46项、国家技术发明奖61项")]
    [('46项', '国家自然科学奖'), ('61项', '国家技术发明奖')]
    """
    return k > 0 and bool(_DIGIT.search(tokens[k - 1][0]))


def _noun_phrase(tokens: list[tuple[str, str]], measured: bool, nominal: bool) -> str:
    """The noun phrase that ends the tokens, read backwards from its head.

    Verbs count inside a measured subject (农作物耕种收综合机械化率) and as its head
    (收入, 率: jieba tags them v), never before a bare phrase (卖出蔬菜 -> 蔬菜),
    unless they are single characters or words the HMM made up (集配中心): parts
    of a compound.
    """
    if not tokens:
        return ""
    head_word, head_tag = tokens[-1]
    verb_head = head_tag.startswith("v") and len(tokens) > 1 and (
        _is_noun(*tokens[-2])
        or (measured and tokens[-2][1].startswith("v") and len(tokens) > 2 and _is_noun(*tokens[-3]))
    )  # 总收入; 人均可支配收入 (jieba: 可支配/v 收入/v) as a measured subject
    if not (_is_noun(head_word, head_tag) or ((measured or nominal) and verb_head)):
        return ""
    k = len(tokens) - 1
    while k > 0:
        word, tag = tokens[k - 1]
        if _DIGIT.search(word):
            break  # another number: 一共有15个方面60多项
        left = tokens[k - 2] if k > 1 else ("", "")
        inside = _is_noun(*left) or left[0] in _JOINERS
        if (
            _as_noun(word, tag)
            or tag in _MODIFIER_TAGS
            or tag == "s"  # 国内, 海外: a place word inside a phrase
            or (word in _JOINERS and _is_noun(*left) and not _counted(tokens, k - 2))
            or (word in _INNER_LOCATIVES and _is_noun(*left))
            or (tag.startswith("v") and inside and (len(word) == 1 or word not in jieba_dictionary()))
            or (measured and tag.startswith("v") and inside)
            or (tag.startswith("m") and len(tokens[k][0]) == 1)  # 两国: trimmed below as a scope
            or (tag == "r" and word.startswith("每"))  # 每亩纯收入: a rate per unit
        ):
            k -= 1
            if _is_name(word, tag):
                break  # a place leads its phrase: 新建县级农产品 (jieba tags 新建 ns), 中国与东盟跨境电商
        else:
            break
    if measured and k == 1 and len(tokens) == 2 and tokens[0][1].startswith("v"):
        return "".join(w for w, _ in tokens)  # a subject of two words: 考生人数, 展览面积 (jieba: 考生/v)
    phrase = _trim_leading(tokens[k:])
    if not phrase or not any(_is_noun(*t) or t[1].startswith("v") for t in phrase[-1:]):
        return ""
    return "".join(w for w, _ in phrase)


def preceding_object(text: str, start: int, kind: str, qualifier: str = "", words: Words | None = None) -> Subject:
    """The measured noun phrase before the number at ``start``.

    ``kind`` is the unit's kind (time: only the subject of a measure verb counts,
    never a bare noun: 守护南禅寺26年); ``qualifier`` the word printed before the
    number (超过, 突破了: itself a measure verb).
    """
    if not isinstance(text, str) or not 0 < start <= len(text):
        return Subject("", False, False)
    window = _clause_before(text, start)
    window_start = start - len(window)
    window, measured = _strip_verb(window)
    measured = measured or qualifier.rstrip("了") in measure_words()["plain"]
    words = words if words is not None else Words(text)
    tokens = words.between(window_start, window_start + len(window))
    nominal = False
    if measured:
        adverbs = measure_words()["adverb"]
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k][0] in _SINCE and tokens[k][1] == "p":
                tokens = tokens[:k]  # 比上年增长, 由…提高到: the subject stands before
                break
        while tokens and (tokens[-1][1].startswith("d") or tokens[-1][0] in adverbs):
            tokens.pop()
        if not tokens or tokens[-1][0] == "的":
            return Subject("", True, True)  # the subject is the previous claim's
    elif tokens and tokens[-1][0] == "的":
        if kind not in ("", "share", "percent"):
            return Subject("", False, False)
        tokens, nominal = tokens[:-1], True  # 茶农家庭收入的百分之三十五
    if kind == "time" and not measured:
        return Subject("", False, False)
    return Subject(_noun_phrase(tokens, measured, nominal), measured, False)
