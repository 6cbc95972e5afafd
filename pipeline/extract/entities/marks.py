"""Which tokens each family of entity rules looks at, found in one pass over a paragraph.

Every rule starts from tokens of a recognisable shape: a surname first, a
transliteration word, a gazetteer name at the start, a head word at the end, a
tag.  One pass gives every token a bit per family (the word's bits cached across
paragraphs), so each rule visits its few candidates instead of scanning all
tokens again.  A family is as narrow as the word alone allows: the tests of a
rule that read nothing but the word are made once per word here (a word ending
in 会 that is no head, 社会, is never visited by the head rule).

>>> from pipeline.extract.entities.tokens import tokenize
>>> toks = tokenize("外交部部长王毅会见克林顿")
>>> [toks[i].text for i in Marks(toks).where(SURNAME)], [toks[i].text for i in Marks(toks).where(TRANSLIT_WORD)]
(['王毅'], ['克林顿'])
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.gazetteer_words import FORMER_PREFIXES, gazetteer_word
from pipeline.extract.entities.heads import (
    EVENT_HEADS,
    FAC_HEADS,
    HERITAGE_HEADS,
    LEGISLATURES,
    ORG_CHAR_HEADS,
    ORG_HEADS,
    TEAM_HEADS,
)
from pipeline.extract.entities.lexicon import (
    HAN_WORD,
    everyday_word,
    may_start_name,
    role_word,
    surname_len,
    surname_starts,
    title_word,
    translit_piece,
    translit_word,
)
from pipeline.extract.entities.tokens import glued_word, rule_tokens, split_head_ends
from pipeline.segment import Token

#: families of rules, one bit each
SURNAME = 1  # may start a Chinese name: Han, a surname or 老/小 + surname first, not an ordinary word, a name's length
TRANSLIT_WORD = 2  # may be a transliterated name alone, whatever its tag (lexicon.translit_word: 利维, 克林顿)
GAZETTEER_NAME = 4  # a gazetteer name starts the word, after a session number or 原 if need be (gazetteer_words.gazetteer_word)
SETTLEMENT = 8  # ends in a village or town character (耿庄镇, 村)
HEAD_WORD = 16  # ends as a head word does (委员会, 部, 博览会; not 社会, 进行: head_kinds.may_head)
GOVERNMENT = 32  # ends in 政府 (克林顿政府)
NR = 64  # tagged as a Chinese name
NRT = 128  # tagged as a transliterated name
NS = 256  # tagged as a place
NT = 512  # tagged as an organization
NAME_TAG = 1024  # tagged nr, nrt, nrfg or ns (a titled person's name)
STREET = 1 << 11  # ends in a street's unit (长江路, 大道, 长安街)
PLACE_WORD = 1 << 12  # a place's unit, a word only places take, a site's head (市, 高原, 自治, 火山, 境内, 遗址)
WORLD = 1 << 13  # a place abroad of gaz_world_places.tsv may start here (its first one or two characters)
TITLE = 1 << 14  # a title whatever its tag (部长, 外交部长: lexicon.title_word)
ROLE = 1 << 15  # a role word by its ending (指挥家), a title when tagged n (lexicon.role_word)
DAMAGED_START = 1 << 16  # a damaged long place name may start here (damaged.may_start_damaged: 坦桑|足亚)
TRANSLIT_PIECE = 1 << 17  # may be a piece of a transliterated name jieba cut (阿米|娜)
JAPANESE = 1 << 18  # may start a Japanese name: Han, at most five characters, no everyday word, a family name's first character first (岸, 神)
LISTED_NAME = 1 << 19  # a whole name of a dictionary list: a famous person (鲁迅) or a place the gazetteers lack (秦岭)
GLUED = 1 << 20  # a head word and a title jieba glued (协会会长), a name's last character and a word (平说): the rule tokens cut them (tokens.rule_tokens)
SPLIT_HEAD_END = 1 << 21  # a head's last character alone, that jieba cut from the rest (对接|会: tokens.merge_heads)

_TAG_BITS = {"nr": NR | NAME_TAG, "nrt": NRT | NAME_TAG, "nrfg": NAME_TAG, "ns": NS | NAME_TAG, "nt": NT}

#: a village, town or township: a short proper or unknown word before one of these (耿庄镇, 双泾村)
SETTLEMENT_CHARS = frozenset("村镇乡屯寨庄")
#: what a session number before a body can start with (九届, 第十五届)
SESSION_STARTS = frozenset("第一二三四五六七八九十0123456789")


@lru_cache(maxsize=1)
def head_ends() -> frozenset[str]:
    """The last characters of every head word: a token ending otherwise heads no name."""
    heads = ORG_HEADS + EVENT_HEADS + FAC_HEADS + LEGISLATURES + TEAM_HEADS
    return frozenset(h[-1] for h in heads) | ORG_CHAR_HEADS | HERITAGE_HEADS | frozenset("委协联厂社办")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """The units and words after a name that make it a place (:mod:`pipeline.extract.entities.world`),
    and the heads of heritage sites (:mod:`pipeline.extract.entities.sites`)."""
    from pipeline.extract.entities.sites import SITE_HEADS
    from pipeline.extract.entities.world import PLACE_AFTER, UNITS

    return UNITS | PLACE_AFTER | SITE_HEADS | {"自治"}


@lru_cache(maxsize=1)
def world_starts() -> frozenset[str]:
    """The first two characters of every place abroad, and the first alone (jieba cuts 伊|尔库茨克)."""
    names = gz.world_places()
    return frozenset(name[:2] for name in names) | frozenset(name[0] for name in names)


def _street(word: str) -> bool:
    """A street's unit (路, 大道), or a word ending in one that jieba does not know as a common word (长江路/ns, 笋岗路)."""
    from pipeline.extract.entities.lexicon import dictionary
    from pipeline.extract.entities.settlements import STREET_UNITS

    return word in STREET_UNITS or word.endswith(STREET_UNITS) and dictionary().get(word, (0, "ns"))[1] == "ns"




