"""Scoring entities.csv against the gold: named entities as sets of (folded text, label), dates apart.

A DATE is right only with the right normalised value, and date texts overlap, so dates match on
exact text first, then on containment, and are kept out of the entity figures.
"""

from __future__ import annotations

from pipeline.evaluate.gold_match import accepted_texts, contains_either, fold, gold_strings
from pipeline.evaluate.gold_rows import clip_list, f1, ratio
from pipeline.evaluate.report import Section


def _entity_matches(item: dict, text: str, label: str) -> bool:
    types = {item.get("type")} | set(gold_strings(item.get("alt_types")))
    return label in types and text in accepted_texts(item)


def score_entities(gold: dict, entities: list[dict]) -> Section:
    """Set-based P/R/F1 over (folded text, label), per label and overall; DATE is scored apart."""
    items = [e for e in gold.get("entities") or [] if isinstance(e, dict) and accepted_texts(e) and e.get("type")]
    optional = {fold(t) for t in gold_strings(gold.get("optional_entities"))}
    predicted = {
        (fold(e.get("text")), e.get("label", "")) for e in entities if e.get("label") != "DATE" and fold(e.get("text"))
    }
    hits = [any(_entity_matches(item, t, lab) for t, lab in predicted) for item in items]
    # pair -> (label it is filed under, hit?); a hit is filed under the type of the gold item it
    # matches (a LAW pair that hits a WORK_OF_ART item counts for WORK_OF_ART); neutral pairs are left out
    verdict: dict[tuple[str, str], tuple[str, bool]] = {}
    for text, label in sorted(predicted):
        item = next((i for i in items if _entity_matches(i, text, label)), None)
        if item is not None:
            verdict[(text, label)] = (item["type"], True)
        elif text not in optional:
            verdict[(text, label)] = (label, False)
    section = Section("entities")

    def add(name: str, gold_hits: list[bool], pred: list[bool], missed: list[str], wrong: list[str]) -> None:
        precision, recall = ratio(sum(pred), len(pred)), ratio(sum(gold_hits), len(gold_hits))
        section.add(
            f"{name} precision", precision, f"{sum(pred)}/{len(pred)}" + ("  FP: " + clip_list(wrong) if wrong else "")
        )
        section.add(
            f"{name} recall",
            recall,
            f"{sum(gold_hits)}/{len(gold_hits)}" + ("  missed: " + clip_list(missed) if missed else ""),
        )
        section.add(f"{name} F1", f1(precision, recall))

    add(
        "overall",
        hits,
        [ok for _, ok in verdict.values()],
        [f"{i['text']}/{i['type']}" for i, h in zip(items, hits, strict=True) if not h],
        [f"{t}/{lab}" for (t, lab), (_, ok) in verdict.items() if not ok],
    )
    for label in sorted({i["type"] for i in items} | {filed for filed, _ in verdict.values()}):
        mine = [(i, h) for i, h in zip(items, hits, strict=True) if i["type"] == label]
        pred = [(text, ok) for (text, _), (filed, ok) in verdict.items() if filed == label]
        add(
            label,
            [h for _, h in mine],
            [ok for _, ok in pred],
            [i["text"] for i, h in mine if not h],
            [t for t, ok in pred if not ok],
        )
    return section


def _date_candidates(texts: set[str], predicted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Predicted (text, value) pairs for a gold date: exact text (or alt) first, else containment."""
    return [p for p in predicted if p[0] in texts] or [
        p for p in predicted if any(contains_either(p[0], t) for t in texts)
    ]


def score_dates(gold: dict, entities: list[dict]) -> Section:
    """Gold dates found as a DATE entity with an accepted value; precision over distinct DATE texts.

    A gold date accepts its ``text`` or any ``alt`` text and its ``value`` or any ``alt_values``.
    A predicted DATE text is a hit when it matches a gold date's text (exact or containment), neutral
    when it matches an ``optional_dates`` or ``optional_entities`` text, else a false positive.
    """
    dates = [d for d in gold.get("dates") or [] if isinstance(d, dict) and accepted_texts(d)]
    predicted = [(fold(e.get("text")), e.get("normalized", "").strip()) for e in entities if e.get("label") == "DATE"]
    predicted = [p for p in predicted if p[0]]
    found, misses = 0, []
    for date in dates:
        values = {str(v).strip() for v in [date.get("value"), *gold_strings(date.get("alt_values"))] if v is not None}
        candidates = _date_candidates(accepted_texts(date), predicted)
        if any(v in values for _, v in candidates):
            found += 1
        else:
            got = ", ".join(sorted({f"{t}={v or '∅'}" for t, v in candidates})) or "not found"
            misses.append(f"{date.get('text')} (want {' or '.join(sorted(values))}; got {got})")
    gold_texts = set().union(*(accepted_texts(d) for d in dates)) if dates else set()
    optional = {fold(t) for t in gold_strings(gold.get("optional_dates")) + gold_strings(gold.get("optional_entities"))}
    optional -= {""}
    distinct = sorted({t for t, _ in predicted})
    hits = [t for t in distinct if any(contains_either(t, g) for g in gold_texts)]
    false_pos = [t for t in distinct if t not in hits and not any(contains_either(t, o) for o in optional)]
    section = Section("dates")
    section.add(
        "accuracy",
        ratio(found, len(dates)),
        f"{found}/{len(dates)}" + ("  missed: " + clip_list(misses) if misses else ""),
    )
    counted = len(hits) + len(false_pos)
    section.add(
        "precision",
        ratio(len(hits), counted),
        f"{len(hits)}/{counted} ({len(distinct) - counted} optional)"
        + ("  FP: " + clip_list(false_pos) if false_pos else ""),
    )
    return section
