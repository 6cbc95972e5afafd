"""A minister's title that jieba cut after the ministry: 美国财政部/nt 长/a 鲁宾 is 美国 + 财政部长 + 鲁宾.

jieba lists some foreign ministries whole (美国财政部, 以色列国防部) and then leaves the 长 of 部长
alone, so the head rule reads a ministry where the text names a minister.  A ministry followed by a
lone 长 is the title: the body is dropped and the country or place it starts with is kept.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.tokens import T_GAZ, Cand
from pipeline.segment import Token

#: the last character of a ministry whose head (部长, 局长, 厅长) jieba cut in two
_MINISTRY_ENDS = frozenset("部局厅署")
#: the second half of the title
_HEAD_TITLE = "长"


def minister_titles(text: str, toks: list[Token], cands: list[Cand]) -> list[Cand]:
    """``cands`` with each body before a lone 长 replaced by the place its name starts with.

    >>> from pipeline.extract.entities.paragraph import parse_paragraph
    >>> def show(s): return [(s[c.start:c.end], c.label) for c in parse_paragraph(s)[1]]
    >>> show("美国财政部长鲁宾说，"), show("美国财政部发表声明")
    ([('美国', 'GPE'), ('鲁宾', 'PERSON')], [('美国财政部', 'ORG')])
    """
    if _HEAD_TITLE not in text:
        return cands
    out = []
    for c in cands:
        if c.label != "ORG" or text[c.end:c.end + 1] != _HEAD_TITLE or text[c.end - 1] not in _MINISTRY_ENDS or c.end - c.start < 3 \
                or not _lone(toks, c.end):
            out.append(c)
            continue
        name = text[c.start:c.end]
        places = gz.places()
        k = next((k for k in range(len(name) - 2, 1, -1) if name[:k] in places), 0)
        if k:
            label, norm = places[name[:k]]
            out.append(Cand(T_GAZ, c.start, c.start + k, label, norm))
    return out


def _lone(toks: list[Token], start: int) -> bool:
    """The token at ``start`` is 长 alone (部|长), not a word that starts with it (部|长期)."""
    k = bisect_left(toks, start, key=attrgetter("start"))
    return k < len(toks) and toks[k].start == start and toks[k].text == _HEAD_TITLE
