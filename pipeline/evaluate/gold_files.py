"""Reading what is scored: the gold JSON file, the CSV tables of an output folder, the document the gold describes.

Every failure a user can cause (unreadable gold, no such folder or document, an ambiguous name)
ends as one ``EvalError`` with a message that fits one line; a missing table is scored as empty.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath

from pipeline.evaluate.gold_match import to_decimal


class EvalError(ValueError):
    """The gold file or the output folder cannot be scored (message fit for one line)."""


def load_gold(path: Path | str) -> dict:
    """Read a gold file; numbers stay exact (floats parse as Decimal)."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except OSError as err:
        raise EvalError(f"cannot read gold file {path}: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise EvalError(f"gold file {path} is not valid UTF-8 JSON: {err}") from None
    if not isinstance(gold, dict):
        raise EvalError(f"gold file {path} must hold a JSON object")
    return gold


@dataclass
class OutputTables:
    """The CSV tables of one output folder, read once, filtered to one document."""

    out_dir: Path
    missing: list[str] = field(default_factory=list)
    _cache: dict[str, list[dict]] = field(default_factory=dict)

    def table(self, name: str) -> list[dict]:
        if name not in self._cache:
            path = self.out_dir / f"{name}.csv"
            try:
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    self._cache[name] = [{k: v or "" for k, v in row.items() if k} for row in csv.DictReader(handle)]
            except (OSError, UnicodeDecodeError, csv.Error):
                self.missing.append(f"{name}.csv")
                self._cache[name] = []
        return self._cache[name]

    def rows(self, name: str, doc_id: str) -> list[dict]:
        return [row for row in self.table(name) if row.get("doc_id") == doc_id]


def para_key(row: dict) -> tuple[int, str]:
    """Reading order of a CSV row: ``para_no`` as a number (so 10 follows 9), 0 when it is not one.

    >>> sorted([{"para_no": "10"}, {"para_no": "9"}, {}], key=para_key)
    [{}, {'para_no': '9'}, {'para_no': '10'}]
    """
    number = to_decimal(row.get("para_no"))
    return (int(number) if number is not None else 0, row.get("para_no", ""))


def find_doc_id(output: OutputTables, gold: dict, doc_id: str | None = None) -> str:
    """The doc_id the gold describes: ``doc_id`` if given, else the one named like the gold's file."""
    documents = output.table("documents") or [
        {"doc_id": d, "path": d + ".txt"}
        for d in dict.fromkeys(r.get("doc_id", "") for r in output.table("paragraphs"))
    ]
    known = [d.get("doc_id", "") for d in documents]
    if doc_id is not None:
        if doc_id in known:
            return doc_id
        raise EvalError(f"document {doc_id!r} is not in {output.out_dir} (known: {', '.join(known) or 'none'})")
    target = PurePosixPath(str(gold.get("document", "")).replace("\\", "/"))
    if not target.name:
        if len(known) == 1:
            return known[0]
        raise EvalError("the gold names no document and the output holds several: pass --doc")

    def path_of(d: dict) -> PurePosixPath:
        return PurePosixPath((d.get("path") or d.get("doc_id", "")).replace("\\", "/"))

    hits = [
        d for d in documents if path_of(d).stem == target.stem or PurePosixPath(d.get("doc_id", "")).name == target.stem
    ]
    if len(hits) > 1:  # prefer the one whose path ends with the gold's whole relative path
        hits = [d for d in hits if str(path_of(d)).endswith("/" + str(target)) or path_of(d) == target] or hits
    if len(hits) == 1:
        return hits[0]["doc_id"]
    if not hits:
        raise EvalError(f"no document named {target.stem!r} in {output.out_dir} (pass --doc)")
    raise EvalError(
        f"several documents named {target.stem!r} in {output.out_dir}: {', '.join(h['doc_id'] for h in hits)}"
    )
