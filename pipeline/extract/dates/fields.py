"""The calendar fields of one date mention: atoms merged in calendar order (year, month, day, part),
relative words and missing fields resolved against the reference date, and the result written as ISO 8601.
"""

from __future__ import annotations

import calendar
import datetime

from pipeline.extract.dates.atoms import REL_DAY, REL_MONTH, REL_YEAR, Atom, small_number, year_number

_XUN = {"上": (1, 10), "中": (11, 20)}


class Parts:
    """The calendar fields of one mention as read (relative ones not yet resolved)."""

    def __init__(self) -> None:
        self.year: int | None = None
        self.year_rel: int | None = None
        self.month: int | None = None
        self.month_rel: int | None = None
        self.day: int | None = None
        self.day_rel: int | None = None
        self.part: str = ""  # 上/中/下 (旬), 上半年/下半年, decade/century text
        self.months = 1  # the months a mention of a quarter covers from its month: 3, or 9 for 前三季度
        self.vague = False
        self.order = -1  # 0 year, 1 month, 2 day, 3 part: atoms must come in this order


ORDER = {"Y": 0, "YB": 0, "RY": 0, "HALF": 1, "QTR": 1, "M": 1, "MB": 1, "RM": 1, "D": 2, "DB": 2, "RD": 2, "XUN": 3}


def add_atom(parts: Parts, atom: Atom) -> bool:
    """Add one atom to a mention; False when it cannot continue it."""
    order = ORDER.get(atom.kind)
    if order is None or order <= parts.order or parts.vague:
        return False
    if atom.kind == "HALF" and parts.year is None and parts.year_rel is None:
        return False
    if atom.kind == "XUN" and parts.month is None and parts.month_rel is None:
        return False
    if atom.kind == "D" and atom.text.endswith("号") and parts.order != 1:
        return False  # 3号 alone is a number, not a day
    if atom.kind == "QTR":  # a quarter reads like a month of its own year: 四季度 in a January paper is last year's
        quarters = small_number(atom.text[-3])
        parts.month, parts.months = (1, 3 * quarters) if atom.text[0] == "前" else (3 * quarters - 2, 3)
        parts.order = 2
        return True
    if atom.kind in ("Y", "YB"):
        parts.year = year_number(atom.text)
    elif atom.kind == "RY":
        parts.year_rel = REL_YEAR[atom.text]
    elif atom.kind in ("M", "MB"):
        parts.month = small_number(atom.text)
    elif atom.kind == "RM":
        parts.month_rel = REL_MONTH[atom.text]
    elif atom.kind in ("D", "DB"):
        parts.day = small_number(atom.text)
    elif atom.kind == "RD":
        parts.day_rel = REL_DAY[atom.text]
    else:  # HALF, XUN
        parts.part = atom.text[0] if atom.kind == "XUN" else atom.text
    parts.order = 2 if atom.kind == "HALF" else order
    return True


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def resolve(
    parts: Parts, ref: datetime.date | None, inherit: Parts | None = None, month_for_year: int | None = None
) -> Parts | None:
    """Fill year/month from relative words, the range start or the reference; None if impossible.

    ``month_for_year`` is the month that decides the year of a yearless range
    (the end's: 1—11月 in a January paper is last year's January to November).
    """
    out = Parts()
    out.year, out.month, out.day, out.part, out.months = parts.year, parts.month, parts.day, parts.part, parts.months
    if parts.day_rel is not None:
        if ref is None:
            return None
        day = ref + datetime.timedelta(days=parts.day_rel)
        out.year, out.month, out.day = day.year, day.month, day.day
        return out
    if parts.year_rel is not None:
        if ref is None:
            return None
        out.year = ref.year + parts.year_rel
    if parts.month_rel is not None:
        if ref is None:
            return None
        out.year, out.month = _shift_month(ref.year, ref.month, parts.month_rel)
    if inherit is not None:  # the end of a range: 11月8日至10日
        if out.year is None:
            out.year = inherit.year
        if out.month is None and out.day is not None:
            out.month = inherit.month
    if out.year is not None:
        return out
    if ref is None:
        return None
    if out.month is None:  # a bare day: this month, or the last if it is well ahead
        if out.day is None:
            return None
        out.year, out.month = ref.year, ref.month
        if out.day > ref.day + 7:
            out.year, out.month = _shift_month(ref.year, ref.month, -1)
        return out
    month = month_for_year or out.month
    out.year = ref.year - 1 if month > ref.month + 2 else ref.year
    return out


def _iso(parts: Parts) -> str | None:
    """One endpoint as ISO text; None if the fields are not a real date."""
    y, m, d = parts.year, parts.month, parts.day
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def normalize(parts: Parts) -> str | None:
    start = _iso(parts)
    y, m = parts.year, parts.month
    if start is not None and parts.months > 1:
        return f"{start}/{y:04d}-{m + parts.months - 1:02d}"
    if start is None or not parts.part:
        return start
    if parts.part in ("上半年", "下半年"):
        first = 1 if parts.part == "上半年" else 7
        return f"{y:04d}-{first:02d}/{y:04d}-{first + 5:02d}"
    lo, hi = _XUN.get(parts.part, (21, calendar.monthrange(y, m)[1]))
    return f"{y:04d}-{m:02d}-{lo:02d}/{y:04d}-{m:02d}-{hi:02d}"


def period(atom: Atom, ref: datetime.date | None) -> str:
    """Decades and centuries: 80年代 -> 1980/1989 (the latest not after the reference)."""
    text = atom.text
    if atom.kind == "CEN":
        century = small_number(text)
        if century is None or century < 1:
            return ""
        return f"{(century - 1) * 100 + 1:04d}/{century * 100:04d}"
    head, _, decade_text = text.rpartition("世纪")
    decade = small_number(decade_text.replace("年代", ""))
    if decade is None:
        return ""
    if head and head not in ("本", "上"):
        century = small_number(head)
    else:
        now = (ref or datetime.date.today()).year
        century = now // 100 + 1 - (head == "上")
        if not head and (century - 1) * 100 + decade > now:
            century -= 1
    if century is None:
        return ""
    first = (century - 1) * 100 + decade
    return f"{first:04d}/{first + 9:04d}"


def valid_unresolved(parts: Parts) -> bool:
    """Fields that would be a real date once a year is known (13月, 32日 never are)."""
    if parts.month is not None and not 1 <= parts.month <= 12:
        return False
    if parts.day is not None and not 1 <= parts.day <= 31:
        return False
    return True


def date_range(lo_parts: Parts, hi_parts: Parts, ref: datetime.date | None) -> str | None:
    """ISO ``start/end`` of a range, "" if it needs a reference, None if it is no date."""
    lo = resolve(lo_parts, ref, month_for_year=hi_parts.month)
    hi = resolve(hi_parts, ref, inherit=lo) if lo is not None else None
    if lo is not None and hi is not None:
        if lo.year is None or hi.year is None:
            return None
        lo_iso, hi_iso = _iso(lo), _iso(hi)
        if lo_iso and hi_iso and lo_iso <= hi_iso:
            return f"{lo_iso}/{hi_iso}"
        return None
    return "" if valid_unresolved(lo_parts) and valid_unresolved(hi_parts) else None
