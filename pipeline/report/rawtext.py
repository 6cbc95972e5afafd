"""The raw OCR text beside the repaired text, every repair marked where it was made.

repairs.csv gives each repair's raw offsets; paragraphs.csv each block's raw_start. The
raw text is cut into rows at the blocks' raw starts, in raw order, so every raw character
is shown exactly once, next to the block that starts there: a displaced tail shows where
OCR printed it (after the captions), marked as moved, while the repaired block it went
back to is on its own row. A repair that crosses a row boundary is marked on both rows;
an insertion (raw_start = raw_end) is a caret at its offset.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Sequence
from html import escape
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from pipeline.corpus import UnreadableDocument, decode
from pipeline.report.tables import as_int

#: repair kinds with a colour of their own in the stylesheet; others are drawn as "other"
KINDS = frozenset({
    "space", "separator", "punctuation", "quote", "width", "dash", "column_break", "paragraph_split",
    "tail_reattached", "displaced_tail", "junk",
})
#: how invisible characters inside a marked repair are shown
VISIBLE = {"\n": "↵\n", "\t": "⇥", "\r": "␍"}


class Repair(NamedTuple):
    number: int  # the row's position among the document's repairs, from 0
    kind: str
    start: int
    end: int
    before: str
    after: str
    confidence: str


class Row(NamedTuple):
    para_no: int | None
    html: str


def repairs_of(rows: list[Any], length: int | None) -> tuple[list[Repair], int]:
    """The repair rows that fit a raw text of ``length`` characters, and how many did not
    (without the raw text, ``length`` None, every row with offsets fits).

    >>> from pipeline.report.tables import ROW_TYPES
    >>> row = ROW_TYPES["repairs"]._make
    >>> repairs_of([row(["d", "space", "2", "3", " ", "", "1"]), row(["d", "dash", "9", "12", "一", "—", "1"])], 10)
    ([Repair(number=0, kind='space', start=2, end=3, before=' ', after='', confidence='1')], 1)
    """
    repairs, misfits = [], 0
    for number, row in enumerate(rows):
        start, end = as_int(row.raw_start), as_int(row.raw_end)
        if start is None or end is None or not 0 <= start <= end <= (end if length is None else length):
            misfits += 1
            continue
        repairs.append(Repair(number, row.kind, start, end, row.before, row.after, row.confidence))
    return repairs, misfits


def rows(raw: str, paragraphs: Sequence[tuple[int | None, int | None]], repairs: list[Repair]) -> list[Row]:
    """The raw text cut at each paragraph's raw start, ``(para_no, raw_start)`` pairs.

    Text before the first paragraph goes to the first row; without usable raw starts
    (an older folder) the whole text is one row.

    >>> [r.para_no for r in rows("标题\\n\\n正文", [(1, 0), (2, 4)], [])]
    [1, 2]
    >>> rows("标题\\n\\n正文", [(1, 0), (2, 4)], [])[0].html
    '标题\\n\\n'
    """
    starts = sorted((start, para_no) for para_no, start in paragraphs if start is not None and 0 <= start <= len(raw))
    if not starts or len(starts) < len(paragraphs):
        return [Row(None, mark(raw, 0, len(raw), repairs, last=True))]
    cuts = [0] + [start for start, _ in starts[1:]] + [len(raw)]
    by_row: list[list[Repair]] = [[] for _ in starts]
    for repair in repairs:  # each repair to the rows it touches, not every repair to every row
        first = min(bisect_right(cuts, repair.start) - 1, len(starts) - 1)
        last = min(bisect_right(cuts, repair.end - 1) - 1, len(starts) - 1) if repair.end > repair.start else first
        for i in range(first, last + 1):
            by_row[i].append(repair)
    return [
        Row(para_no, mark(raw, cuts[i], cuts[i + 1], by_row[i], last=i == len(starts) - 1))
        for i, (_, para_no) in enumerate(starts)
    ]


def mark(raw: str, start: int, end: int, repairs: list[Repair], last: bool = False, inside: bool = False) -> str:
    """``raw[start:end]`` as HTML, each repair in it marked with its kind and edit.

    A repair inside another (the punctuation fixed in a displaced tail) is marked inside
    it; one that crosses another's end is marked from there. An insertion belongs to the
    row where it falls (the last row also takes one at the very end of the text).

    >>> r = [Repair(0, "space", 2, 3, " ", "", "1"), Repair(1, "tail_reattached", 5, 5, "", "尾", "0.7")]
    >>> html = mark("互联 网发展", 0, 6, r)
    >>> html.count('data-repair="0"'), html.count('data-repair="1"'), html.startswith("互联<mark")
    (1, 1, True)
    >>> mark("互联 网", 3, 4, r)
    '网'
    >>> nested = mark("尾,巴", 0, 3, [Repair(0, "displaced_tail", 0, 3, "尾,巴", "", "0.7"),
    ...                                 Repair(1, "punctuation", 1, 2, ",", "，", "1")])
    >>> nested.index('data-repair="1"') < nested.index("</mark>")
    True
    """
    pending = sorted(
        (r for r in repairs if _falls_in(r, start, end, last)), key=lambda r: (r.start, -r.end, r.number)
    )
    parts, cursor, i = [], start, 0
    while i < len(pending):
        repair = pending[i]
        i += 1
        lo, hi = max(repair.start, cursor), min(repair.end, end)
        if hi < lo:  # crossed by the end of a repair already marked: a caret where that ends
            hi = lo
        inner = []
        while i < len(pending) and lo <= pending[i].start and pending[i].end <= hi and _falls_in(pending[i], lo, hi):
            inner.append(pending[i])
            i += 1
        parts.append(_text(raw[cursor:lo], inside))
        parts.append(_marked(repair, mark(raw, lo, hi, inner, inside=True)))
        cursor = hi
    parts.append(_text(raw[cursor:end], inside))
    return "".join(parts)


def _falls_in(repair: Repair, start: int, end: int, last: bool = False) -> bool:
    """Whether a repair is drawn in ``[start, end)``: overlapping it, or inserting there."""
    if repair.start == repair.end:
        return start <= repair.start < end or (last and repair.start == end)
    return repair.start < end and repair.end > start


def _text(text: str, inside: bool) -> str:
    """Raw text as HTML; inside a repair, invisible characters are shown."""
    return escape("".join(VISIBLE.get(c, c) for c in text) if inside else text)


def _marked(repair: Repair, html: str) -> str:
    kind = repair.kind if repair.kind in KINDS else "other"
    effect = "del" if not repair.after else ("ins" if not repair.before else "sub")
    title = f"{repair.kind}: {visible(repair.before)} → {visible(repair.after)}"
    if repair.confidence not in ("", "1"):
        title += f" (confidence {repair.confidence})"
    attributes = (
        f'class="rp rp-{kind} rp-{effect}" data-repair="{repair.number}" '
        f'title="{escape(title)}" data-after="{escape(visible(repair.after, 12))}"'
    )
    if not html:
        return f"<ins {attributes}>⁁</ins>"
    return f"<mark {attributes}>{html}</mark>"


def visible(text: str, limit: int = 40) -> str:
    """An edit's text for a tooltip: invisible characters named, long text cut.

    >>> visible(" "), visible("\\n\\n"), visible(""), visible("一二三四五", 3)
    ('␣', '↵↵', '∅', '一二…')
    """
    if not text:
        return "∅"
    shown = text.replace(" ", "␣").replace("\u3000", "□").replace("\n", "↵").replace("\t", "⇥").replace("\r", "␍")
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class Raw(NamedTuple):
    text: str | None
    #: why the raw text is not shown, when it is not
    note: str


def read_raw(corpus: Path | None, path: str, sha256: str) -> Raw:
    """A document's raw text from the corpus folder, or the reason it cannot be shown.

    The file must be the one the run read (same sha256, when documents.csv records it):
    repair offsets into a changed file would mark the wrong characters.

    >>> read_raw(Path("corpus"), "../secret.txt", "").note
    "raw text not shown: path '../secret.txt' leads outside the corpus folder"
    >>> read_raw(None, "a.txt", "").note
    'raw text not shown: give the corpus folder with --corpus'
    """
    if corpus is None:
        return Raw(None, "raw text not shown: give the corpus folder with --corpus")
    if not path:
        return Raw(None, "raw text not shown: documents.csv gives no path for this document")
    relative = PurePath(path)
    if relative.is_absolute() or ".." in relative.parts:  # a path of `pipeline run` never is
        return Raw(None, f"raw text not shown: path {path!r} leads outside the corpus folder")
    file = corpus / relative
    try:
        data = file.read_bytes()
    except OSError as e:
        return Raw(None, f"raw text not shown: {file} cannot be read ({e.strerror})")
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return Raw(None, f"raw text not shown: {file} has changed since the run (sha256 differs)")
    try:
        text, _ = decode(data)
    except UnreadableDocument as e:
        return Raw(None, f"raw text not shown: {file}: {e}")
    return Raw(text, "")
