"""One segmentation per block, shared by every stage: jieba's words with their part of speech.

jieba stays the segmenter by dictionary and by output: the words and tags are
those of ``jieba.posseg`` over jieba's bundled ``dict.txt`` plus the project's
user words (the dictionary route, and posseg's joint word-and-tag HMM for the
runs the dictionary does not cover).  posseg and not ``jieba.cut``, because the
entity rules need the tags, and ``cut`` and ``posseg.cut`` segment unknown
runs differently (jieba's own warning): one pass gives both.

The engine under it is jieba-rs (``rjieba``: the same route, compiled) with
posseg's HMM in numpy (:mod:`pipeline.posseg_hmm`), when rjieba is installed;
pure ``jieba.posseg`` otherwise, or when ``PIPELINE_SEGMENTER=jieba``.  A test
proves both give identical words and tags on every 1998 paragraph.

Runs jieba must not cut (numbers with decimals and %, Latin words such as
``5G``) are cut out first and tagged ``m`` and ``eng``, as posseg tags them.

>>> [(t.text, t.tag) for t in segment("陈方在北京大学读书，增长23.4%")]
[('陈方', 'nr'), ('在', 'p'), ('北京大学', 'nt'), ('读书', 'n'), ('，', 'x'), ('增长', 'v'), ('23.4%', 'm')]
>>> [(t.text, t.tag) for t in segment("用5G网络")]
[('用', 'p'), ('5', 'm'), ('G', 'eng'), ('网络', 'n')]
>>> segment("")
[]
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import accumulate, repeat
from typing import Any, NamedTuple

import regex

from pipeline import posseg_hmm
from pipeline.extract.gazetteer import gazetteer_fingerprint, jieba_user_words
from pipeline.lexicon import dictionary_path, jieba_dictionary

#: runs jieba must not cut: numbers with decimals, separators and %, and Latin words (5G+VR)
PROTECTED = regex.compile(r"\d+(?:[.,]\d+)*(?:%|％)?|[A-Za-z]+(?:[-+.][A-Za-z0-9]+)*")
_HAN_RUN = regex.compile(r"([\u4E00-\u9FD5]+)", flags=regex.V0)
_DIGITS_OR_LATIN = regex.compile(r"([\.0-9]+|[a-zA-Z0-9]+)", flags=regex.V0)
_NUMBER = regex.compile(r"[\.0-9]+", flags=regex.V0)
_LATIN = regex.compile(r"[a-zA-Z0-9]+", flags=regex.V0)


class Token(NamedTuple):
    """A word of a block: its text, part of speech (jieba's tag set), and character offsets."""

    text: str
    tag: str
    start: int
    end: int


def dictionary_hash() -> str:
    """sha256 over jieba's bundled dictionary and the project gazetteers (recorded in run.json)."""
    digest = hashlib.sha256(dictionary_path().read_bytes())
    digest.update(gazetteer_fingerprint().encode())
    return digest.hexdigest()


class _PurePython:
    """``jieba.posseg`` itself: the reference, and the fallback where rjieba is not installed."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer(str(dictionary_path()))
        tokenizer.initialize()
        for word, freq, tag in jieba_user_words():
            tokenizer.add_word(word, freq, tag)
        self._posseg = jieba.posseg.POSTokenizer(tokenizer)

    def cut(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._posseg.cut(text)]

    def words_and_tags(self, text: str) -> tuple[list[str], list[str]]:
        pairs = self.cut(text)
        return [word for word, _ in pairs], [tag for _, tag in pairs]


class _Compiled:
    """jieba-rs for the dictionary route, posseg's rules and HMM (numpy) for the rest."""

    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        listed = jieba_dictionary()
        # jieba-rs ships jieba's dict.txt: the same words and frequencies (a test holds it to
        # jieba's file), loaded in Rust in a tenth of the time of adding them one by one
        self._route = rjieba.Jieba()
        for word, freq, tag in jieba_user_words():
            self._route.add_word(word, freq, tag)
        # jieba adds a user word's frequency to its total even when the word was listed already;
        # jieba-rs takes the old frequency off again. A word that no text contains carries the
        # difference, so that both weigh every route alike (else 中天 and 学人 come out cut).
        replaced = sum(listed.get(word, _UNTAGGED)[0] for word, _, _ in jieba_user_words())
        self._route.add_word(_BALANCE_WORD, replaced, "x")
        # words are looked up in jieba's own table, user words first (they win, as in jieba), rather than
        # in copies of its 350,000 entries made by every process (a quarter of a second to build)
        self._listed = listed
        self._user_tags = {word: tag for word, _, tag in jieba_user_words()}
        self._user_words = frozenset(word for word, freq, _ in jieba_user_words() if freq)
        self._word_tags = _RouteTags(self._user_tags, listed)
        self._runs = _Remembered(self._run)  # the same short runs recur (其|余, 均|为): each cut once

    def cut(self, text: str) -> list[tuple[str, str]]:
        words, tags = self.words_and_tags(text)
        return list(zip(words, tags))

    def words_and_tags(self, text: str) -> tuple[list[str], list[str]]:
        """posseg's ``__cut_internal`` and ``__cut_DAG`` over jieba-rs's dictionary route (one call per
        text): route words as they are, runs of single characters of posseg's blocks through the HMM,
        other characters alone and tagged ``x``.  Each word's tag is looked up in a table filled on its first
        sight and its kind in a table of characters, so the route's words take no Python step each; only the
        runs are read apart."""
        words = self._route.cut(text, hmm=False)
        tags = list(map(self._word_tags.__getitem__, words))
        runs = [m.span() for m in _RUN.finditer("".join(map(_RUN_CHARS.get, words, repeat(_WORD))))]
        for i, j in reversed(runs):  # from the end, so the indices before stay valid
            words[i:j], tags[i:j] = self._runs["".join(words[i:j])]
        return words, tags

    def _run(self, buf: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A run of two or more single characters, as (words, tags): cut as it is when jieba lists it or the
        route chose to cut it (each character alone), else through the HMM.  Tuples of text, which the
        garbage collector stops tracking, since the table of runs lives as long as the process."""
        if self._listed.get(buf, _UNTAGGED)[0] or buf in self._user_words:  # a listed word the route chose to cut stays cut
            return tuple(buf), tuple(self._tag(char) for char in buf)
        cut = _cut_detail(buf)
        return tuple(word for word, _ in cut), tuple(tag for _, tag in cut)

    def _tag(self, word: str) -> str:
        return self._user_tags.get(word) or self._listed.get(word, _UNTAGGED)[1]


class _RouteTags(dict):
    """route word -> its tag where it stands alone (user words first, then jieba's; x for a single character
    outside posseg's blocks), filled on the word's first lookup."""

    def __init__(self, user_tags: dict[str, str], listed: dict[str, tuple[int, str]]) -> None:
        super().__init__()
        self._user_tags = user_tags
        self._listed = listed

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        tag = "x" if len(word) == 1 and word not in _RUN_CHARS else self._user_tags.get(word) or self._listed.get(word, _UNTAGGED)[1]
        self[word] = tag
        return tag


class _Remembered(dict):
    """text -> ``compute(text)``, computed on the text's first lookup (values are shared: read them only)."""

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, text: str) -> Any:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        value = self[text] = self._compute(text)
        return value


#: the ASCII characters of posseg's blocks (its route reads them; any other non-Han character stands alone)
_ASCII_BLOCK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._")
#: a route word's kind, one character each, so that runs of single characters are found by one search: a
#: character of posseg's blocks (Han, or that ASCII) may join a run, any other word may not
_SINGLE, _WORD = "s", "w"
_RUN_CHARS = dict.fromkeys([chr(c) for c in range(0x4E00, 0x9FD6)] + sorted(_ASCII_BLOCK), _SINGLE)
_RUN = re.compile(f"{_SINGLE}{{2,}}")
_CACHE_LIMIT = 500_000  # distinct words remembered; an archive's vocabulary fits, a runaway one is dropped


def _cut_detail(buf: str) -> list[tuple[str, str]]:
    """posseg's ``__cut_detail``: Han runs through the HMM, digits and Latin letters as m and eng."""
    out: list[tuple[str, str]] = []
    for part in _HAN_RUN.split(buf):
        if not part:
            continue
        if _HAN_RUN.fullmatch(part):
            out += posseg_hmm.cut(part)
            continue
        for piece in _DIGITS_OR_LATIN.split(part):
            if piece:
                out.append((piece, "m" if _NUMBER.match(piece) else "eng" if _LATIN.match(piece) else "x"))
    return out


#: jieba_dictionary()'s entry for a word it does not list: posseg tags such a word x
_UNTAGGED = (0, "x")
#: a private-use character: never in a text, so never a word of one
_BALANCE_WORD = "\ue000"


@lru_cache(maxsize=1)
def engine() -> _PurePython | _Compiled:
    """The compiled engine when rjieba is installed, unless ``PIPELINE_SEGMENTER=jieba`` asks for the pure one."""
    if os.environ.get("PIPELINE_SEGMENTER", "") != "jieba":
        try:
            return _Compiled()
        except ImportError:
            pass
    return _PurePython()


def _protected_tag(run: str) -> str:
    """posseg's tag of a protected run: a Latin word is eng, a number m."""
    return "eng" if run[0].isascii() and run[0].isalpha() else "m"


def _pieces(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, tag) of the text between protected runs (tag None) and of the runs themselves."""
    pos = 0
    for m in PROTECTED.finditer(text):
        if m.start() > pos:
            yield pos, m.start(), None
        yield m.start(), m.end(), _protected_tag(m.group())
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), None


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, tag) for every word of ``text``, protected runs whole.

    >>> tagged("拉斐尔·伊万格利斯塔说")
    [('拉斐尔', 'nr'), ('·', 'x'), ('伊万', 'nrt'), ('格', 'n'), ('利斯塔', 'nr'), ('说', 'v')]
    """
    words, tags = _words_and_tags(text)
    return list(zip(words, tags))


def _words_and_tags(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` and their tags, as two lists, protected runs whole (the pieces of :func:`_pieces`,
    read inline: this runs once per block)."""
    split = engine().words_and_tags
    words: list[str] = []
    tags: list[str] = []
    pos = 0
    for m in PROTECTED.finditer(text):
        start, end = m.span()
        if start > pos:
            more_words, more_tags = split(text[pos:start])
            words += more_words
            tags += more_tags
        run = m.group()
        words.append(run)
        tags.append(_protected_tag(run))
        pos = end
    if not pos:
        return split(text) if text else ([], [])
    if pos < len(text):
        more_words, more_tags = split(text[pos:])
        words += more_words
        tags += more_tags
    return words, tags


def segment(text: str) -> list[Token]:
    """Every word of ``text`` with its part of speech and offsets."""
    words, tags = _words_and_tags(text)
    ends = list(accumulate(map(len, words)))
    # the hot loop of the whole pipeline, run in C: tuple.__new__ over zipped columns, no constructor call per word
    return list(map(tuple.__new__, repeat(Token), zip(words, tags, [0, *ends], ends)))
