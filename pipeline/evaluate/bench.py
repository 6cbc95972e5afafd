"""Speed, as ratios to bare ``jieba.lcut`` over the same text, measured in the same run.

Machines here are shared and noisy, so absolute seconds mean little: every stage
is timed back to back with plain jieba segmentation of the same characters, in
CPU seconds of this process (``time.process_time``: other load on the machine
does not count), best of ``repeat``.  Each stage's caches are warm after its first
run; the segmentation's first pass over text it has not seen (posseg's HMM for
unknown words) is reported apart.  The last line is what an archive sees: the whole
``pipeline run`` over the articles written as files, one worker, tables written.
"""

from __future__ import annotations

import shutil
import tempfile
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


def best(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.process_time) -> float:
    """The shortest of ``repeat`` timings of ``fn`` by ``clock`` (CPU seconds of this process by default)."""
    fastest = float("inf")
    for _ in range(repeat):
        start = clock()
        fn()
        fastest = min(fastest, clock() - start)
    return fastest


def _numbers_and_claims(text: str, tokens) -> object:
    """What the pipeline does per block after segmentation: dates, then numbers and claims on the block's tokens."""
    from pipeline.extract.claims import find_claims
    from pipeline.extract.dates import find_dates, number_skips
    from pipeline.extract.numbers import find_numbers
    from pipeline.extract.words import Words

    skip = number_skips(find_dates(text))
    words = Words(text, tokens)
    return find_claims(text, skip, words, find_numbers(text, words, skip))


def _once(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def write_articles(articles: list[str], folder: Path) -> None:
    """The articles as a corpus of files, one per article."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text(text + "\n", encoding="utf-8")


def run_bench(limit_articles: int | None = 200, repeat: int = 3, path: Path | None = None) -> tuple[int, list[Timing]]:
    """(characters, timings) for jieba.lcut and each stage of the pipeline over the same articles."""
    from pipeline import posseg_hmm
    from pipeline.document import process
    from pipeline.extract.entities import find_document_entities
    from pipeline.repair import repair
    from pipeline.run import run
    from pipeline.segment import segment

    articles = ["\n\n".join(p["text"] for p in paras) for _, paras in read_articles(path or dev_path(), limit_articles)]
    chars = sum(len(a) for a in articles)
    jieba.lcut("预热")
    process("warm-up", "", "本报北京1月1日电 王小明说，增长7.5%。".encode(), None, None)  # what a run loads, loaded untimed
    posseg_hmm.cut("陈方说")  # posseg's model built and its compiled kernel loaded: once per process
    blocks = [[b.text for b in repair(a).blocks] for a in articles]
    stages: list[tuple[str, Callable[[], object]]] = []
    cold = _once(lambda: [segment(t) for texts in blocks for t in texts])
    tokens = [[segment(t) for t in texts] for texts in blocks]
    workdir = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    try:
        write_articles(articles, workdir / "corpus")

        def whole_run() -> None:
            shutil.rmtree(workdir / "out", ignore_errors=True)
            run(workdir / "corpus", workdir / "out", jobs=1, fresh=True)

        stages = [
            ("jieba.lcut (reference)", lambda: [jieba.lcut(a) for a in articles]),
            ("repair", lambda: [repair(a) for a in articles]),
            ("segmentation (words and tags, shared by every stage)", lambda: [segment(t) for texts in blocks for t in texts]),
            ("entities (document level, given the tokens)",
             lambda: [find_document_entities(texts, toks) for texts, toks in zip(blocks, tokens, strict=True)]),
            ("dates, numbers and claims (given the tokens)",
             lambda: [_numbers_and_claims(t, tk) for texts, toks in zip(blocks, tokens) for t, tk in zip(texts, toks)]),
            ("whole document, all tables (document.process)",
             lambda: [process(str(i), "", a.encode(), None, None) for i, a in enumerate(articles)]),
            ("whole run over files, 1 worker (pipeline run)", whole_run),
        ]
        seconds = [(name, best(fn, repeat)) for name, fn in stages]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    seconds.insert(3, ("segmentation, first pass (posseg's HMM for unseen words)", cold))
    reference = seconds[0][1]
    return chars, [Timing(name, s, s / reference) for name, s in seconds]


def render_bench(result: tuple[int, list[Timing]], console: Console) -> None:
    chars, timings = result
    table = Table(title=f"Speed over {chars:,} characters of People's Daily 1998 (CPU seconds, best of runs)")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    table.add_column("chars/s", justify="right")
    table.add_column("× jieba.lcut time", justify="right")
    table.add_column("speed × jieba", justify="right")
    for t in timings:
        table.add_row(t.stage, f"{t.seconds:.2f}", f"{chars / t.seconds:,.0f}" if t.seconds else "-",
                      f"{t.ratio:.2f}", f"{1 / t.ratio:.2f}" if t.ratio else "-")
    console.print(table)
