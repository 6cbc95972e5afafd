"""Differences between two output folders, so that a change to the rules can be reviewed.

Rows are matched on what they say, not where they are: one repair edit early
in a page shifts every later offset, and those rows are *moved*, not removed
and added again.  Per table, document by document:

1. rows equal in every column are unchanged;
2. rows with the same content (the table's :data:`CONTENT` columns) and the
   same occurrence number of that content in the document are the same row:
   *moved* when only positions (:data:`POSITION`) differ, *changed* when any
   other cell does (``中国`` still GPE but normalized differently);
3. of the rest, rows at the same place (the position columns among the
   table's sort keys: paragraph and span) are *changed* (a label or a text
   that differs where the row stands: GPE → ORG, a repaired paragraph);
4. what is left is *removed* or *added*.

Tables are read as streams grouped by ``doc_id`` (their first sort key), so
memory holds one document of each side, whatever the size of the tables.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from rich.console import Console

from pipeline.output import SORT_KEYS, TABLES, cell

#: columns that say where a row is; a row whose other cells are the same elsewhere has moved
POSITION = ("para_no", "start", "end", "raw_start", "raw_end", "seq")
#: what a row says, after doc_id (tables not listed: every column that is not a position)
CONTENT: dict[str, tuple[str, ...]] = {
    "documents": (),  # one row per document
    "paragraphs": ("text",),
    "entities": ("label", "text"),
    "claims": ("text",),
    "quotes": ("text",),
    "captions": ("text",),
    "credits": ("role", "name"),
    "repairs": ("kind", "before", "after"),
    "tokens": ("text",),
}
KINDS = ("added", "removed", "changed", "moved")

Row = dict[str, str]


class DiffError(Exception):
    """Folders that cannot be compared; the message says why."""


class TableDiff(NamedTuple):
    table: str
    old_rows: int
    new_rows: int
    counts: Counter  # added, removed, changed, moved, unchanged
    examples: dict[str, list]  # kind -> rows (added, removed) or (old, new) pairs, up to the limit
    notes: list[str]  # tables or columns on one side only

    @property
    def differs(self) -> bool:
        """Rows that differ, or a table or columns on one side only (rows are compared on the common columns)."""
        return bool(self.notes) or any(self.counts[k] for k in KINDS)


def content_columns(table: str, columns: list[str]) -> tuple[str, ...]:
    """
    >>> content_columns("entities", ["doc_id", "para_no", "start", "end", "text", "label", "normalized"])
    ('label', 'text')
    >>> content_columns("numbers", ["doc_id", "para_no", "start", "end", "text", "value"])
    ('text', 'value')
    """
    if table in CONTENT:
        return tuple(c for c in CONTENT[table] if c in columns)
    return tuple(c for c in columns if c != "doc_id" and c not in POSITION)


def place_columns(table: str, columns: list[str]) -> tuple[str, ...]:
    """Where a row stands: the position columns among the table's sort keys (all of them if it has none).

    >>> place_columns("paragraphs", ["doc_id", "para_no", "text", "raw_start", "raw_end"])
    ('para_no',)
    """
    place = tuple(c for c in SORT_KEYS.get(table, ()) if c in POSITION and c in columns)
    return place or tuple(c for c in POSITION if c in columns)


def diff_document(table: str, columns: list[str], old: list[Row], new: list[Row]) -> dict[str, list]:
    """One document's rows of one table, compared (rows as dicts of the columns both sides have).

    >>> old = [{"doc_id": "d", "para_no": "1", "start": "0", "end": "2", "text": "中国", "label": "GPE"},
    ...        {"doc_id": "d", "para_no": "1", "start": "5", "end": "7", "text": "北京", "label": "GPE"}]
    >>> new = [{**old[0], "label": "ORG"}, {**old[1], "start": "6", "end": "8"}]
    >>> d = diff_document("entities", list(old[0]), old, new)
    >>> [(o["label"], n["label"]) for o, n in d["changed"]], [(o["start"], n["start"]) for o, n in d["moved"]]
    ([('GPE', 'ORG')], [('5', '6')])
    >>> len(d["unchanged"]), len(d["added"]), len(d["removed"])
    (0, 0, 0)
    """
    result: dict[str, list] = {kind: [] for kind in (*KINDS, "unchanged")}
    old_left, new_left = _unmatched_exact(old, new, columns, result["unchanged"])
    content = ("doc_id", *content_columns(table, columns))
    position = ("doc_id", *place_columns(table, columns))
    others = [c for c in columns if c not in POSITION]
    by_content = {key: row for key, row in _occurrences(new_left, content)}
    old_rest = []
    for key, row in _occurrences(old_left, content):
        match = by_content.pop(key, None)
        if match is None:
            old_rest.append(row)
        else:
            same = all(row[c] == match[c] for c in others)
            result["moved" if same else "changed"].append((row, match))
    new_rest = list(by_content.values())
    if len(position) > 1:
        by_position = defaultdict(list)
        for row in new_rest:
            by_position[tuple(row[c] for c in position)].append(row)
        still_old = []
        for row in old_rest:
            candidates = by_position.get(tuple(row[c] for c in position))
            if candidates:
                result["changed"].append((row, candidates.pop(0)))
            else:
                still_old.append(row)
        paired = {id(n) for _, n in result["changed"]}
        old_rest, new_rest = still_old, [r for r in new_rest if id(r) not in paired]
    result["removed"], result["added"] = old_rest, new_rest
    return result


def _unmatched_exact(old: list[Row], new: list[Row], columns: list[str], unchanged: list) -> tuple[list[Row], list[Row]]:
    """Rows of each side without an identical row on the other (as multisets)."""
    old_left, matched = _without(old, new, columns)
    unchanged.extend(matched)
    return old_left, _without(new, old, columns)[0]


def _without(rows: list[Row], others: list[Row], columns: list[str]) -> tuple[list[Row], list[Row]]:
    """(rows with no identical row among ``others``, rows with one), each of ``others`` used once."""
    counts = Counter(tuple(r[c] for c in columns) for r in others)
    left, matched = [], []
    for row in rows:
        key = tuple(row[c] for c in columns)
        if counts[key] > 0:
            counts[key] -= 1
            matched.append(row)
        else:
            left.append(row)
    return left, matched


def _occurrences(rows: list[Row], content: tuple[str, ...]) -> Iterator[tuple[tuple, Row]]:
    """(content + occurrence number of that content in the document, row), in table order."""
    seen: Counter = Counter()
    for row in rows:
        key = tuple(row[c] for c in content)
        seen[key] += 1
        yield (*key, seen[key]), row


def diff_folders(old: Path, new: Path, tables: list[str] | None = None, limit: int = 20) -> list[TableDiff]:
    for folder in (old, new):
        if not folder.is_dir():
            raise DiffError(f"{folder} is not an output folder")
    present = _tables_in(old) | _tables_in(new)
    if not present:
        raise DiffError(f"neither {old} nor {new} holds any table")
    unknown = set(tables or ()) - set(TABLES) - present
    if unknown:
        raise DiffError(f"unknown table(s): {', '.join(sorted(unknown))}; known: {', '.join(TABLES)}")
    names = tables or [*TABLES, *sorted(present - set(TABLES))]
    return [diff_table(old, new, table, limit) for table in names]


def diff_table(old: Path, new: Path, table: str, limit: int = 20) -> TableDiff:
    """Compare one table of two folders, streaming both document by document."""
    old_reader, new_reader = TableReader(old, table), TableReader(new, table)
    notes = []
    if not old_reader.exists and not new_reader.exists:
        return TableDiff(table, 0, 0, Counter(), {kind: [] for kind in KINDS}, [])
    if not old_reader.exists or not new_reader.exists:
        notes.append(f"only in {new if new_reader.exists else old}")
    columns = [c for c in new_reader.columns if c in old_reader.columns] if old_reader.exists and new_reader.exists else (new_reader.columns or old_reader.columns)
    for side, reader, other in (("OLD", old_reader, new_reader), ("NEW", new_reader, old_reader)):
        only = [c for c in reader.columns if other.exists and c not in other.columns]
        if only:
            notes.append(f"columns only in {side}: {', '.join(only)}")
    counts: Counter = Counter()
    examples: dict[str, list] = {kind: [] for kind in KINDS}
    sizes = Counter()
    for doc_old, doc_new in _aligned(old_reader.documents(columns), new_reader.documents(columns)):
        sizes["old"] += len(doc_old)
        sizes["new"] += len(doc_new)
        for kind, rows in diff_document(table, columns, doc_old, doc_new).items():
            counts[kind] += len(rows)
            if kind in examples and len(examples[kind]) < limit:
                examples[kind] += rows[: limit - len(examples[kind])]
    return TableDiff(table, sizes["old"], sizes["new"], counts, examples, notes)


def _aligned(old: Iterator[tuple[str, list[Row]]], new: Iterator[tuple[str, list[Row]]]) -> Iterator[tuple[list[Row], list[Row]]]:
    """Both sides' documents merged on doc_id (both streams are in doc_id order)."""
    old_item, new_item = next(old, None), next(new, None)
    while old_item or new_item:
        if new_item is None or (old_item is not None and old_item[0] < new_item[0]):
            yield old_item[1], []
            old_item = next(old, None)
        elif old_item is None or new_item[0] < old_item[0]:
            yield [], new_item[1]
            new_item = next(new, None)
        else:
            yield old_item[1], new_item[1]
            old_item, new_item = next(old, None), next(new, None)


