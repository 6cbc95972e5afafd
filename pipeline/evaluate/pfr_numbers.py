"""Numeric claims and dates against the People's Daily 1998 gold (PFR corpus).

What is measured, and the matching rule:

- **NUMQ recall**: gold numeral + measure word spans that state a quantity,
  found by ``find_claims``.  Left out: spans whose numeral is a bare 一 or 几
  (一次, 一种, 几个), ordinals (第二次, 首家, 初三), and numerals with no digit
  at all (多家).  A gold span is found when a claim *overlaps* it (claims also
  carry the qualifier and object, so their text is longer than the gold's);
  ``numq_recall_contained`` is the stricter rate where the claim contains the
  whole gold span.
- **TIME recall**: gold time spans that name a calendar year, month or day with
  a numeral (１９９８年, 十二月三十一日, 上月１５日; not 今天, 元旦), found by
  ``find_dates``; same overlap rule, and ``time_recall_exact`` for mentions
  whose text equals the gold span.
- **numeral recall**: gold NUM and NUMQ spans that state a quantity, found by
  the numbers layer (``find_numbers``, same overlap rule).
- **unmatched sample**: claims that overlap no gold NUMQ or NUM span, a
  deterministic random sample (``sample_seed``) for a human to judge.

Every figure is also given for the two halves of the corpus (``halves``):
days 1-5, where errors are read, and days 6-10, where rules are measured.

Each paragraph's reference date is its article's date (``YYYYMMDD`` of the
id); claims skip the date spans, as the pipeline does.  Text is width-folded
first (same length, so gold offsets hold).
"""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

from pipeline.evaluate.pfr import read_paragraphs
from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates, number_skips
from pipeline.extract.numbers import find_numbers
from pipeline.extract.words import Words
from pipeline.repair.width import fold_width

_NUMERAL_CHAR = re.compile(r"[0-9０-９〇零○一二两三四五六七八九十百千万亿半]")
_ORDINAL = ("第", "首", "初", "头")
_CALENDAR = re.compile(r"(?:[0-9０-９]+|[〇零○一二三四五六七八九十廿]+)[年月日号]")


def _numeral_of(record: dict, start: int, end: int) -> str:
    """The numeral part of a NUMQ span: its tokens other than the measure word (q)."""
    pos, parts = 0, []
    for word, tag in record["tokens"]:
        if pos >= start and pos + len(word) <= end and tag != "q":
            parts.append(word)
        pos += len(word)
    return "".join(parts)


def states_quantity(numeral: str) -> bool:
    """Does a NUMQ numeral state a quantity (not 一, 几, 第三, 首, 多)?

    >>> [states_quantity(n) for n in ("１０", "两", "几十", "半", "一", "几", "第二", "首", "多")]
    [True, True, True, True, False, False, False, False, False]
    """
    return numeral not in ("一", "几") and not numeral.startswith(_ORDINAL) and bool(_NUMERAL_CHAR.search(numeral))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


class _Counts:
    """The tallies of one part of the corpus."""

    def __init__(self) -> None:
        self.numq = self.numq_hit = self.numq_contained = 0
        self.numerals = self.numeral_hit = 0
        self.times = self.time_hit = self.time_exact = 0
        self.claims = self.dates = self.numbers = self.unmatched = 0

    def figures(self) -> dict:
        return {
            "numq_recall": _ratio(self.numq_hit, self.numq),
            "numq_recall_contained": _ratio(self.numq_contained, self.numq),
            "numq_gold": self.numq,
            "numeral_recall": _ratio(self.numeral_hit, self.numerals),
            "numeral_gold": self.numerals,
            "time_recall": _ratio(self.time_hit, self.times),
            "time_recall_exact": _ratio(self.time_exact, self.times),
            "time_gold": self.times,
            "claims": self.claims,
            "numbers": self.numbers,
            "dates": self.dates,
            "claims_matching_no_gold_numeral": self.unmatched,
        }


def half_of(paragraph_id: str) -> str:
    """``days 1-5`` or ``days 6-10`` (the day of the month of the issue).

    >>> half_of("19980105-01-001-001"), half_of("19980106-01-001-001")
    ('days 1-5', 'days 6-10')
    """
    return "days 1-5" if int(paragraph_id[6:8]) <= 5 else "days 6-10"


def score_pfr_numbers(path: Path, limit_articles: int | None = None, sample_seed: int = 0) -> dict:
    """Recall of NUMQ by claims, of numerals by numbers and of calendar TIME by dates, plus a sample of unmatched claims."""
    total = _Counts()
    halves: dict[str, _Counts] = {}
    unmatched: list[dict] = []
    missed_numq: list[str] = []
    missed_time: list[str] = []
    for record in read_paragraphs(path, limit_articles):
        text = fold_width(record["text"])
        ymd = record["id"][:8]
        reference = datetime.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
        dates = find_dates(text, reference)
        date_spans = number_skips(dates)
        words = Words(text)
        numbers = find_numbers(text, words, date_spans)
        claims = find_claims(text, date_spans, words, numbers)
        half = halves.setdefault(half_of(record["id"]), _Counts())
        for counts in (total, half):
            counts.claims += len(claims)
            counts.dates += len(dates)
            counts.numbers += len(numbers)
        numerals = []
        for start, end, label, span_text in record["spans"]:
            if label in ("NUMQ", "NUM", "INNER_NUMQ", "INNER_NUM"):
                numerals.append((start, end))
            quantity = label in ("NUMQ", "NUM") and states_quantity(_numeral_of(record, start, end) if label == "NUMQ" else span_text)
            if quantity:
                found = any(_overlaps((n.start, n.end), (start, end)) for n in numbers)
                for counts in (total, half):
                    counts.numerals += 1
                    counts.numeral_hit += found
            if label == "NUMQ" and quantity:
                hits = [c for c in claims if _overlaps((c.start, c.end), (start, end))]
                contained = any(c.start <= start and end <= c.end for c in hits)
                for counts in (total, half):
                    counts.numq += 1
                    counts.numq_hit += bool(hits)
                    counts.numq_contained += contained
                if not hits:
                    missed_numq.append(span_text)
            elif label == "TIME" and _CALENDAR.search(span_text):
                hits = [d for d in dates if _overlaps((d.start, d.end), (start, end))]
                exact = any(d.start == start and d.end == end for d in hits)
                for counts in (total, half):
                    counts.times += 1
                    counts.time_hit += bool(hits)
                    counts.time_exact += exact
                if not hits:
                    missed_time.append(span_text)
        for c in claims:
            if not any(_overlaps((c.start, c.end), span) for span in numerals):
                context = text[max(0, c.start - 15) : c.start] + "【" + c.text + "】" + text[c.end : c.end + 15]
                unmatched.append({"id": record["id"], "text": c.text, "context": context})
                total.unmatched += 1
                half.unmatched += 1
    rng = random.Random(sample_seed)
    sample = rng.sample(unmatched, min(100, len(unmatched)))
    return {
        **total.figures(),
        "halves": {name: counts.figures() for name, counts in sorted(halves.items())},
        "missed_numq": missed_numq[:30],
        "missed_time": missed_time[:30],
        "unmatched_sample": sample,
    }
