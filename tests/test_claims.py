"""Claims on real text: the gold claims of the shared page, 1998 paragraphs, and the traps."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluate.pfr_numbers import score_pfr_numbers
from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates

REFERENCE = datetime.date(2023, 11, 20)


def page_paragraphs(raw: str) -> list[str]:
    """The page's paragraphs with the OCR spaces inside Chinese removed (what repair gives)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff0-9]) +(?=[\u4e00-\u9fff0-9])", "", raw)
    return [p.strip() for p in text.split("\n") if p.strip()]


@pytest.fixture(scope="module")
def page(page_raw, shared):
    gold = json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))
    names = [e["text"] for e in gold["entities"]]
    claims = []
    for paragraph in page_paragraphs(page_raw):
        # skip spans as the pipeline gives them: dates and names
        skip = [(d.start, d.end) for d in find_dates(paragraph, REFERENCE)]
        skip += [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), paragraph)]
        claims += find_claims(paragraph, skip=skip)
    return gold, claims


def _match(gold_claim: dict, claims: list):
    return next((c for c in claims if c.text in gold_claim["text"] or gold_claim["text"] in c.text), None)


def test_page_recall_value_qualifier(page) -> None:
    gold, claims = page
    pairs = [(g, _match(g, claims)) for g in gold["claims"]]
    found = [(g, c) for g, c in pairs if c is not None]
    assert len(found) / len(pairs) >= 0.95, [g["text"] for g, c in pairs if c is None]
    value_ok = sum(c.value == Decimal(str(g["value"])) for g, c in found)
    qualifier_ok = sum(c.qualifier == g["qualifier"] for g, c in found)
    assert value_ok / len(found) >= 0.95
    assert qualifier_ok / len(found) >= 0.95
    unit_ok = sum(c.unit == g["unit"] for g, c in found)
    assert unit_ok / len(found) >= 0.9


def test_page_no_trap_claims(page) -> None:
    gold, claims = page
    optional = gold["optional_claims"]
    allowed = [g["text"] for g in gold["claims"]] + optional
    unexpected = [c.text for c in claims if not any(c.text in a or a in c.text for a in allowed)]
    assert unexpected == []
    texts = "|".join(c.text for c in claims)
    for trap in ("二十国", "中亚五国", "2023中国", "一方面", "统一", "一带一路", "1800多位嘉宾参加"):
        assert trap not in texts


def test_objects_on_the_page(page) -> None:
    gold, claims = page
    objects = {g["text"]: g.get("object", "") for g in gold["claims"]}
    right = sum(c.object == objects[g] for g in objects if (c := _match({"text": g}, claims)))
    assert right >= 13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过20万公里光纤", ("200000", "公里", "more_than", "光纤")),
        ("亿元: 工农业总产值达120亿元。", ("12000000000", "元", "exact", "")),
        ("发展会员1800多位", ("1800", "位", "more_than", "")),
        ("考生人数不足3万人", ("30000", "人", "less_than", "人")),
        ("至多5个", ("5", "个", "at_most", "")),
        ("降低3个百分点", ("3", "个百分点", "exact", "")),
        ("面积4000平方米以下", ("4000", "平方米", "at_most", "")),
        ("占三分之一左右", ("0.333333", "", "approx", "")),
    ],
)
def test_forms(text: str, expected: tuple) -> None:
    c = find_claims(text)[-1]
    assert (str(c.value), c.unit, c.qualifier, c.object) == expected


def test_skip_spans() -> None:
    text = "二十国集团成员有20个"
    assert [c.text for c in find_claims(text, skip=[(0, 5)])] == ["20个"]
    assert find_claims("中亚五国", skip=[(0, 4)]) == []


def test_pfr_numq_recall(pfr_path) -> None:
    figures = score_pfr_numbers(pfr_path, limit_articles=120)
    assert figures["numq_gold"] > 300
    assert figures["numq_recall"] >= 0.9


@given(
    st.text(alphabet="0123456789.,%万亿千百十一二两三四五六七八九半个年多余近约以上下左右至—成分之倍人家", max_size=24)
)
def test_never_raises(text: str) -> None:
    for c in find_claims(text):
        assert text[c.start : c.end] == c.text
        assert c.value is not None
