"""Numerals as printed in Chinese newspapers, to ``Decimal``.

Why a module of its own: claims and dates both read numerals, and the forms
mix freely (``3万4000``, ``1.5亿``, ``百分之三十五``, ``一九九八``).  Pure
Chinese integers go through cn2an (a well-kept converter); this module only
ever hands it a string that is a numeral from end to end, never running text,
which is what turns ``统一零售价`` into ``统10售价`` (cn2an's ``transform``).
Everything else (decimals, 万/亿 scaling, fractions) is ``Decimal`` arithmetic:
floats give ``1719.9999999999998``.

``parse_number`` reads one numeral, percent, fraction, share or multiple and
returns its value (a percentage as its number of percent: ``50%`` -> 50).
Vague numerals give their round figure (``近百`` -> 100, ``十几万`` -> 100000,
``1800多`` -> 1800) and ``implied_qualifier`` says how vague they are.

>>> parse_number("1,234.5")
Decimal('1234.5')
>>> parse_number("三十万"), parse_number("两千"), parse_number("一九九八")
(Decimal('300000'), Decimal('2000'), Decimal('1998'))
>>> parse_number("3万4000"), parse_number("1.5亿"), parse_number("20万")
(Decimal('34000'), Decimal('150000000'), Decimal('200000'))
>>> parse_number("1.1万亿"), parse_number("二点三万"), parse_number("1·5")
(Decimal('1100000000000'), Decimal('23000'), Decimal('1.5'))
>>> parse_number("百分之三十五"), parse_number("23.4%"), parse_number("千分之五")
(Decimal('35'), Decimal('23.4'), Decimal('5'))
>>> parse_number("一半"), parse_number("三成"), parse_number("三分之一")
(Decimal('0.5'), Decimal('0.3'), Decimal('0.333333'))
>>> parse_number("两倍"), parse_number("1.5倍")
(Decimal('2'), Decimal('1.5'))
>>> parse_number("近百"), parse_number("数十"), parse_number("上千"), parse_number("十几万")
(Decimal('100'), Decimal('10'), Decimal('1000'), Decimal('100000'))
>>> parse_number("1800多"), parse_number("580余"), parse_number("20多万")
(Decimal('1800'), Decimal('580'), Decimal('200000'))
>>> parse_number("二○○二"), parse_number("十二"), parse_number("0.5")
(Decimal('2002'), Decimal('12'), Decimal('0.5'))

Junk gives None, never an exception:

>>> parse_number("统一"), parse_number(""), parse_number("3万5万"), parse_number("一二三四五六七八九十")
(None, None, None, None)
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

#: Chinese digits (○ is the circle People's Daily prints for zero in years)
CN_DIGITS = "〇零○一二两三四五六七八九"
CN_SCALES = "十百千万亿"
CN_NUMERAL_CHARS = CN_DIGITS + CN_SCALES + "廿卅"
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2}
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_AR = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.·]\d+)?"
_CN = rf"[{CN_NUMERAL_CHARS}]+(?:点[{CN_DIGITS}]+)?"
#: a plain numeral with its vague affixes: 近/上/数/几 + numeral + 多/余/几/来 + scale
_PLAIN = re.compile(
    rf"(?P<pre>[近上数几])?(?P<core>{_AR}(?:[万亿]\d+)?|{_CN})?(?P<infix>[多余几来])?(?P<scale>[{CN_SCALES}]*)"
)
_ARABIC = re.compile(rf"(?P<num>{_AR})(?P<scale>[{CN_SCALES}]*)(?P<rest>\d+)?")
_CHINESE = re.compile(rf"(?P<int>[{CN_NUMERAL_CHARS}]*?)(?:点(?P<frac>[{CN_DIGITS}]+))?(?P<scale>[万亿]*)")
_FRACTION = re.compile(r"(?P<den>.+?)分之(?P<num>.+)")
_HALF = {"半": Decimal("0.5"), "一半": Decimal("0.5")}
_PLACES = Decimal("0.000001")


def tidy(value: Decimal) -> Decimal:
    """Drop exponent and trailing zeros: 1.5E+8 -> 150000000, 0.50 -> 0.5.

    >>> tidy(Decimal("1.5E+8")), tidy(Decimal("0.50")), tidy(Decimal("120.0"))
    (Decimal('150000000'), Decimal('0.5'), Decimal('120'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _scale(chars: str) -> Decimal:
    factor = Decimal(1)
    for ch in chars:
        factor *= _SCALE[ch]
    return factor


def _cn2an_int(text: str) -> Decimal | None:
    """A whole Chinese integer (三十万, 一九九八, 两千) through cn2an, or None."""
    text = text.replace("○", "〇").replace("廿", "二十").replace("卅", "三十")
    if text and text[0] in "十百千万亿" and text[0] != "十":
        text = "一" + text  # 百 -> 一百, 千万 -> 一千万 (十 cn2an reads itself)
    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if not isinstance(value, int):
        return None
    return Decimal(value)


def _chinese(text: str) -> Decimal | None:
    m = _CHINESE.fullmatch(text)
    if not m or not (m["int"] or m["frac"]):
        return None
    if m["frac"] is None:
        return _cn2an_int(text)
    whole = _cn2an_int(m["int"]) if m["int"] else Decimal(0)
    if whole is None:
        return None
    frac = Decimal("0." + "".join(str(_DIGIT[c]) for c in m["frac"]))
    return (whole + frac) * _scale(m["scale"])


def _arabic(text: str) -> Decimal | None:
    m = _ARABIC.fullmatch(text)
    if not m:
        return None
    try:
        value = Decimal(m["num"].replace(",", "").replace("·", ".")) * _scale(m["scale"])
    except InvalidOperation:
        return None
    if m["rest"]:  # 3万4000: the remainder below the last scale
        if not m["scale"] or Decimal(m["rest"]) >= _scale(m["scale"][-1]):
            return None
        value += Decimal(m["rest"])
    return value


def _plain(text: str) -> Decimal | None:
    """A numeral with optional vague affixes (近百, 十几万, 20多万, 1800多)."""
    m = _PLAIN.fullmatch(text)
    if not m or not (m["core"] or m["scale"]):
        return None
    core = m["core"] or ""
    if m["pre"] and (core or not m["scale"]):
        # 近/上/数/几 stand before a bare scale only: 近百, 上千, 数十万
        if not (core and core[0] in "十百千万亿" and core.strip(CN_SCALES) == ""):
            return None
    if not core:
        core, scale = m["scale"], ""
    else:
        scale = m["scale"]
    if core[0].isdigit():
        if scale and not core.isascii():
            return None  # 3万5万: a mixed numeral takes no further scale
        value = _arabic(core)
    elif core.strip(CN_SCALES) == "":  # bare scales: 百, 十万, 千万
        value = _scale(core)
    else:
        value = _chinese(core)
    if value is None:
        return None
    return value * _scale(scale)


def parse_number(text: str) -> Decimal | None:
    """Value of one numeral, percent, fraction, share or multiple; None if it is not one."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text:
        return None
    value: Decimal | None
    if text in _HALF:
        return _HALF[text]
    if text.startswith(("百分之", "千分之")):
        value = _plain(text[3:])
    elif text.endswith(("%", "％", "‰")):
        value = _plain(text[:-1])
    elif (m := _FRACTION.fullmatch(text)) is not None:
        den, num = _plain(m["den"]), _plain(m["num"])
        if den is None or num is None or den == 0:
            return None
        value = (num / den).quantize(_PLACES)
    elif text.endswith("成") and len(text) > 1:
        value = _plain(text[:-1])
        value = None if value is None or value > 10 else value / 10
    elif text.endswith("倍") and len(text) > 1:
        value = _plain(text[:-1])
    else:
        value = _plain(text)
    return None if value is None else tidy(value)


_PAIR = re.compile(
    r"(?P<head>[一二三四五六七八九]?十)?(?P<low>[一二两三四五六七八九])(?P<high>[二两三四五六七八九])(?P<scale>[十百千万亿]*)"
)


def parse_pair(text: str) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring digits are an approximate range: 两三, 三五, 十七八, 四五千, 二三十.

    >>> parse_pair("两三"), parse_pair("十七八"), parse_pair("四五千")
    ((Decimal('2'), Decimal('3')), (Decimal('17'), Decimal('18')), (Decimal('4000'), Decimal('5000')))
    >>> parse_pair("二三十"), parse_pair("七八百亿")
    ((Decimal('20'), Decimal('30')), (Decimal('70000000000'), Decimal('80000000000')))
    >>> parse_pair("一九"), parse_pair("三十"), parse_pair(None)
    (None, None, None)
    """
    m = _PAIR.fullmatch(text) if isinstance(text, str) else None
    if not m:
        return None
    low, high = _DIGIT[m["low"]], _DIGIT[m["high"]]
    if not 0 < high - low <= 2:
        return None
    head = _cn2an_int(m["head"]) or 0 if m["head"] else 0
    factor = _scale(m["scale"])
    return tidy((head + low) * factor), tidy((head + high) * factor)


def implied_qualifier(text: str) -> str:
    """How vague a numeral is by its own affixes: more_than, at_least, nearly, approx or exact.

    >>> [implied_qualifier(t) for t in ("1800多", "580余", "十几万", "数十", "几百")]
    ['more_than', 'more_than', 'more_than', 'more_than', 'more_than']
    >>> [implied_qualifier(t) for t in ("上千", "近百", "十来", "126", "百分之三十五")]
    ['at_least', 'nearly', 'approx', 'exact', 'exact']
    """
    m = _PLAIN.fullmatch(text.strip()) if isinstance(text, str) else None
    if not m:
        return "exact"
    if m["pre"] in ("数", "几") or m["infix"] in ("多", "余", "几"):
        return "more_than"
    if m["pre"] == "上":
        return "at_least"
    if m["pre"] == "近":
        return "nearly"
    if m["infix"] == "来":
        return "approx"
    return "exact"
