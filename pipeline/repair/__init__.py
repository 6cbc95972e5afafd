"""OCR repair: from the raw page to layout blocks of the text the page really printed.

The stages run in this order, each a small module:

1. ``segments``: cut the raw page into segments (lines, and captions/credits
   that share a line); stray marks at line starts are dropped.
2. ``width`` and ``punctuation``: full-width digits and letters to ASCII,
   half-width punctuation marks in Chinese text to full-width.
3. layout kinds that have a printed form (caption, credit, editors, byline); then
   ``columns``: engine blocks printed out of column order put back in reading order
   (by their ``block_shapes`` and ``continuations``; ``titles``: a title read after a
   column's first lines put in front), and ``lines``: an engine's printed lines joined into paragraphs;
   ``captions``: the paragraph an engine printed right above a credit in its block.
4. ``tails``: glued paragraphs split, displaced tails reattached (needs the
   raw spaces, so it runs before they go).
5. ``spaces`` and ``glyphs``: spaces inside Chinese removed, 一 for — fixed.
6. headings recognised, then ``breaks``: paragraphs cut by a column break joined.
7. straight quotes paired, now that each paragraph is whole.
8. ``garble``: blocks garbled beyond repair flagged.

Every change is an :class:`~pipeline.records.Edit` in raw coordinates and every
character of a block keeps its raw offset.

>>> result = repair("让 互 联 网 发 展\\n\\n中国与东盟国家开展合作，中国一东盟信息港建设带来新机\\n\\n\\n遇,拓展合作。")
>>> [(b.kind, b.text) for b in result.blocks]
[('heading', '让互联网发展'), ('body', '中国与东盟国家开展合作，中国—东盟信息港建设带来新机遇，拓展合作。')]
>>> sorted({e.kind for e in result.edits})
['column_break', 'dash', 'punctuation', 'space']
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from pipeline.layout import PHOTO_KINDS, ends_sentence, looks_like_heading, special_kind
from pipeline.records import Block, Edit
from pipeline.repair.breaks import join_column_breaks
from pipeline.repair.captions import mark_captions
from pipeline.repair.columns import reorder_blocks
from pipeline.repair.controls import find_control_characters
from pipeline.repair.garble import is_garbled
from pipeline.repair.glyphs import find_misread_dashes
from pipeline.repair.junction import word_spans_junction
from pipeline.repair.lines import join_engine_lines
from pipeline.repair.mapped import Fix, Mapped
from pipeline.repair.markup import find_markup
from pipeline.repair.misreads import find_misreads
from pipeline.repair.punctuation import find_halfwidth_punctuation, find_straight_quotes
from pipeline.repair.rows import unweave_rows
from pipeline.repair.segments import Segment, split_segments
from pipeline.repair.spaces import find_body_spaces, find_spaces_in_names
from pipeline.repair.tails import Draft, reattach_tails
from pipeline.repair.width import find_width_folds

#: kinds whose spaces separate names (本版责编：韩秉宸 张远南) and are kept
SPACED_KINDS = frozenset({"credit", "editors", "byline"})
#: marks whose repair depends on what follows them: an opening bracket left as printed
_OPEN_MARK = regex.compile(r"[〈(]")
_SPACE_RUN = regex.compile(r"[ \t\u3000\u00a0]{2,}|[\t\u3000\u00a0]")


class Repaired(NamedTuple):
    blocks: list[Block]
    edits: list[Edit]

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def repair(raw: str) -> Repaired:
    """Repair a raw OCR page; never raises on odd input (an empty page gives no blocks)."""
    segments = unweave_rows(raw, split_segments(raw))
    edits: list[Edit] = _dropped_junk(raw, segments)
    drafts: list[Draft] = []
    for segment in segments:
        text = Mapped.from_raw(raw[segment.start : segment.end], segment.start)
        text, controls = text.apply(find_control_characters(text.text) + find_markup(text.text), raw)
        text, fixed = _fix_marks(text, raw)
        edits += controls + fixed
        if not text.text:  # nothing but control characters
            continue
        kind = special_kind(text.text) or ("heading" if segment.marked_heading else "body")
        drafts.append(Draft(text, kind, segment.blank_lines_before))

    drafts, moved = reorder_blocks(drafts, raw)
    edits += moved
    drafts, joined, paragraph_starts = join_engine_lines(drafts, raw)
    edits += joined
    drafts, joined = mark_captions(drafts, raw)
    edits += joined
    for i, draft in enumerate(drafts):
        if _OPEN_MARK.search(draft.text.text):  # a bracket opened on one printed line, closed on the next
            text, fixed = _fix_marks(draft.text, raw)
            edits += fixed
            drafts[i] = draft._replace(text=text)
    drafts, moved = reattach_tails(drafts, raw)
    edits += moved

    cleaned = []
    for draft in drafts:
        text, fixed = _fix_characters(draft, raw)
        edits += fixed
        if text.text:
            cleaned.append(draft._replace(text=text))

    drafts, joined = join_column_breaks(_mark_headings(cleaned, paragraph_starts), raw, paragraph_starts)
    edits += joined
    blocks = []
    for draft in drafts:
        text, fixed = draft.text.apply(find_straight_quotes(draft.text.text), raw)
        edits += fixed
        blocks.append(Block(draft.kind, text.text, text.offsets, "garbled" if is_garbled(text.text) else "ok"))
    return Repaired(blocks, sorted(edits, key=lambda e: (e.raw_start, e.raw_end, e.kind)))


def _fix_marks(text: Mapped, raw: str) -> tuple[Mapped, list[Edit]]:
    """Misread marks, then full-width digits and half-width punctuation (idempotent)."""
    text, misread = text.apply(find_misreads(text.text), raw)
    text, fixed = text.apply(find_width_folds(text.text) + find_halfwidth_punctuation(text.text), raw)
    return text, misread + fixed


def _fix_characters(draft: Draft, raw: str) -> tuple[Mapped, list[Edit]]:
    if draft.kind in SPACED_KINDS:
        text, edits = draft.text.apply(find_spaces_in_names(draft.text.text), raw)
        text, more = text.apply(_separator_fixes(text.text), raw)
        return text, edits + more
    text, edits = draft.text.apply(find_body_spaces(draft.text.text), raw)
    text, more = text.apply(find_misread_dashes(text.text), raw)
    return text, edits + more


def _separator_fixes(text: str) -> list[Fix]:
    """Runs of blanks between names become one space."""
    return [Fix(m.start(), m.end(), " ", "separator") for m in _SPACE_RUN.finditer(text)]


def _mark_headings(drafts: list[Draft], paragraph_starts: frozenset[int] = frozenset()) -> list[Draft]:
    """A short body block is a heading unless it belongs to a paragraph cut by a column break.

    It does when the block before it is an unfinished paragraph, or when a word
    runs from it into the next block (``中国和巴西签署科技合作协`` / ``议，是…``), past a photo's
    caption and credit, unless the next block is known to start a paragraph (``paragraph_starts``).
    """
    marked: list[Draft] = []
    for i, draft in enumerate(drafts):
        previous = marked[-1] if marked else None
        after = next((d for d in drafts[i + 1 :] if d.kind not in PHOTO_KINDS), None)  # a photo may stand between
        if draft.kind == "body" and looks_like_heading(draft.text.text):
            continues = previous is not None and previous.kind == "body" and not ends_sentence(previous.text.text)
            is_cut = (
                after is not None
                and after.kind == "body"
                and after.text.offsets[0] not in paragraph_starts
                and word_spans_junction(draft.text.text, after.text.text, new_words=False)
            )
            if not continues and not is_cut:
                draft = draft._replace(kind="heading")
        marked.append(draft)
    return marked


def _dropped_junk(raw: str, segments: list[Segment]) -> list[Edit]:
    """Non-blank raw text that no segment covers (stray marks at line starts)."""
    covered = bytearray(len(raw))
    for segment in segments:
        covered[segment.start : segment.end] = b"\x01" * (segment.end - segment.start)
    edits = []
    for m in regex.finditer(r"\S+", raw):
        if not covered[m.start()]:
            edits.append(Edit("junk", m.start(), m.end(), m.group(), ""))
    return edits
