"""``jieba.cut`` and its dictionary route, over jieba's dictionary as the pipeline already holds it.

The junction tests (:mod:`pipeline.repair.junction`, :mod:`pipeline.repair.junction_bits`) ask how
jieba itself cuts a dozen characters.  jieba answers from a prefix table of its whole dictionary
that it loads on first use: 0.7 s of CPU, more than a fifth of a run over the 890 articles of
1998, paid by every process for a few windows that hold ASCII.  The same answer comes from
:func:`pipeline.lexicon.jieba_dictionary` (the words and frequencies of the same ``dict.txt``,
loaded for the segmenter anyway): jieba's DAG of dictionary words, its best route (``calc``,
the same arithmetic, so the same floats) and ``__cut_DAG`` with its HMM (``finalseg``, whose
model is read from the pickles jieba ships) for runs of single characters it does not list.
A test holds every step to jieba's own on the windows of the 1998 paragraphs.

>>> cut("数据显示，2023年GDP增长5.2%")
['数据', '显示', '，', '2023', '年', 'GDP', '增长', '5.2%']
>>> cut("芯片制程达1.3nm以下")  # jieba-rs keeps 1.3nm whole
['芯片', '制程', '达', '1.3', 'nm', '以下']
>>> cut("伊万格利斯塔说")  # 格利斯塔 is no word: the HMM cuts it
['伊万', '格', '利斯塔', '说']
"""

from __future__ import annotations

import math
import pickle
import re
from functools import lru_cache

from pipeline.lexicon import jieba_dictionary, jieba_folder, jieba_total

#: jieba's ``re_han_default`` and ``re_skip_default``: the blocks its route reads, and what splits the rest
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
#: ``finalseg``'s: Han runs go through its HMM, Latin letters and numbers stand whole
_HAN = re.compile("([\u4E00-\u9FD5]+)")
_LATIN_OR_NUMBER = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
_MIN_FLOAT = -3.14e100
_PREVIOUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_UNLISTED = (0, "")


def _frequency(word: str) -> int:
    return jieba_dictionary().get(word, _UNLISTED)[0]


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(map(len, jieba_dictionary()))


def dag(text: str) -> list[list[int]]:
    """jieba's ``get_DAG``: for each position, the last index of every dictionary word starting there
    (the character alone when none does)."""
    words, longest = jieba_dictionary(), _longest_word()
    out = []
    for k in range(len(text)):
        ends = [i for i in range(k, min(len(text), k + longest)) if words.get(text[k : i + 1], _UNLISTED)[0]]
        out.append(ends or [k])
    return out


def route(text: str) -> list[tuple[float, int]]:
    """jieba's ``calc``: for each position (and one past the end), the log probability of the best route
    from there and the last index of its first word."""
    best: list[tuple[float, int]] = [(0, 0)] * (len(text) + 1)
    log_total = math.log(jieba_total())
    for k, ends in reversed(list(enumerate(dag(text)))):
        best[k] = max((math.log(_frequency(text[k : x + 1]) or 1) - log_total + best[x + 1][0], x) for x in ends)
    return best


def cut(text: str) -> list[str]:
    """``jieba.cut(text)`` (accurate mode, with the HMM) over jieba's default dictionary."""
    words: list[str] = []
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _BLOCK.match(block):
            words += _cut_block(block)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                words.append(piece)
            else:
                words += piece
    return words


def _cut_block(block: str) -> list[str]:
    """jieba's ``__cut_DAG``: the route's words; runs of single characters it does not list through the HMM."""
    best = route(block)
    words: list[str] = []
    run = ""
    x = 0
    while x < len(block):
        y = best[x][1] + 1
        if y - x == 1:
            run += block[x]
        else:
            words += _cut_run(run)
            run = ""
            words.append(block[x:y])
        x = y
    return words + _cut_run(run)


def _cut_run(run: str) -> list[str]:
    if len(run) <= 1:
        return [run] if run else []
    if _frequency(run):
        return list(run)
    words: list[str] = []
    for piece in _HAN.split(run):
        if _HAN.match(piece):
            words += _hmm_words(piece)
        else:
            words += [w for w in _LATIN_OR_NUMBER.split(piece) if w]
    return words


@lru_cache(maxsize=1)
def _hmm_model() -> tuple[dict, dict, dict]:
    """finalseg's start, transition and emission tables, from the pickles jieba ships beside its modules."""
    folder = jieba_folder() / "finalseg"
    return tuple(pickle.loads((folder / f"prob_{name}.p").read_bytes()) for name in ("start", "trans", "emit"))


def _hmm_words(chars: str) -> list[str]:
    """finalseg's ``__cut``: its Viterbi over B/M/E/S, the words its states mark."""
    start, trans, emit = _hmm_model()
    scores = {y: start[y] + emit[y].get(chars[0], _MIN_FLOAT) for y in "BMES"}
    paths = {y: [y] for y in "BMES"}
    for char in chars[1:]:
        before, scores, last = scores, {}, paths
        paths = {}
        for y in "BMES":
            seen = emit[y].get(char, _MIN_FLOAT)
            score, state = max((before[y0] + trans[y0].get(y, _MIN_FLOAT) + seen, y0) for y0 in _PREVIOUS[y])
            scores[y] = score
            paths[y] = [*last[state], y]
    states = paths[max((scores[y], y) for y in "ES")[1]]
    words, begin, done = [], 0, 0
    for i, state in enumerate(states):
        if state == "B":
            begin = i
        elif state == "E":
            words.append(chars[begin : i + 1])
            done = i + 1
        elif state == "S":
            words.append(chars[i])
            done = i + 1
    return words + ([chars[done:]] if done < len(chars) else [])
