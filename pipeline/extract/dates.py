"""Calendar dates in newspaper text, normalized to ISO 8601.

Why rules and not a tagger: newspaper dates are a small closed grammar (year,
month, day, 旬, ranges, a dozen relative words), and every piece must come out
on a calendar, which a tagger does not give.  The text is scanned for *atoms*
(``2023年``, ``11月``, ``8日``, ``去年``, ``上旬``, ``10年来`` ...) by one regex,
adjacent atoms are merged in calendar order (year, month, day, part), and two
mentions joined by 至/到/— become one span.

Normalized values: ``2023``, ``2023-11``, ``2023-11-08``, spans ``A/B``
(``上旬`` -> days 1-10, ``中旬`` 11-20, ``下旬`` 21-end, ``上半年`` -> months
1-6, ``80年代`` -> 1980/1989).  Relative words resolve against ``reference``
(今年, 去年, 上月, 本月, 今天, 昨天); periods that are not on a calendar
(近日, 日前, 近年来, 10年来, 过去10年) are dates with an empty ``normalized``,
and so is anything that needs a reference when there is none.

A date without a year takes the reference's year, **unless** that puts it more
than two months after the reference month: a paper dated 1998-01-05 that
writes 12月31日 means 1997-12-31 (reporting looks back; announcements of the
coming weeks stay in the same year).  A day without a month takes the
reference month unless it is more than a week after the reference day (then
the previous month): ``31日`` in a paper of 2 January is 31 December.

Not dates: a count of years (``10年``, ``2000多年``, ``1000年以上``), ``1800多位``,
a year inside a name without 年 (``2023中国·赣州…博览会``), ``日元``.

>>> ref = datetime.date(2023, 11, 20)
>>> [(d.text, d.normalized) for d in find_dates("11月8日至10日,2023年世界互联网大会乌镇峰会举行", ref)]
[('11月8日至10日', '2023-11-08/2023-11-10'), ('2023年', '2023')]
>>> [(d.text, d.normalized) for d in find_dates("2020年6月上线,2020年至2023年,一九九八年十二月三十一日", ref)]
[('2020年6月', '2020-06'), ('2020年至2023年', '2020/2023'), ('一九九八年十二月三十一日', '1998-12-31')]
>>> [(d.text, d.normalized) for d in find_dates("10月,中国提出;7月21日;12月下旬;1961—1992年", ref)]
[('10月', '2023-10'), ('7月21日', '2023-07-21'), ('12月下旬', '2023-12-21/2023-12-31'), ('1961—1992年', '1961/1992')]
>>> [(d.text, d.normalized) for d in find_dates("今年上半年,去年12月3日,上月15日,本月,昨天", ref)]
[('今年上半年', '2023-01/2023-06'), ('去年12月3日', '2022-12-03'), ('上月15日', '2023-10-15'), ('本月', '2023-11'), ('昨天', '2023-11-19')]
>>> [(d.text, d.normalized) for d in find_dates("10年来,过去10年中,近日,20世纪80年代", ref)]
[('10年来', ''), ('过去10年', ''), ('近日', ''), ('20世纪80年代', '1980/1989')]
>>> find_dates("来自126个国家和地区的1800多位嘉宾,连续成功举办10年,2023中国·赣州博览会,100日元")
[]
>>> [(d.text, d.normalized) for d in find_dates("12月31日,记者8日获悉", datetime.date(1998, 1, 5))]
[('12月31日', '1997-12-31'), ('8日', '1998-01-08')]
>>> [(d.text, d.normalized) for d in find_dates("11月7日")]
[('11月7日', '')]
>>> find_dates(None), find_dates("")
([], [])
"""

from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache
from typing import NamedTuple


class DateMention(NamedTuple):
    """A date in the text; ``normalized`` is ISO 8601 or empty when not on a calendar."""

    start: int
    end: int
    text: str
    normalized: str


_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_CONNECT = "至到—–\\-－~～〜"
_REL_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1, "后年": 2}
_REL_MONTH = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_REL_DAY = {
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今晚": 0,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "前天": -2,
    "明天": 1,
    "明日": 1,
    "后天": 2,
}
#: periods a newspaper uses that are not on a calendar (normalized stays empty)
_VAGUE = ("近日", "日前", "近期", "近年来", "近些年来", "近年", "连日来", "当年", "同年", "当月", "同月")
_XUN = {"上": (1, 10), "中": (11, 20)}

