"""What a run finds in one block, from its tokens and its names: no spaCy here.

A run writes its tables from these records (:func:`find_in_block`); the spaCy
pipeline (:mod:`pipeline.nlp`) puts the same records on a Doc by calling the
same functions, for whoever wants spaCy's API.  Kept apart so that a run does
not import spaCy (a third of a second of every process's start).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates, number_skips
from pipeline.extract.numbers import Number, find_numbers
from pipeline.extract.words import Words
from pipeline.records import Claim, Entity
from pipeline.segment import Token


def aligned(tokens: Sequence[Token], keep: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """The tokens with each ``keep`` span as one token (the earlier of two overlapping spans stands).

    >>> from pipeline.segment import segment
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
    misfits = [(s, e) for s, e in spans if not _is_token(tokens, starts, s, e)]
    if not misfits:
        return list(tokens)  # every name is one token already: the common case
    # only the tokens a misfit touches are rebuilt; the others stay as they are
    out: list[Token] = []
    done = 0
    for first, last, group in _regions(starts, misfits):
        out += tokens[done:first]
        out += _rebuilt(tokens[first:last], group)
        done = last
    out += tokens[done:]
    return out


def _regions(starts: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(first, last, spans): the range of tokens each group of (ordered) spans overlaps, spans that share a token
    in one group, so that no group cuts a token another group cuts."""
    regions: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in spans:
        first = bisect_right(starts, start) - 1
        last = max(bisect_left(starts, end), first + 1)
        if regions and first < regions[-1][1]:
            before, reach, group = regions[-1]
            regions[-1] = (before, max(reach, last), [*group, (start, end)])
        else:
            regions.append((first, last, [(start, end)]))
    return regions


def _rebuilt(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """Consecutive tokens cut at every token boundary and span boundary that no span holds inside, each span
    one token; a piece keeps the tag of the word it starts in."""
    starts = [t.start for t in tokens]
    by_start = dict(zip(starts, tokens))
    base, text = tokens[0].start, "".join(t.text for t in tokens)
    cuts = sorted({base, base + len(text)} | set(by_start) | {p for span in spans for p in span})
    inside = {p for start, end in spans for p in range(start + 1, end)}
    bounds = [p for p in cuts if p not in inside]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        word = by_start.get(a)
        if word is not None and word.end == b:
            out.append(word)
            continue
        owner = by_start[starts[bisect_right(starts, a) - 1]]
        out.append(Token(text[a - base : b - base], owner.tag, a, b))
    return out


def _is_token(tokens: Sequence[Token], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` is exactly one of the (ordered) tokens."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] == start and tokens[i].end == end


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


class Findings(NamedTuple):
    """What the pipeline finds in one block: what the spaCy components put on its Doc."""

    entities: list[Entity]  # names and dates, in order
    numbers: list[Number]
    claims: list[Claim]


def find_in_block(
    text: str, reference_date: dt.date | None, names: list[Entity], words: Sequence[Token]
) -> Findings:
    """The dates, numbers and claims of a block whose names and Doc words (:func:`doc_tokens`) are known.

    What :func:`pipeline.nlp.analyse` puts on the Doc, without building the Doc: a run writes tables from these
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
