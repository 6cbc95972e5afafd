"""Places (and the organizations the gazetteer lists) by name, datelines, and jieba's place words.

A gazetteer name counts on a token boundary; a county's short name that is
mostly an ordinary word (新建, 平原) needs a place context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.gazetteer_words import FORMER_PREFIXES, SESSION, known_prefix
from pipeline.extract.entities.lexicon import ADMIN_UNIT, LANDFORMS, PLACE_PREPS, PLACE_SUFFIX, dictionary, is_title
from pipeline.extract.entities.marks import GAZETTEER_NAME, NS, SETTLEMENT, SETTLEMENT_CHARS, Marks
from pipeline.extract.entities.settlements import proper_stem
from pipeline.extract.entities.tokens import T_CREDIT, T_GAZ, T_TAG, Cand
from pipeline.segment import Token


def division(word: str) -> bool:
    """A Chinese administrative division written out (湖南省, 长沙市, 峡江县) or a province by its short
    name (福建): in a run of names, it starts the next one; a city's short name (北海, 沈阳) may name a
    branch of the body before it (海南汽车公司北海公司).

    >>> division("河南省"), division("福建"), division("北京市"), division("北海"), division("沈阳")
    (True, True, True, False, False)
    """
    place = gz.places().get(word)
    if place is None:
        return False
    return word[-1] in "省市县区州盟旗" or place[1].endswith(("省", "自治区")) or place[1] in _MUNICIPALITIES


_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})




_N_COUNTRIES = re.compile(r"[一二三四五六七八九十两\d]+国")


#: a news agency's dateline: the place between the agency and the date (新华社内罗毕2月11日电, 本报伦敦3月12日电)
_DATELINE_PLACE = re.compile(r"(?:新华社|中新社|本报)(?:驻)?([\u4e00-\u9fff]{2,7}?)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)")


def datelines(text: str) -> list[Cand]:
    """The place of a dateline, known or not: a city the gazetteer lacks is still a place there.

    >>> [(text[c.start:c.end], c.label) for text in ["据新华社内罗毕2月11日电（记者", "本报北京三月十二日讯"] for c in datelines(text)]
    [('内罗毕', 'GPE'), ('北京', 'GPE')]
    """
    out = []
    for m in _DATELINE_PLACE.finditer(text):
        name = m.group(1)
        if name in gz.orgs() or name.endswith(("记者", "电")) or any(name[:k] in gz.places() for k in range(2, len(name) - 1)):
            continue  # 本报加拿大温哥华: a country and its city, left to the gazetteer
        out.append(Cand(T_CREDIT, m.start(1), m.end(1), "GPE", gz.places().get(name, ("", name))[1]))
    return out



#: a county's short name seen this often by jieba is mostly an ordinary word (新建 1000, 平原 7457)
_WORD_ALIAS_FREQ = 500


@lru_cache(maxsize=1 << 14)
def _word_alias(name: str) -> bool:
    """A county's short name (新建 for 新建区, 平原 for 平原县) that jieba's dictionary knows as an
    ordinary word, or sees too often for a county: a place only where the context says so.

    A district whose official name is itself an everyday word (城区, 郊区: the "city district" of
    several cities) is one too, as is a county name that a dictionary also gives as an ordinary word
    (大关 "a milestone", 牡丹 "peony", 钟楼 "bell tower": kind ``ordinary_word`` in gaz_places.tsv).

    >>> _word_alias("新建"), _word_alias("平原"), _word_alias("昌平"), _word_alias("大连"), _word_alias("浙江")
    (True, True, False, False, False)
    >>> _word_alias("城区"), _word_alias("郊区"), _word_alias("海淀区"), _word_alias("大关"), _word_alias("大关县"), _word_alias("牡丹")
    (True, True, False, True, False, True)
    """
    if "ordinary_word" in gz.place_kinds().get(name, ()):
        return True
    norm = gz.places()[name][1]
    freq, tag = dictionary().get(name, (0, "ns"))
    if norm == name and name[-1:] in _COUNTY_UNITS:
        return tag not in ("ns", "nr", "nrt", "nrfg", "nz") and freq >= _WORD_ALIAS_FREQ
    if norm == name or not norm.startswith(name) or norm[len(name):] not in _COUNTY_UNITS:
        return False
    return tag not in ("ns", "nr", "nrt", "nrfg", "nz") or freq >= _WORD_ALIAS_FREQ


#: units of a county-level division; a city's short name (大连, 海口) is left alone whatever jieba tags it
_COUNTY_UNITS = frozenset({"区", "县", "旗", "自治县"})


#: words before a place that say "in, to, from, at" it
_PLACE_VERBS = PLACE_PREPS | {"来到", "前往", "位于", "地处", "飞抵", "抵达", "途经", "赶赴", "奔赴", "远赴", "去", "回到", "离开", "走进", "深入"}
#: words after a place that need one (……一带, 县城)
_AFTER_PLACE = frozenset({"县城", "一带", "境内", "地区", "城区", "市区", "城乡", "全县", "县委", "县长", "县里"})


def _place_context(toks: list[Token], i: int, whole: bool) -> bool:
    """The token at i stands where a place stands: after another place (江西|新建) or a preposition
    of place (在|平原), before a division's unit (新建|区), or in a list of places (汾阳、临县、中阳).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("在平原和汾阳、中阳等地")
    >>> _place_context(toks, 1, True), _place_context(toks, 5, True)
    (True, True)
    """
    def place(k: int) -> bool:
        return 0 <= k < len(toks) and (toks[k].text in gz.places() or toks[k].tag == "ns" and toks[k].text[-1] in "省市县区州")

    before = toks[i - 1].text if i else ""
    after = toks[i + 1].text if whole and i + 1 < len(toks) else ""
    return (place(i - 1) or before in _PLACE_VERBS or after in ADMIN_UNIT + ("区", "市") or after in _AFTER_PLACE
            or before == "、" and place(i - 2) or after == "、" and place(i + 2))


def _titled_transliteration(toks: list[Token], i: int) -> bool:
    """Token i is a country or capital abroad in transliteration right after a person's title and
    before no unit of a place: a person whose name the place shares (财政部长|马里 is a minister, not Mali).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("财政部长马里宣布，他访问了马里")
    >>> _titled_transliteration(toks, 1), _titled_transliteration(toks, len(toks) - 1)
    (True, False)
    """
    word = toks[i].text
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag) and toks[i - 1].text not in _PLACE_TITLES \
        and gz.place_kinds().get(word, frozenset()) <= _ABROAD and all(ch in gz.translit_chars() for ch in word) \
        and not after.startswith(PLACE_SUFFIX + ADMIN_UNIT + ("、",))


#: kinds of a listed place abroad (gaz_places.tsv): a Chinese division after a title starts the next
#: phrase of a headline run on (新主任|福州140余名下岗职工), a name abroad may be a person's
_ABROAD = frozenset({"country", "capital"})
#: titles that name a place's office rather than stand before a person (驻|大使: 大使|北京 is not a name)
_PLACE_TITLES = frozenset({"记者", "本报记者", "新华社记者", "特约记者", "通讯员"})


def gazetteer_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Places and organizations from the gazetteers, starting on a token boundary.

    A name may end inside a token that jieba glued to a following word
    (台湾同胞, 新华社记者, 香港回归): the longest known prefix of the token counts.
    """
    out = []
    places, orgs = gz.places(), gz.orgs()
    for k2 in [k + 1 for k in (marks or Marks(toks)).where(GAZETTEER_NAME)]:  # the words that may give one
        t = toks[k2 - 1]
        if t.tag in ("nr", "nrfg") and t.text not in places and t.text not in orgs and not (t.text[-1] == "人" and t.text[:-1] in places):
            continue  # 天津人/nr is the city's people, not a person
        if t.tag == "ns" and t.text not in places and len(t.text) >= 3 and (t.text.endswith(LANDFORMS) or whole_place_word(t.text)):
            continue  # 黄河三角洲, 马里兰州, 香港特区: the whole place, not its known prefix (left to tagged_places)
        session = SESSION.match(t.text)
        if session and t.text[session.end():] in orgs:
            out.append(Cand(T_GAZ, t.start + session.end(), t.end, "ORG", orgs[t.text[session.end():]]))
            continue  # 九届|全国人大: the body without its session
        if t.text[0] in FORMER_PREFIXES and t.text not in places and t.text[1:] in places:
            out.append(Cand(T_GAZ, t.start + 1, t.end, *places[t.text[1:]]))
            continue  # 原苏联/ns: the place without "former"
        k = known_prefix(t.text)
        if not k:
            continue
        w = t.text[:k]
        if w in orgs:
            out.append(Cand(T_GAZ, t.start, t.start + k, "ORG", orgs[w]))
            continue
        if _word_alias(w) and not _place_context(toks, k2 - 1, k == len(t.text)):
            continue  # 新建的楼房, 平原游击战: a county's short name that is mostly an ordinary word
        if k == len(t.text) and _titled_transliteration(toks, k2 - 1):
            continue  # 财政部长|马里, 学者|圣约翰: a person named like a place abroad, left to the person rules
        label, norm = places[w]
        end, start = t.start + k, t.start
        if w[0] in FORMER_PREFIXES and w[1:] in places:
            start, (label, norm) = start + 1, places[w[1:]]  # 前|苏联, 环|渤海: the place without "former", "around"
        if k == len(t.text) and _city_word_after(w, toks[k2].text if k2 < len(toks) else ""):
            end, norm = end - 1, places[w[:-1]][1]  # 拉萨市|民: the city, and its citizens (市民)
        if k == len(t.text) and label == "LOC" and k2 < len(toks) and _N_COUNTRIES.fullmatch(toks[k2].text):
            end, norm = toks[k2].end, w + toks[k2].text  # 中亚五国: the group of countries
        elif k == len(t.text) and k2 < len(toks) and toks[k2].text in ADMIN_UNIT and not w.endswith(ADMIN_UNIT):
            end, label, norm = toks[k2].end, "GPE", w + toks[k2].text  # 高坪/镇: the full form as written
        elif t.text[k:] == "地区" or k == len(t.text) and k2 < len(toks) and toks[k2].text == "地区":
            end = max(t.end, toks[k2].end if k == len(t.text) else 0)  # 滨州/地区, 吕梁地区: a prefecture by its older name, a place's area
        out.append(Cand(T_GAZ, start, end, label, norm))
    return out


