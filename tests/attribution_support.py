"""Helpers for the attribution tests: blocks of a text, the repaired shared page and corpus articles."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.corpus import decode
from pipeline.records import Block
from pipeline.repair import repair

REPO = Path(__file__).resolve().parents[1]


def blocks(*texts: str, kind: str = "body") -> list[Block]:
    """Body blocks (or ``kind``) of plain paragraph texts."""
    return [Block(kind, t, tuple(range(len(t)))) for t in texts]


def gold_articles() -> list[tuple[str, list[Block], dict]]:
    """(name, repaired blocks, gold) for every project article with a gold file."""
    out = []
    for gold_path in sorted((REPO / "tests" / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = REPO / gold.get("document", "")
        if doc.is_file():
            out.append((gold_path.name, repair(decode(doc.read_bytes())[0]).blocks, gold))
    return out


def pfr_articles(path: Path, article_ids: set[str]) -> dict[str, tuple[list[Block], dict]]:
    """Articles of the 1998 corpus (``YYYYMMDD-PP-AAA``): width-folded blocks, the first one a
    heading, and the gold PER spans as PERSON entities per block."""
    import gzip

    from pipeline.records import Entity
    from pipeline.repair.width import fold_width

    rows: dict[str, list[dict]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if any(a in line[:40] for a in article_ids):
                row = json.loads(line)
                rows.setdefault(row["id"].rsplit("-", 1)[0], []).append(row)
    out = {}
    for article, paras in rows.items():
        texts = [fold_width(p["text"]) for p in paras]
        blocks = [Block("heading" if i == 0 else "body", t, ()) for i, t in enumerate(texts)]
        persons = {
            i: [Entity(s, e, t, "PERSON") for s, e, label, t in p["spans"] if label == "PER"]
            for i, p in enumerate(paras)
        }
        out[article] = (blocks, persons)
    return out
