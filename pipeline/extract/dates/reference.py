"""The date a page was printed, read from its text: a wire dateline, the date at the head of the
page, else the latest full date stated."""

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


#: the paper's own date at the head of a page: a full date with the weekday or the page number
#: (人民日报 2020年5月29日 星期五 第1版), on one of its first lines
_MASTHEAD = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?=.{0,20}?(?:星期|礼拜|第\s*\d{1,3}\s*版))"
)
#: a masthead is no sentence
_SENTENCE_MARKS = re.compile(r"[，。；：,;]")
#: how many of a page's first lines may carry its masthead, and how long such a line is at most
_MASTHEAD_LINES, _MASTHEAD_WIDTH = 3, 40


def masthead_date(text: str) -> datetime.date | None:
    """The date a page printed at its head, with the weekday or the page number.

    >>> masthead_date("人民日报 2020年5月29日 星期五 第 1 版\\n\\n标题"), masthead_date("人民日报2020年11月24日 第1版")
    (datetime.date(2020, 5, 29), datetime.date(2020, 11, 24))
    >>> masthead_date("会议于2021年1月1日起施行，星期五开幕。") is None, masthead_date("") is None
    (True, True)
    """
    lines = [line for line in text.splitlines()[:2 * _MASTHEAD_LINES] if line.strip()][:_MASTHEAD_LINES]
    for line in lines:
        m = _MASTHEAD.search(line) if len(line) <= _MASTHEAD_WIDTH and not _SENTENCE_MARKS.search(line) else None
        if m:
            try:
                return datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def dateline_before(text: str, printed: datetime.date) -> datetime.date | None:
    """A year-less dateline read as the latest date not after the page's own (12月31日 in a paper of 1月1日).

    >>> dateline_before("本报北京12月31日电", datetime.date(1998, 1, 1)), dateline_before("无", datetime.date(1998, 1, 1))
    (datetime.date(1997, 12, 31), None)
    """
    day = dateline_date(text, printed.year)
    if day is not None and day > printed:
        day = dateline_date(text, printed.year - 1)
    return day


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
