"""Text that remembers where each of its characters came from in the raw file.

Every repair rule proposes :class:`Fix` es (replace ``text[start:end]`` by
``replacement``); :meth:`Mapped.apply` performs them and returns the edits in
raw coordinates, so the log and the offset map never drift apart.

>>> m = Mapped.from_raw("互 联网, 5G")
>>> fixed, edits = m.apply([Fix(1, 2, "", "space"), Fix(4, 5, "，", "punctuation")], m.text)
>>> fixed.text
'互联网， 5G'
>>> fixed.offsets
(0, 2, 3, 4, 5, 6, 7)
>>> [(e.kind, e.raw_start, e.raw_end, e.before, e.after) for e in edits]
[('space', 1, 2, ' ', ''), ('punctuation', 4, 5, ',', '，')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from pipeline.records import Edit


class Fix(NamedTuple):
    """A proposed replacement of ``text[start:end]`` in the current text."""

    start: int
    end: int
    replacement: str
    kind: str
    confidence: float = 1.0


class Mapped(NamedTuple):
    """A string and, per character, its offset in the raw text."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def from_raw(cls, raw: str, start: int = 0) -> Mapped:
        return cls(raw, tuple(range(start, start + len(raw))))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> Mapped:
        return Mapped(self.text[start:end], self.offsets[start:end])

    def __add__(self, other: Mapped) -> Mapped:  # type: ignore[override]
        return Mapped(self.text + other.text, self.offsets + other.offsets)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets covered by ``text[start:end]`` (an empty span sits before ``start``)."""
        if start < end:
            return self.offsets[start], self.offsets[end - 1] + 1
        if start < len(self.offsets):
            return self.offsets[start], self.offsets[start]
        last = self.offsets[-1] + 1 if self.offsets else 0
        return last, last

    def apply(self, fixes: Iterable[Fix], raw: str) -> tuple[Mapped, list[Edit]]:
        """Apply non-overlapping fixes (overlapping later ones are dropped)."""
        fixes = list(fixes)
        if not fixes:
            return self, []
        # fixes that replace a character by one (full-width digits: most fixes of a page) leave every offset where
        # it is: the offsets are then kept as they are, not copied piece by piece
        same_length = all(fix.end - fix.start == len(fix.replacement) for fix in fixes)
        text, offsets = [], []
        edits: list[Edit] = []
        pos = 0
        for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
            if fix.start < pos:
                continue
            text.append(self.text[pos : fix.start])
            raw_start, raw_end = self.raw_span(fix.start, fix.end)
            text.append(fix.replacement)
            if not same_length:
                offsets.extend(self.offsets[pos : fix.start])
                if fix.end - fix.start == len(fix.replacement):
                    offsets.extend(self.offsets[fix.start : fix.end])
                else:
                    anchor = self.offsets[fix.start] if fix.start < len(self.offsets) else raw_start
                    offsets.extend([anchor] * len(fix.replacement))
            edits.append(
                Edit(fix.kind, raw_start, raw_end, raw[raw_start:raw_end], fix.replacement, fix.confidence)
            )
            pos = fix.end
        text.append(self.text[pos:])
        if same_length:
            return Mapped("".join(text), self.offsets), edits
        offsets.extend(self.offsets[pos:])
        return Mapped("".join(text), tuple(offsets)), edits


def fixed_text(text: str, *finders: Callable[[str], list[Fix]]) -> str:
    """``text`` after the fixes the ``finders`` propose on it: the repair modules' doctests show a rule with it.

    >>> fixed_text("互 联网, 5G", lambda s: [Fix(1, 2, "", "space")], lambda s: [Fix(4, 5, "，", "punctuation")])
    '互联网， 5G'
    """
    return Mapped.from_raw(text).apply([fix for find in finders for fix in find(text)], text)[0].text
