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
