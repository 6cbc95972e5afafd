"""How a clause opens before its subject: conjunctions, adverbs, time words, a date, a prepositional
phrase of time or place (在会见时, 据), and where a sentence starts past a reporter's credit.

What is left after these lead words is the speaker phrase (:mod:`~pipeline.extract.quotes.phrases`);
a clause that is all lead words has no subject of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from pipeline.extract.quotes.cues import token_at
from pipeline.extract.quotes.marks import sentence_start
from pipeline.segment import Token

#: words at a clause start before its subject: conjunctions, adverbs, 据 (据李明介绍), 正如 and the
#: other words of comparison that open a quotation of someone (正如李明所说, 有如李明在书中说的)
_LEAD_TAGS = frozenset({"c", "d", "t", "tg", "ad"})
_LEAD_WORDS = frozenset(
    {"据", "对此", "为此", "随后", "接着", "同时", "而", "但", "并", "有", "有位", "有的"}
    | {"正如", "诚如", "有如", "犹如", "如同", "恰如"}
)
#: adverbs of a clause that goes on from the sentence before, whose subject is the one before
#: (他说……。接着又说, 并强调)
CONTINUING = frozenset({"又", "还", "并", "也", "接着", "随后", "继而", "最后", "同时"})
#: a clause of two actions at once (边敬礼边说, 一边走一边说) has no subject of its own
_WHILE = frozenset({"边", "一边"})
#: a prepositional phrase before the subject, and the words that close it: 在会见时，在会上
_PREPOSITIONS = frozenset({"在", "当", "于"})
_PP_ENDS = frozenset({"时", "时候", "上", "中", "后", "之后", "前", "之前", "期间", "之际", "里", "以来", "之中"})
#: the heads of a phrase for a time, which a clause of time before the subject ends with
_TIME_HEADS = (
    "时期", "年代", "时代", "年间", "时候", "时", "期间", "初期", "末期", "前夕", "之际",
    "以后", "以前", "之后", "之前", "以来", "那年", "当年", "当时",
)
_TIME_TAGS = frozenset({"t", "tg"})
#: longest prepositional phrase skipped, in tokens
_PP_MAX = 12
#: a date or a time of day at a clause start: 1月5日, 今天上午
_DATE = regex.compile(r"(?:[\d〇一二三四五六七八九十]+[年月日号]|[上下中]午|凌晨|晚上?)+")
#: adverbials between a speaker and the verb: 则, 笑着, 感慨地, 在会见时, 对记者, 今天在此间, 当地时间5日
ADVERBIAL = regex.compile(
    r"(?:在[^，。；：“”]{1,24}?(?:时|中|上|期间|之际)|接受[^，。；：“”]{0,16}采访时|(?:对|向)(?:本报)?记者"
    r"|在此间|在此|在这里|当地时间|今天|昨天|前天|日前|近日|当天|同日|当日|今日|昨日|上午|下午|晚上|[\d一二三四五六七八九十]{1,3}日"
    r"|同时|也|则|还|又|更|亦|曾|再次|一再|多次|进一步|\p{Han}{1,2}地|\p{Han}{1,2}着)+$"
)
#: a reporter's credit in brackets, which ends the dateline before the first sentence: （记者王立新）;
#: OCR reads the opening bracket as 《 or loses it with the dateline on a line of its own
_CREDIT = regex.compile(r"(?:本报|新华社|中新社)?(?:特派|特约|驻\p{Han}{1,6})?(?:记者|通讯员|实习生)")
_OPENING_BRACKETS = "（(《"
_CLOSING_BRACKETS = "）)"


def lead_end(text: str, tokens: Sequence[Token], i: int, limit: int) -> int:
    """Index of the first token of a clause after its lead words (-1: the clause opens with a
    prepositional phrase that never closes, so it has no subject of its own)."""
    while i < len(tokens) and tokens[i].start < limit:
        token = tokens[i]
        if (date := _DATE.match(text, token.start)) and date.end() > token.start:
            i = token_at(tokens, date.end())
        elif token.text in _PREPOSITIONS:
            close = next(
                (j for j in range(i + 1, min(i + _PP_MAX, len(tokens))) if tokens[j].text in _PP_ENDS), None
            )
            if close is None or tokens[close].start >= limit:
                return -1
            i = close + 1
        elif token.text in _WHILE and any(t.text in _WHILE for t in tokens[i + 1 : token_at(tokens, limit)]):
            return len(tokens)  # 边敬礼边说: two actions at once, done by the subject before
        elif token.tag in _LEAD_TAGS or token.text in _LEAD_WORDS:
            i += 1
        elif i + 1 < len(tokens) and tokens[i + 1].text == "地":  # an adverbial: 深情地, 感慨地
            i += 2
        else:
            return i
    return len(tokens)


def lead_only(text: str, tokens: Sequence[Token], begin: int, limit: int) -> bool:
    """Whether the clause ``begin..limit`` is all lead words, a time or a prepositional phrase of
    time or place with no subject of its own (日前在出席……的仪式上, 1月5日).

    >>> from pipeline.segment import segment
    >>> t = "日前在出席颁奖的仪式上，"; lead_only(t, segment(t), 0, len(t) - 1)
    True
    >>> t = "这次获得赔偿的受害人名叫张华，"; lead_only(t, segment(t), 0, len(t) - 1)
    False

    A clause that ends with a word for a time (……时期, ……的时候, 那年冬天) sets the time of
    the clause after it, whatever it opens with:

    >>> t = "修建水库时期，"; lead_only(t, segment(t), 0, len(t) - 1)
    True
    >>> t = "她上中学的时候，"; lead_only(t, segment(t), 0, len(t) - 1)
    True
    """
    i = lead_end(text, tokens, token_at(tokens, begin), limit)
    return (i >= 0 and (i >= len(tokens) or tokens[i].start >= limit)) or _time_phrase(text, tokens, begin, limit)


def _time_phrase(text: str, tokens: Sequence[Token], begin: int, limit: int) -> bool:
    """Whether the clause ``begin..limit`` ends with a word for a time: a time head (时期, 年代,
    时候) or a word jieba tags as a time (冬天)."""
    clause = text[begin:limit].rstrip()
    if not clause:
        return False
    if clause.endswith(_TIME_HEADS):
        return True
    end = begin + len(clause)
    last = token_at(tokens, end) - 1
    return last >= 0 and tokens[last].start >= begin and tokens[last].end == end and tokens[last].tag in _TIME_TAGS


def after_credit(text: str, begin: int, pos: int) -> int:
    """Where the sentence from ``begin`` to ``pos`` starts once a reporter's credit in brackets is
    left out, or a closing bracket whose opening one is not in the sentence (the dateline was
    printed, or read by OCR, as a block of its own): a speaker phrase never runs back over it.

    >>> t = "记者王立新）越南总理阮明今天在这里说"; t[after_credit(t, 0, len(t)) :]
    '越南总理阮明今天在这里说'
    >>> t = "《记者王立新）据国防部宣布"; t[after_credit(t, 0, len(t)) :]
    '据国防部宣布'
    >>> t = "研究中心（北京）主任李明说"; after_credit(t, 0, len(t))
    0
    """
    close = max(text.rfind(mark, begin, pos) for mark in _CLOSING_BRACKETS)
    if close < 0:
        return begin
    opening = max(text.rfind(mark, begin, close) for mark in _OPENING_BRACKETS)
    if opening < 0 or _CREDIT.match(text, opening + 1):
        return close + 1
    return begin


def continues_sentence(text: str, tokens: Sequence[Token], pos: int) -> bool:
    """Whether the sentence holding ``pos`` opens with an adverb that goes on from the sentence
    before (接着又说, 并强调): its speaker is the one before."""
    first = token_at(tokens, sentence_start(text, pos))
    return first < len(tokens) and tokens[first].text in CONTINUING


def time_words_before(tokens: Sequence[Token], pos: int) -> int:
    """Where the time words right before ``pos`` start (``pos`` if there are none): a quotation
    is still the speaker's across them (“……”今年52岁的龙光学说).

    >>> from pipeline.segment import segment
    >>> t = "“好。”今年52岁的龙光学说"; time_words_before(segment(t), t.index("52"))
    4
    >>> t = "“好。”他说"; time_words_before(segment(t), 4)
    4
    """
    i = token_at(tokens, pos)
    while i > 0 and tokens[i - 1].tag in _TIME_TAGS and tokens[i - 1].end == (tokens[i].start if i < len(tokens) else pos):
        i -= 1
    return tokens[i].start if i < len(tokens) else pos


def acts_meanwhile(text: str, end: int) -> bool:
    """Does the clause after a verb of speech tell another action done at the same time (一边说，
    一边掐下一片茶叶): no words of the speaker's follow it.

    >>> acts_meanwhile("他一边说，一边掐下一叶。", 4), acts_meanwhile("他说，一边是山。", 2)
    (True, False)
    """
    return text[end : end + 1] == "，" and text.startswith(tuple(_WHILE), end + 1) and any(w in text[max(0, end - 6) : end] for w in _WHILE)
