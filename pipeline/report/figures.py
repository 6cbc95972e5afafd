"""The overview's figures: counts, distributions and top-N lists over a whole folder.

Computed from the grouped rows of :mod:`pipeline.report.tables` in one pass per table.
An entity is counted by its label and its canonical name (``normalized``, else the text
as printed), so 浙江 and 浙江省 are one GPE and every date of 8 November 2023 one DATE.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.report.tables import Folder, as_int

#: name shown for an empty unit or kind
NONE = "(none)"


class Entity(NamedTuple):
    """One entity across the folder: its mentions and the documents that mention it."""

    label: str
    name: str
    mentions: int
    doc_ids: tuple[str, ...]
    #: the forms printed for it, when they differ from the name (浙江 for 浙江省)
    forms: tuple[str, ...]


class Flagged(NamedTuple):
    """A paragraph whose OCR was flagged (quality other than ok)."""

    doc_id: str
    para_no: int | None
    quality: str
    text: str


@dataclass
class Overview:
    documents: int
    ok: int
    failed: int
    #: documents that only other tables name (no documents.csv row, so no status)
    unknown: int
    failed_documents: list[tuple[str, str]]
    #: rows per table, every table of the folder
    records: dict[str, int | None]
    paragraphs: int
    flagged: list[Flagged]
    labels: Counter
    top_entities: dict[str, list[Entity]]
    units: Counter
    repair_kinds: Counter
    #: whether paragraphs.csv records OCR quality (older folders do not)
    has_quality: bool


def entity_index(folder: Folder) -> list[Entity]:
    """Every distinct (label, name) with its mentions, most mentioned first.

    Ties are broken by label and name, so the index is the same on every run.
    """
    mentions: Counter = Counter()
    documents: dict[tuple[str, str], dict[str, None]] = {}
    forms: dict[tuple[str, str], dict[str, None]] = {}
    for doc_id, rows in folder.rows["entities"].items():
        for row in rows:
            key = (row.label or NONE, row.normalized or row.text)
            mentions[key] += 1
            documents.setdefault(key, {})[doc_id] = None
            if row.text != key[1]:
                forms.setdefault(key, {})[row.text] = None
    ranked = sorted(mentions, key=lambda key: (-mentions[key], key))
    return [
        Entity(label, name, mentions[(label, name)], tuple(documents[(label, name)]), tuple(forms.get((label, name), ())))
        for label, name in ranked
    ]


def overview(folder: Folder, entities: list[Entity], top: int) -> Overview:
    """The figures of the overview page; ``top`` entities are listed per label."""
    statuses = Counter(row.status for row in folder.documents)
    failed = [(row.doc_id, row.error) for row in folder.documents if row.status == "error"]
    flagged = [
        Flagged(doc_id, as_int(row.para_no), row.quality, row.text)
        for doc_id, rows in folder.rows["paragraphs"].items()
        for row in rows
        if row.quality not in ("", "ok")
    ]
    labels: Counter = Counter()
    top_entities: dict[str, list[Entity]] = {}
    for entity in entities:
        labels[entity.label] += entity.mentions
        listed = top_entities.setdefault(entity.label, [])
        if len(listed) < top:
            listed.append(entity)
    return Overview(
        documents=len(folder.documents),
        ok=statuses["ok"],
        failed=statuses["error"],
        unknown=statuses[""],
        failed_documents=failed,
        records=dict(folder.counts),
        paragraphs=folder.counts.get("paragraphs") or 0,
        flagged=flagged,
        labels=labels,
        top_entities=dict(sorted(top_entities.items(), key=lambda item: -labels[item[0]])),
        units=_count(folder, "claims", "unit"),
        repair_kinds=_count(folder, "repairs", "kind"),
        has_quality="quality" not in folder.missing_columns.get("paragraphs", ()),
    )


def _count(folder: Folder, table: str, column: str) -> Counter:
    counts: Counter = Counter()
    for rows in folder.rows[table].values():
        counts.update(getattr(row, column) or NONE for row in rows)
    return counts


def ranked(counts: Counter, limit: int) -> list[tuple[str, int]]:
    """The ``limit`` largest counts, the rest summed as "other", ties by name.

    >>> ranked(Counter({"元": 5, "%": 9, "个": 1, "年": 1}), 2)
    [('%', 9), ('元', 5), ('other (2)', 2)]
    >>> ranked(Counter({"元": 5}), 2)
    [('元', 5)]
    """
    items = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(items) <= limit:
        return items
    rest = items[limit:]
    return items[:limit] + [(f"other ({len(rest)})", sum(n for _, n in rest))]

