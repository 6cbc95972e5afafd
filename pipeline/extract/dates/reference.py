"""The date a page was printed, read from its text: a wire dateline, else the latest full date stated."""

from __future__ import annotations

import datetime
import re

from pipeline.extract.dates.mentions import DateMention, find_dates

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
