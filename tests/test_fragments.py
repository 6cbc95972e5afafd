"""The fragment store: a batch's documents in one pack, found by key, pruned to what the tables hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.document import failed
from pipeline.run import fragments
from pipeline.run.fragments import BadFragment


def _blob(doc_id: str) -> bytes:
    return fragments.encode(doc_id, failed(doc_id, f"{doc_id}.txt", b"", f"reason of {doc_id}"))


def _store(store: Path, *batches: str) -> dict[str, fragments.Location]:
    """One pack per batch of single-letter keys ("abc": the documents a, b and c)."""
    locations = {}
    for batch in batches:
        locations.update(fragments.write_pack(store, [(key, _blob(key)) for key in batch]))
    return locations


def _packed(store: Path) -> list[list[str]]:
    """The keys each pack holds, packs in file order."""
    by_pack: dict[str, list[str]] = {}
    for key, location in fragments.index(store).locations.items():
        by_pack.setdefault(location.pack, []).append(key)
    return sorted(sorted(keys) for keys in by_pack.values())


def test_every_member_of_a_pack_is_found_by_its_key_and_read_whole(tmp_path: Path):
    written = _store(tmp_path, "abc", "d")
    assert fragments.index(tmp_path).locations == written
    assert len(list(tmp_path.glob("*/*.frag"))) == 2
    for key in "abcd":
        fragment = fragments.read(tmp_path, written[key])
        assert (fragment.doc_id, fragment.error) == (key, f"reason of {key}")


def test_a_truncated_pack_loses_its_last_member_only(tmp_path: Path):
    written = _store(tmp_path, "abc")
    path = tmp_path / written["a"].pack
    path.write_bytes(path.read_bytes()[:-10])  # as a power cut could leave it
    assert fragments.read(tmp_path, written["b"]).doc_id == "b"
    with pytest.raises(BadFragment, match="truncated"):
        fragments.read(tmp_path, written["c"])


def test_a_pack_with_an_unreadable_header_holds_nothing_and_is_pruned(tmp_path: Path):
    _store(tmp_path, "ab")
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "zz.frag").write_bytes(b"pipeline-pack 1\n[[\"c\", oops\n")
    stored = fragments.index(tmp_path)
    assert set(stored.locations) == {"a", "b"}
    assert stored.packs["zz/zz.frag"] == []
    fragments.prune(tmp_path, {"a", "b"}, stored)
    assert _packed(tmp_path) == [["a", "b"]]


def test_prune_keeps_only_what_live_documents_are_read_from(tmp_path: Path):
    _store(tmp_path, "abc", "de", "f")
    stored = fragments.index(tmp_path)  # as a run's plan reads it
    for key, location in _store(tmp_path, "bg").items():  # b stored again by this run: that one is read
        stored.add(key, location)
    fragments.prune(tmp_path, {"a", "b", "d", "e", "g"}, stored)
    # abc lost c (removed) and b (read from elsewhere): rewritten as a; de whole; f deleted
    assert _packed(tmp_path) == [["a"], ["b", "g"], ["d", "e"]]
    kept = fragments.index(tmp_path).locations
    assert all(fragments.read(tmp_path, kept[key]).doc_id == key for key in kept)
    assert not list(tmp_path.glob("*/.*.tmp"))


def test_prune_reads_no_pack_header_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _store(tmp_path, "abc", "de")
    stored = fragments.index(tmp_path)
    monkeypatch.setattr(fragments, "_members", lambda *a: pytest.fail("prune read a pack's header again"))
    fragments.prune(tmp_path, {"a", "d", "e"}, stored)
    monkeypatch.undo()
    assert _packed(tmp_path) == [["a"], ["d", "e"]]


def test_a_fresh_run_prunes_the_packs_it_did_not_read(tmp_path: Path):
    _store(tmp_path, "ab", "c")
    stored = fragments.index(tmp_path, headers=False)
    assert stored.locations == {} and all(members == [] for members in stored.packs.values())
    for key, location in _store(tmp_path, "a").items():  # a processed again by the fresh run
        stored.add(key, location)
    fragments.prune(tmp_path, {"a"}, stored)
    assert _packed(tmp_path) == [["a"]]


def test_a_reader_keeps_a_bounded_number_of_packs_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(fragments, "OPEN_PACKS", 2)
    written = _store(tmp_path, "ab", "c", "d")
    with fragments.Reader(tmp_path) as reader:
        assert [reader.read(written[key]).doc_id for key in "acbdac"] == list("acbdac")
        assert len(reader._open) == 2
        damaged = tmp_path / written["d"].pack
        damaged.write_bytes(damaged.read_bytes()[:-10])  # as a power cut could leave it
        with pytest.raises(BadFragment, match="truncated"):
            reader.read(written["d"])
        again = _store(tmp_path, "d")  # d processed again: the same pack name, a new file
        assert again["d"].pack == written["d"].pack
        assert reader.read(again["d"]).doc_id == "d"
    assert reader._open == {}
