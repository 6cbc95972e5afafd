"""People known by one name that a word dictionary gives with life or reign dates (鲁迅, 雨果, 拿破仑).

Writers, rulers and statesmen are named bare, without the title or cue the other person rules
wait for (与鲁迅的作品, 雨果曾怒斥); jieba keeps them whole.  The list comes from CC-CEDICT
(tools/build_name_models.py), so the same names are found on any page.
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.marks import LISTED_NAME, Marks
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token


def famous_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Tokens that are a listed person's whole name: jieba's name tags or any tag, since jieba tags
    some of them as ordinary words (鲁迅/nr, 拿破仑/nrt, 郑成功/nr).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[t[c.start:c.end] for c in famous_names(tokenize(t))] for t in ("他最爱读鲁迅的杂文", "拿破仑曾在这里驻军", "今天天气很好")]
    [['鲁迅'], ['拿破仑'], []]
    """
    famous = gz.famous_persons()
    return [Cand(T_PER, t.start, t.end, "PERSON", "") for t in (toks[i] for i in (marks or Marks(toks)).where(LISTED_NAME))
            if t.text in famous]
