"""The gold scorer on the fields only the project's own golds use (tests/gold/): optional and
alternative quotes, dates and headings, claim ranges, caption agencies, credits by role, datelines."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from gold_support import DOC, GOLD, PARAGRAPHS, perfect_tables, run, values, write

from pipeline.evaluate.gold import score


@pytest.fixture
def tables() -> dict[str, list[dict]]:
    return perfect_tables(GOLD, PARAGRAPHS)


PROJECT_GOLDS = sorted((Path(__file__).resolve().parent / "gold").glob("*.gold.json"))

#: the quotation of tests/gold/2024-tech-saline-rice.gold.json that runs over two paragraphs
CHEN_QUOTE = {
    "speaker": "陈立群",
    "role": "研究员",
    "cue": "说",
    "kind": "direct",
    "contains": "最难的不是技术，而是坚持",
    "contains_all": ["刚开始做耐盐碱水稻时", "失败了就从头再来", "只要方向对了，就不怕路远"],
}
CHEN_ROWS = [
    (
        9,
        "刚开始做耐盐碱水稻时，很多人不理解，觉得在盐碱地上种水稻是天方夜谭。我们一块地一块地地试，"
        "一个品种一个品种地筛，最多的时候一年要种近百个品系，失败了就从头再来。",
    ),
    (10, "现在回头看，最难的不是技术，而是坚持。只要方向对了，就不怕路远。"),
]


def gold_with(tmp_path: Path, **changes) -> Path:
    """The mini gold with some top-level keys replaced (``None`` drops the key)."""
    gold = copy.deepcopy(GOLD)
    for key, value in changes.items():
        if value is None:
            gold.pop(key, None)
        else:
            gold[key] = value
    path = tmp_path / "changed.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def quote_row(speaker: str, text: str, para_no: int = 0, **kw) -> dict:
    return {"doc_id": DOC, "para_no": para_no, "start": 0, "speaker": speaker, "text": text, **kw}


@pytest.mark.parametrize("path", PROJECT_GOLDS, ids=lambda p: p.stem)
def test_perfect_output_of_each_project_gold_scores_one(tmp_path, path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    repair = gold["repair"]
    paragraphs = [("heading", h, "ok") for h in gold["headings"] + gold.get("optional_headings", [])]
    paragraphs += [("body", t, "ok") for t in repair["must_contain"] + repair["paragraph_starts"]]
    tables = perfect_tables(gold, paragraphs)
    tables["entities"] += [  # optional items predicted: neutral everywhere
        {"doc_id": DOC, "text": t, "label": "DATE", "normalized": "x"} for t in gold.get("optional_dates", [])
    ] + [{"doc_id": DOC, "text": t, "label": "ORG"} for t in gold.get("optional_entities", [])]
    report = score(write(tmp_path / "out", tables), path, doc_id=DOC)
    scored = values(report)
    assert {k for k, v in scored.items() if v is not None and v != 1.0} == set()
    counted = [q for q in gold["quotes"] if not q.get("optional")]
    assert report.row("quotes", "found").detail.startswith(f"{len(counted)}/{len(counted)} ")
    assert report.row("quotes", "kind accuracy").detail == f"{len(counted)}/{len(counted)}"
    assert (report.section("dateline") is not None) == ("dateline" in gold)
    assert report.row("credits", "reporter recall").detail == "{0}/{0}".format(
        sum(c["role"] == "reporter" for c in gold["credits"])
    )


def test_optional_quote_is_neither_hit_nor_miss_and_alt_speaker_is_accepted(tmp_path, tables):
    optional = {
        "speaker": "马塞拉·穆萨贝留",
        "alt_speakers": ["她"],
        "contains": "拓展与其他国家数字经济",
        "optional": True,
    }
    path = gold_with(tmp_path, quotes=[*GOLD["quotes"], optional])
    report = run(tmp_path, tables, path)
    assert report.value("quotes", "found") == 1.0  # missing it costs nothing
    assert report.row("quotes", "found").detail.startswith("1/1 (1 optional, 0 of them found;")
    tables["quotes"].append(quote_row("她", "中国抓住新业态带来的新机遇，拓展与其他国家数字经济、电子商务合作。", 2))
    report = run(tmp_path, tables, path)
    assert report.value("quotes", "found") == 1.0  # finding it earns nothing
    assert report.row("quotes", "found").detail.startswith("1/1 (1 optional, 1 of them found;")
    wanted = {**optional, "optional": False}
    assert run(tmp_path, tables, gold_with(tmp_path, quotes=[wanted])).value("quotes", "found") == 1.0  # via 她
    wanted["alt_speakers"] = []
    assert run(tmp_path, tables, gold_with(tmp_path, quotes=[wanted])).value("quotes", "found") == 0.0


def test_contains_all_accepts_consecutive_rows_of_one_speaker_only(tmp_path, tables):
    path = gold_with(tmp_path, quotes=[*GOLD["quotes"], CHEN_QUOTE])
    chen = [quote_row("陈立群", text, no, kind="direct", role="研究员") for no, text in CHEN_ROWS]
    tables["quotes"] += chen
    assert run(tmp_path, tables, path).value("quotes", "found") == 1.0
    tables["quotes"].insert(1, quote_row("马晓雯", "现在无人机一天就能采集上千份数据。", 9, start=200))
    assert run(tmp_path, tables, path).value("quotes", "found") == pytest.approx(1 / 2)  # the run is broken
    tables["quotes"] = [tables["quotes"][0], chen[0], {**chen[1], "text": chen[1]["text"][:20]}]
    report = run(tmp_path, tables, path)
    assert report.value("quotes", "found") == pytest.approx(1 / 2)  # 只要方向对了 is missing
    assert "陈立群: 最难的不是技术" in report.row("quotes", "found").detail


def test_quote_kind_and_role_are_scored_over_found_quotes_only(tmp_path, tables):
    quotes = [
        {**GOLD["quotes"][0], "kind": "indirect", "role": "执行主任"},
        {**CHEN_QUOTE, "kind": "direct"},
    ]
    path = gold_with(tmp_path, quotes=quotes)
    tables["quotes"][0].update(kind="indirect", role="阿尔巴尼亚全球化研究所执行主任")  # leading modifiers are fine
    report = run(tmp_path, tables, path)
    assert report.value("quotes", "found") == pytest.approx(1 / 2)
    assert report.row("quotes", "kind accuracy").detail == "1/1"  # the missed quote is not judged
    assert report.value("quotes", "role accuracy") == 1.0
    tables["quotes"][0].update(kind="direct", role="阿尔巴尼亚全球化研究所")
    report = run(tmp_path, tables, path)
    assert report.value("quotes", "found") == pytest.approx(1 / 2)  # kind and role are no condition for a hit
    assert report.value("quotes", "kind accuracy") == 0.0
    assert report.value("quotes", "role accuracy") == 0.0
    assert "马塞拉·穆萨贝留: 阿尔巴尼亚全球化研究所 ≠ 执行主任" in report.row("quotes", "role accuracy").detail


def test_date_alt_text_and_alt_value_are_accepted(tmp_path, tables):
    dates = [
        {"text": "11月8日至10日", "value": "2023-11-08/2023-11-10", "alt_values": ["2023-11"]},
        {"text": "7月21日", "alt": ["7月21日起"], "value": "2023-07-21"},
    ]
    path = gold_with(tmp_path, dates=dates)
    tables["entities"] = [e for e in tables["entities"] if e["label"] != "DATE"] + [
        {"doc_id": DOC, "text": "11月8日至10日", "label": "DATE", "normalized": "2023-11"},
        {"doc_id": DOC, "text": "自7月21日起", "label": "DATE", "normalized": "2023-07-21"},  # contains the alt
    ]
    assert run(tmp_path, tables, path).value("dates", "accuracy") == 1.0
    tables["entities"][-2]["normalized"] = "2023-11-08"
    report = run(tmp_path, tables, path)
    assert report.value("dates", "accuracy") == pytest.approx(1 / 2)
    assert "want 2023-11 or 2023-11-08/2023-11-10" in report.row("dates", "accuracy").detail


def test_optional_dates_are_neutral_for_date_precision(tmp_path, tables):
    tables["entities"].append({"doc_id": DOC, "text": "过去10年中", "label": "DATE", "normalized": ""})
    report = run(tmp_path, tables, gold_with(tmp_path, optional_dates=["过去10年"]))
    assert report.value("dates", "precision") == 1.0
    assert report.row("dates", "precision").detail == "3/3 (1 optional)"
    report = run(tmp_path, tables, gold_with(tmp_path))
    assert report.value("dates", "precision") == pytest.approx(3 / 4)
    assert report.value("dates", "accuracy") == 1.0
    assert "FP: 过去10年中" in report.row("dates", "precision").detail


def test_optional_headings_are_neutral_for_precision(tmp_path, tables):
    tables["paragraphs"][1]["kind"] = "heading"
    tables["paragraphs"].insert(
        0, {"doc_id": DOC, "para_no": -1, "kind": "heading", "text": "国际视点", "quality": "ok"}
    )
    report = run(tmp_path, tables, gold_with(tmp_path, optional_headings=["国际视点"]))
    assert report.value("headings", "precision") == pytest.approx(1 / 2)  # the body paragraph still counts
    assert report.value("headings", "recall") == 1.0
    assert "国际视点" not in report.row("headings", "precision").detail
    tables["paragraphs"][2]["kind"] = "body"
    assert (
        run(tmp_path, tables, gold_with(tmp_path, optional_headings=["国际视点"])).value("headings", "precision") == 1.0
    )
    assert run(tmp_path, tables, gold_with(tmp_path)).value("headings", "precision") == pytest.approx(1 / 2)


def test_range_claim_with_null_value_compares_low_and_high(tmp_path, tables):
    rng = {"text": "8到10年", "value": None, "value_low": 8, "value_high": 10, "unit": "年", "qualifier": "range"}
    path = gold_with(tmp_path, claims=[*GOLD["claims"], rng])
    row = {"doc_id": DOC, "text": "8到10年", "value": "8", "value_low": "8", "value_high": "10", "unit": "年"}
    tables["claims"].append({**row, "qualifier": "range"})
    assert run(tmp_path, tables, path).value("claims", "value accuracy") == 1.0
    tables["claims"][-1].update(value_high="")
    report = run(tmp_path, tables, path)
    assert report.value("claims", "value accuracy") == pytest.approx(4 / 5)
    assert "8到10年: 8–∅ ≠ 8–10" in report.row("claims", "value accuracy").detail


def test_claim_alt_text_is_matched(tmp_path, tables):
    claims = copy.deepcopy(GOLD["claims"])
    claims[0]["alt"] = ["一百二十六个国家和地区"]  # the same figure printed in Chinese numerals
    tables["claims"][0]["text"] = "一百二十六个国家和地区"
    assert run(tmp_path, tables, gold_with(tmp_path, claims=claims)).value("claims", "recall") == 1.0
    report = run(tmp_path, tables, gold_with(tmp_path))
    assert report.value("claims", "recall") == pytest.approx(3 / 4)
    assert report.value("claims", "precision") == pytest.approx(3 / 4)
    tables["claims"][0]["text"] = "126个国家"  # inside the gold text: containment matches without an alt
    assert run(tmp_path, tables, gold_with(tmp_path)).value("claims", "recall") == 1.0


def test_caption_agency_is_scored_over_found_captions(tmp_path, tables):
    captions = copy.deepcopy(GOLD["captions"])
    captions[0]["agency"] = "本报记者"
    captions[1]["agency"] = "影像中国"
    path = gold_with(tmp_path, captions=captions)
    tables["captions"][0]["agency"] = "本报记者"
    report = run(tmp_path, tables, path)
    assert report.value("captions", "found") == 1.0  # agency is no condition for a hit
    assert report.value("captions", "agency accuracy") == pytest.approx(1 / 2)
    assert "图④: ∅ ≠ 影像中国" in report.row("captions", "agency accuracy").detail
    tables["captions"][1]["photographer"] = ""
    report = run(tmp_path, tables, path)
    assert report.row("captions", "agency accuracy").detail == "1/1"
    assert run(tmp_path, tables, gold_with(tmp_path)).row("captions", "agency accuracy") is None


def test_bylines_and_photographers_in_credits_are_scored_per_role(tmp_path, tables):
    credits = [
        {"role": "reporter", "name": "刘军国"},
        {"role": "reporter", "name": "李志伟"},
        {"role": "photographer", "name": "姚颖康"},
    ]
    path = gold_with(tmp_path, credits=credits)
    tables["credits"] += [
        {"doc_id": DOC, "role": "reporter", "name": "刘军国"},
        {"doc_id": DOC, "role": "photographer", "name": "姚颖康"},
        {"doc_id": DOC, "role": "photographer", "name": "张博岚"},
    ]
    report = run(tmp_path, tables, path)
    assert report.value("credits", "reporter recall") == pytest.approx(1 / 2)
    assert report.value("credits", "reporter precision") == 1.0
    assert report.value("credits", "reporter exact") == 0.0
    assert "missed: 李志伟" in report.row("credits", "reporter recall").detail
    assert report.value("credits", "photographer precision") == pytest.approx(1 / 2)
    assert report.value("credits", "photographer recall") == 1.0
    assert report.value("credits", "editor exact") == 1.0  # page_credits still scored alongside


def test_dateline_date_is_compared_or_skipped_with_a_note(tmp_path, tables):
    path = gold_with(tmp_path, dateline={"text": "本报乌镇11月10日电", "place": "乌镇", "date": "2023-11-10"})
    tables["documents"][0]["dateline_date"] = "2023-11-10"
    assert run(tmp_path, tables, path).value("dateline", "date") == 1.0
    tables["documents"][0]["dateline_date"] = "2023-11-09"
    assert run(tmp_path, tables, path).value("dateline", "date") == 0.0
    tables["documents"][0]["dateline_date"] = ""
    assert run(tmp_path, tables, path).value("dateline", "date") == 0.0
    tables["documents"][0]["dateline_date"] = "11月10日"
    report = run(tmp_path, tables, path)
    assert report.section("dateline") is None
    assert any("not an ISO date" in note for note in report.notes)
    out = write(tmp_path / "out", tables)
    with (out / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("doc_id,path,status\n" + DOC + "," + DOC + ".txt,ok\n")
    report = score(out, path)
    assert report.section("dateline") is None
    assert any("no dateline_date column" in note for note in report.notes)


def test_garbled_check_is_skipped_with_a_note_when_the_gold_has_no_fragment(tmp_path, tables):
    report = run(
        tmp_path,
        tables,
        gold_with(tmp_path, repair={k: v for k, v in GOLD["repair"].items() if k != "garbled_contains"}),
    )
    assert report.row("repair", "garbled_flagged") is None
    assert report.row("repair", "passed").detail == "6/6"
    assert any("garbled-paragraph check skipped" in note for note in report.notes)
