"""The block's tokens as the entity rules see them, candidates, and rule tiers.

Tokens come from the block's single segmentation (:func:`pipeline.segment.segment`);
a head word and a title jieba glued (协会会长) are two tokens here, and a head
jieba cut before its last character (对接/会) is one.  A candidate carries its
rule's tier: a lower tier wins an overlap, then the longer span.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.heads import EVENT_HEADS, FAC_HEADS, ORG_CHAR_HEADS, ORG_HEADS
from pipeline.extract.entities.lexicon import dictionary
from pipeline.segment import Token, segment

# Rule tiers: a lower tier wins an overlap, then the longer span.
T_TITLE, T_DOT, T_CREDIT, T_HEAD, T_GAZ, T_PER, T_TAG = range(7)


class Cand(NamedTuple):
    tier: int
    start: int
    end: int
    label: str
    normalized: str


def rule_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The block's tokens with a head and a title that jieba glued cut in two, and a name's last
    character cut from the word after it that the HMM glued it to."""
    ends = _title_ends()
    glued = [i for i, t in enumerate(tokens) if len(t.text) >= 3 and t.text[-1] in ends
             or len(t.text) == 2 and i and word_after_name(t.text[1]) and glued_to_name(tokens[i - 1], t)]
    out = list(tokens)
    for i in reversed(glued):
        if len(out[i].text) > 2:
            out[i:i + 1] = _split_title(out[i])
        else:
            out[i - 1:i + 1] = _name_and_word_after(out[i - 1], out[i])
    return out


#: the tags of a surname, or a surname and a given character, that jieba took for a name or a
#: place (吴国/ns, 史载/nr), not for a word of another kind (元旦/t|前在); a listed place is no name (苏南|段自无锡)
NAME_TAGS = ("nr", "ns")
#: the dictionary tags of one-character words that the HMM glues to a name's last character:
#: prepositions and conjunctions (史载|赫以 → 史载赫|以)
_FUNCTION_TAGS = ("p", "c")


@cache
def _speech_verbs() -> frozenset[str]:
    """One-character cues of a name (gaz_cues.tsv) that report speech (quote_cues.txt): 说, 称, 问, 答."""
    from pipeline.extract.quotes.cues import cue_set

    return frozenset(c for c in gz.cues() if len(c) == 1 and c in cue_set())


@cache
def word_after_name(char: str) -> str | None:
    """The tag of a one-character word that follows a name and that the HMM glues to its last
    character: a verb of speech ("v"), a preposition or a conjunction; None for any other character.
    Looked up a character at a time (a scan of jieba's 350,000 words cost every process 40 ms).

    >>> word_after_name("说"), word_after_name("以"), word_after_name("平")
    ('v', 'p', None)
    """
    if char in _speech_verbs():
        return "v"
    tag = dictionary().get(char, (0, ""))[1]
    return tag if tag in _FUNCTION_TAGS else None


def glued_to_name(before: Token, word: Token) -> bool:
    """A word that posseg's HMM made of a given name's last character and the word after the name
    (吴国|平说, 史载|赫以: no dictionary word), after a surname or a surname and one given character.
    A dictionary word glued so (丁贵|明说) is read by :mod:`~pipeline.extract.entities.glued_names`.

    >>> from pipeline.segment import segment
    >>> [t.text for t in rule_tokens(segment("副州长吴国平说，"))], [t.text for t in rule_tokens(segment("选手史载赫以总成绩"))]
    (['副州长', '吴国平', '说', '，'], ['选手', '史载赫', '以', '总成绩'])
    >>> [t.text for t in rule_tokens(segment("他听说了"))], [t.text for t in rule_tokens(segment("王立学说"))][-1]
    (['他', '听说', '了'], '学说')
    >>> [t.text for t in rule_tokens(segment("元旦前在北京"))][:2], [t.text for t in rule_tokens(segment("高速公路苏南段自无锡起"))][1:3]
    (['元旦', '前在'], ['苏南', '段自'])
    """
    return (len(before.text) <= 2 and before.text[0] in gz.surnames() and before.tag.startswith(NAME_TAGS)
            and word.text not in dictionary() and before.text not in gz.places())


