"""The members of a list that names their kind after 等: 华为、阿里巴巴、腾讯、特斯拉等400余家企业.

The kind after 等 says what every item is, so an item shaped like a name is a body (ORG),
whatever jieba tags it (特斯拉/nrt would be a person, 京东/ns a place).  An item jieba knows as
an ordinary word is left alone: 家电、五金、搪瓷等企业 lists trades, not firms, and a brand named by
a common word (小米, 联想) cannot be told from them.  A list of people (张三、李四等企业家) is not
one of bodies: the kind must end there.
"""

from __future__ import annotations

import regex

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import dictionary
from pipeline.extract.entities.tokens import T_HEAD, Cand
from pipeline.segment import Token

#: words for a kind of body after 等 (and a count): the list's items are bodies of that kind
BODY_KINDS = ("企业", "公司", "集团", "银行", "车企", "厂商", "厂家", "机构", "媒体", "运营商", "航空公司", "互联网公司", "科技公司")
_KIND_AFTER = regex.compile(
    r"等(?:[\d一二三四五六七八九十百千万余多几]+[家个])?(?:" + "|".join(BODY_KINDS) + r")(?![家主人员])"
)
#: jieba's tags of a word that may be a body's own name (华为/nr, 阿里巴巴/nrt, 腾讯/nz, 京东/ns)
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "nt", "ns"})
#: the longest item read as a name
ITEM_MAX = 8
_ITEM = regex.compile(rf"[\p{{Han}}A-Za-z&·]{{2,{ITEM_MAX}}}")


def member_lists(text: str, toks: list[Token]) -> list[Cand]:
    """The items of each 、-list that ends in 等 and a kind of body, as organizations.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> t = "吸引了华为、阿里巴巴、百度、腾讯、特斯拉等400余家企业参展"
    >>> [t[c.start:c.end] for c in member_lists(t, tokenize(t))]
    ['华为', '阿里巴巴', '腾讯', '特斯拉']
    >>> t = "这座小镇有五金、家具、纺织等企业"; member_lists(t, tokenize(t))
    []
    >>> t = "王明、李强等企业家出席"; member_lists(t, tokenize(t))
    []
    >>> t = "中国联合日本、英国、西班牙、泰国等国教育机构"; member_lists(t, tokenize(t))
    []
    """
    if "等" not in text or "、" not in text:
        return []
    out: list[Cand] = []
    starts = {t.start: t for t in toks}
    ends = {t.end: t for t in toks}
    for kind in _KIND_AFTER.finditer(text):
        items, end = [], kind.start()
        while (cut := text.rfind("、", 0, end)) >= 0 and _ITEM.fullmatch(text, cut + 1, end) and cut + 1 in starts:
            items.append((cut + 1, end))  # an item between two marks
            end = cut
        first = ends.get(end)  # the list's first item: the word before its first 、 (吸引了|华为、…)
        if items and first is not None and _ITEM.fullmatch(first.text):
            items.append((first.start, end))
        if len(items) < 2:
            continue
        out += [Cand(T_HEAD, s, e, "ORG", text[s:e]) for s, e in sorted(items) if _name_like(text[s:e], starts.get(s))]
    return out


def _name_like(item: str, first: Token | None) -> bool:
    """An item that is a name, not an ordinary word: a word jieba tags as a name, or one it does not know
    and reads as one word (谷歌, 中石油) or whose first word it tags as a name."""
    if item in gz.places():
        return False  # a list of places before 等国…机构: the kind is the places' bodies, not the places
    entry = dictionary().get(item)
    if entry is not None:
        return entry[1] in NAME_TAGS
    return first is not None and (first.text == item or first.tag in NAME_TAGS)
