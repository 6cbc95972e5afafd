"""Text that OCR garbled beyond repair, detected so it is flagged rather than trusted.

Garbled OCR stutters: it repeats a long fragment of itself almost at once
(``…巴西经济学家、巴西中国问题研究自理问题的巴西经济学家、巴西中国问题…``,
``…能保障人工智能生态系统，能保障人工智能…``).  Edited prose repeats phrases
too (``把节约用水放在首位。各地都要把节约用水放在首位``), but rarely more than
one short stutter a paragraph.  Each stutter scores its length minus the gap
before it; a block is garbled when the scores add up to ``GARBLED_SCORE``.
On the 5,759 clean paragraphs of People's Daily 1998 the highest score is 8.

>>> is_garbled("研究人工智能治理问题的巴西经济学家、巴西中国问题研究自理问题的巴西经济学家、"
...            "巴西中国问题对自导信的交流，全球人工智能生态系统，能保障人工智能生态系统，能保障人工智能的价值")
True
>>> is_garbled("科学种田的基本方法。科学种田的基本方法是促进粮食稳步增产的关键。")
False
>>> is_garbled("")
False
"""

from __future__ import annotations

from typing import NamedTuple

import regex

#: shortest repeated fragment that counts, and the widest gap between its copies
MIN_STUTTER = 8
MAX_GAP = 8
GARBLED_SCORE = 20
_SEED = 6
_HAN_SEED = regex.compile(rf"\p{{Han}}{{{_SEED}}}")


class Stutter(NamedTuple):
    first: int
    second: int
    length: int

    @property
    def gap(self) -> int:
        return self.second - self.first - self.length


def find_stutters(text: str) -> list[Stutter]:
    """Maximal fragments that recur within MAX_GAP characters of their end."""
    count = len(text) - MIN_STUTTER + 1
    if count <= 0 or len({text[i : i + MIN_STUTTER] for i in range(count)}) == count:  # nothing of stutter length recurs: the common case
        return []
    stutters: list[Stutter] = []
    last_seen: dict[str, int] = {}
    resume = 0
    for i in range(len(text) - _SEED + 1):
        seed = text[i : i + _SEED]
        first = last_seen.get(seed)
        last_seen[seed] = i
        if first is None or i < resume or not _HAN_SEED.fullmatch(seed):
            continue
        length = _SEED
        while i + length < len(text) and first + length < i and text[first + length] == text[i + length]:
            length += 1
        stutter = Stutter(first, i, length)
        if length >= MIN_STUTTER and stutter.gap <= MAX_GAP:
            stutters.append(stutter)
            resume = i + length
    return stutters


def garble_score(text: str) -> int:
    return sum(s.length - s.gap for s in find_stutters(text))


def is_garbled(text: str) -> bool:
    return garble_score(text) >= GARBLED_SCORE
