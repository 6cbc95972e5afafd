"""Which words a gazetteer name starts: its longest listed prefix, also after a session number
(九届|全国人大) or "former" (原苏联) glued before it.  Word-level tests, kept per word by the marks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import gazetteer as gz

#: the session number jieba glues before a body (九届全国人大, 第十五届中央委员会)
SESSION = re.compile(r"第?[一二三四五六七八九十\d]+届")

#: "former", "around" glued before a place (原苏联/ns, 前南斯拉夫, 环渤海): the place starts one character in
FORMER_PREFIXES = frozenset("前原环")


@lru_cache(maxsize=65536)
def known_prefix(word: str) -> int:
    """Length of the longest prefix of ``word`` that the gazetteers list as an organization or a place, 0 if
    none; a prefix one character short of the word counts only before 人 (外交部长 is a minister, not
    外交部; but 天津人 are the city's people).  Kept by word: the scan is the same wherever the word stands.

    >>> known_prefix("外交部长"), known_prefix("天津人"), known_prefix("新华社记者"), known_prefix("说")
    (0, 2, 3, 0)
    """
    places, orgs = gz.places(), gz.orgs()
    for k in range(len(word), 1, -1):
        w = word[:k]
        if 0 < len(word) - k < 2 and not (word[k:] == "人" and w in places):
            continue
        if w in orgs or w in places:
            return k
    return 0


def gazetteer_word(word: str) -> bool:
    """A gazetteer name starts ``word``, or follows a session number (九届|全国人大) or "former" (原苏联)
    in it: the only words that :func:`~pipeline.extract.entities.places.gazetteer_names` takes a name
    from (the rest of its tests read the context).

    >>> gazetteer_word("九届全国人大"), gazetteer_word("原苏联"), gazetteer_word("天津人"), gazetteer_word("外交部长")
    (True, True, True, False)
    """
    session = SESSION.match(word)
    if session and word[session.end():] in gz.orgs():
        return True
    if word[:1] in FORMER_PREFIXES and word not in gz.places() and word[1:] in gz.places():
        return True
    return bool(known_prefix(word))
