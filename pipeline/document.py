"""One document through every stage: decode, repair, layout, nlp, extraction, rows.

:func:`process` is a plain function of its inputs (no shared state), so a
document can be processed in a worker process; it returns the rows of every
table for that document, as plain dicts ready for JSON (the resume cache) and
for CSV.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from typing import Any

from pipeline.blocks import doc_tokens, find_in_block
from pipeline.corpus import UnreadableDocument, decode
from pipeline.extract.captions import find_captions
from pipeline.extract.credits import dateline, find_credits, title_and_headings
from pipeline.extract.dates import DateMention, dateline_before, dateline_date, find_dates, latest_of, masthead_date
from pipeline.extract.entities import find_document_entities
from pipeline.extract.quotes import find_quotes
from pipeline.output import TABLES, cell
from pipeline.records import Block, Edit
from pipeline.repair import repair
from pipeline.segment import segment

Rows = dict[str, list[dict[str, Any]]]
_BLANK = re.compile(r"\s")  # what ``str.isspace`` is true of


def choose_reference_date(
    text: str, metadata_date: dt.date | None, cli_date: dt.date | None
) -> tuple[dt.date | None, str]:
    """The date that year-less dates (11月7日) and 今年 resolve against, and where it came from.

    Order: the corpus's metadata.csv, ``--reference-date``, the dateline
    (本报北京3月5日电, its year from the page's own date at its head, else from the latest full date
    in the text, else the year the text names most often), the page's own date, the latest full
    date mentioned; else none.

    >>> choose_reference_date("本报北京3月5日电 2024年春耕开始，2023年…2024年", None, None)
    (datetime.date(2024, 3, 5), 'dateline')
    >>> choose_reference_date("人民日报 2020年5月29日 星期五\\n本报北京5月28日电 自2021年1月1日起施行", None, None)
    (datetime.date(2020, 5, 28), 'dateline')
    >>> choose_reference_date("人民日报 2020年5月29日 星期五\\n自2021年1月1日起施行", None, None)
    (datetime.date(2020, 5, 29), 'masthead')
    >>> choose_reference_date("会议于2023年11月8日举行。", None, None)
    (datetime.date(2023, 11, 8), 'latest_date')
    """
    if metadata_date:
        return metadata_date, "metadata"
    if cli_date:
        return cli_date, "option"
    # the blocks' dates without a reference, read once for both tests below (their atoms are cached for the dates stage)
    mentions = [find_dates(line) for line in text.splitlines()]
    latest = max(filter(None, map(latest_of, mentions)), default=None)
    masthead = masthead_date(text)
    printed = dateline_before(text, masthead) if masthead else dateline_date(text, latest.year if latest else _usual_year(mentions))
    if printed:
        return printed, "dateline"
    if masthead:
        return masthead, "masthead"
    if latest:
        return latest, "latest_date"
    return None, "none"


def _usual_year(mentions: list[list[DateMention]]) -> int | None:
    """The year the lines' dates name most often (the later one on a tie)."""
    years = Counter(int(d.normalized[:4]) for dates in mentions for d in dates if d.normalized[:4].isdigit())
    return max(years, key=lambda y: (years[y], y)) if years else None


def _empty_rows(doc_id: str, path: str, data: bytes) -> Rows:
    rows: Rows = {table: [] for table in TABLES}
    rows["documents"].append({
        "doc_id": doc_id, "path": path, "sha256": hashlib.sha256(data).hexdigest(),
        "status": "ok", "error": "", "encoding": "", "n_chars": 0, "n_paragraphs": 0,
        "reference_date": "", "reference_source": "", "dateline_date": "", "title": "", "headings": "",
    })
    return rows


def failed(doc_id: str, path: str, data: bytes, reason: str) -> Rows:
    """The rows of a document that could not be processed: its documents row says why."""
    rows = _empty_rows(doc_id, path, data)
    rows["documents"][0].update(status="error", error=reason)
    return rows


