"""One numeral expression to its value, bounds and kind: signs, shares, fractions, ranges, round figures.

:func:`read_number` takes the text of one expression (what
:func:`pipeline.extract.numbers.find_numbers` cut out of running text) and says
what it is worth.  Shares share one convention, the number of percent:
``35%``, ``百分之三十五``, ``三成五`` and ``六五折`` are all 35 or 65 percent
(``千分之五`` is 0.5 percent, ``万分之五`` 0.05).  Fractions are exact where a
decimal can be (``二分之一`` 0.5) and 15 significant digits where it cannot.
Vague numerals give their round figure (``近百`` 100, ``十几万`` 100000,
``1800多`` 1800) with the qualifier their own words imply; two neighbouring
digits are a range (``三五`` 3-5, ``七八十`` 70-80).

>>> show = lambda t: (lambda r: r and (str(r.value), r.low and str(r.low), r.high and str(r.high), r.kind, r.qualifier))(read_number(t))
>>> show("一百五十二"), show("1.5亿"), show("负十七"), show("-3.5"), show("零下五")
(('152', None, None, 'cardinal', 'exact'), ('150000000', None, None, 'decimal', 'exact'), ('-17', None, None, 'cardinal', 'exact'), ('-3.5', None, None, 'decimal', 'exact'), ('-5', None, None, 'cardinal', 'exact'))
>>> show("百分之三十五"), show("23.4%"), show("千分之五"), show("万分之三"), show("5‰"), show("百分之百")
(('35', None, None, 'percent', 'exact'), ('23.4', None, None, 'percent', 'exact'), ('0.5', None, None, 'percent', 'exact'), ('0.03', None, None, 'percent', 'exact'), ('0.5', None, None, 'percent', 'exact'), ('100', None, None, 'percent', 'exact'))
>>> show("九成"), show("七成五"), show("三成半"), show("八折"), show("六点五折"), show("七五折"), show("8.5折"), show("对折")
(('90', None, None, 'percent', 'exact'), ('75', None, None, 'percent', 'exact'), ('35', None, None, 'percent', 'exact'), ('80', None, None, 'percent', 'exact'), ('65', None, None, 'percent', 'exact'), ('75', None, None, 'percent', 'exact'), ('85', None, None, 'percent', 'exact'), ('50', None, None, 'percent', 'exact'))
>>> show("半百")
('50', None, None, 'cardinal', 'exact')
>>> show("三分之一"), show("二分之一"), show("一又二分之一"), show("3/4"), show("一半"), show("半"), show("负五分之一")
(('0.333333333333333', None, None, 'fraction', 'exact'), ('0.5', None, None, 'fraction', 'exact'), ('1.5', None, None, 'fraction', 'exact'), ('0.75', None, None, 'fraction', 'exact'), ('0.5', None, None, 'fraction', 'exact'), ('0.5', None, None, 'fraction', 'exact'), ('-0.2', None, None, 'fraction', 'exact'))
>>> show("三五"), show("七八十"), show("十七八"), show("一两"), show("两三万"), show("七八成")
(('3', '3', '5', 'range', 'range'), ('70', '70', '80', 'range', 'range'), ('17', '17', '18', 'range', 'range'), ('1', '1', '2', 'range', 'range'), ('20000', '20000', '30000', 'range', 'range'), ('70', '70', '80', 'percent', 'range'))
>>> show("近百"), show("上万"), show("数十"), show("几百万"), show("十几"), show("二十几"), show("1800多"), show("20多万"), show("580余"), show("十来")
(('100', None, None, 'approximate', 'nearly'), ('10000', None, None, 'approximate', 'at_least'), ('10', None, None, 'approximate', 'more_than'), ('1000000', None, None, 'approximate', 'more_than'), ('10', None, None, 'approximate', 'more_than'), ('20', None, None, 'approximate', 'more_than'), ('1800', None, None, 'approximate', 'more_than'), ('200000', None, None, 'approximate', 'more_than'), ('580', None, None, 'approximate', 'more_than'), ('10', None, None, 'approximate', 'approx'))
>>> show("第十"), show("第1")
(('10', None, None, 'ordinal', 'exact'), ('1', None, None, 'ordinal', 'exact'))

Not numbers:

>>> [read_number(t) for t in ("", "统一", "成", "折", "分之", "%", "十一成", "零五折", "三分之", "1/0", None)]
[None, None, None, None, None, None, None, None, None, None, None]
"""

from __future__ import annotations

import re
from decimal import Context, Decimal
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract.numbers.numerals import CN_NUMERAL_CHARS, DIGIT_VALUES, SMALL_SCALES, parse_numeral, tidy


