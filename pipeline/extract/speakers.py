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
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from pipeline.extract import gazetteer
from pipeline.lexicon import jieba_dictionary, place_and_org_names

DATA = Path(__file__).resolve().parents[1] / "data"
PRONOUNS = frozenset({"他", "她"})
_HAN = regex.compile(r"\p{Han}+")
#: a transliterated name: parts joined by the middle dot
_DOTTED = regex.compile(r"(\p{Han}+)((?:·\p{Han}+)+)$")
#: characters that never occur in a Chinese given name printed in running text
_FUNCTION_CHARS = frozenset("的了着过们地得是在和与及或也都就还又这那其此该每各等有")
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
#: jieba tags of names, whose words may well continue a transliterated name (穆勒 nz, 斯塔 nrt)
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns"})
#: jieba frequency from which a word counts as common (rarer entries are often name fragments)
_COMMON_FREQ = 20
#: jieba frequency from which an organization word (tag nt) is a real name (现代科学 has 3)
_ORG_FREQ = 100
#: adverbs and prepositions that also spell foreign names but end one in running text (布里克森|曾把)
_NAME_ENDS_BEFORE = frozenset("曾将把被对向在于")
#: a news-agency dateline opening a paragraph: 新华社北京3月14日电（记者林涛）, 本报北京3月5日电
DATELINE = regex.compile(
    r"^[^，。；：“”]{0,24}?[\d一二三四五六七八九十〇]{1,3}月[\d一二三四五六七八九十]{1,3}日(?:\p{Han}{1,4}时)?电"
    r"(?:（[^（）]{0,30}）)?"
)
#: what joins the names of several speakers: 孙建华和卡伦巴, 陈志明、吴丽
_JOINERS = "和与及同、，"
#: a group of speakers: 吴丽等, 吴丽等人
_GROUP = regex.compile(r"等人?$")
#: words before a role that are verbs or prepositions, not part of it (当山东省……支队长)
_ROLE_LEADS = "当任由被让请向对在为是"
#: a caption's opening before the role of the person pictured (图为……董事长周立新)
_PICTURED = ("图为", "左为", "右为", "中为")
#: how OCR prints the middle dot of a transliterated name (拉斐尔.伊万格利斯塔, 拉斐尔'伊万)
DOT_READINGS = ".．'’・•"
#: a transliterated name of at most this many characters (a longer run is a place or a phrase)
_TRANSLIT_MAX = 12
#: one character outside the transliteration table allowed per this many (斐 in 拉斐尔伊万格利斯塔);
#: a dotted name is evidence enough for one in three
_RARE_PER_CHARS = 4
_RARE_PER_DOTTED = 3
#: what a familiar name puts before a surname: 老黄, 小李
_FAMILIAR = "老小"
#: quantifiers and determiners before an unnamed speaker: 一位老人, 有位诗人, 其中一名队员
_UNNAMED_LEAD = regex.compile(r"^(?:有的|有位|有个|有|其中|这位|那位|这名|那名|该)?(?:[一两二三四五六七八九十几数多]+[位名个]|几位|许多|不少|很多)?")


