"""Dates on real text: every gold date of the shared page, 1998 paragraphs, and the traps."""

from __future__ import annotations

import datetime
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluate.pfr import read_paragraphs
from pipeline.evaluate.pfr_numbers import score_pfr_numbers
from pipeline.extract.dates import dateline_date, find_dates, latest_full_date
from pipeline.repair.width import fold_width

REFERENCE = datetime.date(2023, 11, 20)


def page_paragraphs(raw: str) -> list[str]:
    """The page's paragraphs with the OCR spaces inside Chinese removed (what repair gives)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff0-9]) +(?=[\u4e00-\u9fff0-9])", "", raw)
    return [p.strip() for p in text.split("\n") if p.strip()]


def test_all_gold_dates_of_the_page(page_raw, shared) -> None:
    gold = json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))
    found = {(d.text, d.normalized) for p in page_paragraphs(page_raw) for d in find_dates(p, REFERENCE)}
    want = {(d["text"], d["value"]) for d in gold["dates"]}
    assert len(want) == 9
    assert want <= found
    # everything else found is a year of an event name or a relative span, none guessed
    assert {t for t, _ in found - want} <= {"2023年", "10年来", "过去10年"}


def test_page_traps(page_raw) -> None:
    texts = [d.text for p in page_paragraphs(page_raw) for d in find_dates(p, REFERENCE)]
    assert not any("1800" in t or "126" in t for t in texts)
    assert "连续成功举办10年" not in "".join(texts) and "10年" not in texts
    assert not any(t.startswith("2023中国") for t in texts)


def test_relative_expressions() -> None:
    text = "今年上半年,去年12月3日,上月15日,本月,近日,10年来,过去10年中"
    got = [(d.text, d.normalized) for d in find_dates(text, REFERENCE)]
    assert got == [
        ("今年上半年", "2023-01/2023-06"),
        ("去年12月3日", "2022-12-03"),
        ("上月15日", "2023-10-15"),
        ("本月", "2023-11"),
        ("近日", ""),
        ("10年来", ""),
        ("过去10年", ""),
    ]
    assert [d.normalized for d in find_dates("今年,去年,上月")] == ["", "", ""]  # no reference: not guessed


def test_xun_and_ranges() -> None:
    got = {d.text: d.normalized for d in find_dates("11月上旬,2月下旬,2020年至2023年,1—11月", REFERENCE)}
    assert got == {
        "11月上旬": "2023-11-01/2023-11-10",
        "2月下旬": "2023-02-21/2023-02-28",
        "2020年至2023年": "2020/2023",
        "1—11月": "2023-01/2023-11",
    }


def test_pfr_first_article(pfr_path) -> None:
    """The 1998 New Year speech: its date in Chinese numerals and a yearless 12月31日 (last year)."""
    records = list(read_paragraphs(pfr_path, limit_articles=1))
    texts = [fold_width(r["text"]) for r in records]
    reference = datetime.date(1998, 1, 1)
    normalized = [d.normalized for t in texts for d in find_dates(t, reference)]
    assert "1997-12-31" in normalized
    assert "1998" in normalized
    assert find_dates(texts[2], reference)[0].text == "一九九七年十二月三十一日"


def test_pfr_time_recall(pfr_path) -> None:
    figures = score_pfr_numbers(pfr_path, limit_articles=60)
    assert figures["time_gold"] > 100
    assert figures["time_recall"] >= 0.85


def test_reference_helpers() -> None:
    assert dateline_date("本报北京11月9日电(记者 张三)", 2023) == datetime.date(2023, 11, 9)
    assert dateline_date("本报北京11月9日电") is None
    assert latest_full_date("2020年6月上线。2023年11月8日至10日举行。") == datetime.date(2023, 11, 10)


@given(st.text(alphabet="0123456789年月日号至—上中下旬去今本近来过一二三十", max_size=20))
def test_never_raises(text: str) -> None:
    for d in find_dates(text, REFERENCE):
        assert text[d.start : d.end] == d.text
    latest_full_date(text)


def test_first_character_gate_finds_the_same_atoms(pfr_path) -> None:
    """The atom pass tests the characters an atom can start with first (speed); it finds exactly what the plain pass finds."""
    import re as regex_module

    from pipeline.extract.dates import atoms as dates

    pattern = dates.ATOMS.pattern
    ungated = regex_module.compile(pattern[pattern.index("(?:") + 3 : -1])
    for record in read_paragraphs(pfr_path, limit_articles=300):
        text = fold_width(record["text"])
        gated = [(m.lastgroup, m.span()) for m in dates.ATOMS.finditer(text)]
        assert gated == [(m.lastgroup, m.span()) for m in ungated.finditer(text)], text
