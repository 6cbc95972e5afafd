"""Who speaks: split the phrase before a reporting verb into a role and a name.

A People's Daily speaker phrase is a role (organization + title) followed by a
name: ``巴西互联网指导委员会董事会成员拉斐尔·伊万格利斯塔``.  The name is found
by its form, not from a list of names: a transliterated name joined by ·, a
surname + 1-3 characters after a title, a surname + title (胡厅长), a bare
Chinese name, a pronoun (他/她, resolved later by the caller) or an unnamed
source (有关负责人).  Titles match as suffixes, so 部长 covers 国务部长.

>>> split_speaker("肯尼亚总统鲁托")
Speaker(name='鲁托', role='肯尼亚总统', kind='named')
>>> split_speaker("巴西互联网指导委员会董事会成员拉斐尔·伊万格利斯塔")
Speaker(name='拉斐尔·伊万格利斯塔', role='巴西互联网指导委员会董事会成员', kind='named')
>>> split_speaker("巴基斯坦“读懂中国”论坛理事长扎法尔·马赫默德").role
'巴基斯坦“读懂中国”论坛理事长'
>>> split_speaker("林斯"), split_speaker("应该"), split_speaker("")
(Speaker(name='林斯', role='', kind='named'), None, None)
>>> split_speaker("兴国县长冈乡富民蔬菜专业合作社的刘经理")
Speaker(name='刘经理', role='兴国县长冈乡富民蔬菜专业合作社经理', kind='title_surname')
>>> split_speaker("在村口开农家乐的村民肖桂兰")
Speaker(name='肖桂兰', role='村民', kind='named')
>>> split_speaker("她"), split_speaker("据中心主任赵文博").name
(Speaker(name='她', role='', kind='pronoun'), '赵文博')
>>> split_speaker("农业农村部科技教育司有关负责人")
Speaker(name='有关负责人', role='农业农村部科技教育司有关负责人', kind='source')
>>> split_speaker("马来西亚数字经济发展局首席执行官法里德·阿兹曼", persons=["法里德·阿兹曼"]).role
'马来西亚数字经济发展局首席执行官'
>>> split_speaker("报告"), split_speaker("专家")
(None, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from pipeline.extract import gazetteer
from pipeline.lexicon import jieba_dictionary

DATA = Path(__file__).resolve().parents[1] / "data"
PRONOUNS = frozenset({"他", "她"})
#: a transliterated name: parts joined by the middle dot
_DOTTED = regex.compile(r"(\p{Han}+)((?:·\p{Han}+)+)$")
#: characters that never occur in a Chinese given name printed in running text
_FUNCTION_CHARS = frozenset("的了着过们地得是在和与及或也都就还又这那其此该每各")
#: organization heads: a role ``X的经理`` keeps X when X names an organization
_ORG_ENDS = (
    "社",
    "会",
    "局",
    "厅",
    "部",
    "院",
    "所",
    "司",
    "处",
    "委",
    "办",
    "署",
    "馆",
    "站",
    "队",
    "公司",
    "集团",
    "中心",
    "大学",
    "学校",
    "医院",
    "银行",
    "组织",
    "政府",
    "企业",
    "工厂",
    "基地",
)
#: longest given part of a transliterated name when no title marks where it starts
_FIRST_PART_MAX = 4


class Speaker(NamedTuple):
    """``name`` as printed; ``kind`` is named / title_surname / pronoun / source."""

    name: str
    role: str
    kind: str


def _read_tsv(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Title and role nouns: the shared gazetteer's plus speaker_roles.tsv."""
    return frozenset(gazetteer.titles()) | {row[0] for row in _read_tsv("speaker_roles.tsv")}


