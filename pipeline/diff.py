"""Differences between two output folders, so a change in extraction can be reviewed.

Rows are matched on each table's identity columns (an entity is its document,
paragraph and span); a row whose identity is on both sides but whose other
cells differ is *changed*, the rest are *added* or *removed*.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from rich.console import Console

from pipeline.output import TABLES

#: columns that identify a row of each table
IDENTITY: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "paragraphs": ("doc_id", "para_no"),
    "entities": ("doc_id", "para_no", "start", "end"),
    "claims": ("doc_id", "para_no", "start", "end"),
    "quotes": ("doc_id", "para_no", "start"),
    "captions": ("doc_id", "seq"),
    "credits": ("doc_id", "para_no", "role", "name"),
    "repairs": ("doc_id", "raw_start", "raw_end", "kind"),
    "tokens": ("doc_id", "para_no", "start"),
}

Row = dict[str, str]


class DiffError(Exception):
    """Folders that cannot be compared; the message says why."""


class TableDiff(NamedTuple):
    table: str
    added: list[Row]
    removed: list[Row]
    changed: list[tuple[Row, Row]]


def read_table(folder: Path, table: str) -> list[Row]:
    path = folder / f"{table}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def diff_table(table: str, old: list[Row], new: list[Row]) -> TableDiff:
    """Added, removed and changed rows of one table.

    >>> a = [{"doc_id": "d", "para_no": "1", "start": "0", "end": "2", "text": "中国", "label": "GPE"}]
    >>> b = [{**a[0], "label": "ORG"}]
    >>> d = diff_table("entities", a, b)
    >>> len(d.added), len(d.removed), [(o["label"], n["label"]) for o, n in d.changed]
    (0, 0, [('GPE', 'ORG')])
    """
    keys = IDENTITY.get(table, ())
    old_counts = Counter(tuple(sorted(r.items())) for r in old)
    new_counts = Counter(tuple(sorted(r.items())) for r in new)
    removed = [dict(r) for r in (old_counts - new_counts).elements()]
    added = [dict(r) for r in (new_counts - old_counts).elements()]
    by_key = {tuple(r.get(k, "") for k in keys): r for r in added}
    changed, still_removed = [], []
    for row in removed:
        match = by_key.pop(tuple(row.get(k, "") for k in keys), None) if keys else None
        if match is None:
            still_removed.append(row)
        else:
            changed.append((row, match))
    matched = {id(n) for _, n in changed}
    return TableDiff(table, [r for r in added if id(r) not in matched], still_removed, changed)


def diff_folders(old: Path, new: Path, tables: list[str] | None = None) -> list[TableDiff]:
    for folder in (old, new):
        if not folder.is_dir():
            raise DiffError(f"{folder} is not an output folder")
    unknown = set(tables or ()) - set(TABLES)
    if unknown:
        raise DiffError(f"unknown table(s): {', '.join(sorted(unknown))}; known: {', '.join(TABLES)}")
    return [diff_table(t, read_table(old, t), read_table(new, t)) for t in (tables or TABLES)]


def _show(row: Row, table: str) -> str:
    keys = IDENTITY.get(table, ())
    ident = " ".join(f"{k}={row.get(k, '')}" for k in keys)
    rest = " ".join(f"{k}={v!r}" for k, v in row.items() if k not in keys and v != "")
    return f"{ident}  {rest}"


def render_diff(diffs: list[TableDiff], console: Console, limit: int = 20) -> None:
    for d in diffs:
        if not (d.added or d.removed or d.changed):
            console.print(f"{d.table}: no change", markup=False)
            continue
        console.print(
            f"{d.table}: +{len(d.added)} added, -{len(d.removed)} removed, ~{len(d.changed)} changed",
            markup=False,
        )
        for row in d.removed[:limit]:
            console.print(f"  - {_show(row, d.table)}", style="red", markup=False)
        for row in d.added[:limit]:
            console.print(f"  + {_show(row, d.table)}", style="green", markup=False)
        for before, after in d.changed[:limit]:
            cells = [f"{k}: {before.get(k)!r} -> {after.get(k)!r}" for k in after if before.get(k) != after.get(k)]
            ident = " ".join(f"{k}={after.get(k, '')}" for k in IDENTITY.get(d.table, ()))
            console.print(f"  ~ {ident}  {'; '.join(cells)}", style="yellow", markup=False)
