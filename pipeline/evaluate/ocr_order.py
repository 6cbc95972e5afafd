"""What is left of block order on OCR pages: how far putting the engine's blocks in order can go,
and which seams between them repair still gets wrong, by class.

An engine such as tesseract prints a page as blocks separated by blank lines,
each block a piece of one column.  Two figures say where the block order of
repair stands:

* :func:`order_ceiling`: repair of the engine's text with its blocks already in
  the drawn order (each block put where it reads best in the drawn text).  The
  layout damage left then is what no order of whole blocks removes (a block
  holding pieces of two columns, a line the engine split in two).
* :func:`wrong_seams`: each pair of blocks that are neighbours in the drawn
  order, and whether repair's output has them side by side, by the kind of seam
  (:data:`SEAM_CLASSES`).  A block that starts a drawn paragraph gives no text
  to link it by; one that starts mid-paragraph may have a dictionary word
  across the cut.

Both need the drawn text, so they measure; repair never sees them.

>>> engine_blocks("甲乙\\n丙丁\\n\\n戊己\\n \\n庚")
[(0, 5), (7, 9), (12, 13)]
>>> drawn = [DrawnBlock("title", "标题", "1"), DrawnBlock("body", "今天天气很好。我们去公园", "2"), DrawnBlock("body", "玩。", "3")]
>>> seam_class(drawn, "今天天气很好。我们去公", "园玩。", 13)
'mid-paragraph, a word across'
>>> seam_class(drawn, "我们去公园", "玩。", 14)
'paragraph start'
>>> seam_class(drawn, "标题", "今天天气很好。", 2)
'title, caption or credit'
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable

import regex
from rapidfuzz import fuzz

from pipeline.evaluate.ocr_pages import OcrPage
from pipeline.evaluate.ocr_render import DrawnBlock
from pipeline.evaluate.ocr_score import page_damage, raw_pieces, repaired_pieces
from pipeline.repair.continuations import DETACHED_BITS
from pipeline.repair.junction_bits import route_gain

_BLANK_LINE = regex.compile(r"\n[ \t\u3000]*\n\s*")
_BLANK = regex.compile(r"\s+")
#: kinds drawn outside the columns' flow
FLOATING = frozenset({"title", "caption", "credit"})
SEAM_CLASSES = ("title, caption or credit", "paragraph start", "mid-paragraph, a word across", "mid-paragraph, no word across")


def engine_blocks(raw: str) -> list[tuple[int, int]]:
    """Spans of the engine's blocks: text between blank lines, outer blanks excluded."""
    spans, start = [], 0
    for m in [*_BLANK_LINE.finditer(raw), None]:
        end = m.start() if m else len(raw)
        piece = raw[start:end]
        if piece.strip():
            left = len(piece) - len(piece.lstrip())
            spans.append((start + left, start + len(piece.rstrip())))
        if m:
            start = m.end()
    return spans


def drawn_positions(texts: Iterable[str], drawn: str) -> list[int]:
    """Where each text reads best in ``drawn`` (both without blanks)."""
    return [
        fuzz.partial_ratio_alignment(text, drawn).dest_start if text and len(text) <= len(drawn) else 0 for text in texts
    ]


def _placed_blocks(page: OcrPage) -> tuple[list[tuple[int, int]], list[str], list[int]]:
    """The engine's blocks of ``page``: their spans, their texts without blanks, and where each
    reads best in the drawn text (:func:`drawn_positions`)."""
    raw = page.ocr_text
    spans = engine_blocks(raw)
    texts = [_BLANK.sub("", raw[s:e]) for s, e in spans]
    return spans, texts, drawn_positions(texts, _BLANK.sub("", page.truth))


def order_ceiling(page: OcrPage, repair_fn: Callable) -> tuple[int, int]:
    """Layout damage (raw, repaired) when repair is given the engine's blocks in the drawn order."""
    raw = page.ocr_text
    spans, _, where = _placed_blocks(page)
    ordered = "\n\n".join(raw[s:e] for _, (s, e) in sorted(zip(where, spans), key=lambda x: x[0]))
    result = repair_fn(ordered)
    before = page_damage(raw, page.truth, raw_pieces(raw))
    after = page_damage(result.text, page.truth, repaired_pieces(ordered, result.blocks))
    return before.layout, after.layout


def seam_class(drawn_blocks: list[DrawnBlock], left: str, right: str, at: int) -> str:
    """The class of the seam between ``left`` and ``right``, ``right`` placed at ``at`` in the drawn text without blanks."""
    starts, kinds, offset = [], [], 0
    for block in drawn_blocks:
        starts.append(offset)
        kinds.append(block.kind)
        offset += len(_BLANK.sub("", block.text))
    k = max(0, bisect.bisect_right(starts, at) - 1)
    if kinds[k] in FLOATING or k > 0 and at - starts[k] <= 1 and kinds[k - 1] in FLOATING:
        return SEAM_CLASSES[0]
    if at - starts[k] <= 1:
        return SEAM_CLASSES[1]
    return SEAM_CLASSES[2] if route_gain(left, right) >= DETACHED_BITS else SEAM_CLASSES[3]


def wrong_seams(page: OcrPage, repair_fn: Callable) -> tuple[Counter, Counter]:
    """(all seams, seams repair did not close) between blocks neighbouring in the drawn order, by class."""
    raw = page.ocr_text
    spans, texts, where = _placed_blocks(page)
    if len(spans) < 2:
        return Counter(), Counter()
    starts = [s for s, _ in spans]
    placed: list[int] = []  # engine block of each repaired character run, in output order
    for block in repair_fn(raw).blocks:
        for offset in block.offsets:
            k = bisect.bisect_right(starts, offset) - 1
            if k >= 0 and (not placed or placed[-1] != k):
                placed.append(k)
    together = set(zip(placed, placed[1:]))
    order = sorted(range(len(spans)), key=lambda k: where[k])
    seams, wrong = Counter(), Counter()
    for a, b in zip(order, order[1:]):
        name = seam_class(page.blocks, texts[a], texts[b], where[b])
        seams[name] += 1
        wrong[name] += (a, b) not in together
    return seams, wrong
