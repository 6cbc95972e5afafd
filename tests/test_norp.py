"""NORP mentions (nationalities, peoples, religions, party adherents) on real text: the shared page, the
project's own articles, and 1998 People's Daily paragraphs read at run time, checked against the
1998 hand segmentation (a demonym is a gold place + 人; other names are whole gold words)."""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.corpus import decode, find_documents
from pipeline.evaluate import pfr
from pipeline.extract.gazetteer import norp as norp_names
from pipeline.extract.norp import Norp, find_norp
from pipeline.repair import repair
from pipeline.repair.width import fold_width

REPO = Path(__file__).resolve().parents[1]
#: words that a 人 starts, after which X人 is not a demonym (中国人民, 美国人士, 日本人口)
PEOPLE_WORDS = ("人民", "人士", "人员", "人口", "人均", "人大", "人质", "人权")


@lru_cache(maxsize=1)
def _pfr_hits(path: Path) -> list[tuple[dict, str, Norp]]:
    out = []
    for rec in pfr.read_paragraphs(path):
        text = fold_width(rec["text"])
        out.extend((rec, text, n) for n in find_norp(text))
    return out


def _well_formed(text: str, found: list[Norp]) -> None:
    assert all(text[n.start:n.end] == n.text for n in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_shared_page_has_no_norp(page_raw):
    # the page's gold has no NORP, and none of its words is a nationality, people or religion
    for block in repair(page_raw).blocks:
        assert find_norp(block.text) == [], block.text


def test_project_articles():
    found = []
    for path in find_documents(REPO / "corpus"):
        text, _ = decode(path.read_bytes())
        for block in repair(text).blocks:
            hits = find_norp(block.text)
            _well_formed(block.text, hits)
            found += [(block.text, n) for n in hits]
            # 中国人民 is the people of China (a GPE reading), never a demonym
            assert not any(block.text[n.end - 1:n.end + 1] in PEOPLE_WORDS for n in hits)
    assert ("中国人", "中国人") in {(n.text, n.normalized) for _, n in found}


def test_1998_demonyms_are_a_gold_place_plus_ren(pfr_path):
    demonyms = [(rec, n) for rec, _, n in _pfr_hits(pfr_path) if norp_names()[n.text][1] == "demonym"]
    assert len({n.text for _, n in demonyms}) >= 10  # a class of names, not a few
    for rec, n in demonyms:
        assert [n.start, n.end - 1, "LOC"] in [s[:3] for s in rec["spans"]], (n, rec["text"])


def test_1998_other_names_are_whole_gold_words(pfr_path):
    others = [(rec, n) for rec, _, n in _pfr_hits(pfr_path) if norp_names()[n.text][1] != "demonym"]
    kinds = {norp_names()[n.text][1] for _, n in others}
    assert {"ethnic", "religion", "people", "chinese"} <= kinds
    whole = 0  # the gold may split a name inside (伊斯兰/教徒, 印第安/人), never across its ends
    for rec, n in others:
        pos, cuts = 0, {0}
        for word, _ in rec["tokens"]:
            pos += len(word)
            cuts.add(pos)
        whole += n.start in cuts and n.end in cuts
    assert whole >= 0.95 * len(others)


def test_1998_never_a_ren_word_or_an_autonomous_region(pfr_path):
    for _rec, text, n in _pfr_hits(pfr_path):
        assert text[n.end - 1:n.end + 1] not in PEOPLE_WORDS
        assert not text.startswith("自治", n.end), text  # 宁夏回族自治区 is a place name
    for rec in pfr.read_paragraphs(pfr_path):
        text = fold_width(rec["text"])
        if "自治" in text or "人民" in text:
            _well_formed(text, find_norp(text))


def test_normalized_forms():
    names = norp_names()
    assert names["维族"] == ("维吾尔族", "ethnic") and names["蒙族"] == ("蒙古族", "ethnic")
    assert names["印尼人"][0] == "印度尼西亚人"
    assert names["伊斯兰教徒"][0] == names["穆斯林"][0] == "穆斯林"
    # all 56 nationalities by full name
    assert sum(1 for t, (norm, kind) in names.items() if kind == "ethnic" and t == norm) == 56
    assert names["汉族人"][0] == "汉族"


@pytest.mark.parametrize("seed", range(3))
def test_junk_never_raises(seed):
    rng = random.Random(seed)
    alphabet = "人民族教徒华美国中日维回自治乡·、 \n\x00\ufffd" + "".join(chr(rng.randrange(0x20, 0xFFFF)) for _ in range(50))
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        _well_formed(text, find_norp(text))
    assert find_norp("人" * 5000) == []


def test_a_citizenship_is_a_nationality_not_a_person():
    """德国籍 (of German citizenship): jieba's dictionary tags it nr, so a list of foreign experts took it
    for a person; every country + 籍 is in gaz_norp.tsv, and the country inside it is a place."""
    from pipeline.extract.entities import find_document_entities

    text = "英国籍专家约翰·柯克、德国籍专家奥尔加·波兰斯卡亚等8名外籍专家获奖。"
    found = [(e.text, e.label) for e in find_document_entities([text])[0]]
    assert ("德国籍", "NORP") in found and ("德国", "GPE") in found
    assert not any(label == "PERSON" and "籍" in name for name, label in found)
