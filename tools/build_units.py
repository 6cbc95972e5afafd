"""Regenerate the unit and currency tables in pipeline/data/ from the Unicode CLDR (via babel).

Run with the project venv after ``pip install -e '.[units]'`` (build time only;
the pipeline reads the TSV files and never imports babel)::

    .venv/bin/python tools/build_units.py

Sources, each named again in the header of the file it feeds:

* CLDR (Unicode licence), as shipped in babel 2.18.0: every ISO 4217 currency's
  display name in Chinese (zh, zh_Hant, zh_Hant_HK), its symbols (zh, zh_Hant,
  en: ``US$``, ``£``, ``€``) and the code itself; every measurement unit's
  Chinese short and long names (``公里``, ``摄氏度``, ``公分``) and its
  English symbols (``km``, ``°C``, ``kWh``);
* the short name of a currency is its CLDR name less a leading place name
  (``丹麦克朗`` → ``克朗``, ``俄罗斯卢布`` → ``卢布``, ``南非兰特`` → ``兰特``),
  places from the project gazetteer and jieba's ``ns`` words;
* GB 3100-93 (the SI as adopted in China): the Chinese names and symbols of
  the SI prefixes and of the units that take them (千瓦, 兆帕, 纳米, 毫安),
  tabulated below; a prefixed name that jieba's dictionary knows as another
  word (千安, a place) is left out;
* Unicode: the compatibility characters for units (``㎡``, ``㎞``, ``℃``) and the
  full-width currency signs (``￥``, ``＄``) whose NFKC form is one of the symbols above.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import babel
from babel import Locale

from pipeline.lexicon import jieba_dictionary

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"
CHINESE_LOCALES = ("zh", "zh_Hant", "zh_Hant_HK")

#: CLDR unit categories -> the claim kind of their units (others are left out: angles, graphics, torque)
CATEGORIES = {
    "length": "measure", "area": "measure", "volume": "measure", "mass": "measure", "temperature": "measure",
    "speed": "measure", "digital": "measure", "energy": "measure", "power": "measure", "pressure": "measure",
    "frequency": "measure", "electric": "measure", "consumption": "measure", "light": "measure", "force": "measure",
    "duration": "time",
}
#: English symbols one letter long are kept only for these (5G, 4K, 3D are not units)
ONE_LETTER = {"m", "g", "L", "t", "W", "V"}
#: an English symbol is letters, digits and unit signs only (not 'gas-equiv', 'dsp-Imp.', '°' alone)
SYMBOL = re.compile(r"[A-Za-zμΩ°²³/0-9]*[A-Za-zμΩ][A-Za-zμΩ°²³/0-9]*|°[CF]")
#: the Unicode blocks of unit characters (letterlike ℃ ℉ Ω, CJK compatibility ㎡ ㎞)
UNIT_CHARS = [0x2103, 0x2109, 0x2126, *range(0x3380, 0x3400)]

#: GB 3100-93 table 5 (SI prefixes): Chinese name and symbol
PREFIXES = [("太", "T"), ("吉", "G"), ("兆", "M"), ("千", "k"), ("厘", "c"), ("毫", "m"), ("微", "μ"), ("纳", "n"), ("皮", "p")]
#: GB 3100-93 tables 1-3 and 6: units that take SI prefixes, Chinese name (full and short) and symbol
PREFIXED_UNITS = [
    ("米", "m"), ("克", "g"), ("升", "L"), ("秒", "s"), ("瓦", "W"), ("瓦特", "W"), ("瓦时", "Wh"), ("焦", "J"),
    ("焦耳", "J"), ("帕", "Pa"), ("帕斯卡", "Pa"), ("赫", "Hz"), ("赫兹", "Hz"), ("伏", "V"), ("伏特", "V"),
    ("安", "A"), ("安培", "A"), ("欧", "Ω"), ("欧姆", "Ω"), ("牛", "N"), ("牛顿", "N"), ("伏安", "VA"),
    ("乏", "var"), ("库", "C"), ("库仑", "C"), ("法", "F"), ("法拉", "F"), ("特", "T"), ("特斯拉", "T"),
    ("贝可", "Bq"), ("戈瑞", "Gy"), ("希沃特", "Sv"), ("摩尔", "mol"), ("电子伏", "eV"), ("卡", "cal"),
    ("字节", "B"), ("比特", "bit"),
]
#: prefixes that make no unit in use with these (厘安, 皮字节)
PREFIX_LIMITS = {"厘": {"米", "升", "克"}, "皮": {"米", "克", "秒", "法", "法拉"}}


def _plain(data):
    try:
        return {k: _plain(v) for k, v in data.items()}
    except AttributeError:
        return data


def _suffix(pattern: str) -> str:
    """'{0}公里' -> '公里', '{0} km/h' -> 'km/h'; '' when text stands before the number."""
    head, _, tail = pattern.partition("{0}")
    return "" if head.strip() else tail.strip()


def unit_rows() -> dict[str, tuple[str, str]]:
    """unit text -> (kind, CLDR id or SI symbol)."""
    rows: dict[str, tuple[str, str]] = {}
    for locale in CHINESE_LOCALES:
        for unit, lengths in _plain(Locale.parse(locale)._data["unit_patterns"]).items():
            kind = CATEGORIES.get(unit.split("-")[0])
            if not kind:
                continue
            for patterns in lengths.values():
                for form, pattern in patterns.items():
                    text = _suffix(pattern) if form != "per" else ""
                    if text and not text.isascii() and len(text) > 1 and not any(c.isdigit() for c in text):
                        rows.setdefault(text, (kind, unit))  # single characters (点, 刻, 节) are the hand table's
    for unit, lengths in _plain(Locale.parse("en")._data["unit_patterns"]).items():
        kind = CATEGORIES.get(unit.split("-")[0])
        if not kind or kind == "time" or unit == "mass-carat":
            continue  # h, min, s after a number are clock readings as often as durations
        for length in ("short", "narrow"):
            for form, pattern in lengths.get(length, {}).items():
                text = _suffix(pattern) if form != "per" else ""
                if SYMBOL.fullmatch(text) and (len(text) > 1 or text in ONE_LETTER):
                    rows.setdefault(text, (kind, unit))
    words = jieba_dictionary()
    for prefix, prefix_symbol in PREFIXES:
        for name, symbol in PREFIXED_UNITS:
            if prefix in PREFIX_LIMITS and name not in PREFIX_LIMITS[prefix]:
                continue
            text = prefix + name
            entry = words.get(text)
            if entry and entry[1] not in ("q", "m", "mq") and text not in rows:
                continue  # 千安, 吉米: another word
            rows.setdefault(text, ("measure", prefix_symbol + symbol))
            rows.setdefault(prefix_symbol + symbol, ("measure", prefix_symbol + symbol))
    for code in UNIT_CHARS:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        powered = folded[:-1] + {"2": "²", "3": "³"}.get(folded[-1:], folded[-1:])  # ㎡ is m2 in NFKC, m² in CLDR
        for form in (folded, powered):
            if form != char and form in rows and char not in rows:
                rows[char] = rows[form]  # ㎞ -> km, ℃ -> °C, ㎡ -> m²
    return rows


#: a currency symbol: signs with at most a few letters before them (US$, HK$, ¥, €), not 'F CFA' or 'Cg.'
CURRENCY_SYMBOL = re.compile(r"[A-Z]{0,3}[^\w\s.¤]")
#: what is left of a name without its country: two to four Chinese characters (克朗, 新谢克尔)
SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
#: X codes that are currencies; the others are metals, funds and test codes (XAU, XDR, XTS)
X_CURRENCIES = {"XAF", "XOF", "XCD", "XPF", "XCG"}


def _real_currency(code: str) -> bool:
    return len(code) == 3 and code.isupper() and (not code.startswith("X") or code in X_CURRENCIES)


def _country_names() -> set[str]:
    """Countries and their short names from the project gazetteer (pycountry, jionlp)."""
    rows = (line.rstrip("\n").split("\t") for line in (DATA / "gaz_places.tsv").open(encoding="utf-8"))
    return {row[0] for row in rows if len(row) == 4 and row[3] in ("country", "region", "continent")}


def currency_rows() -> dict[str, tuple[str, str]]:
    """currency text -> (ISO 4217 code, form: name, short, symbol or code)."""
    rows: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for locale in CHINESE_LOCALES:
        data = Locale.parse(locale)
        for code, name in sorted(data.currencies.items()):
            if _real_currency(code) and name and not name.isascii() and not any(c in name for c in "(（"):
                names.setdefault(name, code)
    for name, code in names.items():
        rows[name] = (code, "name")
    where = _country_names()
    for name, code in sorted(names.items()):
        for cut in range(len(name) - 2, 1, -1):  # the longest place: 白俄罗斯卢布 -> 卢布, not 罗斯卢布
            if name[:cut] in where and SHORT_NAME.fullmatch(name[cut:]):
                rows.setdefault(name[cut:], (code, "short"))  # 丹麦克朗 -> 克朗 (the first code that has it)
                break
    for locale in ("zh", "en", "zh_Hant", "zh_Hant_HK"):  # $ is the US dollar before it is the Taiwan one
        for code, symbol in sorted(Locale.parse(locale).currency_symbols.items()):
            if _real_currency(code) and symbol != code and CURRENCY_SYMBOL.fullmatch(symbol):
                rows.setdefault(symbol, (code, "symbol"))
    for char in map(chr, range(0xFF01, 0xFFEF)):  # full-width forms: ￥, ＄, ￡
        folded = unicodedata.normalize("NFKC", char)
        if folded in rows and rows[folded][1] == "symbol" and char not in rows:
            rows[char] = rows[folded]
    for code in sorted(Locale.parse("en").currencies):
        if _real_currency(code):
            rows.setdefault(code, (code, "code"))
    return rows


def _write(name: str, header: list[str], rows: list[str]) -> None:
    (DATA / name).write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    version = f"babel {babel.__version__}"
    currencies = currency_rows()
    _write(
        "currencies.tsv",
        [
            "# Currencies: every ISO 4217 currency by its Chinese names, short names, symbols and code",
            f"# source: Unicode CLDR via {version} (locales {', '.join(CHINESE_LOCALES)}; symbols also from en);",
            "#   short names are CLDR names less a leading place (丹麦克朗 -> 克朗; places: project gazetteer, jieba ns)",
            "# licence: Unicode License v3 (CLDR)",
            "# generated by tools/build_units.py; do not edit by hand",
            "# columns: text, code, form (name/short/symbol/code)",
        ],
        [f"{text}\t{code}\t{form}" for text, (code, form) in sorted(currencies.items())],
    )
    units = unit_rows()
    _write(
        "units_cldr.tsv",
        [
            "# Measurement units: Chinese names and symbols of the CLDR units and of the SI units with their prefixes",
            f"# source: Unicode CLDR via {version} (unit names zh, zh_Hant, zh_Hant_HK; symbols en short/narrow);",
            "#   GB 3100-93 SI prefixes and prefixed units (tools/build_units.py); Unicode NFKC for ㎡ ㎞ ℃",
            "# licence: Unicode License v3 (CLDR); GB 3100 facts",
            "# generated by tools/build_units.py; do not edit by hand",
            "# columns: text, kind (measure/time), id (CLDR unit or SI symbol)",
        ],
        [f"{text}\t{kind}\t{unit}" for text, (kind, unit) in sorted(units.items())],
    )


if __name__ == "__main__":
    main()