#: every character an atom can start with: the pass tests this set before the alternatives (speed only)
_ATOM_FIRST = rf"0-9{_CN_DIGIT}{_CN_SMALL}廿两几数多元今本去上前明后下中昨日过最近这连当同{_CONNECT}"
_ATOMS = re.compile(
    rf"(?=[{_ATOM_FIRST}])(?:"
    + "|".join(
        (
            rf"(?P<Y>(?<![\d{_CN_DIGIT}])(?:\d{{4}}|[{_CN_DIGIT}]{{4}}|(?<=公元)\d{{1,3}})年(?!代(?!表)|以上|左右|之久))",
            rf"(?P<YB>(?<![\d])\d{{4}})(?=[{_CONNECT}]\d{{4}}年(?!代))",
            r"(?P<DEC>(?:(?:\d{2}|[一二]十[一二]?)世纪|本世纪|上世纪)?(?:[1-9]0|[一二三四五六七八九]十)年代)",
            r"(?P<CEN>(?:\d{2}|[一二]十[一二]?)世纪)",
            "(?P<RY>" + "|".join(sorted(_REL_YEAR, key=len, reverse=True)) + ")",
            r"(?P<HALF>上半年|下半年)",
            rf"(?P<M>(?<![\d{_CN_SMALL}两个])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)月(?:份)?(?![球亮光饼薪票]))",
            rf"(?P<MB>(?<!\d)(?:1[0-2]|0?[1-9]))(?=[{_CONNECT}](?:1[0-2]|0?[1-9])月)",
            "(?P<RM>" + "|".join(sorted(_REL_MONTH, key=len, reverse=True)) + ")",
            r"(?P<D>(?<![\d一二三四五六七八九十廿两])(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|廿[一二三四五六七八九]?|[一二三四五六七八九])[日号](?![元本军方语籍均益]))",
            rf"(?P<DB>(?<!\d)(?:3[01]|[12]\d|0?[1-9]))(?=[{_CONNECT}](?:3[01]|[12]\d|0?[1-9])日)",
            r"(?P<XUN>[上中下]旬)",
            rf"(?P<CON>[{_CONNECT}])",
            "(?P<RD>" + "|".join(sorted(_REL_DAY, key=len, reverse=True)) + ")",
            rf"(?P<SPAN>(?:过去|最近)(?:\d{{1,3}}|[{_CN_SMALL}两几数]{{1,3}})多?个?年(?:来|以来)?"
            rf"|(?<![\d{_CN_SMALL}两几数])(?:近|这)?(?:\d{{1,3}}|[{_CN_SMALL}两几数多]{{1,3}})多?个?年(?:来|以来))",
            "(?P<VAGUE>" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + ")",
        )
    )
    + ")"
)
_CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


class _Atom(NamedTuple):
    kind: str
    start: int
    end: int
    text: str


def _small(text: str) -> int | None:
    """1-31 in Arabic or Chinese (十二, 二十六, 廿三, 元 for the first month)."""
    text = text.rstrip("年月日号份世纪")
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    text = text.replace("廿", "二十")
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUM[tens] if tens else 1) * 10 + (_CN_NUM[ones] if ones else 0)
    return _CN_NUM.get(text) if len(text) == 1 else None


def _year(text: str) -> int:
    digits = text.rstrip("年")
    return int(digits) if digits.isdigit() else int("".join(str(_CN_NUM[c]) for c in digits))


class _Parts:
    """The calendar fields of one mention as read (relative ones not yet resolved)."""

    def __init__(self) -> None:
        self.year: int | None = None
        self.year_rel: int | None = None
        self.month: int | None = None
        self.month_rel: int | None = None
        self.day: int | None = None
        self.day_rel: int | None = None
        self.part: str = ""  # 上/中/下 (旬), 上半年/下半年, decade/century text
        self.vague = False
        self.order = -1  # 0 year, 1 month, 2 day, 3 part: atoms must come in this order


_ORDER = {"Y": 0, "YB": 0, "RY": 0, "HALF": 1, "M": 1, "MB": 1, "RM": 1, "D": 2, "DB": 2, "RD": 2, "XUN": 3}


