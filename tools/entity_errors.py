"""The entity errors of 1998 days 1-5, the half whose errors may be read (issue 11), by class.

Each false positive and false negative is one JSON line: error (FP/FN), label (PER, place, ORG),
kind (``miss``/``spurious``: nothing of the other side overlaps; ``bound``: it overlaps with other
edges; ``type``: same edges, other label), the span, its context, and the paragraph id.  The corpus
text stays out of the repository: write the dump under /tmp or build/.

Days 6-10 are not offered: they measure how a rule learned a page, so their errors are not read
(score them with ``pipeline eval``).  ``--against`` compares with an earlier dump, to see what a
change fixed and what it broke.

    python tools/entity_errors.py build/errors.jsonl              # dump, and counts by class
    python tools/entity_errors.py build/after.jsonl --against build/before.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pipeline.evaluate.pfr import dev_path
from pipeline.evaluate.pfr_entities import gold_spans, ours_article, read_articles

#: characters of context on each side of a span
_CONTEXT = 12


def errors(path: Path | None = None) -> Iterator[dict]:
    """Every FP and FN of days 1-5, article by article through the document-level finder."""
    for article in read_articles(path or dev_path(), split="1-5"):
        for record, found in zip(article, ours_article([r["text"] for r in article]), strict=True):
            text, gold = record["text"], gold_spans(record)
            for err, mine, other in (("FN", gold - found, found), ("FP", found - gold, gold)):
                for start, end, label in sorted(mine):
                    near = [(s, e) for s, e, _ in other if s < end and start < e]
                    kind = "type" if (start, end) in near else "bound" if near else "miss" if err == "FN" else "spurious"
                    yield {"error": err, "label": label, "kind": kind, "span": text[start:end], "id": record["id"],
                           "context": text[max(0, start - _CONTEXT):start] + "[" + text[start:end] + "]" + text[end:end + _CONTEXT]}


def _key(row: dict) -> tuple:
    return row["id"], row["error"], row["label"], row["context"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="JSON lines file to write")
    parser.add_argument("--against", type=Path, help="an earlier dump: print what was fixed and what is new")
    args = parser.parse_args()
    rows = list(errors())
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for (err, label, kind), n in sorted(Counter((r["error"], r["label"], r["kind"]) for r in rows).items()):
        print(f"{n:5d} {err} {label} {kind}")
    if args.against:
        before = {_key(r): r for r in map(json.loads, args.against.read_text(encoding="utf-8").splitlines())}
        after = {_key(r): r for r in rows}
        for title, keys in (("fixed", before.keys() - after.keys()), ("new", after.keys() - before.keys())):
            print(f"{title}: {len(keys)}")
            for k in sorted(keys):
                r = before.get(k) or after[k]
                print(f"  {r['error']} {r['label']} {r['kind']} {r['span']} | {r['context']}")


if __name__ == "__main__":
    main()
