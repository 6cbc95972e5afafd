"""How far repair takes tesseract's text towards the drawn page, with layout apart from misreads.

The character error rate of a text against the drawn text (Levenshtein
distance over the drawn length) is split into three parts:

* ``misread``: characters the engine read wrong or dropped.  Measured with
  every blank removed and every piece of text put back in the drawn order (a
  piece is one line of the engine's output, or one cell of a line it read
  across several columns, so no repair of the layout can
  change this part; repair still fixes some misread marks, ``,`` for ``，``).
* ``order``: what putting the pieces back in order would remove: blocks
  emitted out of order, a displaced tail.
* ``spacing``: what the blanks cost: line breaks inside a paragraph, missing
  paragraph breaks, spaces inside Chinese text.

``layout`` is ``order + spacing``, the damage repair is meant to remove.

>>> truth = "标题\\n\\n第一段的文字。\\n\\n第二段。"
>>> raw = "标题\\n\\n第一段\\n的文 字。\\n第二段。"
>>> d = page_damage(raw, truth, raw_pieces(raw))
>>> d.misread, d.order, d.spacing
(0, 0, 3)
>>> page_damage("第二段。\\n\\n标题\\n\\n第一段的文字。", truth, raw_pieces("第二段。\\n标题\\n第一段的文字。")).order > 0
True
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from pipeline.evaluate.ocr_pages import OcrPage
from pipeline.repair.rows import CELL_SEPARATOR

_BLANK = regex.compile(r"\s+")


class Damage(NamedTuple):
    """Edit distance to the drawn text, split by cause (see the module docstring)."""

    total: int
    misread: int
    order: int
    spacing: int

    @property
    def layout(self) -> int:
        return self.order + self.spacing


class PageScore(NamedTuple):
    page_id: str
    chars: int  # drawn characters
    raw: Damage
    repaired: Damage


def _squeeze(text: str) -> str:
    return _BLANK.sub("", text)


def raw_pieces(raw: str) -> list[str]:
    """The engine's lines (cut at column rules and wide gaps, where it read across columns),
    blanks removed: the pieces whose order is the engine's."""
    cells = (cell for line in raw.splitlines() for cell in CELL_SEPARATOR.split(line))
    return [p for p in (_squeeze(cell) for cell in cells) if p]


def repaired_pieces(raw: str, blocks: Iterable) -> list[str]:
    """Repaired blocks cut wherever their characters come from different raw lines."""
    line_starts = [0] + [m.end() for m in regex.finditer(r"\n", raw)]
    pieces = []
    for block in blocks:
        current, last_line = [], None
        for ch, offset in zip(block.text, block.offsets, strict=False):
            line = bisect.bisect_right(line_starts, offset)
            if last_line is not None and line != last_line and current:
                pieces.append("".join(current))
                current = []
            current.append(ch)
            last_line = line
        if current:
            pieces.append("".join(current))
    return [p for p in (_squeeze(p) for p in pieces) if p]


def in_drawn_order(pieces: Sequence[str], drawn: str) -> str:
    """The pieces concatenated in the order of where each reads best in ``drawn``."""
    placed = []
    for k, piece in enumerate(pieces):
        where = fuzz.partial_ratio_alignment(piece, drawn).dest_start if len(piece) <= len(drawn) else 0
        placed.append((where, k, piece))
    return "".join(p for _, _, p in sorted(placed))


def page_damage(text: str, truth: str, pieces: Sequence[str]) -> Damage:
    """Damage of ``text`` (cut into ``pieces`` of unchanged engine order) against ``truth``."""
    drawn = _squeeze(truth)
    total = Levenshtein.distance(text, truth)
    unspaced = Levenshtein.distance(_squeeze(text), drawn)
    misread = min(unspaced, Levenshtein.distance(in_drawn_order(pieces, drawn), drawn))
    return Damage(total, misread, unspaced - misread, max(0, total - unspaced))


def score_page(page: OcrPage, repair_fn: Callable) -> PageScore:
    result = repair_fn(page.ocr_text)
    truth = page.truth
    return PageScore(
        page.page_id,
        len(truth),
        page_damage(page.ocr_text, truth, raw_pieces(page.ocr_text)),
        page_damage(result.text, truth, repaired_pieces(page.ocr_text, result.blocks)),
    )


def summarise(scores: Sequence[PageScore]) -> dict:
    """Totals over pages: CER before and after, layout damage removed, pages made worse."""
    chars = sum(s.chars for s in scores)
    before = Counter()
    after = Counter()
    for s in scores:
        for name in ("total", "misread", "order", "spacing", "layout"):
            before[name] += getattr(s.raw, name)
            after[name] += getattr(s.repaired, name)
    worse = [s.page_id for s in scores if s.repaired.total > s.raw.total]
    return {
        "pages": len(scores),
        "chars": chars,
        "cer_raw": round(before["total"] / chars, 6) if chars else None,
        "cer_repaired": round(after["total"] / chars, 6) if chars else None,
        "before": dict(before),
        "after": dict(after),
        "layout_removed": round(1 - after["layout"] / before["layout"], 6) if before["layout"] else None,
        "pages_worse": worse,
    }
