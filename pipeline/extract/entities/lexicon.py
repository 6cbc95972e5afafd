"""What the entity rules know of words, and the thresholds that read it.

jieba's dictionary (word -> frequency, tag) and the project gazetteers are the
evidence every rule leans on; each frequency threshold is named for what it
decides (a word this frequent is an ordinary word, not a name) and says why.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.extract import gazetteer as gz

#: datelines end a name's left edge (贵阳1月3日电|贵阳市委)
DATELINE = frozenset({"电", "日电", "讯", "日讯"})


#: time words that say when, so never stand inside a name (jieba tags 青年, 未来 ``t`` too)
WHEN = frozenset({"日前", "目前", "近日", "今天", "昨天", "明天", "今日", "昨日", "当时", "此前", "此后", "随后", "今年", "去年",
                   "明年", "前年", "最近", "近期", "现在", "如今", "当年", "当天", "同日", "年初", "年底", "年前", "年后", "元旦", "春节"})


#: characters that end a place name, and prepositions of place before one
PLACE_SUFFIX_CHARS = frozenset("省市县区州镇乡村岛山河湖江海港湾")


PLACE_PREPS = frozenset({"在", "到", "从", "赴", "至", "往", "抵", "于", "经"})


LEFT_STOP = frozenset("的在和与及或对从向把被由为是了经据于、，。；：！？“”‘’（）《》—― ")


#: landforms that end a place name after a known one (黄河三角洲, 黄河口, 华北平原)
LANDFORMS = ("三角洲", "河口", "半岛", "盆地", "平原", "高原", "群岛")


#: the same characters, with the rarer 峡盟旗, and the longer endings: what ends a place name jieba tagged ``ns``
PLACE_SUFFIX = tuple(sorted(PLACE_SUFFIX_CHARS | set("峡盟旗"))) + ("地区", "大街", "街道") + LANDFORMS


NAME_CHAR = r"[\u4e00-\u9fff]"
#: a word of Han characters only
HAN_WORD = re.compile(NAME_CHAR + "+")


#: tags jieba gives some names it knows (周恩来/t, 刘澜涛/n)
MISTAGGED = frozenset({"n", "t", "nz", "nrt", "j"})


#: cues too common to mark a name on their own
WEAK_CUES = frozenset({"对", "在", "向", "和", "与", "等", "率", "问", "答", "签署", "发表", "访问", "出席", "提出", "希望", "建议", "宣布"})


#: forms of address after a bare surname (周总理 is in the titles; these are not titles)
HONORIFICS = frozenset({"老", "公", "大爷", "大妈", "大娘", "老伯", "师傅", "阿姨", "大姐", "大哥", "总", "老师", "奶奶", "爷爷", "婆婆", "大叔", "大嫂"})


#: one-character administrative units written after a place name (高坪/镇)
ADMIN_UNIT = ("县", "镇", "乡", "村")


#: "former", "current": before an organization they qualify a person's post (原地质部副部长)
FORMER = frozenset({"原", "前", "现"})


#: prepositions jieba glues to the name after them (同恩佐/nr, 向利维)
GLUE_PREP = frozenset("同和与对向在把被给让跟")


YEAR = re.compile(r"\d{4}年?")


SENTENCE_PUNCT = frozenset("，。；：！？、,;:!?")


@cache
def cue_prefixes(first: str) -> tuple[str, ...]:
    return tuple(c for c in gz.cues() | gz.titles() if c.startswith(first))


@lru_cache(maxsize=1)
def surname_starts() -> frozenset[str]:
    """First characters of the surnames (a name can only start with one of these)."""
    return frozenset(s[0] for s in gz.surnames())


def surname_len(name: str) -> int:
    """Length of the surname that starts ``name`` (0 if none)."""
    sn = gz.surnames()
    if name[:2] in sn and len(name) >= 3:
        return 2
    return 1 if name[:1] in sn else 0


@lru_cache(maxsize=1)
def _titles_by_length() -> tuple[frozenset[str], int]:
    titles = frozenset(t for t in gz.titles() if len(t) > 1)
    return titles, max(map(len, titles))


def ends_with_title(word: str) -> bool:
    """The word ends with a title of two characters or more (外交部长, 新华社记者; one per suffix length looked up).

    >>> ends_with_title("外交部长"), ends_with_title("部长"), ends_with_title("长")
    (True, True, False)
    """
    titles, longest = _titles_by_length()
    return any(word[-k:] in titles for k in range(2, min(len(word), longest) + 1))


#: a role word by its ending (指挥家, 研究员, 工程师, 外交官, 科长): tag n, three characters or more
_ROLE_ENDINGS = tuple("家员师官手长")


#: a two-character word this frequent in jieba's dictionary is an ordinary word (文章, 经济), whatever its tag
COMMON_FREQ = 500


@lru_cache(maxsize=65536)
def is_title(word: str, tag: str = "n") -> bool:
    """A title or role, alone or closing a longer token (外交部长, 新华社记者, 指挥家).

    >>> is_title("外交部长"), is_title("指挥家"), is_title("国家"), is_title("说")
    (True, True, False, False)
    """
    return title_word(word) or tag == "n" and role_word(word)


def title_word(word: str) -> bool:
    """A title whatever its tag: listed, or a word ending in one (外交部长)."""
    return word in gz.titles() or (len(word) > 2 and ends_with_title(word))


def role_word(word: str) -> bool:
    """A role word by its ending (指挥家, 科长), a title when tagged ``n``."""
    return len(word) >= 3 and word[-1] in _ROLE_ENDINGS and word not in gz.places()


#: a given name this frequent as an ordinary word (建筑, 素质, 袋子) makes a three-character token a word
WORD_GIVEN_FREQ = 100


#: characters that end or start a phrase rather than a name in a list
FUNCTION_CHARS = frozenset("等和与及的了在是也都同")


NAME_LIKE = frozenset({"nr", "nrfg", "nrt", "ns", "nz"})


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[int, str]]:
    from pipeline.lexicon import jieba_dictionary

    return jieba_dictionary()


#: a dictionary word rarer than this is no obstacle to a name vouched for by a title
RARE_WORD_FREQ = 100


def ordinary(word: str) -> bool:
    """A short token that jieba's dictionary knows as a frequent word shaped like a form of address
    (老/小 + surname, surname + 老/公: 古老/nr 2695, 小康/nr 735) or as a moderately frequent
    common noun (党代表/n 127, 支队长/n 144).

    >>> ordinary("古老"), ordinary("小康"), ordinary("党代表"), ordinary("周总理"), ordinary("老王"), ordinary("李鹏")
    (True, True, True, False, False, False)
    """
    entry = dictionary().get(word)
    if entry is None or not 2 <= len(word) <= 3 or len(word) == 3 and entry[1][:2] == "nr":
        return False
    if entry[1][:2] == "nr":
        return len(word) == 2 and entry[0] >= COMMON_FREQ and (word[0] in "老小" or word[1] in "老公")
    return entry[1] == "n" and entry[0] >= WORD_GIVEN_FREQ


@lru_cache(maxsize=65536)
def may_start_name(word: str) -> bool:
    """Han characters only, not an ordinary word shaped like a name (古老/nr, 小康/nr, 党代表/n,
    支队长/n: dictionary words, whatever their tag), and a surname or 老/小 first."""
    if not HAN_WORD.fullmatch(word) or ordinary(word):
        return False
    return bool(surname_len(word)) or len(word) == 2 and word[0] in "老小" and word[1] in gz.surnames()


#: every character of a transliteration piece reads at least this much like one (log-odds, see
#: gz.translit_scores: 特 3.0, 林 0.9; 中 -2.6 and 的 -5.2 never stand in such a name)
TRANSLIT_CHAR_ODDS = 0.0


@lru_cache(maxsize=65536)
def translit_piece(word: str) -> bool:
    """A token that can be part of a transliterated name jieba cut (阿米|娜, 卡马|尔): Han characters
    of the transliteration alphabet only, and not an ordinary dictionary word (特别, 马上).

    >>> translit_piece("阿米"), translit_piece("娜"), translit_piece("特别"), translit_piece("中")
    (True, True, False, False)
    """
    scores = gz.translit_scores()
    if not HAN_WORD.fullmatch(word) or any(scores.get(ch, -99.0) < TRANSLIT_CHAR_ODDS for ch in word):
        return False
    freq, tag = dictionary().get(word, (0, "nr"))
    return tag in NAME_LIKE or tag == "x" or freq < WORD_GIVEN_FREQ


def translit_word(word: str) -> bool:
    """The word alone may be a transliterated name, whatever its tag: transliteration characters (one
    other allowed in four or more), no listed place, body or title, and a name or a rare word to jieba's
    dictionary (利维/n is rare enough to be a name, 卡车/n is not).

    >>> translit_word("利维"), translit_word("卡车"), translit_word("伊拉克")
    (True, False, False)
    """
    if len(word) < 2 or word in gz.places() or word in gz.orgs() or word in gz.titles():
        return False
    trans = gz.translit_chars()
    freq, known_tag = dictionary().get(word, (0, "nr"))
    return sum(ch not in trans for ch in word) <= (len(word) >= 4) and word[0] in trans and (
        known_tag in NAME_LIKE or known_tag == "n" and freq < WORD_GIVEN_FREQ)


def everyday_word(word: str) -> bool:
    """A dictionary word with a non-name tag and in everyday use (笛子, 朋友): no piece of a name.

    >>> everyday_word("朋友"), everyday_word("岸田")
    (True, False)
    """
    freq, tag = dictionary().get(word, (0, "nr"))
    return tag not in NAME_LIKE and freq >= WORD_GIVEN_FREQ
