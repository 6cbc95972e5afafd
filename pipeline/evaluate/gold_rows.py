"""How the gold scorers write their figures into report rows: ratios, F1, clipped miss lists, accuracy rows.

Shared so that every section words its details the same way (``3/4  missed: a; b``) and a ratio
without a denominator is None (nothing to judge), not 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.evaluate.report import Section


def ratio(hits: int, total: int) -> float | None:
    """``hits / total``; None when there is nothing to judge, so an empty gold reads as n/a, not 0.

    >>> ratio(3, 4), ratio(0, 0)
    (0.75, None)
    """
    return None if total == 0 else hits / total


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when nothing was predicted for gold that exists, None when there is no gold.

    >>> f1(0.5, 1.0), f1(None, 0.0), f1(1.0, None), f1(0.0, 0.0)
    (0.6666666666666666, 0.0, None, 0.0)
    """
    if precision is None and recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def clip_list(items: Iterable[str], limit: int = 12) -> str:
    """Items joined for a detail cell, cut after ``limit`` with a count of the rest, so a row stays one line.

    >>> clip_list(["甲", "乙", "丙"], limit=2)
    '甲; 乙; … (+1)'
    """
    items = list(items)
    shown = "; ".join(items[:limit])
    return shown + (f"; … (+{len(items) - limit})" if len(items) > limit else "")


def add_accuracy(section: Section, name: str, judged: int, wrong: list[str]) -> None:
    """A ``NAME accuracy`` row over ``judged`` matched items, listing the ``wrong`` ones."""
    good = judged - len(wrong)
    section.add(
        f"{name} accuracy", ratio(good, judged), f"{good}/{judged}" + ("  wrong: " + clip_list(wrong) if wrong else "")
    )
