"""Paragraphs cut by a column or page break, joined again.

OCR reads each column on its own, so a paragraph that runs over a column
break comes out as two blocks separated by blank lines, the first ending
mid-sentence (``…带来的新机`` / ``遇，拓展…``).  A body block that does not end
a sentence is joined to the body block that follows it; headings, captions
and credits are never joined, nor a block that starts a unit of its own (a
bullet, a dateline: ``新华社北京1月2日电``).
"""

from __future__ import annotations

from pipeline.layout import HEADING_MAX, ends_mid_sentence, ends_sentence
from pipeline.records import Edit
from pipeline.repair.junction import word_spans_junction
from pipeline.repair.lines import gap_edits, starts_unit
from pipeline.repair.tails import Draft


def _verse(left: str, right: str) -> bool:
    """Two short lines that no word runs across (从山冈，从河谷， / 从岁月的深处)."""
    short = len(left) <= HEADING_MAX and len(right) <= HEADING_MAX
    # a line of verse may end on 的 or 在, never on a conjunction (…由某大学和)
    return short and not ends_mid_sentence(left, ("c",)) and not word_spans_junction(left, right, new_words=False)


def join_column_breaks(
    drafts: list[Draft], raw: str, paragraph_starts: frozenset[int] = frozenset()
) -> tuple[list[Draft], list[Edit]]:
    """Join each unfinished body block with the body block after it (unless that one is known to
    start a paragraph: an indented first line)."""
    joined: list[Draft] = []
    edits: list[Edit] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "body"
            and draft.kind == "body"
            and not ends_sentence(previous.text.text)
            and not (previous.text.text[-1].isdigit() and draft.text.text[0].isdigit())
            and not _verse(previous.text.text, draft.text.text)
            and not starts_unit(draft.text.text)
            and draft.text.offsets[0] not in paragraph_starts
        ):
            edits += gap_edits("column_break", previous, draft, raw)
            joined[-1] = Draft(previous.text + draft.text, "body", previous.blank_lines_before)
        else:
            joined.append(draft)
    return joined, edits