class Reading(NamedTuple):
    """What one numeral expression is worth: value (the low end of a range), bounds, kind, implied qualifier."""

    value: Decimal
    low: Decimal | None
    high: Decimal | None
    kind: str  # cardinal, decimal, fraction, percent, range, approximate, ordinal
    qualifier: str  # exact, range, more_than, at_least, nearly, approx


#: 15 significant digits for fractions that have no exact decimal (1/3), as .NET and most number libraries print them
_FRACTION_CONTEXT = Context(prec=15)
_NUM = rf"[0-9０-９{CN_NUMERAL_CHARS}.,．，·点點]+"
_VAGUE = re.compile(
    rf"(?P<pre>近|上|数|數|好几|好幾|几|幾)?(?P<core>{_NUM}?)(?P<infix>[多余餘几幾来來数數])?(?P<scale>[十百千万萬亿億拾佰仟]*)"
)
_PAIR = re.compile(
    r"(?P<head>[一二三四五六七八九]?十)?(?P<low>[一二两三四五六七八九])(?P<high>[二两三四五六七八九])(?P<scale>[十百千万亿]*)"
)
_SHARE = re.compile(r"(?P<pct>百分之|千分之|万分之|萬分之)(?P<n>.+)|(?P<m>.+?)(?P<sign>[%％‰‱])")
_FRACTION = re.compile(rf"(?:(?P<whole>{_NUM})又)?(?P<den>{_NUM})分之(?P<num>{_NUM})|(?P<a>\d+)/(?P<b>\d+)")
_SIGNS = (("零下", -1), ("负", -1), ("負", -1), ("-", -1), ("−", -1), ("－", -1), ("+", 1), ("正", 1))
_SHARE_SCALE = {"百分之": 1, "%": 1, "％": 1, "千分之": Decimal("0.1"), "‰": Decimal("0.1"), "万分之": Decimal("0.01"), "萬分之": Decimal("0.01"), "‱": Decimal("0.01")}
_QUALIFIER_OF_PREFIX = {"近": "nearly", "上": "at_least"}
_QUALIFIER_OF_INFIX = {"来": "approx", "來": "approx"}


