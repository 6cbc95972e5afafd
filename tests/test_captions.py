"""Captions: the shared page's five, the project's articles, 1998 in-caption credits."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest
from attribution_support import blocks, gold_articles

from pipeline.evaluate.gold_match import fold
from pipeline.extract.captions import find_captions
from pipeline.records import Block
from pipeline.repair import repair
from pipeline.repair.width import fold_width


def test_shared_page_five_captions_with_photographers(page_raw, shared):
    captions = find_captions(repair(page_raw).blocks)
    gold = json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))
    assert len(captions) == len(gold["captions"]) == 5
    for want, got in zip(gold["captions"], captions, strict=True):
        assert got.label in [want["label"], *want.get("alt_labels", [])]
        assert fold(want["contains"]) in fold(got.text) and got.photographer == want["photographer"]
    assert [c.seq for c in captions] == [1, 2, 3, 4, 5]
    assert [c.label for c in captions].count("图①") == 2  # printed twice; seq tells them apart
    assert {c.agency for c in captions} == {"影像中国", "本报记者"}


@pytest.mark.parametrize("name,article,gold", gold_articles(), ids=lambda v: v if isinstance(v, str) else "")
def test_project_articles(name, article, gold):
    captions = find_captions(article)
    assert len(captions) == len(gold.get("captions", []))
    for want, got in zip(gold.get("captions", []), captions, strict=True):
        assert (got.label, got.photographer) == (want["label"], want["photographer"])
        assert fold(want["contains"]) in fold(got.text)
        assert got.agency == want.get("agency", got.agency)


def test_credit_on_the_next_line_and_several_photographers():
    captions = find_captions(
        blocks("图1：长江大桥合龙。", "新华社记者 王五 赵六摄", "上图：江面上的货轮。", "（人民视觉）")
    )
    assert [(c.label, c.photographer, c.agency) for c in captions] == [
        ("图1", "王五、赵六", "新华社记者"),
        ("上图", "", ""),
    ]


def test_1998_captions_name_a_person_of_the_gold(pfr_path):
    """Paragraphs ending in （…摄）: the photographer is a PER span of the hand annotation."""
    checked = 0
    with gzip.open(pfr_path, "rt", encoding="utf-8") as f:
        for line in islice(f, 2000):
            row = json.loads(line)
            text = fold_width(row["text"])
            if not text.endswith("摄）") or text.startswith("（"):  # a credit line of its own
                continue
            captions = find_captions([Block("body", text, tuple(range(len(text))))])
            people = {t for _, _, label, t in row["spans"] if label == "PER"}
            assert len(captions) == 1 and captions[0].photographer
            assert set(captions[0].photographer.split("、")) <= people, text
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("junk", [[], blocks(""), blocks("图①："), blocks("摄"), [Block("caption", "", ())]])
def test_junk_gives_no_captions(junk):
    assert find_captions(junk) == []
