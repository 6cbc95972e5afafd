"""People's Daily, January 1998 (PFR corpus): reading it, and the report over it.

The corpus is research data read from ``../shared/pfr1998/`` at run time
(or ``$PIPELINE_SHARED``), never copied into the project.  One JSON object per
paragraph; paragraphs whose ids share ``YYYYMMDD-PP-AAA`` form an article.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.evaluate.report import Report, Section


def shared_dir() -> Path:
    """``../shared`` beside the repository, or ``$PIPELINE_SHARED``."""
    env = os.environ.get("PIPELINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"


def dev_path() -> Path:
    return shared_dir() / "pfr1998" / "dev.spans.jsonl.gz"


def article_id(paragraph_id: str) -> str:
    """``19980101-01-001-004`` → ``19980101-01-001``."""
    return paragraph_id.rsplit("-", 1)[0]


#: the 1998 split: errors are read on the first five days only, the last five measure how a rule
#: learned the language rather than the pages it was written on
SPLITS = {"1-5": ("19980101", "19980105"), "6-10": ("19980106", "19980110")}


def in_split(paragraph_id: str, split: str | None) -> bool:
    """Whether a paragraph belongs to a split (``None``: every day).

    >>> in_split("19980103-01-001-004", "1-5"), in_split("19980103-01-001-004", "6-10"), in_split("19980110-02-003-001", None)
    (True, False, True)
    """
    if split is None:
        return True
    first, last = SPLITS[split]
    return first <= paragraph_id[:8] <= last


def read_paragraphs(path: Path, limit_articles: int | None = None, split: str | None = None) -> Iterator[dict[str, Any]]:
    """Paragraph records in file order (of the days of ``split`` only), stopping after ``limit_articles`` articles."""
    opener = gzip.open if str(path).endswith(".gz") else open
    seen: set[str] = set()
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if not in_split(record["id"], split):
                continue
            article = article_id(record["id"])
            if article not in seen:
                if limit_articles is not None and len(seen) >= limit_articles:
                    return
                seen.add(article)
            yield record


def read_articles(
    path: Path, limit_articles: int | None = None, split: str | None = None
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(article id, its paragraph records) in file order."""
    current, paragraphs = None, []
    for record in read_paragraphs(path, limit_articles, split):
        article = article_id(record["id"])
        if article != current and paragraphs:
            yield current, paragraphs
            paragraphs = []
        current = article
        paragraphs.append(record)
    if paragraphs:
        yield current, paragraphs


def entity_section(figures: dict[str, Any]) -> Section:
    """P/R/F1 per label for our extractor and each reference tagger, on the same text."""
    section = Section("entities (exact spans; GPE/LOC/FAC count as place)")
    for system, labels in figures["systems"].items():
        for label in ("PER", "place", "ORG", "micro"):
            m = labels.get(label)
            if m:
                section.add(f"{system} {label} F1", m["f1"], f"P {m['p']:.3f} R {m['r']:.3f} (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    for note in figures.get("notes", []):
        section.add("note", None, note)
    return section


def numbers_section(figures: dict[str, Any]) -> Section:
    section = Section("numerals and dates")
    section.add("NUMQ recall by claims", figures["numq_recall"], f"{figures['numq_gold']} gold quantities (overlap)")
    section.add("NUMQ recall, claim contains gold", figures["numq_recall_contained"])
    section.add("TIME recall by DATE", figures["time_recall"], f"{figures['time_gold']} gold calendar dates (overlap)")
    section.add("TIME exact boundaries", figures["time_recall_exact"])
    section.add(
        "claims matching no gold numeral", None,
        f"{figures['claims_matching_no_gold_numeral']} of {figures['claims']} claims",
    )
    return section


def repair_section(figures: dict[str, Any]) -> Section:
    section = Section("repair (seeded damage simulator)")
    runs = {"all kinds": figures["damage"]["all"], **figures["damage"].get("per_kind", {})}
    for label, run in runs.items():
        if run.get("removed") is None:
            continue
        section.add(
            f"damage removed: {label}", run["removed"],
            f"CER {run['cer_before']:.4f} -> {run['cer_after']:.4f}",
        )
    harm = figures["harm"]
    edits = ", ".join(f"{k} {v}" for k, v in harm["false_edits"].items()) or "none"
    section.add(
        "harm: clean characters changed", harm["share_changed"],
        f"{harm['changed_chars']} of {harm['chars']} (width folds excluded); false edits: {edits}",
    )
    return section


def score_pfr(path: Path, limit_articles: int | None = None) -> Report:
    """Entities (against jieba and THULAC), numerals and times, and repair on the 1998 corpus."""
    from pipeline.evaluate.pfr_entities import score_pfr_entities
    from pipeline.evaluate.pfr_numbers import score_pfr_numbers
    from pipeline.evaluate.repair_metrics import measure_repair

    report = Report(gold=str(path), out_dir="", doc_id=f"{limit_articles or 'all'} articles")
    report.sections.append(entity_section(score_pfr_entities(path, limit_articles)))
    report.sections.append(numbers_section(score_pfr_numbers(path, limit_articles)))
    report.sections.append(repair_section(measure_repair(path, limit_articles)))
    return report