def parse_pair(text: str) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring digits are an approximate range: 两三, 三五, 十七八, 四五千, 二三十.

    >>> parse_pair("两三"), parse_pair("十七八"), parse_pair("四五千"), parse_pair("七八百亿")
    ((Decimal('2'), Decimal('3')), (Decimal('17'), Decimal('18')), (Decimal('4000'), Decimal('5000')), (Decimal('70000000000'), Decimal('80000000000')))
    >>> parse_pair("一九"), parse_pair("三十"), parse_pair(None)
    (None, None, None)
    """
    m = _PAIR.fullmatch(text) if isinstance(text, str) else None
    if not m:
        return None
    low, high = DIGIT_VALUES[m["low"]], DIGIT_VALUES[m["high"]]
    if not 0 < high - low <= 2:
        return None
    head = parse_numeral(m["head"]) if m["head"] else Decimal(0)
    factor = parse_numeral("1" + m["scale"]) if m["scale"] else Decimal(1)
    if head is None or factor is None:
        return None
    return tidy((head + low) * factor), tidy((head + high) * factor)


def _plain(text: str) -> Reading | None:
    """A numeral, a pair of digits, or a vague round figure."""
    value = parse_numeral(text)
    if value is not None:
        kind = "decimal" if any(c in text for c in ".．·点點") else "cardinal"
        return Reading(value, None, None, kind, "exact")
    pair = parse_pair(text)
    if pair:
        return Reading(pair[0], pair[0], pair[1], "range", "range")
    m = _VAGUE.fullmatch(text)
    if not m or not (m["pre"] or m["infix"]):
        return None
    core, scale = m["core"], m["scale"]
    if m["pre"]:
        if m["infix"] or (core and core.strip("十百千万萬亿億拾佰仟")) or not (core or scale):
            return None  # 近/上/数/几 stand before a bare scale only: 近百, 上千, 数十万, 几百
        value = parse_numeral(core + scale)
        qualifier = _QUALIFIER_OF_PREFIX.get(m["pre"], "more_than")
    else:
        if not core:
            return None
        if scale and core[-1].isdigit() and not core.isascii():
            return None
        value = parse_numeral(core)
        if value is not None and scale:
            factor = parse_numeral("1" + scale)
            value = None if factor is None else value * factor
        qualifier = _QUALIFIER_OF_INFIX.get(m["infix"], "more_than")
        if m["infix"] in "几幾数數" and core[-1] not in SMALL_SCALES:
            return None  # 几 and 数 follow a scale: 十几, 二十几, 十数; 3几 is nothing
    if value is None:
        return None
    return Reading(tidy(value), None, None, "approximate", qualifier)


def _scaled(reading: Reading, factor: Decimal | int, kind: str) -> Reading:
    scale = lambda v: None if v is None else tidy(v * factor)  # noqa: E731
    qualifier = reading.qualifier
    return Reading(scale(reading.value), scale(reading.low), scale(reading.high), kind, qualifier)


def _cheng(text: str) -> Reading | None:
    """X成 (tenths, as percent): 九成 90, 七成五 75, 三成半 35, 七八成 70-80."""
    head, _, tail = text.partition("成")
    reading = _plain(head)
    if reading is None or reading.value > 10 or reading.value <= 0 or (reading.high or 0) > 10:
        return None
    extra = Decimal(5) if tail == "半" else Decimal(DIGIT_VALUES[tail]) if tail in DIGIT_VALUES else None
    if tail and (extra is None or reading.high is not None):
        return None
    reading = _scaled(reading, 10, "percent")
    return reading._replace(value=reading.value + (extra or 0)) if extra else reading


def _zhe(text: str) -> Reading | None:
    """X折 (a price at X tenths, as percent): 八折 80, 六点五折 65, 七五折 75, 8.5折 85, 对折 50."""
    head = text[:-1]
    if head in ("对", "對", "半"):
        return Reading(Decimal(50), None, None, "percent", "exact")
    if len(head) == 2 and all(c in DIGIT_VALUES for c in head) and head[0] not in "零〇○":
        value = Decimal(DIGIT_VALUES[head[0]] * 10 + DIGIT_VALUES[head[1]])  # 七五折, 九五折
        return Reading(value, None, None, "percent", "exact") if head[1] not in "两兩" else None
    reading = _plain(head)
    if reading is None or not 0 < reading.value < 10 or reading.kind == "approximate":
        return None
    return _scaled(reading, 10, "percent")


@lru_cache(maxsize=4096)
def read_number(text: str) -> Reading | None:
    """The value, bounds, kind and implied qualifier of one numeral expression; None if it is not one."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    for sign, factor in _SIGNS:
        if text.startswith(sign) and len(text) > len(sign):
            reading = read_number(text[len(sign) :])
            if reading is None or reading.kind == "ordinal":
                return None
            return _scaled(reading, factor, reading.kind) if factor < 0 else reading
    if not text:
        return None
    if text.startswith("第"):
        reading = _plain(text[1:])
        return reading and reading.kind in ("cardinal",) and Reading(reading.value, None, None, "ordinal", "exact") or None
    if text in ("半", "一半"):
        return Reading(Decimal("0.5"), None, None, "fraction", "exact")
    if text[0] == "半" and (scale := parse_numeral(text[1:])) is not None and text[1:] in ("百", "千", "万", "亿"):
        return Reading(tidy(scale / 2), None, None, "cardinal", "exact")  # 半百 50
    m = _SHARE.fullmatch(text)
    if m:
        reading = _plain(m["n"] or m["m"])
        return reading and _scaled(reading, _SHARE_SCALE[m["pct"] or m["sign"]], "percent")
    m = _FRACTION.fullmatch(text)
    if m:
        return _fraction(m)
    if text.endswith("成") and len(text) > 1 or "成" in text[1:-1] and len(text) >= 3:
        return _cheng(text)
    if text.endswith("折") and len(text) > 1:
        return _zhe(text)
    return _plain(text)


def _fraction(m: re.Match) -> Reading | None:
    den = parse_numeral(m["den"] or m["b"])
    num = parse_numeral(m["num"] or m["a"])
    whole = parse_numeral(m["whole"]) if m["whole"] else Decimal(0)
    if den is None or num is None or whole is None or den == 0:
        return None
    value = _FRACTION_CONTEXT.divide(num, den) + whole
    return Reading(tidy(value), None, None, "fraction", "exact")


def parse_number(text: str) -> Decimal | None:
    """The value of one numeral expression (a percent as its number of percent); None if it is not one.

    >>> parse_number("1,234.5"), parse_number("三十万"), parse_number("百分之三十五"), parse_number("三成")
    (Decimal('1234.5'), Decimal('300000'), Decimal('35'), Decimal('30'))
    """
    reading = read_number(text)
    return None if reading is None else reading.value


def implied_qualifier(text: str) -> str:
    """How vague a numeral is by its own words: more_than, at_least, nearly, approx, range or exact.

    >>> [implied_qualifier(t) for t in ("1800多", "580余", "十几万", "数十", "上千", "近百", "十来", "126", "三五")]
    ['more_than', 'more_than', 'more_than', 'more_than', 'at_least', 'nearly', 'approx', 'exact', 'range']
    """
    reading = read_number(text) if isinstance(text, str) else None
    return reading.qualifier if reading else "exact"