class Speaker(NamedTuple):
    """``name`` as printed; ``kind`` is named / title_surname / pronoun / source / organization."""

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
def _person_nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(agentive endings, kinship and address words, nouns that are no people): person_nouns.tsv and
    the shared kinship terms."""
    rows = _read_tsv("person_nouns.tsv")
    suffixes, address, never = (frozenset(row[0] for row in rows if row[1:] == [kind]) for kind in ("suffix", "address", "not"))
    return suffixes, address | gazetteer.kinship(), never


@lru_cache(maxsize=65536)
def is_person_noun(word: str) -> bool:
    """Whether a word names a kind of person: a title, a kinship or address term, or a noun of
    jieba's dictionary with an agentive ending (者 长 家 人 员 …); a plural in 们 as its stem.

    >>> [is_person_noun(w) for w in ("机长", "家长们", "姐姐", "专家", "国家", "双手", "态度", "长")]
    [True, True, True, True, False, False, False, False]
    """
    if len(word) > 2 and word.endswith("们"):
        word = word[:-1]
    suffixes, kin, never = _person_nouns()
    if word in titles() or word in kin:
        return True
    if len(word) < 2 or word in never or word[-1] not in suffixes:
        return False
    return jieba_dictionary().get(word, (0, ""))[1] == "n"


@lru_cache(maxsize=65536)
def person_noun_end(phrase: str) -> str:
    """The longest person noun ``phrase`` ends with ('' if none): 白发老人 -> 老人.

    >>> person_noun_end("一位白发老人"), person_noun_end("日本专家"), person_noun_end("态度")
    ('老人', '专家', '')
    """
    for size in range(min(len(phrase), 6), 1, -1):
        if is_person_noun(phrase[-size:]):
            return phrase[-size:]
    return ""


@lru_cache(maxsize=1)
def sources() -> tuple[str, ...]:
    """Nouns that stand for an unnamed speaker, longest first."""
    rows = [row[0] for row in _read_tsv("speaker_roles.tsv") if row[1:] == ["source"]]
    return tuple(sorted(rows, key=len, reverse=True))


def surname_of(name: str) -> str:
    """The surname a Chinese name starts with ('' if none): 欧阳 before 欧.

    >>> surname_of("欧阳修"), surname_of("胡建平"), surname_of("的确")
    ('欧阳', '胡', '')
    """
    for size in (2, 1):
        if len(name) > size and name[:size] in gazetteer.surnames():
            return name[:size]
    return ""


@lru_cache(maxsize=65536)
def ends_with_title(text: str) -> str:
    """The longest title ``text`` ends with, or ''."""
    for size in range(min(len(text), 8), 0, -1):
        if text[-size:] in titles():
            return text[-size:]
    return ""


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
    if sep and not head.endswith(_ORG_ENDS):
        text = tail
    elif sep:
        text = head + tail
    text = text.strip("、， ").removeprefix(next((p for p in _PICTURED if text.startswith(p)), ""))
    if len(text) > 2 and text[0] in _ROLE_LEADS and text[:2] not in jieba_dictionary():
        text = text[1:]
    return text


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
    speaker = next((_person(phrase, p) for p in persons if phrase.endswith(p)), None) or (
        _dotted(phrase)
        or _surname_title(phrase)
        or _title_name(phrase)
        or (Speaker(phrase, "", "named") if plausible_name(phrase) else None)
        or _source(phrase)
        or _organization(phrase)
        or _name_title(phrase, persons)
        or _translit(phrase)
        or _familiar(phrase)
        or _unnamed(phrase)
    )
    if speaker is None or speaker.kind == "organization":
        return speaker
    return speaker._replace(role=after_other_person(speaker.role, persons))


def _person(phrase: str, person: str) -> Speaker:
    """A person entity ending the phrase, one character longer when it starts after a surname
    that follows a title or opens the phrase (高级工程师|李|红梅: the entity missed the surname)."""
    before = phrase[: -len(person)]
    late = len(person) <= 2 and before[-1:] in gazetteer.surnames() and not ends_with_title(before)
    if late and (len(before) == 1 or ends_with_title(before[:-1])):
        person, before = before[-1] + person, before[:-1]
    return Speaker(person, trim_role(before), "named")


def after_other_person(role: str, persons: Iterable[str]) -> str:
    """The role after the last other person it names (孙建华和马拉维外交部长 -> 马拉维外交部长)."""
    cut = 0
    for person in persons:
        at = role.find(person)
        while at >= 0:
            end = at + len(person)
            if end < len(role) and role[end] in _JOINERS:
                cut = max(cut, end + 1)
            at = role.find(person, at + 1)
    return role[cut:]


def _dotted(phrase: str) -> Speaker | None:
    """A ·-name at the end of the phrase, after the title or person noun before it (主办人托尼·巴伯).

    >>> _dotted("主办人托尼·巴伯"), _dotted("马可·罗西尼今天在此间")
    (Speaker(name='托尼·巴伯', role='主办人', kind='named'), None)
    """
    match = _DOTTED.search(phrase)
    last = phrase.rfind("·") + 1
    if not match or any(common_word_at(phrase, pos) for pos in range(last + 1, len(phrase))):
        return None  # the phrase runs on past the name (马可·罗西尼今天在此间)
    first = match[1]
    cut = next((end for end in range(len(first) - 2, 0, -1) if ends_with_title(first[:end]) or person_noun_end(first[:end])), None)
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
        if len(rest) >= size and surname in gazetteer.surnames() and (not before or before[-1] in "的、”"):
            return Speaker(surname + title, trim_role(before) + title, "title_surname")
    return None


def _title_name(phrase: str) -> Speaker | None:
    """A Chinese name after a title or a person noun (机长王启明, 姐姐王芳), 的 or 、."""
    for size in (3, 2, 4):
        name, before = phrase[-size:], phrase[:-size]
        if len(phrase) > size and plausible_chinese_name(name) and (
            ends_with_title(before) or before[-1] in "、的" or person_noun_end(before)
        ):
            return Speaker(name, trim_role(before), "named")
    return None


def _organization(phrase: str) -> Speaker | None:
    """A country's side (中方, 美方: the first character of a country name + 方, not a compass
    word such as 南方 nor a numeral or pronoun such as 多方) or an organization the gazetteers or
    jieba (tag nt) know, after a place; or a place and an organization noun (尼日利亚政府).

    >>> _organization("尼日利亚政府"), _organization("巴西外长")
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
    return tag in ("n", "nt") and freq >= _ORG_FREQ and word.endswith(_ORG_ENDS) and not is_person_noun(word)


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    """First characters of the place gazetteer's country names (中国 -> 中, 美国 -> 美)."""
    return frozenset(row[0][0] for row in _read_tsv("gaz_places.tsv") if row[3:] == ["country"])


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
    if not 2 <= len(bare) <= _TRANSLIT_MAX or not _HAN.fullmatch(bare):
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


