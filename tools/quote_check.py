"""The hand check of quotes on 1998 days the rules were not read on (issue 11).

Draws a fixed-seed sample of the quotes the pipeline finds in People's Daily,
January 1998, days 6-10 (never read for errors), and prints each with its
paragraph for a person to judge: is the speaker right, are the text's boundaries
right?  The judgements are kept in TSV files beside this file (paragraph ids,
offsets and verdicts only: the corpus text stays out of the repository), each judged
on the quotes as the commit that added it found them (a later change draws another
sample): ``quote_check_days6-10.tsv`` the first round (seed 11),
``quote_check_days6-10_seed{N}_{round}.tsv`` the later ones, ``_seed13.tsv`` the round before
the pronoun rules, ``_seed14.tsv`` the one after them, ``_seed15.tsv`` after the gender, 叫,
time-phrase, unit and narrator rules, and the newest ``quote_check_days6-10_seed16.tsv`` (after the
rounds of 2026-12-06's third session: the entity round and the new-user pages; the default of ``--summary``).  ``--summary``
recomputes the figures from a file.  ``quote_check_days1-5_pronouns.tsv`` judges every quote of
days 1-5 whose printed speaker is 他/她 (``--days 1-5 --pronoun``, the half whose errors may be
read), with the verdict on the code before the pronoun rules (``speaker_ok_on_main``).

    python tools/quote_check.py [--seed 12]                     # print the sample to judge
    python tools/quote_check.py --days 1-5 --pronoun            # days 1-5 quotes whose printed speaker is 他/她
    python tools/quote_check.py --summary [--judged FILE.tsv]   # figures from the judgements
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from pathlib import Path

from quote_coverage import article_quotes, articles

from pipeline.evaluate.pfr import shared_dir
from pipeline.extract.speakers import PRONOUNS  # the printed speakers of --pronoun

HALVES = {"1-5": {f"199801{day:02d}" for day in range(1, 6)}, "6-10": {f"199801{day:02d}" for day in range(6, 11)}}
SEED = 11  # the number
SAMPLE = 50
JUDGED = Path(__file__).with_name("quote_check_days6-10_seed16.tsv")


def quotes(path: Path, days: set[str]) -> list[tuple[str, object, str, str]]:
    """(paragraph id, quote, paragraph text, the paragraph before) for every quote of the given
    days, as the pipeline finds them."""
    out = []
    for _, rows in sorted(articles(path, days).items()):
        texts, found = article_quotes(rows)
        out += [(rows[q.para_no - 1]["id"], q, texts[q.para_no - 1], texts[q.para_no - 2] if q.para_no > 1 else "")
                for q in found]
    return out


def summary(judged: Path) -> None:
    rows = list(csv.DictReader(judged.open(encoding="utf-8"), delimiter="\t"))
    speaker = Counter(r["speaker_ok"] for r in rows)
    bounds = Counter(r["boundaries_ok"] for r in rows)
    print(f"judged {len(rows)}: speaker right {speaker['yes']}/{len(rows)}, boundaries right {bounds['yes']}/{len(rows)}")
    print("errors by class:", dict(Counter(r["error"] for r in rows if r["error"])))
    if "speaker_ok_on_main" in rows[0]:  # a file judged again after a change: the figure before it
        before = Counter(r["speaker_ok_on_main"] for r in rows)
        print(f"before the change: speaker right {before['yes']}/{len(rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="figures from the judgements file")
    parser.add_argument("--judged", type=Path, default=JUDGED, help="the judgements file (default: the newest round)")
    parser.add_argument("--seed", type=int, default=SEED, help="the sample's seed (default: 11)")
    parser.add_argument("--days", choices=HALVES, default="6-10", help="the half to sample (default: 6-10, the measured one; "
                        "1-5 is the half whose errors may be read)")
    parser.add_argument("--pronoun", action="store_true", help="only quotes whose printed speaker is 他 or 她")
    args = parser.parse_args()
    if args.summary:
        summary(args.judged)
        return
    found = quotes(shared_dir() / "pfr1998" / "dev.spans.jsonl.gz", HALVES[args.days])
    if args.pronoun:
        found = [item for item in found if item[1].printed in PRONOUNS]
    kind = "quotes with a pronoun speaker" if args.pronoun else "quotes"
    print(f"{len(found)} {kind} on days {args.days}; sample of {min(SAMPLE, len(found))}, seed {args.seed}")
    for n, (para_id, q, text, previous) in enumerate(random.Random(args.seed).sample(found, min(SAMPLE, len(found))), 1):
        # whom a pronoun stands for is read in this paragraph up to the quote and the one before it
        before = previous[-150:] + " ¶ " + text[: q.start] if args.pronoun else text[max(0, q.start - 40) : q.start]
        print(f"\n#{n} {para_id} start={q.start} speaker={q.speaker} role={q.role} printed={q.printed} "
              f"end={q.end} kind={q.kind} cue={q.cue}\n  BEFORE: {before}\n  TEXT: {q.text}\n  AFTER: {text[q.end:q.end + 30]}")


if __name__ == "__main__":
    main()