def whole_place_word(word: str) -> bool:
    """A place word that jieba keeps whole and that ends in a division's unit is one place, however a
    known name starts it (马里|兰州 is Maryland, not Mali; 香港特区, 巴勒斯坦自治区), unless the unit
    names a kind of place (大城市) or a part of the place before it (北京市区, 上海郊区).

    >>> [whole_place_word(w) for w in ("马里兰州", "香港特区", "巴勒斯坦自治区", "北京市区", "大城市")]
    [True, True, True, False, False]
    """
    return word.endswith(_DIVISION_UNITS) and not _generic_place(word) and not word.endswith(_PARTS_OF_PLACE)


#: units that end a place word jieba keeps whole (州, 省, 特区, 自治区, 山区)
_DIVISION_UNITS = ("州", "省", "特区", "自治区", "山区", "县", "市", "地区")
#: words for a part of a place: after a place they make that part, not another place
_PARTS_OF_PLACE = ("市区", "城区", "郊区", "县城", "市内", "省内", "境内", "地区内")


def _city_word_after(name: str, after: str) -> bool:
    """``name`` ends in 市 and 市 makes a word with the one character jieba left after it (拉萨市|民,
    延安市|区, 福州市|郊): the city is named without its unit, and 市民 "citizens" follows.

    >>> _city_word_after("拉萨市", "民"), _city_word_after("延安市", "区"), _city_word_after("拉萨市", "的")
    (True, True, False)
    """
    if not name.endswith("市") or len(after) != 1 or name[:-1] not in gz.places():
        return False
    return dictionary().get("市" + after, (0, "ns"))[1] not in ("ns", "nr", "nrt", "nz", "uj", "p", "c")


