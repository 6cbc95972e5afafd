"""Bodies and facilities named after a person written with ·: the ·-name is the start of the body's name.

A university, hospital or research centre named after someone (约翰·霍普金斯大学, 乔治·华盛顿大学医院)
reads to the ·-name rule as a person whose last part runs into the body's words, and to the head rule
as a body that starts after the ·.  Where a body found by a head word (大学, 医院, 中心: not a
one-character head such as 塔, which ends names like 伊万格利斯塔) starts inside the last part of a
·-name and reaches at least as far, the whole is the body: the person is only its namesake.  A
government named after its leader (克林顿政府) is the leader's, not a body of that name.
"""

from __future__ import annotations

from pipeline.extract.entities.heads import FAC_HEADS, ORG_HEADS
from pipeline.extract.entities.tokens import T_DOT, T_HEAD, Cand

#: the marks that join the parts of a transliterated name
_DOTS = "·•・"
#: heads of two characters or more: a one-character head (塔, 馆) may be the name's own last syllable (伊万格利斯塔)
_WORD_HEADS = tuple(h for h in ORG_HEADS + FAC_HEADS if len(h) >= 2)


def dot_bodies(text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates, with each ·-person whose last part a body's name starts in replaced by one
    candidate for the whole body (on the ·-names' tier, so that the parts found by other rules yield).

    >>> text = "他曾在约翰·霍普金斯大学任教"
    >>> found = dot_bodies(text, [Cand(T_DOT, 3, 12, "PERSON", ""), Cand(T_HEAD, 6, 12, "ORG", "")])
    >>> [(text[c.start:c.end], c.label) for c in found]
    [('约翰·霍普金斯大学', 'ORG')]
    >>> text = "拉斐尔·伊万格利斯塔说"
    >>> [text[c.start:c.end] for c in dot_bodies(text, [Cand(T_DOT, 0, 10, "PERSON", ""), Cand(T_HEAD, 4, 10, "FAC", "")])]
    ['拉斐尔·伊万格利斯塔', '伊万格利斯塔']
    >>> text = "比尔·克林顿政府宣布"
    >>> [text[c.start:c.end] for c in dot_bodies(text, [Cand(T_DOT, 0, 6, "PERSON", ""), Cand(T_HEAD, 3, 8, "ORG", "")])]
    ['比尔·克林顿', '克林顿政府']
    """
    persons = [c for c in cands if c.tier == T_DOT and c.label == "PERSON"]
    bodies = [c for c in cands if c.tier == T_HEAD and c.label in ("ORG", "FAC") and text[c.start:c.end].endswith(_WORD_HEADS)
              and not text[c.start:c.end].endswith("政府")]
    if not persons or not bodies:
        return cands
    gone: set[Cand] = set()
    out = []
    for person in persons:
        last_dot = max(text.rfind(d, person.start, person.end) for d in _DOTS)
        starting = [b for b in bodies if last_dot < b.start < person.end <= b.end and b not in gone]
        if starting:
            body = max(starting, key=lambda b: b.end - b.start)  # the longest: 华盛顿大学医院, not 华盛顿大学
            gone.update((person, body))
            out.append(Cand(T_DOT, person.start, body.end, body.label, ""))
    return [c for c in cands if c not in gone] + out
