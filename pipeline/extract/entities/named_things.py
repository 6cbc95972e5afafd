"""Person-shaped spans that are not persons: a thing named after someone (李宁牌, 中山路, 诺贝尔文学奖),
a currency (卢布), a family's home (郭家), or a phrase edge (经理|和职工).
"""

from __future__ import annotations

from functools import cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.numbers.units import subunits

#: a name followed by one of these words names a brand, team, ship, prize, street or phenomenon (李宁/牌, 中山/路, 厄尔尼诺/现象)
_NAMED_THING = frozenset({"牌", "杯", "奖", "号", "队", "路", "街", "大街", "大道", "村", "牌子", "商标", "现象", "效应"})


def named_thing(name: str, after: str) -> bool:
    """A person-shaped name that is a thing's: followed by, or glued by jieba to, a brand / cup / prize /
    ship / team / street word (李宁牌, 李宁杯, 丰泰隆 牌), a prize of a field (诺贝尔|物理奖), a currency
    (卢布/nr, 比索/nr) or a currency's sub-unit (戈比).

    >>> named_thing("李宁牌", "专卖店"), named_thing("丰泰隆", "牌"), named_thing("卢布", "贬值"), named_thing("李鹏", "号召")
    (True, True, True, False)
    >>> named_thing("诺贝尔", "文学奖"), named_thing("戈比", "的"), named_thing("王奖", "说"), named_thing("郭家", "和")
    (True, True, False, True)
    """
    return after in _NAMED_THING or len(after) >= 2 and after[-1] == "奖" or len(name) >= 3 and name[-1] in "牌杯奖" and "·" not in name \
        or name in gz.currencies() or name in _named_subunits() or _family_home(name)


def _family_home(name: str) -> bool:
    """A surname and 家 is a family or its home (在郭家和闫家), not a person named 家.

    >>> _family_home("郭家"), _family_home("王家坝"), _family_home("国家")
    (True, False, False)
    """
    return len(name) == 2 and name[1] == "家" and gz.surnames().get(name[0]) == "common"


@cache
def _named_subunits() -> frozenset[str]:
    """Currency sub-units of two characters or more (戈比, 美分); 毛 and 分 are surnames too (毛主席)."""
    return frozenset(word for word in subunits() if len(word) >= 2)


def phrase_edge(name: str) -> bool:
    """A surname-rule name that starts with a conjunction or ends with a particle is a phrase
    (经理|和职工, 侯老的).

    >>> phrase_edge("和职工"), phrase_edge("侯老的"), phrase_edge("和平"), phrase_edge("李鹏")
    (True, True, False, False)
    """
    return len(name) >= 3 and name[0] in "和与及同" or name[-1] in "的了地得"
