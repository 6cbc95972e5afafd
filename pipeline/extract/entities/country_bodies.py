"""A country's body written after the country's one-character short name (以|农业部, 加|政府, 尼|国防部).

Once an article has named a country in full, the press writes its bodies with the first character
of the country's name: the character belongs to the body's name.  Alone the character is too
ambiguous (以 "by", 加 "add"), so it counts only where the document named exactly one country that
starts with it, at the start of a clause, right before a body: one the paragraph found, or 政府.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.tokens import T_HEAD, Cand
from pipeline.segment import Token

#: a bare head that is a country's body once its short name stands before it (以|政府)
_BARE_BODIES = frozenset({"政府"})


def short_names(texts: Sequence[str], found: Sequence[Sequence[Cand]]) -> dict[str, str]:
    """First character -> country, for the countries a document names in full, where no other
    country it names starts with the same character (伊朗 and 伊拉克 leave 伊 unread).

    >>> from pipeline.extract.entities.tokens import T_GAZ
    >>> short_names(["以色列和黎巴嫩"], [[Cand(T_GAZ, 0, 3, "GPE", ""), Cand(T_GAZ, 4, 7, "GPE", "")]])
    {'以': '以色列', '黎': '黎巴嫩'}
    >>> short_names(["伊朗和伊拉克"], [[Cand(T_GAZ, 0, 2, "GPE", ""), Cand(T_GAZ, 3, 6, "GPE", "")]])
    {}
    """
    kinds, places = gz.place_kinds(), gz.places()
    countries: dict[str, set[str]] = {}
    for text, cands in zip(texts, found, strict=False):
        for c in cands:
            name = text[c.start:c.end]
            if c.label == "GPE" and "country" in kinds.get(name, ()):
                full = places[name][1]
                countries.setdefault(full[0], set()).add(full)
    return {ch: next(iter(names)) for ch, names in countries.items() if len(names) == 1}


def country_bodies(toks: Sequence[Token], cands: Sequence[Cand], shorts: dict[str, str]) -> list[Cand]:
    """The bodies of one paragraph that start with a country's short name (``shorts``, from
    :func:`short_names`) at the start of a clause.

    >>> from pipeline.extract.entities.tokens import T_GAZ, tokenize
    >>> from pipeline.extract.entities.paragraph import parse_paragraph
    >>> def bodies(text, shorts):
    ...     toks, cands = parse_paragraph(text)
    ...     return [text[c.start:c.end] for c in country_bodies(toks, cands, shorts)]
    >>> bodies("会谈后，以外交部发表声明。", {"以": "以色列"}), bodies("会谈后，加政府宣布新措施。", {"加": "加拿大"})
    (['以外交部'], ['加政府'])
    >>> bodies("会谈后，加政府宣布新措施。", {}), bodies("他们以政府名义发表声明。", {"以": "以色列"})
    ([], [])
    """
    if not shorts:
        return []
    bodies = {c.start: c.end for c in cands if c.label == "ORG"}
    out = []
    for i, t in enumerate(toks[:-1]):
        if t.text not in shorts or i and toks[i - 1].tag != "x":
            continue
        nxt = toks[i + 1]
        end = bodies.get(nxt.start) or (nxt.end if nxt.text in _BARE_BODIES else None)
        if end:
            out.append(Cand(T_HEAD, t.start, end, "ORG", ""))
    return out
