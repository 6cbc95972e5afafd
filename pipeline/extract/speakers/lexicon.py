"""The words a speaker phrase is read with: titles, nouns for kinds of people, unnamed sources.

They come from the data files (speaker_roles.tsv, person_nouns.tsv) and the shared gazetteer,
read once; every other speakers module asks these questions rather than the files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.extract import gazetteer
from pipeline.lexicon import jieba_dictionary

DATA = Path(__file__).resolve().parents[2] / "data"
#: organization heads: a role ``X的经理`` keeps X when X names an organization
ORG_ENDS = (
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


#: characters that make a noun for a person a woman's (妻子, 女儿, 母亲, 大娘, 姐姐, 儿媳, 妇女)
_FEMALE_CHARS = frozenset("女妻母娘姐妹婆嫂姑奶姨婶媳妈妇")
#: endings that make such a noun a man's again: 女婿, 姑父, 姨夫
_MALE_ENDS = ("婿", "父", "夫")


def read_tsv(name: str) -> list[list[str]]:
    """The rows of a data file, its comments and blank lines left out."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Title and role nouns: the shared gazetteer's plus speaker_roles.tsv."""
    return frozenset(gazetteer.titles()) | {row[0] for row in read_tsv("speaker_roles.tsv")}


@lru_cache(maxsize=1)
def _person_nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(agentive endings, kinship and address words, nouns that are no people): person_nouns.tsv and
    the shared kinship terms."""
    rows = read_tsv("person_nouns.tsv")
    suffixes, address, never = (frozenset(row[0] for row in rows if row[1:] == [kind]) for kind in ("suffix", "address", "not"))
    return suffixes, address | gazetteer.kinship(), never


def ends_with_address(phrase: str) -> str:
    """The kinship or address word a phrase ends with ('' if none), the way a surname is spoken to
    (朱师傅, 王大姐): such a phrase is a surname and a form of address, no full name.

    >>> ends_with_address("朱师傅"), ends_with_address("王大姐"), ends_with_address("王立新")
    ('师傅', '大姐', '')
    """
    kin = _person_nouns()[1]
    return next((phrase[-size:] for size in (2, 1) if len(phrase) > size and phrase[-size:] in kin), "")


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
    rows = [row[0] for row in read_tsv("speaker_roles.tsv") if row[1:] == ["source"]]
    return tuple(sorted(rows, key=len, reverse=True))


@lru_cache(maxsize=65536)
def ends_with_title(text: str) -> str:
    """The longest title ``text`` ends with, or ''."""
    for size in range(min(len(text), 8), 0, -1):
        if text[-size:] in titles():
            return text[-size:]
    return ""


@lru_cache(maxsize=65536)
def is_female_noun(word: str) -> bool:
    """Whether a noun for a person names a woman, by the characters it is written with: what 她
    may stand for when the narration introduces the woman without a name.

    >>> [is_female_noun(w) for w in ("妻子", "女教师", "大娘", "妇女主任", "女婿", "丈夫", "教师", "女排")]
    [True, True, True, True, False, False, False, False]
    """
    return (
        any(ch in _FEMALE_CHARS for ch in word)
        and not word.endswith(_MALE_ENDS)
        and (is_person_noun(word) or bool(person_noun_end(word)))
    )
