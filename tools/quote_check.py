"""The hand check of quotes on 1998 days the rules were not read on (issue 11).

Draws a fixed-seed sample of the quotes the pipeline finds in People's Daily,
January 1998, days 6-10 (never read for errors), and prints each with its
paragraph for a person to judge: is the speaker right, are the text's boundaries
right?  The judgements are kept in ``quote_check_days6-10.tsv`` beside this file
(paragraph ids and verdicts only: the corpus text stays out of the repository), judged
on the quotes as the commit that added the file found them (a later change draws another sample);
``--summary`` recomputes the figures from that file.

    python tools/quote_check.py                 # print the sample to judge
    python tools/quote_check.py --summary       # figures from the judgements
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
from collections import Counter
from pathlib import Path

from pipeline.evaluate.pfr import shared_dir
from pipeline.extract.entities import find_document_entities
from pipeline.extract.quotes import find_quotes
from pipeline.records import Block
from pipeline.repair.width import fold_width
from pipeline.segment import segment

DAYS = {f"199801{day:02d}" for day in range(6, 11)}
SEED = 11  # the number
SAMPLE = 50
JUDGED = Path(__file__).with_name("quote_check_days6-10.tsv")


def articles(path: Path) -> dict[str, list[dict]]:
    """Paragraph rows of the measured days, by article (YYYYMMDD-PP-AAA)."""
    out: dict[str, list[dict]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"][:8] in DAYS:
                out.setdefault(row["id"].rsplit("-", 1)[0], []).append(row)
    return out


def quotes(path: Path) -> list[tuple[str, object, str]]:
    """(paragraph id, quote, paragraph text) for every quote of the measured days, as the pipeline
    finds them: the first paragraph a heading, the name finder's persons, one segmentation."""
    out = []
    for _, rows in sorted(articles(path).items()):
        texts = [fold_width(r["text"]) for r in rows]
        blocks = [Block("heading" if i == 0 else "body", t, ()) for i, t in enumerate(texts)]
        tokens = [segment(t) for t in texts]
        persons = {i: [e for e in es if e.label == "PERSON"] for i, es in enumerate(find_document_entities(texts))}
        for q in find_quotes(blocks, persons, tokens):
            out.append((rows[q.para_no - 1]["id"], q, texts[q.para_no - 1]))
    return out


def summary() -> None:
    rows = list(csv.DictReader(JUDGED.open(encoding="utf-8"), delimiter="\t"))
    speaker = Counter(r["speaker_ok"] for r in rows)
    bounds = Counter(r["boundaries_ok"] for r in rows)
    print(f"judged {len(rows)}: speaker right {speaker['yes']}/{len(rows)}, boundaries right {bounds['yes']}/{len(rows)}")
    print("errors by class:", dict(Counter(r["error"] for r in rows if r["error"])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="figures from the judgements file")
    args = parser.parse_args()
    if args.summary:
        summary()
        return
    found = quotes(shared_dir() / "pfr1998" / "dev.spans.jsonl.gz")
    print(f"{len(found)} quotes on days 6-10; sample of {SAMPLE}, seed {SEED}")
    for n, (para_id, q, text) in enumerate(random.Random(SEED).sample(found, SAMPLE), 1):
        before = text[max(0, q.start - 40) : q.start]
        print(f"\n#{n} {para_id} start={q.start} speaker={q.speaker} role={q.role} printed={q.printed} "
              f"kind={q.kind} cue={q.cue}\n  BEFORE: {before}\n  TEXT: {q.text}\n  AFTER: {text[q.end:q.end + 30]}")


if __name__ == "__main__":
    main()
