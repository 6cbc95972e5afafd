"""The output tables: their columns, a total row order, and how a row becomes text.

Every table is sorted by a full key: ``doc_id``, the table's leading sort
columns, then every other column in column order.  Two rows that tie on the
whole key are identical, so the bytes of a table never depend on the number
of workers, on which process ran a document, or on a resumed run.  Rows are
rendered a document at a time (:func:`render_rows`, in a worker); a table is
those documents' text joined in ``doc_id`` order, which is the same order.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cache
from operator import itemgetter
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
#: the leading columns of each table's order, after doc_id; ties are broken by every other column
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": (),
    "paragraphs": ("para_no",),
    "entities": ("para_no", "start", "end", "label"),
    "claims": ("para_no", "start", "end"),
    "numbers": ("para_no", "start", "end"),
    "quotes": ("para_no", "start", "end"),
    "captions": ("para_no", "seq"),
    "credits": ("para_no",),
    "repairs": ("raw_start", "raw_end", "kind"),
    "tokens": ("para_no", "start"),
}
#: column name -> type in typed formats (Parquet); any other column is text.  Decimals stay text
#: (exact, as in the CSV: cast them where you add them up); an empty cell is null.
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(("para_no", "start", "end", "raw_start", "raw_end", "n_chars", "n_paragraphs", "seq"), "int"),
    "confidence": "float",
    "reference_date": "date",
    "dateline_date": "date",
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


def sort_columns(table: str) -> tuple[str, ...]:
    """The full key of a table's order.

    >>> sort_columns("repairs")
    ('doc_id', 'raw_start', 'raw_end', 'kind', 'before', 'after', 'confidence')
    """
    leading = ("doc_id", *SORT_KEYS.get(table, ()))
    return (*leading, *(c for c in TABLES[table] if c not in leading))


def csv_header(table: str) -> str:
    return ",".join(TABLES[table]) + "\n"


def render_rows(table: str, rows: list[Mapping[str, Any]]) -> str:
    """One document's rows of ``table`` as CSV lines in the table's order (no header).

    Rows are what :func:`pipeline.document.process` gives: dicts of cells (text and integers), or
    tuples already in the table's column order;
    the lines are byte for byte what :mod:`csv` writes, quoting included.

    >>> print(render_rows("credits", [
    ...     {"doc_id": "d", "para_no": 9, "role": "editor", "name": "王小明"},
    ...     {"doc_id": "d", "para_no": 9, "role": "editor", "name": "李,红"},
    ...     {"doc_id": "d", "para_no": 2, "role": "reporter", "name": "张三"},
    ... ]), end="")
    d,2,reporter,张三
    d,9,editor,"李,红"
    d,9,editor,王小明
    """
    records = _sorted_records(table, rows)
    columns = len(TABLES[table])
    text = "".join(map(_template(table).__mod__, records))
    # A cell with a comma, quote or line break needs quoting: rare, so checked on the whole text.
    if text.count(",") == len(records) * (columns - 1) and text.count("\n") == len(records) and '"' not in text and "\r" not in text:
        return text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue()


def _sorted_records(table: str, rows: list[Mapping[str, Any]] | list[tuple]) -> list[tuple]:
    try:
        records = list(rows) if rows and isinstance(rows[0], tuple) else list(map(_getter(table), rows))
    except KeyError:  # a row without some column: an empty cell, as csv.DictWriter would write
        records = [tuple(row.get(c, "") for c in TABLES[table]) for row in rows]
    key = _order_key(table)
    try:
        records.sort(key=key)
    except TypeError:  # text and numbers in one column: numbers first, each in its own order
        records.sort(key=lambda r: tuple((0, v, "") if isinstance(v, int) else (1, 0, str(v)) for v in (key(r) if key else r)))
    return records


@cache
def _getter(table: str) -> Callable[[Mapping[str, Any]], tuple]:
    columns = TABLES[table]
    return itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)


@cache
def _order_key(table: str) -> Callable[[tuple], tuple] | None:
    """None when the column order is the sort order (plain tuple comparison, the fast case)."""
    columns = TABLES[table]
    order = sort_columns(table)
    return None if order == columns else itemgetter(*(columns.index(c) for c in order))


@cache
def _template(table: str) -> str:
    return ",".join(["%s"] * len(TABLES[table])) + "\n"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (readable as by ``open``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb" if isinstance(text, bytes) else "w", **({} if isinstance(text, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(text)
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(tmp: str | Path, path: Path) -> None:
    """Rename a finished temporary file into place, with the permissions a plain ``open`` would give."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


@cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def render_csv(table: str, rows: Iterable[Mapping[str, Any]]) -> str:
    """A whole small table, header included (all rows in memory: for tests and single documents)."""
    by_doc: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(str(row["doc_id"]), []).append(row)
    return csv_header(table) + "".join(render_rows(table, by_doc[d]) for d in sorted(by_doc))
