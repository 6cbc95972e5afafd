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
- A run does not build the Doc: :func:`find_in_block` gives the same records
  from the same functions the components call, and the tables are written
  from them; :func:`analyse` is the Doc for whoever wants spaCy's API.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates, number_skips
from pipeline.extract.entities import find_entities
from pipeline.extract.numbers import Number, find_numbers
from pipeline.extract.words import Words
from pipeline.records import Claim, Entity
from pipeline.segment import Token, segment

for name in ("entities", "numbers", "claims", "reference_date", "tokens"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


def aligned(tokens: Sequence[Token], keep: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """The tokens with each ``keep`` span as one token (the earlier of two overlapping spans stands).

    >>> [t.text for t in aligned(segment("拉斐尔·伊万格利斯塔说"), [(0, 10)])]
    ['拉斐尔·伊万格利斯塔', '说']
    >>> [t.text for t in aligned(segment("巴西互联网指导委员会董事会成员"), [(0, 10)])]
    ['巴西互联网指导委员会', '董事会成员']
    """
    if not keep or not tokens:
        return list(tokens)
    spans: list[tuple[int, int]] = []
    for start, end in sorted(keep):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    starts = [t.start for t in tokens]
    if all(_is_token(tokens, starts, s, e) for s, e in spans):
        return list(tokens)  # every name is one token already: the common case
    by_start = dict(zip(starts, tokens))
    text = "".join(t.text for t in tokens)
    cuts = sorted({0, len(text)} | set(by_start) | {p for span in spans for p in span})
    inside = {p for start, end in spans for p in range(start + 1, end)}
    bounds = [p for p in cuts if p not in inside]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        word = by_start.get(a)
        if word is not None and word.end == b:
            out.append(word)
            continue
        owner = by_start[starts[bisect_right(starts, a) - 1]]  # a piece keeps the tag of the word it starts in
        out.append(Token(text[a:b], owner.tag, a, b))
    return out


def _is_token(tokens: Sequence[Token], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` is exactly one of the (ordered) tokens."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] == start and tokens[i].end == end


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


class Findings(NamedTuple):
    """What the pipeline finds in one block: what the components put on its Doc."""

    entities: list[Entity]  # names and dates, in order
    numbers: list[Number]
    claims: list[Claim]


def find_in_block(
    text: str, reference_date: dt.date | None, names: list[Entity], words: Sequence[Token]
) -> Findings:
    """The dates, numbers and claims of a block whose names and Doc words (:func:`doc_tokens`) are known.

    What :func:`analyse` puts on the Doc, without building the Doc: a run writes tables from these
    records alone, and a spaCy Doc per block would cost about a third of the segmentation.
    """
    entities = with_dates(text, reference_date, names)
    return Findings(entities, *numbers_and_claims(text, entities, words))


def with_dates(text: str, reference_date: dt.date | None, names: list[Entity]) -> list[Entity]:
    """The names and the block's dates (as DATE entities), in order."""
    dates = [Entity(d.start, d.end, d.text, "DATE", d.normalized) for d in find_dates(text, reference_date)]
    return sorted(names + dates)


def numbers_and_claims(
    text: str, entities: Sequence[Entity], tokens: Sequence[Token] | None
) -> tuple[list[Number], list[Claim]]:
    """The numbers layer and the claims on it, outside names and dates (三江源, 二十国集团, 1998年)."""
    words = Words(text, tokens)
    names = [(e.start, e.end) for e in entities if e.label != "DATE"]
    skip = names + number_skips(e for e in entities if e.label == "DATE")
    numbers = find_numbers(text, words, skip)
    return numbers, find_claims(text, skip, words, numbers)


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


def doc_tokens(tokens: Sequence[Token], entities: Sequence[Entity] = ()) -> list[Token]:
    """The Doc's words: the block's segmentation with each known name one token (the outermost
    ones, where a title holds a name), so that tokens and entities agree."""
    return aligned(tokens, outermost({(e.start, e.end) for e in entities}))


def outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans no other span contains, in order: one pass over them sorted by start, longest first.

    >>> outermost({(0, 9), (2, 4), (3, 9), (10, 12), (11, 13)})
    [(0, 9), (10, 12), (11, 13)]
    """
    out = []
    reach = -1  # the furthest end of the spans before: one that starts no later and reaches as far contains
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end > reach:
            out.append((start, end))
            reach = end
    return out


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
