"""Reporting verbs and cue phrases (quote_cues.txt), and the cue a statement is reported with.

A cue is a word of the block's segmentation: 说 in 小说 or 据说 is no cue, because
jieba keeps those words whole.  A verb printed before another (强调|说) joins it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from pipeline.extract.entities.tokens import glued_to_name
from pipeline.extract.gazetteer import surnames
from pipeline.extract.speakers.names import plausible_chinese_name
from pipeline.lexicon import jieba_dictionary
from pipeline.segment import Token

CUES_FILE = Path(__file__).resolve().parents[2] / "data" / "quote_cues.txt"
#: what may follow a reporting verb: a comma or colon, the end of a sentence, a quotation
AFTER_CUE = "，：。！；“"
#: longest first verb of a reporting verb printed twice: 强调说, 指出说
_FIRST_CUE_MAX = 4
#: tags of the words that can end the predicate before a colon (a verb, an idiom, a set phrase)
_PREDICATE_TAGS = ("v", "i", "l")
_START = attrgetter("start")
#: what jieba glues onto a verb: the end of a time clause, 地, 着, a one-character adverb (时说, 又说), 所 (正如X所说),
#: or an adverb of two characters or more (明确|指出)
_GLUED = frozenset("时地着后中上又还也都却便才所")
_ADVERB_TAGS = frozenset({"d", "ad"})
#: a verb that takes a cue word as its object, with a count between (提出三点建议, 发出呼吁, 作了说明)
_TAKES_CUE = re.compile(r"(?:提出|作出|做出|发出)了?(?:[一二三四五六七八九十几两\d]+[点条项个])?$|(?:作|做|提)了$")


@lru_cache(maxsize=1)
def cue_words() -> tuple[str, ...]:
    """The reporting verbs and cue phrases of quote_cues.txt, longest first."""
    words = [w.strip() for w in CUES_FILE.read_text(encoding="utf-8").splitlines()]
    return tuple(sorted({w for w in words if w and not w.startswith("#")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def cue_set() -> frozenset[str]:
    return frozenset(cue_words())


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern:
    """The cues as one pattern, longest first, where punctuation or a quotation follows."""
    return re.compile("(?:" + "|".join(map(re.escape, cue_words())) + f")(?=[{AFTER_CUE}])")


def token_at(tokens: Sequence[Token], pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    return bisect_left(tokens, pos, key=_START)


def is_word(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether ``start..end`` is a run of whole tokens (说 in 可以|说, not in 小说), or ends a word
    that jieba made of a given name's last character and the verb (李|明说, 吴国|平说) or of a particle or
    time word and the verb (会见客人|时说, 感慨|地说), or of another reporting verb and the verb
    (强调指出 is one word of jieba's).

    >>> from pipeline.segment import segment
    >>> [is_word(t, segment(t), 2, 3) for t in ("可以说，", "这小说，", "李明说，", "会见时说，"[1:])]
    [True, False, True, True]
    >>> t = "副州长吴国平说，"; is_word(t, segment(t), 6, 7), is_word("成为疑问，", segment("成为疑问，"), 3, 4)
    (True, False)
    >>> t = "他明确指出，"; is_word(t, segment(t), 3, 5)
    True
    >>> t = "他最近强调指出，"; is_word(t, segment(t), 5, 7)
    True
    >>> t = "正如王立所说，"; is_word(t, segment(t), 5, 6)
    True
    """
    last = token_at(tokens, end)
    if last < len(tokens) and tokens[last].start != end:
        return False
    first = token_at(tokens, start)
    if first < len(tokens) and tokens[first].start == start:
        return True
    word = first - 1  # the token that holds start
    if word < 0 or tokens[word].end != end:
        return False
    glued = text[tokens[word].start : start]
    if glued in _GLUED or glued in cue_set() or (len(glued) > 1 and jieba_dictionary().get(glued, (0, ""))[1] in _ADVERB_TAGS):
        return True
    if word == 0 or not plausible_chinese_name(text[tokens[word - 1].start : start]):
        return False
    before = tokens[word - 1]  # a surname (李|明说), or a surname and a given character the HMM glued on (吴国|平说)
    return before.text in surnames() or len(before.text) == 2 and glued_to_name(before, tokens[word])


def cue_before(phrase: str) -> str:
    """The two-character or longer reporting verb a phrase ends with ('' if none), for a verb
    printed before another (他强调|说); one-character verbs end nouns too (顾问).

    >>> cue_before("他强调"), cue_before("主任"), cue_before("总统顾问")
    ('强调', '', '')
    """
    return next((phrase[-size:] for size in range(_FIRST_CUE_MAX, 1, -1) if phrase[-size:] in cue_set()), "")


def predicate_cue(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
    """How a statement before a colon is introduced, when no reporting verb ends the predicate
    ``start..end``: from its last cue word, else from its last verb, idiom or set phrase, to the end
    (写下这样一段话, 记忆犹新); '' when the predicate has no verb (李宁的态度很达观 -> 达观 is one).

    >>> from pipeline.segment import segment
    >>> t = "他在社交媒体上写下这样一段话"; predicate_cue(t, segment(t), 1, len(t))
    '写下这样一段话'
    >>> t = "卡马尔记忆犹新"; predicate_cue(t, segment(t), 3, len(t))
    '记忆犹新'
    """
    first, last = token_at(tokens, start), token_at(tokens, end)
    words = tokens[first:last]
    at = next((t.start for t in reversed(words) if t.text in cue_set()), None)
    if at is None:
        at = next((t.start for t in reversed(words) if t.tag.startswith(_PREDICATE_TAGS)), end)
    return text[at:end]


def cue_as_object(text: str, start: int) -> bool:
    """Whether the cue at ``start`` is the object of a verb (李明提出建议, 发出呼吁): a thing done, not
    words reported, unless a colon opens its content (提出三点建议：……).

    >>> cue_as_object("代表李明提出建议，会后参观了工厂。", 6), cue_as_object("李明发出了呼吁，", 5)
    (True, True)
    >>> cue_as_object("李明建议，要加快改革。", 2)
    False
    """
    return bool(_TAKES_CUE.search(text, max(0, start - 8), start))
