"""The spaCy Doc: jieba tokens that agree with the entities, and the components' results on it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import nlp
from pipeline.blocks import aligned, doc_tokens, find_in_block
from pipeline.extract.entities import find_document_entities
from pipeline.repair import repair


def test_every_name_on_the_shared_page_is_whole_tokens(page_raw):
    """Names inside a title or an event name are reported beside it; the longer name is the whole token there."""
    blocks = repair(page_raw).blocks
    names = find_document_entities([b.text for b in blocks])
    for block, found in zip(blocks, names):
        doc = nlp.analyse(block.text, dt.date(2023, 11, 20), found)
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        titles = [e for e in found if e.label in ("WORK_OF_ART", "LAW", "EVENT")]
        for e in found:
            nested = any(t != e and t.start <= e.start and e.end <= t.end for t in titles)
            assert nested or e.start in starts and e.end in ends, e
        assert len(doc.spans["entities"]) == len(doc._.entities)


def test_components_put_dates_and_claims_on_the_doc():
    doc = nlp.analyse("11月8日至10日，来自126个国家和地区的1800多位嘉宾出席。", dt.date(2023, 11, 20))
    assert [(e.text, e.normalized) for e in doc._.entities if e.label == "DATE"] == [
        ("11月8日至10日", "2023-11-08/2023-11-10")
    ]
    assert [(c.text, str(c.value), c.qualifier) for c in doc._.claims] == [
        ("126个国家和地区", "126", "exact"),
        ("1800多位嘉宾", "1800", "more_than"),
    ]
    assert [(e.text, e.label_) for e in doc.ents] == [("11月8日至10日", "DATE")]


def test_a_run_finds_what_the_doc_holds(page_raw):
    """The tables are written from find_in_block, without a Doc: the same records as the components put on it."""
    blocks = repair(page_raw).blocks
    names = find_document_entities([b.text for b in blocks])
    compared = 0
    for block, found in zip(blocks, names):
        words = doc_tokens(nlp.segment(block.text), found)
        doc = nlp.analyse(block.text, dt.date(2023, 11, 20), found, words)
        findings = find_in_block(block.text, dt.date(2023, 11, 20), found, words)
        assert findings == (doc._.entities, doc._.numbers, doc._.claims)
        compared += bool(findings.numbers)
    assert compared > 5, "the page has numbers in several blocks"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 24), st.integers(1, 8)), max_size=6))
def test_aligned_makes_each_kept_span_one_token_and_leaves_the_others(spans):
    """Whatever spans are kept (overlapping, crossing words, past the end): the tokens still spell the text
    end to end, each span that stands (the earlier of two overlapping) is one token, and a word no span
    touches is the same token as before."""
    text = "拉斐尔·伊万格利斯塔说巴西互联网指导委员会成员"
    tokens = nlp.segment(text)
    keep = [(start, min(start + length, len(text))) for start, length in spans if start < len(text)]
    out = aligned(tokens, keep)
    assert "".join(t.text for t in out) == text
    assert [t.start for t in out] == [0, *(t.end for t in out[:-1])]
    standing: list[tuple[int, int]] = []
    for start, end in sorted(keep):
        if not standing or start >= standing[-1][1]:
            standing.append((start, end))
    assert all(any((t.start, t.end) == span for t in out) for span in standing)
    untouched = [t for t in tokens if not any(s < t.end and t.start < e for s, e in standing)]
    assert all(t in out for t in untouched)
