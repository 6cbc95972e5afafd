"""The role part of a speaker phrase: what is left before the name once the clutter is cut.

A phrase before a reporting verb often carries more than the role: a dateline (新华社北京3月14日电),
a clause ending in 的, a verb or preposition that leads in (当, 据), a caption's 图为, or another
person named first (孙建华和马拉维外交部长卡伦巴). The quotation rules trim roles the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from pipeline.extract.speakers.lexicon import ORG_ENDS
from pipeline.lexicon import jieba_dictionary

#: a news-agency dateline opening a paragraph: 新华社北京3月14日电（记者林涛）, 本报北京3月5日电
DATELINE = regex.compile(
    r"^[^，。；：“”]{0,24}?[\d一二三四五六七八九十〇]{1,3}月[\d一二三四五六七八九十]{1,3}日(?:\p{Han}{1,4}时)?电"
    r"(?:（[^（）]{0,30}）)?"
)
#: what joins the names of several speakers: 孙建华和卡伦巴, 陈志明、吴丽
_JOINERS = "和与及同、，"
#: words before a role that are verbs or prepositions, not part of it (当山东省……支队长)
_ROLE_LEADS = "当任由被让请向对在为是"
#: a caption's opening before the role of the person pictured (图为……董事长周立新)
_PICTURED = ("图为", "左为", "右为", "中为")


def trim_role(text: str) -> str:
    """The role part of a speaker phrase: drop a leading clause ending in 的 unless it names an
    organization, a dateline, and a leading verb or preposition that is no word with what follows.

    >>> trim_role("在村口开农家乐的村民"), trim_role("长期研究人工智能的巴西经济学家、")
    ('村民', '巴西经济学家')
    >>> trim_role("合作社的"), trim_role("当河南省郑州市公安局副局长"), trim_role("当地村民")
    ('合作社', '河南省郑州市公安局副局长', '当地村民')
    >>> trim_role("据新华社开罗3月12日电（记者林涛）埃及外交部长"), trim_role("图为深圳丰泰隆公司董事长")
    ('埃及外交部长', '深圳丰泰隆公司董事长')
    """
    text = DATELINE.sub("", text.strip().removeprefix("据")).rstrip("、，的 ")
    head, sep, tail = text.rpartition("的")
    if sep and not head.endswith(ORG_ENDS):
        text = tail
    elif sep:
        text = head + tail
    text = text.strip("、， ").removeprefix(next((p for p in _PICTURED if text.startswith(p)), ""))
    if len(text) > 2 and text[0] in _ROLE_LEADS and text[:2] not in jieba_dictionary():
        text = text[1:]
    return text


def after_other_person(role: str, persons: Iterable[str]) -> str:
    """The role after the last other person it names (孙建华和马拉维外交部长 -> 马拉维外交部长).

    >>> after_other_person("国务委员孙建华和马拉维外交部长", ["孙建华"]), after_other_person("外交部长", ["孙建华"])
    ('马拉维外交部长', '外交部长')
    """
    cut = 0
    for person in persons:
        at = role.find(person)
        while at >= 0:
            end = at + len(person)
            if end < len(role) and role[end] in _JOINERS:
                cut = max(cut, end + 1)
            at = role.find(person, at + 1)
    return role[cut:]
