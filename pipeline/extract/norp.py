"""NORP mentions (OntoNotes: nationalities, religious and political groups): 美国人, 维吾尔族, 穆斯林.

Names come from ``pipeline/data/gaz_norp.tsv`` (built by ``tools/build_gazetteers.py`` from the
country gazetteer, the 56 nationalities, ISO 639 language names, and tables of religions).
A listed name is a mention only where jieba's dictionary segmentation of its neighbourhood puts
word boundaries at both of its ends, so that a 人 that starts the next word is not taken:
中国人民 (the people of China, left to GPE), 美国人士, 日本人均, 在华人数, 新教材.  A nationality
right before 自治 or a township 乡 belongs to a place name (宁夏回族自治区, 满族乡).

>>> [(n.text, n.normalized) for n in find_norp("维族和蒙族群众同美国人、日本人一起参观")]
[('维族', '维吾尔族'), ('蒙族', '蒙古族'), ('美国人', '美国人'), ('日本人', '日本人')]
>>> find_norp("中国人民和美国人士、日本人员、中国人口、日本人均收入、中国人大")
[]
>>> [n.text for n in find_norp("在美国人眼中，中国人是朋友；汉族人民")]
['美国人', '中国人', '汉族']
>>> [n.text for n in find_norp("宁夏回族自治区和湘西土家族苗族自治州的回族群众")]
['回族']
>>> [n.text for n in find_norp("海外华人、中华人民共和国、在华人数、新教材")]
['华人']
>>> find_norp(""), find_norp("\\x00\\ufffd··人人"), find_norp(None)
([], [], [])
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from pipeline.extract import gazetteer
from pipeline.lexicon import jieba_dictionary

#: how far around a name the segmentation looks (characters, stopping at non-Han text)
_LEFT, _RIGHT = 4, 6
#: jieba words are looked up to this length inside the window
_MAX_WORD = 8
_HAN = re.compile(r"[\u4e00-\u9fff]")


class Norp(NamedTuple):
    start: int
    end: int
    text: str
    normalized: str


@lru_cache(maxsize=1)
def _index() -> tuple[frozenset[str], tuple[int, ...]]:
    names = gazetteer.norp()
    return frozenset(n[0] for n in names), tuple(sorted({len(n) for n in names}, reverse=True))


@lru_cache(maxsize=1)
def _log_total() -> float:
    return math.log(sum(map(itemgetter(0), jieba_dictionary().values())))  # 350,000 entries: summed in C


def _boundaries(s: str) -> set[int]:
    """Token boundaries of the most probable segmentation of ``s`` under jieba's word frequencies
    (jieba's own unigram model over its dictionary, without user words or HMM).

    >>> sorted(_boundaries("中国人民"))
    [0, 2, 4]
    >>> sorted(_boundaries("中国人眼中"))
    [0, 2, 3, 5]
    """
    words, log_total = jieba_dictionary(), _log_total()
    n = len(s)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            freq = words.get(s[i:j], (0, ""))[0]
            if freq or j == i + 1:
                options.append((math.log(freq or 1) - log_total + best[j][0], j))
        best[i] = max(options)
    cuts, i = {0}, 0
    while i < n:
        i = best[i][1]
        cuts.add(i)
    return cuts


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > max(0, start - _LEFT) and _HAN.match(text[left - 1]):
        left -= 1
    right = end
    while right < min(len(text), end + _RIGHT) and _HAN.match(text[right]):
        right += 1
    return left, right


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether jieba's segmentation around ``text[start:end]`` cuts at its end and either cuts at its
    start or reads it as the head of a longer word (海外华人, 美籍华人)."""
    left, right = _window(text, start, end)
    cuts = _boundaries(text[left:right])
    if end - left not in cuts:
        return False
    return start - left in cuts or not any(start - left < c < end - left for c in cuts)


def _in_place_name(text: str, end: int) -> bool:
    """A nationality (or a run of them) before 自治 or a township 乡 is part of a place name."""
    names = gazetteer.norp()
    while True:
        nxt = next((text[end:end + n] for n in _index()[1] if names.get(text[end:end + n], ("", ""))[1] == "ethnic"), None)
        if not nxt:
            break
        end += len(nxt)
    if text.startswith("自治", end):
        return True
    return text.startswith("乡", end) and _stands_alone(text, end, end + 1)


@lru_cache(maxsize=1)
def _by_last() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """The last characters of the listed names (nine: 人族徒教…) as one pattern, and for each the
    lengths of the names ending in it: a text is searched for those characters, not for every name."""
    lengths: dict[str, set[int]] = {}
    for name in gazetteer.norp():
        lengths.setdefault(name[-1], set()).add(len(name))
    pattern = re.compile("[" + "".join(sorted(lengths)) + "]")
    return pattern, {last: tuple(sorted(ns)) for last, ns in lengths.items()}


def _starts(text: str) -> list[int]:
    """Where a listed name starts in ``text``, every occurrence, overlapping ones included, sorted.

    >>> _starts("在美国人眼中，维吾尔族人")
    [1, 7]
    """
    names = gazetteer.norp()
    pattern, lengths = _by_last()
    found = set()
    for m in pattern.finditer(text):
        end = m.end()
        found.update(end - n for n in lengths[m.group()] if end >= n and text[end - n:end] in names)
    return sorted(found)


def find_norp(text: str) -> list[Norp]:
    """NORP mentions, left to right, longest name first at each position, never overlapping."""
    if not isinstance(text, str) or not text:
        return []
    names = gazetteer.norp()
    lengths = _index()[1]
    out: list[Norp] = []
    taken = 0
    for i in _starts(text):
        if i < taken:
            continue
        for n in lengths:
            cand = text[i:i + n]
            if len(cand) == n and cand in names and _stands_alone(text, i, i + n):
                norm, kind = names[cand]
                if kind == "ethnic" and _in_place_name(text, i + n):
                    continue
                out.append(Norp(i, i + n, cand, norm))
                taken = i + n
                break
    return out
