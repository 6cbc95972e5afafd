"""Does a word run across a cut?  Evidence, in bits, from jieba's dictionary route.

Where OCR cut a paragraph between two blocks, the cut often falls inside a
word (``合作协|议``, ``磅|礴``); between two unrelated blocks it rarely makes
one.  The evidence is how much more probable jieba's best segmentation of the
characters around the cut is than the best segmentations of the two sides
apart (a unigram model over jieba's dictionary, ``jieba/dict.txt``, shipped
with jieba under the MIT licence: no corpus text is read, nothing of the 1998
data is in it).  The score is 0 when the best route cuts there anyway, and
when a mark stands at the cut (no evidence either way).

>>> route_gain("两国签署合作协", "议，是新起点") > 10
True
>>> route_gain("今年的工作", "会议在北京") > 6  # 作会 is no word, 工作会 is a route worth little
False
>>> route_gain("合作协议。", "今天天气")
0.0
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

from pipeline.repair.jieba_cut import route

_HAN = regex.compile(r"\p{Han}")
#: characters either side of the cut given to the dictionary route
ROUTE_WINDOW = 4


def route_gain(left: str, right: str) -> float:
    """Bits by which jieba's best route over the cut beats the two sides cut apart."""
    left, right = left.rstrip()[-ROUTE_WINDOW:], right.lstrip()[:ROUTE_WINDOW]
    if not left or not right or not _HAN.match(left[-1]) or not _HAN.match(right[0]):
        return 0.0
    gain = (_route(left + right) - _route(left) - _route(right)) / math.log(2)
    return round(gain, 6) if gain > 0 else 0.0


@lru_cache(maxsize=4096)
def _route(text: str) -> float:
    """Log probability of jieba's best dictionary route through ``text``."""
    return route(text)[0][0]