def _add(parts: _Parts, atom: _Atom) -> bool:
    """Add one atom to a mention; False when it cannot continue it."""
    order = _ORDER.get(atom.kind)
    if order is None or order <= parts.order or parts.vague:
        return False
    if atom.kind == "HALF" and parts.year is None and parts.year_rel is None:
        return False
    if atom.kind == "XUN" and parts.month is None and parts.month_rel is None:
        return False
    if atom.kind == "D" and atom.text.endswith("号") and parts.order != 1:
        return False  # 3号 alone is a number, not a day
    if atom.kind in ("Y", "YB"):
        parts.year = _year(atom.text)
    elif atom.kind == "RY":
        parts.year_rel = _REL_YEAR[atom.text]
    elif atom.kind in ("M", "MB"):
        parts.month = _small(atom.text)
    elif atom.kind == "RM":
        parts.month_rel = _REL_MONTH[atom.text]
    elif atom.kind in ("D", "DB"):
        parts.day = _small(atom.text)
    elif atom.kind == "RD":
        parts.day_rel = _REL_DAY[atom.text]
    else:  # HALF, XUN
        parts.part = atom.text[0] if atom.kind == "XUN" else atom.text
    parts.order = 2 if atom.kind == "HALF" else order
    return True


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _resolve(
    parts: _Parts, ref: datetime.date | None, inherit: _Parts | None = None, month_for_year: int | None = None
) -> _Parts | None:
    """Fill year/month from relative words, the range start or the reference; None if impossible.

    ``month_for_year`` is the month that decides the year of a yearless range
    (the end's: 1—11月 in a January paper is last year's January to November).
    """
    out = _Parts()
    out.year, out.month, out.day, out.part = parts.year, parts.month, parts.day, parts.part
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


def _iso(parts: _Parts) -> str | None:
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


def _normalize(parts: _Parts) -> str | None:
    start = _iso(parts)
    if start is None or not parts.part:
        return start
    y, m = parts.year, parts.month
    if parts.part in ("上半年", "下半年"):
        first = 1 if parts.part == "上半年" else 7
        return f"{y:04d}-{first:02d}/{y:04d}-{first + 5:02d}"
    lo, hi = _XUN.get(parts.part, (21, calendar.monthrange(y, m)[1]))
    return f"{y:04d}-{m:02d}-{lo:02d}/{y:04d}-{m:02d}-{hi:02d}"


def _period(atom: _Atom, ref: datetime.date | None) -> str:
    """Decades and centuries: 80年代 -> 1980/1989 (the latest not after the reference)."""
    text = atom.text
    if atom.kind == "CEN":
        century = _small(text)
        if century is None or century < 1:
            return ""
        return f"{(century - 1) * 100 + 1:04d}/{century * 100:04d}"
    head, _, decade_text = text.rpartition("世纪")
    decade = _small(decade_text.replace("年代", ""))
    if decade is None:
        return ""
    if head and head not in ("本", "上"):
        century = _small(head)
    else:
        now = (ref or datetime.date.today()).year
        century = now // 100 + 1 - (head == "上")
        if not head and (century - 1) * 100 + decade > now:
            century -= 1
    if century is None:
        return ""
    first = (century - 1) * 100 + decade
    return f"{first:04d}/{first + 9:04d}"


