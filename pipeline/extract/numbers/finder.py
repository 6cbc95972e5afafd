"""Every numeral expression in running text: one regex pass, then cheap checks on the block's words.

The pass finds candidates on characters (jieba cuts numbers unpredictably:
``23.4%``, ``1,234``); :func:`~pipeline.extract.numbers.expressions.read_number`
reads each.  Chinese numerals are also characters of ordinary words, so a
candidate written without Arabic digits must agree with the block's single
segmentation: it is dropped when a word that is not a numeral starts before it
(统一, 之一, 星期三) or runs past it into something that is not a measure word
(三门峡市, 五四运动, 两者), and when it is one of the numeral-initial words of
``pipeline/data/numeral_words.txt`` (十分, 一起, 四周).  A lone 一 is a number
only before a measure word (一个, 一年).  Dates are not numbers here: their
spans come in ``skip``.

Two numbers joined by 至, 到, — or ~ are one range (``3至5``, ``20%—30%``,
``3—5万``: the first takes the second's scale).

>>> show = lambda text: [(n.text, str(n.value), n.kind) for n in find_numbers(text)]
>>> show("一百五十二人，1,234.5吨，３，５０８．２元，貳仟萬，负十七度，两万四，3千零50万")
[('一百五十二', '152', 'cardinal'), ('1,234.5', '1234.5', 'decimal'), ('３，５０８．２', '3508.2', 'decimal'), ('貳仟萬', '20000000', 'cardinal'), ('负十七', '-17', 'cardinal'), ('两万四', '24000', 'cardinal'), ('3千零50万', '30500000', 'cardinal')]
>>> show("增长百分之三十五，七成五，打八折，六点五折，千分之五，3个百分点，三分之一，一又二分之一，1/4")
[('百分之三十五', '35', 'percent'), ('七成五', '75', 'percent'), ('八折', '80', 'percent'), ('六点五折', '65', 'percent'), ('千分之五', '0.5', 'percent'), ('3', '3', 'cardinal'), ('三分之一', '0.333333333333333', 'fraction'), ('一又二分之一', '1.5', 'fraction'), ('1/4', '0.25', 'fraction')]
>>> [(n.text, str(n.value), str(n.value_low), str(n.value_high), n.kind) for n in find_numbers("三五个人，七八十岁，3至5年，20%—30%，3—5万吨，一两个")]
[('三五', '3', '3', '5', 'range'), ('七八十', '70', '70', '80', 'range'), ('3至5', '3', '3', '5', 'range'), ('20%—30%', '20', '20', '30', 'percent'), ('3—5万', '30000', '30000', '50000', 'range'), ('一两', '1', '1', '2', 'range')]
>>> show("上万人，数十个，近百场，1800多位，十几岁，第十届，第1名，一个人，两百点五，三点两")
[('上万', '10000', 'approximate'), ('数十', '10', 'approximate'), ('近百', '100', 'approximate'), ('1800多', '1800', 'approximate'), ('十几', '10', 'approximate'), ('第十', '10', 'ordinal'), ('第1', '1', 'ordinal'), ('一', '1', 'cardinal'), ('两百点五', '200.5', 'decimal'), ('三点两', '3.2', 'decimal')]

Words that only look like numbers:

>>> show("统一零售价，十分重要，一起去，之一，星期三，三门峡市，五四运动，两者，千万不要，万一，一一介绍，一是")
[]
>>> show("1998年12月31日"), show("三点五分"), show(None), show("1,,,,%%%亿亿万万")
([('1998', '1998', 'cardinal'), ('12', '12', 'cardinal'), ('31', '31', 'cardinal')], [], [], [('1', '1', 'cardinal')])

A scale character that begins a unit belongs to the unit; 成 and 折 that begin a word are no shares:

>>> show("5千米，3万千瓦，0.5百分点，成立3成为，八折优惠，5折合")
[('5', '5', 'cardinal'), ('3万', '30000', 'cardinal'), ('0.5', '0.5', 'decimal'), ('3', '3', 'cardinal'), ('八折', '80', 'percent'), ('5', '5', 'cardinal')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.extract.gazetteer import jieba_user_words
from pipeline.extract.numbers.expressions import Reading, read_number
from pipeline.extract.numbers.numerals import CN_DIGITS, CN_SCALES, TENS, tidy
from pipeline.extract.numbers.units import unit_at, unit_starts
from pipeline.extract.words import Words
from pipeline.lexicon import jieba_dictionary
from pipeline.segment import Token

DATA = Path(__file__).resolve().parents[2] / "data"


class Number(NamedTuple):
    """A numeral expression: where it is, its value (a range's low end), bounds, kind and implied qualifier."""

    start: int
    end: int
    text: str
    value: Decimal
    value_low: Decimal | None
    value_high: Decimal | None
    kind: str
    qualifier: str = "exact"


_AD = "0-9０-９"
_SC = CN_SCALES + "".join(TENS)
#: an Arabic numeral, read whole: no digit may follow it, so a run of digits is one numeral and the
#: repetition in _CORE never tries the ways of cutting it (stock tables, 302442.432434.56, stay linear)
_ARABIC = rf"(?:[{_AD}]{{1,3}}(?:[,，][{_AD}]{{3}})+(?![{_AD}])|[{_AD}]+)(?:[.．·][{_AD}]+)?(?![{_AD}])"
_CORE = rf"(?:{_ARABIC}|[{CN_DIGITS}{_SC}])+(?:[点點][{CN_DIGITS}]+[{_SC}]*)?"
_CONNECT = "至到~～〜—–\\-－"
#: the characters a candidate can start with: the pass tests this set before anything else
_FIRST = rf"{_AD}{CN_DIGITS}{_SC}负負\-−－+第百千万萬近上数數好几幾打半"
_CANDIDATE = re.compile(
    rf"(?=[{_FIRST}])(?<![{_AD}A-Za-z])(?<![{_AD}][.．·,，])"
    rf"(?P<sign>负|負|零下|(?<![{_AD}{CN_DIGITS}{_SC}])[-−－+](?=[{_AD}]))?"
    rf"(?:(?P<frac>(?:{_CORE}又)?{_CORE}分之{_CORE})"
    rf"|(?P<half>一半|半[百千万亿](?![{CN_DIGITS}{_SC}])|半(?![{CN_DIGITS}{_SC}]))"
    rf"|打(?P<duizhe>[对對]折)"
    rf"|(?:(?P<ord>第)|(?P<pct>百分之|千分之|万分之|萬分之)|(?P<pre>(?:[近上数數]|好?[几幾])(?=[{_SC}])))?"
    rf"(?P<core>{_CORE})"
    rf"(?P<tail>[多余餘几幾来來数數][{_SC}]*)?"
    rf"(?P<suffix>[%％‰‱]|成(?:半|[{CN_DIGITS}](?![{CN_DIGITS}{_SC}点點]))?|折|/[{_AD}]+(?![/{_AD}]))?)"
)
_LEXICAL_TAGS_OK = frozenset({"m", "mq", "q"})
#: names and idioms: a numeral inside one is part of it even when jieba's HMM made the word (刘万道)
_NAME_OR_IDIOM_TAGS = frozenset({"i", "ns", "nr", "nrt", "nrfg", "nt", "nz", "j"})
#: determiners a word of jieba's may fuse with the numeral after them (这两项, 前两天, 每一个)
_LEADS = frozenset({"这", "那", "每", "前", "后", "头", "首", "另", "各", "其", "共", "计", "再", "又", "这么", "那么"})
#: dictionary words seen fewer times than this are noise
_MIN_FREQUENCY = 3
_HAS_ARABIC = re.compile(rf"[{_AD}]")


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    return frozenset(word for word, _, _ in jieba_user_words())


@lru_cache(maxsize=1)
def qualifier_words() -> frozenset[str]:
    """Words printed before a number that say how exact it is (近, 约, 超过), from qualifiers.tsv."""
    with (DATA / "qualifiers.tsv").open(encoding="utf-8") as f:
        rows = [line.split("\t") for line in f if line.strip() and not line.startswith("#")]
    return frozenset(row[0] for row in rows if row[1] == "pre")


@lru_cache(maxsize=1)
def numeral_words() -> dict[str, tuple[str, ...]]:
    """Numeral-initial words that are not counts (十分, 一起, 四周), by first character, from numeral_words.txt."""
    words: dict[str, list[str]] = {}
    with (DATA / "numeral_words.txt").open(encoding="utf-8") as f:
        for line in f:
            word = line.strip()
            if word and not word.startswith("#"):
                words.setdefault(word[0], []).append(word)
    return {first: tuple(sorted(ws, key=len, reverse=True)) for first, ws in words.items()}


def _listed(token: Token) -> bool:
    """A word of jieba's dictionary or of the gazetteers, not one its HMM made up (进上, 两辆车)."""
    entry = jieba_dictionary().get(token.text)
    return (entry is not None and entry[0] >= _MIN_FREQUENCY) or token.text in _user_words()


def _is_word_of_its_own(text: str, start: int, end: int, words: Words) -> bool:
    """A Chinese numeral that is part of an ordinary word (统一, 三门峡, 十分, 两者).

    Only words jieba's dictionary or the gazetteers list count as evidence: the
    HMM joins numerals to their neighbours at random (进上/百平方米, 了上/千个).
    """
    for word in numeral_words().get(text[start], ()):
        if text.startswith(word, start) and end <= start + len(word):
            return True
    first = words.covering(start)
    if first is not None and first.start < start and first.tag not in _LEXICAL_TAGS_OK and (
        _listed(first) or first.tag in _NAME_OR_IDIOM_TAGS
    ):
        lead = text[first.start : start]
        if lead not in _LEADS and lead not in qualifier_words():
            return True  # 统一, 之一, 星期三, 初三 (not 这两项, 前两天, 近三成: a numeral after its determiner)
    last = words.covering(end - 1)
    if last is not None and last.end > end and _listed(last):
        rest = last.text[end - last.start :]
        unit = unit_at(rest, 0, chinese=False)
        if unit is not None and unit.text == rest:
            return False  # 三年, 十几岁, 两国: a numeral and its measure word
        if last.tag not in _LEXICAL_TAGS_OK or (unit is None and rest[0] not in CN_DIGITS + "多余几来半"):
            return True  # 三门峡市, 八路军, 三位一体, 两者, 一下, 两会
    return False


def _reading(text: str, m: re.Match, words: Words) -> tuple[Reading, int] | None:
    """The reading of a candidate and its end.

    A 成 or 折 that begins a word is no share (成立, 折合); a scale character that
    begins a unit is the unit's (5千米, 3万千瓦, 3百分点); a final 两 that does not
    read is the unit of weight (二两酒).
    """
    begin, end = (m.start("duizhe") if m["duizhe"] else m.start()), m.end()
    if m["suffix"] and m["suffix"][0] in "成折":
        at = m.start("suffix")
        word = words.covering(at)
        if word is not None and word.end > m.end() and (word.start == at or _listed(word)):
            end = at  # 成立, 折合, 三五成群: a word, not a share
    core_end = m.end("core") if m["core"] else -1
    if end == core_end or end == m.end("tail"):
        if text[end - 1] in _SC and (unit := unit_at(text, end - 1, chinese=False)) is not None and len(unit.text) > 1:
            end -= 1
    reading = read_number(text[begin:end])
    if reading is None and end == core_end and text[end - 1] in "两兩" and len(m["core"]) > 1:
        end -= 1
        reading = read_number(text[begin:end])
    return (reading, end) if reading is not None and end > begin else None


def _range(text: str, first: Number, words: Words) -> Number | None:
    """The range that starts with ``first``: 3至5, 20%—30%, 3—5万, 百分之三十到四十; None if it is not one."""
    con = first.end
    if text[con : con + 1] not in _CONNECT or first.kind in ("ordinal", "range", "approximate"):
        return None
    m = _CANDIDATE.match(text, con + 1)
    if m is None or m.end() == con + 1 or m["ord"] or m["sign"]:
        return None
    found = _reading(text, m, words)
    if found is None:
        return None
    second, end = found
    if second.kind in ("ordinal", "range"):
        return None
    low = first.value
    if first.kind == "percent" and second.kind != "percent":
        if not first.text.startswith(("百分之", "千分之", "万分之", "萬分之")):
            return None  # 20%—30 without the second %
        second = second._replace(kind="percent")  # 百分之三十到四十
    elif first.kind != "percent" and second.kind == "percent":
        if not text[m.start()].isdigit() and text[m.start()] not in CN_DIGITS:
            return None  # 3至百分之五
        # 20—30%: the first end takes the second's percent
    second_text = text[m.start() : end]
    scale = second_text[len(second_text.rstrip(_SC)) :]
    if scale and first.text == first.text.rstrip(_SC) and second.kind != "percent":
        factor = read_number("1" + scale)
        if factor is not None and first.value * factor.value <= second.value:
            low = first.value * factor.value  # 3至5万 is 30000 to 50000
    if not low < second.value:
        return None
    if not _HAS_ARABIC.search(text, first.start, end) and _is_word_of_its_own(text, m.start(), end, words):
        return None
    kind = "percent" if second.kind == "percent" else "range"  # a range of percent stays a percent, with bounds
    return Number(first.start, end, text[first.start : end], tidy(low), tidy(low), second.value, kind, "range")


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_numbers(
    text: str, tokens: Sequence[Token] | Words | None = None, skip: Sequence[tuple[int, int]] = ()
) -> list[Number]:
    """Every numeral expression in ``text`` outside the ``skip`` spans (dates), in order.

    ``tokens`` is the block's segmentation (:func:`pipeline.segment.segment`), computed here when not given.
    """
    if not isinstance(text, str) or not text:
        return []
    words = tokens if isinstance(tokens, Words) else Words(text, tokens)
    found: list[Number] = []
    pos = 0
    for m in _CANDIDATE.finditer(text):
        start = m.start("duizhe") if m["duizhe"] else m.start()  # 打对折: the number is 对折
        if start < pos or (skip and _overlaps(start, m.end(), skip)):
            continue  # inside the range read before; a date
        if m.end() - start == 1 and text[start] in "一壹" and text[start + 1 : start + 2] not in unit_starts():
            if text[start + 1 : start + 2] not in _CONNECT:
                continue  # 一是, 一并: a lone 一 counts only before a measure word (一个, 一年) or in a range (一到两个)
        reading = _reading(text, m, words)
        if reading is None:
            continue
        value, end = reading
        pos = end
        if text[end : end + 1] == "分" and ("点" in text[start:end] or "點" in text[start:end]):
            continue  # 三点五分: a clock time
        number = Number(start, end, text[start:end], value.value, value.low, value.high, value.kind, value.qualifier)
        chinese = not _HAS_ARABIC.search(text, start, end)
        if number.text == "半" and unit_at(text, end, chinese=True) is None:
            continue  # 半 is a number before a measure word (半年, 半个, 半斤), else part of a word (半岛)
        if chinese and _is_word_of_its_own(text, start + len(m["sign"] or ""), end, words):
            continue
        ranged = _range(text, number, words)
        if ranged is not None:
            number, pos = ranged, ranged.end
        elif number.text in ("一", "壹") and unit_at(text, end, chinese=True) is None:
            continue
        if skip and _overlaps(number.start, number.end, skip):
            continue
        found.append(number)
    return found
