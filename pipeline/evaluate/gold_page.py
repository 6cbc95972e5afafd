"""Scoring what surrounds the articles on a page: photo captions, page and article credits, the dateline date."""

from __future__ import annotations

import re

from pipeline.evaluate.gold_match import accepted_texts, fold, gold_strings
from pipeline.evaluate.gold_rows import add_accuracy, clip_list, ratio
from pipeline.evaluate.report import Report, Section

#: gold ``page_credits`` key -> credits.csv role
CREDIT_ROLES = {
    "editors": "editor",
    "layout": "layout",
    "reporters": "reporter",
    "photographers": "photographer",
    "correspondents": "correspondent",
}


def score_captions(gold: dict, captions: list[dict]) -> Section:
    """Gold captions with a row of the right label (or alt label), text and photographer.

    Then agency accuracy over the captions found, when the gold gives agencies.
    """
    wanted = [c for c in gold.get("captions") or [] if isinstance(c, dict) and fold(c.get("contains"))]

    def ok(c: dict, r: dict) -> bool:
        labels = accepted_texts(c, "label", "alt_labels")
        return (
            fold(c["contains"]) in fold(r.get("text"))
            and (not labels or fold(r.get("label")) in labels)
            and fold(r.get("photographer")) == fold(c.get("photographer"))
        )

    hits = [next((r for r in captions if ok(c, r)), None) for c in wanted]
    section = Section("captions")
    missed = [c for c, hit in zip(wanted, hits, strict=True) if hit is None]
    section.add(
        "found",
        ratio(len(wanted) - len(missed), len(wanted)),
        f"{len(wanted) - len(missed)}/{len(wanted)} ({len(captions)} rows)"
        + ("  missed: " + clip_list(f"{c.get('label')} {c.get('photographer')}" for c in missed) if missed else ""),
    )
    if not any("agency" in c for c in wanted):
        return section
    judged = [(c, r) for c, r in zip(wanted, hits, strict=True) if r is not None and "agency" in c]
    wrong = [
        f"{c.get('label')}: {r.get('agency') or '∅'} ≠ {c['agency'] or '∅'}"
        for c, r in judged
        if fold(r.get("agency")) != fold(c["agency"])
    ]
    add_accuracy(section, "agency", len(judged), wrong)
    return section


def _gold_credits(gold: dict) -> dict[str, set[str]]:
    """credits.csv role -> gold names, from ``page_credits`` (editors, layout) and ``credits`` ({role, name})."""
    wanted: dict[str, set[str]] = {}
    page = gold.get("page_credits")
    for key, names in page.items() if isinstance(page, dict) else ():
        wanted.setdefault(CREDIT_ROLES.get(key, key), set()).update(fold(n) for n in gold_strings(names))
    for item in gold.get("credits") or []:
        if isinstance(item, dict) and isinstance(item.get("role"), str):
            wanted.setdefault(item["role"], set()).update(fold(n) for n in gold_strings(item.get("name")))
    return {role: names - {""} for role, names in wanted.items()}


def score_credits(gold: dict, credits: list[dict]) -> Section:
    """Per credited role the gold names: exact set match, precision and recall of names."""
    section = Section("credits")
    for role, wanted in _gold_credits(gold).items():
        found = {fold(r.get("name")) for r in credits if r.get("role") == role} - {""}
        both = wanted & found
        section.add(f"{role} exact", 1.0 if wanted == found else 0.0, f"got {'、'.join(sorted(found)) or '∅'}")
        section.add(
            f"{role} precision",
            ratio(len(both), len(found)),
            f"{len(both)}/{len(found)}" + ("  extra: " + clip_list(sorted(found - wanted)) if found - wanted else ""),
        )
        section.add(
            f"{role} recall",
            ratio(len(both), len(wanted)),
            f"{len(both)}/{len(wanted)}" + ("  missed: " + clip_list(sorted(wanted - found)) if wanted - found else ""),
        )
    return section


#: a dateline date the scorer can compare: ISO 8601 year, month or day
_ISO_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def score_dateline(gold: dict, document: dict, report: Report) -> Section | None:
    """The gold ``dateline.date`` against documents.csv ``dateline_date``; None when the gold has none.

    Skipped with a note when the output has no such column or writes it in another format.
    """
    dateline = gold.get("dateline")
    want = str(dateline.get("date") or "").strip() if isinstance(dateline, dict) else ""
    if not want:
        return None
    if "dateline_date" not in document:
        report.notes.append("dateline check skipped: documents.csv has no dateline_date column")
        return None
    got = document["dateline_date"].strip()
    if got and not _ISO_DATE.fullmatch(got):
        report.notes.append(f"dateline check skipped: dateline_date {got!r} is not an ISO date")
        return None
    section = Section("dateline")
    section.add("date", 1.0 if got == want else 0.0, f"got {got or '∅'}, want {want} ({dateline.get('text', '')})")
    return section
