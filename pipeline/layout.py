"""Page layout: what kind of block each piece of a page is.

Kinds: ``heading``, ``body``, ``caption`` (图①：…), ``credit`` (a photo credit
such as 姚颖康摄（影像中国）), ``byline`` (本报记者 王五, a dateline line), and
``editors`` (本版责编：… 版式设计：…).  Captions, credits and editors' lines are
recognised by their own printed forms; a heading is what is short, stands
alone and does not end a sentence.

>>> special_kind("图①：2023年世界互联网大会在浙江乌镇举行。")
'caption'
>>> special_kind("姚颖康摄（影像中国）"), special_kind("本报记者 张博岚摄"), special_kind("某县文旅局供图")
('credit', 'credit', 'credit')
>>> special_kind("本版责编：韩秉宸 张远南 李安琪 版式设计：张芳曼")
'editors'
>>> special_kind("本报记者  王五"), special_kind("中国方案") is None
('byline', True)
>>> looks_like_heading("让互联网发展成果更好造福全人类"), looks_like_heading("他说，这是机遇。")
(True, False)
>>> looks_like_heading('盐碱地上种出"吨粮田"'), looks_like_heading("本届研讨会由某大学和")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pipeline.charsets import TERMINAL

#: the kinds a photo brings into a column: never joined to the text around them
PHOTO_KINDS = ("caption", "credit")
CAPTION = regex.compile(r"^图[①-⑳\d]{1,2}\s*(?:[:：]|$)|^图为")
CREDIT = regex.compile(
    r"^(?:(?:本报记者|新华社记者|本报通讯员|记者|通讯员)\s*)?\p{Han}[\p{Han}·\s]{1,12}(?:摄|供图)\s*(?:[(（][^()（）]{1,12}[)）])?$"
    r"|^[(（](?:本报记者|新华社记者|记者)?\s*[\p{Han}·]{2,10}(?:摄|供图)[)）]$"
)
#: the credit roles of the people who made the page (credit_roles.tsv), whose labels open the editors' line
PAGE_ROLES = ("editor", "layout", "graphics")
BYLINE = regex.compile(
    r"^(?:本报记者|本报特约记者|本报驻\p{Han}{1,6}记者|新华社记者|本报通讯员|记者)\s*[\p{Han}·\s、]{2,30}$"
)
#: longest heading, in characters
HEADING_MAX = 40
#: a heading may end in a closing quote (种出“吨粮田”), never in a sentence mark
HEADING_NEVER_ENDS = "。！？；：，、…"
_SENTENCE_INSIDE = regex.compile(r"[。！？]")


def special_kind(text: str) -> str | None:
    """``caption``, ``credit``, ``editors`` or ``byline`` by printed form, else None."""
    text = text.strip()
    if CAPTION.match(text):
        return "caption"
    if _editors_label().match(text):
        return "editors"
    if CREDIT.match(text):
        return "credit"
    if BYLINE.match(text):
        return "byline"
    return None


@lru_cache(maxsize=1)
def _editors_label() -> regex.Pattern:
    """A page role's label, with or without 本版, and its colon (本版责编：, 本版责任编辑：, 美编:).

    >>> special_kind("本版责任编辑：周 亮"), special_kind("美编：王五"), special_kind("编辑部的故事")
    ('editors', 'editors', None)
    """
    from pipeline.extract.credits import labels

    words = sorted((label.removeprefix("本版") for label, role in labels().items() if role in PAGE_ROLES), key=len, reverse=True)
    return regex.compile(r"^(?:本版)?(?:" + "|".join(map(regex.escape, dict.fromkeys(words))) + r")\s*[:：]")


def is_masthead(line: str) -> bool:
    """The page's own head (人民日报 2021年11月4日 星期四 第 4 版): a line of its own, which an export of
    several pages prints again atop each.

    >>> is_masthead("人民日报 2021年11月4日 星期四 第 4 版"), is_masthead("2020年度国家科学技术奖揭晓")
    (True, False)
    """
    from pipeline.extract.dates.reference import masthead_date

    return masthead_date(line) is not None


def looks_like_heading(text: str) -> bool:
    """Short, no sentence ends in it or at its end, and it does not stop on a word that leads on."""
    text = text.strip()
    return (
        0 < len(text) <= HEADING_MAX
        and text[-1] not in HEADING_NEVER_ENDS
        and not _SENTENCE_INSIDE.search(text)
        and not ends_mid_sentence(text)
    )


#: jieba tags of words that never end a heading or a sentence: conjunctions (和, 与), prepositions
#: (由, 在), structural particles (的, 地); of 657 headings in the 1998 data (days 1-5), 9 end in p or u, none in c
_LEADS_ON = ("c", "p", "u")


def ends_mid_sentence(text: str, tags: tuple[str, ...] = _LEADS_ON) -> bool:
    """Does the text stop on a word that leads on to more (``…由某大学和``)?

    >>> ends_mid_sentence("本届研讨会由某大学和"), ends_mid_sentence("让互联网发展成果更好造福全人类")
    (True, False)
    """
    from pipeline.lexicon import jieba_dictionary

    words = jieba_dictionary()
    text = text.rstrip()
    for n in (2, 1):
        entry = words.get(text[-n:]) if len(text) >= n else None
        if entry:
            return entry[1].startswith(tags)
    return False


#: a sign-off after a dash (———编者, ——记者手记) ends a block
_SIGN_OFF = regex.compile(r"—{1,3}\p{Han}{1,6}$")


def ends_sentence(text: str) -> bool:
    """Does the block end with punctuation that closes a sentence, or a sign-off?

    >>> ends_sentence("来稿。———编者"), ends_sentence("带来的新机")
    (True, False)
    """
    text = text.rstrip()
    return bool(text) and (text[-1] in TERMINAL or bool(_SIGN_OFF.search(text)))
