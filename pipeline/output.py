"""The output tables: their columns, stable row order, and atomic CSV writing.

Rows are sorted by (doc_id, para_no, start, …) so that two runs over the same
input give byte-identical files, and every file is written to a temporary
name in the same folder and renamed into place: an interrupted run never
leaves a half-written table behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

#: table name -> columns, in the order they are written
TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "path", "sha256", "status", "error", "encoding", "n_chars", "n_paragraphs",
        "reference_date", "reference_source", "dateline_date", "title", "headings",
    ),
    "paragraphs": ("doc_id", "para_no", "kind", "text", "raw_start", "raw_end", "quality"),
    "entities": ("doc_id", "para_no", "start", "end", "text", "label", "normalized", "raw_start", "raw_end"),
    "claims": (
        "doc_id", "para_no", "start", "end", "text", "value", "unit", "qualifier", "object",
        "value_low", "value_high", "raw_start", "raw_end",
    ),
    "numbers": (
        "doc_id", "para_no", "start", "end", "text", "value", "value_low", "value_high", "kind", "raw_start", "raw_end",
    ),
    "quotes": (
        "doc_id", "para_no", "start", "end", "speaker", "role", "cue", "kind", "text", "printed", "speaker_kind",
    ),
    "captions": ("doc_id", "para_no", "seq", "label", "text", "photographer", "agency"),
    "credits": ("doc_id", "para_no", "role", "name"),
    "repairs": ("doc_id", "kind", "raw_start", "raw_end", "before", "after", "confidence"),
    "tokens": ("doc_id", "para_no", "start", "end", "text"),
}
#: columns that sort each table, after doc_id (the sort is stable: ties keep extraction order)
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": (),
    "paragraphs": ("para_no",),
    "entities": ("para_no", "start", "end", "label"),
    "claims": ("para_no", "start", "end"),
    "numbers": ("para_no", "start", "end"),
    "quotes": ("para_no", "start", "end"),
    "captions": ("para_no", "seq"),
    "credits": ("para_no",),  # within a line, the printed order of the names
    "repairs": ("raw_start", "raw_end", "kind"),
    "tokens": ("para_no", "start"),
}


def cell(value: Any) -> str:
    """One CSV cell: Decimals in plain notation, floats rounded, None empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def sort_rows(table: str, rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    keys = ("doc_id", *SORT_KEYS[table])
    return sorted(rows, key=lambda row: tuple(row[k] for k in keys))


def render_csv(table: str, rows: Iterable[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = TABLES[table]
    writer.writerow(columns)
    for row in sort_rows(table, rows):
        writer.writerow([cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(out: Path, tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
    for table in TABLES:
        write_atomic(out / f"{table}.csv", render_csv(table, tables.get(table, ())))


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
