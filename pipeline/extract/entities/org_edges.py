"""Where an organization's name stops, and when a head has no name at all: a quoted name before
its head (“读懂中国”论坛), an event before a body (博览会|海尔集团), a body left unnamed (某学院, A公司).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from pipeline.extract.entities.heads import EVENT_HEADS, ORG_HEADS
from pipeline.extract.entities.lexicon import SENTENCE_PUNCT, dictionary, is_title
from pipeline.extract.entities.tokens import Cand
from pipeline.segment import Token

_START, _END = attrgetter("start"), attrgetter("end")

#: heads of a body that an event's name may stand in (奥运会|组织委员会, 博览会|执委会)
_EVENT_BODY_HEADS = ("委员会", "组委会", "执委会", "秘书处")


def ends_other_name(p: Token, head: Token, kind: str) -> bool:
    """Token ``p`` before a body's name is a whole event of its own (博览会|海尔集团: the fair, then the
    firm), unless the body is the event's committee (亚运会|组织委员会).

    >>> from pipeline.extract.entities.organizations import head_names
    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def grown(text):
    ...     return [text[c.start:c.end] for c in head_names(tokenize(text)) if text[c.end - 2:c.end] in ("集团", "员会")]
    >>> grown("在广州博览会海尔集团推出了新产品"), grown("第九届亚运会组织委员会宣布")
    (['海尔集团'], ['第九届亚运会组织委员会'])
    """
    return kind != "EVENT" and p.text.endswith(EVENT_HEADS) and not head.text.endswith(_EVENT_BODY_HEADS)


#: determiners that say "a certain one", "this one": the body after them is unnamed (某音乐学院, 该公司)
UNNAMED_DETERMINERS = frozenset({"某", "某个", "某家", "某所", "某些", "该", "这家", "那家", "这所", "那所", "一家", "一所"})
#: a lone Latin letter stands for a body left unnamed (A公司购并B企业)
_PLACEHOLDER = re.compile(r"[A-Za-z]")


def unnamed_body(before: str, mods: list[Token]) -> bool:
    """A body written as "a certain one" or as a letter: a determiner right before a bare head (某|音乐学院),
    or a single letter for its name (A|公司).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> unnamed_body("某", []), unnamed_body("", tokenize("A")), unnamed_body("", tokenize("IBM")), unnamed_body("在", [])
    (True, True, False, False)
    """
    if not mods:
        return before in UNNAMED_DETERMINERS
    return len(mods) == 1 and bool(_PLACEHOLDER.fullmatch(mods[0].text))


def quoted_name(toks: list[Token], close: int) -> bool:
    """The closing quote at ``close`` ends a short quoted name (“读懂中国”), not a quoted sentence.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> quoted_name(tokenize("“读懂中国”论坛"), 5), quoted_name(tokenize("“日子才有奔头。”桃源村"), 6)
    (True, False)
    >>> quoted_name(tokenize("就能“走进”应县木塔"), 4)
    False
    """
    for k in range(close - 1, max(-1, close - 12), -1):
        if toks[k].text == "“":
            return close - k > 2 or toks[k + 1].tag[:1] != "v"  # “走进”应县木塔: a quoted verb is not a name
        if toks[k].text in SENTENCE_PUNCT:
            return False
    return False


#: a division's unit word standing alone: "the province's", "the city's" (省|人大常委会, 市|公安局)
BARE_DIVISIONS = frozenset({"省", "市", "县", "区", "州", "盟", "旗", "乡", "镇", "村", "自治区", "自治州", "自治县"})


def division_bodies(toks: Sequence[Token], cands: list[Cand]) -> list[Cand]:
    """The candidates less the organizations right after a bare division word: 省|人大常委会 and
    市|交通局 are the province's and the city's bodies, written without a name.

    >>> from pipeline.extract.entities.tokens import T_GAZ, tokenize
    >>> toks = tokenize("会后，市人大常委会和海南省人大常委会发出通知")
    >>> [(c.start, c.end) for c in division_bodies(toks, [Cand(T_GAZ, 4, 9, "ORG", ""), Cand(T_GAZ, 13, 18, "ORG", "")])]
    [(13, 18)]
    """
    if not any(c.label == "ORG" for c in cands):
        return cands
    return [c for c in cands if not (c.label == "ORG" and _token_before(toks, c.start) in BARE_DIVISIONS)]


def sector_words(text: str, toks: Sequence[Token], cands: list[Cand]) -> list[Cand]:
    """The candidates less the organizations whose head jieba took from a longer common noun: the
    character after the name makes the head's word another word (世界银行|业 is the world's banking
    sector, 中国银行|界 the country's bankers, 某国公司|法 a law), not the body.

    A title after the body (公安局|长: its director) leaves the body a name.

    >>> from pipeline.extract.entities.tokens import T_TAG, tokenize
    >>> text = "中国银行业面临挑战，中国银行的利润增长"
    >>> [text[c.start:c.end] for c in sector_words(text, tokenize(text), [Cand(T_TAG, 0, 4, "ORG", ""), Cand(T_TAG, 10, 14, "ORG", "")])]
    ['中国银行']
    """
    if not any(c.label == "ORG" for c in cands):
        return cands
    return [c for c in cands if not (c.label == "ORG" and len(after := _token_after(toks, c.end)) == 1 and _longer_noun(text[c.start:c.end], after))]


def _token_before(toks: Sequence[Token], start: int) -> str:
    """The text of the token that ends at ``start``, '' if none does (token edges ascend: a bisection finds it)."""
    k = bisect_left(toks, start, key=_END)
    return toks[k].text if k < len(toks) and toks[k].end == start else ""


def _token_after(toks: Sequence[Token], end: int) -> str:
    """The text of the token that starts at ``end``, '' if none does."""
    k = bisect_left(toks, end, key=_START)
    return toks[k].text if k < len(toks) and toks[k].start == end else ""


def _longer_noun(name: str, after: str) -> bool:
    """The end of ``name`` and the character ``after`` it make a common noun that is no body's head (银行业)."""
    for k in (2, 3):
        word = name[-k:] + after
        if len(name) > k and dictionary().get(word, (0, ""))[1][:1] == "n" and not word.endswith(ORG_HEADS) and not is_title(word):
            return True
    return False
