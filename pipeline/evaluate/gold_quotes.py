"""Scoring quotes.csv against the gold: a gold quote is found when consecutive rows of an accepted speaker
hold all its fragments (a quotation may run over several paragraphs); then kind and role accuracy.
"""

from __future__ import annotations

from pipeline.evaluate.gold_files import para_key
from pipeline.evaluate.gold_match import accepted_texts, fold, gold_strings, to_decimal
from pipeline.evaluate.gold_rows import add_accuracy, clip_list, ratio
from pipeline.evaluate.report import Section


def _quote_order(row: dict) -> tuple[int, int]:
    start = to_decimal(row.get("start"))
    return (para_key(row)[0], int(start) if start is not None else 0)


def _quote_window(quote: dict, rows: list[dict]) -> list[dict] | None:
    """The shortest run of consecutive rows by an accepted speaker holding every wanted fragment.

    Speakers accepted: ``speaker`` and ``alt_speakers``.  Fragments: ``contains`` and every
    ``contains_all`` item; each must lie inside one row, but they may be spread over consecutive
    rows of the same speaker (a quotation running over several paragraphs).  Earliest run wins a tie.
    """
    speakers = accepted_texts(quote, "speaker", "alt_speakers")
    fragments = [
        f for f in (fold(t) for t in gold_strings(quote.get("contains")) + gold_strings(quote.get("contains_all"))) if f
    ]
    texts = [fold(r.get("text")) for r in rows]
    best: list[dict] | None = None
    for i in range(len(rows)):
        for j in range(i, len(rows)):
            if fold(rows[j].get("speaker")) not in speakers:
                break
            joined = "\n".join(texts[i : j + 1])
            if all(f in joined for f in fragments):
                if best is None or j + 1 - i < len(best):
                    best = rows[i : j + 1]
                break
    return best


def _role_agrees(gold_role: object, row: dict) -> bool:
    """The printed role may carry extra leading modifiers (place, unit): 东营市垦利区种粮大户 for 种粮大户.

    >>> _role_agrees("种粮大户", {"role": "东营市垦利区种粮大户"}), _role_agrees("局长", {"role": "长"})
    (True, False)
    >>> _role_agrees("", {"role": ""}), _role_agrees("", {"role": "教授"})
    (True, False)
    """
    want, got = fold(gold_role), fold(row.get("role"))
    return got.endswith(want) if want else not got


def score_quotes(gold: dict, quotes: list[dict]) -> Section:
    """Gold quotes found (right speaker, every fragment), then kind and role accuracy over those found.

    ``optional`` quotes are neutral: left out of ``found`` and of the accuracies.  Kind and role
    are read from the first row of the matching run and judged only where the gold gives them
    (no row at all when no gold quote has the field).
    """
    wanted = [q for q in gold.get("quotes") or [] if isinstance(q, dict) and fold(q.get("contains"))]
    counted = [q for q in wanted if q.get("optional") is not True]
    rows = sorted(quotes, key=_quote_order)
    windows = [_quote_window(q, rows) for q in counted]
    found = [w is not None for w in windows]
    optional_found = sum(1 for q in wanted if q.get("optional") is True and _quote_window(q, rows) is not None)
    section = Section("quotes")
    section.add(
        "found",
        ratio(sum(found), len(counted)),
        f"{sum(found)}/{len(counted)} ({len(wanted) - len(counted)} optional, {optional_found} of them found;"
        f" {len(quotes)} rows)"
        + (
            "  missed: "
            + clip_list(f"{q.get('speaker')}: {q['contains']}" for q, ok in zip(counted, found, strict=True) if not ok)
            if not all(found)
            else ""
        ),
    )
    matched = [(q, w[0]) for q, w in zip(counted, windows, strict=True) if w is not None]
    for name, agrees in (
        ("kind", lambda q, r: r.get("kind", "").strip() == str(q["kind"]).strip()),
        ("role", lambda q, r: _role_agrees(q["role"], r)),
    ):
        if not any(name in q for q in counted):
            continue  # a gold without kinds (roles) gets no row for them
        judged = [(q, r) for q, r in matched if name in q]
        wrong = [f"{q.get('speaker')}: {r.get(name) or '∅'} ≠ {q[name] or '∅'}" for q, r in judged if not agrees(q, r)]
        add_accuracy(section, name, len(judged), wrong)
    return section
