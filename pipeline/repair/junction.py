"""Does a word run across the junction of two pieces of text?

The test behind several repairs: where OCR cut a paragraph (a column break,
a displaced tail), the two sides usually split a word (``合作协|议``,
``伊万格利|斯塔``); where a paragraph really ends, they do not.

>>> word_spans_junction("中国和巴西签署科技合作协", "议，是两国合作的新起点")
True
>>> word_spans_junction("让互联网发展成果更好造福全人类", "弥合数字鸿沟是全球共同的紧迫任务")
False
>>> word_spans_junction("马车走过的小河旁", "像一首古老歌谣"), word_spans_junction("马车走过的小河旁", "像一首古老歌谣", False)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from pipeline.repair import jieba_cut

#: characters either side of the junction given to jieba
WINDOW = 6


def word_spans_junction(left: str, right: str, new_words: bool = True) -> bool:
    """Does jieba cut a word across the end of ``left`` into ``right``?

    With ``new_words`` jieba's HMM may coin the word (needed for names it does
    not know: ``伊万格利|斯塔``); without, only dictionary words count, which
    keeps lines of verse (``小河旁|像一首``) apart.
    """
    return _spans(left[-WINDOW:], right[:WINDOW], new_words)


@lru_cache(maxsize=4096)
def _spans(head: str, tail: str, new_words: bool) -> bool:
    pos = 0
    for word in _cut()(head + tail, new_words):
        if pos < len(head) < pos + len(word):
            return True
        pos += len(word)
    return False


@lru_cache(maxsize=1)
def _cut() -> Callable[[str, bool], list[str]]:
    """``jieba.cut`` over jieba's own dictionary, by jieba-rs where it cuts alike: the same words and
    frequencies, loaded in a quarter of the time of jieba's model, which the rest of a run does not
    need.  With the HMM, jieba-rs keeps runs of digits and Latin letters whole where jieba splits
    them (``1.3|nm``), so a window with ASCII letters or digits is cut as jieba cuts it, over the
    dictionary the pipeline holds (:mod:`pipeline.repair.jieba_cut`: jieba's own tables would cost
    the process 0.7 s to load)."""
    from pipeline.lexicon import quiet_jieba

    try:
        import rjieba
    except ImportError:
        return lambda text, hmm: list(quiet_jieba().cut(text, HMM=hmm))
    # rjieba's own default instance: the bundled dictionary, built when rjieba is imported, that
    # no code here adds words to (a Jieba() of our own cost another 0.08 s of every process's load)
    return lambda text, hmm: jieba_cut.cut(text) if hmm and _ASCII_ALNUM.search(text) else rjieba.cut(text, hmm)


_ASCII_ALNUM = re.compile("[A-Za-z0-9]")
