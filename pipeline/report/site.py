"""Writing the report: the overview, one page per document, the search page and its index.

The site is static and self-contained (its stylesheet and scripts are copied beside the
pages, the charts are inline SVG, nothing is fetched), so it opens from disk and can be
zipped and mailed. It is built in a temporary folder beside the target and renamed into
place: a report is never half written, and pages of documents gone from the folder do
not linger. An existing target is replaced only if an earlier report wrote it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from spacy.displacy.render import DEFAULT_LABEL_COLORS

from pipeline.report import pages
from pipeline.report.charts import bar_chart
from pipeline.report.figures import Entity, Overview, entity_index, overview, ranked
from pipeline.report.rawtext import visible
from pipeline.report.tables import Folder, ReportError, read_folder

HERE = Path(__file__).parent
#: the file that marks a folder as a report this module may replace
MARKER = ".pipeline-report"
#: rows of a chart before the rest is summed as "other"
CHART_ROWS = 15
#: failed documents and flagged paragraphs listed on the overview (the search page has all)
LISTED = 50


@dataclass
class Summary:
    index: Path
    documents: int
    #: documents whose raw text is shown beside the repaired text
    with_raw: int


def build_report(out: Path, target: Path, corpus: Path | None = None, top: int = 10) -> Summary:
    """Write the report of output folder ``out`` into folder ``target``."""
    folder = read_folder(out)
    if corpus is not None and not corpus.is_dir():
        raise ReportError(f"corpus folder {corpus} does not exist")
    _check_target(target, [out] + ([corpus] if corpus else []))
    entities = entity_index(folder)
    figures = overview(folder, entities, top)
    env = _environment(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a report is for reading
    try:
        shutil.copytree(HERE / "static", staging / "assets")
        _write(staging / "index.html", env.get_template("overview.html.j2").render(
            root="", o=figures, charts=_charts(figures), search=pages.search_link, listed=LISTED,
            doc_link=lambda doc_id: pages.href(pages.page_path(doc_id)),
        ))
        _write(staging / pages.SEARCH, env.get_template("search.html.j2").render(root=""))
        _write(staging / "assets" / "search-index.js", _search_index(folder, entities))
        with_raw = _write_documents(env, folder, corpus, staging)
        (staging / MARKER).write_text("written by `pipeline report`; the folder is replaced on the next run\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Summary(target / "index.html", len(folder.documents), with_raw)


def _check_target(target: Path, inputs: list[Path]) -> None:
    """Refuse a target that is a file, someone else's folder, or holds the inputs (it is replaced whole)."""
    for folder in inputs:
        if folder.resolve().is_relative_to(target.resolve()):
            raise ReportError(f"{target} holds {folder}, which the report reads: choose a folder outside it")
    if target.exists() and not target.is_dir():
        raise ReportError(f"{target} is a file, not a folder for the report")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise ReportError(f"{target} is not empty and holds no earlier report (no {MARKER} file): choose a new folder")


def _environment(folder: Folder) -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["num"] = lambda n: "–" if n is None else f"{n:,}"
    env.filters["href"] = pages.href
    env.filters["visible"] = lambda text: visible(text, 80)
    env.globals.update(
        folder=folder, label_colors=DEFAULT_LABEL_COLORS, run=folder.run_info, folder_name=folder.path.name or str(folder.path),
    )
    return env


def _charts(figures: Overview) -> dict[str, str]:
    statuses = [("ok", figures.ok), ("error", figures.failed)] + ([("no status", figures.unknown)] if figures.unknown else [])
    return {
        "documents": bar_chart(statuses, "Documents by status", {"ok": "#7fc97f", "error": "#f0027f", "no status": "#cccccc"}),
        "records": bar_chart([(t, n) for t, n in figures.records.items() if n is not None], "Records per table"),
        "labels": bar_chart(ranked(figures.labels, CHART_ROWS), "Entity mentions by label", DEFAULT_LABEL_COLORS),
        "units": bar_chart(ranked(figures.units, CHART_ROWS), "Claims by unit"),
        "repairs": bar_chart(ranked(figures.repair_kinds, CHART_ROWS), "Repairs by kind"),
    }


def _write_documents(env: Environment, folder: Folder, corpus: Path | None, staging: Path) -> int:
    template = env.get_template("document.html.j2")
    documents = folder.documents
    with_raw = 0
    for i, doc in enumerate(documents):
        page = pages.document_page(folder, doc, corpus)
        if i:
            page.previous = (documents[i - 1].doc_id, page.root + pages.href(pages.page_path(documents[i - 1].doc_id)))
        if i + 1 < len(documents):
            page.next = (documents[i + 1].doc_id, page.root + pages.href(pages.page_path(documents[i + 1].doc_id)))
        with_raw += page.raw_rows is not None
        _write(staging / page.path, template.render(root=page.root, page=page, search=pages.search_link))
    return with_raw


def _search_index(folder: Folder, entities: list[Entity]) -> str:
    """The search page's data as a script (a page opened from disk may not fetch JSON).

    Documents are ``[doc_id, title, href, status, entities, claims, quotes, repairs,
    flagged paragraphs]``; entities ``[label, name, mentions, [document numbers], forms]``.
    """
    numbers = {doc.doc_id: i for i, doc in enumerate(folder.documents)}
    docs = [
        [
            doc.doc_id, doc.title, pages.href(pages.page_path(doc.doc_id)), doc.status,
            *(len(folder.of(table, doc.doc_id)) for table in ("entities", "claims", "quotes", "repairs")),
            sum(p.quality not in ("", "ok") for p in folder.of("paragraphs", doc.doc_id)),
        ]
        for doc in folder.documents
    ]
    ents = [[e.label, e.name, e.mentions, [numbers[d] for d in e.doc_ids], " ".join(e.forms)] for e in entities]
    data = json.dumps({"docs": docs, "ents": ents}, ensure_ascii=False, separators=(",", ":"))
    return f"window.REPORT_INDEX = {data};\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
