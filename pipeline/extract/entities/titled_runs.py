"""A foreign name right after a title, whatever pieces jieba cut it into.

jieba cuts a transliterated name it does not know along the words it does know: 外长|科隆/ns|纳/v,
国务卿|布|林肯/nr. Each piece alone reads as a place, another person or a
verb, so the rules that read single words or pieces of the alphabet's odds miss the name or
take a piece for it. A title before the run vouches for a person; the run is every following
word whose characters are all more frequent in foreign names than in Chinese text (positive
log-odds, ``gazetteer.translit_scores``), two words at least, whose characters average the odds
of a foreign name; it is not a place or body the gazetteers list whole, nor the first part of a
·-name (``dot_names`` reads those).

>>> from pipeline.extract.entities.tokens import tokenize
>>> def names(s): return [s[c.start:c.end] for c in titled_runs(s, tokenize(s))]
>>> names("法国外长科隆纳与沙特外交大臣通电话"), names("美国国务卿布林肯当地时间5日表示")
(['科隆纳'], ['布林肯'])
>>> names("省长到海南省考察"), names("总统北京之行"), names("外长会见了来访的客人")
([], [], [])

Limits: a name with a character the odds data lacks (朔|尔茨) is not read; a word of
foreign-name characters right after the name (a 纳/v that is a verb) is taken along.
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.marks import ROLE, TITLE, Marks
from pipeline.extract.entities.tokens import T_DOT, Cand
from pipeline.segment import Token

#: the longest word taken as a piece of the name, and the most pieces
PIECE_MAX = 4
PIECES_MAX = 4
#: a foreign given name or surname (索尔, 伊万诺维奇)
NAME_LENGTH = range(2, 8)
#: the average log-odds of the run's characters in foreign names (布林肯 1.7, 科隆纳 2.1; a Chinese name jieba split after a title averages under 1: 王|海 0.6)
NAME_ODDS = 1.5


def titled_runs(text: str, toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """The foreign names after titles in a paragraph's tokens (see the module's docstring)."""
    odds = gz.translit_scores()
    out = []
    marks = marks or Marks(toks)
    for i in marks.where(TITLE | ROLE):
        if not marks.title(i):
            continue
        k = i + 1
        while k < len(toks) and k - i <= PIECES_MAX and _piece(toks[k].text, odds):
            k += 1
        if k - i - 1 < 2 or k < len(toks) and toks[k].text == "·":
            continue
        start, end = toks[i + 1].start, toks[k - 1].end
        name = text[start:end]
        if len(name) not in NAME_LENGTH or name in gz.places() or name in gz.orgs():
            continue
        if sum(odds.get(ch, -9.0) for ch in name) / len(name) >= NAME_ODDS:
            out.append(Cand(T_DOT, start, end, "PERSON", ""))
    return out


def _piece(word: str, odds: dict[str, float]) -> bool:
    return len(word) <= PIECE_MAX and all(odds.get(ch, -9.0) > 0 for ch in word)
