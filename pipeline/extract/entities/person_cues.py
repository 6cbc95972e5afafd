"""What vouches for a person next to a name: a title or role before it, a reporting cue or a title
after it, or being chosen for a post (选举张三为主席).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    WEAK_CUES,
    cue_prefixes,
    dictionary,
    is_title,
)
from pipeline.extract.speakers.lexicon import is_person_noun
from pipeline.segment import Token


def person_context(toks: list[Token], i: int, j: int) -> bool:
    """A title or role just before tokens i..j-1, or a title / cue just after (a 、 list alone is
    not enough: lists of words are commoner than lists of names, see :func:`name_lists`)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[j].text if j < len(toks) else ""
    return (before is not None and (is_title(before.text, before.tag) or is_person_noun(before.text))) or is_title(after) or after in gz.cues() \
        or named_to_post(toks, j)


#: verbs of taking a post, before its title (林德昌|任|副市长, 郑培根|担任|总经理)
POST_VERBS = frozenset({"任", "出任", "担任", "兼任", "改任", "升任", "调任", "继任", "接任"})


def named_to_post(toks: Sequence[Token], j: int) -> bool:
    """Tokens from ``j`` make the name before them someone chosen for a post: 为 + a title (选举张三|为|主席,
    任命李四|为|部长), a verb of taking a post + a title (林德昌|任|副市长), or a passive verb (…|被选为|代表).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("大会选举王明为主席")
    >>> named_to_post(toks, 3), named_to_post(tokenize("他被选为代表"), 1), named_to_post(tokenize("以为大家好"), 1)
    (True, True, False)
    >>> named_to_post(tokenize("王明任副市长"), 1), named_to_post(tokenize("王明担任总经理"), 1), named_to_post(tokenize("王明担任过工作"), 1)
    (True, True, False)
    """
    if j >= len(toks):
        return False
    word = toks[j].text
    if word == "为" or word in POST_VERBS:
        return j + 1 < len(toks) and is_title(toks[j + 1].text, toks[j + 1].tag)
    return len(word) >= 3 and word[0] == "被" and dictionary().get(word[1:], (0, ""))[1][:1] == "v" and "为" in word


def after_title(toks: Sequence[Token], i: int) -> bool:
    """A title or role right before token i (局长|王林): what alone makes an ordinary word that jieba
    tags as a name (贺词/nr, 保姆/nrt: gz.name_tagged_words) a name; before a cue it is the word
    (贺词|说: the message says).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> after_title(tokenize("局长王林说"), 1), after_title(tokenize("贺词说"), 0)
    (True, False)
    """
    return i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag)


def strong_context(toks: list[Token], i: int, j: int) -> bool:
    """A title or role right before tokens i..j-1, or a reporting cue (not a preposition) right after:
    what makes a word-like surname-led token (古建筑/nr) a name after all."""
    after = toks[j].text if j < len(toks) else ""
    return i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag) or after in gz.cues() and after not in WEAK_CUES or named_to_post(toks, j)


def cue_tail(word: str, after: str) -> int:
    """Length of a name token without the cue jieba glued to it (吴振华报|道, 刘军报道).

    >>> cue_tail("吴振华报", "道："), cue_tail("刘军报道", "："), cue_tail("江泽民", "说")
    (3, 2, 3)
    """
    for k in range(2, len(word)):
        tail = word[k:]
        if tail in gz.cues() or any(c.startswith(tail) and (tail + after).startswith(c) for c in cue_prefixes(tail[0])):
            return k
    return len(word)


def starts_cue(toks: list[Token], j: int) -> bool:
    """Token j and the next spell a cue (报/道 → 报道), so the name ends before it."""
    nxt = toks[j + 1].text if j + 1 < len(toks) else ""
    joined = toks[j].text + nxt
    return any(joined[:k] in gz.cues() for k in range(len(toks[j].text) + 1, len(joined) + 1))