@lru_cache(maxsize=1)
def sources() -> tuple[str, ...]:
    """Nouns that stand for an unnamed speaker, longest first."""
    rows = [row[0] for row in _read_tsv("speaker_roles.tsv") if row[1:] == ["source"]]
    return tuple(sorted(rows, key=len, reverse=True))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The shared surname gazetteer plus speaker_surnames.txt (census surnames it lacks)."""
    extra = (DATA / "speaker_surnames.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(gazetteer.surnames()) | {s.strip() for s in extra if s.strip() and not s.startswith("#")}


def surname_of(name: str) -> str:
    """The surname a Chinese name starts with ('' if none): 欧阳 before 欧.

    >>> surname_of("欧阳修"), surname_of("胡建平"), surname_of("的确")
    ('欧阳', '胡', '')
    """
    for size in (2, 1):
        if len(name) > size and name[:size] in surnames():
            return name[:size]
    return ""


def ends_with_title(text: str) -> str:
    """The longest title ``text`` ends with, or ''."""
    for size in range(min(len(text), 8), 0, -1):
        if text[-size:] in titles():
            return text[-size:]
    return ""


def plausible_chinese_name(name: str) -> bool:
    """2-4 characters, a surname first, not an ordinary word (jieba: any tag but nr).

    >>> plausible_chinese_name("陈立群"), plausible_chinese_name("可以"), plausible_chinese_name("胡厅长")
    (True, False, False)
    """
    if not 2 <= len(name) <= 4 or not regex.fullmatch(r"\p{Han}+", name):
        return False
    if not surname_of(name) or set(name) & _FUNCTION_CHARS or ends_with_title(name):
        return False
    entry = jieba_dictionary().get(name)
    return entry is None or entry[1] == "nr"


def trim_role(text: str) -> str:
    """The role part of a speaker phrase: drop a leading clause ending in 的 unless it names an organization.

    >>> trim_role("在村口开农家乐的村民"), trim_role("长期研究人工智能的巴西经济学家、")
    ('村民', '巴西经济学家')
    >>> trim_role("合作社的")
    '合作社'
    """
    text = text.strip().rstrip("、，的 ")
    head, sep, tail = text.rpartition("的")
    if sep and not head.endswith(_ORG_ENDS):
        text = tail
    elif sep:
        text = head + tail
    return text.strip("、， ")


def split_speaker(phrase: str, persons: Iterable[str] = ()) -> Speaker | None:
    """Role and name of a speaker phrase (the text between a boundary and the reporting verb)."""
    phrase = phrase.strip()
    if phrase.startswith("据"):
        phrase = phrase[1:]
    if not phrase:
        return None
    if phrase in PRONOUNS:
        return Speaker(phrase, "", "pronoun")
    for person in sorted(set(persons), key=len, reverse=True):
        if person and phrase.endswith(person):
            return Speaker(person, trim_role(phrase[: -len(person)]), "named")
    return (
        _dotted(phrase)
        or _surname_title(phrase)
        or _title_name(phrase)
        or (Speaker(phrase, "", "named") if plausible_chinese_name(phrase) else None)
        or _source(phrase)
    )


def _dotted(phrase: str) -> Speaker | None:
    match = _DOTTED.search(phrase)
    if not match:
        return None
    first = match[1]
    cut = next((end for end in range(len(first) - 2, 0, -1) if ends_with_title(first[:end])), None)
    if cut is None:
        cut = max(0, len(first) - _FIRST_PART_MAX)
    start = match.start() + cut
    return Speaker(phrase[start:], trim_role(phrase[:start]), "named")


def _surname_title(phrase: str) -> Speaker | None:
    title = ends_with_title(phrase)
    if not title or len(phrase) == len(title):
        return None
    rest = phrase[: -len(title)]
    for size in (2, 1):
        surname, before = rest[-size:], rest[:-size]
        if len(rest) >= size and surname in surnames() and (not before or before[-1] in "的、”"):
            return Speaker(surname + title, trim_role(before) + title, "title_surname")
    return None


def _title_name(phrase: str) -> Speaker | None:
    for size in (3, 2, 4):
        name, before = phrase[-size:], phrase[:-size]
        if len(phrase) > size and plausible_chinese_name(name) and (ends_with_title(before) or before[-1] in "、的"):
            return Speaker(name, trim_role(before), "named")
    return None


def _source(phrase: str) -> Speaker | None:
    source = next((s for s in sources() if phrase.endswith(s)), "")
    if not source:
        return None
    return Speaker(source, trim_role(phrase[: -len(source)]) + source, "source")
