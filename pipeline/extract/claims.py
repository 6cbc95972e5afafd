"""Numeric claims: a number with its unit or measure word, qualifier and what it counts.

A claim is built on one number of the numbers layer
(:func:`pipeline.extract.numbers.find_numbers`): the unit, measure word or
currency after it (or a currency symbol before it: ``US$20``), read from the
unit tables (:mod:`pipeline.extract.numbers.units`); the qualifier words around
it (``pipeline/data/qualifiers.tsv``: 超过 before, 以上 after); and what is
counted (the object): the noun phrase after the unit (580余家企业), else the
one before the number (土壤含盐量超过0.6%), else what follows a share and 的
(一半以上的行政村): see :mod:`pipeline.extract.objects`, which reads them from
the block's tokens.

Shares share one convention: ``90%``, ``九成``, ``九折`` and ``百分之九十`` are
value 90, unit ``%`` (``千分之五`` is 0.5 %); ``3个百分点`` keeps its unit.
Amounts in a currency and its sub-units are one amount (``3元5角`` 3.5 元,
``2英镑3便士`` 2.03 英镑, ``一块五`` 1.5 块), and so is ``一米八`` (1.8 米).

What is *not* a claim:

- a number without unit, scale or share (a year, a code, 2023中国·赣州), an ordinal;
- bare 一 with a measure word (一项项, 一方面, 一名): article-like;
- digit strings (八一队, 一九九八) and reduplication (一张张, 个个);
- anything overlapping ``skip`` (dates and names: 1998年, 二十国集团, 中亚五国); a
  period counted in years is a date and a quantity (近20年来: 近20年).

>>> show = lambda text: [(c.text, str(c.value), c.unit, c.qualifier, c.object) for c in find_claims(text)]
>>> show("来自126个国家和地区的1800多位嘉宾参加")
[('126个国家和地区', '126', '个', 'exact', '国家和地区'), ('1800多位嘉宾', '1800', '位', 'more_than', '嘉宾')]
>>> show("580余家企业线上线下联动参展,近百场新产品新技术发布活动展示了")
[('580余家企业', '580', '家', 'more_than', '企业'), ('近百场新产品新技术', '100', '场', 'nearly', '新产品新技术')]
>>> show("建设了非洲一半以上无线站点,累计铺设超过20万公里光纤,服务超过9亿非洲人民,")
[('一半以上无线站点', '0.5', '', 'at_least', '无线站点'), ('超过20万公里光纤', '200000', '公里', 'more_than', '光纤'), ('超过9亿非洲人民', '900000000', '', 'more_than', '非洲人民')]
>>> show("全球仍有近30亿人没有接入互联网;连续成功举办10年")
[('近30亿人', '3000000000', '人', 'nearly', '人'), ('10年', '10', '年', 'exact', '')]
>>> show("增长23.4%,百分之三十五,三分之一的人,三成以上,九折,增长两倍,1.5亿美元,千分之五")
[('23.4%', '23.4', '%', 'exact', ''), ('百分之三十五', '35', '%', 'exact', ''), ('三分之一的人', '0.333333333333333', '', 'exact', '人'), ('三成以上', '30', '%', 'at_least', ''), ('九折', '90', '%', 'exact', ''), ('两倍', '2', '倍', 'exact', ''), ('1.5亿美元', '150000000', '美元', 'exact', ''), ('千分之五', '0.5', '%', 'exact', '')]
>>> show("约3万4000人,两千名工人,十几万元,数十个国家,上千名代表,3年左右,不到5%,至少3个")
[('约3万4000人', '34000', '人', 'approx', '人'), ('两千名工人', '2000', '名', 'exact', '工人'), ('十几万元', '100000', '元', 'more_than', ''), ('数十个国家', '10', '个', 'more_than', '国家'), ('上千名代表', '1000', '名', 'at_least', '代表'), ('3年左右', '3', '年', 'approx', ''), ('不到5%', '5', '%', 'less_than', ''), ('至少3个', '3', '个', 'at_least', '')]
>>> show("安排1.5亿元专项资金,总投资22.8亿元人民币,留下500元钱")
[('1.5亿元专项资金', '150000000', '元', 'exact', '专项资金'), ('22.8亿元', '2280000000', '元', 'exact', '总投资'), ('500元', '500', '元', 'exact', '')]
>>> show("用了两年半时间,3个半月,两个半小时,一年半以后,一个半导体厂")
[('两年半', '2.5', '年', 'exact', ''), ('3个半月', '3.5', '个月', 'exact', ''), ('两个半小时', '2.5', '个小时', 'exact', ''), ('一年半', '1.5', '年', 'exact', '')]
>>> [(c.text, str(c.value_low), str(c.value_high), c.qualifier) for c in find_claims("3至5年,20%—30%,3—5万吨,两三个月")]
[('3至5年', '3', '5', 'range'), ('20%—30%', '20', '30', 'range'), ('3—5万吨', '30000', '50000', 'range'), ('两三个月', '2', '3', 'range')]

Units and currencies from data, symbols before the number, sub-units, signs:

>>> [(c.text, str(c.value), c.unit) for c in find_claims("身高180厘米,长5公分,重3.5kg,气温零下5摄氏度,-3°C,摄氏20度,US$20,€5,售价3元5角,一块五,2英镑3便士,一米八")]
[('180厘米', '180', '厘米'), ('5公分', '5', '公分'), ('3.5kg', '3.5', 'kg'), ('零下5摄氏度', '-5', '摄氏度'), ('-3°C', '-3', '°C'), ('摄氏20度', '20', '摄氏度'), ('US$20', '20', 'US$'), ('€5', '5', '€'), ('3元5角', '3.5', '元'), ('一块五', '1.5', '块'), ('2英镑3便士', '2.03', '英镑'), ('一米八', '1.8', '米')]
>>> [(c.text, str(c.value), c.unit) for c in find_claims("一百丹麦克朗,三千卢布,五百兰特,打八折,七成五,3个百分点,5角钱")]
[('一百丹麦克朗', '100', '丹麦克朗'), ('三千卢布', '3000', '卢布'), ('五百兰特', '500', '兰特'), ('打八折', '80', '%'), ('七成五', '75', '%'), ('3个百分点', '3', '个百分点'), ('5角钱', '5', '角钱')]

Traps that are not claims:

>>> show("第三次会议,一项项成果,一张张笑脸,一方面,统一零售价,一体化,共建一带一路,千家万户,十分重要")
[]
>>> show("十三届全国人大三次会议,十九届四中全会,全国政协十三届三次会议,连续举办了三届")
[('三届', '3', '届', 'exact', '')]
>>> show("二十国集团,中亚五国,三门峡市,2023中国·赣州博览会,5G+VR,1998年,成千上万")
[]
>>> show("改革开放近20年来,过去10年")
[('近20年', '20', '年', 'nearly', ''), ('10年', '10', '年', 'exact', '')]
>>> show(None), show(""), show("1,,,,%%%亿亿万万")
([], [], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pipeline.extract.dates import find_dates, number_skips
from pipeline.extract.numbers import Number, find_numbers, tidy
from pipeline.extract.numbers.numerals import CN_DIGITS, DIGIT_VALUES
from pipeline.extract.numbers.units import Unit, currency_before, subunit, subunits, unit_at, units
from pipeline.extract.objects import Subject, following_object, preceding_object
from pipeline.extract.words import Words
from pipeline.lexicon import jieba_dictionary
from pipeline.records import Claim
from pipeline.segment import Token

DATA = Path(__file__).resolve().parents[1] / "data"

_SENTENCE_END = re.compile("[。！？；!?;]")
_ORDINAL_BEFORE = ("第", "初", "周", "星期", "礼拜")
#: the name of a session of a congress or a plenum, whose numbers are ordinals without 第:
#: 十三届全国人大三次会议, 十九届四中全会, 全国政协十三届三次会议
_SESSION_NAME = re.compile(
    r"[\d一二三四五六七八九十]+届[^\d，。、；：！？\s]{0,10}?[\d一二三四五六七八九十]+(?:次(?:全体)?会议|中全会|次全会)"
)
_COUNTING = frozenset({"classifier", "currency", "noun", "measure"})
_NO_OBJECT = frozenset({"time", "percent", "multiple"})
#: kinds read as a share of what follows 的: 一半以上的行政村, 30%的企业
_SHARE_KINDS = frozenset({"", "share", "percent"})
#: units whose tenths may follow as a bare digit: 一块五 (1.5 块), 一米八 (1.8 米), 3元5 (3.5 元)
_TENTHS_FOLLOW = frozenset({"块", "元", "米"})
#: printed before a number with 度 after it: 摄氏20度
_DEGREE_SCALES = {"摄氏": "摄氏度", "華氏": "华氏度", "华氏": "华氏度", "攝氏": "摄氏度"}
_SCALE_CHARS = "十百千万萬亿億"
#: dictionary words seen fewer times than this are noise for the 半 check
_MIN_FREQUENCY = 20


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, dict[str, str]]:
    """position (pre/post) -> word -> qualifier, from qualifiers.tsv."""
    table: dict[str, dict[str, str]] = {"pre": {}, "post": {}}
    for word, position, qualifier in _rows("qualifiers.tsv"):
        table[position][word] = qualifier
    return table


def _pre_qualifier(text: str, start: int) -> tuple[str, str]:
    """The qualifier word ending right before ``start`` (超过, 近; not the 近 of 最近)."""
    pre = qualifiers()["pre"]
    for length in (3, 2, 1):
        word = text[max(0, start - length) : start]
        if len(word) == length and word in pre:
            if word == "近" and start >= 2 and text[start - 2] in "最附邻亲贴靠":
                return "", ""
            return word, pre[word]
    return "", ""


def _post_qualifier(text: str, pos: int) -> str:
    post = qualifiers()["post"]
    for length in (2, 1):
        if text[pos : pos + length] in post:
            return text[pos : pos + length]
    return ""


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _and_a_half(text: str, end: int, unit: Unit) -> tuple[Unit, int] | None:
    """两年半, 3个半月, 两个半小时: 半 after the measure word adds a half (unit, new end); else None.

    Not the 半 that starts a word (一个半导体, 三个半岛).
    """
    if unit.kind not in ("time", "measure", "classifier") or not text.startswith("半", end):
        return None
    if unit.text == "个":
        longer = unit_at("个" + text[end + 1 : end + 5], 0, chinese=True)
        if longer is not None and len(longer.text) > 1:
            return longer, end + len(longer.text)  # 3个半月 -> 3.5 个月
    words = jieba_dictionary()
    for j in range(end + 2, min(len(text), end + 5) + 1):
        frequency, tag = words.get(text[end:j], (0, "m"))
        if frequency >= _MIN_FREQUENCY and tag[0] not in "mtq":
            return None  # 半导体, 半岛 (not 半月, 半天: time words)
    return unit, end + 1


def _smaller_units(text: str, end: int, unit: Unit, value: Decimal) -> tuple[Decimal, int]:
    """3元5角2分, 2英镑3便士, 一块五, 一米八: the smaller units after an amount, added to it."""
    pos = end
    main = unit.text.removesuffix("钱")
    while True:
        number = _NUMERAL_AT.match(text, pos)
        if number is None:
            return value, pos
        digits = number.group()
        amount = Decimal(digits) if digits.isdigit() else Decimal(DIGIT_VALUES[digits]) if digits in DIGIT_VALUES else None
        after = number.end()
        sub = next((s for s in sorted(subunits(), key=len, reverse=True) if text.startswith(s, after)), "")
        fraction = subunit(sub, main) if sub else None
        if amount is None:
            return value, pos
        if fraction is not None:
            value, pos, main = value + amount * fraction, after + len(sub), sub
            if text.startswith("钱", pos):
                pos += 1
            continue
        if pos == end and main in _TENTHS_FOLLOW and len(digits) == 1 and unit_at(text, after, chinese=True) is None:
            following = text[after : after + 1]
            if not following or not (following.isdigit() or following in CN_DIGITS + _SCALE_CHARS + "点."):
                return value + amount / 10, after  # 一块五, 一米八
        return value, pos


_ARABIC_DIGIT = re.compile(r"\d")
_SIGN = re.compile(r"^(?:负|負|零下|[-−－+])")
_NUMERAL_AT = re.compile(rf"\d{{1,2}}|[{CN_DIGITS}]")


def _claim(text: str, n: Number, words: Words) -> tuple[Claim, bool, int] | None:
    """Read the unit, qualifiers and object around one number; None if it is no claim.

    Also whether the claim's subject is left out (收入达到2万元，增长7.3%), and where
    the number with its unit and qualifiers ends (the object may follow).
    """
    if n.kind == "ordinal":
        return None
    start, end = n.start, n.end
    if text.endswith(_ORDINAL_BEFORE, 0, start):
        return None
    chinese = _ARABIC_DIGIT.search(n.text) is None
    value, low, high = n.value, n.value_low, n.value_high
    unit: Unit | None = None
    claim_start = start
    if n.kind == "percent":
        unit = Unit("%", "percent")
        if n.text.endswith("折") and text[start - 1 : start] == "打":
            claim_start -= 1  # 打八折
    else:
        unit = unit_at(text, end, chinese)
        degree = next((s for s in _DEGREE_SCALES if text.endswith(s, 0, start)), "") if text.startswith("度", end) else ""
        if degree:
            unit, end, claim_start = Unit(_DEGREE_SCALES[degree], "measure"), end + 1, start - len(degree)  # 摄氏20度
        elif unit is not None:
            end += len(unit.text) + (text[end : end + 1] == " ")
        elif symbol := currency_before(text, start):
            unit = Unit(symbol, "currency")
            claim_start = start - len(symbol) - (text[start - 1 : start] == " ")  # US$20
    kind = unit.kind if unit else ""
    number_text = _SIGN.sub("", n.text)
    if n.kind == "fraction" and unit is not None and kind not in _COUNTING:
        unit, kind, end = None, "", n.end
    half = _and_a_half(text, end, unit) if unit is not None and low is None and n.kind in ("cardinal",) else None
    if half:
        unit, end = half
        kind, value = unit.kind, value + Decimal("0.5")
    elif kind == "currency" or (unit is not None and unit.text in _TENTHS_FOLLOW):
        value, end = _smaller_units(text, end, unit, value)
    scale = number_text[len(number_text.rstrip(_SCALE_CHARS)) :]
    if not kind and n.kind not in ("fraction", "percent") and not any(c in scale for c in "万萬亿億"):
        return None  # a bare number (a year, a code) states no quantity
    if unit is not None and unit.text == "分" and text[max(0, start - 1) : start] in ("时", "点") and text[start - 2 : start] != "小时":
        return None  # 6时30分: a clock time (not 2小时47分)
    if unit is not None and unit.text == "点" and n.kind == "cardinal" and value <= 24:
        return None  # 下午3点: an hour; 554.26点 and 7965点 are index points
    if unit is not None and unit.text == "国" and text.startswith("集团", end):
        return None  # 7国集团, 二十国集团: a name
    if chinese:
        if number_text in ("一", "零", "〇", "壹") and kind not in ("multiple",) and not half and value == n.value:
            return None  # 一名, 一方面, 一项项: article-like 一; 零件
        if n.kind == "cardinal" and len(number_text) > 1 and not any(c in number_text for c in "十拾百佰千仟万萬亿億兆点點"):
            return None  # 一九九八, 二〇〇二: digit strings are years and codes
        if number_text[0] in "百千万亿" and n.kind != "percent" and not _pre_qualifier(text, start)[0] and kind not in _COUNTING:
            return None  # 百年, 千年: a bare scale counts after 近/上/数, or with 万名, 亿元, 千亩
    if unit is not None and text.startswith(unit.text, end) and len(unit.text) == 1:
        return None  # 一项项, 个个: reduplication
    pre_word, pre_q = _pre_qualifier(text, claim_start)
    claim_start -= len(pre_word)
    post = _post_qualifier(text, end)
    if post in ("多", "余") and (n.qualifier != "exact" or kind not in ("time", "measure", "currency", "multiple")):
        post = ""  # 3个多: the 多 belongs to what follows
    end += len(post)
    if low is not None:
        qualifier = "range"
    else:
        qualifier = pre_q or qualifiers()["post"].get(post, "") or n.qualifier
    number_end = end
    obj = "" if kind in _NO_OBJECT or kind == "noun" else following_object(text, end, words)
    if kind == "currency" and (obj in ("钱", "钱物") or (obj and unit_at(obj, 0, chinese=False) is not None)):
        obj = ""  # 200元钱, 22.8亿元人民币: the money itself, not what it buys
    end += len(obj)
    subject = preceding_object(text, claim_start, kind, pre_word, words) if not obj else Subject("", False, False)
    if not obj:
        obj = subject.text
    if not obj and not subject.measured and kind in _SHARE_KINDS and text.startswith("的", end):
        shared = following_object(text, end + 1, words)
        obj, end = shared, end + (1 + len(shared) if shared else 0)
    if not obj and kind == "noun":
        obj = unit.text if unit else ""
    claim = Claim(
        start=claim_start,
        end=end,
        text=text[claim_start:end],
        value=tidy(value),
        unit=unit.text if unit else "",
        qualifier=qualifier,
        object=obj,
        value_low=low,
        value_high=high,
    )
    return claim, subject.elided, number_end


def find_claims(
    text: str,
    skip: Sequence[tuple[int, int]] | None = None,
    tokens: Sequence[Token] | Words | None = None,
    numbers: Sequence[Number] | None = None,
) -> list[Claim]:
    """Every numeric claim in ``text`` whose number and unit do not overlap a ``skip`` span.

    ``skip``: dates and names (when None, the dates :func:`find_dates` sees);
    ``tokens``: the block's segmentation (computed when needed and not given);
    ``numbers``: the block's numbers layer, when the caller has it.
    """
    if not isinstance(text, str) or not text:
        return []
    if skip is None:
        skip = number_skips(find_dates(text))
    if "届" in text:
        skip = [*skip, *(m.span() for m in _SESSION_NAME.finditer(text))]
    words = tokens if isinstance(tokens, Words) else Words(text, tokens)
    if numbers is None:
        numbers = find_numbers(text, words, skip)
    claims: list[Claim] = []
    for n in numbers:
        found = _claim(text, n, words)
        if found is None:
            continue
        claim, elided, number_end = found
        if _overlaps(n.start, number_end, skip) or (claims and claim.start < claims[-1].end):
            continue  # a date or name; the 半小时 of 两个半小时
        if elided and claims and claims[-1].object and not _SENTENCE_END.search(text, claims[-1].end, claim.start):
            claim = claim._replace(object=claims[-1].object)  # 收入达到2万元，增长7.3%: the same subject
        claims.append(claim)
    return claims


__all__ = ["find_claims", "qualifiers", "units"]
