"""jieba.posseg's HMM (joint word and part-of-speech Viterbi), compiled.

``jieba.posseg`` segments and tags the runs of characters its dictionary route
leaves as single characters (unknown words, mostly names) with a Viterbi pass
over 256 states (B/M/E/S × part of speech).  Its pure-Python loop costs about
0.15 ms a character: on text it has not seen before it was the largest cost of
the whole segmentation.  This is the same model as arrays, the same arithmetic in
the same order (so the same float results) and the same tie-breaking (the larger
state wins, as Python's ``max`` over ``(probability, state)`` tuples does), in one
kernel compiled to machine code by numba, ahead of time where it is built
(:mod:`pipeline.posseg_aot`) or else when first used (it runs as plain Python,
slowly but alike, where numba is not installed).  A test proves the same paths as posseg on
every unknown run of the 1998 corpus.

>>> cut("陈方说")
[('陈方', 'nr'), ('说', 'v')]
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

_MIN_FLOAT = -3.14e100  # posseg's floor for an emission it has not seen
_MIN_INF = float("-inf")  # and for a transition it has not seen


class _Model:
    """posseg's tables as arrays, the states ordered largest first (so the first maximum found
    is the one Python's ``max`` over ``(probability, state)`` picks); one row per character it knows,
    and a last row, every state allowed and no emission seen, for any other character."""

    def __init__(self) -> None:
        char_state_tab_P, start_P, trans_P, emit_P = _posseg_tables()
        self.states = sorted(trans_P, reverse=True)
        index = {state: i for i, state in enumerate(self.states)}
        n = len(self.states)
        self.start = np.array([start_P[s] for s in self.states])
        self.trans = np.full((n, n), _MIN_INF)
        self.follows = np.zeros((n, n), dtype=np.bool_)  # a transition is listed, whatever its weight
        for s, targets in trans_P.items():
            for t, weight in targets.items():
                self.trans[index[s], index[t]] = weight
                self.follows[index[s], index[t]] = True
        # the states each state may go to, as a compressed row list (successors[offsets[x]:offsets[x + 1]])
        self.offsets = np.concatenate(([0], np.cumsum(self.follows.sum(axis=1)))).astype(np.int64)
        self.successors = np.concatenate([np.flatnonzero(row) for row in self.follows]).astype(np.int64)
        chars = sorted(set(char_state_tab_P) | {c for table in emit_P.values() for c in table})
        self.char_index = {c: i for i, c in enumerate(chars)}
        self.allowed = np.ones((len(chars) + 1, n), dtype=np.bool_)
        for char, states in char_state_tab_P.items():
            row = self.allowed[self.char_index[char]]
            row[:] = False
            row[[index[s] for s in states]] = True
        self.emit = np.full((len(chars) + 1, n), _MIN_FLOAT)
        for state, table in emit_P.items():
            column = index[state]
            for char, weight in table.items():
                self.emit[self.char_index[char], column] = weight


def _posseg_files() -> list[Path]:
    """posseg's model as jieba ships it: pickles beside its modules."""
    from pipeline.lexicon import jieba_folder

    folder = jieba_folder() / "posseg"
    return [folder / f"{name}.p" for name in ("char_state_tab", "prob_start", "prob_trans", "prob_emit")]


