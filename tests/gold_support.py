"""A small gold and its perfect output tables, for the gold scorer's tests: a cut of
../shared/gold/wic2023-wuzhen.gold.json over five paragraphs of the page, written here."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from pipeline.evaluate.gold import score

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


def mini_gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.gold.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return path


def run(tmp_path: Path, tables: dict, gold_file: Path, **kw):
    return score(write(tmp_path / "out", tables), gold_file, **kw)


def values(report) -> dict[tuple[str, str], float | None]:
    return {(s.name, r.metric): r.value for s in report.sections for r in s.rows}
