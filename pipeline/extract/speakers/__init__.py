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
>>> split_speaker("报告"), split_speaker("双方一致"), split_speaker("专家")
(None, None, Speaker(name='专家', role='专家', kind='source'))

A person entity that starts one character late after a title (红梅 for 李红梅) is
extended leftwards to the surname; a dateline before the role is no part of it; a
role stops after another person named in the phrase (孙建华和马拉维外交部长卡伦巴):

>>> split_speaker("研究所高级工程师李红梅", persons=["红梅"])
Speaker(name='李红梅', role='研究所高级工程师', kind='named')
>>> split_speaker("新华社北京3月14日电外交部发言人高志远")
Speaker(name='高志远', role='外交部发言人', kind='named')
>>> split_speaker("国务委员孙建华和马拉维外交部长卡伦巴", persons=["孙建华", "卡伦巴"])
Speaker(name='卡伦巴', role='马拉维外交部长', kind='named')
>>> split_speaker("所长陈志明、河北省艺术研究所副所长吴丽等", persons=["陈志明", "吴丽"])
Speaker(name='吴丽', role='河北省艺术研究所副所长', kind='named')

An organization or a country's side speaks for itself (中方表示, 外交部指出): the
speaker is the organization as printed, the role is empty, the kind ``organization``:

>>> split_speaker("中方"), split_speaker("中国外交部").kind, split_speaker("东方"), split_speaker("社会")
(Speaker(name='中方', role='', kind='organization'), 'organization', None, None)

This module decides which reading of a phrase wins; the readings live by concern:
``lexicon`` (titles, person nouns, sources), ``names`` (is this a Chinese or a transliterated
name), ``roles`` (trimming the role), ``persons`` and ``organizations`` (one reader per form).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from pipeline.extract.speakers.lexicon import ends_with_title
from pipeline.extract.speakers.names import plausible_name
from pipeline.extract.speakers.organizations import organization_speaker
from pipeline.extract.speakers.persons import (
    Speaker,
    dotted_speaker,
    familiar_speaker,
    japanese_speaker,
    person_speaker,
    source_speaker,
    surname_title_speaker,
    title_name_speaker,
    translit_speaker,
    unnamed_speaker,
)
from pipeline.extract.speakers.roles import DATELINE, after_other_person

__all__ = ["Speaker", "split_speaker"]

PRONOUNS = frozenset({"他", "她"})
#: a group of speakers: 吴丽等, 吴丽等人
_GROUP = regex.compile(r"等人?$")


def split_speaker(phrase: str, persons: Iterable[str] = ()) -> Speaker | None:
    """Role and name of a speaker phrase (the text between a boundary and the reporting verb)."""
    return _split(phrase, tuple(sorted({p for p in persons if p and p in phrase}, key=len, reverse=True)))


@lru_cache(maxsize=65536)
def _split(phrase: str, persons: tuple[str, ...]) -> Speaker | None:
    """split_speaker for the persons the phrase holds, longest first (once per phrase and persons)."""
    phrase = DATELINE.sub("", phrase.strip().removeprefix("据")).strip()
    if _GROUP.search(phrase) and any(phrase[: _GROUP.search(phrase).start()].endswith(p) for p in persons):
        phrase = phrase[: _GROUP.search(phrase).start()]
    if not phrase:
        return None
    if phrase in PRONOUNS:
        return Speaker(phrase, "", "pronoun")
    speaker = next((person_speaker(phrase, p) for p in persons if phrase.endswith(p)), None) or (
        dotted_speaker(phrase)
        or surname_title_speaker(phrase)
        or title_name_speaker(phrase)
        or (Speaker(phrase, "", "named") if plausible_name(phrase) else None)
        or source_speaker(phrase)
        or organization_speaker(phrase)
        or _name_title(phrase, persons)
        or translit_speaker(phrase)
        or japanese_speaker(phrase)
        or familiar_speaker(phrase)
        or unnamed_speaker(phrase)
    )
    if speaker is None or speaker.kind == "organization":
        return speaker
    return speaker._replace(role=after_other_person(speaker.role, persons))


def _name_title(phrase: str, persons: Iterable[str]) -> Speaker | None:
    """A name with the title after it (哈桑国王, 李明主任): the name; the role is left to where the
    article introduces the person. The name is read by split_speaker itself, hence here.

    >>> _name_title("哈桑国王", ()), _name_title("李明主任", ()).name, _name_title("中国外交部长", ())
    (Speaker(name='哈桑', role='', kind='named'), '李明', None)
    """
    title = ends_with_title(phrase)
    rest = phrase[: -len(title)] if title else ""
    if len(rest) < 2:
        return None
    inner = split_speaker(rest, persons)
    if inner is None or inner.kind != "named" or not rest.endswith(inner.name):
        return None
    return Speaker(inner.name, inner.role, "named")
