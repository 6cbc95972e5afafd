"""Names run together: a list of people printed without separators, because the layout put
them on separate lines or columns (a leaders' list under a photo, an author pair in a caption's
brackets) and the text lost the spaces between them.

One name of the run found by another rule vouches for its neighbours: ordinary words are not
written back to back with a person's name, so a name-shaped token glued to one is a name too.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract.entities.persons import list_item
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
    shaped = [t.tag in _NAME_TAGS and list_item(t.text) for t in toks]
    out = []
    k = 0
    while k < len(toks):
        if not shaped[k]:
            k += 1
            continue
        run = k
        while run < len(toks) and shaped[run]:
            run += 1
        members = toks[k:run]
        if len(members) >= 2 and any((t.start, t.end) in persons for t in members):
            out += [Cand(T_PER, t.start, t.end, "PERSON", "") for t in members if (t.start, t.end) not in persons]
        k = run
    return out
