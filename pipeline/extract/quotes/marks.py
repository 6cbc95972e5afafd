"""Quotation marks and the boundaries a statement is read between.

A quotation runs from “ to ”; one whose paragraph ends without the closing mark
continues into the next paragraph when that one opens with “ (the press
convention) and comes out whole.  Other marks and OCR's readings are accepted: 「」,
『』 (each closed by its own pair, so a quotation may hold another), and a ” printed where a quotation opens (说：”……”), which is read as “ when no
quotation is open and a colon, a comma or the paragraph start comes before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

#: what opens and closes a quotation: the mark that closes each opening one
PAIRS = {"“": "”", "「": "」", "『": "』", "”": "”"}
OPENING = "“「『"
CLOSING = "”」』"
#: the end of a sentence: a subject is looked for after the last of these
SENTENCE_END = "。！？；…"
#: the end of a clause: a speaker phrase never runs over one
CLAUSE_END = "，。；！？：…\n"
_MARK = QUOTATION_MARK = re.compile(f"[{OPENING}{CLOSING}]")
#: where a ” may stand for an opening mark: after these, or at the paragraph start
_OPENS_AFTER = "：，"


class Quotation(NamedTuple):
    """Text inside quotation marks: opens in paragraph ``para`` at ``start`` (after “)."""

    para: int
    start: int
    end_para: int
    end: int  # position of the closing ” in end_para (its length when unclosed)
    text: str


def find_quotations(texts: Sequence[str]) -> list[Quotation]:
    """The quotations of the running texts ('' for a block that is no running text).

    >>> [q.text for q in find_quotations(["他说：“一。”又说“二", "“三。”", "“四"])]
    ['一。', '二三。', '四']
    >>> [q.text for q in find_quotations(["他说：”好。”她说「行」", "他写道：『信上说“好”。』"])]
    ['好。', '行', '信上说“好”。']
    """
    found: list[Quotation] = []
    para, pos = 0, 0
    while para < len(texts):
        text = texts[para]
        open_at = _next_opening(text, pos) if pos or _MARK.search(text) else -1
        if open_at < 0:
            para, pos = para + 1, 0
            continue
        quotation = _close(texts, para, open_at + 1, PAIRS[text[open_at]])
        found.append(quotation)
        if quotation.end_para != para:
            para, pos = quotation.end_para, quotation.end + 1
        else:
            pos = quotation.end + 1
    return found


def _next_opening(text: str, pos: int) -> int:
    """Where the next quotation opens: at an opening mark, or at a ” printed for one (at the
    paragraph start or after a colon or comma); a stray 」 or 』 there opens nothing.

    >>> _next_opening("他说：”好。”", 0), _next_opening("」好。", 0), _next_opening("：』好", 0)
    (3, -1, -1)
    """
    for match in _MARK.finditer(text, pos):
        at = match.start()
        if match[0] in OPENING or (match[0] in PAIRS and (at == 0 or text[at - 1] in _OPENS_AFTER)):
            return at
    return -1


def _close(texts: Sequence[str], para: int, start: int, closing: str = "”") -> Quotation:
    """Follow a quotation from its opening to its closing mark, across “-led paragraphs."""
    parts, here, pos = [], para, start
    while True:
        text = texts[here]
        close = _balanced_close(text, pos, closing)
        if close >= 0:
            parts.append(text[pos:close])
            return Quotation(para, start, here, close, "".join(parts))
        parts.append(text[pos:])
        nxt = here + 1
        if nxt < len(texts) and texts[nxt][:1] in OPENING and texts[nxt]:
            here, pos = nxt, 1
            continue
        return Quotation(para, start, here, len(text), "".join(parts))


def _balanced_close(text: str, pos: int, closing: str) -> int:
    """Where the quotation from ``pos`` closes in ``text`` (-1: not here): at the ” that balances the
    “ inside it, when there is one (OCR prints the inner ‘’ as “”), else at the first ”, as an
    unbalanced mark is more often a closing one printed the wrong way.

    >>> t = "他说：“我们一定要“做好”。”"; t[4:_balanced_close(t, 4, "”")]
    '我们一定要“做好”。'
    >>> t = "“中文角“的活动。他说：“好。”"; t[1:_balanced_close(t, 1, "”")]
    '中文角“的活动。他说：“好。'
    """
    first = text.find(closing, pos)
    if first < 0 or closing != "”" or text.find("“", pos, first) < 0:
        return first
    depth = 1
    for match in _DOUBLE_MARK.finditer(text, pos):
        depth += 1 if match[0] == "“" else -1
        if depth == 0:
            return match.start()
    return first


_DOUBLE_MARK = re.compile("[“”]")


class Marks:
    """The quotations of a document, by paragraph, for the questions a statement asks of them."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.quotations = find_quotations(texts)
        self._spans: dict[int, list[tuple[int, int]]] = {}
        for q in self.quotations:
            for para in range(q.para, q.end_para + 1):
                start = q.start if para == q.para else 0
                end = q.end if para == q.end_para else len(texts[para])
                self._spans.setdefault(para, []).append((start, end))
        self._opened = {(q.para, q.start - 1): q for q in self.quotations}
        self._closed = {(q.end_para, q.end): q for q in self.quotations if q.end < len(texts[q.end_para])}

    def inside(self, para: int, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (between its marks)."""
        spans = self._spans.get(para)
        if not spans:
            return False
        at = bisect_right(spans, (pos, len(self.texts[para]) + 1)) - 1
        return at >= 0 and spans[at][0] <= pos < spans[at][1]

    def opened_at(self, para: int, pos: int) -> Quotation | None:
        """The quotation whose opening mark stands at ``pos``."""
        return self._opened.get((para, pos))

    def closed_at(self, para: int, pos: int) -> Quotation | None:
        """The quotation whose closing mark stands at ``pos``."""
        return self._closed.get((para, pos))


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last sentence end before it (a closing
    mark right after one ends the sentence too: 。” ).

    >>> t = "他说：“好。”接着又说"; t[sentence_start(t, len(t)):]
    '接着又说'
    """
    at = max(text.rfind(mark, 0, pos) for mark in SENTENCE_END)
    while 0 <= at < pos - 1 and text[at + 1] in CLOSING:
        at += 1
    return at + 1


def clause_starts(text: str, begin: int, end: int) -> list[int]:
    """Starts of the clauses between ``begin`` and ``end``, nearest last: ``begin`` and every
    position after a comma or colon (not inside a short quoted name).

    >>> t = "机长王启明手捧奖杯，激动地说"; [t[i:] for i in clause_starts(t, 0, len(t))]
    ['机长王启明手捧奖杯，激动地说', '激动地说']
    """
    starts = [begin]
    for pos in range(begin, end):
        if text[pos] in "，：" and pos + 1 < end:
            starts.append(pos + 1)
    return starts