def tagged_places(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Villages and towns jieba reads as names (耿庄镇/nr, 双泾/村), and its ``ns`` words with a place suffix,
    not the kinds of village it tags so too (富裕村/nr, 各乡镇/ns).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in tagged_places(tokenize(s))]
    >>> show("这里成了出名的富裕村"), show("指导各乡镇开展工作")
    ([], [])
    """
    out = []
    for k in (marks or Marks(toks)).where(NS | SETTLEMENT):
        t = toks[k]
        if t.tag == "nrt" and len(t.text) >= 2 and all(ch in gz.translit_chars() for ch in t.text):
            continue
        if 3 <= len(t.text) <= 4 and t.text[-1] in SETTLEMENT_CHARS and (t.tag in ("nr", "ns", "nz", "nrt") or t.tag == "n" and t.text[:-1] not in dictionary()) \
                and dictionary().get(t.text, (0, "nr"))[1] in ("nr", "ns", "nz", "nrt") and not _generic_place(t.text):
            out.append(Cand(T_TAG, t.start, t.end, "GPE", ""))  # 耿庄镇/nr, 东耿村/nr; not 富裕村/nr, 各乡镇/ns
        elif t.text in SETTLEMENT_CHARS and k >= 1 and toks[k - 1].tag in ("ns", "nr", "nz", "nrt") and len(toks[k - 1].text) == 2 \
                and toks[k - 1].text not in gz.places():
            out.append(Cand(T_TAG, toks[k - 1].start, t.end, "GPE", ""))  # 双泾/村
        elif t.tag == "ns" and (len(t.text) >= 3 and t.text.endswith(PLACE_SUFFIX) or len(t.text) == 2 and t.text[-1] in "镇乡村") \
                and not _generic_place(t.text):
            out.append(Cand(T_TAG, t.start, t.end, "GPE" if t.text[-1] in "省市县区州镇乡村旗" else "LOC", ""))
    return out


#: words for a kind of place: after a word that is no proper name they make a kind, not a name (港口城市)
GENERIC_PLACE_HEADS = ("城市", "都市", "城镇", "乡镇", "地区", "山区", "乡村", "山村", "村庄", "县城", "小镇", "港口", "口岸")


#: stems that make a kind of place, not a place: a size, a quantifier, a direction or a description (大城市, 各县市, 沿海地区)
_GENERIC_STEM_TAGS = frozenset({"a", "ad", "b", "d", "f", "r"})


#: the endings of a place, longest first (地区 before 区)
_SUFFIX_LONGEST_FIRST = tuple(sorted(PLACE_SUFFIX, key=len, reverse=True))


@lru_cache(maxsize=1 << 14)
def _generic_place(word: str) -> bool:
    """A suffixed word that names a kind of place (大城市, 大中城市, 各县市, 沿海地区, 贫困村), not a place (北京市, 双泾村).

    A kind of place after a word is a name only when the word is a proper one (港口城市, 繁华都市,
    山区村 are kinds; 北京城市 would not be).

    >>> [_generic_place(w) for w in ("大城市", "大中城市", "各县市", "沿海地区", "贫困村", "北京市", "双泾村", "大亚湾", "黄河口")]
    [True, True, True, True, True, False, False, False, False]
    >>> [_generic_place(w) for w in ("港口城市", "繁华都市", "沿海城市", "东北地区")]
    [True, True, True, False]
    """
    head = next((h for h in GENERIC_PLACE_HEADS if word.endswith(h) and len(word) > len(h)), "")
    if head and not proper_stem(word[:-len(head)]):
        return True  # 港口/n 城市, 繁华/a 都市
    stem = next((word[:-len(x)] for x in _SUFFIX_LONGEST_FIRST if word.endswith(x)), word[:-1])
    stem = stem.rstrip("城")  # 大中城|市
    if stem in gz.places():
        return False  # 大连/d 港
    if len(stem) <= 1:
        return stem in "大小新老上下各诸全该本"  # 大城市, 新村; not 黄/a 河口
    return stem[0] in "各诸全该本" or dictionary().get(stem, (0, ""))[1] in _GENERIC_STEM_TAGS
