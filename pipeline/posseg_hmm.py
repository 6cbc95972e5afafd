"""jieba.posseg's HMM (joint word and part-of-speech Viterbi) computed with numpy.

``jieba.posseg`` segments and tags the runs of characters its dictionary route
leaves as single characters (unknown words, mostly names) with a Viterbi pass
over 256 states (B/M/E/S × part of speech).  Its pure-Python loop costs about
0.15 ms a character and was the largest cost of the whole pipeline.  This is
the same model, the same arithmetic in the same order (so the same float
results) and the same tie-breaking (the larger state wins, as Python's ``max``
over ``(probability, state)`` tuples does), one matrix step per character.

>>> cut("陈方说")
[('陈方', 'nr'), ('说', 'v')]
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_MIN_FLOAT = -3.14e100  # posseg's floor for an emission it has not seen
_MIN_INF = float("-inf")  # and for a transition it has not seen


class _Model:
    """posseg's tables as arrays, the states ordered largest first (so argmax breaks ties as ``max`` does)."""

    def __init__(self) -> None:
        from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

        self.states = sorted(trans_P, reverse=True)
        index = {state: i for i, state in enumerate(self.states)}
        n = len(self.states)
        self.start = np.array([start_P[s] for s in self.states])
        self.trans = np.full((n, n), _MIN_INF)
        self.follows = np.zeros((n, n), dtype=bool)  # a transition is listed, whatever its weight
        for s, targets in trans_P.items():
            for t, weight in targets.items():
                self.trans[index[s], index[t]] = weight
                self.follows[index[s], index[t]] = True
        self.has_next = self.follows.any(axis=1)
        self.allowed_by_char = {
            char: np.isin(np.arange(n), [index[s] for s in states]) for char, states in char_state_tab_P.items()
        }
        self.everything = np.ones(n, dtype=bool)
        self._emit_tables = emit_P
        self._emit: dict[str, np.ndarray] = {}

    def emit(self, char: str) -> np.ndarray:
        row = self._emit.get(char)
        if row is None:
            row = np.array([self._emit_tables[s].get(char, _MIN_FLOAT) for s in self.states])
            self._emit[char] = row
        return row


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def viterbi(text: str) -> list[tuple[str, str]]:
    """The state path of posseg's ``viterbi`` for a run of Han characters: (B/M/E/S, tag) per character."""
    m = _model()
    current = np.flatnonzero(m.allowed_by_char.get(text[0], m.everything))
    scores = m.start[current] + m.emit(text[0])[current]
    back: list[tuple[np.ndarray, np.ndarray]] = []
    for char in text[1:]:
        step = _step(current.tobytes(), char)
        previous, following, trans, emit = step
        live = scores[m.has_next[current]] if len(previous) != len(current) else scores
        table = live[:, None] + trans + emit
        best = table.argmax(axis=0)
        scores = table[best, np.arange(len(following))]
        back.append((following, previous[best]))
        current = following
    state = current[int(scores.argmax())]
    path = [state]
    for states, origins in reversed(back):
        state = origins[int(np.flatnonzero(states == state)[0])]
        path.append(state)
    return [m.states[s] for s in reversed(path)]


@lru_cache(maxsize=200_000)
def _step(current: bytes, char: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One Viterbi step from the states ``current`` (their indices' bytes) into ``char``: the states
    that can go on, the states ``char`` may take (posseg's rule: allowed for the character and
    reachable, else whatever is reachable, else any), their transition block and emissions."""
    m = _model()
    states = np.frombuffer(current, dtype=np.intp)
    previous = states[m.has_next[states]]
    expected = m.follows[previous].any(axis=0)
    candidates = m.allowed_by_char.get(char, m.everything) & expected
    if not candidates.any():
        candidates = expected if expected.any() else m.everything
    following = np.flatnonzero(candidates)
    return previous, following, m.trans[np.ix_(previous, following)], m.emit(char)[following][None, :]


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
