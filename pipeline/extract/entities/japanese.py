"""Japanese names in Chinese characters: a family name and a given name of four or five characters.

They follow no Chinese surname (冬柴铁三, 木庭健太郎), so the surname rules miss them.  A
character model of Japanese names (``name_japanese_chars.tsv``: where in a family or given name each
character stands, against its frequency in Chinese text) reads a span as a name; the context must
still say a person is meant (a title or role before it, a cue or a title after it, or a clause's
subject before its verb), since many four-character phrases read well enough (秋波千里).
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import HAN_WORD, WEAK_CUES, dictionary, everyday_word, is_title
from pipeline.extract.entities.marks import JAPANESE, Marks
from pipeline.extract.entities.person_cues import named_to_post
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

#: a span reads as a Japanese name when its characters average this log-odds (岸田文雄 3.4, 保持健康 1.5)
_NAME_ODDS = 2.0
#: a character the model has no figures for counts as this (a rare family name character, 冬, 鸠)
_UNSEEN = 0.0
#: what follows a clause's subject in the name's clause (神崎武法|曾任, 冬柴铁三|被选为)
_PREDICATE_TAGS = frozenset({"v", "d", "p"})


def _odds(char: str, position: int) -> float:
    return gz.japanese_name_chars().get(char, (_UNSEEN,) * 6)[position]


@lru_cache(maxsize=65536)
def name_odds(name: str) -> float:
    """How well ``name`` reads as a Japanese family name of one or two characters and a given name.

    >>> name_odds("岸田文雄") > 2 > name_odds("保持健康")
    True
    """
    def split(family: int) -> float:
        given = name[family:]
        parts = [_odds(name[0], 0), *(_odds(c, 1) for c in name[1:family - 1])]
        if family > 1:
            parts.append(_odds(name[family - 1], 2))
        parts += [_odds(given[0], 3), *(_odds(c, 4) for c in given[1:-1])]
        if len(given) > 1:
            parts.append(_odds(given[-1], 5))
        return sum(parts) / len(name)

    return max(split(2), split(1) if len(name) == 4 else float("-inf"))


def reads_japanese(name: str) -> bool:
    """Does ``name`` read as a Japanese name by the character model (the name finder's threshold)?

    >>> reads_japanese("岸田文雄"), reads_japanese("保持健康")
    (True, False)
    """
    return name_odds(name) >= _NAME_ODDS


def japanese_names(text: str, toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Japanese names of four or five characters on token boundaries, in a person's context.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["日本前首相岸田文雄表示", "秋风千里，红叶飘落", "总干事中岛宏说，"] for c in japanese_names(text, tokenize(text))]
    ['岸田文雄']
    """
    out = []
    lexicon = dictionary()
    for i in (marks or Marks(toks)).where(JAPANESE):
        for j in range(i, min(i + 3, len(toks))):
            start, end = toks[i].start, toks[j].end
            name = text[start:end]
            if end - start > 5 or not HAN_WORD.fullmatch(name):
                break
            if len(toks[j].text) >= 2 and everyday_word(toks[j].text):
                break  # 小朋友|们, 横吹|笛子: a phrase of ordinary words
            if j > i and toks[j].text in gz.cues():
                break  # 中岛宏|说: the reporting verb after a name is no part of it
            if end - start < 4 or lexicon.get(name, (0, "nr"))[1] != "nr" or not reads_japanese(name):
                continue
            if any(name[:k] in gz.places() for k in (2, 3)):
                continue  # 江西泰和: a place and a county, not a family name
            if _in_context(toks, i, j):
                out.append(Cand(T_PER, start, end, "PERSON", ""))
                break
    return out


def _in_context(toks: list[Token], first: int, last: int) -> bool:
    before = toks[first - 1] if first else None
    after = toks[last + 1] if last + 1 < len(toks) else None
    if before is not None and is_title(before.text, before.tag):
        return True
    if after is not None and (after.text in gz.titles() or after.text in gz.cues() and after.text not in WEAK_CUES or named_to_post(toks, last + 1)):
        return True
    opens = before is None or before.tag in ("x", "c", "p")
    return opens and after is not None and after.tag in _PREDICATE_TAGS
