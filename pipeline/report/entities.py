"""Repaired paragraphs with their entities highlighted by spaCy's displaCy.

displaCy's ``ent`` style draws one level of marks, so a name inside a longer one
(美国 in 美国人, 周恩来 in 《周恩来传》) is not drawn inside it: :func:`outermost` keeps
the outermost spans and the page lists the inner ones beside the text. An entity row
whose offsets do not fit its paragraph, or whose text is not the paragraph's text at
those offsets (an older or hand-edited folder), is not drawn and is counted instead.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from spacy import displacy

from pipeline.report.tables import as_int

#: how each rendered paragraph starts in displaCy's output (text inside it is escaped)
_PARAGRAPH_START = '<div class="entities"'


class Span(NamedTuple):
    start: int
    end: int
    label: str
    text: str
    normalized: str


def spans_of(text: str, rows: list) -> tuple[list[Span], int]:
    """The entity rows of one paragraph as spans that fit its text, and how many did not.

    >>> from pipeline.report.tables import ROW_TYPES
    >>> row = ROW_TYPES["entities"]._make
    >>> spans_of("浙江举办展会", [row(["d", "1", "0", "2", "浙江", "GPE", "浙江省"]),
    ...                        row(["d", "1", "2", "9", "举办展会", "EVENT", ""])])
    ([Span(start=0, end=2, label='GPE', text='浙江', normalized='浙江省')], 1)
    """
    spans, misfits = [], 0
    for row in rows:
        start, end = as_int(row.start), as_int(row.end)
        if start is None or end is None or not 0 <= start < end <= len(text) or text[start:end] != row.text:
            misfits += 1
            continue
        spans.append(Span(start, end, row.label, row.text, row.normalized))
    return spans, misfits


def outermost(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Spans split into the outermost (in text order, none overlapping) and those inside them.

    >>> outer, inner = outermost([Span(0, 2, "GPE", "美国", ""), Span(0, 3, "NORP", "美国人", ""),
    ...                           Span(5, 7, "GPE", "中国", "")])
    >>> [s.text for s in outer], [s.text for s in inner]
    (['美国人', '中国'], ['美国'])
    """
    outer: list[Span] = []
    inner: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if outer and span.start < outer[-1].end:
            inner.append(span)
        else:
            outer.append(span)
    return outer, inner


def render(paragraphs: list[tuple[str, list[Span]]], link) -> list[str]:
    """Each paragraph's text as displaCy HTML, its outermost spans marked.

    One displaCy call for the whole document (a call per paragraph costs half a
    millisecond of set-up, too much for thousands of documents). A span whose canonical
    name differs from its text shows that name, linked by ``link(label, name)``.

    >>> html = render([("新华社记者在浙江报道", [Span(6, 8, "GPE", "浙江", "浙江省")]), ("无", [])],
    ...               lambda label, name: "#" + name)
    >>> len(html), "浙江省" in html[0], 'class="entity"' in html[1]
    (2, True, False)
    """
    items = []
    for text, spans in paragraphs:
        ents = []
        for span in spans:
            ent = {"start": span.start, "end": span.end, "label": span.label}
            if span.normalized and span.normalized != span.text:
                # displaCy puts kb_id and kb_url into its markup unescaped
                ent["kb_id"] = escape(span.normalized)
                ent["kb_url"] = escape(link(span.label, span.normalized))
            ents.append(ent)
        items.append({"text": text, "ents": ents, "title": None})
    if not items:
        return []
    markup = displacy.render(items, style="ent", manual=True, page=False, jupyter=False)
    parts = [_PARAGRAPH_START + part for part in markup.split(_PARAGRAPH_START)[1:]]
    if len(parts) != len(items):  # cannot happen while displaCy escapes the text it is given
        raise AssertionError(f"displaCy returned {len(parts)} paragraphs for {len(items)}")
    return [part.strip() for part in parts]
