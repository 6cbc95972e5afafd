"""A name whose last character jieba glued to the reporting verb after it: 局长丁贵|明说/v，

jieba knows 明说 ("to say plainly") and cuts the three-character name 丁贵明 short before it.  After a
title, a two-character surname-led name, then a word of a given-name character and a cue, then a
mark that ends the clause: the character belongs to the name.  Adverbs before 说 (再说, 还说) and a
word that goes on (听说|后) stay out.  A word the HMM made up of the two (吴国|平说) is cut back into
the name already, in the rule tokens (:func:`~pipeline.extract.entities.tokens.rule_tokens`).
"""

from __future__ import annotations

import re

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import dictionary, is_title, surname_len
from pipeline.extract.entities.marks import SURNAME, Marks
from pipeline.extract.entities.name_shapes import GIVEN_OK
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

#: marks after a reporting verb that end its clause (丁贵明说，／说：)
CLAUSE_MARKS = frozenset("，：,:")
#: the one-character reporting verbs jieba glues a character onto (明说, 直说, 笑称, 回答 read 回|答)
SPEECH_VERBS = frozenset("说称答问")
_GLUED_VERB = re.compile("[说称答问][，：,:]")
#: jieba's tags of a character that is a function word before a verb (再/d 说, 并/c 说), no given name
_FUNCTION_TAGS = frozenset({"d", "c", "p", "r", "u", "m", "q"})


def glued_cue_names(text: str, toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Three-character names whose last character jieba read into the cue after them.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def show(s): return [s[c.start:c.end] for c in glued_cue_names(s, tokenize(s))]
    >>> show("局长丁贵明说，产量增加"), show("局长王林再说，产量增加"), show("局长王林听说后很高兴")
    (['丁贵明'], [], [])
    """
    if not _GLUED_VERB.search(text):
        return []
    out = []
    lex = dictionary()
    for i in (marks or Marks(toks)).where(SURNAME):
        if not 0 < i < len(toks) - 2:
            continue
        t, verb, mark = toks[i], toks[i + 1].text, toks[i + 2].text
        if len(t.text) != 2 or t.tag != "nr" or len(verb) != 2 or verb[1] not in SPEECH_VERBS or mark not in CLAUSE_MARKS:
            continue
        if surname_len(t.text) != 1 or not is_title(toks[i - 1].text, toks[i - 1].tag) or t.text + verb[0] in lex:
            continue
        if lex.get(verb[0], (0, ""))[1] in _FUNCTION_TAGS or gz.given_name_score(verb[0]) <= GIVEN_OK:
            continue
        out.append(Cand(T_PER, t.start, t.end + 1, "PERSON", ""))
    return out
