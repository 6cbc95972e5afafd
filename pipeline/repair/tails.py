"""Paragraph tails displaced by the page layout, found and put back.

On a printed page a paragraph can run on below the photos.  OCR then reads
its head, glues the *next* paragraph onto it after a space
(``…拉斐尔·伊万格利 过去10年中，…``), and reads the tail later, after the
captions (``斯塔说，…``).  A tail candidate is a body block that follows a
caption or credit; a cut point is a space in an earlier body block whose left
side ends mid-sentence and whose right side is a complete paragraph.  The
pair is accepted when the tail continues a word across the junction (jieba
segments a word over it) while the right side does not (then the space would
be ordinary OCR damage inside a word, as in ``巴西互 联网``).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from pipeline.layout import PHOTO_KINDS, ends_sentence
from pipeline.records import Edit
from pipeline.repair.junction import WINDOW, word_spans_junction
from pipeline.repair.mapped import Mapped

_GAP = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=[\p{Han}\d])")
#: a glued paragraph must be at least this long to be split off
_MIN_GLUED = 15
_NAME_SEPARATOR = "·"


class Draft(NamedTuple):
    """A block under repair."""

    text: Mapped
    kind: str
    blank_lines_before: int


def _head(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def reattach_tails(drafts: list[Draft], raw: str) -> tuple[list[Draft], list[Edit]]:
    """Split glued paragraphs and move displaced tails back; returns the new drafts and edits."""
    drafts = list(drafts)
    edits: list[Edit] = []
    j = 1
    while j < len(drafts):
        tail = drafts[j]
        if tail.kind == "body" and drafts[j - 1].kind in PHOTO_KINDS:
            found = _find_cut(drafts[:j], _head(tail.text.text))
            if found:
                i, gap_start, gap_end, confidence = found
                host = drafts[i]
                left = host.text.slice(0, gap_start)
                glued = host.text.slice(gap_end, len(host.text))
                raw_gap = host.text.raw_span(gap_start, gap_end)
                tail_start, tail_end = tail.text.offsets[0], tail.text.offsets[-1] + 1
                moved = raw[tail_start:tail_end]
                edits += [
                    Edit("paragraph_split", *raw_gap, raw[slice(*raw_gap)], "\n", confidence),
                    Edit("tail_reattached", raw_gap[0], raw_gap[0], "", moved, confidence),
                    Edit("displaced_tail", tail_start, tail_end, moved, "", confidence),
                ]
                del drafts[j]
                drafts[i] = Draft(left + tail.text, "body", host.blank_lines_before)
                drafts.insert(i + 1, Draft(glued, "body", 1))
                j += 1
                continue
        j += 1
    return drafts, edits


def _find_cut(earlier: list[Draft], tail: str) -> tuple[int, int, int, float] | None:
    """The last body block with a space where ``tail`` continues the text and the rest is glued."""
    for i in range(len(earlier) - 1, -1, -1):
        draft = earlier[i]
        if draft.kind != "body":
            continue
        text = draft.text.text
        runs_on = i + 1 < len(earlier) and earlier[i + 1].kind == "body" and not ends_sentence(text)
        for gap in reversed(list(_GAP.finditer(text))):
            left, right = _head(text[: gap.start()]), _head(text[gap.end() :])
            if not ends_sentence(right) and runs_on:  # a column break cut the glued paragraph: joined later
                right += _head(earlier[i + 1].text.text)
            if ends_sentence(left) or len(right) < _MIN_GLUED or not ends_sentence(right):
                continue
            if word_spans_junction(left, tail) and not word_spans_junction(left, right):
                in_name = _NAME_SEPARATOR in left[-WINDOW:]
                return i, gap.start(), gap.end(), 0.9 if in_name else 0.7
    return None
