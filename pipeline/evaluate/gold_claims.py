"""Scoring claims.csv against the gold: claim texts matched one to one, then value, qualifier, unit and
object accuracy over the matched pairs.
"""

from __future__ import annotations

from pipeline.evaluate.gold_match import accepted_texts, contains_either, fold, gold_strings, to_decimal
from pipeline.evaluate.gold_rows import add_accuracy, clip_list, ratio
from pipeline.evaluate.report import Section


def _match_claims(golds: list[dict], rows: list[dict]) -> dict[int, int]:
    """Gold index -> predicted row index, one to one: exact folded text first, then containment."""
    texts = [fold(r.get("text")) for r in rows]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for exact in (True, False):
        for g, claim in enumerate(golds):
            if g in pairs:
                continue
            wants = accepted_texts(claim)
            for r, text in enumerate(texts):
                if r not in used and (text in wants if exact else any(contains_either(text, w) for w in wants)):
                    pairs[g] = r
                    used.add(r)
                    break
    return pairs


def _same_value(claim: dict, row: dict) -> bool:
    """Value, value_low and value_high agree where the gold gives them; a null gold value (a range) is skipped."""
    for key in ("value", "value_low", "value_high"):
        if claim.get(key) is not None and to_decimal(claim[key]) != to_decimal(row.get(key)):
            return False
    return True


def _value_text(item: dict) -> str:
    """A claim's value as shown in a miss (gold item or CSV row): the value, or low–high for a range.

    >>> _value_text({"value": None, "value_low": 3, "value_high": 5}), _value_text({"value": "126"})
    ('3–5', '126')
    """
    low, high = item.get("value_low"), item.get("value_high")
    if low not in (None, "") or high not in (None, ""):
        return f"{'∅' if low in (None, '') else low}–{'∅' if high in (None, '') else high}"
    value = item.get("value")
    return "" if value is None else str(value)


def score_claims(gold: dict, claims: list[dict]) -> Section:
    """Recall and precision of claim texts, then value / qualifier / unit / object accuracy over matches."""
    golds = [c for c in gold.get("claims") or [] if isinstance(c, dict) and accepted_texts(c)]
    optional = [fold(t) for t in gold_strings(gold.get("optional_claims"))]
    first: dict[str, dict] = {}  # set-based: one row per distinct folded text, the first printed
    for row in claims:
        first.setdefault(fold(row.get("text")), row)
    first.pop("", None)
    rows = list(first.values())
    pairs = _match_claims(golds, rows)
    unmatched = [r for i, r in enumerate(rows) if i not in set(pairs.values())]
    neutral = [r for r in unmatched if any(contains_either(fold(r.get("text")), o) for o in optional)]
    false_pos = [r.get("text", "") for r in unmatched if r not in neutral]
    counted = len(rows) - len(neutral)
    section = Section("claims")
    section.add(
        "recall",
        ratio(len(pairs), len(golds)),
        f"{len(pairs)}/{len(golds)}"
        + (
            "  missed: " + clip_list(c["text"] for g, c in enumerate(golds) if g not in pairs)
            if len(pairs) < len(golds)
            else ""
        ),
    )
    section.add(
        "precision",
        ratio(len(pairs), counted),
        f"{len(pairs)}/{counted} ({len(neutral)} optional)" + ("  FP: " + clip_list(false_pos) if false_pos else ""),
    )
    checks = {
        "value": (lambda c: True, _same_value, _value_text),
        "qualifier": (
            lambda c: "qualifier" in c,
            lambda c, r: r.get("qualifier", "").strip() == str(c["qualifier"]),
            lambda x: str(x.get("qualifier", "")),
        ),
        "unit": (
            lambda c: "unit" in c,
            lambda c, r: fold(r.get("unit")) == fold(c["unit"]),
            lambda x: str(x.get("unit", "")),
        ),
        "object": (
            lambda c: "object" in c,
            lambda c, r: fold(r.get("object")) == fold(c["object"]),
            lambda x: str(x.get("object", "")),
        ),
    }
    for name, (applies, agrees, shown) in checks.items():
        judged = [(golds[g], rows[r]) for g, r in pairs.items() if applies(golds[g])]
        wrong = [f"{c['text']}: {shown(r) or '∅'} ≠ {shown(c)}" for c, r in judged if not agrees(c, r)]
        add_accuracy(section, name, len(judged), wrong)
    return section
