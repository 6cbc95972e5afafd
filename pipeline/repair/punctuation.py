"""Half-width punctuation in Chinese text, set back to the full-width forms.

A mark is converted only in Chinese context (a Han character or Chinese
punctuation next to it), and never inside numbers: ``1,000``, ``1.5``,
``16:32`` and Latin runs (``5G+VR``, ``(AI)``) stay as printed.  Straight
quotes alternate open/close within a block.

>>> from pipeline.repair.mapped import fixed_text
>>> run = lambda s: fixed_text(s, find_halfwidth_punctuation, find_straight_quotes)
>>> run('数据显示,全球仍有近30亿人;其中:')
'数据显示，全球仍有近30亿人；其中：'
>>> run('该县推进产业､文化融合发展｡')
'该县推进产业、文化融合发展。'
>>> run('姚颖康摄(影像中国)')
'姚颖康摄（影像中国）'
>>> run('16:32举行, 1,000人 (AI) 5G+VR')
'16:32举行， 1,000人 (AI) 5G+VR'
>>> run('围绕"建设包容"主题,其发展要围绕\\'共同\\'这个概念?')
'围绕“建设包容”主题，其发展要围绕‘共同’这个概念？'
>>> run('他参加了“中文角"活动，又报名"丝路杯”比赛')
'他参加了“中文角”活动，又报名“丝路杯”比赛'
>>> run("日电（记者孟庆林)中共中央 (A、B) 欣赏了'98春季民乐演奏会")
'日电（记者孟庆林）中共中央 （A、B） 欣赏了’98春季民乐演奏会'
"""

from __future__ import annotations

import re

import regex

from pipeline.charsets import CJK
from pipeline.repair.mapped import Fix

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
#: half-width ideographic marks (PDF extraction, layout tools): never what a Chinese page prints
IDEOGRAPHIC = {"｡": "。", "､": "、", "｢": "「", "｣": "」"}
_IDEOGRAPHIC = regex.compile("[" + "".join(IDEOGRAPHIC) + "]")
_SPACE = r"[ \t\u3000]*"
_MARK_IN_CONTEXT = regex.compile(
    rf"(?<={CJK}{_SPACE})[,:;?!]|[,:;?!](?={_SPACE}{CJK})"
)
_NUMERIC_MARK = regex.compile(r"(?<=\d)[,:](?=\d)")
_PARENS = regex.compile(r"\(([^()\n]{0,40})\)")
_LONE_PAREN = regex.compile(rf"(?<={CJK}{_SPACE})[()]|[()](?={_SPACE}{CJK})")
_HAN = regex.compile(r"\p{Han}")
_CHINESE_CONTEXT = regex.compile(CJK)
#: every mark the fixes below may touch (the standard engine scans a character class faster than ``regex``)
_ANY_MARK = re.compile("[,:;?!()" + "".join(IDEOGRAPHIC) + "]")
#: an apostrophe that shortens a year ('98) is a closing quote, not an opening one
_YEAR_APOSTROPHE = regex.compile(r"(?<![A-Za-z0-9])'(?=\d\d(?!\d))")


def find_halfwidth_punctuation(text: str) -> list[Fix]:
    """Fixes for ``, : ; ? ! ( )`` in Chinese context."""
    if not _ANY_MARK.search(text):
        return []  # most blocks of a Chinese page hold none of these marks: one scan instead of four
    fixes = [
        Fix(m.start(), m.end(), FULL_WIDTH[m.group()], "punctuation")
        for m in _MARK_IN_CONTEXT.finditer(text)
        if not _NUMERIC_MARK.match(text, m.start())
    ]
    fixes += [Fix(m.start(), m.end(), IDEOGRAPHIC[m.group()], "punctuation") for m in _IDEOGRAPHIC.finditer(text)]
    paired = set()
    for m in _PARENS.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        paired.update((m.start(), m.end() - 1))
        if _CHINESE_CONTEXT.search(m.group(1)) or _HAN.match(before):
            fixes.append(Fix(m.start(), m.start() + 1, "（", "punctuation"))
            fixes.append(Fix(m.end() - 1, m.end(), "）", "punctuation"))
    fixes += [
        Fix(m.start(), m.end(), FULL_WIDTH[m.group()], "punctuation")
        for m in _LONE_PAREN.finditer(text)
        if m.start() not in paired
    ]
    return fixes


def find_straight_quotes(text: str) -> list[Fix]:
    """Straight quotes in a Chinese block, paired in order (run once the paragraph is whole)."""
    if not _HAN.search(text):
        return []
    return _quote_fixes(text, '"', "“", "”") + _quote_fixes(text, "'", "‘", "’")


def _quote_fixes(text: str, straight: str, opening: str, closing: str) -> list[Fix]:
    """Straight quotes alternate opening, closing; a Latin apostrophe (it's) is left alone.

    Curly quotes count too: a straight quote after an opening ``“`` closes it
    (OCR often reads one side right and the other straight: ``“中文角"``).
    """
    if straight not in text:
        return []
    fixes, is_open = [], False
    for i, ch in enumerate(text):
        if ch == opening:
            is_open = True
            continue
        if ch == closing:
            is_open = False
            continue
        if ch != straight:
            continue
        if straight == "'" and _YEAR_APOSTROPHE.match(text, i):
            fixes.append(Fix(i, i + 1, closing, "quote"))
            continue
        if straight == "'" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i + 1].isascii():
            continue
        fixes.append(Fix(i, i + 1, closing if is_open else opening, "quote"))
        is_open = not is_open
    return fixes
