"""Villages, towns and streets: places too small for any gazetteer, found by their unit.

A village (…村), township (…乡) or town (…镇) is named right after the division it
belongs to (武义县桃溪镇, 临川市洋洲镇洋洲村), and jieba, knowing none of these names,
cuts them anywhere (洋洲/ns 镇洋洲/ns 村/n).  So the name is read on characters: a
short stem after a known division and before the unit.  A street (长江路, 深南大道)
is a proper stem before 路, 街 or 大道.

Limits: a village named without its county before it is left to jieba's tags
(:func:`pipeline.extract.entities.places.tagged_places`); so is a street whose stem
is a common noun (a street named after an animal or a plant).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import dictionary, ordinary
from pipeline.extract.entities.marks import STREET, Marks
from pipeline.extract.entities.tokens import T_GAZ, T_TAG, Cand
from pipeline.segment import Token

_END = attrgetter("end")
#: units of a village, township or town, written right after its name
SETTLEMENT_UNITS = frozenset("村镇乡")
_ANY_UNIT = re.compile("[村镇乡]")
#: a settlement's name is this many characters before its unit (坪上村, 下三交镇, 水江头村)
SHORTEST_STEM, LONGEST_STEM = 2, 4
#: characters never inside a settlement's name (determiners, classifiers, particles), and never first (conjunctions)
_NOT_IN_NAME = frozenset("的了是有个各每该这那其此些等几")
_NOT_FIRST = frozenset("和与及或同跟在对从向把被到去来为以于就都也还又很最更再并但而且全本多")
#: tags of a stem that makes a kind of place, not one (贫困/a 村, 郊区/s 村, 各/r 县市)
GENERIC_STEM_TAGS = frozenset({"a", "ad", "an", "b", "d", "f", "r", "m", "q", "s", "t"})
#: a word this frequent before a unit makes a kind of place (山区/ns 2809, 农业/n), not a named one (城关/ns 89)
_COMMON_STEM_FREQ = 1000
#: units of the divisions above a settlement: never inside its name
_DIVISION_UNITS = frozenset("省县区州盟旗")
#: tags of a first word that starts a clause rather than a name (在/p, 都/d)
_NOT_NAME_TAGS = frozenset({"vd", "p", "c", "d", "u", "uj", "ul", "r", "x", "m"})
#: words that stand for the division just named (该县宣和镇)
_THIS_DIVISION = frozenset({"该县", "该市", "该区", "该乡", "该镇", "本县", "本市", "本镇", "本乡"})
#: units of a division a settlement may follow
_DIVISION_ENDS = frozenset("省市县区州盟旗镇乡")


def _division_ends(toks: list[Token]) -> set[int]:
    """Where a division ends: a listed place, a ``ns`` word with a division's unit, 该县; never before a
    frequent or function word (江西|推进/v 乡村: a clause starts there, not a name).  A single character
    is judged by its tag only: jieba cuts an unknown name into characters, however frequent each one is
    (汾阳市|前/f|堡/ng 村, 绍兴市|前/f|梅村/nr)."""
    places, lex = gz.places(), dictionary()
    ends = {t.end for t in toks if t.text in places or t.text in _THIS_DIVISION or t.tag == "ns" and len(t.text) >= 2 and t.text[-1] in _DIVISION_ENDS}
    return {t.start for t in toks if t.start in ends and t.tag not in _NOT_NAME_TAGS
            and (len(t.text) == 1 or lex.get(t.text, (0, ""))[0] < _COMMON_STEM_FREQ)}


def proper_stem(stem: str) -> bool:
    """A stem that can name a place before its unit: a name or a word jieba does not know, not a
    description (贫困, 富裕), a part of a place (郊区), a place-kind noun (山区) or a number.

    >>> [proper_stem(s) for s in ("洋洲", "宣和", "城关", "贫困", "郊区", "山区", "两个", "小康")]
    [True, True, True, False, False, False, False, False]
    """
    if len(stem) < SHORTEST_STEM or stem[0] in _NOT_FIRST or any(ch in _NOT_IN_NAME or not "\u4e00" <= ch <= "\u9fff" for ch in stem):
        return False
    freq, tag = dictionary().get(stem, (0, ""))
    if stem in gz.places() and tag in ("ns", "nr", "nrt", "nz", "j", ""):
        return True
    if tag in GENERIC_STEM_TAGS or freq >= _COMMON_STEM_FREQ or ordinary(stem):
        return False
    return True


def settlements(text: str, toks: list[Token]) -> list[Cand]:
    """Villages, townships and towns named after the division they belong to.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in settlements(s, tokenize(s))]
    >>> show("湖南株洲市白关镇白关村的果农"), show("柳林县下三交镇坪上村原是个老大难村")
    (['白关镇', '白关村'], ['下三交镇', '坪上村'])
    >>> show("汾阳市前堡村的养殖户"), show("绍兴市前梅村的养殖户")
    (['前堡村'], ['前梅村'])
    >>> show("该县宣和镇的养鸡户"), show("全县贫困村减少"), show("县里派人到村"), show("该县两个村"), show("江西推进乡村振兴")
    (['宣和镇'], [], [], [], [])
    """
    if not _ANY_UNIT.search(text):
        return []
    ends = _division_ends(toks)
    out = []
    todo = sorted(ends, reverse=True)
    while todo:
        a = todo.pop()
        if text[a] in SETTLEMENT_UNITS:
            continue  # the unit of a place just read (高坪|镇桃源村): its name is 高坪镇, and the next one starts after it
        for p in range(a + SHORTEST_STEM, min(len(text), a + LONGEST_STEM + 1)):
            if text[p - 1] in _DIVISION_UNITS or text[p - 1] in SETTLEMENT_UNITS:
                break  # the stem would run over another division (湖南省|长沙县) or settlement (推进乡|村)
            if text[p] in SETTLEMENT_UNITS and proper_stem(text[a:p]):
                # a gazetteer's tier: the longer name wins over a county's short name across the unit (桐峪镇|坪头村, not 镇坪)
                out.append(Cand(T_GAZ, a, p + 1, "GPE", ""))
                if p + 1 not in ends:
                    ends.add(p + 1)
                    todo.append(p + 1)  # 洋洲镇|洋洲村: a village after its town
                break
    return out + listed_settlements(text, toks)


#: jieba's tags under which a word ending in 村 may be a person's name (关牧村, 吴梅村), left to the person
#: rules, or is a set phrase (异国他乡/l, 鱼米之乡/i)
_NOT_SETTLEMENT_TAGS = frozenset({"nr", "nrfg", "nrt", "i", "l"})
#: a settlement word jieba lists is this long: a stem of two to four characters and its unit
_LISTED_LENGTHS = range(SHORTEST_STEM + 1, LONGEST_STEM + 2)


def listed_settlements(text: str, toks: list[Token]) -> list[Cand]:
    """Villages and towns that jieba's dictionary lists whole, though not as places (双林村/n, 新宅村/n):
    the stem is a word jieba does not know or knows as a place, never a common word (示范村, 渡假村),
    and the word does not end in one (农村, 城镇, 山村).  Found wherever they stand, with no division
    before them.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in listed_settlements(s, tokenize(s))]
    >>> show("如今的新宅村，已是文明村"), show("示范村和渡假村"), show("新型农村建设"), show("生活在异国他乡")
    (['新宅村'], [], [], [])
    """
    out = []
    lex = dictionary()
    for unit in _ANY_UNIT.finditer(text):
        k = bisect_left(toks, unit.end(), key=_END)  # the token that ends with the unit, if one does
        if k == len(toks) or toks[k].end != unit.end():
            continue
        t = toks[k]
        if len(t.text) not in _LISTED_LENGTHS or t.tag in _NOT_SETTLEMENT_TAGS or t.tag == "ns":
            continue
        stem = t.text[:-1]
        if lex.get(stem, (0, "ns"))[1] != "ns" or lex.get(t.text[-2:], (0, ""))[0] >= _COMMON_STEM_FREQ or not proper_stem(stem):
            continue
        out.append(Cand(T_TAG, t.start, t.end, "GPE", ""))
    return out


#: endings of a street's name, longest first
STREET_UNITS = ("大街", "大道", "胡同", "路", "街", "巷")


def streets(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Streets named by a proper stem before 路, 街, 大道 (长江路, 深南/大道, 长安街), not the
    common nouns built the same way (铁路, 公路, 新路, 丝绸之路, 大街小巷).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in streets(tokenize(s))]
    >>> show("合肥市长江路悬挂灯笼"), show("危及深南大道。"), show("今晚的长安街"), show("修了铁路和公路，走出新路")
    (['长江路'], ['深南大道'], ['长安街'], [])
    """
    out = []
    for i in (marks or Marks(toks)).where(STREET):
        t = toks[i]
        unit = next((u for u in STREET_UNITS if t.text.endswith(u)), "")
        if len(t.text) > len(unit):
            stem, start = t.text[:-len(unit)], t.start
            if dictionary().get(t.text, (0, "ns"))[1] != "ns":
                continue  # 丝绸之路/l, 马路/n: a word jieba knows, and not as a place
        elif i > 0:
            stem, start = toks[i - 1].text, toks[i - 1].start  # 深南/ns 大道
            if toks[i - 1].tag not in ("ns", "nr", "nz", "nrt", "j"):
                continue
        else:
            continue
        if len(stem) >= 2 and proper_stem(stem):
            out.append(Cand(T_TAG, start, t.end, "FAC", ""))
    return out
