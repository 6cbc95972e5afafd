"""Whether a run of characters is a person's name, by its form rather than from a list of names.

Two forms: a Chinese name (a surname from the gazetteer, then one or two given characters that
are no ordinary word) and a transliterated name (transliteration characters, parts joined by ·
or by what OCR prints for it). Speaker phrases and the quotation rules both ask these questions.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pipeline.extract import gazetteer
from pipeline.extract.speakers.lexicon import ends_with_title, is_person_noun
from pipeline.lexicon import jieba_dictionary

_HAN = regex.compile(r"\p{Han}+")
#: characters that never occur in a Chinese given name printed in running text
_FUNCTION_CHARS = frozenset("的了着过们地得是在和与及或也都就还又这那其此该每各等有")
#: jieba tags of names, whose words may well continue a transliterated name (穆勒 nz, 斯塔 nrt)
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns"})
#: jieba frequency from which a word counts as common (rarer entries are often name fragments)
_COMMON_FREQ = 20
#: adverbs and prepositions that also spell foreign names but end one in running text (布里克森|曾把)
_NAME_ENDS_BEFORE = frozenset("曾将把被对向在于")
#: how OCR prints the middle dot of a transliterated name (拉斐尔.伊万格利斯塔, 拉斐尔'伊万)
DOT_READINGS = ".．'’・•"
_DOTS = str.maketrans({ch: "·" for ch in DOT_READINGS})
#: a transliterated name of at most this many characters (a longer run is a place or a phrase)
TRANSLIT_MAX = 12
#: one character outside the transliteration table allowed per this many (斐 in 拉斐尔伊万格利斯塔);
#: a dotted name is evidence enough for one in three
_RARE_PER_CHARS = 4
_RARE_PER_DOTTED = 3


def surname_of(name: str) -> str:
    """The surname a Chinese name starts with ('' if none): 欧阳 before 欧.

    >>> surname_of("欧阳修"), surname_of("胡建平"), surname_of("的确")
    ('欧阳', '胡', '')
    """
    for size in (2, 1):
        if len(name) > size and name[:size] in gazetteer.surnames():
            return name[:size]
    return ""


def common_word_at(text: str, pos: int) -> bool:
    """Whether a common word of jieba's dictionary (2-4 characters, not a name) starts at ``pos``.

    >>> common_word_at("王毅会见客人", 2), common_word_at("王立新表示", 2)
    (True, False)
    """
    for size in range(2, min(5, len(text) - pos + 1)):
        entry = jieba_dictionary().get(text[pos : pos + size])
        if entry and entry[1] not in _NAME_TAGS and entry[0] >= _COMMON_FREQ:
            return True
    return False


@lru_cache(maxsize=65536)
def plausible_chinese_name(name: str) -> bool:
    """2-4 characters, a surname first, not an ordinary word (jieba: any tag but nr); four
    characters only with a two-character surname (欧阳娜娜, not 双方一致).

    >>> plausible_chinese_name("陈立群"), plausible_chinese_name("可以"), plausible_chinese_name("胡厅长")
    (True, False, False)
    >>> plausible_chinese_name("欧阳娜娜"), plausible_chinese_name("双方一致")
    (True, False)
    """
    if not 2 <= len(name) <= 4 or not _HAN.fullmatch(name):
        return False
    surname = surname_of(name)
    if not surname or set(name) & _FUNCTION_CHARS or ends_with_title(name) or len(name) - len(surname) > 2:
        return False
    entry = jieba_dictionary().get(name)
    return entry is None or entry[1] in ("nr", "nrfg")


def plausible_name(phrase: str) -> bool:
    """A Chinese name with nothing before it: plausible, and its given name made of name characters
    rather than a word's (李鹏, not 贺词 or 田野, which jieba's dictionary also tags as names).

    >>> plausible_name("李鹏"), plausible_name("贺词"), plausible_name("欧阳娜娜")
    (True, False, True)
    """
    return plausible_chinese_name(phrase) and gazetteer.given_name_score(phrase[len(surname_of(phrase)) :]) > 0


def dotted_name_end(text: str, start: int) -> int:
    """Where the last part of a transliterated name starting at ``start`` ends: at the first
    character that is no transliteration character or that starts a common word (jieba's
    dictionary, any tag but a name's), so 汉斯·穆勒来华 ends before 来华; the character right
    after the dot is part of the name whatever it is (舍里·旺派).

    >>> t = "汉斯·穆勒来华十年"; t[: dotted_name_end(t, 3)]
    '汉斯·穆勒'
    >>> t = "拉斐尔·伊万格利斯塔说"; t[: dotted_name_end(t, 4)]
    '拉斐尔·伊万格利斯塔'
    >>> dotted_name_end("", 0), dotted_name_end("安娜·", 3), dotted_name_end("卡伦·布里克森曾把", 3)
    (0, 3, 7)
    >>> t = "舍里·旺派在此"; t[: dotted_name_end(t, 3)]
    '舍里·旺派'

    """
    end = start
    while end < len(text) and (text[end] in gazetteer.translit_chars() or (end == start and _HAN.match(text[end]))):
        if end > start and (common_word_at(text, end) or text[end] in _NAME_ENDS_BEFORE):
            break
        end += 1
    return end


def is_place_or_org(word: str) -> bool:
    """Whether a word is a place or an organization (gazetteers, jieba's ns and nt words)."""
    return word in gazetteer.places() or word in gazetteer.orgs() or jieba_dictionary().get(word, (0, ""))[1] in ("ns", "nt")


@lru_cache(maxsize=65536)
def looks_translit(name: str, after_role: bool = False) -> bool:
    """Whether ``name`` reads as a transliterated name: 2-12 transliteration characters (a dot
    between parts allowed), neither a place, an organization, nor a common word of jieba's.

    After a role (学者圣约翰) a name that is also a place is a name.

    >>> looks_translit("萨拉"), looks_translit("阿米娜"), looks_translit("巴西"), looks_translit("波兰人民")
    (True, True, False, False)
    >>> looks_translit("圣约翰"), looks_translit("圣约翰", after_role=True)
    (False, True)
    """
    dotted = normalise_dots(name)
    bare = dotted.replace("·", "")
    if not 2 <= len(bare) <= TRANSLIT_MAX or not _HAN.fullmatch(bare):
        return False
    rare = sum(ch not in gazetteer.translit_chars() for ch in bare)
    if rare > len(bare) // (_RARE_PER_DOTTED if "·" in dotted else _RARE_PER_CHARS):
        return False
    if (is_place_or_org(bare) and not after_role) or is_person_noun(bare):
        return False
    if not after_role and "·" not in dotted and _word_inside(bare):
        return False
    freq, tag = jieba_dictionary().get(bare, (0, "nrt"))
    return tag in _NAME_TAGS and tag not in ("ns", "nz") or freq < _COMMON_FREQ


def _word_inside(bare: str) -> bool:
    """Whether a place opens ``bare`` or a common word ends it (波兰|人民): a phrase, not a name."""
    for size in range(2, len(bare)):
        if is_place_or_org(bare[:size]):
            return True
        freq, tag = jieba_dictionary().get(bare[-size:], (0, ""))
        if freq >= _COMMON_FREQ and tag not in _NAME_TAGS:
            return True
    return False


def normalise_dots(name: str) -> str:
    """A name with OCR's readings of the middle dot set back to ·: 拉斐尔.伊万 -> 拉斐尔·伊万."""
    return name.translate(_DOTS) if any(ch in DOT_READINGS for ch in name) else name
