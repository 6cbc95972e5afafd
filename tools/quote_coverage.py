"""Colon quotations (``：“``) of the 1998 articles that get a speaker, on each half of the split.

A colon before a quotation is the plainest printed form of a direct quote: someone
is named before it in nearly every case, so the share of them that come out with a
speaker measures the speaker rules without a hand check.  Days 1-5 are the half whose
failures may be read (``--failures`` lists them, with their paragraph, for reading
only: the corpus text stays out of the repository); days 6-10 are only measured.

    python tools/quote_coverage.py                # coverage on both halves
    python tools/quote_coverage.py --failures     # days 1-5 colon quotations without a speaker
    python tools/quote_coverage.py --classes      # the misses of both halves counted by class

``--classes`` prints counts only, so the measured half's misses can be counted without
being read: where the speaker search stopped (a colon inside another quotation, a clause
with no noun phrase before the colon, a noun phrase that names no one, a pronoun left
unresolved, a speaker found and the statement dropped anyway).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from pipeline.evaluate.pfr import shared_dir
from pipeline.evaluate.pfr_entities import gold_spans
from pipeline.extract.entities import find_document_entities
from pipeline.extract.quotes import find_quotes
from pipeline.extract.quotes.marks import Marks, sentence_start
from pipeline.extract.quotes.subjects import speaker_before, subject_at
from pipeline.records import Block, Quote
from pipeline.repair.width import fold_width
from pipeline.segment import segment

HALVES = {"days 1-5": {f"199801{d:02d}" for d in range(1, 6)}, "days 6-10": {f"199801{d:02d}" for d in range(6, 11)}}
#: a colon, then a quotation mark opening a quotation
COLON_QUOTATION = re.compile("[：:][“”「『]")


def articles(path: Path, days: set[str]) -> dict[str, list[dict]]:
    """Paragraph rows of the given days, by article (YYYYMMDD-PP-AAA)."""
    out: dict[str, list[dict]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"][:8] in days:
                out.setdefault(row["id"].rsplit("-", 1)[0], []).append(row)
    return out


def article_quotes(rows: list[dict]):
    """(texts, quotes) of one article as the pipeline reads it: the first paragraph a heading,
    the name finder's persons, one segmentation."""
    texts = [fold_width(r["text"]) for r in rows]
    return texts, block_quotes([Block("heading" if i == 0 else "body", t, ()) for i, t in enumerate(texts)])


def block_quotes(blocks: list[Block]) -> list[Quote]:
    """The quotes of a document's blocks as a run reads them: one segmentation, read by the name
    finder and the quote finder both, and the name finder's persons."""
    texts = [b.text for b in blocks]
    tokens = [segment(t) for t in texts]
    persons = {i: [e for e in es if e.label == "PERSON"] for i, es in enumerate(find_document_entities(texts, tokens))}
    return find_quotes(blocks, persons, tokens)


def gold_persons(rows: list[dict]) -> set[str]:
    """The persons the 1998 annotation tags in an article, as the pipeline prints them."""
    return {fold_width(r["text"][a:b]) for r in rows for a, b, label in gold_spans(r) if label == "PER"}


def miss_class(texts: list[str], para: int, colon: int, names: set[str] = frozenset()) -> str:
    """Where the speaker search stopped for a colon quotation that got no speaker, and what the
    sentence before the colon holds: a name of the article (``names``), a pronoun, or neither."""
    text = texts[para]
    sentence = text[sentence_start(text, colon) : colon]
    holds = "a name" if any(n in sentence for n in names) else "他/她" if re.search("[他她]", sentence) else "no person"
    return f"{_stop(texts, para, colon)}; sentence holds {holds}"


def _stop(texts: list[str], para: int, colon: int) -> str:
    text = texts[para]
    if Marks(texts).inside(para, colon):
        return "colon inside another quotation"
    toks = segment(text)
    subject = speaker_before(text, toks, colon)
    if subject is None:
        opens, _ = subject_at(text, toks, sentence_start(text, colon), colon)
        return "a noun phrase that names no one" if opens else "no noun phrase before the colon"
    if subject.speaker.kind in ("pronoun", "group"):
        return f"{subject.speaker.kind} left unresolved"
    return f"{subject.speaker.kind} speaker found, statement dropped"


def coverage(days: set[str], failures: bool = False, classes: Counter | None = None) -> tuple[int, int, int, int, int]:
    """(quotes found, colon quotations, colon quotations with a speaker, quotes whose speaker is a
    name, of which a tagged person) of the given days; ``classes`` counts the misses by class."""
    n_quotes = n_colon = n_spoken = n_named = n_person = 0
    for _, rows in sorted(articles(shared_dir() / "pfr1998" / "dev.spans.jsonl.gz", days).items()):
        texts, quotes = article_quotes(rows)
        n_quotes += len(quotes)
        persons = gold_persons(rows)
        for q in quotes:
            if q.speaker_kind == "person" and q.speaker and not q.role.endswith(q.speaker):
                n_named += 1
                n_person += q.speaker in persons
                if failures and q.speaker not in persons:
                    text = texts[q.para_no - 1]
                    print(f"NAME\t{rows[q.para_no - 1]['id']}\t{q.start}\t{q.speaker}\t{text[max(0, q.start - 50) : q.start + 10]}")
        names = persons | {q.speaker for q in quotes if q.speaker_kind == "person"}
        # a quotation's statement starts after its mark, or at it when the quotation is a term that
        # opens reported speech (称赞“以老带新”是一个好办法)
        spoken = {(q.para_no - 1, q.start + (q.kind == "indirect")) for q in quotes if q.speaker}
        for para, text in enumerate(texts[1:], 1):
            for match in COLON_QUOTATION.finditer(text):
                n_colon += 1
                if (para, match.end()) in spoken:
                    n_spoken += 1
                elif classes is not None:
                    classes[miss_class(texts, para, match.start(), names)] += 1
                elif failures:
                    print(f"COLON\t{rows[para]['id']}\t{match.start()}\t{miss_class(texts, para, match.start(), names)}\t{text[max(0, match.start() - 50) : match.end() + 20]}")
    return n_quotes, n_colon, n_spoken, n_named, n_person


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list days 1-5 colon quotations without a speaker")
    parser.add_argument("--classes", action="store_true", help="count the misses of both halves by class")
    args = parser.parse_args()
    if args.classes:
        for half, days in HALVES.items():
            classes: Counter = Counter()
            coverage(days, classes=classes)
            print(f"{half}: " + " | ".join(f"{name} {n}" for name, n in classes.most_common()))
        return
    if args.failures:
        coverage(HALVES["days 1-5"], failures=True)
        return
    for half, days in HALVES.items():
        n_quotes, n_colon, n_spoken, n_named, n_person = coverage(days)
        print(f"{half}: {n_quotes} quotes; colon quotations with a speaker {n_spoken}/{n_colon} ({n_spoken / n_colon:.1%}); "
              f"named speakers that are tagged persons {n_person}/{n_named} ({n_person / n_named:.1%})")


if __name__ == "__main__":
    main()
