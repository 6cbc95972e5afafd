"""Place names that OCR damaged: a gazetteer name of four characters or more read with one
character wrong, or (from five characters) one character dropped.

An engine that misreads one character of 阿尔及利亚 leaves jieba pieces (阿尔及/剥/利亚),
and the tail reads as a person's name, who may then become a quote's speaker.  A long
name survives one confusion: the rest of it still names one place only.  So the window
is taken for the place where it is one edit from exactly one listed name, is not itself
a listed name or a word jieba knows, and the name is long enough (:data:`SHORTEST`).

The window starts on a token whose first two characters start a listed name (阿尔/nr,
坦桑/n) and ends on a token end a few tokens on; the long names are indexed by first two
characters, last character and length, so each window costs one look-up.  A misread last
character (巴勒斯据, 土库曼斯担) counts where it stands alone as jieba's last piece and is no
function character: a word there (俄罗斯|联合, 爱尔兰共和军) or a listed place before it
(以色列|的) is the text, not a damaged name.  Limits: a misread character in the first piece
jieba cuts is not recovered.

>>> from pipeline.extract.entities.tokens import tokenize
>>> [(c.start, c.end, c.normalized) for c in damaged_places("会见阿尔及剥亚总统", tokenize("会见阿尔及剥亚总统"))]
[(2, 7, '阿尔及利亚')]
>>> damaged_place("会见阿尔及剥亚总统", 5, 7), damaged_place("会见阿尔及利亚总统", 5, 7)
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import COMMON_FREQ, FUNCTION_CHARS, dictionary
from pipeline.extract.entities.marks import DAMAGED_START, Marks
from pipeline.extract.entities.tokens import T_GAZ, Cand, tokenize
from pipeline.segment import Token

#: a name this long survives one misread character (巴基斯坦 → 巴基新坦); shorter ones do not (中国 → 中图)
SHORTEST = 4
#: a name this long survives one dropped character (阿尔及利亚 → 阿尔利亚); a four-character one does not
SHORTEST_FOR_DROP = 5


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str]]:
    """Long listed places, in Han characters only -> (label, normalized); a four-character name only
    if its last two characters are no common word (喀什地区, 四川盆地, 欧亚大陆: one misread
    character would leave a common word and one character of the name)."""
    out = {}
    for table in (gz.places(), gz.world_places()):
        for name, value in table.items():
            if len(name) < SHORTEST or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
                continue
            if len(name) == SHORTEST and dictionary().get(name[2:], (0, ""))[0] >= COMMON_FREQ:
                continue
            out.setdefault(name, value)
    return out


def _one_edit(window: str, name: str) -> bool:
    """``window`` is ``name`` with one inner character replaced, or dropped (names long enough for
    that).  The first and last characters stay: they are what bounds the window (，俄罗斯 is not
    a damaged 白俄罗斯, nor 中华人民共和 a damaged 中华人民共和国).

    >>> _one_edit("阿尔及剥亚", "阿尔及利亚"), _one_edit("阿尔利亚", "阿尔及利亚"), _one_edit("，俄罗斯", "白俄罗斯")
    (True, True, False)
    """
    if window[0] != name[0] or window[-1] != name[-1]:
        return False
    if len(window) == len(name):
        return sum(a != b for a, b in zip(window, name, strict=True)) == 1
    if len(window) == len(name) - 1 and len(name) >= SHORTEST_FOR_DROP:
        k = next((i for i, (a, b) in enumerate(zip(window, name, strict=False)) if a != b), len(window))
        return window[k:] == name[k + 1:]
    return False


def _last_misread(window: str, name: str, last_piece: str) -> bool:
    """``window`` is ``name`` with its last character misread, which jieba left alone as the
    window's last piece, and that character is a Han character but no function word (以色列|的,
    黑龙江|和, 法兰西|，).

    >>> _last_misread("巴勒斯据", "巴勒斯坦", "据"), _last_misread("俄罗斯联合", "俄罗斯联邦", "联合"), _last_misread("以色列的", "以色列国", "的")
    (True, False, False)
    >>> _last_misread("法兰西，", "法兰西岛", "，")
    False
    """
    return len(window) == len(name) and window[:-1] == name[:-1] and window[-1] != name[-1] \
        and last_piece == window[-1] and "\u4e00" <= window[-1] <= "\u9fff" and window[-1] not in FUNCTION_CHARS


def _holds_name(window: str) -> bool:
    """The window holds a listed place that covers all of it but one character (巴基斯坦|国, 罗布泊|最: a
    place of any of the lists, the word dictionary's too): that place, undamaged.

    >>> _holds_name("巴基斯坦国"), _holds_name("罗布泊最"), _holds_name("巴勒斯据")
    (True, True, False)
    """
    lists = (gz.places(), gz.world_places(), gz.dictionary_places())
    return any(window[a:a + len(window) - 1] in names for a in (0, 1) for names in lists)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str, int], tuple[str, ...]]:
    """(first two characters, last character, length of the window) -> the long names a window so
    shaped may be, read with one character wrong (same length) or dropped (one shorter)."""
    index: dict[tuple[str, str, int], list[str]] = {}
    for name in _names():
        index.setdefault((name[:2], name[-1], len(name)), []).append(name)
        if len(name) >= SHORTEST_FOR_DROP:
            index.setdefault((name[:2], name[-1], len(name) - 1), []).append(name)
    return {key: tuple(names) for key, names in index.items()}


@lru_cache(maxsize=1)
def _index_by_length() -> dict[tuple[str, int], tuple[str, ...]]:
    """(first two characters, length) -> the long names a window so shaped may be, read with its last
    character wrong."""
    index: dict[tuple[str, int], list[str]] = {}
    for name in _names():
        index.setdefault((name[:2], len(name)), []).append(name)
    return {key: tuple(names) for key, names in index.items()}


@lru_cache(maxsize=1)
def _window_lengths() -> dict[str, tuple[frozenset[int], int]]:
    """First two characters of a long name -> the lengths a window so starting may have to be read as
    one (the name's, one shorter for a dropped character) and the longest: most windows are neither."""
    lengths: dict[str, set[int]] = {}
    for name in _names():
        lengths.setdefault(name[:2], set()).add(len(name))
        if len(name) >= SHORTEST_FOR_DROP:
            lengths[name[:2]].add(len(name) - 1)
    return {first: (frozenset(ns), max(ns)) for first, ns in lengths.items()}


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every proper prefix of two characters or more of a long name: a damaged name's first piece is one."""
    return frozenset(name[:k] for name in _names() for k in range(2, len(name)))


#: a damaged name is at most this many of jieba's pieces (阿尔/及/剥亚, 波斯尼亚/和/黑塞哥/堆/那)
_MOST_PIECES = 6


def _only(close: list[str], runs_on: bool, trans: frozenset[str]) -> str | None:
    """The one name a window may be: none where the window runs on into a longer transliterated
    name (谢瓦尔德|纳泽) and the name is one, nor where two names are one edit away (neither for sure)."""
    close = [name for name in close if not (runs_on and all(ch in trans for ch in name))]
    return close[0] if len(close) == 1 else None


def may_start_damaged(word: str) -> bool:
    """A damaged long name may start with this token: its first two characters start a long name (a
    one-character token reads on into the next), and it is a piece of one or no dictionary word (the tests
    of :func:`_matches` that read the word alone).

    >>> may_start_damaged("坦桑"), may_start_damaged("巴基新坦"), may_start_damaged("工作")
    (True, True, False)
    """
    return (len(word) < 2 or word[:2] in _window_lengths()) and not (word not in _prefixes() and word in dictionary())


def _matches(text: str, toks: Sequence[Token], at: Sequence[int]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the damaged long names of ``text``, each from a token in ``at``
    (tokens jieba reads as names) to a token end, one edit from exactly one listed name."""
    names, index, by_length, trans = _names(), _index(), _index_by_length(), gz.translit_chars()
    spans = _window_lengths()
    out: list[tuple[int, int, str]] = []
    for i in at:
        s = toks[i].start
        if text[s:s + 2] not in spans or (out and s < out[-1][1]) or toks[i].text not in _prefixes() and toks[i].text in dictionary():
            continue  # no long name starts so; the first piece is intact (阿尔|及剥亚), or a word jieba made up (巴基新坦 whole)
        lengths, longest = spans[text[s:s + 2]]
        found = None
        for j in range(i, min(len(toks), i + _MOST_PIECES)):
            e = toks[j].end
            if e - s > longest:
                break
            if e - s not in lengths:
                continue  # no name so long starts so
            owners = index.get((text[s:s + 2], text[e - 1], e - s), ()) if e - s >= SHORTEST - 1 else ()
            last_owners = by_length.get((text[s:s + 2], e - s), ()) if j > i and len(toks[j].text) == 1 else ()
            if not owners and not last_owners or j == i and toks[i].text in dictionary():
                continue
            window = text[s:e]
            if window in names or window in dictionary() or _holds_name(window):
                continue
            runs_on = e < len(text) and text[e] in trans and text[e] != "人"
            if name := _only([name for name in owners if _one_edit(window, name)], runs_on, trans):
                found = (s, e, name)
                break
            if name := _only([name for name in last_owners if _last_misread(window, name, toks[j].text)], runs_on, trans):
                found = (s, e, name)  # a longer window may be the name whose last character was misread (吉尔吉斯|斯|但)
        if found:
            out.append(found)
    return out


def damaged_places(text: str, toks: Sequence[Token], marks: Marks | None = None) -> list[Cand]:
    """Damaged long place names as candidates, normalized to the name they were read for; each starts
    on a token where a listed name may start (tokens marked ``DAMAGED_START``: its first two
    characters are intact).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [(s[c.start:c.end], c.normalized) for s in ["坦桑足亚和巴基新坦", "黑龙江省", "谢瓦尔德纳泽说"] for c in damaged_places(s, tokenize(s))]
    [('坦桑足亚', '坦桑尼亚'), ('巴基新坦', '巴基斯坦')]
    """
    at = (marks or Marks(toks)).where(DAMAGED_START)
    if not at:
        return []
    names = _names()
    return [Cand(T_GAZ, s, e, names[name][0], names[name][1]) for s, e, name in _matches(text, toks, at)]


def damaged_place(text: str, start: int, end: int, toks: Sequence[Token] | None = None) -> bool:
    """Whether ``text[start:end]`` lies inside a long place name that OCR damaged (one character
    wrong or dropped): the persons rule asks it before taking the tail of such a name for a person
    (阿尔及剥亚: 剥亚 is no one).  ``toks``: the text's rule tokens when the caller has them.

    >>> damaged_place("阿尔及剥亚总统", 3, 5), damaged_place("阿尔及剥亚总统", 5, 7), damaged_place("", 0, 0)
    (True, False, False)
    """
    if not isinstance(text, str) or end <= start:
        return False
    toks = tokenize(text) if toks is None else toks
    at = [i for i, t in enumerate(toks) if t.start <= start]
    return any(s <= start and end <= e for s, e, _ in _matches(text, toks, at))

