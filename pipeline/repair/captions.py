"""A photo caption told by the credit that ends it.

An engine prints a photo's caption as lines of their own, in the block that
ends with the photographer's credit (``（新华社记者王五摄）``).  Once the
block's lines are joined into paragraphs, the paragraph right before the
credit is the caption, with the pieces before it that run on into it (a line
the engine cut short); the block may begin with the end of a body paragraph,
which ends a sentence.  A caption is marked only when it is whole: what comes
before it ends a sentence, or it opens its block and no word runs into it
from the block before (``…警察换`` / ``防。``: the caption's first line is
there); and it is at most ``CAPTION_MAX`` characters.
Marked so, it is never joined to the body around it (a caption glued to the
paragraph the photo cut: ``…1991年成了元月一日，全国政协举行…``).

>>> from pipeline.repair.mapped import Mapped
>>> raw = "镇上修通了三条公路，农民的\\n\\n收入明显增加了。\\n图为新修的\\n公路。\\n（新华社记者王五摄）\\n\\n（李四摄）"
>>> drafts, offset = [], 0
>>> for line, kind, blank in [("镇上修通了三条公路，农民的", "body", 0), ("收入明显增加了。", "body", 1), ("图为新修的", "body", 0),
...                           ("公路。", "body", 0), ("（新华社记者王五摄）", "credit", 0), ("（李四摄）", "credit", 1)]:
...     offset = raw.index(line, offset)
...     drafts.append(Draft(Mapped.from_raw(line, offset), kind, blank))
>>> drafts, edits = mark_captions(drafts, raw)
>>> [(d.kind, d.text.text) for d in drafts]
[('body', '镇上修通了三条公路，农民的'), ('body', '收入明显增加了。'), ('caption', '图为新修的公路。'), ('credit', '（新华社记者王五摄）'), ('credit', '（李四摄）')]
>>> [(e.kind, e.before) for e in edits]
[('line_break', '\\n')]

A credit the engine printed as a block of its own takes the whole block above
it as its caption, when that block ends a sentence and no caption stands before
it (one caption a photo: a body block between them is a paragraph's displaced tail):

>>> raw = "农民的收入\\n\\n明显增加了。\\n\\n图为新修的\\n公路。\\n\\n（李四摄）"
>>> drafts, offset = [], 0
>>> for line, kind, blank in [("农民的收入", "body", 0), ("明显增加了。", "body", 1), ("图为新修的", "body", 1),
...                           ("公路。", "body", 0), ("（李四摄）", "credit", 1)]:
...     offset = raw.index(line, offset)
...     drafts.append(Draft(Mapped.from_raw(line, offset), kind, blank))
>>> [(d.kind, d.text.text) for d in mark_captions(drafts, raw)[0]]
[('body', '农民的收入'), ('body', '明显增加了。'), ('caption', '图为新修的公路。'), ('credit', '（李四摄）')]
"""

from __future__ import annotations

from pipeline.layout import ends_sentence
from pipeline.records import Edit
from pipeline.repair.junction import word_spans_junction
from pipeline.repair.lines import gap_edits
from pipeline.repair.tails import Draft

#: longest caption, in characters (a photo caption is a few lines of a column)
CAPTION_MAX = 150


def mark_captions(drafts: list[Draft], raw: str) -> tuple[list[Draft], list[Edit]]:
    """The caption printed in the same engine block right before each credit, as one draft of kind
    ``caption``, and the line breaks removed inside it."""
    out: list[Draft] = []
    edits: list[Edit] = []
    for draft in drafts:
        first = len(out)
        if draft.kind == "credit" and not draft.blank_lines_before:
            while (
                first > 0
                and out[first - 1].kind in ("body", "caption")
                and (first == len(out) or out[first].blank_lines_before == 0 and not ends_sentence(out[first - 1].text.text))
            ):
                first -= 1
        elif draft.kind == "credit" and out and ends_sentence(out[-1].text.text):
            first = _block_start(out)
            if first and out[first - 1].kind == "caption":  # the credit's caption is printed before: one caption a photo
                first = len(out)
        caption = out[first:]
        if (
            caption
            and _starts_whole(out[first - 1] if first else None, caption[0])
            and sum(len(d.text.text) for d in caption) <= CAPTION_MAX
        ):
            joined = caption[0]._replace(kind="caption")
            for piece in caption[1:]:
                edits += gap_edits("line_break", joined, piece, raw)
                joined = joined._replace(text=joined.text + piece.text)
            out[first:] = [joined]
        out.append(draft)
    return out, edits


def _block_start(out: list[Draft]) -> int:
    """Where the engine block that ends ``out`` starts, when all of it is body text and it is not
    the page's first (its title: 某地新开设图书专柜（图片）), else ``len(out)``."""
    first = len(out)
    while first > 0 and out[first - 1].kind in ("body", "caption"):
        first -= 1
        if out[first].blank_lines_before and first > 0:
            return first
    return len(out)


def _starts_whole(before: Draft | None, first: Draft) -> bool:
    """Does the caption start at ``first``: nothing before it, a sentence end, or a block start that
    no word runs across into?"""
    if before is None or before.kind != "body" or ends_sentence(before.text.text):
        return True
    return first.blank_lines_before > 0 and not word_spans_junction(before.text.text, first.text.text)
