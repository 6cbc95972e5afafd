"""What quote finding costs, as a ratio to bare ``jieba.lcut`` over the same 1998 paragraphs.

Each article is prepared as the pipeline prepares it (one segmentation, the name
finder's persons), then only :func:`~pipeline.extract.quotes.find_quotes` is
timed: a first pass (the per-phrase caches empty, the data files loaded) and the
best of three.  ``--profile`` prints cProfile's view of one first pass.

    python tools/quote_bench.py [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import time

import jieba

from pipeline.evaluate.pfr import shared_dir
from pipeline.extract import gazetteer
from pipeline.extract.entities import find_document_entities
from pipeline.extract.quotes import find_quotes
from pipeline.extract.speakers.lexicon import is_person_noun
from pipeline.lexicon import place_and_org_names
from pipeline.records import Block
from pipeline.repair.width import fold_width
from pipeline.segment import segment


def prepared() -> list[tuple[list[Block], dict, list]]:
    rows: dict[str, list[str]] = {}
    with gzip.open(shared_dir() / "pfr1998" / "dev.spans.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows.setdefault(row["id"].rsplit("-", 1)[0], []).append(fold_width(row["text"]))
    out = []
    for texts in rows.values():
        blocks = [Block("heading" if i == 0 else "body", t, ()) for i, t in enumerate(texts)]
        persons = {i: [e for e in es if e.label == "PERSON"] for i, es in enumerate(find_document_entities(texts))}
        out.append((blocks, persons, [segment(t) for t in texts]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    articles = prepared()
    texts = [b.text for blocks, _, _ in articles for b in blocks]
    jieba.lcut("预热")
    lcut = []
    for _ in range(2):
        start = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        lcut.append(time.perf_counter() - start)
    # the data files, loaded once per process
    gazetteer.given_name_score("明"), place_and_org_names(), is_person_noun("专家"), find_quotes(*articles[0])

    def run() -> None:
        for blocks, persons, tokens in articles:
            find_quotes(blocks, persons, tokens)

    if args.profile:
        cProfile.runctx("run()", globals(), locals(), "/tmp/quote_bench.prof")
        pstats.Stats("/tmp/quote_bench.prof").sort_stats("cumtime").print_stats(30)
        return
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    print(f"{sum(map(len, texts))} characters; jieba.lcut {min(lcut):.3f} s; quotes first pass {times[0]:.3f} s "
          f"({times[0] / min(lcut):.3f}x), best of 3 {min(times):.3f} s ({min(times) / min(lcut):.3f}x)")


if __name__ == "__main__":
    main()