def _name_and_word_after(before: Token, word: Token) -> tuple[Token, Token]:
    """The name given its last character back (吴国 平说 → 吴国平 说), for the name rules to judge."""
    return Token(before.text + word.text[0], "nr", before.start, word.start + 1), Token(word.text[1], word_after_name(word.text[1]), word.start + 1, word.end)


def tokenize(text: str) -> list[Token]:
    """:func:`rule_tokens` of a text segmented here (for a text alone; a pipeline run passes the block's tokens)."""
    return rule_tokens(segment(text))


@cache
def _title_ends() -> frozenset[str]:
    return frozenset(title[-1] for title in gz.titles())


def glued_word(word: str) -> bool:
    """A word :func:`rule_tokens` may cut: a head word and a title glued in one word (协会会长), or a
    word the HMM made of a name's last character and the word after the name (平说, 赫以).

    >>> glued_word("协会会长"), glued_word("外交部长"), glued_word("平说"), glued_word("听说")
    (True, False, True, False)
    """
    if len(word) == 2:
        return word_after_name(word[1]) is not None and word not in dictionary()
    return len(word) >= 3 and len(_split_title(Token(word, "n", 0, len(word)))) > 1


def _split_title(t: Token) -> tuple[Token, ...]:
    """A head word and the title after it, glued by jieba (协会会长, 局局长, 办公室主任), as two tokens.

    >>> [(x.text, x.start) for x in _split_title(Token("协会会长", "n", 5, 9))]
    [('协会', 5), ('会长', 7)]
    >>> [x.text for x in _split_title(Token("外交部长", "n", 0, 4))], [x.text for x in _split_title(Token("委员长", "n", 0, 3))]
    (['外交部长'], ['委员长'])
    """
    w = t.text
    for k in range(max(1, len(w) - 4), len(w) - 1):
        head, title = w[:k], w[k:]
        if title in gz.titles() and (head[-1] in ORG_CHAR_HEADS and title[0] == head[-1] or head.endswith(ORG_HEADS)):
            return Token(head, "n", t.start, t.start + k), Token(title, "n", t.start + k, t.end)
    return (t,)


@cache
def _split_heads(last: str) -> tuple[str, ...]:
    """Multi-character heads ending in ``last`` that jieba may cut before it (对接/会, 合作/社)."""
    return tuple(h for h in EVENT_HEADS + ORG_HEADS + FAC_HEADS if len(h) > 1 and h[-1] == last)


@cache
def split_head_ends() -> frozenset[str]:
    """The last characters of the heads that jieba may cut before it."""
    return frozenset(h[-1] for h in EVENT_HEADS + ORG_HEADS + FAC_HEADS if len(h) > 1)


def merge_heads(toks: list[Token], heads: Sequence[int] | None = None) -> list[Token]:
    """Tokens with a head that jieba cut before its last character put back together (对接/v 会/v → 对接会).

    >>> [t.text for t in merge_heads(tokenize("数字人才培养对接会和"))][-2:]
    ['对接会', '和']
    """
    ends = split_head_ends()
    candidates = range(len(toks)) if heads is None else heads  # ``heads``: the tokens that may be a head's last character
    # the first merge joins two tokens as they are: without one, there is none
    if not any(i and toks[i].text in ends and (toks[i - 1].text + toks[i].text).endswith(_split_heads(toks[i].text)) for i in candidates):
        return list(toks)
    out: list[Token] = []
    for t in toks:
        if t.text in ends and out and (out[-1].text + t.text).endswith(_split_heads(t.text)):  # a head's last character alone
            p = out.pop()
            t = Token(p.text + t.text, "n", p.start, t.end)
        out.append(t)
    return out
