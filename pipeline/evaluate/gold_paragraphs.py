"""Scoring paragraphs.csv against the gold: the OCR repair checks (``repair``) and the headings found."""

from __future__ import annotations

from pipeline.evaluate.gold_match import fold, gold_strings
from pipeline.evaluate.gold_rows import clip_list, ratio
from pipeline.evaluate.report import Report, Row, Section


def score_repair(gold: dict, paragraphs: list[dict], report: Report) -> Section:
    """must_contain / must_not_contain on the joined paragraph text, paragraph starts, garbled flag."""
    section = Section("repair")
    repair = gold.get("repair") or {}
    joined = "".join(fold(p.get("text"), keep_newlines=True) + "\n" for p in paragraphs)
    starts = [fold(p.get("text")) for p in paragraphs]
    checks: list[tuple[str, list[tuple[str, bool]]]] = [
        (
            "must_contain",
            [(s, fold(s, keep_newlines=True) in joined) for s in gold_strings(repair.get("must_contain"))],
        ),
        (
            "must_not_contain",
            [(s, fold(s, keep_newlines=True) not in joined) for s in gold_strings(repair.get("must_not_contain"))],
        ),
        (
            "paragraph_starts",
            [(s, any(p.startswith(fold(s)) for p in starts)) for s in gold_strings(repair.get("paragraph_starts"))],
        ),
    ]
    garbled = gold_strings(repair.get("garbled_contains"))
    if garbled:
        results = []
        for fragment in garbled:
            holders = [p for p in paragraphs if fold(fragment) in fold(p.get("text"))]
            results.append((fragment, any(p.get("quality", "ok") not in ("", "ok") for p in holders)))
        checks.append(("garbled_flagged", results))
    else:
        report.notes.append("garbled-paragraph check skipped: the gold has no repair.garbled_contains")
    passed = total = 0
    for name, results in checks:
        if not results:
            continue
        ok = sum(1 for _, good in results if good)
        passed, total = passed + ok, total + len(results)
        section.add(
            name,
            ratio(ok, len(results)),
            f"{ok}/{len(results)}"
            + ("  failed: " + clip_list(repr(s) for s, good in results if not good) if ok < len(results) else ""),
        )
    section.rows.insert(0, Row("passed", ratio(passed, total), f"{passed}/{total}"))
    return section


def score_headings(gold: dict, paragraphs: list[dict]) -> Section:
    """Precision / recall of paragraphs of kind heading; ``optional_headings`` are neutral for precision."""
    wanted = {fold(h) for h in gold_strings(gold.get("headings"))} - {""}
    optional = {fold(h) for h in gold_strings(gold.get("optional_headings"))} - wanted
    found = {fold(p.get("text")) for p in paragraphs if p.get("kind") == "heading"} - {""} - optional
    both = wanted & found
    section = Section("headings")
    section.add(
        "precision",
        ratio(len(both), len(found)),
        f"{len(both)}/{len(found)}" + ("  extra: " + clip_list(sorted(found - wanted)) if found - wanted else ""),
    )
    section.add(
        "recall",
        ratio(len(both), len(wanted)),
        f"{len(both)}/{len(wanted)}" + ("  missed: " + clip_list(sorted(wanted - found)) if wanted - found else ""),
    )
    return section
