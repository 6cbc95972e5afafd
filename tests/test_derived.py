"""The derived-data cache: a cached value is the value derived afresh, and a stale or damaged entry is never used."""

from __future__ import annotations

import os
import pickle

import numpy as np
import pytest

from pipeline import derived as cache
from pipeline import lexicon, posseg_hmm
from pipeline.extract import gazetteer

#: every value the package keeps in the cache: (name, derive, sources), as the package calls derived()
ENTRIES = [
    ("jieba_dictionary", lexicon._read_jieba_dictionary, [lexicon.dictionary_path()]),
    ("jieba_total", lexicon._read_jieba_total, [lexicon.dictionary_path()]),
    ("given_name_counts", gazetteer._count_given_names, [lexicon.dictionary_path()]),
    ("place_and_org_names", lexicon._collect_place_and_org_names, [lexicon.dictionary_path()]),
    ("posseg_model", posseg_hmm._Model, posseg_hmm._posseg_files()),
]


def _fail():
    raise AssertionError("derived again although a valid entry was stored")


def _same(a, b) -> bool:
    if isinstance(a, posseg_hmm._Model):
        fields_a, fields_b = vars(a), vars(b)
        return fields_a.keys() == fields_b.keys() and all(
            np.array_equal(v, fields_b[k]) if isinstance(v, np.ndarray) else v == fields_b[k] for k, v in fields_a.items()
        )
    return a == b


@pytest.mark.parametrize(("name", "derive", "sources"), ENTRIES, ids=[e[0] for e in ENTRIES])
def test_a_cached_value_is_the_derived_value(tmp_path, monkeypatch, name, derive, sources):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    fresh = derive()
    stored = cache.derived(name, derive, sources)
    assert len(list(tmp_path.glob(f"{name}-*.pickle"))) == 1
    loaded = cache.derived(name, _fail, sources)  # read back from the file, not derived
    assert _same(stored, fresh) and _same(loaded, fresh)


def test_the_package_reads_its_values_through_the_cache(tmp_path, monkeypatch):
    """The functions the stages call give what a fresh derivation gives, whatever the cache held before."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    functions = (
        lexicon.jieba_dictionary, lexicon.jieba_total, gazetteer._given_name_counts, lexicon.place_and_org_names,
        posseg_hmm._model,
    )
    for function in functions:
        function.cache_clear()
    try:
        assert lexicon.jieba_dictionary() == lexicon._read_jieba_dictionary()
        assert lexicon.jieba_total() == lexicon._read_jieba_total()
        assert gazetteer._given_name_counts() == gazetteer._count_given_names()
        assert lexicon.place_and_org_names() == lexicon._collect_place_and_org_names()
        assert _same(posseg_hmm._model(), posseg_hmm._Model())
        assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == sorted(e[0] for e in ENTRIES)
    finally:
        for function in functions:
            function.cache_clear()


def test_a_changed_source_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("一\n", encoding="utf-8")
    count = lambda: len(source.read_text(encoding="utf-8").split())  # noqa: E731
    assert cache.derived("count", count, [source]) == 1
    source.write_text("一\n二\n", encoding="utf-8")
    cache.file_hash.cache_clear()  # a new process: the source is hashed again
    assert cache.derived("count", count, [source]) == 2
    assert cache.derived("count", _fail, [source]) == 2


def test_a_damaged_entry_is_derived_again_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    assert cache.derived("answer", lambda: 42, []) == 42
    (entry,) = tmp_path.glob("answer-*.pickle")
    entry.write_bytes(pickle.dumps(42)[:-3])  # cut short, as by a full disk
    assert cache.derived("answer", lambda: 43, []) == 43
    assert cache.derived("answer", _fail, []) == 43
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    tmp_path.chmod(0o500)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    try:
        assert cache.derived("answer", lambda: 42, []) == 42
    finally:
        tmp_path.chmod(0o700)


def test_a_file_in_the_way_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker))
    assert cache.derived("answer", lambda: 42, []) == 42
    assert cache.derived("answer", lambda: 43, []) == 43  # nothing was stored


def test_off_derives_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, cache.OFF)
    calls = []
    for _ in range(2):
        cache.derived("answer", lambda: calls.append(1) or len(calls), [])
    assert calls == [1, 1]


def test_only_the_newest_entries_of_a_name_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    for version in range(cache.KEEP + 2):
        source.write_text(str(version), encoding="utf-8")
        cache.file_hash.cache_clear()
        cache.derived("version", lambda: version, [source])  # noqa: B023 - called at once
    assert len(list((tmp_path / "cache").glob("version-*.pickle"))) == cache.KEEP
    assert cache.derived("version", _fail, [source]) == cache.KEEP + 1
