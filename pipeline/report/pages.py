"""Where each page goes, and what a document's page shows.

A document's page is ``doc/<doc_id>.html``: doc ids are paths relative to the corpus,
so the report mirrors the corpus folders. A doc id that is not a safe relative path
(empty, ``..``, a backslash) gets a page named by its hash instead.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.report import entities as ents
from pipeline.report import rawtext
from pipeline.report.tables import Folder, as_int

#: the search page, relative to the report's root
SEARCH = "search.html"


def page_path(doc_id: str) -> str:
    """The file of a document's page, relative to the report's root.

    >>> page_path("world/2024-forum-nanning"), page_path("人民日报/0101")
    ('doc/world/2024-forum-nanning.html', 'doc/人民日报/0101.html')
    >>> page_path("../etc/passwd")
    'doc/_/7fef78f53440346c.html'
    """
    parts = doc_id.split("/")
    if not doc_id or any(p in ("", ".", "..") or "\\" in p or "\0" in p or p.startswith(".") for p in parts):
        return f"doc/_/{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}.html"
    return "doc/" + doc_id + ".html"


def href(path: str) -> str:
    """A page path as a URL path (each part percent-encoded; '#' and '?' are not anchors).

    >>> href("doc/a b/#1.html")
    'doc/a%20b/%231.html'
    """
    return quote(path, safe="/")


def root_of(path: str) -> str:
    """The relative way back to the report's root from a page.

    >>> root_of("index.html"), root_of("doc/world/x.html")
    ('', '../../')
    """
    return "../" * path.count("/")


def search_link(root: str, query: str) -> str:
    """A link to the search page, filled in with ``query``.

    >>> search_link("../", "浙江省")
    '../search.html#q=%E6%B5%99%E6%B1%9F%E7%9C%81'
    """
    return f"{root}{SEARCH}#q={quote(query, safe='')}"


@dataclass
class Paragraph:
    para_no: int | None
    kind: str
    quality: str
    text: str
    raw_start: int | None
    html: str = ""


@dataclass
class DocumentPage:
    doc: Any
    path: str
    root: str
    paragraphs: list[Paragraph]
    #: names inside longer names, with their paragraph (displaCy draws one level)
    nested: list[tuple[int | None, ents.Span]]
    #: label -> [(name, mentions, search link)], most mentioned first
    entity_groups: dict[str, list[tuple[str, int, str]]]
    claims: list[Any]
    quotes: list[Any]
    captions: list[Any]
    credits: list[Any]
    repairs: list[rawtext.Repair]
    repair_kinds: list[tuple[str, int]]
    #: (para_no, raw html, the repaired paragraph) per row, or None with raw_note saying why
    raw_rows: list[tuple[int | None, str, Paragraph | None]] | None
    raw_note: str
    notes: list[str] = field(default_factory=list)
    previous: tuple[str, str] | None = None
    next: tuple[str, str] | None = None


def document_page(folder: Folder, doc: Any, corpus: Path | None) -> DocumentPage:
    """Everything a document's page shows, from the folder's rows for that document."""
    path = page_path(doc.doc_id)
    root = root_of(path)
    paragraphs, nested, misfit_entities = _paragraphs(folder, doc.doc_id, root)
    raw = rawtext.read_raw(corpus, doc.path, doc.sha256)
    length = None if raw.text is None else len(raw.text)
    repairs, misfit_repairs = rawtext.repairs_of(folder.of("repairs", doc.doc_id), length)
    page = DocumentPage(
        doc=doc,
        path=path,
        root=root,
        paragraphs=paragraphs,
        nested=nested,
        entity_groups=_entity_groups(folder, doc.doc_id, root),
        claims=_by_position(folder.of("claims", doc.doc_id)),
        quotes=_by_position(folder.of("quotes", doc.doc_id)),
        captions=folder.of("captions", doc.doc_id),
        credits=folder.of("credits", doc.doc_id),
        repairs=repairs,
        repair_kinds=Counter(r.kind for r in repairs).most_common(),
        raw_rows=_raw_rows(raw.text, paragraphs, repairs) if raw.text is not None else None,
        raw_note=raw.note,
    )
    if misfit_entities:
        page.notes.append(f"{misfit_entities} entity rows do not match their paragraph's text and are not highlighted")
    if misfit_repairs:
        page.notes.append(f"{misfit_repairs} repair rows have offsets outside the raw text and are not shown")
    return page


def _paragraphs(folder: Folder, doc_id: str, root: str) -> tuple[list[Paragraph], list, int]:
    """The document's paragraphs with displaCy's HTML, the nested names, and the misfit rows."""
    by_para: dict[int | None, list[Any]] = {}
    for row in folder.of("entities", doc_id):
        by_para.setdefault(as_int(row.para_no), []).append(row)
    paragraphs = sorted(
        (Paragraph(as_int(p.para_no), p.kind, p.quality, p.text, as_int(p.raw_start)) for p in folder.of("paragraphs", doc_id)),
        key=lambda p: (p.para_no is None, p.para_no or 0),
    )
    known = {p.para_no for p in paragraphs}
    misfits = sum(len(rows) for para_no, rows in by_para.items() if para_no not in known)
    drawn, nested = [], []
    for paragraph in paragraphs:
        spans, bad = ents.spans_of(paragraph.text, by_para.get(paragraph.para_no, []))
        misfits += bad
        outer, inner = ents.outermost(spans)
        drawn.append((paragraph.text, outer))
        nested.extend((paragraph.para_no, span) for span in inner)
    for paragraph, html in zip(paragraphs, ents.render(drawn, lambda label, name: search_link(root, name))):
        paragraph.html = html
    return paragraphs, nested, misfits


def _entity_groups(folder: Folder, doc_id: str, root: str) -> dict[str, list[tuple[str, int, str]]]:
    counts = Counter((row.label, row.normalized or row.text) for row in folder.of("entities", doc_id))
    groups: dict[str, list[tuple[str, int, str]]] = {}
    for (label, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        groups.setdefault(label, []).append((name, n, search_link(root, name)))
    return dict(sorted(groups.items(), key=lambda item: -sum(n for _, n, _ in item[1])))


def _by_position(rows: list[Any]) -> list[Any]:
    return sorted(rows, key=lambda r: (as_int(r.para_no) or 0, as_int(r.start) or 0))


def _raw_rows(raw: str, paragraphs: list[Paragraph], repairs: list[rawtext.Repair]):
    by_no = {p.para_no: p for p in paragraphs}
    cut = rawtext.rows(raw, [(p.para_no, p.raw_start) for p in paragraphs], repairs)
    return [(row.para_no, row.html, by_no.get(row.para_no)) for row in cut]
