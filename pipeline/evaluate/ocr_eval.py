"""The report of ``pipeline eval --ocr-pages N``: repair and entities on tesseract pages, per split."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence

from pipeline.evaluate.ocr_entities import compare_entities
from pipeline.evaluate.ocr_order import SEAM_CLASSES, order_ceiling, wrong_seams
from pipeline.evaluate.ocr_pages import SPLITS, ocr_pages
from pipeline.evaluate.ocr_score import score_page, summarise
from pipeline.evaluate.report import Report, Section

SPLIT_NAMES = {"dev": "days 1-5, errors read here", "test": "days 6-10, measured"}


def _repair(raw: str):
    from pipeline.repair import repair

    return repair(raw)


def score_ocr(
    n: int, splits: Sequence[str] = tuple(SPLITS), repair_fn: Callable = _repair, entities: bool = True, layout: int = 1
) -> Report:
    """Draw (or take from the cache) ``n`` pages per split in ``layout``, and score repair and entities on them."""
    repair_fn = functools.lru_cache(maxsize=None)(repair_fn)  # each page's OCR text is read by three measures: repaired once
    drawn = "1998 articles drawn as pages" + ("" if layout == 1 else f" (layout {layout})")
    report = Report(gold=f"{drawn}, read by tesseract", out_dir="", doc_id=f"{n} pages per split")
    for split in splits:
        pages = ocr_pages(split, n, layout=layout)
        figures = summarise([score_page(page, repair_fn) for page in pages])
        section = Section(f"OCR pages, {split} ({SPLIT_NAMES[split]})")
        before, after = figures["before"], figures["after"]
        section.add("pages", figures["pages"], f"{figures['chars']} drawn characters")
        section.add("CER raw OCR", figures["cer_raw"])
        section.add("CER repaired", figures["cer_repaired"])
        section.add(
            "layout damage removed", figures["layout_removed"],
            f"layout distance {before['layout']} -> {after['layout']}"
            f" (spacing {before['spacing']} -> {after['spacing']}, order {before['order']} -> {after['order']})",
        )
        section.add(
            "misread characters (no layout repair fixes these)", None,
            f"{before['misread']} -> {after['misread']} (repair fixes misread marks, ',' for '，')",
        )
        _add_order(section, pages, repair_fn)
        worse = figures["pages_worse"]
        section.add("pages made worse by repair", None, f"{len(worse)} of {figures['pages']} " + " ".join(worse[:5]))
        if entities:
            ents = compare_entities(pages, repair_fn)
            for name in ("drawn", "ocr"):
                m = ents[name]
                section.add(f"entity F1 on {name} text", m["f1"], f"P {m['p']:.3f} R {m['r']:.3f} (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
            section.add("entity F1 ratio OCR / drawn", ents["ratio"])
        report.sections.append(section)
    return report


def _add_order(section: Section, pages: Sequence, repair_fn: Callable) -> None:
    """How far ordering whole engine blocks could go, and the seams repair left open, by class."""
    before = after = 0
    seams: Counter = Counter()
    wrong: Counter = Counter()
    for page in pages:
        raw, ordered = order_ceiling(page, repair_fn)
        before, after = before + raw, after + ordered
        page_seams, page_wrong = wrong_seams(page, repair_fn)
        seams.update(page_seams)
        wrong.update(page_wrong)
    section.add(
        "layout damage removed, engine blocks given in drawn order",
        round(1 - after / before, 6) if before else None,
        f"layout distance {before} -> {after}: the ceiling of reordering whole blocks",
    )
    section.add(
        "seams between drawn neighbours left open", None,
        "; ".join(f"{name} {wrong[name]}/{seams[name]}" for name in SEAM_CLASSES),
    )