def _posseg_tables() -> tuple[dict, dict, dict, dict]:
    """posseg's model, read directly, since importing ``jieba.posseg`` also builds its default tagger
    over the whole dictionary."""
    return tuple(pickle.loads(path.read_bytes()) for path in _posseg_files())


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The model, from the derived-data cache (building the arrays takes a sixth of a second)."""
    from pipeline.derived import derived

    return derived("posseg_model", _Model, _posseg_files())


@lru_cache(maxsize=1)
def _kernel() -> Callable:
    """:func:`viterbi_steps` as machine code: compiled ahead of time where it is built
    (:mod:`pipeline.posseg_aot`, no numba to load), else by numba now (from its cache), else plain Python."""
    from pipeline import posseg_aot

    compiled = posseg_aot.load(viterbi_steps)
    if compiled is not None:
        return compiled
    try:
        from numba import njit
    except ImportError:  # pragma: no cover - the compiled kernel is the norm, this is the fallback
        return viterbi_steps
    return njit(cache=True)(viterbi_steps)


def viterbi_steps(obs, start, trans, offsets, successors, allowed, emit):  # pragma: no cover - compiled
    """posseg's ``viterbi`` over character rows ``obs``: the best state per position.

    States are visited in index order and a later one wins only when strictly better, so ties
    go to the larger state, as in posseg."""
    n_states = start.shape[0]
    length = obs.shape[0]
    score = np.full(n_states, -np.inf)
    live = np.empty(n_states, dtype=np.int64)  # the states of the last position, in index order
    n_live = 0
    for y in range(n_states):
        if allowed[obs[0], y]:
            live[n_live] = y
            n_live += 1
            score[y] = start[y] + emit[obs[0], y]
    back = np.zeros((length, n_states), dtype=np.int64)
    prev = np.empty(n_states, dtype=np.int64)
    expected = np.zeros(n_states, dtype=np.bool_)
    following = np.empty(n_states, dtype=np.int64)
    new_score = np.full(n_states, -np.inf)
    for t in range(1, length):
        c = obs[t]
        n_prev = 0
        expected[:] = False
        for k in range(n_live):  # live states that go on, and where they may go
            x = live[k]
            for k2 in range(offsets[x], offsets[x + 1]):
                expected[successors[k2]] = True
            if offsets[x + 1] > offsets[x]:
                prev[n_prev] = x
                n_prev += 1
        n_next = 0
        for y in range(n_states):
            if allowed[c, y] and expected[y]:
                following[n_next] = y
                n_next += 1
        if n_next == 0:  # nothing allowed is reachable: whatever is reachable, else anything
            for y in range(n_states):
                if expected[y]:
                    following[n_next] = y
                    n_next += 1
            if n_next == 0:
                for y in range(n_states):
                    following[n_next] = y
                    n_next += 1
        for k in range(n_next):
            y = following[k]
            best, best_x = -np.inf, -1
            for m in range(n_prev):
                x = prev[m]
                value = score[x] + trans[x, y] + emit[c, y]
                if best_x < 0 or value > best:
                    best, best_x = value, x
            new_score[y] = best
            back[t, y] = best_x
        for k in range(n_next):
            y = following[k]
            score[y] = new_score[y]
            live[k] = y
        n_live = n_next
    best, state = -np.inf, -1
    for k in range(n_live):
        y = live[k]
        if state < 0 or score[y] > best:
            best, state = score[y], y
    path = np.zeros(length, dtype=np.int64)
    path[length - 1] = state
    for t in range(length - 1, 0, -1):
        state = back[t, state]
        path[t - 1] = state
    return path


def viterbi(text: str) -> list[tuple[str, str]]:
    """The state path of posseg's ``viterbi`` for a run of Han characters: (B/M/E/S, tag) per character."""
    m = _model()
    unknown = len(m.char_index)
    obs = np.array([m.char_index.get(ch, unknown) for ch in text], dtype=np.int64)
    path = _kernel()(obs, m.start, m.trans, m.offsets, m.successors, m.allowed, m.emit).tolist()  # ints, not numpy scalars
    return list(map(m.states.__getitem__, path))


@lru_cache(maxsize=65536)
def cut(text: str) -> list[tuple[str, str]]:
    """(word, tag) of a run of Han characters, as ``jieba.posseg`` cuts one it does not know."""
    path = viterbi(text)
    words: list[tuple[str, str]] = []
    begin = following = 0
    for i, (position, tag) in enumerate(path):
        if position == "B":
            begin = i
        elif position == "E":
            words.append((text[begin : i + 1], tag))
            following = i + 1
        elif position == "S":
            words.append((text[i], tag))
            following = i + 1
    if following < len(text):
        words.append((text[following:], path[following][1]))
    return words
