"""The gold scorer on small output folders written here, with text from the shared page.

Each test starts from a perfect output for a small gold (a cut of
../shared/gold/wic2023-wuzhen.gold.json over five paragraphs of the page),
damages one thing, and checks that exactly the figure it should move moves, by
the right amount.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from gold_support import DOC, GOLD, PARAGRAPHS, SHARED_GOLD, mini_gold_file, perfect_tables, run, values, write
from rich.console import Console

from pipeline.evaluate.gold import score
from pipeline.evaluate.gold_files import EvalError
from pipeline.evaluate.gold_match import fold
from pipeline.evaluate.report import render


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    return mini_gold_file(tmp_path)


@pytest.fixture
def tables() -> dict[str, list[dict]]:
    return perfect_tables(GOLD, PARAGRAPHS)


def test_perfect_output_scores_one_everywhere(tmp_path, tables, gold_file):
    report = run(tmp_path, tables, gold_file)
    scored = values(report)
    assert report.doc_id == DOC
    assert {k for k, v in scored.items() if v != 1.0} == set()
    assert scored[("repair", "garbled_flagged")] == 1.0  # the check ran, not skipped
    assert not report.notes


def test_perfect_output_of_the_shared_gold_scores_one(tmp_path):
    if not SHARED_GOLD.exists():
        pytest.skip(f"shared gold not found at {SHARED_GOLD}")
    gold = json.loads(SHARED_GOLD.read_text(encoding="utf-8"))
    repair = gold["repair"]
    paragraphs = [("heading", h, "ok") for h in gold["headings"]]
    paragraphs += [("body", t, "ok") for t in repair["must_contain"] + repair["paragraph_starts"]]
    report = score(write(tmp_path / "out", perfect_tables(gold, paragraphs)), SHARED_GOLD)
    assert {k for k, v in values(report).items() if v != 1.0} == set()
    assert report.value("entities", "overall recall") == 1.0
    assert report.row("entities", "overall recall").detail == f"{len(gold['entities'])}/{len(gold['entities'])}"


def test_missing_entity_lowers_recall_by_one_item(tmp_path, tables, gold_file):
    tables["entities"] = [e for e in tables["entities"] if e["text"] != "姚颖康"]
    report = run(tmp_path, tables, gold_file)
    assert report.value("entities", "overall recall") == pytest.approx(9 / 10)
    assert report.value("entities", "PERSON recall") == pytest.approx(2 / 3)
    assert report.value("entities", "overall precision") == 1.0
    assert report.value("entities", "overall F1") == pytest.approx(2 * 0.9 / 1.9)
    assert "姚颖康" in report.row("entities", "PERSON recall").detail


def test_optional_entity_is_neutral_but_a_stray_one_is_not(tmp_path, tables, gold_file):
    tables["entities"] += [
        {"doc_id": DOC, "text": "阿尔巴尼亚", "label": "GPE"},
        {"doc_id": DOC, "text": "本报记者", "label": "ORG"},
    ]
    assert run(tmp_path, tables, gold_file).value("entities", "overall precision") == 1.0
    tables["entities"].append({"doc_id": DOC, "text": "全球化研究所", "label": "ORG"})
    report = run(tmp_path, tables, gold_file)
    assert report.value("entities", "overall precision") == pytest.approx(10 / 11)
    assert report.value("entities", "ORG precision") == pytest.approx(1 / 2)
    assert report.value("entities", "overall recall") == 1.0


def test_alt_text_and_alt_type_are_accepted_other_types_are_not(tmp_path, tables, gold_file):
    for row in tables["entities"]:
        if row["text"] == "乌镇":
            row["text"] = "浙江乌镇"
        if row["text"] == "世界互联网大会":
            row["label"] = "ORG"
    report = run(tmp_path, tables, gold_file)
    assert report.value("entities", "overall recall") == 1.0
    assert report.value("entities", "overall precision") == 1.0
    assert report.row("entities", "EVENT precision").detail == "1/1"  # the ORG pair counts for its EVENT item
    assert report.row("entities", "ORG precision").detail == "1/1"
    for row in tables["entities"]:
        if row["text"] == "浙江乌镇":
            row["label"] = "LOC"
    report = run(tmp_path, tables, gold_file)
    assert report.value("entities", "GPE recall") == pytest.approx(2 / 3)
    assert report.value("entities", "LOC precision") == pytest.approx(1 / 2)


def test_text_is_compared_after_spaces_quotes_and_nfkc(tmp_path, tables, gold_file):
    for row in tables["entities"]:
        if row["text"] == "阿尔巴尼亚全球化研究所":
            row["text"] = "“阿尔巴尼亚 全球化研究所”"
    assert run(tmp_path, tables, gold_file).value("entities", "ORG recall") == 1.0
    assert fold("中国抓住新业态带来的新机遇，拓展") == fold("中国抓住新业态带来的新机遇,拓展")


def test_wrong_date_value_is_a_miss(tmp_path, tables, gold_file):
    for row in tables["entities"]:
        if row["text"] == "7月21日":
            row["normalized"] = "2022-07-21"
    report = run(tmp_path, tables, gold_file)
    assert report.value("dates", "accuracy") == pytest.approx(2 / 3)
    assert "7月21日 (want 2023-07-21; got 7月21日=2022-07-21)" in report.row("dates", "accuracy").detail


def test_date_found_inside_a_longer_date_entity(tmp_path, tables, gold_file):
    for row in tables["entities"]:
        if row["text"] == "11月8日至10日":
            row["text"] = "2023年11月8日至10日"
    assert run(tmp_path, tables, gold_file).value("dates", "accuracy") == 1.0


def test_claim_value_and_qualifier_mismatches_are_counted(tmp_path, tables, gold_file):
    for row in tables["claims"]:
        if row["text"] == "1800多位嘉宾":
            row["value"] = "1801"
        if row["text"] == "580余家企业":
            row["qualifier"] = "exact"
        if row["text"] == "一半以上无线站点":
            row["value"] = "0.50"  # the same Decimal: not a mismatch
    report = run(tmp_path, tables, gold_file)
    assert report.value("claims", "recall") == 1.0
    assert report.value("claims", "value accuracy") == pytest.approx(3 / 4)
    assert report.value("claims", "qualifier accuracy") == pytest.approx(3 / 4)
    assert report.value("claims", "unit accuracy") == 1.0
    assert "1800多位嘉宾: 1801 ≠ 1800" in report.row("claims", "value accuracy").detail


def test_claim_containment_is_one_to_one_and_optional_claims_are_neutral(tmp_path, tables, gold_file):
    tables["claims"] = [c for c in tables["claims"] if c["text"] not in ("126个国家和地区", "1800多位嘉宾")]
    tables["claims"].append(
        {
            "doc_id": DOC,
            "text": "126个国家和地区的1800多位嘉宾",
            "value": "126",
            "unit": "个",
            "qualifier": "exact",
            "object": "国家和地区",
        }
    )
    tables["claims"].append({"doc_id": DOC, "text": "过去10年", "value": "10", "unit": "年", "qualifier": "exact"})
    report = run(tmp_path, tables, gold_file)
    assert report.value("claims", "recall") == pytest.approx(3 / 4)
    assert report.value("claims", "precision") == 1.0
    tables["claims"].append(
        {"doc_id": DOC, "text": "高速移动宽带网络2", "value": "2", "unit": "", "qualifier": "exact"}
    )
    assert run(tmp_path, tables, gold_file).value("claims", "precision") == pytest.approx(3 / 4)


def test_quote_needs_the_right_speaker(tmp_path, tables, gold_file):
    tables["quotes"][0]["speaker"] = "阿尔巴尼亚全球化研究所执行主任马塞拉·穆萨贝留"
    assert run(tmp_path, tables, gold_file).value("quotes", "found") == 0.0


def test_caption_alt_label_accepted_wrong_photographer_not(tmp_path, tables, gold_file):
    tables["captions"][1]["label"] = "图②"
    assert run(tmp_path, tables, gold_file).value("captions", "found") == 1.0
    tables["captions"][0]["photographer"] = "姚颖康摄"
    assert run(tmp_path, tables, gold_file).value("captions", "found") == pytest.approx(1 / 2)


def test_editors_glued_into_one_name_fail_the_credits_check(tmp_path, tables, gold_file):
    tables["credits"] = [c for c in tables["credits"] if c["role"] != "editor"]
    tables["credits"].append({"doc_id": DOC, "role": "editor", "name": "韩秉宸张远南李安琪"})
    report = run(tmp_path, tables, gold_file)
    assert report.value("credits", "editor exact") == 0.0
    assert report.value("credits", "editor precision") == 0.0
    assert report.value("credits", "editor recall") == 0.0
    assert report.value("credits", "layout exact") == 1.0


def test_repair_checks_catch_a_column_break_and_an_unflagged_garble(tmp_path, tables, gold_file):
    broken = copy.deepcopy(tables)
    para = broken["paragraphs"][2]
    head, tail = para["text"].split("遇，", 1)
    para["text"] = head
    broken["paragraphs"].insert(
        3, {"doc_id": DOC, "para_no": 3, "kind": "body", "text": "遇，" + tail, "quality": "ok"}
    )
    for no, row in enumerate(broken["paragraphs"]):
        row["para_no"] = no
    broken["paragraphs"][5]["quality"] = "ok"  # the garbled paragraph passed on as clean
    report = run(tmp_path, broken, gold_file)
    assert report.value("repair", "must_contain") == pytest.approx(2 / 3)
    assert report.value("repair", "must_not_contain") == pytest.approx(1 / 2)
    assert report.value("repair", "garbled_flagged") == 0.0
    assert report.value("repair", "passed") == pytest.approx(4 / 7)
    assert "'新机\\n'" in report.row("repair", "must_not_contain").detail


def test_heading_kind_is_scored(tmp_path, tables, gold_file):
    tables["paragraphs"][0]["kind"] = "body"
    tables["paragraphs"][2]["kind"] = "heading"
    report = run(tmp_path, tables, gold_file)
    assert report.value("headings", "recall") == 0.0
    assert report.value("headings", "precision") == 0.0


def test_document_is_found_by_stem_or_forced(tmp_path, tables, gold_file):
    other = perfect_tables(GOLD, PARAGRAPHS[:1], doc="2023/other")
    for name in tables:
        tables[name] = other[name] + [dict(r, doc_id="2023/wic2023-wuzhen") for r in tables[name]]
    tables["documents"][1]["path"] = "2023/wic2023-wuzhen.txt"
    assert run(tmp_path, tables, gold_file).doc_id == "2023/wic2023-wuzhen"
    forced = score(tmp_path / "out", gold_file, doc_id="2023/other")
    assert forced.value("entities", "overall recall") == 1.0  # its entity rows are perfect too
    assert forced.value("repair", "must_contain") == pytest.approx(1 / 3)
    with pytest.raises(EvalError, match="not in"):
        score(tmp_path / "out", gold_file, doc_id="nope")


def test_unscorable_inputs_raise_one_line_errors(tmp_path, tables, gold_file):
    with pytest.raises(EvalError, match="does not exist"):
        score(tmp_path / "missing", gold_file)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError, match="not valid"):
        score(write(tmp_path / "out", tables), bad)
    tables["documents"][0].update(doc_id="elsewhere", path="elsewhere.txt")
    with pytest.raises(EvalError, match="no document named"):
        run(tmp_path, tables, gold_file)


def test_missing_tables_score_as_empty_with_a_note(tmp_path, tables, gold_file):
    out = write(tmp_path / "out", tables)
    (out / "claims.csv").unlink()
    report = score(out, gold_file)
    assert report.value("claims", "recall") == 0.0
    assert report.value("claims", "precision") is None
    assert any("claims.csv" in note for note in report.notes)


def test_report_renders_and_serializes(tmp_path, tables, gold_file):
    tables["entities"].pop(0)
    report = run(tmp_path, tables, gold_file)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert [s["name"] for s in data["sections"]] == [
        "repair",
        "headings",
        "entities",
        "dates",
        "claims",
        "quotes",
        "captions",
        "credits",
    ]
    console = Console(record=True, width=200)
    render(report, console)
    text = console.export_text()
    assert "overall recall" in text and "0.900" in text and "马塞拉·穆萨贝留" in text