def process(
    doc_id: str, path: str, data: bytes, metadata_date: dt.date | None, cli_date: dt.date | None
) -> Rows:
    """All table rows for one document; an unreadable one gives a documents row with the reason.

    A row is a dict of its cells (int or str), except the tokens': a tuple in the table's column order, since a
    document has about one token for every two characters and a dict each would cost more than
    the segmentation."""
    try:
        raw, encoding = decode(data)
    except UnreadableDocument as e:
        return failed(doc_id, path, data, str(e))
    rows = _empty_rows(doc_id, path, data)
    document = rows["documents"][0]
    document["encoding"] = encoding

    repaired = repair(raw)
    blocks = repaired.blocks
    reference, source = choose_reference_date(repaired.text, metadata_date, cli_date)
    title, headings = title_and_headings(blocks)
    printed = dateline(blocks)
    document.update(
        n_chars=len(raw), n_paragraphs=len(blocks), reference_date=cell(reference),
        reference_source=source, title=title, headings=" | ".join(headings),
        dateline_date=cell(dateline_date(repaired.text, reference.year)) if printed and reference else "",
    )
    rows["repairs"] = _repair_rows(doc_id, repaired.edits)

    persons = {}
    tokens = [segment(block.text) for block in blocks]  # the one segmentation every stage reads
    names = find_document_entities([block.text for block in blocks], tokens)
    for index, block in enumerate(blocks):
        para_no = index + 1
        rows["paragraphs"].append(
            {"doc_id": doc_id, "para_no": para_no, "kind": block.kind, "text": block.text,
             "raw_start": block.raw_start, "raw_end": block.raw_end, "quality": block.quality}
        )
        words = doc_tokens(tokens[index], names[index])
        entities, numbers, claims = find_in_block(block.text, reference, names[index], words)
        if _BLANK.search(block.text):  # blank tokens are not rows; most blocks have none to drop
            rows["tokens"] += [(doc_id, para_no, start, end, text) for text, _, start, end in words if not text.isspace()]
        else:
            rows["tokens"] += [(doc_id, para_no, start, end, text) for text, _, start, end in words]
        rows["entities"] += _located(doc_id, para_no, block, entities, plain=False)
        rows["numbers"] += _located(doc_id, para_no, block, numbers, plain=True)
        rows["claims"] += _located(doc_id, para_no, block, claims, plain=True)
        persons[index] = [e for e in entities if e.label == "PERSON"]

    rows["quotes"] = [{"doc_id": doc_id, **q._asdict()} for q in find_quotes(blocks, persons, tokens)]
    rows["captions"] = [{"doc_id": doc_id, **c._asdict()} for c in find_captions(blocks)]
    rows["credits"] = [{"doc_id": doc_id, **c._asdict()} for c in find_credits(blocks)]
    return rows


def _located(doc_id: str, para_no: int, block: Block, records, plain: bool) -> list[dict[str, Any]]:
    """The rows of a block's mentions, with where each lies in the raw file (through the repair's
    offset map); ``plain``: the records hold Decimals, written as their text."""
    offsets = block.offsets
    rows = []
    for r in records:
        row = {"doc_id": doc_id, "para_no": para_no, "raw_start": offsets[r.start], "raw_end": offsets[r.end - 1] + 1}
        # a Decimal is one cell in a few: the test inline, not a call per cell
        row.update(zip(r._fields, [v if isinstance(v, (int, str)) else cell(v) for v in r] if plain else r))
        rows.append(row)
    return rows


def _repair_rows(doc_id: str, edits: list[Edit]) -> list[dict[str, Any]]:
    """The rows of the repairs table, the confidence as its text (a page of full-width digits has an edit for
    every digit: one dict display each, not a generic conversion of every cell)."""
    return [
        {"doc_id": doc_id, "kind": kind, "raw_start": raw_start, "raw_end": raw_end, "before": before, "after": after,
         "confidence": confidence if isinstance(confidence, (int, str)) else cell(confidence)}
        for kind, raw_start, raw_end, before, after, confidence in edits
    ]
