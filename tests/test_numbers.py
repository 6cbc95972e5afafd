"""parse_number on the number forms of real newspaper text (the shared page, 1998 paragraphs)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluate.pfr import read_paragraphs
from pipeline.extract.numbers import implied_qualifier, parse_number, parse_pair
from pipeline.repair.width import fold_width


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("126", "126"),
        ("1,234.5", "1234.5"),
        ("20万", "200000"),
        ("9亿", "900000000"),
        ("30亿", "3000000000"),
        ("1.5亿", "150000000"),
        ("3万4000", "34000"),
        ("1·5", "1.5"),
        ("三十万", "300000"),
        ("两千", "2000"),
        ("一九九八", "1998"),
        ("二○○二", "2002"),
        ("一千三百四十", "1340"),
        ("二点三万", "23000"),
        ("百分之三十五", "35"),
        ("50%", "50"),
        ("一半", "0.5"),
        ("三成", "0.3"),
        ("三分之一", "0.333333"),
        ("两倍", "2"),
        ("近百", "100"),
        ("数十", "10"),
        ("上千", "1000"),
        ("十几万", "100000"),
        ("1800多", "1800"),
        ("580余", "580"),
    ],
)
def test_forms(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_no_float_drift() -> None:
    # float arithmetic gives 1719.9999999999998 for such products
    assert parse_number("17.2万") == Decimal("172000")
    assert parse_number("0.1亿") == Decimal("10000000")
    assert str(parse_number("1.23456789亿")) == "123456789"


@pytest.mark.parametrize("text", ["统一", "统一零售价", "一方面", "", "  ", "abc", "3万5万", "%", "分之"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_vagueness() -> None:
    assert [implied_qualifier(t) for t in ("1800多", "近百", "上千", "数十", "十来", "126")] == [
        "more_than",
        "nearly",
        "at_least",
        "more_than",
        "approx",
        "exact",
    ]
    assert parse_pair("四五千") == (Decimal(4000), Decimal(5000))


@given(st.text(max_size=12))
def test_never_raises(text: str) -> None:
    parse_number(text)
    implied_qualifier(text)
    parse_pair(text)


def test_pfr_numerals(pfr_path) -> None:
    """Every Arabic NUMQ numeral of the first 80 articles (digits, decimals, 万/亿) parses to its digits."""
    checked = 0
    for record in read_paragraphs(pfr_path, limit_articles=80):
        text = fold_width(record["text"])
        for start, end, label, _ in record["spans"]:
            m = re.match(r"(\d+(?:\.\d+)?)([万亿]?)", text[start:end])
            if label != "NUMQ" or not m:
                continue
            expected = Decimal(m[1]) * {"": 1, "万": 10**4, "亿": 10**8}[m[2]]
            assert parse_number(m.group()) == expected, text[start:end]
            checked += 1
    assert checked > 100
