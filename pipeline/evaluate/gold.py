"""Score an output folder against a hand-annotated gold page (``pipeline eval``).

The gold format is that of ``../shared/gold/wic2023-wuzhen.gold.json``; its
``about`` field sets the matching rules, applied in one place (``gold_match.fold``):
texts are compared after NFKC folding and removing spaces and quote marks.
Entities and claims are scored as sets; ``alt`` / ``alt_types`` / ``alt_labels``
are accepted alternatives; ``optional_*`` items are neutral (neither hit nor
false positive).

Choices the gold file leaves open, made here and kept stable:

* entity precision counts distinct (folded text, label) pairs; a pair is a hit
  when it matches any gold item (text or alt, type or alt_type), neutral when
  its text is an optional entity (any label), otherwise a false positive.
  Per label, gold items count under their primary type; a predicted pair
  that hits counts under the type of the item it hits (a LAW pair hitting a
  WORK_OF_ART item is a WORK_OF_ART hit), a false positive under its own label.
* dates and claims match on folded text exactly first; only when no exact
  match exists, on containment (either text inside the other).  Claims are
  matched one to one, so one long predicted row cannot satisfy two gold claims.
  Value / unit / qualifier / object accuracy is measured over matched claims;
  a gold claim without an ``object`` key is left out of object accuracy.
* the garbled-paragraph check needs ``repair.garbled_contains`` (a string or a
  list); without it the check is skipped and a note says so.

Extra fields of the project's own golds (``tests/gold``), all optional:

* headings: ``optional_headings`` are neutral for precision.
* dates: ``alt`` texts and ``alt_values`` are accepted; DATE precision counts distinct
  predicted texts, with ``optional_dates`` (and ``optional_entities``) neutral.
* claims: ``alt`` texts are matched like ``text``; a null ``value`` (a range) compares
  ``value_low`` / ``value_high`` only.
* quotes: ``alt_speakers`` are accepted; ``contains_all`` fragments may be spread over
  consecutive rows of the speaker; ``optional`` quotes are neutral; ``kind`` and ``role``
  give accuracy rows over the quotes found (a printed role may add leading modifiers).
* captions: ``agency`` gives an accuracy row over the captions found.
* ``credits`` ({role, name}) are scored per role like ``page_credits``; ``dateline.date``
  against documents.csv ``dateline_date`` (skipped with a note when absent or not ISO).

This module puts the sections together (``score``); each concern has a sibling module:
``gold_files`` reads the gold and the output folder, ``gold_match`` holds the matching rules,
``gold_rows`` writes figures into report rows, and the sections are scored in ``gold_paragraphs``
(repair, headings), ``gold_entities`` (entities, dates), ``gold_claims``, ``gold_quotes`` and
``gold_page`` (captions, credits, dateline).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluate.gold_claims import score_claims
from pipeline.evaluate.gold_entities import score_dates, score_entities
from pipeline.evaluate.gold_files import EvalError, OutputTables, find_doc_id, load_gold, para_key
from pipeline.evaluate.gold_page import score_captions, score_credits, score_dateline
from pipeline.evaluate.gold_paragraphs import score_headings, score_repair
from pipeline.evaluate.gold_quotes import score_quotes
from pipeline.evaluate.report import Report


def score(out_dir: Path, gold_path: Path, doc_id: str | None = None) -> Report:
    """Score the document of ``out_dir`` that the gold file describes (or ``doc_id``)."""
    out_dir, gold_path = Path(out_dir), Path(gold_path)
    if not out_dir.is_dir():
        raise EvalError(f"output folder {out_dir} does not exist")
    gold = load_gold(gold_path)
    output = OutputTables(out_dir)
    doc = find_doc_id(output, gold, doc_id)
    report = Report(gold=str(gold_path), out_dir=str(out_dir), doc_id=doc)
    status = next((d for d in output.rows("documents", doc)), {})
    if status.get("status", "ok") not in ("", "ok"):
        report.notes.append(f"document status is {status.get('status')}: {status.get('error', '')}")
    paragraphs = sorted(output.rows("paragraphs", doc), key=para_key)
    entities = output.rows("entities", doc)
    report.sections = [
        score_repair(gold, paragraphs, report),
        score_headings(gold, paragraphs),
        score_entities(gold, entities),
        score_dates(gold, entities),
        score_claims(gold, output.rows("claims", doc)),
        score_quotes(gold, output.rows("quotes", doc)),
        score_captions(gold, output.rows("captions", doc)),
        score_credits(gold, output.rows("credits", doc)),
    ]
    dateline = score_dateline(gold, status, report)
    if dateline is not None:
        report.sections.append(dateline)
    report.notes.extend(f"{name} missing or unreadable: scored as empty" for name in dict.fromkeys(output.missing))
    return report