@lru_cache(maxsize=1)
def gazetteer_starts() -> frozenset[str]:
    """The first two characters of every gazetteer place and organization."""
    return frozenset(name[:2] for name in (*gz.places(), *gz.orgs()))


#: log-odds from which a character reads as the start of a Japanese family name (see gz.japanese_name_chars)
_JAPANESE_FIRST = 1.0


def _japanese_start(word: str) -> bool:
    """A word a Japanese name may start with (:func:`~pipeline.extract.entities.japanese.japanese_names`
    stops at once at any other)."""
    return len(word) <= 5 and bool(HAN_WORD.fullmatch(word)) and not (len(word) >= 2 and everyday_word(word))


def _name_length(word: str) -> bool:
    """At most three characters, four with a double surname: no longer token starts a name
    :func:`~pipeline.extract.entities.persons.chinese_names` takes."""
    return len(word) <= 3 or len(word) == 4 and surname_len(word) == 2


def _may_head(word: str) -> bool:
    from pipeline.extract.entities.head_kinds import may_head  # head_kinds reads these marks

    return may_head(word)


def _may_start_damaged(word: str) -> bool:
    from pipeline.extract.entities.damaged import may_start_damaged  # damaged reads these marks

    return may_start_damaged(word)


class _WordBits(dict):
    """word -> its families (tags aside), filled by :func:`_bits` on a word's first lookup, so that a
    paragraph's tokens, almost all seen before, are looked up with no Python call per token."""

    def __missing__(self, word: str) -> int:
        return _bits(word)


_word_bits = _WordBits()
_CACHE_LIMIT = 500_000  # distinct words kept; an archive's vocabulary fits, a runaway one is dropped


def _bits(word: str) -> int:
    bits = _word_bits.get(word)
    if bits is None:
        first, last = word[:1], word[-1:]
        # a gazetteer name or a session number (九届) may start here, or a place abroad: the cheap tests first
        gazetteer = word[:2] in gazetteer_starts() or first in SESSION_STARTS or first in FORMER_PREFIXES and word[1:3] in gazetteer_starts()
        world = word[:2] in world_starts()
        bits = (
            (SURNAME if (first in surname_starts() or first in "老小") and _name_length(word) and may_start_name(word) else 0)
            | (SETTLEMENT if last in SETTLEMENT_CHARS else 0)
            | (HEAD_WORD if last in head_ends() and _may_head(word) else 0)
            | (GOVERNMENT if word.endswith("政府") else 0)
            | (STREET if last in "路街道巷同" and _street(word) else 0)
            | (WORLD if world else 0)
            | (DAMAGED_START if (gazetteer or world) and _may_start_damaged(word) else 0)
            | (PLACE_WORD if word in place_words() else 0)
            | (TRANSLIT_PIECE if first in gz.translit_scores() and translit_piece(word) else 0)
            | (JAPANESE if gz.japanese_name_chars().get(first, (0.0,))[0] >= _JAPANESE_FIRST and _japanese_start(word) else 0)
            | (LISTED_NAME if word in gz.famous_persons() or word in gz.dictionary_places() else 0)
            | (TITLE if title_word(word) else 0)
            | (ROLE if role_word(word) else 0)
            | (TRANSLIT_WORD if translit_word(word) else 0)
            | (GLUED if glued_word(word) else 0)
            | (SPLIT_HEAD_END if word in split_head_ends() else 0)
            | (GAZETTEER_NAME if gazetteer and gazetteer_word(word) else 0)
        )
        if len(_word_bits) >= _CACHE_LIMIT:
            _word_bits.clear()
        _word_bits[word] = bits
    return bits


def marked_tokens(tokens: Sequence[Token]) -> tuple[list[Token], Marks]:
    """The rule tokens of a block's segmentation (:func:`~pipeline.extract.entities.tokens.rule_tokens`)
    and their marks, the segmentation's marks read first: most paragraphs hold no glued title, and
    their tokens are not scanned again."""
    marks = Marks(tokens)
    if not marks.where(GLUED):
        return list(tokens), marks
    toks = rule_tokens(tokens)
    return toks, Marks(toks)


class Marks:
    """The rule families of every token of a paragraph: ``bits[i]`` for a token's own, :meth:`where` for
    the tokens of a family."""

    def __init__(self, toks: Sequence[Token]):
        words, tag_bits = _word_bits, _TAG_BITS.get
        self._toks = toks
        self.bits = [words[t.text] | tag_bits(t.tag, 0) for t in toks]
        # about a third of the tokens of news text belong to some family; the rest are never looked at again
        self._marked = [(i, b) for i, b in enumerate(self.bits) if b]
        self._present = 0  # every family some token has: most paragraphs have no street, no site, no place abroad
        for _, b in self._marked:
            self._present |= b

    def where(self, families: int) -> list[int]:
        """Indices of the tokens marked with any of ``families``."""
        if not families & self._present:
            return []
        return [i for i, b in self._marked if b & families]

    def title(self, i: int) -> bool:
        """:func:`~pipeline.extract.entities.lexicon.is_title` of token ``i``, its tag read."""
        b = self.bits[i]
        return bool(b & TITLE or b & ROLE and self._toks[i].tag == "n")
