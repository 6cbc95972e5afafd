"""Entity F1 on the 1998 articles re-set the ways other engines and converters print a page
(:mod:`pipeline.evaluate.reprint`), against the same articles' clean text, per half.

What the layout costs without misread characters: each article's text (clean, or re-set) is
repaired and its entities found over the document, then matched against the 1998 gold as the
tesseract harness matches them (a multiset of text and label per article,
:mod:`pipeline.evaluate.ocr_entities`).  Days 6-10 print figures only.

    python tools/reprint_entities.py            # both halves
"""

from __future__ import annotations

import argparse
from collections import Counter

from pipeline.evaluate import pfr_entities as pe
from pipeline.evaluate.ocr_entities import found_items, multiset_counts
from pipeline.evaluate.pfr import dev_path
from pipeline.evaluate.reprint import REPRINTS
from pipeline.repair import repair
from pipeline.repair.width import fold_width

WAYS = {"clean": lambda page: page.replace("\n", "\n\n"), **REPRINTS}


def scores(days: str) -> dict[str, dict]:
    totals = {way: [0, 0, 0] for way in WAYS}
    for article in pe.read_articles(dev_path()):
        if (days == "1-5") != (article[0]["id"][:8] <= "19980105"):
            continue
        texts = [fold_width(r["text"]) for r in article]
        gold = Counter((t[s:e], label) for t, r in zip(texts, article, strict=True) for s, e, label in pe.gold_spans(r))
        for way, reprint in WAYS.items():
            for k, n in enumerate(multiset_counts(gold, found_items(reprint("\n".join(texts)), repair))):
                totals[way][k] += n
    return {way: pe._prf(*counts) for way, counts in totals.items()}


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    for days in ("1-5", "6-10"):
        figures = scores(days)
        print(f"days {days}: " + ", ".join(f"{way} F1 {f['f1']:.4f}" for way, f in figures.items()))


if __name__ == "__main__":
    main()
