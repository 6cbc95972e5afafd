"""The spaCy pipeline: the shared segmentation as the tokenizer, one registered component per extractor.

Design notes (traps from jieba's and spaCy's issue trackers):

- Each block is segmented once (:func:`pipeline.segment.segment`: jieba's words
  and part-of-speech tags); the Doc is built from those words, so no stage cuts
  the text again.  The tags are on the Doc as ``token.tag_``.
- jieba splits transliterated names at ``·`` even after ``add_word``: the names
  the extractor found become one token each (the tokens inside a name are
  merged, a token that crosses a name's edge is cut there), so tokens and
  entities agree.
- Extractors work on characters, not tokens; the components put their results
  on the Doc: ``doc._.entities`` (exact character offsets, DATE included),
  ``doc.spans["entities"]`` (token-aligned spans, which may nest: a DATE
  inside an EVENT name), ``doc.ents`` (the longest non-overlapping ones) and
  ``doc._.claims``.
- A run does not build the Doc: :func:`pipeline.blocks.find_in_block` gives
  the same records from the same functions the components call, and the
  tables are written from them; :func:`analyse` is the Doc for whoever wants
  spaCy's API.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.blocks import doc_tokens, numbers_and_claims, with_dates
from pipeline.extract.entities import find_entities
from pipeline.records import Entity
from pipeline.segment import Token, segment

for name in ("entities", "numbers", "claims", "reference_date", "tokens"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class JiebaTokenizer:
    """spaCy tokenizer over the shared segmentation: ``nlp("…")`` works on any text."""

    def __init__(self, vocab):
        self.vocab = vocab
        self._tag_ids: dict[str, int] = {}

    def __call__(self, text: str) -> Doc:
        return self.from_tokens(segment(text))

    def from_tokens(self, tokens: Sequence[Token]) -> Doc:
        doc = Doc(self.vocab, words=[t.text for t in tokens], spaces=[False] * len(tokens))
        if tokens:  # tags as one array of ids: half the cost of Doc(tags=...), which sets them one by one
            ids = self._tag_ids
            column = [ids.get(t.tag) or self._tag_id(t.tag) for t in tokens]
            doc.from_array(_TAG_COLUMN, numpy.array(column, dtype=numpy.uint64).reshape(-1, 1))
        doc._.tokens = tokens
        return doc

    def _tag_id(self, tag: str) -> int:
        self._tag_ids[tag] = self.vocab.strings.add(tag)
        return self._tag_ids[tag]


_TAG_COLUMN = [TAG]


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once (spaCy joins every token again at each ``doc.text``)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


@Language.component("newspaper_entities")
def entities_component(doc: Doc) -> Doc:
    """Names in the block, unless the caller found them already (with the whole document in view)."""
    if doc._.entities is None:
        doc._.entities = find_entities(text_of(doc))
    return doc


@Language.component("newspaper_dates")
def dates_component(doc: Doc) -> Doc:
    doc._.entities = entities = with_dates(text_of(doc), doc._.reference_date, doc._.entities or [])
    spans = _token_spans(doc, entities)
    doc.spans["entities"] = spans
    doc.ents = filter_spans(spans)
    return doc


def _token_spans(doc: Doc, entities: Sequence[Entity]) -> list[Span]:
    """Each entity as the span of the tokens it touches (``char_span``'s "expand", found by bisection)."""
    tokens = doc._.tokens
    if tokens is None:
        return [s for e in entities if (s := doc.char_span(e.start, e.end, e.label, alignment_mode="expand"))]
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    return [Span(doc, bisect_right(starts, e.start) - 1, bisect_left(ends, e.end) + 1, e.label) for e in entities]


@Language.component("newspaper_claims")
def claims_component(doc: Doc) -> Doc:
    doc._.numbers, doc._.claims = numbers_and_claims(text_of(doc), doc._.entities or [], doc._.tokens)
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The newspaper pipeline: the shared segmentation, then entities, dates, claims."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    for component in ("newspaper_entities", "newspaper_dates", "newspaper_claims"):
        nlp.add_pipe(component)
    return nlp


def analyse(
    text: str,
    reference_date: dt.date | None,
    entities: list[Entity] | None = None,
    words: Sequence[Token] | None = None,
) -> Doc:
    """Run the pipeline over one repaired block (``entities``: names already found in it;
    ``words``: its :func:`doc_tokens`, when the caller has them)."""
    nlp = load()
    if words is None:
        words = doc_tokens(segment(text), entities or ())
    doc = nlp.tokenizer.from_tokens(words)
    doc.user_data["text"] = text
    doc._.reference_date = reference_date
    doc._.entities = entities
    return nlp(doc)
