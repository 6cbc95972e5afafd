"""An output folder's CSV tables, read once for the report and grouped by document.

The report works on any output folder, older or newer than the code: a table missing
from the folder reads as empty and is named in :attr:`Folder.missing_tables`, a column
missing from a table reads as ``""`` and is named in :attr:`Folder.missing_columns`,
and columns or tables added since are ignored (tables are still counted). Only the
columns the report shows are kept, as named tuples, so that an archive of thousands
of documents fits in memory; each table is read in one pass that also groups its rows
by ``doc_id``. A table that cannot be read stops the report with a :class:`ReportError`
naming the file and the reason.
"""

from __future__ import annotations

import csv
import json
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: table -> the columns the report reads (``doc_id`` first)
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "path", "sha256", "status", "error", "encoding", "n_chars", "n_paragraphs",
        "reference_date", "reference_source", "title",
    ),
    "paragraphs": ("doc_id", "para_no", "kind", "text", "raw_start", "raw_end", "quality"),
    "entities": ("doc_id", "para_no", "start", "end", "text", "label", "normalized"),
    "claims": (
        "doc_id", "para_no", "start", "end", "text", "value", "unit", "qualifier", "object", "value_low", "value_high",
    ),
    "quotes": ("doc_id", "para_no", "start", "end", "speaker", "role", "cue", "kind", "text"),
    "captions": ("doc_id", "para_no", "seq", "label", "text", "photographer", "agency"),
    "credits": ("doc_id", "para_no", "role", "name"),
    "repairs": ("doc_id", "kind", "raw_start", "raw_end", "before", "after", "confidence"),
}
ROW_TYPES = {table: namedtuple(table.capitalize(), columns) for table, columns in COLUMNS.items()}
#: a paragraph of repaired text can be long: csv's default limit is 128 KiB per field
FIELD_LIMIT = 1 << 30


class ReportError(Exception):
    """An output folder the report cannot read; the message names the file and the reason."""


@dataclass
class Folder:
    """The tables of one output folder, as the report needs them."""

    path: Path
    #: table -> doc_id -> rows, in the order of the file
    rows: dict[str, dict[str, list[Any]]]
    #: every document: documents.csv's rows, then doc_ids only other tables name (status "")
    documents: list[Any]
    #: rows per table, for every ``*.csv`` in the folder (None: a table that could not be counted)
    counts: dict[str, int | None]
    missing_tables: list[str] = field(default_factory=list)
    missing_columns: dict[str, list[str]] = field(default_factory=dict)
    #: tables that are only counted and could not be read, with the reason
    unreadable: dict[str, str] = field(default_factory=dict)
    #: run.json, when the folder has a readable one
    run_info: dict[str, Any] = field(default_factory=dict)

    def of(self, table: str, doc_id: str) -> list[Any]:
        """The rows of ``table`` for one document (empty when it has none)."""
        return self.rows[table].get(doc_id, [])


def as_int(value: str) -> int | None:
    """A cell as an integer, None when it is empty or not one.

    >>> as_int("12"), as_int(""), as_int("1.5"), as_int(" 3 ")
    (12, None, None, 3)
    """
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def read_folder(path: Path) -> Folder:
    """Every table of ``path``; raises :class:`ReportError` when it is no output folder."""
    if not path.is_dir():
        raise ReportError(f"{path} is not a folder")
    present = {p.stem: p for p in sorted(path.glob("*.csv")) if p.is_file()}
    if not present.keys() & COLUMNS.keys():
        raise ReportError(f"{path} has none of the tables of `pipeline run` ({', '.join(f'{t}.csv' for t in COLUMNS)})")
    csv.field_size_limit(FIELD_LIMIT)
    folder = Folder(path=path, rows={}, documents=[], counts={})
    for table in COLUMNS:
        if table not in present:
            folder.missing_tables.append(table)
            folder.rows[table] = {}
            continue
        grouped, count, missing = _read_table(present[table], table)
        folder.rows[table], folder.counts[table] = grouped, count
        if missing:
            folder.missing_columns[table] = missing
    for table, file in present.items():
        if table not in COLUMNS:
            try:
                folder.counts[table] = _count_rows(file)
            except ReportError as e:
                folder.counts[table] = None
                folder.unreadable[table] = str(e)
    folder.documents = _documents(folder)
    folder.run_info = _run_info(path / "run.json")
    return folder


def _read_table(file: Path, table: str) -> tuple[dict[str, list[Any]], int, list[str]]:
    """Rows of one table grouped by doc_id, their number, and the columns it lacks."""
    columns, make = COLUMNS[table], ROW_TYPES[table]._make
    grouped: dict[str, list[Any]] = {}
    count = 0
    with _reader(file) as (reader, header):
        if header is None:  # an empty file: a table with no header and no rows
            return grouped, 0, []
        if "doc_id" not in header:
            raise ReportError(f"{file}: no doc_id column in the header, not a table of `pipeline run`")
        index = {name: i for i, name in enumerate(header)}
        positions = [index.get(c) for c in columns]
        try:
            for row in reader:
                if not row:
                    continue
                cells = [row[i] if i is not None and i < len(row) else "" for i in positions]
                grouped.setdefault(cells[0], []).append(make(cells))
                count += 1
        except csv.Error as e:
            raise ReportError(f"{file}: line {reader.line_num}: {e}") from None
    return grouped, count, [c for c, i in zip(columns, positions) if i is None]


def _count_rows(file: Path) -> int:
    with _reader(file) as (reader, header):
        if header is None:
            return 0
        try:
            return sum(1 for row in reader if row)
        except csv.Error as e:
            raise ReportError(f"{file}: line {reader.line_num}: {e}") from None


class _reader:
    """``with _reader(file) as (reader, header)``: a csv reader past the header, errors named."""

    def __init__(self, file: Path):
        self.file = file

    def __enter__(self):
        try:
            self.handle = self.file.open(encoding="utf-8-sig", newline="")
        except OSError as e:
            raise ReportError(f"{self.file}: cannot be read ({e.strerror})") from None
        reader = csv.reader(self.handle)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as e:
            self.__exit__(type(e), e, None)
            raise ReportError(f"{self.file}: unreadable header ({e})") from None
        return reader, header

    def __exit__(self, kind, error, traceback):
        self.handle.close()
        if isinstance(error, UnicodeDecodeError):  # the position is in the chunk being decoded
            raise ReportError(f"{self.file}: not UTF-8 text ({error.reason})") from None
        return False


def _documents(folder: Folder) -> list[Any]:
    """documents.csv's rows, plus a bare row for each doc_id that only other tables name."""
    listed = {doc_id: rows[0] for doc_id, rows in folder.rows["documents"].items()}
    named = set(listed)
    for grouped in folder.rows.values():
        named.update(grouped)
    blank = ROW_TYPES["documents"]._make([""] * len(COLUMNS["documents"]))
    return [listed.get(doc_id) or blank._replace(doc_id=doc_id) for doc_id in sorted(named)]


def _run_info(path: Path) -> dict[str, Any]:
    """run.json's content; empty when it is missing or not a JSON object (it is only shown)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}
