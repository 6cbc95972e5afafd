"""Units, measure words and currencies after (or before) a number, from the tables in ``pipeline/data/``.

Three tables, one lookup:

- ``units_measure.tsv`` (hand-written, its header names its grammar sources):
  measure words (个, 家, 项), Chinese market units (亩, 斤, 公里), durations,
  ``%`` and 倍, with a flag for words that count only after Arabic digits;
- ``currencies.tsv`` (generated from CLDR by ``tools/build_units.py``): every
  ISO 4217 currency by its Chinese names, short names (克朗, 卢布), symbols and
  code, with the code;
- ``units_cldr.tsv`` (generated likewise): CLDR measurement units by their
  Chinese names and symbols (摄氏度, 公分, km, °C) and the SI units with their
  prefixes (千瓦, 兆帕, 毫安).

The hand table wins where they overlap (it knows 度 and 分 are ambiguous).

>>> [unit_at(text, 1, chinese=False) for text in ("5公里", "5km长", "5kmh", "5丹麦克朗", "5°C", "5㎡")]
[Unit(text='公里', kind='measure', code=''), Unit(text='km', kind='measure', code=''), None, Unit(text='丹麦克朗', kind='currency', code='DKK'), Unit(text='°C', kind='measure', code='temperature-celsius'), Unit(text='㎡', kind='measure', code='area-square-meter')]
>>> unit_at("三国", 1, chinese=True), unit_at("3国", 1, chinese=False).text
(None, '国')
>>> currency_before("售价US$20", 5), currency_before("售价$20", 3), currency_before("约20", 1)
('US$', '$', '')
>>> subunit("便士", "英镑"), subunit("角", "元"), subunit("分", "美元")
(Decimal('0.01'), Decimal('0.1'), None)
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parents[2] / "data"


class Unit(NamedTuple):
    """A unit word as printed, its kind (classifier, measure, currency, time, noun, percent, multiple) and code."""

    text: str
    kind: str
    code: str = ""


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


class _Table(NamedTuple):
    units: dict[str, Unit]
    digits_only: frozenset[str]
    lengths: dict[str, tuple[int, ...]]  # first character -> the lengths of the units it starts, longest first
    symbols: dict[str, str]  # currency symbols and codes that may stand before a number -> code


@lru_cache(maxsize=1)
def _table() -> _Table:
    units: dict[str, Unit] = {}
    digits_only: set[str] = set()
    for row in _rows("units_measure.tsv"):
        units[row[0]] = Unit(row[0], row[1])
        if len(row) > 2 and row[2] == "digits":
            digits_only.add(row[0])
    symbols: dict[str, str] = {}
    for text, code, form in _rows("currencies.tsv"):
        units.setdefault(text, Unit(text, "currency", code))
        if form in ("symbol", "code"):
            symbols[text] = code
            if text.isascii():
                digits_only.add(text)
    for text, kind, code in _rows("units_cldr.tsv"):
        units.setdefault(text, Unit(text, kind, code))
        if text.isascii():
            digits_only.add(text)
    lengths: dict[str, set[int]] = {}
    for text in units:
        lengths.setdefault(text[0], set()).add(len(text))
    by_first = {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()}
    return _Table(units, frozenset(digits_only), by_first, symbols)


def units() -> dict[str, Unit]:
    return _table().units


def unit_starts() -> dict[str, tuple[int, ...]]:
    """The first characters of all units (a quick test before :func:`unit_at`)."""
    return _table().lengths


def unit_at(text: str, pos: int, chinese: bool) -> Unit | None:
    """The longest unit starting at ``pos`` (after one optional space before a Latin symbol); None if there is none.

    ``chinese``: the number before it is written in Chinese, after which words
    such as 分, 国, 方 are part of a word (十分, 三国, 四方), not units.
    """
    table = _table()
    if text[pos : pos + 1] == " " and text[pos + 1 : pos + 2].isascii():
        pos += 1
    for length in table.lengths.get(text[pos : pos + 1], ()):
        word = text[pos : pos + length]
        unit = table.units.get(word)
        if unit is None:
            continue
        if chinese and word in table.digits_only:
            continue
        if word[-1].isascii() and word[-1].isalpha() and text[pos + length : pos + length + 1].isascii() and text[pos + length : pos + length + 1].isalpha():
            continue  # 5km is a unit, 5kmh is not
        return unit
    return None


def currency_before(text: str, pos: int) -> str:
    """A currency symbol or code printed right before ``pos`` (US$20, €5, USD 20); '' if none."""
    symbols = _table().symbols
    end = pos - 1 if text[pos - 1 : pos] == " " else pos
    for length in (4, 3, 2, 1):
        word = text[max(0, end - length) : end]
        before = text[end - length - 1 : end - length]
        if len(word) == length and word in symbols and not (word[0].isalpha() and before.isascii() and before.isalpha()):
            return word
    return ""


@lru_cache(maxsize=1)
def _subunits() -> dict[tuple[str, str], Decimal]:
    return {(sub, main): Decimal(ratio) for sub, mains, ratio in _rows("currency_subunits.tsv") for main in mains.split(",")}


def subunit(word: str, main: str) -> Decimal | None:
    """The fraction of ``main`` that the sub-unit ``word`` is (角 of 元: 0.1), or None."""
    return _subunits().get((word, main))


def subunits() -> frozenset[str]:
    return frozenset(sub for sub, _ in _subunits())
