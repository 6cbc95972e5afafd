"""The spaCy pipeline: a jieba tokenizer and one registered component per extractor.

Design notes (traps from jieba's and spaCy's issue trackers):

- jieba splits transliterated names at ``·`` even after ``add_word`` and cuts
  numbers unpredictably (``23.4%``): the names the extractor found (on the
  characters) and number runs are cut out before jieba sees the text and
  become one token each, so tokens and entities agree.
- A private ``jieba.Tokenizer`` (not the global one) gets a user dictionary
  built from the gazetteers, so tokens and entities agree; its fingerprint
  goes into ``run.json``.
- Extractors work on characters, not tokens; the components put their results
  on the Doc: ``doc._.entities`` (exact character offsets, DATE included),
  ``doc.spans["entities"]`` (token-aligned spans, which may nest: a DATE
  inside an EVENT name), ``doc.ents`` (the longest non-overlapping ones) and
  ``doc._.claims``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import jieba
import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates
from pipeline.extract.entities import find_entities
from pipeline.extract.gazetteer import gazetteer_fingerprint, jieba_user_words
from pipeline.records import Entity

#: runs jieba must not cut: numbers with decimals, separators and %, and Latin words (5G+VR)
PROTECTED = regex.compile(r"\d+(?:[.,]\d+)*(?:%|％)?|[A-Za-z]+(?:[-+.][A-Za-z0-9]+)*")

for name in ("entities", "claims", "reference_date"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class JiebaTokenizer:
    """spaCy tokenizer over a private jieba instance; protected runs and known names stay whole."""

    def __init__(self, vocab, segmenter: jieba.Tokenizer):
        self.vocab = vocab
        self.segmenter = segmenter

    def words(self, text: str, keep: Sequence[tuple[int, int]] = ()) -> list[str]:
        """jieba's words, except that each ``keep`` span and each protected run is one word.

        >>> tokenizer = load().tokenizer
        >>> tokenizer.words("拉斐尔·伊万格利斯塔说，增长23.4%", keep=[(0, 10)])
        ['拉斐尔·伊万格利斯塔', '说', '，', '增长', '23.4%']
        >>> tokenizer.words("巴西互联网指导委员会董事会成员", keep=[(0, 10)])
        ['巴西互联网指导委员会', '董事会成员']
        """
        spans = sorted(keep)
        for m in PROTECTED.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append(m.span())
        words: list[str] = []
        pos = 0
        for start, end in sorted(spans):
            if start < pos:  # overlapping spans: the earlier one stands
                continue
            words.extend(self.segmenter.cut(text[pos:start]))
            words.append(text[start:end])
            pos = end
        words.extend(self.segmenter.cut(text[pos:]))
        return [w for w in words if w]

    def __call__(self, text: str, keep: Sequence[tuple[int, int]] = ()) -> Doc:
        words, spaces = spacy.util.get_words_and_spaces(self.words(text, keep), text)
        return Doc(self.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    """jieba with the gazetteer user dictionary, initialised once per process."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in jieba_user_words():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def dictionary_hash() -> str:
    """sha256 over jieba's bundled dictionary and the project gazetteers."""
    digest = hashlib.sha256(Path(jieba.__file__).with_name("dict.txt").read_bytes())
    digest.update(gazetteer_fingerprint().encode())
    return digest.hexdigest()


@Language.component("newspaper_entities")
def entities_component(doc: Doc) -> Doc:
    """Names in the block, unless the caller found them already (with the whole document in view)."""
    if doc._.entities is None:
        doc._.entities = find_entities(doc.text)
    return doc


@Language.component("newspaper_dates")
def dates_component(doc: Doc) -> Doc:
    dates = [
        Entity(d.start, d.end, d.text, "DATE", d.normalized)
        for d in find_dates(doc.text, doc._.reference_date)
    ]
    doc._.entities = sorted((doc._.entities or []) + dates)
    spans = [doc.char_span(e.start, e.end, e.label, alignment_mode="expand") for e in doc._.entities]
    doc.spans["entities"] = [s for s in spans if s is not None]
    doc.ents = filter_spans(doc.spans["entities"])
    return doc


@Language.component("newspaper_claims")
def claims_component(doc: Doc) -> Doc:
    skip = [(e.start, e.end) for e in doc._.entities or []]
    doc._.claims = find_claims(doc.text, skip=skip)
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The newspaper pipeline: jieba tokenizer, then entities, dates, claims."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, segmenter())
    for component in ("newspaper_entities", "newspaper_dates", "newspaper_claims"):
        nlp.add_pipe(component)
    return nlp


def analyse(text: str, reference_date: dt.date | None, entities: list[Entity] | None = None) -> Doc:
    """Run the pipeline over one repaired block (``entities``: names already found in it).

    Known names are single tokens, so tokens and entities agree (the outermost ones, where a title
    holds a name).
    """
    nlp = load()
    spans = [(e.start, e.end) for e in entities or ()]
    outermost = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    doc = nlp.tokenizer(text, outermost)
    doc._.reference_date = reference_date
    doc._.entities = entities
    return nlp(doc)
