"""Organization speakers: a body or a country's side that speaks for itself (中方表示, 外交部指出).

The speaker is the organization as printed, with an empty role and the kind ``organization``;
what tells one from a person's role (巴西外长) is a known organization name or an organization
noun after a place.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.extract import gazetteer
from pipeline.extract.speakers.lexicon import ORG_ENDS, is_person_noun, read_tsv
from pipeline.extract.speakers.persons import Speaker
from pipeline.lexicon import jieba_dictionary, place_and_org_names

#: jieba frequency from which an organization word (tag nt) is a real name (现代科学 has 3)
_ORG_FREQ = 100


def organization_speaker(phrase: str) -> Speaker | None:
    """A country's side (中方, 美方: the first character of a country name + 方, not a compass
    word such as 南方 nor a numeral or pronoun such as 多方) or an organization the gazetteers or
    jieba (tag nt) know, after a place; or a place and an organization noun (尼日利亚政府).

    >>> organization_speaker("尼日利亚政府"), organization_speaker("巴西外长")
    (Speaker(name='尼日利亚政府', role='', kind='organization'), None)
    """
    if len(phrase) == 2 and phrase[1] == "方":
        tag = jieba_dictionary().get(phrase, (0, ""))[1]
        side = phrase[0] in _country_initials() and phrase[0] not in "东南西北" and tag not in ("m", "r", "d", "s")
        return Speaker(phrase, "", "organization") if side else None
    for start in range(len(phrase) - 1):
        place, name = phrase[:start], phrase[start:]
        freq, tag = jieba_dictionary().get(name, (0, ""))
        is_org = name in gazetteer.orgs() or (tag == "nt" and freq >= _ORG_FREQ and len(name) > 2)
        if is_org and (not place or place in place_and_org_names()):
            return Speaker(phrase, "", "organization")
        if place in place_and_org_names() and _organization_noun(name):
            return Speaker(phrase, "", "organization")  # 尼日利亚政府, 巴西外交部
    return None


def _organization_noun(word: str) -> bool:
    """A common noun of jieba's dictionary for an organization, by its head (政府, 外交部, 议会,
    国防部): what a place before it makes that place's body.

    >>> _organization_noun("政府"), _organization_noun("外交部"), _organization_noun("外长"), _organization_noun("人民")
    (True, True, False, False)
    """
    freq, tag = jieba_dictionary().get(word, (0, ""))
    return tag in ("n", "nt") and freq >= _ORG_FREQ and word.endswith(ORG_ENDS) and not is_person_noun(word)


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    """First characters of the place gazetteer's country names (中国 -> 中, 美国 -> 美)."""
    return frozenset(row[0][0] for row in read_tsv("gaz_places.tsv") if row[3:] == ["country"])
