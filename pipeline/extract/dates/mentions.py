"""Date mentions: adjacent atoms merged into one mention, two mentions joined by 至/到/— into a range."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from pipeline.extract.dates.atoms import Atom, counts_years, find_atoms
from pipeline.extract.dates.fields import (
    ORDER,
    Parts,
    add_atom,
    date_range,
    normalize,
    period,
    resolve,
    valid_unresolved,
)


class DateMention(NamedTuple):
    """A date in the text; ``normalized`` is ISO 8601 or empty when not on a calendar."""

    start: int
    end: int
    text: str
    normalized: str


def _read(atoms: tuple[Atom, ...], i: int) -> tuple[Parts, int]:
    """Merge the adjacent atoms from ``i`` on into one mention; returns it and the next index."""
    parts = Parts()
    j = i
    while j < len(atoms) and (j == i or atoms[j].start == atoms[j - 1].end) and add_atom(parts, atoms[j]):
        j += 1
    return parts, j


def _mentions(text: str, ref: datetime.date | None) -> list[DateMention]:
    atoms = find_atoms(text)
    out: list[DateMention] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if atom.kind in ("VAGUE", "SPAN", "DEC", "CEN"):
            span = period(atom, ref) if atom.kind in ("DEC", "CEN") else ""
            out.append(DateMention(atom.start, atom.end, atom.text, span))
            i += 1
            continue
        parts, j = _read(atoms, i)
        if j == i:
            i += 1
            continue
        start, end = atom.start, atoms[j - 1].end
        normalized: str | None = None
        con = atoms[j] if j < len(atoms) else None
        if con and con.kind == "CON" and con.start == end and j + 1 < len(atoms) and atoms[j + 1].start == con.end:
            second, m = _read(atoms, j + 1)
            if m > j + 1 and ORDER.get(atoms[j + 1].kind, -1) >= ORDER.get(atom.kind, 9):
                normalized = date_range(parts, second, ref)
                if normalized is not None:
                    end, j = atoms[m - 1].end, m
        if normalized is None and atoms[j - 1].kind not in ("YB", "MB", "DB"):
            first = resolve(parts, ref)
            if first is not None:
                normalized = normalize(first)
            elif valid_unresolved(parts):
                normalized = ""
        if normalized is not None:
            out.append(DateMention(start, end, text[start:end], normalized))
        i = j
    return out


def find_dates(text: str, reference: datetime.date | None = None) -> list[DateMention]:
    """Every date mention in ``text``, in order, normalized against ``reference``."""
    if not isinstance(text, str) or not text:
        return []
    return _mentions(text, reference)


def number_skips(dates) -> list[tuple[int, int]]:
    """The spans of ``dates`` that numbers and claims leave alone: all but the periods counted in years."""
    return [(d.start, d.end) for d in dates if not counts_years(d.text)]
