"""Paragraphs cut by a column or page break, joined again.

OCR reads each column on its own, so a paragraph that runs over a column
break comes out as two blocks separated by blank lines, the first ending
mid-sentence (``…带来的新机`` / ``遇，拓展…``).  A body block that does not end
a sentence is joined to the body block that follows it; headings, captions
and credits are never joined, nor a block that starts a unit of its own (a
bullet, a dateline: ``新华社北京1月2日电``).
"""

from __future__ import annotations

from pipeline.layout import HEADING_MAX, PHOTO_KINDS, ends_mid_sentence, ends_sentence
from pipeline.records import Edit
from pipeline.repair.junction import word_spans_junction
from pipeline.repair.lines import gap_edits, starts_unit
from pipeline.repair.tails import Draft

#: confidence of a caption moved past the rest of the paragraph it cut
MOVE_CONFIDENCE = 0.8


def _verse(left: str, right: str) -> bool:
    """Two short lines that no word runs across (从山冈，从河谷， / 从岁月的深处)."""
    short = len(left) <= HEADING_MAX and len(right) <= HEADING_MAX
    # a line of verse may end on 的 or 在, never on a conjunction (…由某大学和)
    return short and not ends_mid_sentence(left, ("c",)) and not word_spans_junction(left, right, new_words=False)


def join_column_breaks(
    drafts: list[Draft], raw: str, paragraph_starts: frozenset[int] = frozenset()
) -> tuple[list[Draft], list[Edit]]:
    """Join each unfinished body block with the body block after it (unless that one is known to
    start a paragraph: an indented first line).

    A photo's caption and credit printed between the two halves (the photo cut the column) are
    held back and put after the paragraph once it ends, each move logged.

    >>> from pipeline.repair.mapped import Mapped
    >>> raw = "镇上修通了三条公路以后，运菜进城的时间比过去少了一半，菜价也稳了下来，这一年里农民的收入\\n\\n图为新修的公路。\\n（李四摄）\\n\\n明显增加了。"
    >>> drafts = [Draft(Mapped.from_raw(t, raw.index(t)), k, 1) for t, k in
    ...           [("镇上修通了三条公路以后，运菜进城的时间比过去少了一半，菜价也稳了下来，这一年里农民的收入", "body"), ("图为新修的公路。", "caption"), ("（李四摄）", "credit"), ("明显增加了。", "body")]]
    >>> drafts, edits = join_column_breaks(drafts, raw)
    >>> [(d.kind, d.text.text) for d in drafts]
    [('body', '镇上修通了三条公路以后，运菜进城的时间比过去少了一半，菜价也稳了下来，这一年里农民的收入明显增加了。'), ('caption', '图为新修的公路。'), ('credit', '（李四摄）')]
    >>> [(e.kind, e.raw_start, e.after) for e in edits]
    [('block_moved', 46, ''), ('block_placed', 68, '图为新修的公路。'), ('block_moved', 55, ''), ('block_placed', 68, '（李四摄）')]
    """
    joined: list[Draft] = []
    edits: list[Edit] = []
    held: list[Draft] = []  # captions and credits printed inside the unfinished paragraph before them
    moved = False  # has that paragraph gone on past them?
    for draft in drafts:
        previous = joined[-1] if joined else None
        if draft.kind in PHOTO_KINDS and previous is not None and previous.kind == "body" and not ends_sentence(previous.text.text):
            held.append(draft)
            continue
        if previous is not None and _continues(previous, draft, paragraph_starts):
            edits += gap_edits("column_break", previous, draft, raw)
            joined[-1] = Draft(previous.text + draft.text, "body", previous.blank_lines_before)
            moved = moved or bool(held)
            continue
        _put_back(joined, held, moved, raw, edits)
        held, moved = [], False
        joined.append(draft)
    _put_back(joined, held, moved, raw, edits)
    return joined, edits


def _continues(previous: Draft, draft: Draft, paragraph_starts: frozenset[int]) -> bool:
    """Does body ``draft`` go on with the unfinished body block ``previous``?"""
    return (
        previous.kind == "body"
        and draft.kind == "body"
        and (not ends_sentence(previous.text.text) or in_open_quotation(previous.text.text, draft.text.text))
        and not (previous.text.text[-1].isdigit() and draft.text.text[0].isdigit())
        and not _verse(previous.text.text, draft.text.text)
        and not starts_unit(draft.text.text)
        and draft.text.offsets[0] not in paragraph_starts
    )


def _put_back(joined: list[Draft], held: list[Draft], moved: bool, raw: str, edits: list[Edit]) -> None:
    """The held captions and credits after the paragraph they cut, each logged as moved if it went on past them."""
    if moved:
        anchor = joined[-1].text.offsets[-1] + 1
        for draft in held:
            start, end = draft.text.offsets[0], draft.text.offsets[-1] + 1
            edits += [Edit("block_moved", start, end, raw[start:end], "", MOVE_CONFIDENCE),
                      Edit("block_placed", anchor, anchor, "", raw[start:end], MOVE_CONFIDENCE)]
    joined.extend(held)


def in_open_quotation(text: str, after: str) -> bool:
    """Does ``text`` end inside a quotation that ``after`` closes (a column break after a sentence
    end inside a quotation: the speaker's name comes after the closing mark)?  A paragraph that
    opens with a quotation mark goes on with a quotation of several paragraphs, each opened anew.

    >>> in_open_quotation("他说：“今年要修三条路。", "明年再修两条。”镇长说。")
    True
    >>> in_open_quotation('他说:"今年要修三条路。', '明年再修两条。"镇长说。'), in_open_quotation("今年要修三条路。", "“明年”再说。")
    (True, False)
    >>> in_open_quotation('他说:"今年要修三条路。', '"明年再修两条。"'), in_open_quotation("他说：“今年要修三条路。", "“明年再修两条。”")
    (False, False)
    """
    curly_open = text.count("“") > text.count("”") and _first_mark(after) == "”"
    straight_open = text.count('"') % 2 == 1 and after.count('"') % 2 == 1 and not after.lstrip().startswith('"')
    return curly_open or straight_open


def _first_mark(text: str) -> str:
    return next((ch for ch in text if ch in "“”"), "")
