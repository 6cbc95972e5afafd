"""Places jieba takes for persons or does not know: foreign places by a data file, by their unit, by
their context, and a document's other mentions of them.

jieba tags most foreign places it does not know as transliterated names (斯塔万格/nrt,
阿布哈兹/nrt) and some landforms as Chinese names (罗布泊/nr, 秦岭/nr); the name finder
then reports persons.  Four rules put them back:

- a listed place abroad (``gaz_world_places.tsv``: CLDR cities, ISO 3166-2 subdivisions),
  on token boundaries (:func:`world_names`);
- a name followed by the unit of a place (斯塔万格/市, 塞伦盖蒂/高原, 阿布哈兹/自治/共和国)
  or by a word only places take (波波卡特佩特/火山, X/境内) (:func:`unit_places`);
- a transliterated name or a landform-shaped name after a verb of motion to a place
  (飞抵X, 流入罗布泊) (:func:`context_places`);
- a name a document shows as a place once is a place in its other mentions (:func:`place_seeds`,
  :func:`place_mentions`).

Limits: a foreign place named bare, with no unit, context or listing in the document, stays
what jieba says.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import PLACE_PREPS, dictionary
from pipeline.extract.entities.marks import NR, NRT, PLACE_WORD, WORLD, Marks
from pipeline.extract.entities.tokens import T_GAZ, Cand
from pipeline.segment import Token

#: units written after a foreign or unknown name, part of the place's name (斯塔万格市, 塞伦盖蒂高原)
UNITS = frozenset({"市", "州", "省", "邦", "港", "岛", "半岛", "群岛", "平原", "高原", "盆地", "沙漠", "山脉", "海峡", "湾",
                   "河", "湖", "山", "城", "共和国", "自治共和国", "自治州", "自治区"})
#: words after a name that only a place takes, not part of its name (波波卡特佩特|火山, 阿布哈兹|境内)
PLACE_AFTER = frozenset({"火山", "境内", "以北", "以南", "以东", "以西", "北部", "南部", "东部", "西部", "中部", "北缘", "南缘",
                         "南麓", "北麓", "一带", "沿岸", "流域", "腹地", "郊区", "市区", "冲突", "首府"})
#: verbs of motion to a place: what follows them is a place, whatever jieba tags it
MOTION = frozenset({"前往", "抵达", "飞抵", "途经", "位于", "流入", "注入", "横穿", "穿越", "翻越", "地处", "飞往", "驶往", "移居",
                    "迁往", "撤离"})
#: last characters of landforms: a name jieba lists as a person's but shaped so (罗布泊, 秦岭, 贾鲁河)
LANDFORM_ENDS = frozenset("山河江湖海岭峡岛湾泊川峰洋")
#: tags of a first character that make a landform word a common one (高/a 峰, 大/a 山, 上/f 山)
_GENERIC_FIRST = frozenset({"a", "ad", "ag", "d", "f", "m", "q", "v", "vg", "vn", "r", "p", "c", "u"})
#: kinds of gazetteer place that a unit after them names again (科威特|市 is the capital)
_CITY_KINDS = frozenset({"country", "capital", "city"})
#: a run of name tokens before a unit is at most this many tokens
_LONGEST_RUN = 3


@lru_cache(maxsize=1)
def _lengths() -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the places abroad that start so, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in gz.world_places():
        lengths.setdefault(name[:2], set()).add(len(name))
    return {start: tuple(sorted(ns, reverse=True)) for start, ns in lengths.items()}


def world_names(text: str, toks: Sequence[Token], marks: Marks | None = None) -> list[Cand]:
    """Listed places abroad, starting and ending on token boundaries, the longest at each start
    (tried only at tokens marked ``WORLD``: one dictionary look-up per length there).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> s = "他从伊尔库茨克来到巴伐利亚"
    >>> [s[c.start:c.end] for c in world_names(s, tokenize(s))]
    ['伊尔库茨克', '巴伐利亚']
    """
    at = (marks or Marks(toks)).where(WORLD)
    if not at:
        return []
    ends: set[int] | None = None  # token ends, computed at the first listed name
    out, taken, places, lengths = [], 0, gz.world_places(), _lengths()
    for i in at:
        start = toks[i].start
        if start < taken:
            continue
        for n in lengths.get(text[start:start + 2], ()):
            if text[start:start + n] not in places:
                continue
            ends = {t.end for t in toks} if ends is None else ends
            if start + n in ends:
                out.append(Cand(T_GAZ, start, start + n, *places[text[start:start + n]]))
                taken = start + n
                break
    return out


def _foreign_name(t: Token) -> bool:
    """A token jieba reads as a name, written in transliteration characters only (斯塔万格/nrt, 马塞/nr)."""
    return t.tag in ("nr", "nrt", "nrfg", "ns", "nz") and len(t.text) >= 1 and all(ch in gz.translit_chars() for ch in t.text)


def _listed_city(word: str) -> bool:
    return bool(gz.place_kinds().get(word, frozenset()) & _CITY_KINDS) or word in gz.world_places()


def _unit_at(toks: Sequence[Token], i: int) -> int:
    """How many tokens from i make a unit (市; 自治/共和国), 0 if none."""
    if toks[i].text in UNITS:
        return 1
    if toks[i].text == "自治" and i + 1 < len(toks) and toks[i + 1].text in ("共和国", "州", "区"):
        return 2
    return 0


def unit_places(toks: Sequence[Token], marks: Marks | None = None) -> list[Cand]:
    """Names that the unit or the word after them shows to be places (tokens marked ``PLACE_WORD``).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [(s[c.start:c.end], c.label) for c in unit_places(tokenize(s))]
    >>> show("她在斯塔万格市住了三年"), show("墨西哥波波卡特佩特火山昨天喷发")
    ([('斯塔万格市', 'GPE')], [('波波卡特佩特', 'LOC')])
    >>> show("阿布哈兹自治共和国举行选举"), show("从马塞马拉平原出发"), show("在科威特市游览")
    ([('阿布哈兹自治共和国', 'GPE')], [('马塞马拉平原', 'LOC')], [('科威特市', 'GPE')])
    >>> show("王平原来在这里"), show("克林顿说")
    ([], [])
    """
    out = []
    for i in (marks or Marks(toks)).where(PLACE_WORD):
        if i == 0:
            continue
        n = _unit_at(toks, i)
        if not n and toks[i].text not in PLACE_AFTER:
            continue
        if toks[i].text == "市" and _listed_city(toks[i - 1].text):
            out.append(Cand(T_GAZ, toks[i - 1].start, toks[i].end, "GPE", ""))  # 科威特|市: the capital
            continue
        j = i
        while j > 0 and i - j < _LONGEST_RUN and _foreign_name(toks[j - 1]):
            j -= 1
        stem = "".join(t.text for t in toks[j:i])
        if j == i or len(stem) < 2:
            continue
        if stem in gz.places() or dictionary().get(stem, (0, "ns"))[1] not in ("ns", "nr", "nrt", "nrfg", "nz"):
            continue  # a listed place is found already; a common word is no name
        if n:
            unit = "".join(t.text for t in toks[i:i + n])
            label = "GPE" if unit[-1] in "市州省邦城国区" else "LOC"
            out.append(Cand(T_GAZ, toks[j].start, toks[i + n - 1].end, label, ""))
        else:
            out.append(Cand(T_GAZ, toks[j].start, toks[i - 1].end, "LOC" if toks[i].text == "火山" else "GPE", ""))
    return out


def context_places(toks: Sequence[Token], marks: Marks | None = None) -> list[Cand]:
    """Names jieba tags as persons that stand where a place stands: a transliterated name after a verb
    of motion (飞抵斯塔万格), a landform-shaped name (罗布泊/nr, 秦岭/nr) after one or a preposition of place.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in context_places(tokenize(s))]
    >>> show("河水沿沙漠北缘流入罗布泊。"), show("他们飞抵斯塔万格。"), show("在秦岭考察"), show("在克林顿看来"), show("在高峰时段")
    (['罗布泊'], ['斯塔万格'], ['秦岭'], [], [])
    """
    out = []
    for i in (marks or Marks(toks)).where(NR | NRT):
        t = toks[i]
        if i == 0 or len(t.text) < 2 or t.text in gz.places():
            continue
        before = toks[i - 1].text
        landform = t.text[-1] in LANDFORM_ENDS and t.text in dictionary() and dictionary().get(t.text[0], (0, ""))[1] not in _GENERIC_FIRST
        if before in MOTION and (landform or _foreign_name(t)) or landform and before in PLACE_PREPS:
            out.append(Cand(T_GAZ, t.start, t.end, "LOC" if landform else "GPE", ""))
    return out


#: a place's units, longest first (自治共和国 before 国)
_UNITS_LONGEST_FIRST = tuple(sorted(UNITS, key=len, reverse=True))


def _stem(name: str) -> str:
    """A place's name without its unit (斯塔万格市 → 斯塔万格, 阿布哈兹自治共和国 → 阿布哈兹)."""
    for unit in _UNITS_LONGEST_FIRST:
        if name.endswith(unit) and len(name) - len(unit) >= 2:
            return name[: -len(unit)]
    return name


