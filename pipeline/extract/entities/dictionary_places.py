"""Places a word dictionary knows by their kind (秦岭 a mountain range, 渭水 a river, 君士坦丁堡 a capital)
that the gazetteers lack: old and foreign names, landforms and waters, written bare in the text.

Each is a whole jieba token; the rule has the lowest tier, so any other reading of the same words
(a person, a body, a longer place) wins.  A two-character name that starts with a function
character is more often the function word and a noun (它和龙: 和龙, a city in Jilin).
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import FUNCTION_CHARS
from pipeline.extract.entities.marks import LISTED_NAME, Marks
from pipeline.extract.entities.tokens import T_TAG, Cand
from pipeline.segment import Token


def dictionary_places(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Tokens that are a place of gz.dictionary_places (built from CC-CEDICT by
    tools/build_dictionary_places.py).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[t[c.start:c.end] for c in dictionary_places(tokenize(t))] for t in ("他们翻越秦岭来到关中", "今天天气很好", "它和龙一起飞")]
    [['秦岭'], [], []]
    """
    known = gz.dictionary_places()
    return [Cand(T_TAG, t.start, t.end, *known[t.text]) for t in (toks[i] for i in (marks or Marks(toks)).where(LISTED_NAME))
            if t.text in known and not (len(t.text) == 2 and t.text[0] in FUNCTION_CHARS)]
