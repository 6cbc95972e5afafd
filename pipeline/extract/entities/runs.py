"""Names run together: a list of people printed without separators, because the layout put
them on separate lines or columns (a leaders' list under a photo, an author pair in a caption's
brackets) and the text lost the spaces between them.

One name of the run found by another rule vouches for its neighbours: ordinary words are not
written back to back with a person's name, so a name-shaped token glued to one is a name too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from pipeline.extract.entities.name_lists import list_item
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

#: jieba's tags for a token it reads as a Chinese name
_NAME_TAGS = frozenset({"nr", "nrfg"})


def name_runs(toks: Sequence[Token], found: Sequence[Cand]) -> list[Cand]:
    """Name-shaped tokens (:func:`list_item`, tagged as names) adjacent to a person another rule
    found, the run spreading through every such token next to it.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> text = "江泽民李鹏乔石出席"
    >>> toks = tokenize(text)
    >>> [text[c.start:c.end] for c in name_runs(toks, [Cand(T_PER, 0, 3, "PERSON", "")])]
    ['李鹏', '乔石']
    >>> name_runs(toks, [])
    []
    """
    persons = {(c.start, c.end) for c in found if c.label == "PERSON"}
    if not persons:
        return []
    def shaped(k: int) -> bool:
        return toks[k].tag in _NAME_TAGS and list_item(toks[k].text)

    out: list[Cand] = []
    seen: set[int] = set()
    for start, end in sorted(persons):
        k = bisect_left(toks, start, key=lambda t: t.start)  # the run is read from the persons found
        if k >= len(toks) or (toks[k].start, toks[k].end) != (start, end) or k in seen or not shaped(k):
            continue
        first, last = k, k + 1
        while first > 0 and shaped(first - 1):
            first -= 1
        while last < len(toks) and shaped(last):
            last += 1
        seen.update(range(first, last))
        if last - first >= 2:
            out += [Cand(T_PER, m.start, m.end, "PERSON", "") for m in toks[first:last] if (m.start, m.end) not in persons]
    return out