def place_seeds(texts: Sequence[str], found: Sequence[Sequence[Cand]]) -> dict[str, tuple[str, str]]:
    """Foreign places a document shows with a unit or in context (name -> (label, normalized)):
    its other mentions, bare (斯塔万格 after 斯塔万格市), are the place too, not the person jieba reads.

    >>> place_seeds(["在斯塔万格市工作"], [[Cand(T_GAZ, 1, 6, "GPE", "")]])
    {'斯塔万格市': ('GPE', '斯塔万格市'), '斯塔万格': ('GPE', '斯塔万格')}
    """
    seeds: dict[str, tuple[str, str]] = {}
    trans = gz.translit_chars()
    for text, cands in zip(texts, found, strict=False):
        for c in cands:
            name = text[c.start:c.end]
            if c.label not in ("GPE", "LOC") or name in gz.places():
                continue
            stem = _stem(name)
            if len(stem) >= 3 and all(ch in trans for ch in stem):
                seeds[name] = (c.label, name)
                seeds.setdefault(stem, (c.label, stem))
    return seeds


def place_mentions(text: str, toks: Sequence[Token], seeds: dict[str, tuple[str, str]]) -> list[Cand]:
    """The document's places where they occur on token boundaries (a seed's tier beats a person's).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> s = "阿布哈兹冲突"
    >>> [(s[c.start:c.end], c.label) for c in place_mentions(s, tokenize(s), {"阿布哈兹": ("GPE", "阿布哈兹")})]
    [('阿布哈兹', 'GPE')]
    """
    here = [name for name in seeds if name in text]
    if not here:
        return []
    starts, ends = {t.start for t in toks}, {t.end for t in toks}
    out = []
    for name in here:
        i = text.find(name)
        while i != -1:
            if i in starts and i + len(name) in ends:
                out.append(Cand(T_GAZ, i, i + len(name), *seeds[name]))
            i = text.find(name, i + len(name))
    return out
