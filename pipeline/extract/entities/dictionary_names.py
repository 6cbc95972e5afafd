"""Names a word dictionary lists that the text writes bare, without the title or cue other rules wait for.

Two lists built from CC-CEDICT, read the same way (a whole jieba token that is a listed name):

- people known by one name, given with life or reign dates (鲁迅, 雨果, 拿破仑): writers, rulers
  and statesmen named bare (与鲁迅的作品, 雨果曾怒斥); built by tools/build_name_models.py;
- places the gazetteers lack, glossed by their kind (秦岭 a mountain range, 渭水 a river,
  君士坦丁堡 a capital) or as a landmark (长城, 圆明园): old and foreign names, landforms and
  waters, palaces and temples; built by
  tools/build_dictionary_places.py.  The rule has the lowest tier, so any other reading of the
  same words (a person, a body, a longer place) wins.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import FUNCTION_CHARS
from pipeline.extract.entities.marks import LISTED_NAME, Marks
from pipeline.extract.entities.tokens import T_PER, T_TAG, Cand
from pipeline.segment import Token


def _listed_tokens(toks: list[Token], marks: Marks | None, listed: Container[str]) -> Iterator[Token]:
    """Tokens whose whole text is a name of the list (marks.LISTED_NAME says which tokens may be)."""
    return (t for t in (toks[i] for i in (marks or Marks(toks)).where(LISTED_NAME)) if t.text in listed)


def famous_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Tokens that are a listed person's whole name: jieba's name tags or any tag, since jieba tags
    some of them as ordinary words (鲁迅/nr, 拿破仑/nrt, 郑成功/nr).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[t[c.start:c.end] for c in famous_names(tokenize(t))] for t in ("他最爱读鲁迅的杂文", "拿破仑曾在这里驻军", "今天天气很好")]
    [['鲁迅'], ['拿破仑'], []]
    """
    return [Cand(T_PER, t.start, t.end, "PERSON", "") for t in _listed_tokens(toks, marks, gz.famous_persons())]


def dictionary_places(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Tokens that are a place of gz.dictionary_places.  A two-character name that starts with a
    function character is more often the function word and a noun (它和龙: 和龙, a city in Jilin).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[t[c.start:c.end] for c in dictionary_places(tokenize(t))] for t in ("他们翻越秦岭来到关中", "今天天气很好", "它和龙一起飞")]
    [['秦岭'], [], []]
    """
    known = gz.dictionary_places()
    return [Cand(T_TAG, t.start, t.end, *known[t.text]) for t in _listed_tokens(toks, marks, known)
            if not (len(t.text) == 2 and t.text[0] in FUNCTION_CHARS)]
