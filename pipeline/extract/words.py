"""The block's single segmentation, looked up by character position.

Extractors find things on characters and then ask about the words there: which
word covers a position, which words lie between two positions.  The block is
segmented once (:func:`pipeline.segment.segment`, or the tokens the caller
already has); a word cut by a boundary gives its piece inside, tagged as
jieba's dictionary tags that piece (``x`` when it does not list it).

>>> words = Words("去年全省农林牧渔业总产值同比增长")
>>> words.covering(5)
Token(text='农林牧渔业', tag='j', start=4, end=9)
>>> words.between(3, 12)
[('省', 'n'), ('农林牧渔业', 'j'), ('总产值', 'n')]
>>> Words("").between(0, 3), Words("abc", []).covering(1)
([], None)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.lexicon import jieba_dictionary
from pipeline.segment import Token, segment


class Words:
    """A text and its tokens (segmented on first use when not given), with position lookups."""

    __slots__ = ("text", "_tokens", "_starts")

    def __init__(self, text: str, tokens: Sequence[Token] | None = None) -> None:
        self.text = text
        self._tokens = tokens
        self._starts: list[int] | None = None

    @property
    def tokens(self) -> Sequence[Token]:
        if self._tokens is None:
            self._tokens = segment(self.text)
        return self._tokens

    def _index(self, pos: int) -> int:
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return bisect.bisect_right(self._starts, pos) - 1

    def covering(self, pos: int) -> Token | None:
        """The token that contains the character at ``pos``."""
        tokens = self.tokens
        i = self._index(pos)
        return tokens[i] if 0 <= i < len(tokens) and tokens[i].start <= pos < tokens[i].end else None

    def between(self, start: int, end: int) -> list[tuple[str, str]]:
        """(word, tag) of the words from ``start`` to ``end``; a word cut at either end gives its piece inside."""
        if start >= end:
            return []
        tokens = self.tokens
        out: list[tuple[str, str]] = []
        dictionary = jieba_dictionary()
        for i in range(max(0, self._index(start)), len(tokens)):
            token = tokens[i]
            if token.start >= end:
                break
            if token.end <= start:
                continue
            if token.start >= start and token.end <= end:
                out.append((token.text, token.tag))
            else:
                piece = self.text[max(start, token.start) : min(end, token.end)]
                out.append((piece, dictionary.get(piece, (0, "x"))[1]))
        return out
