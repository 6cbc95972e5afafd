"""Who a speaker stands for: a pronoun, a surname + title or a short name, resolved to the person
the article names.

* a person: the name as printed (拉斐尔·伊万格利斯塔), a part of a ·-name printed
  elsewhere in full (普罗迪 -> 罗马诺·普罗迪), the role the title before it, here or
  where the article first introduced the name;
* 他/她 (or a sentence that goes on from the one before: 接着又说): the person the narration
  before it is about (:mod:`~pipeline.extract.quotes.antecedents`), a part of a ·-name
  given in full;
* surname + title (王部长说): the full name of the person the article introduced with
  that surname and a role ending in that title (speaker 王毅, role 外交部长); the
  printed form 王部长 is kept only when nobody matches (role: the title).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import regex

from pipeline.extract.gazetteer import places, translit_chars
from pipeline.extract.quotes.antecedents import Narration, antecedent
from pipeline.extract.speakers import Speaker, split_speaker
from pipeline.extract.speakers.lexicon import ends_with_title
from pipeline.extract.speakers.names import common_word_at, dotted_name_end, plausible_chinese_name, surname_of
from pipeline.extract.speakers.roles import after_other_person, trim_role
from pipeline.lexicon import jieba_dictionary
from pipeline.records import Entity

_CLAUSE_END = "，。；！？：…\n"
_DOTTED_ANYWHERE = regex.compile(r"\p{Han}+(?:·\p{Han}+)+")
#: a quotation this short and without punctuation is a name inside a role (“读懂中国”论坛)
_NAME_QUOTE_MAX = 15
_PUNCTUATION = regex.compile(r"[，。！？；]")
#: a name of the name finder this short and without a dot holds no title (李红梅, 欧阳修)
_PLAIN_NAME_MAX = 3
#: jieba frequency from which a word of another kind is no name the name finder may give
_COMMON_FREQ = 20


def phrase_start(text: str, end: int) -> int:
    """Where the phrase ending at ``end`` starts: after the nearest clause boundary or quotation
    mark (a short quoted name stays inside: 巴基斯坦“读懂中国”论坛理事长)."""
    pos, closed = end, False
    while pos > 0:
        ch = text[pos - 1]
        if ch in _CLAUSE_END:
            return pos
        if ch == "”":
            opening = text.rfind("“", 0, pos - 1)
            inner = text[opening + 1 : pos - 1]
            if opening < 0 or len(inner) > _NAME_QUOTE_MAX or _PUNCTUATION.search(inner):
                return pos
            closed = True
        if ch == "“" and not closed:
            return pos
        if ch == "“":
            closed = False
        pos -= 1
    return 0


def trimmed(text: str, entity: Entity) -> str:
    """A person entity without the word it ran into or the title before it, so that a
    recognizer's over-long span still names the person (汉斯·穆勒来 in 汉斯·穆勒来华 ->
    汉斯·穆勒, 商人拉姆·夏尔马已是 -> 拉姆·夏尔马).

    >>> trimmed("汉斯·穆勒来华", Entity(0, 6, "汉斯·穆勒来", "PERSON"))
    '汉斯·穆勒'
    >>> trimmed("商人拉姆·夏尔马已是", Entity(0, 10, "商人拉姆·夏尔马已是", "PERSON"))
    '拉姆·夏尔马'
    >>> trimmed("", Entity(0, 2, "红梅", "PERSON")), trimmed("记者王伟", Entity(0, 4, "记者王伟", "PERSON"))
    ('红梅', '王伟')
    """
    name = entity.text
    if text[entity.start : entity.end] == name and (dot := name.rfind("·")) >= 0:
        name = name[: dotted_name_end(text, entity.start + dot + 1) - entity.start]
    return _without_title(name) if len(name) > _PLAIN_NAME_MAX or "·" in name else name


@lru_cache(maxsize=16384)
def _without_title(name: str) -> str:
    speaker = split_speaker(name)
    return speaker.name if speaker is not None and speaker.kind == "named" and name.endswith(speaker.name) else name


@lru_cache(maxsize=65536)
def person_like(name: str) -> bool:
    """Whether a name the name finder gave can be a speaker: two characters at least, and no
    common word of another kind (年前 is a time word, 前面 a place word).

    A foreign surname jieba lists as a town (马丁内斯/ns) is a person's name here, the name finder
    having found a person; a place the gazetteer lists is not (纽约).

    >>> person_like("李鹏"), person_like("李"), person_like("年前"), person_like("沙曼·维雅吉")
    (True, False, False, True)
    >>> person_like("马丁内斯"), person_like("纽约")
    (True, False)
    """
    if len(name) < 2:
        return False
    freq, tag = jieba_dictionary().get(name, (0, "nr"))
    if tag == "ns" and set(name) <= translit_chars() and name not in places():
        return True
    return tag.startswith("n") and tag not in ("ns", "nt") or freq < _COMMON_FREQ


def dotted_names(texts: Sequence[str]) -> set[str]:
    """Transliterated names printed anywhere (拉姆·夏尔马), for pronouns that point back to them."""
    names = set()
    for text in texts:
        if "·" not in text:
            continue
        for match in _DOTTED_ANYWHERE.finditer(text):
            end = dotted_name_end(text, text.rfind("·", 0, match.end()) + 1)
            speaker = split_speaker(text[phrase_start(text, match.start()) : end])
            if speaker is not None and "·" in speaker.name and not speaker.name.endswith("·"):
                names.add(speaker.name)
    return names


def full_form(name: str, names: Sequence[str]) -> str:
    """The ·-name the article prints in full for a part of it (普罗迪, 阿米娜), if just one.

    >>> full_form("普罗迪", ["罗马诺·普罗迪"]), full_form("阿米娜", ["阿米娜·萨利赫"]), full_form("李明", ["李明"])
    ('罗马诺·普罗迪', '阿米娜·萨利赫', '李明')
    """
    if "·" in name:
        return name
    whole = {n for n in names if "·" in n and (n.endswith("·" + name) or n.startswith(name + "·"))}
    return whole.pop() if len(whole) == 1 else name


def resolve(
    speaker: Speaker,
    para: int,
    said: int,
    narration: Narration,
    names: Sequence[str],
    roles: Mapping[str, str],
) -> Speaker | None:
    """The person a printed speaker stands for (None: a pronoun with nobody before it)."""
    texts = narration.texts
    if speaker.kind == "pronoun":
        meant = antecedent(narration, para, said, speaker.name, names)
        if meant is None or meant.kind != "named":
            return meant  # nobody, or a person introduced without a name (一位老人)
        name = full_form(meant.name, names)
        return Speaker(name, roles.get(name) or mentioned_role(name, texts, names), "named")
    if speaker.kind == "named":
        full = full_form(speaker.name, names)
        return Speaker(full, speaker.role or roles.get(full) or mentioned_role(full, texts, names), "named")
    if speaker.kind == "title_surname":
        return full_name(speaker, texts, names, roles) or speaker
    return speaker


def full_name(
    speaker: Speaker, texts: Sequence[str], names: Sequence[str], roles: Mapping[str, str]
) -> Speaker | None:
    """The person 王部长 stands for: a name with that surname whose role ends with that title,
    among the known names, else printed after such a role (外交部长王毅会见……)."""
    surname = surname_of(speaker.name)
    title = speaker.name[len(surname) :]
    for name in names:
        if surname_of(name) == surname and len(name) > len(speaker.name) - len(title):
            role = roles.get(name) or mentioned_role(name, texts, names)
            if role.endswith(title):
                return Speaker(name, role, "named")
    for text in texts:
        at = text.find(surname)
        while at >= 0:
            role = text[phrase_start(text, at) : at]
            after = at + len(surname)
            if ends_with_title(role) and ends_with_title(role).endswith(title):
                for size in (2, 1):
                    name = text[at : after + size]
                    if plausible_chinese_name(name) and not (size == 2 and common_word_at(text, after + 1)):
                        return Speaker(name, trim_role(role), "named")
            at = text.find(surname, after)
    return None


def mentioned_role(name: str, texts: Sequence[str], names: Sequence[str] = ()) -> str:
    """The title printed before ``name`` where the article introduces it (研究员陈立群正在……),
    after any other person named before it (孙建华和马拉维外交部长卡伦巴 -> 马拉维外交部长)."""
    for text in texts:
        at = text.find(name)
        while at >= 0:
            phrase = text[phrase_start(text, at) : at]
            if ends_with_title(phrase):
                return after_other_person(trim_role(phrase), [n for n in names if n != name])
            at = text.find(name, at + 1)
    return ""
