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
    """The block's tokens with a head and a title that jieba glued cut in two."""
    ends = _title_ends()
    glued = [i for i, t in enumerate(tokens) if len(t.text) >= 3 and t.text[-1] in ends]
    out = list(tokens)
    for i in reversed(glued):
        out[i:i + 1] = _split_title(out[i])
    return out


def tokenize(text: str) -> list[Token]:
    """:func:`rule_tokens` of a text segmented here (for a text alone; a pipeline run passes the block's tokens)."""
    return rule_tokens(segment(text))


@cache
def _title_ends() -> frozenset[str]:
    return frozenset(title[-1] for title in gz.titles())


def glued_title(word: str) -> bool:
    """A head word and a title glued in one word (协会会长), which :func:`rule_tokens` cuts.

    >>> glued_title("协会会长"), glued_title("外交部长")
    (True, False)
    """
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
