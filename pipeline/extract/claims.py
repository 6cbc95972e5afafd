"""Numeric claims: a number with its scale, unit, qualifier and what it counts.

Why on characters and not on tokens: jieba cuts numbers unpredictably
(``23.4%``, ``1,234``), so numerals are found by one regex on the text.  Around
each numeral the words are read from data files: the unit or measure word
(``pipeline/data/units_measure.tsv``, longest first) and qualifier words
(``pipeline/data/qualifiers.tsv``: 超过 before, 以上 after).  What is counted
(the object) is the noun phrase after the unit (580余家企业), else the one
before the number (土壤含盐量超过0.6%), else what follows a share and 的
(一半以上的行政村): see ``pipeline.extract.objects``.

What is *not* a claim:

- bare 一 and 几 with a measure word (一项项, 一方面, 一名): article-like, and
  一 is a real character far more often than a number (统一, 一体化);
- ordinals and weekdays (第三, 初三, 星期三), reduplication (一张张, 个个),
  and numeral words listed in ``numeral_words.txt`` (四周, 四处);
- digit strings without 十百千 (八一队, 五一路): names and codes;
- a numeral glued into a word of jieba's dictionary: one that starts before it
  (成千上万) or a name/idiom that runs past its unit (三门峡, 千家万户);
- Arabic numbers without unit, scale or percent (years, codes, 2023中国·赣州);
- anything overlapping ``skip`` (date and name spans: 10年来, 二十国集团,
  中亚五国) and the dates ``find_dates`` sees in the text itself.

>>> show = lambda text: [(c.text, str(c.value), c.unit, c.qualifier, c.object) for c in find_claims(text)]
>>> show("来自126个国家和地区的1800多位嘉宾参加")
[('126个国家和地区', '126', '个', 'exact', '国家和地区'), ('1800多位嘉宾', '1800', '位', 'more_than', '嘉宾')]
>>> show("580余家企业线上线下联动参展,近百场新产品新技术发布活动展示了")
[('580余家企业', '580', '家', 'more_than', '企业'), ('近百场新产品新技术', '100', '场', 'nearly', '新产品新技术')]
>>> show("建设了非洲一半以上无线站点,累计铺设超过20万公里光纤,服务超过9亿非洲人民,")
[('一半以上无线站点', '0.5', '', 'at_least', '无线站点'), ('超过20万公里光纤', '200000', '公里', 'more_than', '光纤'), ('超过9亿非洲人民', '900000000', '', 'more_than', '非洲人民')]
>>> show("全球仍有近30亿人没有接入互联网;连续成功举办10年")
[('近30亿人', '3000000000', '人', 'nearly', '人'), ('10年', '10', '年', 'exact', '')]
>>> show("增长23.4%,百分之三十五,三分之一的人,三成以上,增长两倍,1.5亿美元")
[('23.4%', '23.4', '%', 'exact', ''), ('百分之三十五', '35', '%', 'exact', ''), ('三分之一的人', '0.333333', '', 'exact', '人'), ('三成以上', '0.3', '', 'at_least', ''), ('两倍', '2', '倍', 'exact', ''), ('1.5亿美元', '150000000', '美元', 'exact', '')]
>>> show("约3万4000人,两千名工人,十几万元,数十个国家,上千名代表,3年左右,不到5%,至少3个")
[('约3万4000人', '34000', '人', 'approx', '人'), ('两千名工人', '2000', '名', 'exact', '工人'), ('十几万元', '100000', '元', 'more_than', ''), ('数十个国家', '10', '个', 'more_than', '国家'), ('上千名代表', '1000', '名', 'at_least', '代表'), ('3年左右', '3', '年', 'approx', ''), ('不到5%', '5', '%', 'less_than', ''), ('至少3个', '3', '个', 'at_least', '')]
>>> show("安排1.5亿元专项资金,总投资22.8亿元人民币,留下500元钱")
[('1.5亿元专项资金', '150000000', '元', 'exact', '专项资金'), ('22.8亿元', '2280000000', '元', 'exact', '总投资'), ('500元', '500', '元', 'exact', '')]
>>> show("用了两年半时间,3个半月,两个半小时,一年半以后,一个半导体厂")
[('两年半', '2.5', '年', 'exact', ''), ('3个半月', '3.5', '个月', 'exact', ''), ('两个半小时', '2.5', '个小时', 'exact', ''), ('一年半', '1.5', '年', 'exact', '')]
>>> [(c.text, str(c.value_low), str(c.value_high), c.qualifier) for c in find_claims("3至5年,20%—30%,3—5万吨,两三个月")]
[('3至5年', '3', '5', 'range'), ('20%—30%', '20', '30', 'range'), ('3—5万吨', '30000', '50000', 'range'), ('两三个月', '2', '3', 'range')]

Traps that are not claims:

>>> show("第三次会议,一项项成果,一张张笑脸,一方面,统一零售价,一体化,共建一带一路,千家万户,十分重要")
[]
>>> show("二十国集团,中亚五国,三门峡市,2023中国·赣州博览会,5G+VR,1998年,10年来,成千上万")
[]
>>> show(None), show(""), show("1,,,,%%%亿亿万万")
([], [], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pipeline.extract.dates import find_dates
from pipeline.extract.numbers import CN_NUMERAL_CHARS, implied_qualifier, parse_number, parse_pair, tidy
from pipeline.extract.objects import Subject, following_object, preceding_object
from pipeline.lexicon import jieba_dictionary
from pipeline.records import Claim

DATA = Path(__file__).resolve().parents[1] / "data"

_AR = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|·\d+)?(?:[万亿]\d{1,4}(?!\d))?"
_CN = rf"[{CN_NUMERAL_CHARS}]+(?:点[〇零○一二三四五六七八九]+)?"
_NUMBER = rf"(?:[数几上](?=[十百千万亿]))?(?:{_AR}|{_CN})(?:[多余几来](?=[十百千万亿]))?[十百千万亿]{{0,3}}"
_CONNECT = "至到—–\\-－~～〜"
#: a numeral run: fraction, 百分之N, N%, or N with an optional range end
_NUMERAL = re.compile(
    rf"(?<![\dA-Za-z.·])(?<!\d,)(?:"
    rf"(?P<pcn>百分之|千分之)(?P<pa>{_NUMBER})(?:[{_CONNECT}](?:百分之)?(?P<pb>{_NUMBER}))?"
    rf"|(?P<frac>{_NUMBER}分之{_NUMBER})"
    rf"|(?P<half>一半)"
    rf"|(?P<a>{_NUMBER})(?P<apct>[%％])?(?:(?P<con>[{_CONNECT}])(?P<b>{_NUMBER}))?"
    rf"|(?P<halfu>半)"
    rf")"
)
_SENTENCE_END = re.compile("[。！？；!?;]")
_ORDINAL_BEFORE = ("第", "初", "周", "星期", "礼拜")
_COUNTING = frozenset({"classifier", "currency", "noun", "measure"})
_NO_OBJECT = frozenset({"time", "percent", "multiple"})
#: kinds read as a share of what follows 的: 一半以上的行政村, 30%的企业
_SHARE_KINDS = frozenset({"", "share", "percent"})
#: jieba tags of words that swallow a numeral: idioms, names, adverbs, verbs, adjectives
_LEXICAL_TAGS = frozenset(
    {
        "i",
        "l",
        "n",
        "b",
        "ns",
        "nr",
        "nrt",
        "nrfg",
        "nt",
        "nz",
        "j",
        "d",
        "v",
        "vd",
        "vn",
        "a",
        "ad",
        "an",
        "c",
        "p",
        "r",
    }
)
#: dictionary words seen fewer times than this are noise for the guard
_MIN_FREQUENCY = 20


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, bool]]:
    """unit word -> (kind, counts only after Arabic digits)."""
    return {row[0]: (row[1], len(row) > 2 and row[2] == "digits") for row in _rows("units_measure.tsv")}


@lru_cache(maxsize=1)
def numeral_words() -> tuple[str, ...]:
    """Numeral-initial words that are not counts (四周, 四处), from numeral_words.txt."""
    return tuple(row[0] for row in _rows("numeral_words.txt"))


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, dict[str, str]]:
    """position (pre/post) -> word -> qualifier, from qualifiers.tsv."""
    table: dict[str, dict[str, str]] = {"pre": {}, "post": {}}
    for word, position, qualifier in _rows("qualifiers.tsv"):
        table[position][word] = qualifier
    return table


def _longest(text: str, pos: int, words: dict, max_len: int = 6) -> str:
    for length in range(min(max_len, len(text) - pos), 0, -1):
        if text[pos : pos + length] in words:
            return text[pos : pos + length]
    return ""


def _unit_at(text: str, pos: int, chinese: bool) -> str:
    unit = _longest(text, pos, units())
    if unit and unit.isascii() and unit.isalpha() and pos + len(unit) < len(text) and text[pos + len(unit)].isalpha():
        return ""  # 5km is a unit, 5kmh is not
    if unit and chinese and units()[unit][1]:
        return ""
    return unit


def _pre_qualifier(text: str, start: int) -> tuple[str, str]:
    """The qualifier word ending right before ``start`` (超过, 近; not the 近 of 最近)."""
    pre = qualifiers()["pre"]
    for length in range(3, 0, -1):
        word = text[max(0, start - length) : start]
        if len(word) == length and word in pre:
            if word == "近" and start >= 2 and text[start - 2] in "最附邻亲贴靠":
                return "", ""
            return word, pre[word]
    return "", ""


def _dictionary_word_crosses(text: str, start: int, core_end: int) -> bool:
    """A numeral glued into a word of jieba's dictionary: a lexical item, not a count.

    Either a word of three or more characters that starts before it (成千上万), or a name,
    idiom or non-numeral word that runs past its unit (三门峡, 千家万户, 三轮车).
    Numerals (两个, 三年: tag m) do not count, nor rare entries (两件事, 两只手:
    jieba's dictionary lists such phrases a few times with haphazard tags).
    """
    words = jieba_dictionary()
    for i in range(max(0, start - 4), start):
        for j in range(start + 1, min(len(text), i + 7) + 1):
            if j - i >= 3 and text[i:j] in words:
                return True
    for j in range(core_end + 1, min(len(text), start + 7) + 1):
        entry = words.get(text[start:j])
        if entry and entry[1] in _LEXICAL_TAGS and entry[0] >= _MIN_FREQUENCY:
            return True
    return False


def _trailing_scale(number: str) -> str:
    return number[len(number.rstrip("十百千万亿")) :]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _read_number(
    text: str, m: re.Match, chinese: bool
) -> tuple[Decimal | None, Decimal | None, Decimal | None, str, int]:
    """value, range low, range high, implied qualifier and the end of the numeral proper."""
    end = m.end()
    low = high = None
    if m["frac"] or m["half"] or m["halfu"]:
        return parse_number(m.group()), None, None, "exact", end
    if m["pcn"]:
        value = parse_number(m["pa"])
        if m["pb"]:
            low, high = value, parse_number(m["pb"])
        return value, low, high, implied_qualifier(m["pa"]), end
    a, b = m["a"], m["b"]
    if m["apct"] and not b:
        end -= 1  # the % is read as the unit
    pair = parse_pair(a) if chinese and not b else None
    value, implied = (pair[0], "exact") if pair else (parse_number(a), implied_qualifier(a))
    if pair:
        low, high = pair
    if b:
        if m["apct"] and not text.startswith(("%", "％"), end):
            return None, None, None, "", end  # 20%—30 without the second %
        high = parse_number(b)
        scale = _trailing_scale(b)
        if not _trailing_scale(a) and scale and value is not None:
            value = value * _scale_value(scale)  # 3至5万 -> 30000-50000
        low = value
    # a unit that begins with a scale character takes it back: 5千米, 3万千瓦, 0.5个百分点
    scale = _trailing_scale(b or a)
    unit = _unit_at(text, end - 1, chinese) if scale else ""
    if len(unit) > 1 and unit[0] == scale[-1]:
        end -= 1
        shorter = parse_number((b or a)[:-1])
        if b:
            high = shorter
        else:
            value = shorter
    return value, low, high, implied, end


def _scale_value(scale: str) -> Decimal:
    return parse_number("1" + scale) or Decimal(1)


def _claim(text: str, m: re.Match) -> tuple[Claim, bool, int] | None:
    """Read the unit, qualifiers and object around one numeral run; None if it is no claim.

    Also whether the claim's subject is left out (收入达到2万元，增长7.3%), and where
    the number with its unit and qualifiers ends (the object may follow).
    """
    start = m.start()
    chinese = not m.group()[0].isdigit() and not m["pcn"]
    if any(text[max(0, start - len(w)) : start] == w for w in _ORDINAL_BEFORE):
        return None
    value, low, high, implied, end = _read_number(text, m, chinese)
    if value is None or (low is not None and (high is None or not low < high)):
        return None
    mid = ""
    if text[end : end + 1] in ("多", "余", "几", "来") and m["a"]:
        mid, end = text[end], end + 1
    unit, kind = "", ""
    if m["pcn"]:
        unit, kind = ("%" if m["pcn"] == "百分之" else "‰"), "percent"
    elif text[end : end + 1] in ("%", "％"):
        unit, kind, end = "%", "percent", end + 1
    elif text[end : end + 1] == "成" and m["a"] and not _dictionary_word_at(text, end):
        if value > 10:
            return None
        value = value / 10
        low, high = (None, None) if low is None or high is None else (low / 10, high / 10)
        kind, end = "share", end + 1
    else:
        unit = _unit_at(text, end, chinese)
        kind = units()[unit][0] if unit else ""
        end += len(unit)
    number = m["a"] or ""
    half = _and_a_half(text, end, unit, kind) if number and low is None and not _trailing_scale(number) else None
    if half:
        unit, end = half
        kind, value = units()[unit][0], value + Decimal("0.5")
    pair = parse_pair(number)
    scale = _trailing_scale(number)
    if not kind and not (m["frac"] or m["half"] or "万" in scale or "亿" in scale):
        return None  # a bare number (a year, a code) states no quantity
    if unit == "分" and text[max(0, start - 1) : start] in ("时", "点"):
        return None  # 6时30分: a clock time
    if unit == "国" and text.startswith("集团", end):
        return None  # 7国集团, 二十国集团: a name
    if chinese and text.startswith(numeral_words(), start):
        return None  # 四周, 四处, 十年九旱: a direction, a set phrase
    if chinese and number:
        if number in ("一", "零", "〇") and kind not in ("multiple", "share") and not half:
            return None  # 一名, 一方面, 一项项: article-like 一; 零件
        if len(number) > 1 and not any(c in "十百千万亿点" for c in number) and not pair:
            return None  # 八一队, 五一路, 一二九: digit strings are names and codes
        if number[0] in "百千万亿" and not _pre_qualifier(text, start)[0] and kind not in _COUNTING:
            return None  # 百年, 千年: a bare scale counts after 近/上/数, or with 万名, 亿元, 千亩
    if unit and text.startswith(unit, end):
        return None  # 一项项, 个个: reduplication
    pre_word, pre_q = _pre_qualifier(text, start)
    claim_start = start - len(pre_word)
    if chinese and _dictionary_word_crosses(text, claim_start, end):
        return None
    post = _longest(text, end, qualifiers()["post"], 3)
    if post in ("多", "余") and (mid or kind not in ("time", "measure", "currency", "multiple")):
        post = ""  # 3个多: the 多 belongs to what follows
    end += len(post)
    mid_q = "more_than" if mid in ("多", "余", "几") else "approx" if mid == "来" else ""
    if low is not None:
        qualifier = "range"
    else:
        qualifier = pre_q or qualifiers()["post"].get(post, "") or mid_q or implied
    number_end = end
    obj = "" if kind in _NO_OBJECT or kind == "noun" else following_object(text, end)
    if kind == "currency" and (obj in ("钱", "钱物") or _longest(obj, 0, units())):
        obj = ""  # 200元钱, 22.8亿元人民币: the money itself, not what it buys
    end += len(obj)
    subject = preceding_object(text, claim_start, kind, pre_word) if not obj else Subject("", False, False)
    if not obj:
        obj = subject.text
    if not obj and not subject.measured and kind in _SHARE_KINDS and text.startswith("的", end):
        shared = following_object(text, end + 1)
        obj, end = shared, end + (1 + len(shared) if shared else 0)
    if not obj and kind == "noun":
        obj = unit
    claim = Claim(
        start=claim_start,
        end=end,
        text=text[claim_start:end],
        value=tidy(low if low is not None else value),
        unit=unit,
        qualifier=qualifier,
        object=obj,
        value_low=tidy(low) if low is not None else None,
        value_high=tidy(high) if high is not None else None,
    )
    return claim, subject.elided, number_end


def _and_a_half(text: str, end: int, unit: str, kind: str) -> tuple[str, int] | None:
    """两年半, 3个半月, 两个半小时: 半 after the measure word adds a half (unit, new end); else None.

    Not the 半 that starts a word (一个半导体, 三个半岛).
    """
    if kind not in ("time", "measure", "classifier") or not text.startswith("半", end):
        return None
    if unit == "个":
        longer = _longest("个" + text[end + 1 : end + 5], 0, units())
        if len(longer) > 1:
            return longer, end + len(longer)  # 3个半月 -> 3.5 个月
    words = jieba_dictionary()
    for j in range(end + 2, min(len(text), end + 5) + 1):
        frequency, tag = words.get(text[end:j], (0, "m"))
        if frequency >= _MIN_FREQUENCY and tag[0] not in "mtq":
            return None  # 半导体, 半岛 (not 半月, 半天: time words)
    return unit, end + 1


def _dictionary_word_at(text: str, pos: int) -> bool:
    """A word of two or more characters starts at ``pos`` (成立, 成为: not the share 成)."""
    words = jieba_dictionary()
    return any(text[pos:j] in words for j in range(pos + 2, min(len(text), pos + 6) + 1))


def find_claims(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """Every numeric claim in ``text`` whose number does not overlap a ``skip`` span or a date."""
    if not isinstance(text, str) or not text:
        return []
    spans = list(skip) + [(d.start, d.end) for d in find_dates(text)]
    claims: list[Claim] = []
    for m in _NUMERAL.finditer(text):
        found = _claim(text, m)
        if found is None:
            continue
        claim, elided, number_end = found
        if _overlaps(m.start(), number_end, spans) or (claims and claim.start < claims[-1].end):
            continue  # a date or name; the 半小时 of 两个半小时
        if elided and claims and claims[-1].object and not _SENTENCE_END.search(text, claims[-1].end, claim.start):
            claim = claim._replace(object=claims[-1].object)  # 收入达到2万元，增长7.3%: the same subject
        claims.append(claim)
    return claims
