"""A given name that is also a county's short name: 副省长张|文山/ns, 村民张|秀英/ns, 工人陈|东川/ns.

jieba keeps the county (文山, 秀英, 东川) whole and cuts the surname off as a character of its own,
so the gazetteer reads a place, and its tier outranks the person that the surname rule reads over
both.  Where a title or a noun for a person stands right before the surname, the two characters
are the given name, as they are before a post (林|德昌|任|副市长): the place is dropped and the person
stays.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import is_title
from pipeline.extract.entities.person_cues import named_to_post
from pipeline.extract.entities.tokens import T_GAZ, T_PER, Cand
from pipeline.extract.speakers.lexicon import is_person_noun
from pipeline.segment import Token

#: labels of a place the gazetteer reads
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def drop_given_name_places(toks: list[Token], cands: list[Cand]) -> list[Cand]:
    """``cands`` without the places that are the given name of a titled person read over them.

    >>> from pipeline.extract.entities.paragraph import parse_paragraph
    >>> def show(s): return [(s[c.start:c.end], c.label) for c in parse_paragraph(s)[1]]
    >>> show("副省长张文山出席会议"), show("工人陈东川说："), show("会议决定林德昌任副市长")
    ([('张文山', 'PERSON')], [('陈东川', 'PERSON')], [('林德昌', 'PERSON')])
    >>> show("他们向东川进发")
    [('东川', 'GPE')]
    """
    people = [c for c in cands if c.label == "PERSON" and c.tier == T_PER and c.end - c.start == 3]
    if not people:
        return cands
    given = set()
    for c in people:
        k = bisect_left(toks, c.start, key=attrgetter("start"))
        if not 0 < k < len(toks) or toks[k].start != c.start or toks[k].end != c.start + 1 or toks[k].text not in gz.surnames():
            continue
        before = toks[k - 1]
        after = bisect_left(toks, c.end, key=attrgetter("start"))
        if is_title(before.text, before.tag) or is_person_noun(before.text) or named_to_post(toks, after):
            given.add((c.start + 1, c.end))
    if not given:
        return cands
    return [c for c in cands if not (c.tier == T_GAZ and c.label in _PLACE_LABELS and (c.start, c.end) in given)]
