"""Archaeological and heritage sites: a proper name before 遗址, 古城, 故城, 古镇 (巫山大溪遗址,
楼兰古城, 交河故城, 周庄古镇).

The name before the head is one or two tokens that can name a place (a place name, a
name jieba does not know, a rare word: 大溪/ns, 半坡/n), never a description
(古代遗址, 这座古城).  A county or city at the start of the site's name is a place too and
is reported beside it (:func:`pipeline.extract.entities.document.find_entities`), as the
names inside a title are.

Limits: a head jieba glued to its name (交河故城 as one token) is not split; a name jieba
reads as a numeral (三星堆/m) is not taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract.entities.marks import PLACE_WORD, Marks
from pipeline.extract.entities.settlements import proper_stem
from pipeline.extract.entities.tokens import T_HEAD, Cand
from pipeline.segment import Token

#: heads of a heritage site's name
SITE_HEADS = frozenset({"遗址", "古城", "故城", "古镇", "古寨", "古村", "遗迹", "古墓群", "墓群"})
#: a site's name before its head is at most this many tokens (巫山/大溪/遗址)
_LONGEST_NAME = 2


def is_site(name: str) -> bool:
    """The name of a site, by its head.

    >>> is_site("巫山大溪遗址"), is_site("巫山")
    (True, False)
    """
    return name.endswith(tuple(SITE_HEADS)) and len(name) > 2


def heritage_sites(toks: Sequence[Token], marks: Marks | None = None) -> list[Cand]:
    """Sites named by a proper stem before a site head (tokens marked ``PLACE_WORD`` that are heads).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in heritage_sites(tokenize(s))]
    >>> show("考古人员在巫山大溪遗址发掘"), show("楼兰古城遗址"), show("西安半坡遗址"), show("周庄古镇")
    (['巫山大溪遗址'], ['楼兰古城遗址'], ['西安半坡遗址'], ['周庄古镇'])
    >>> show("这座古城的遗址"), show("发现了古代遗址"), show("保护历史遗迹"), show("两座古城")
    ([], [], [], [])
    """
    out = []
    for i in (marks or Marks(toks)).where(PLACE_WORD):
        if toks[i].text not in SITE_HEADS:
            continue
        j = i
        while j > 0 and i - j < _LONGEST_NAME and toks[j - 1].tag not in ("x", "m", "uj") and proper_stem(toks[j - 1].text):
            j -= 1
        if j < i:
            if out and out[-1].start >= toks[j].start:
                out.pop()  # 楼兰古城|遗址: the site of the ancient city
            out.append(Cand(T_HEAD, toks[j].start, toks[i].end, "LOC", ""))
    return out
