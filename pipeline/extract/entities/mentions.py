"""Other mentions of the names a document vouches for: the name again on a token boundary, 老/小 + its
surname, and the surname alone in a case's report (李交了停车费 after 李某某).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from pipeline.extract.entities.lexicon import GLUE_PREP, dictionary, surname_len
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

_START, _END = attrgetter("start"), attrgetter("end")


def name_mentions(text: str, toks: list[Token], seeds: dict[str, str]) -> list[Cand]:
    """Other mentions of the document's names: the name on a token boundary (the end may fall
    inside a token jieba glued to what follows, the start after a preposition glued to it:
    同/恩佐), and 老/小 + a known surname (老童).

    >>> from pipeline.extract.entities.document import find_document_entities
    >>> [[e.text for e in es] for es in find_document_entities(["外交部部长恩佐出席。", "他同恩佐分别签署了协议。"])]
    [['外交部', '恩佐'], ['恩佐']]
    """
    out = _bare_surnames(text, toks, seeds)
    here = [(name, surname) for name, surname in seeds.items()
            if name in text or surname and surname in text and ("老" + surname in text or "小" + surname in text)]
    if not here:
        return out
    starts, ends = set(map(_START, toks)), set(map(_END, toks))
    glued: set[int] | None = None  # ends inside a word jieba coined, computed when first needed
    for name, surname in here:
        for s in _occurrences(text, name):
            e = s + len(name)
            after_prep = s > 0 and text[s - 1] in GLUE_PREP and s - 1 in starts
            if not (s in starts or after_prep):
                continue
            if e not in ends:
                if len(name) < 3:
                    continue
                if glued is None:
                    glued = {p for t in toks if t.text not in dictionary() for p in range(t.start + 1, t.end)}
                if e not in glued:
                    continue
            if surname == "" and len(name) == 2 and s > 0 and surname_len(text[s - 1]) and not after_prep:
                continue  # a given name after some surname is a different name
            out.append(Cand(T_PER, s, e, "PERSON", ""))
        if surname:
            for familiar in ("老" + surname, "小" + surname):
                out += [Cand(T_PER, s, s + 2, "PERSON", "") for s in _occurrences(text, familiar) if s in starts and s + 2 in ends]
    return out


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` occurs in ``text``, left to right, not overlapping (a plain search: no pattern per name).

    >>> _occurrences("恩佐和恩佐", "恩佐"), _occurrences("恩佐", "李")
    ([0, 3], [])
    """
    found = []
    i = text.find(name)
    while i != -1:
        found.append(i)
        i = text.find(name, i + len(name))
    return found


def _bare_surnames(text: str, toks: list[Token], seeds: dict[str, str]) -> list[Cand]:
    """A later mention of a person by the surname alone (news style for the parties of a case:
    李交了停车费 after 李某某), when one name of the document has that surname: jieba tags the
    lone surname ``nr`` and a verb, adverb, preposition or 的 follows it.

    >>> from pipeline.extract.entities.document import find_document_entities
    >>> [[e.text for e in es] for es in find_document_entities(["其兄孙国良称孙出差。孙的车内", "李子熟了"])]
    [['孙国良', '孙', '孙'], []]
    """
    # the surnames the paragraph holds at all: most paragraphs hold none, and their tokens need no scan
    here = [sn for name, sn in seeds.items() if sn and len(name) >= 2 and sn in text]
    if not here:
        return []
    out = []
    for i in _tokens_of(toks, text, [sn for sn in set(here) if here.count(sn) == 1]):  # a surname one name of the document has
        t = toks[i]
        if t.tag != "nr" or i + 1 >= len(toks):
            continue
        prev = toks[i - 1] if i else None
        if toks[i + 1].tag in ("v", "d", "p", "uj", "c") and (prev is None or prev.tag in ("x", "v", "p", "c")):
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))
    return out


def _tokens_of(toks: Sequence[Token], text: str, words: Sequence[str]) -> list[int]:
    """Indices of the tokens that are one of ``words``, ascending: each word searched in the text and its
    places looked up among the token starts (ascending), not every token compared.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> text = "孙出差。孙的车内孙国良"
    >>> _tokens_of(tokenize(text), text, ["孙"])
    [0, 3]
    """
    found = []
    for word in words:
        p = text.find(word)
        while p != -1:
            i = bisect_left(toks, p, key=_START)
            if i < len(toks) and toks[i].start == p and toks[i].text == word:
                found.append(i)
            p = text.find(word, p + 1)
    return sorted(found)
