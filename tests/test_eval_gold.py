"""The gold scorer on small output folders written here, with text from the shared page.

Each test starts from a perfect output for a small gold (a cut of
../shared/gold/wic2023-wuzhen.gold.json over five paragraphs of the page),
damages one thing, and checks that exactly the figure it should move moves, by
the right amount.
"""

from __future__ import annotations

import copy
import csv
import json
import os
from pathlib import Path

import pytest
from rich.console import Console

from pipeline.evaluate.gold import score
from pipeline.evaluate.gold_files import EvalError
from pipeline.evaluate.gold_match import fold
from pipeline.evaluate.report import render

SHARED = Path(os.environ.get("PIPELINE_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
SHARED_GOLD = SHARED / "gold" / "wic2023-wuzhen.gold.json"
DOC = "wic2023-wuzhen"

PARAGRAPHS = [
    ("heading", "顺应时代之变、回应世界之需的中国方案", "ok"),
    (
        "body",
        (
            "11月8日至10日，2023年世界互联网大会乌镇峰会在浙江乌镇举行。共有来自126个国家和地区的1800多位嘉宾参加本次峰会。"
            "2023年世界互联网大会“互联网之光”博览会上，来自47个国家和地区的580余家企业线上线下联动参展。"
        ),
        "ok",
    ),
    (
        "body",
        (
            "阿尔巴尼亚全球化研究所执行主任马塞拉·穆萨贝留表示，中国抓住新业态带来的新机遇，拓展与其他国家数字经济、"
            "电子商务、健康产业等领域合作。"
        ),
        "ok",
    ),
    ("body", "过去10年中，中国企业建设了非洲一半以上无线站点及高速移动宽带网络，累计铺设超过20万公里光纤。", "ok"),
    (
        "body",
        "长期关注和研究人工智能治理问题的巴西经济学家、巴西中国问题研究自理问题的巴西经济学家、巴西中国问题对自导信的交流。",
        "garbled",
    ),
    ("caption", "图①：2023年世界互联网大会“互联网之光”博览会11月7日至10日在浙江乌镇举行。", "ok"),
    (
        "caption",
        "图②：7月21日，墨西哥留学生在位于新疆克拉玛依市的祝融航天科普基地沉浸式感受中国航空航天数字化成就。",
        "ok",
    ),
    ("editors", "本版责编：韩秉宸 张远南 李安琪 版式设计：张芳曼", "ok"),
]

GOLD = {
    "document": "corpus/wic2023-wuzhen.txt",
    "about": "A cut of the shared gold; same matching rules.",
    "repair": {
        "must_contain": [
            "顺应时代之变、回应世界之需的中国方案",
            "中国抓住新业态带来的新机遇,拓展与其他国家数字经济",
            "世界互联网大会互联网之光博览会11月7日至10日在浙江乌镇举行",
        ],
        "must_not_contain": ["新机\n", "中国一东盟"],
        "paragraph_starts": ["过去10年中,中国企业建设了非洲一半以上无线站点"],
        "garbled_contains": "巴西中国问题研究自理问题的巴西经济学家",
    },
    "headings": ["顺应时代之变、回应世界之需的中国方案"],
    "entities": [
        {"type": "PERSON", "text": "马塞拉·穆萨贝留"},
        {"type": "PERSON", "text": "姚颖康"},
        {"type": "PERSON", "text": "张博岚"},
        {"type": "GPE", "text": "中国"},
        {"type": "GPE", "text": "乌镇", "alt": ["浙江乌镇"]},
        {"type": "GPE", "text": "墨西哥"},
        {"type": "LOC", "text": "非洲"},
        {"type": "ORG", "text": "阿尔巴尼亚全球化研究所"},
        {"type": "EVENT", "text": "世界互联网大会", "alt": ["2023年世界互联网大会"], "alt_types": ["ORG"]},
        {"type": "FAC", "text": "祝融航天科普基地"},
    ],
    "optional_entities": ["阿尔巴尼亚", "2023年", "本报记者"],
    "dates": [
        {"text": "11月8日至10日", "value": "2023-11-08/2023-11-10"},
        {"text": "11月7日至10日", "value": "2023-11-07/2023-11-10"},
        {"text": "7月21日", "value": "2023-07-21"},
    ],
    "claims": [
        {"text": "126个国家和地区", "value": 126, "unit": "个", "object": "国家和地区", "qualifier": "exact"},
        {"text": "1800多位嘉宾", "value": 1800, "unit": "位", "object": "嘉宾", "qualifier": "more_than"},
        {"text": "580余家企业", "value": 580, "unit": "家", "object": "企业", "qualifier": "more_than"},
        {"text": "一半以上无线站点", "value": 0.5, "unit": "", "object": "无线站点", "qualifier": "at_least"},
    ],
    "optional_claims": ["过去10年"],
    "quotes": [{"speaker": "马塞拉·穆萨贝留", "contains": "中国抓住新业态带来的新机遇"}],
    "captions": [
        {"label": "图①", "contains": "互联网之光博览会11月7日至10日在浙江乌镇举行", "photographer": "姚颖康"},
        {
            "label": "图④",
            "alt_labels": ["图②"],
            "contains": "墨西哥留学生在位于新疆克拉玛依市",
            "photographer": "张博岚",
        },
    ],
    "page_credits": {"editors": ["韩秉宸", "张远南", "李安琪"], "layout": ["张芳曼"]},
}

COLUMNS = {
    "documents": ["doc_id", "path", "sha256", "status", "error", "n_chars", "n_paragraphs", "dateline_date"],
    "paragraphs": ["doc_id", "para_no", "kind", "text", "raw_start", "raw_end", "quality"],
    "entities": ["doc_id", "para_no", "start", "end", "text", "label", "normalized"],
    "claims": [
        "doc_id",
        "para_no",
        "start",
        "end",
        "text",
        "value",
        "unit",
        "qualifier",
        "object",
        "value_low",
        "value_high",
    ],
    "quotes": ["doc_id", "para_no", "start", "end", "speaker", "role", "cue", "kind", "text"],
    "captions": ["doc_id", "para_no", "seq", "label", "text", "photographer", "agency"],
    "credits": ["doc_id", "para_no", "role", "name"],
}


def perfect_tables(gold: dict, paragraphs: list[tuple[str, str, str]], doc: str = DOC) -> dict[str, list[dict]]:
    """The output a perfect pipeline would write for ``gold`` (offsets are not scored, so left 0).

    Optional quotes are written too, under their first alternative speaker when they have one;
    a quote with ``contains_all`` gets one row holding every fragment.
    """
    tables: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    tables["documents"].append(
        {
            "doc_id": doc,
            "path": doc + ".txt",
            "status": "ok",
            "n_paragraphs": len(paragraphs),
            "dateline_date": (gold.get("dateline") or {}).get("date", ""),
        }
    )
    for no, (kind, text, quality) in enumerate(paragraphs):
        tables["paragraphs"].append({"doc_id": doc, "para_no": no, "kind": kind, "text": text, "quality": quality})
    for item in gold["entities"]:
        tables["entities"].append({"doc_id": doc, "text": item["text"], "label": item["type"]})
    for item in gold["dates"]:
        tables["entities"].append({"doc_id": doc, "text": item["text"], "label": "DATE", "normalized": item["value"]})
    for item in gold["claims"]:
        row = {"doc_id": doc, **{k: item.get(k, "") for k in ("text", "value", "unit", "qualifier", "object")}}
        if item.get("value") is None:  # a range: the pipeline writes value = value_low
            row.update(value=item["value_low"], value_low=item["value_low"], value_high=item["value_high"])
        tables["claims"].append(row)
    for no, item in enumerate(gold["quotes"]):
        speaker = (item.get("alt_speakers") or [item["speaker"]])[0] if item.get("optional") else item["speaker"]
        text = "“" + "，".join([item["contains"], *item.get("contains_all", [])]) + "。”"
        tables["quotes"].append(
            {
                "doc_id": doc,
                "para_no": no,
                "speaker": speaker,
                "text": text,
                **{k: item[k] for k in ("kind", "role") if k in item},
            }
        )
    for seq, item in enumerate(gold["captions"], 1):
        tables["captions"].append(
            {
                "doc_id": doc,
                "seq": seq,
                "label": item["label"],
                "text": item["contains"],
                "photographer": item["photographer"],
                "agency": item.get("agency", ""),
            }
        )
    for key, role in (("editors", "editor"), ("layout", "layout")):
        for name in gold["page_credits"][key]:
            tables["credits"].append({"doc_id": doc, "role": role, "name": name})
    for item in gold.get("credits", []):
        tables["credits"].append({"doc_id": doc, "role": item["role"], "name": item["name"]})
    return tables


def write(out: Path, tables: dict[str, list[dict]]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, COLUMNS[name])
            writer.writeheader()
            writer.writerows(rows)
    return out


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.gold.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def tables() -> dict[str, list[dict]]:
    return perfect_tables(GOLD, PARAGRAPHS)


def run(tmp_path: Path, tables: dict, gold_file: Path, **kw):
    return score(write(tmp_path / "out", tables), gold_file, **kw)


def values(report) -> dict[tuple[str, str], float | None]:
    return {(s.name, r.metric): r.value for s in report.sections for r in s.rows}


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


# ---------------------------------------------------------------- extra fields of the project's own golds

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