@lru_cache(maxsize=512)
def _atoms(text: str) -> tuple[_Atom, ...]:
    """The date atoms of a text: cached, since a block is read for the reference date and again for its dates."""
    return tuple(_Atom(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _ATOMS.finditer(text))


def _read(atoms: tuple[_Atom, ...], i: int) -> tuple[_Parts, int]:
    """Merge the adjacent atoms from ``i`` on into one mention; returns it and the next index."""
    parts = _Parts()
    j = i
    while j < len(atoms) and (j == i or atoms[j].start == atoms[j - 1].end) and _add(parts, atoms[j]):
        j += 1
    return parts, j


def _valid_unresolved(parts: _Parts) -> bool:
    """Fields that would be a real date once a year is known (13月, 32日 never are)."""
    if parts.month is not None and not 1 <= parts.month <= 12:
        return False
    if parts.day is not None and not 1 <= parts.day <= 31:
        return False
    return True


def _range(lo_parts: _Parts, hi_parts: _Parts, ref: datetime.date | None) -> str | None:
    """ISO ``start/end`` of a range, "" if it needs a reference, None if it is no date."""
    lo = _resolve(lo_parts, ref, month_for_year=hi_parts.month)
    hi = _resolve(hi_parts, ref, inherit=lo) if lo is not None else None
    if lo is not None and hi is not None:
        if lo.year is None or hi.year is None:
            return None
        lo_iso, hi_iso = _iso(lo), _iso(hi)
        if lo_iso and hi_iso and lo_iso <= hi_iso:
            return f"{lo_iso}/{hi_iso}"
        return None
    return "" if _valid_unresolved(lo_parts) and _valid_unresolved(hi_parts) else None


def _mentions(text: str, ref: datetime.date | None) -> list[DateMention]:
    atoms = _atoms(text)
    out: list[DateMention] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if atom.kind in ("VAGUE", "SPAN", "DEC", "CEN"):
            period = _period(atom, ref) if atom.kind in ("DEC", "CEN") else ""
            out.append(DateMention(atom.start, atom.end, atom.text, period))
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
            if m > j + 1 and _ORDER.get(atoms[j + 1].kind, -1) >= _ORDER.get(atom.kind, 9):
                normalized = _range(parts, second, ref)
                if normalized is not None:
                    end, j = atoms[m - 1].end, m
        if normalized is None and atoms[j - 1].kind not in ("YB", "MB", "DB"):
            first = _resolve(parts, ref)
            if first is not None:
                normalized = _normalize(first)
            elif _valid_unresolved(parts):
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


_COUNTED_YEARS = re.compile(
    rf"(?:过去|最近)(?:\d{{1,3}}|[{_CN_SMALL}两几数]{{1,3}})多?个?年(?:来|以来)?"
    rf"|(?:近|这)?(?:\d{{1,3}}|[{_CN_SMALL}两几数多]{{1,3}})多?个?年(?:来|以来)"
)


def counts_years(text: str) -> bool:
    """A period counted back in years (10年来, 过去10年, 近二十年来): a date whose number is also a quantity.

    >>> counts_years("10年来"), counts_years("过去10年"), counts_years("近二十年来"), counts_years("330年"), counts_years("近日")
    (True, True, True, False, False)
    """
    return bool(_COUNTED_YEARS.fullmatch(text))


def number_skips(dates) -> list[tuple[int, int]]:
    """The spans of ``dates`` that numbers and claims leave alone: all but the periods counted in years."""
    return [(d.start, d.end) for d in dates if not counts_years(d.text)]


_DATELINE = re.compile(
    r"(?:本报|新华社|中新社|人民日报)[\u4e00-\u9fff·]{0,12}?"
    r"(?:(?P<y>\d{4})年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日(?:电|讯)"
)


def dateline_date(text: str, year: int | None = None) -> datetime.date | None:
    """The date of a wire dateline (本报北京11月9日电); its year from the text or ``year``.

    >>> dateline_date("本报北京11月9日电 (记者 张三)", 2023)
    datetime.date(2023, 11, 9)
    >>> dateline_date("新华社华盛顿2023年1月5日电"), dateline_date("本报北京11月9日电")
    (datetime.date(2023, 1, 5), None)
    >>> dateline_date("本报北京2月30日电", 2023), dateline_date(None, 2023)
    (None, None)
    """
    if not isinstance(text, str):
        return None
    m = _DATELINE.search(text)
    if not m:
        return None
    y = int(m["y"]) if m["y"] else year
    if y is None:
        return None
    try:
        return datetime.date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None


_FULL = re.compile(r"\d{4}-\d{2}-\d{2}")


def latest_full_date(text: str) -> datetime.date | None:
    """The latest complete year-month-day stated in ``text`` (no reference needed).

    >>> latest_full_date("2020年6月上线;2023年11月8日至10日举行;2021年5月1日")
    datetime.date(2023, 11, 10)
    >>> latest_full_date("11月7日,2023年"), latest_full_date("")
    (None, None)
    """
    return latest_of(find_dates(text))


def latest_of(mentions: list[DateMention]) -> datetime.date | None:
    """The latest complete year-month-day among date mentions already found (see :func:`latest_full_date`)."""
    best: datetime.date | None = None
    for mention in mentions:
        for iso in _FULL.findall(mention.normalized):
            day = datetime.date.fromisoformat(iso)
            best = day if best is None or day > best else best
    return best
