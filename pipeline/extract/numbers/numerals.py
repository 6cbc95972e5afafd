"""One numeral, Chinese, Arabic or both, to an exact ``Decimal``.

A numeral here is digits and scales only: no sign, percent, fraction or vague
affix (those are :mod:`pipeline.extract.numbers.expressions`).  The forms are
those of Chinese print: simplified, traditional (萬, 億, 兩, 點) and financial
(壹, 貳, 拾, 佰, 仟) characters, half- and full-width digits, thousands
separators, and numerals that mix the two scripts (``3千零50万``, ``1.5亿``).

Why not cn2an alone: cn2an reads standard integers well, but not the spoken
abbreviations (``两万四`` is 24000, ``一百五`` is 150), the financial and
traditional characters, ``两`` after a decimal point (``三点两``), or Arabic
digits between Chinese scales (``3千零50万``).  One small reader covers them
all and never calls out per character to a library.

>>> parse_numeral("一百五十二"), parse_numeral("两千零五十"), parse_numeral("十二")
(Decimal('152'), Decimal('2050'), Decimal('12'))
>>> parse_numeral("两万四"), parse_numeral("一百五"), parse_numeral("一亿五"), parse_numeral("一万零五")
(Decimal('24000'), Decimal('150'), Decimal('150000000'), Decimal('10005'))
>>> parse_numeral("两百点五"), parse_numeral("三点两"), parse_numeral("二点三万"), parse_numeral("零点五")
(Decimal('200.5'), Decimal('3.2'), Decimal('23000'), Decimal('0.5'))
>>> parse_numeral("3千零50万"), parse_numeral("1.5亿"), parse_numeral("3万4000"), parse_numeral("1.1万亿")
(Decimal('30500000'), Decimal('150000000'), Decimal('34000'), Decimal('1100000000000'))
>>> parse_numeral("３，５０８．２"), parse_numeral("1,234,567"), parse_numeral("１２３４５")
(Decimal('3508.2'), Decimal('1234567'), Decimal('12345'))
>>> parse_numeral("貳仟"), parse_numeral("壹萬貳仟參佰"), parse_numeral("兩萬"), parse_numeral("三點五")
(Decimal('2000'), Decimal('12300'), Decimal('20000'), Decimal('3.5'))
>>> parse_numeral("一九九八"), parse_numeral("二〇〇二"), parse_numeral("廿三"), parse_numeral("十万八千")
(Decimal('1998'), Decimal('2002'), Decimal('23'), Decimal('108000'))
>>> parse_numeral("三亿五千万"), parse_numeral("两万亿"), parse_numeral("百"), parse_numeral("千万")
(Decimal('350000000'), Decimal('2000000000000'), Decimal('100'), Decimal('10000000'))

Not numerals (None, never an exception):

>>> [parse_numeral(t) for t in ("", "统一", "万一", "一二三四五六七八九十", "十十", "3万5万", "1.2.3", "一一")]
[None, None, None, None, None, None, None, None]
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

#: every character that is a Chinese digit, with its value
DIGIT_VALUES: dict[str, int] = {
    **dict.fromkeys("零〇○", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二贰貳两兩", 2),
    **dict.fromkeys("三叁參叄", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
SMALL_SCALES: dict[str, int] = {**dict.fromkeys("十拾", 10), **dict.fromkeys("百佰", 100), **dict.fromkeys("千仟", 1000)}
#: 兆 is 10^12 as a numeral (一兆元); as a unit prefix (兆瓦) it is mega, which the unit tables say
BIG_SCALES: dict[str, int] = {**dict.fromkeys("万萬", 10**4), **dict.fromkeys("亿億", 10**8), "兆": 10**12}
#: 廿 20, 卅 30, 卌 40: read as the two characters they stand for
TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
CN_DIGITS = "".join(DIGIT_VALUES)
CN_SCALES = "".join(SMALL_SCALES) + "".join(BIG_SCALES)
CN_NUMERAL_CHARS = CN_DIGITS + CN_SCALES + "".join(TENS)
POINTS = "点點"

#: full-width digits, point and comma, to ASCII (one character for one)
_FOLD = str.maketrans("０１２３４５６７８９．，·", "0123456789.,.")
_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")
_PIECE = re.compile(rf"{_ARABIC.pattern}|[{CN_DIGITS}]|[{CN_SCALES}]|[{POINTS}]|.", re.S)


#: digits of the largest numeral read as a quantity: Decimal's default precision.  A longer run of
#: digits is a code, an identifier or OCR debris (a page's line of digits), not an amount
MAX_DIGITS = 28


def tidy(value: Decimal) -> Decimal:
    """Drop exponent and trailing zeros: 1.5E+8 -> 150000000, 0.50 -> 0.5.

    >>> tidy(Decimal("1.5E+8")), tidy(Decimal("0.50")), tidy(Decimal("120.0")), tidy(Decimal("-0"))
    (Decimal('150000000'), Decimal('0.5'), Decimal('120'), Decimal('0'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) + 0  # + 0 turns -0 into 0
    return value.normalize()


def _arabic(piece: str) -> Decimal | None:
    try:
        return Decimal(piece.replace(",", ""))
    except InvalidOperation:
        return None


def _digit_string(pieces: list[str]) -> Decimal | None:
    """一九九八, 二〇〇二: digits read one by one (years, codes); at least three, no 两."""
    if len(pieces) < 3 or any(p in "两兩" for p in pieces):
        return None
    return Decimal("".join(str(DIGIT_VALUES[p]) for p in pieces))


def _integer(pieces: list[str]) -> Decimal | None:
    """Digits and scales to an integer (or a decimal before its scales: 1.5亿)."""
    if not pieces:
        return None
    if all(p in DIGIT_VALUES for p in pieces):
        if len(pieces) == 1:
            return Decimal(DIGIT_VALUES[pieces[0]])
        return _digit_string(pieces)
    if all(p in CN_SCALES for p in pieces):  # 百, 千万, 万亿: a bare round figure
        small = [p for p in pieces[:1] if p in SMALL_SCALES]
        if any(p in SMALL_SCALES for p in pieces[1:]):
            return None  # 十十, 百千
        bigs = [BIG_SCALES[p] for p in pieces[len(small) :]]
        if bigs not in ([], [10**4], [10**8], [10**4, 10**8]):
            return None  # 十十, 亿万, 万万; 兆 alone is an omen or mega (兆头, 兆瓦), a number only after digits
        value = Decimal(SMALL_SCALES[small[0]] if small else 1)
        for scale in bigs:
            value *= scale
        return value
    total = section = Decimal(0)
    digit: Decimal | None = None
    small = 10**5  # the last small scale of this section: they must fall (千 > 百 > 十)
    big = 0  # the largest big scale so far
    last_big = 0
    last_scale = 0  # the scale right before a final bare digit (两万四: 万)
    zero = False
    for k, p in enumerate(pieces):
        if p in "零〇○":
            if digit is not None and k + 1 < len(pieces) and pieces[k + 1] not in CN_SCALES:
                return None  # 一零五 is a digit string, not a numeral with scales
            zero, last_scale = True, 0
            continue
        if p in DIGIT_VALUES or p[0].isdigit():
            if digit is not None:
                return None  # two digits in a row: 一二十, 3三
            digit = Decimal(DIGIT_VALUES[p]) if p in DIGIT_VALUES else _arabic(p)
            if digit is None:
                return None
            continue
        if p in SMALL_SCALES:
            scale = SMALL_SCALES[p]
            if scale >= small or (digit is None and k > 0 and p != "十" and p not in "拾"):
                return None  # 十十, 百千; 百 inside a numeral needs its digit
            if digit is not None and digit != digit.to_integral_value() and k + 1 < len(pieces):
                return None
            section += (digit if digit is not None else 1) * scale
            small, digit, last_scale, zero = scale, None, scale, False
            continue
        if p in BIG_SCALES:
            scale = BIG_SCALES[p]
            if k == 0:
                return None  # 万一: a big scale opens no numeral
            section += digit or 0
            if section == 0 and pieces[k - 1] not in BIG_SCALES:
                return None
            if scale > big:
                total = (total + section) * scale
                big = scale
            elif scale >= last_big:
                return None  # 3万5万, 三亿五亿
            else:
                total += section * scale
            section, digit, small, last_scale, last_big, zero = Decimal(0), None, 10**5, scale, scale, False
            continue
        return None
    if digit is not None:
        if not zero and last_scale >= 100 and digit < 10 and digit == digit.to_integral_value():
            digit *= last_scale // 10  # 两万四 = 24000, 一百五 = 150, 一亿五 = 150000000
        elif last_scale and digit >= last_scale:
            return None  # 3万50000
        section += digit
    return total + section


@lru_cache(maxsize=4096)
def _amount(value: Decimal) -> Decimal | None:
    """The tidy value, or None past :data:`MAX_DIGITS` digits (a code or OCR debris, not an amount)."""
    return None if value.adjusted() >= MAX_DIGITS else tidy(value)


def parse_numeral(text: str) -> Decimal | None:
    """The value of one numeral (digits, scales, a decimal point); None if it is not one, or if it
    has more than :data:`MAX_DIGITS` digits before its point.

    >>> parse_numeral("1234567890" * 3), parse_numeral("9" * 28), parse_numeral("一万亿亿亿亿")
    (None, Decimal('9999999999999999999999999999'), None)
    """
    if not isinstance(text, str) or not text:
        return None
    text = text.translate(_FOLD)
    for tens, expansion in TENS.items():
        text = text.replace(tens, expansion)
    pieces = _PIECE.findall(text)
    point = next((k for k, p in enumerate(pieces) if p in POINTS), None)
    if point is None:
        value = _integer(pieces)
        return None if value is None else _amount(value)
    head, tail = pieces[:point], pieces[point + 1 :]
    digits = [p for p in tail if p in DIGIT_VALUES]
    scales = tail[len(digits) :]
    if not digits or any(p not in CN_SCALES for p in scales) or any(p in SMALL_SCALES for p in scales[1:]):
        return None
    whole = _integer(head)
    if whole is None or head[-1] in BIG_SCALES:
        return None  # 点 needs a whole part before it (零点五, 两百点五), not 二万点五
    value = whole + Decimal("0." + "".join(str(DIGIT_VALUES[p]) for p in digits))
    for p in scales:
        value *= SMALL_SCALES.get(p) or BIG_SCALES[p]
    return _amount(value)
