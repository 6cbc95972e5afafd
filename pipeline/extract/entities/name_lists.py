"""Names in 、-separated lists (国务委员张万年、罗干、姜春云等): every item shaped like a name, at least
half of them showing it.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    COMMON_FREQ,
    FUNCTION_CHARS,
    HAN_WORD,
    HONORIFICS,
    MISTAGGED,
    dictionary,
    surname_len,
)
from pipeline.extract.entities.name_shapes import plausible_name, word_like
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

#: distinct words whose list-item shape is remembered (an archive's vocabulary of names fits)
_LIST_ITEM_CACHE = 1 << 16


@lru_cache(maxsize=_LIST_ITEM_CACHE)
def list_item(word: str) -> bool:
    """A 、-list item shaped like a Chinese name: surname-led, 2–3 characters (4 with a double
    surname), not a known place, organization, title or ordinary word.

    >>> [list_item(w) for w in ("罗干", "李岚清", "欧阳山尊", "江西", "文明", "高速", "古建筑", "李鹏", "周恩来")]
    [True, True, True, False, False, False, False, True, True]
    """
    k = surname_len(word)
    if not k and len(word) == 3 and dictionary().get(word, (0, ""))[1] in ("nr", "nrfg"):
        k = 1  # 尉健行/nr: a name jieba knows, with a surname our list lacks
    if not k or not 2 <= len(word) <= 3 + (k == 2) or not HAN_WORD.fullmatch(word):
        return False
    if word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS:
        return False  # 汪锋等, 和柏
    if word in gz.places() or word in gz.orgs() or word in gz.titles() or word[k:] in gz.titles() or word[k:] in HONORIFICS:
        return False
    entry = dictionary().get(word)
    mistagged = entry and len(word) == 3 and entry[1] in MISTAGGED and plausible_name(word)  # 周恩来/t
    if entry and not mistagged and (entry[1] not in ("nr", "nrfg", "nrt", "ns", "nz") or entry[1][:2] != "nr" and entry[0] >= COMMON_FREQ):
        return False
    if entry and entry[1] == "nr" and len(word) == 2 and entry[0] >= COMMON_FREQ and gz.surnames().get(word[0]) != "common":
        return False  # 文明/nr (李鹏/nr 675 may be an item: a common surname)
    return not word_like(word)


@lru_cache(maxsize=_LIST_ITEM_CACHE)
def translit_item(word: str) -> bool:
    """A 、-list item shaped like a transliterated name: two to seven characters of the transliteration
    alphabet, not a listed place or body, and no word jieba's dictionary has under another tag than a
    name's (克劳斯, 博斯科夫斯基; not 伊拉克, 巴斯).

    >>> [translit_item(w) for w in ("克劳斯", "博斯科夫斯基", "伊拉克", "联合国", "克")]
    [True, True, False, False, False]
    """
    trans = gz.translit_chars()
    if not 2 <= len(word) <= 7 or not all(ch in trans for ch in word) or word in gz.places() or word in gz.orgs() \
            or word in gz.name_tagged_words():
        return False
    return dictionary().get(word, (0, "nrt"))[1] in ("nr", "nrt", "nrfg")


@lru_cache(maxsize=_LIST_ITEM_CACHE)
def word_named_item(word: str) -> bool:
    """A 、-list item that is a common surname and a given name that is an everyday word (陈|建军,
    刘|光亮): a name only in a list where another rule found a person.

    >>> [word_named_item(w) for w in ("陈建军", "刘光亮", "张家口", "高素质", "建军")]
    [True, True, False, False, False]
    """
    if len(word) != 3 or gz.surnames().get(word[0]) != "common" or not HAN_WORD.fullmatch(word) or word[-1] in FUNCTION_CHARS:
        return False
    if word in gz.places() or word in gz.orgs() or word[1:] in gz.titles() or any(word[:k] in gz.places() for k in (2, 3)):
        return False
    return dictionary().get(word, (0, "nr"))[1] in ("nr", "nrfg", "n", "nz")


@lru_cache(maxsize=_LIST_ITEM_CACHE)
def _item(word: str) -> bool:
    """An item of any shape, remembered once for all."""
    return list_item(word) or translit_item(word) or word_named_item(word)


_START, _END = attrgetter("start"), attrgetter("end")


def _segments(text: str) -> list[tuple[int, int]]:
    """The spans between the 、 of ``text`` (the text before the first and after the last included).

    >>> _segments("甲、乙丙、")
    [(0, 1), (2, 4), (5, 5)]
    """
    segs, a = [], 0
    b = text.find("、")
    while b != -1:
        segs.append((a, b))
        a, b = b + 1, text.find("、", b + 1)
    segs.append((a, len(text)))
    return segs


def name_lists(text: str, toks: list[Token], found: list[Cand]) -> list[Cand]:
    """Names in a 、-separated list: when every item is shaped like a name and at least half of
    them show it (jieba's name tag, a plausible given name, or another rule), all are names.

    The first item is the list's tail of its segment and the last the head of its segment, both
    on token boundaries (国务委员罗干、… 、李岚清等).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["国务委员张万年、罗干、姜春云等出席"] for c in name_lists(text, tokenize(text), [])]
    ['张万年', '罗干', '姜春云']
    >>> name_lists("江西、湖南、广东", tokenize("江西、湖南、广东"), [])
    []

    Items may be transliterated names (:func:`translit_item`) or a surname and an everyday word
    (:func:`word_named_item`) where another rule found one of the list's items a person:
    如克劳斯、博斯科夫斯基、马泽尔、卡拉扬等, 本报记者刘亮明、陈建军; not 奔驰、卡迪拉克、雪佛莱、道奇.
    """
    if "、" not in text:
        return []
    starts = set(map(_START, toks))
    ends = set(map(_END, toks))
    segs = _segments(text)
    item = _item

    def tail(a: int, b: int) -> tuple[int, int] | None:
        return next(((s, b) for s in range(max(a, b - 7), b - 1) if s in starts and item(text[s:b])), None)

    def head(a: int, b: int) -> tuple[int, int] | None:
        return next(((a, e) for e in range(min(b, a + 7), a + 1, -1) if e in ends and item(text[a:e])), None)

    chains: list[list[tuple[int, int]]] = []
    chain: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(segs):
        whole = (a, b) if item(text[a:b]) else None
        if chain and whole and n < len(segs) - 1:
            chain.append(whole)
            continue
        if chain:
            last = whole or head(a, b)
            if last:
                chain.append(last)
            chains.append(chain)
        chain = [t] if n < len(segs) - 1 and (t := whole or tail(a, b)) else []
    if all(len(ch) < 2 for ch in chains):
        return []  # no list of two names or more: no need to gather what shows a name
    persons = {(c.start, c.end) for c in found if c.label == "PERSON"}
    tagged = persons | {(t.start, t.end) for t in toks if t.tag in ("nr", "nrfg", "nrt")}
    out = []
    for ch in chains:
        if len(ch) < 2:
            continue
        if not persons.intersection(ch) and not all(list_item(text[s:e]) for s, e in ch):
            continue  # transliterations that no rule found a person among are as often brands (卡迪拉克、雪佛莱、道奇),
            # and surnames with everyday words as often phrases (记者刘亮明、陈建军 shows the list's kind; 高素质、…)
        shown = sum(1 for s, e in ch if (s, e) in tagged or plausible_name(text[s:e]))
        if 2 * shown >= len(ch):
            out.extend(Cand(T_PER, s, e, "PERSON", "") for s, e in ch)
    return out
