"""Person speakers: one reader per form a person's speaker phrase takes, each giving a Speaker.

The forms: a person entity ending the phrase, a ·-name, a surname + title (胡厅长), a Chinese
name after a title or person noun, a transliterated name without its dot, a familiar surname
(老黄), an unnamed person by kind (一位白发老人) and an unnamed source (有关负责人). Which
reader wins is decided in :func:`pipeline.extract.speakers.split_speaker`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from pipeline.extract import gazetteer
from pipeline.extract.speakers.lexicon import (
    ends_with_address,
    ends_with_title,
    is_person_noun,
    person_noun_end,
    sources,
    titles,
)
from pipeline.extract.speakers.names import (
    DOT_READINGS,
    TRANSLIT_MAX,
    common_word_at,
    looks_translit,
    normalise_dots,
    plausible_chinese_name,
)
from pipeline.extract.speakers.roles import trim_role

#: a name in Chinese characters only
_HAN_NAME = regex.compile(r"\p{Han}+")
#: a transliterated name: parts joined by the middle dot
_DOTTED = regex.compile(r"(\p{Han}+)((?:·\p{Han}+)+)$")
#: longest given part of a transliterated name when no title marks where it starts
_FIRST_PART_MAX = 4
#: what a familiar name puts before a surname: 老黄, 小李
_FAMILIAR = "老小"
#: quantifiers and determiners before an unnamed speaker: 一位老人, 有位诗人, 其中一名队员
_UNNAMED_LEAD = regex.compile(r"^(?:有的|有位|有个|有|其中|这位|那位|这名|那名|该)?(?:[一两二三四五六七八九十几数多]+[位名个]|几位|许多|不少|很多)?")


class Speaker(NamedTuple):
    """``name`` as printed; ``kind`` is named / title_surname / pronoun / source / organization."""

    name: str
    role: str
    kind: str


def person_speaker(phrase: str, person: str) -> Speaker:
    """A person entity ending the phrase, one character longer when it starts after a surname
    that follows a title or opens the phrase (高级工程师|李|红梅: the entity missed the surname)."""
    before = phrase[: -len(person)]
    late = len(person) <= 2 and before[-1:] in gazetteer.surnames() and not ends_with_title(before)
    if late and (len(before) == 1 or ends_with_title(before[:-1])):
        person, before = before[-1] + person, before[:-1]
    return Speaker(person, trim_role(before), "named")


def dotted_speaker(phrase: str) -> Speaker | None:
    """A ·-name at the end of the phrase, after the title or person noun before it (主办人托尼·巴伯).

    >>> dotted_speaker("主办人托尼·巴伯"), dotted_speaker("马可·罗西尼今天在此间")
    (Speaker(name='托尼·巴伯', role='主办人', kind='named'), None)

    The first part of a French name may be one character (让·雅克, 总理让·卡马拉):

    >>> dotted_speaker("总理让·卡马拉")
    Speaker(name='让·卡马拉', role='总理', kind='named')
    """
    match = _DOTTED.search(phrase)
    last = phrase.rfind("·") + 1
    if not match or any(common_word_at(phrase, pos) for pos in range(last + 1, len(phrase))):
        return None  # the phrase runs on past the name (马可·罗西尼今天在此间)
    first = match[1]
    cut = next((end for end in range(len(first) - 1, 0, -1) if ends_with_title(first[:end]) or person_noun_end(first[:end])), None)
    if cut is None:
        cut = max(0, len(first) - _FIRST_PART_MAX)
    start = match.start() + cut
    return Speaker(phrase[start:], trim_role(phrase[:start]), "named")


def surname_title_speaker(phrase: str) -> Speaker | None:
    """A surname + title after nothing, 的, 、 or ” (合作社的刘经理): the role keeps the title; a
    surname + form of address too (朱师傅, 王大姐).

    >>> surname_title_speaker("合作社的刘经理"), surname_title_speaker("经理")
    (Speaker(name='刘经理', role='合作社经理', kind='title_surname'), None)
    >>> surname_title_speaker("朱师傅")
    Speaker(name='朱师傅', role='师傅', kind='title_surname')
    """
    title = ends_with_title(phrase) or ends_with_address(phrase)
    if not title or len(phrase) == len(title):
        return None
    rest = phrase[: -len(title)]
    for size in (2, 1):
        surname, before = rest[-size:], rest[:-size]
        if len(rest) >= size and surname in gazetteer.surnames() and (not before or before[-1] in "的、”"):
            return Speaker(surname + title, trim_role(before) + title, "title_surname")
    return None


def title_name_speaker(phrase: str) -> Speaker | None:
    """A Chinese name after a title or a person noun (机长王启明, 姐姐王芳), 的 or 、."""
    for size in (3, 2, 4):
        name, before = phrase[-size:], phrase[:-size]
        if len(phrase) > size and plausible_chinese_name(name) and (
            ends_with_title(before) or before[-1] in "、的" or person_noun_end(before)
        ):
            return Speaker(name, trim_role(before), "named")
    return None


#: lengths of a Japanese family name and given name together, as printed in Chinese characters
_JAPANESE_LENGTHS = (5, 4)


def japanese_speaker(phrase: str) -> Speaker | None:
    """A Japanese name of four or five characters after a title or a person noun (日本首相岸田文雄),
    read by the character model of Japanese names, which the Chinese surname rules miss.

    >>> japanese_speaker("日本首相岸田文雄"), japanese_speaker("首相保持健康")
    (Speaker(name='岸田文雄', role='日本首相', kind='named'), None)
    """
    # the name finder's model, imported here: the entities package imports this one
    from pipeline.extract.entities.japanese import reads_japanese

    for size in _JAPANESE_LENGTHS:
        name, before = phrase[-size:], phrase[:-size]
        if before and (ends_with_title(before) or person_noun_end(before)) and _HAN_NAME.fullmatch(name) and reads_japanese(name):
            return Speaker(name, trim_role(before), "named")
    return None


def translit_speaker(phrase: str) -> Speaker | None:
    """A transliterated name without a dot, or with the dot misread, alone or after a role, a
    kinship word, 的 or 、 (萨拉, 博士生卡马尔, 姐姐萨拉): the name after the longest such lead.

    >>> translit_speaker("博士生卡马尔"), translit_speaker("萨拉").name, translit_speaker("拉斐尔.伊万格利斯塔").name
    (Speaker(name='卡马尔', role='博士生', kind='named'), '萨拉', '拉斐尔·伊万格利斯塔')
    >>> translit_speaker("巴西"), translit_speaker("学生阿米娜").name
    (None, '阿米娜')
    """
    if len(phrase) < 2 or phrase[-1] not in gazetteer.translit_chars():
        return None
    for cut in range(len(phrase) - 2, max(0, len(phrase) - TRANSLIT_MAX) - 1, -1):
        before, name = phrase[:cut], phrase[cut:]
        if name[0] in DOT_READINGS + "·" or _opens_with_role(name):
            continue
        role = bool(before) and bool(ends_with_title(before) or person_noun_end(before))
        if (role or not before or before[-1] in "的、") and looks_translit(name, after_role=role):
            return Speaker(normalise_dots(name), trim_role(before), "named")
    return None


@lru_cache(maxsize=65536)
def _opens_with_role(name: str) -> bool:
    """Whether a title or a person noun starts ``name`` (博士生 in 博士生卡马尔)."""
    return any(name[:size] in titles() or is_person_noun(name[:size]) for size in range(2, min(len(name), 5)))


def familiar_speaker(phrase: str) -> Speaker | None:
    """老 or 小 + a surname (老黄, 小李): a person called by the familiar form of the surname."""
    if len(phrase) == 2 and phrase[0] in _FAMILIAR and phrase[1] in gazetteer.surnames():
        return Speaker(phrase, "", "named")
    return None


def unnamed_speaker(phrase: str) -> Speaker | None:
    """A person not named, by the kind of person (一位白发老人, 日本专家, 家长们): the speaker is the
    phrase without its quantifier, the role the person noun.

    >>> unnamed_speaker("一位白发老人"), unnamed_speaker("有群众").name, unnamed_speaker("这种态度")
    (Speaker(name='白发老人', role='老人', kind='source'), '群众', None)
    """
    head = person_noun_end(phrase)
    if not head:
        return None
    rest = phrase[_UNNAMED_LEAD.match(phrase).end() :]
    return Speaker(trim_role(rest) or head, head, "source") if rest.endswith(head) else None


def source_speaker(phrase: str) -> Speaker | None:
    """An unnamed source by the noun it ends with (有关负责人, 专家): the role keeps what precedes."""
    source = next((s for s in sources() if phrase.endswith(s)), "")
    if not source:
        return None
    return Speaker(source, trim_role(phrase[: -len(source)]) + source, "source")
