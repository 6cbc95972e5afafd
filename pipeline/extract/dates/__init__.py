"""Calendar dates in newspaper text, normalized to ISO 8601.

Why rules and not a tagger: newspaper dates are a small closed grammar (year,
month, day, 旬, ranges, a dozen relative words), and every piece must come out
on a calendar, which a tagger does not give.  The text is scanned for *atoms*
(``2023年``, ``11月``, ``8日``, ``去年``, ``上旬``, ``10年来`` ...) by one regex,
adjacent atoms are merged in calendar order (year, month, day, part), and two
mentions joined by 至/到/— become one span.

Normalized values: ``2023``, ``2023-11``, ``2023-11-08``, spans ``A/B``
(``上旬`` -> days 1-10, ``中旬`` 11-20, ``下旬`` 21-end, ``上半年`` -> months
1-6, ``三季度`` -> months 7-9, ``前三季度`` -> 1-9, ``80年代`` -> 1980/1989); a quarter
without a year takes one as a month does.  Relative words resolve against ``reference``
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

>>> import datetime
>>> ref = datetime.date(2023, 11, 20)
>>> [(d.text, d.normalized) for d in find_dates("11月8日至10日,2023年世界互联网大会乌镇峰会举行", ref)]
[('11月8日至10日', '2023-11-08/2023-11-10'), ('2023年', '2023')]
>>> [(d.text, d.normalized) for d in find_dates("2020年6月上线,2020年至2023年,一九九八年十二月三十一日", ref)]
[('2020年6月', '2020-06'), ('2020年至2023年', '2020/2023'), ('一九九八年十二月三十一日', '1998-12-31')]
>>> [(d.text, d.normalized) for d in find_dates("10月,中国提出;7月21日;12月下旬;1961—1992年", ref)]
[('10月', '2023-10'), ('7月21日', '2023-07-21'), ('12月下旬', '2023-12-21/2023-12-31'), ('1961—1992年', '1961/1992')]
>>> [(d.text, d.normalized) for d in find_dates("今年上半年,去年12月3日,上月15日,本月,昨天", ref)]
[('今年上半年', '2023-01/2023-06'), ('去年12月3日', '2022-12-03'), ('上月15日', '2023-10-15'), ('本月', '2023-11'), ('昨天', '2023-11-19')]
>>> [(d.text, d.normalized) for d in find_dates("一季度增长7%,四季度,2022年前三季度,三个季度", datetime.date(2023, 1, 20))]
[('一季度', '2023-01/2023-03'), ('四季度', '2022-10/2022-12'), ('2022年前三季度', '2022-01/2022-09')]
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

from pipeline.extract.dates.atoms import counts_years
from pipeline.extract.dates.mentions import DateMention, find_dates, number_skips
from pipeline.extract.dates.reference import dateline_before, dateline_date, latest_full_date, latest_of, masthead_date

__all__ = [
    "DateMention",
    "counts_years",
    "dateline_before",
    "dateline_date",
    "find_dates",
    "latest_full_date",
    "latest_of",
    "masthead_date",
    "number_skips",
]