_DOTS = str.maketrans({ch: "·" for ch in DOT_READINGS})


def _translit(phrase: str) -> Speaker | None:
    """A transliterated name without a dot, or with the dot misread, alone or after a role, a
    kinship word, 的 or 、 (萨拉, 博士生卡马尔, 姐姐萨拉): the name after the longest such lead.

    >>> _translit("博士生卡马尔"), _translit("萨拉").name, _translit("拉斐尔.伊万格利斯塔").name
    (Speaker(name='卡马尔', role='博士生', kind='named'), '萨拉', '拉斐尔·伊万格利斯塔')
    >>> _translit("巴西"), _translit("学生阿米娜").name
    (None, '阿米娜')
    """
    if len(phrase) < 2 or phrase[-1] not in gazetteer.translit_chars():
        return None
    for cut in range(len(phrase) - 2, max(0, len(phrase) - _TRANSLIT_MAX) - 1, -1):
        before, name = phrase[:cut], phrase[cut:]
        if name[0] in DOT_READINGS + "·" or _opens_with_role(name):
            continue
        role = bool(before) and bool(ends_with_title(before) or person_noun_end(before))
        if (role or not before or before[-1] in "的、") and looks_translit(name, after_role=role):
            return Speaker(normalise_dots(name), trim_role(before), "named")
    return None


def _name_title(phrase: str, persons: Iterable[str]) -> Speaker | None:
    """A name with the title after it (哈桑国王, 李明主任): the name; the role is left to where the
    article introduces the person.

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


@lru_cache(maxsize=65536)
def _opens_with_role(name: str) -> bool:
    """Whether a title or a person noun starts ``name`` (博士生 in 博士生卡马尔)."""
    return any(name[:size] in titles() or is_person_noun(name[:size]) for size in range(2, min(len(name), 5)))


def _familiar(phrase: str) -> Speaker | None:
    """老 or 小 + a surname (老黄, 小李): a person called by the familiar form of the surname."""
    if len(phrase) == 2 and phrase[0] in _FAMILIAR and phrase[1] in gazetteer.surnames():
        return Speaker(phrase, "", "named")
    return None


def _unnamed(phrase: str) -> Speaker | None:
    """A person not named, by the kind of person (一位白发老人, 日本专家, 家长们): the speaker is the
    phrase without its quantifier, the role the person noun.

    >>> _unnamed("一位白发老人"), _unnamed("有群众").name, _unnamed("这种态度")
    (Speaker(name='白发老人', role='老人', kind='source'), '群众', None)
    """
    head = person_noun_end(phrase)
    if not head:
        return None
    rest = phrase[_UNNAMED_LEAD.match(phrase).end() :]
    return Speaker(trim_role(rest) or head, head, "source") if rest.endswith(head) else None


def _source(phrase: str) -> Speaker | None:
    source = next((s for s in sources() if phrase.endswith(s)), "")
    if not source:
        return None
    return Speaker(source, trim_role(phrase[: -len(source)]) + source, "source")
