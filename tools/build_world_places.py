"""Regenerate pipeline/data/gaz_world_places.tsv: places abroad that gaz_places.tsv lacks.

Run with the project venv after ``pip install -e '.[gazetteers]'`` (build time only)::

    .venv/bin/python tools/build_world_places.py

Sources, named again in the file's header:

* CLDR (Unicode licence), through ``babel``: the Chinese exemplar city of every time
  zone (伊尔库茨克, 安克雷奇) and the Chinese names of territories and regions;
* pycountry (LGPL-2.1; ISO 3166-2 with the Debian iso-codes zh_CN translations):
  the first-level subdivisions of every country outside China (巴伐利亚, 加利福尼亚州,
  旁遮普邦), with the short form of a name whose unit is 州/省/邦 (加利福尼亚);
* jieba (MIT) ``dict.txt``, only to leave names out.

A name is kept only where it is unambiguous (see :func:`unambiguous`): not listed for
two countries (圣乔治 is a parish in three), not a word jieba knows otherwise (世界,
赤道, 中央), not a person's name jieba knows (达尔文/nr, 戴维斯), two characters only
if jieba tags it a place, and not a description before a unit (东部省, 高原省).  These
names are not added to jieba's user dictionary, so they do not change the segmentation;
:mod:`pipeline.extract.entities.world` matches them on characters.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter

import pycountry
from babel import Locale
from build_gazetteers import DATA, header, jieba_tags, write

#: units that end a subdivision's name; the name without one is kept too (加利福尼亚州 → 加利福尼亚)
SHORTENED_UNITS = ("州", "省", "邦")
#: units that make a name unambiguous even where jieba knows it as a person's (汉诺威 is a city; 宫城县)
UNITS = ("州", "省", "邦", "县", "郡", "府", "区", "岛", "群岛", "市", "城", "港")
#: jieba tags under which a name is still a place: a place, a transliterated name, or unknown
PLACE_TAGS = ("ns", "nrt", "")
#: a transliterated name jieba knows this short may be a person's (约克, 肯特, 基洛夫)
SHORTEST_NRT = 4
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
#: CLDR placeholders and odd forms (未知地区, 伪双向语言地区, a state and its town run together)
NOT_A_PLACE = re.compile(r"未知|伪|边远|领土|地区$|.州.")


def unambiguous(name: str, tags: dict[str, tuple[int, str]], countries: int, known: set[str]) -> bool:
    """A name that reads as this place wherever it stands.

    >>> tags = {"达尔文": (300, "nr"), "世界": (9, "n"), "伊尔库茨克": (5, "nrt"), "约克": (5, "nrt"), "东部": (9, "f"), "汉诺威": (9, "nr")}
    >>> [n for n in ("伊尔库茨克", "达尔文", "世界", "约克", "东部省", "汉诺威州", "巴雷") if unambiguous(n, tags, 1, set())]
    ['伊尔库茨克', '汉诺威州']
    >>> unambiguous("圣乔治", {}, 3, set())
    False
    """
    if countries > 1 or not HAN.fullmatch(name) or NOT_A_PLACE.search(name) or name in known:
        return False
    freq, tag = tags.get(name, (0, ""))
    unit = next((u for u in UNITS if name.endswith(u) and len(name) > len(u) + 1), "")
    if unit:
        stem_tag = tags.get(name[: -len(unit)], (0, ""))[1]
        return stem_tag in PLACE_TAGS + ("nr", "nz") and name[: -len(unit)] not in known  # not 东部/f 省, 高原省
    if tag not in PLACE_TAGS or len(name) == 2 and tag != "ns":
        return False
    return tag != "nrt" or len(name) >= SHORTEST_NRT


def cldr_places() -> list[tuple[str, str, str]]:
    """(name, kind, source) for CLDR's exemplar cities and territory names in Chinese."""
    zh = Locale("zh")
    rows = [(z["city"], "city", "CLDR exemplar city") for z in zh.time_zones.values() if z.get("city")]
    rows += [(name, "region", "CLDR territory") for name in zh.territories.values()]
    return rows


def subdivisions() -> list[tuple[str, str, str, int]]:
    """(name, kind, source, countries naming it) for ISO 3166-2 subdivisions outside China, with short forms."""
    tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    names: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code in ("CN", "TW", "HK", "MO") or sub.parent_code:
            continue
        name = tr.gettext(sub.name)
        names.setdefault(name, set()).add(sub.country_code)
        unit = next((u for u in SHORTENED_UNITS if name.endswith(u)), "")
        if unit and len(name) - len(unit) >= 3:
            names.setdefault(name[: -len(unit)], set()).add(sub.country_code)
    return [(n, "region", "ISO 3166-2 zh_CN", len(c)) for n, c in names.items()]


def main() -> None:
    tags = jieba_tags()
    known_rows = [line.split("\t") for line in (DATA / "gaz_places.tsv").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    known = {r[0] for r in known_rows}
    counts = Counter()
    rows = {}
    for name, kind, source, countries in [(*r, 1) for r in cldr_places()] + subdivisions():
        counts[name] = max(counts[name], countries)
        rows.setdefault(name, (kind, source))
    out = []
    for name, (kind, source) in rows.items():
        if unambiguous(name, tags, counts[name], known):
            label = "LOC" if name.endswith(("岛", "群岛")) else "GPE"
            out.append((name, label, name, kind, source))
    write("gaz_world_places.tsv", header(
        "Places abroad that gaz_places.tsv lacks: cities, territories, first-level subdivisions, unambiguous names only",
        "CLDR (via babel) Chinese exemplar cities and territory names; pycountry iso3166-2 zh_CN subdivision names; "
        "jieba 0.42.1 dict.txt to leave out ambiguous names (see tools/build_world_places.py)",
        "CLDR Unicode licence; pycountry/iso-codes LGPL-2.1+; jieba MIT", "text, label, normalized, kind, source"), out)


if __name__ == "__main__":
    main()