def _tables_in(folder: Path) -> set[str]:
    return {p.stem for p in folder.iterdir() if p.suffix in (".csv", ".parquet") and not p.name.startswith(".")}


class TableReader:
    """One table of an output folder, CSV or Parquet, as rows of text cells grouped by document."""

    def __init__(self, folder: Path, table: str) -> None:
        self.table = table
        self.path = self._find(folder, table)
        self.exists = self.path is not None
        self.columns: list[str] = self._columns() if self.path else []

    @staticmethod
    def _find(folder: Path, table: str) -> Path | None:
        preferred = "csv"
        try:
            preferred = json.loads((folder / "run.json").read_text(encoding="utf-8")).get("format", "csv")
        except (OSError, ValueError):
            pass
        for suffix in (preferred, "csv", "parquet"):
            if (folder / f"{table}.{suffix}").is_file():
                return folder / f"{table}.{suffix}"
        return None

    def _columns(self) -> list[str]:
        assert self.path is not None
        try:
            if self.path.suffix == ".parquet":
                import pyarrow.parquet as pq

                return list(pq.read_schema(self.path).names)
            with self.path.open(encoding="utf-8", newline="") as f:
                return next(csv.reader(f), [])
        except (OSError, UnicodeDecodeError, csv.Error, ImportError, ValueError) as e:
            raise DiffError(f"{self.path}: cannot read it ({e})") from None

    def rows(self, columns: list[str]) -> Iterator[Row]:
        if self.path is None:
            return
        if self.path.suffix == ".parquet":
            yield from self._parquet_rows(columns)
            return
        try:
            with self.path.open(encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                header = next(reader, [])
                index = [header.index(c) for c in columns]
                for line, record in enumerate(reader, start=2):
                    if len(record) != len(header):
                        raise DiffError(f"{self.path}, line {line}: {len(record)} cells, the header has {len(header)}")
                    yield {c: record[i] for c, i in zip(columns, index)}
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            raise DiffError(f"{self.path}: cannot read it ({e})") from None

    def _parquet_rows(self, columns: list[str]) -> Iterator[Row]:
        import pyarrow.parquet as pq

        try:
            for batch in pq.ParquetFile(self.path).iter_batches(columns=columns):
                for record in batch.to_pylist():
                    yield {c: cell(v) for c, v in record.items()}
        except (OSError, ValueError) as e:
            raise DiffError(f"{self.path}: cannot read it ({e})") from None

    def documents(self, columns: list[str]) -> Iterator[tuple[str, list[Row]]]:
        """(doc_id, its rows), in doc_id order; a table out of that order is an error (not written by a run)."""
        previous = None
        for doc_id, rows in groupby(self.rows(columns), key=lambda r: r["doc_id"]):
            if previous is not None and doc_id <= previous:
                raise DiffError(f"{self.path}: rows are not in doc_id order ({doc_id!r} after {previous!r})")
            previous = doc_id
            yield doc_id, list(rows)


def _describe(row: Row, table: str, width: int = 60) -> str:
    position = " ".join(f"{c}={row[c]}" for c in POSITION if c in row)
    content = content_columns(table, list(row))
    said = " ".join(_clip(row[c], width) for c in content if row[c])
    rest = " ".join(f"{c}={_clip(row[c], width)!r}" for c in row if c not in content and c not in POSITION and c != "doc_id" and row[c])
    return "  ".join(part for part in (row.get("doc_id", ""), position, said, rest) if part)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _changes(old: Row, new: Row) -> str:
    return "; ".join(f"{c}: {_change(old.get(c, ''), new[c])}" for c in new if old.get(c) != new[c])


def _change(before: str, after: str, context: int = 12) -> str:
    """Both values, or for long text only the part that differs, with some context.

    >>> _change("GPE", "ORG")
    "'GPE' -> 'ORG'"
    >>> spring = "各地农民抢抓农时，积极开展备耕生产，全省春耕进展顺利，粮食播种面积稳定在去年的水平以上。"
    >>> _change(spring, "据悉，" + spring)
    '[-][+据悉，]各地农民抢抓农时，积极开…'
    >>> _change(spring, spring.replace("全省", "全市"))
    '…时，积极开展备耕生产，全[-省][+市]春耕进展顺利，粮食播种面…'
    """
    if len(before) + len(after) <= 80:
        return f"{before!r} -> {after!r}"
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    head = ("…" if start > context else "") + before[max(start - context, 0):start]
    tail = before[len(before) - end:][:context] + ("…" if end > context else "")
    return f"{head}[-{before[start:len(before) - end]}][+{after[start:len(after) - end]}]{tail}"


def render_diff(diffs: list[TableDiff], console: Console) -> None:
    """A summary line per table, then the example rows of each kind."""
    width = max(len(d.table) for d in diffs)
    for d in diffs:
        notes = f"  ({'; '.join(d.notes)})" if d.notes else ""
        if not any(d.counts[k] for k in KINDS):
            console.print(f"{d.table:<{width}}  no change ({d.new_rows:,} rows){notes}", markup=False)
            continue
        c = d.counts
        console.print(
            f"{d.table:<{width}}  {d.old_rows:,} -> {d.new_rows:,} rows: +{c['added']:,} added, -{c['removed']:,} removed, "
            f"~{c['changed']:,} changed, >{c['moved']:,} moved, {c['unchanged']:,} unchanged{notes}",
            markup=False, soft_wrap=True,
        )
    for d in diffs:
        if not any(d.examples.values()):
            continue
        console.print(f"\n{d.table}", style="bold", markup=False)
        for row in d.examples["removed"]:
            console.print(f"  - {_describe(row, d.table)}", style="red", markup=False, soft_wrap=True)
        for row in d.examples["added"]:
            console.print(f"  + {_describe(row, d.table)}", style="green", markup=False, soft_wrap=True)
        for old, new in d.examples["changed"]:
            console.print(f"  ~ {_describe(old, d.table)}\n      {_changes(old, new)}", style="yellow", markup=False, soft_wrap=True)
        for old, new in d.examples["moved"]:
            console.print(f"  > {_describe(old, d.table)}\n      {_changes(old, new)}", style="cyan", markup=False, soft_wrap=True)
