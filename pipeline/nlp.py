"""The spaCy pipeline: a jieba tokenizer and one registered component per extractor.

Design notes (traps from jieba's and spaCy's issue trackers):

- jieba splits transliterated names at ``·`` even after ``add_word`` and cuts
  numbers unpredictably (``23.4%``), so those runs are protected before jieba
  sees the text and become one token each.
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

#: runs jieba must not cut: transliterated names, numbers with decimals, separators, %
PROTECTED = regex.compile(r"\p{Han}+(?:·\p{Han}+)+|\d+(?:[.,]\d+)*(?:%|％)?|[A-Za-z]+(?:[-+.][A-Za-z0-9]+)*")

for name, default in (("entities", None), ("claims", None), ("reference_date", None)):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)


class JiebaTokenizer:
    """spaCy tokenizer over a private jieba instance, with protected runs kept whole."""

    def __init__(self, vocab, segmenter: jieba.Tokenizer):
        self.vocab = vocab
        self.segmenter = segmenter

    def words(self, text: str) -> list[str]:
        words: list[str] = []
        pos = 0
        for m in PROTECTED.finditer(text):
            words.extend(self.segmenter.cut(text[pos : m.start()]))
            words.append(m.group())
            pos = m.end()
        words.extend(self.segmenter.cut(text[pos:]))
        return [w for w in words if w]

    def __call__(self, text: str) -> Doc:
        words, spaces = spacy.util.get_words_and_spaces(self.words(text), text)
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
    """Run the pipeline over one repaired block (``entities``: names already found in it)."""
    nlp = load()
    doc = nlp.make_doc(text)
    doc._.reference_date = reference_date
    doc._.entities = entities
    return nlp(doc)
