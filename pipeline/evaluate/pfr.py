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


def read_paragraphs(path: Path, limit_articles: int | None = None) -> Iterator[dict[str, Any]]:
    """Paragraph records in file order, stopping after ``limit_articles`` articles."""
    opener = gzip.open if str(path).endswith(".gz") else open
    seen: set[str] = set()
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            article = article_id(record["id"])
            if article not in seen:
                if limit_articles is not None and len(seen) >= limit_articles:
                    return
                seen.add(article)
            yield record


def read_articles(path: Path, limit_articles: int | None = None) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(article id, its paragraph records) in file order."""
    current, paragraphs = None, []
    for record in read_paragraphs(path, limit_articles):
        article = article_id(record["id"])
        if article != current and paragraphs:
            yield current, paragraphs
            paragraphs = []
        current = article
        paragraphs.append(record)
    if paragraphs:
        yield current, paragraphs


def section_from_figures(name: str, figures: dict[str, Any]) -> Section:
    """Ratios become values, counts and words become details; nested dicts are flattened."""
    section = Section(name)
    for key, value in figures.items():
        if isinstance(value, dict):
            for sub in section_from_figures(f"{name}.{key}", value).rows:
                section.add(f"{key} {sub.metric}", sub.value, sub.detail)
        elif isinstance(value, float):
            section.add(key, value)
        elif isinstance(value, (int, str)) and not isinstance(value, bool):
            section.add(key, None, str(value))
    return section


def score_pfr(path: Path, limit_articles: int | None = None) -> Report:
    """Entities (against jieba and THULAC), numerals and times, and repair on the 1998 corpus."""
    from pipeline.evaluate.pfr_entities import score_pfr_entities
    from pipeline.evaluate.pfr_numbers import score_pfr_numbers
    from pipeline.evaluate.repair_metrics import measure_repair

    report = Report(gold=str(path), out_dir="", doc_id=f"{limit_articles or 'all'} articles")
    entities = score_pfr_entities(path, limit_articles)
    report.sections.append(section_from_figures("entities", entities))
    numbers = score_pfr_numbers(path, limit_articles)
    report.sections.append(section_from_figures("numbers and dates", numbers))
    repair = measure_repair(path, limit_articles)
    report.sections.append(section_from_figures("repair", repair))
    return report
