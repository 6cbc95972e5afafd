"""Names found on tesseract's text against names found on the drawn text, both scored on the 1998 gold.

Per page, the gold is the multiset of (text, label) of the 1998 PER / place /
ORG spans of every paragraph drawn (PER runs split into persons, as
:mod:`pipeline.evaluate.pfr_entities` scores them).  Each text (the drawn one
and the OCR one) is repaired, and the pipeline's document-level entity finder
runs on its blocks; its (text, label) multiset is matched against the gold.
The ratio of the two F1 says how much the OCR and repair cost entity finding.

>>> multiset_counts(Counter({("北京", "place"): 2}), Counter({("北京", "place"): 1, ("王五", "PER"): 1}))
(1, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pipeline.evaluate import pfr
from pipeline.evaluate.ocr_pages import OcrPage
from pipeline.evaluate.pfr_entities import _OURS, _prf, gold_spans
from pipeline.repair.width import fold_width

Item = tuple[str, str]


def paragraph_records(ids: Iterable[str], path: Path | None = None) -> dict[str, dict]:
    wanted = set(ids)
    return {r["id"]: r for r in pfr.read_paragraphs(path or pfr.dev_path()) if r["id"] in wanted}


def gold_items(page: OcrPage, records: dict[str, dict]) -> Counter[Item]:
    items: Counter[Item] = Counter()
    for pid in page.paragraph_ids:
        record = records[pid]
        text = fold_width(record["text"])
        items.update((text[s:e], label) for s, e, label in gold_spans(record))
    return items


def found_items(text: str, repair_fn: Callable) -> Counter[Item]:
    """(text, label) of every entity the pipeline finds in the repaired ``text``."""
    from pipeline.extract.entities import find_document_entities

    blocks = [b.text for b in repair_fn(text).blocks]
    return Counter(
        (e.text, _OURS[e.label]) for entities in find_document_entities(blocks) for e in entities if e.label in _OURS
    )


def multiset_counts(gold: Counter[Item], found: Counter[Item]) -> tuple[int, int, int]:
    """(tp, fp, fn) of two multisets."""
    tp = sum((gold & found).values())
    return tp, sum(found.values()) - tp, sum(gold.values()) - tp


def compare_entities(pages: Sequence[OcrPage], repair_fn: Callable) -> dict:
    """P/R/F1 on the drawn text and on the OCR text, and the ratio of the two F1."""
    records = paragraph_records(pid for page in pages for pid in page.paragraph_ids)
    totals = {"drawn": [0, 0, 0], "ocr": [0, 0, 0]}
    for page in pages:
        gold = gold_items(page, records)
        for name, text in (("drawn", page.truth), ("ocr", page.ocr_text)):
            for k, n in enumerate(multiset_counts(gold, found_items(text, repair_fn))):
                totals[name][k] += n
    result = {name: _prf(*counts) for name, counts in totals.items()}
    drawn_f1 = result["drawn"]["f1"]
    result["ratio"] = round(result["ocr"]["f1"] / drawn_f1, 4) if drawn_f1 else None
    return result
