"""Speed, as ratios to bare ``jieba.lcut`` over the same text, measured in the same run.

Machines here are shared and noisy, so absolute seconds mean little; the
ratio of each stage to plain jieba segmentation of the same characters,
timed back to back (best of ``repeat``), is what the README quotes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import jieba
from rich.console import Console
from rich.table import Table

from pipeline.evaluate.pfr import dev_path, read_articles


class Timing(NamedTuple):
    stage: str
    seconds: float
    ratio: float  # seconds / jieba.lcut seconds


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _numbers_and_claims(text: str, tokens) -> object:
    """What the pipeline does per block after segmentation: dates, then numbers and claims on the block's tokens."""
    from pipeline.extract.claims import find_claims
    from pipeline.extract.dates import find_dates, number_skips
    from pipeline.extract.numbers import find_numbers
    from pipeline.extract.words import Words

    skip = number_skips(find_dates(text))
    words = Words(text, tokens)
    return find_claims(text, skip, words, find_numbers(text, words, skip))


def run_bench(limit_articles: int | None = 200, repeat: int = 3, path: Path | None = None) -> tuple[int, list[Timing]]:
    """(characters, timings) for jieba.lcut and each stage of the pipeline over the same articles."""
    from pipeline.document import process
    from pipeline.extract.entities import find_document_entities
    from pipeline.nlp import load
    from pipeline.repair import repair
    from pipeline.segment import segment

    articles = ["\n\n".join(p["text"] for p in paras) for _, paras in read_articles(path or dev_path(), limit_articles)]
    chars = sum(len(a) for a in articles)
    nlp = load()  # dictionaries and gazetteers loaded before timing
    jieba.lcut("预热")
    blocks = [[b.text for b in repair(a).blocks] for a in articles]
    find_document_entities(blocks[0])
    segmented = [(t, segment(t)) for texts in blocks for t in texts]  # the tokens stage's output, shared by every stage
    stages: list[tuple[str, Callable[[], object]]] = [
        ("jieba.lcut (reference)", lambda: [jieba.lcut(a) for a in articles]),
        ("repair", lambda: [repair(a) for a in articles]),
        ("tokens (spaCy Doc, jieba)", lambda: [nlp.make_doc(t) for texts in blocks for t in texts]),
        ("entities (document level)", lambda: [find_document_entities(texts) for texts in blocks]),
        ("dates, numbers and claims (given the tokens)", lambda: [_numbers_and_claims(t, tokens) for t, tokens in segmented]),
        ("whole document, all tables", lambda: [process(str(i), "", a.encode(), None, None) for i, a in enumerate(articles)]),
    ]
    seconds = [(name, _best(fn, repeat)) for name, fn in stages]
    reference = seconds[0][1]
    return chars, [Timing(name, s, s / reference) for name, s in seconds]


def render_bench(result: tuple[int, list[Timing]], console: Console) -> None:
    chars, timings = result
    table = Table(title=f"Speed over {chars:,} characters of People's Daily 1998 (best of runs)")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    table.add_column("chars/s", justify="right")
    table.add_column("× jieba.lcut", justify="right")
    for t in timings:
        table.add_row(t.stage, f"{t.seconds:.2f}", f"{chars / t.seconds:,.0f}", f"{t.ratio:.1f}")
    console.print(table)
