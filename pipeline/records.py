"""The row types that flow between stages and into the CSV tables.

Every record is a ``NamedTuple``: immutable, cheap, picklable across worker
processes, and its field order is the column order of its table.  Offsets
(``start``/``end``) are character offsets into the *repaired* paragraph text,
end exclusive; ``raw_start``/``raw_end`` are offsets into the decoded raw file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Edit(NamedTuple):
    """One OCR repair, located in the raw text (``before`` is raw[raw_start:raw_end])."""

    kind: str
    raw_start: int
    raw_end: int
    before: str
    after: str
    confidence: float = 1.0


class Block(NamedTuple):
    """A layout block after repair: a heading, a body paragraph, a caption, ...

    ``offsets[i]`` is the raw offset of ``text[i]``, so every character of the
    repaired text leads back to the raw file.  ``quality`` is ``ok`` or names
    what is wrong (``garbled``).
    """

    kind: str
    text: str
    offsets: tuple[int, ...]
    quality: str = "ok"

    @property
    def raw_start(self) -> int:
        return min(self.offsets) if self.offsets else 0

    @property
    def raw_end(self) -> int:
        return max(self.offsets) + 1 if self.offsets else 0


class Entity(NamedTuple):
    """A named-entity mention (OntoNotes label); DATE entities carry ISO 8601 in ``normalized``."""

    start: int
    end: int
    text: str
    label: str
    normalized: str = ""


class Claim(NamedTuple):
    """A numeric expression: its value already scaled (万, 亿, %), unit, qualifier and object."""

    start: int
    end: int
    text: str
    value: Decimal | None
    unit: str
    qualifier: str
    object: str = ""
    value_low: Decimal | None = None
    value_high: Decimal | None = None


class Quote(NamedTuple):
    """An attributed statement; offsets are in the paragraph where the quote starts.

    ``speaker`` is the full name where the article gives one (王部长 → 王立新);
    ``printed`` is the speaker as printed at the quote (王部长, 他); ``speaker_kind``
    is person, organization (中方) or source (有关负责人, unnamed).
    """

    para_no: int
    start: int
    end: int
    speaker: str
    role: str
    cue: str
    kind: str  # direct | indirect
    text: str
    printed: str = ""
    speaker_kind: str = "person"


class Caption(NamedTuple):
    """A photo caption: ``label`` as printed (图①), ``seq`` its order on the page."""

    para_no: int
    seq: int
    label: str
    text: str
    photographer: str
    agency: str


class Credit(NamedTuple):
    """A credited person: editor, layout designer, reporter, photographer, ..."""

    para_no: int
    role: str
    name: str
