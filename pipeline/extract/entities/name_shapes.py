"""Whether a word reads as a Chinese name: a surname and a given name that is not a common word,
a place or a title (钱其琛, not 宣传部, 杨村 or 古建筑).

jieba tags many ordinary words as names and cuts many names; these tests look at the word
alone, with jieba's dictionary and the given-name statistics of its own name entries.
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    COMMON_FREQ,
    HONORIFICS,
    NAME_LIKE,
    WORD_GIVEN_FREQ,
    dictionary,
    surname_len,
)

#: a name with a plausible given name needs no context (mean log-odds, see gz.given_name_score)
GIVEN_OK = 0.5


#: characters that end a place rather than a given name (杨村, 郭家, 许家坝)
_PLACE_END = frozenset("村庄屯寨堡坝湾塘桥集店铺沟坪岗岭峪洼营场镇乡街巷路里门城楼寺")


def plausible_name(word: str) -> bool:
    """Surname + given name whose characters read as a given name, not a common word or a place.

    >>> plausible_name("钱其琛"), plausible_name("宣传部"), plausible_name("杨村"), plausible_name("胡滨娜")
    (True, False, False, True)
    """
    k = surname_len(word)
    given = word[k:]
    if not k or not 1 <= len(given) <= 2 or given[-1] in _PLACE_END or word in gz.places() or word in gz.orgs():
        return False
    if given in HONORIFICS or given in gz.titles():
        return False
    if len(given) == 2 and dictionary().get(given, (0, "nr"))[1] not in ("nr", "nrfg", "nrt") and dictionary()[given][0] >= COMMON_FREQ:
        return False  # 古建筑, 高素质, 钱袋子: a surname character before a common word
    return gz.given_name_score(given) > GIVEN_OK


def listed_word(word: str) -> bool:
    """A two-character word that jieba's dictionary lists under a tag other than a name's (年终/t,
    文告/n), or that a word dictionary gives as an ordinary word or a language (华文/nz:
    gz.name_tagged_words): before a reporting verb or a title it is the word (年终报道, 文告指出,
    华文女作家); only a title before it (总统|利维/n) makes it a name.

    >>> listed_word("文告"), listed_word("年终"), listed_word("华文"), listed_word("李鹏")
    (True, True, True, False)
    """
    return len(word) == 2 and (dictionary().get(word, (0, "nr"))[1] not in NAME_LIKE or word in gz.name_tagged_words())


#: a surname and the next character this frequent as an ordinary word (农家, 钱袋) start a word, not a name
_WORD_HEAD_FREQ = 50


def word_like(word: str) -> bool:
    """A surname-led three-character token that reads as an ordinary word: its given part, or its
    first two characters, are a common dictionary word with a non-name tag.

    >>> [word_like(w) for w in ("古建筑", "高素质", "农家乐", "钱袋子", "王建国", "周恩来", "李岚清", "张万年")]
    [True, True, True, True, False, False, False, False]
    """
    if len(word) != 3 or surname_len(word) != 1:
        return False
    lex = dictionary()
    given, head = lex.get(word[1:]), lex.get(word[:2])
    return bool(given and given[1][0] in "nva" and given[1] not in NAME_LIKE and given[0] >= WORD_GIVEN_FREQ
                or head and head[1][0] in "nva" and head[1] not in NAME_LIKE and head[0] >= _WORD_HEAD_FREQ)


def listed_name(word: str) -> bool:
    """A three-character name that jieba's dictionary lists as a name (nr) and that starts with a
    common surname: a person even where the given name reads like words (蒋介石, 郭晶晶, 李建国);
    with a rarer surname character the entry is as often a brand or a plant (蒲公英 is kept out
    only where a title or cue is missing).

    >>> listed_name("蒋介石"), listed_name("李建国"), listed_name("王府井"), listed_name("许可证"), listed_name("许家坝")
    (True, True, False, False, False)
    """
    return len(word) == 3 and dictionary().get(word, (0, ""))[1] == "nr" and gz.surnames().get(word[0]) == "common" \
        and not word_like(word) and word[:2] not in dictionary() and word[-1] not in _PLACE_END and word not in gz.places()
