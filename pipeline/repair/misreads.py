"""Marks an OCR engine reads as other marks, put back where the context leaves no doubt.

Each rule is one kind of misreading seen in tesseract's ``chi_sim`` output of
newspaper pages (``pipeline eval --ocr-pages``):

* ``bracket``: a full-width opening parenthesis read as ``〈`` or ``《`` (``〈右)``,
  ``《新华社记者王五摄)``), or as both (``(〈武斌摄)``): an ``〈`` closed by a parenthesis is one,
  and so is a ``《`` closed by one with no ``》`` first (6 of the 9 photo credits missed on 60 pages of
  days 1–5 began with ``《``).
* ``one``: the digit 1 read as ``]`` (``]月2日电``, ``1]月``): a ``]`` that
  closes no ``[`` and stands next to a digit or before a date unit.
* ``bullet``: ``●`` read as ``@`` or ``@@`` (not inside an e-mail address).
* ``dash``: ``——`` read as ``一一``, ``一-一``, ``-一`` or ``--`` between two
  Chinese characters (``一一`` is also an adverb, 一一介绍: kept before a verb;
  and part of a numeral, 二一一工程).
* ``name_dot``: the ``·`` between the parts of a foreign name read as ``.``,
  a lone ``'`` or ``:`` (``索尔.埃斯特林``): between two characters used in
  transliterated names, on both sides (a paired ``'`` is a quotation mark).

>>> from pipeline.repair.mapped import fixed_text
>>> run = lambda s: fixed_text(s, find_misreads)
>>> run("李素丽〈右二) 仍在岗。〈新华社记者王五摄)")
'李素丽(右二) 仍在岗。(新华社记者王五摄)'
>>> run("《新华社记者王五摄)，《人民日报》(海外版)，(〈李四摄)")
'(新华社记者王五摄)，《人民日报》(海外版)，(李四摄)'
>>> run("新华社北京]月2日电，共1]个，列表[1]")
'新华社北京1月2日电，共11个，列表[1]'
>>> run("现五个特点：@@产销同步增长@兼并加快，联系 a@b.cn")
'现五个特点：●产销同步增长●兼并加快，联系 a@b.cn'
>>> run("胜利前进一一元旦献辞，偏僻山村一-一新圩镇，回声-一画展")
'胜利前进——元旦献辞，偏僻山村——新圩镇，回声——画展'
>>> run("一-贵州省雷山县脱贫攻坚见闻"), run("一一列举了成果")
('——贵州省雷山县脱贫攻坚见闻', '一一列举了成果')
>>> run("他一一介绍了情况，建设二一一工程")
'他一一介绍了情况，建设二一一工程'
>>> run("总统奥马尔.哈桑'艾哈迈德，经济学家索尔:埃斯特林说，贯彻'十五大'精神")
"总统奥马尔·哈桑·艾哈迈德，经济学家索尔·埃斯特林说，贯彻'十五大'精神"
>>> run("他说:好。年增1.5%")
'他说:好。年增1.5%'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pipeline.repair.mapped import Fix

_BRACKET = regex.compile(r"[(（]?[〈《](?=[^〈〉《》()（）\n]{1,30}[)）])")  # 〈 after a bracket: the bracket read twice
_LONE_BRACKET = regex.compile(r"\](?:(?=\d|[月日年号时点])|(?<=\d\]))")
_BULLET = regex.compile(r"(?<![A-Za-z0-9._%+-])@{1,2}(?![A-Za-z0-9])")
_NUMERAL = "〇零一二三四五六七八九十百千万"
#: a subtitle's dash at the start of a line (——贵州省雷山县见闻) is read the same ways, 一一 apart:
#: a line does open on the adverb (一一列举)
_DASH = regex.compile(
    rf"(?:(?<=(?![{_NUMERAL}])\p{{Han}}|[，。”’）])(?:一-一|-一|一-|--|一一)|(?m:^)[ \t\u3000]*\K(?:一-一|-一|一-|--))"
    rf"(?=(?![{_NUMERAL}])\p{{Han}}|[“‘（])"
)
_NAME_DOT = regex.compile(r"(?<=\p{Han})(?:[.:]|'(?![^'\n]{0,12}'))(?=\p{Han})")


@lru_cache(maxsize=1)
def _name_characters() -> frozenset[str]:
    """Characters of transliterated foreign names (the project's gazetteer of them)."""
    from pipeline.extract.gazetteer import translit_chars

    return translit_chars()


def _adverb_yiyi(text: str, end: int) -> bool:
    """Is the 一一 ending at ``end`` the adverb (一一介绍), a verb of jieba's dictionary following it?  (Each word
    looked up, not a set of its 50,000 verbs built by reading all 350,000 entries: a tenth of a second of the
    process that meets the first 一一.)"""
    from pipeline.lexicon import jieba_dictionary

    words = jieba_dictionary()
    return any(words.get(text[end : end + n], _UNLISTED)[1].startswith("v") for n in range(1, 4))


_UNLISTED = (0, "")


def find_misreads(text: str) -> list[Fix]:
    """Fixes for the misread marks above (apply before half-width punctuation is converted)."""
    # each pattern is scanned only when the text holds the mark it rewrites (most blocks hold none)
    fixes = [Fix(m.start(), m.end(), "(", "bracket") for m in _BRACKET.finditer(text)] if "〈" in text or "《" in text else []
    if "]" in text:
        opened = 0
        for i, ch in enumerate(text):
            if ch == "[":
                opened += 1
            elif ch == "]" and opened:
                opened -= 1
            elif ch == "]" and _LONE_BRACKET.match(text, i):
                fixes.append(Fix(i, i + 1, "1", "one"))
    if "@" in text:
        fixes += [Fix(m.start(), m.end(), "●", "bullet") for m in _BULLET.finditer(text)]
    fixes += [
        Fix(m.start(), m.end(), "——", "dash")
        for m in _DASH.finditer(text)
        if m.group() != "一一" or not _adverb_yiyi(text, m.end())
    ]
    if "." not in text and ":" not in text and "'" not in text:
        return fixes
    names = _name_characters()
    fixes += [
        Fix(m.start(), m.end(), "·", "name_dot")
        for m in _NAME_DOT.finditer(text)
        if text[m.start() - 1] in names and text[m.end()] in names
    ]
    return fixes
