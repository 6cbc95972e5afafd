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
    for key, location in fragments.index(store).items():
        by_pack.setdefault(location.pack, []).append(key)
    return sorted(sorted(keys) for keys in by_pack.values())


def test_every_member_of_a_pack_is_found_by_its_key_and_read_whole(tmp_path: Path):
    written = _store(tmp_path, "abc", "d")
    assert fragments.index(tmp_path) == written
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
    written = _store(tmp_path, "ab")
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "zz.frag").write_bytes(b"pipeline-pack 1\n[[\"c\", oops\n")
    assert set(fragments.index(tmp_path)) == {"a", "b"}
    fragments.prune(tmp_path, {"a", "b"}, written)
    assert _packed(tmp_path) == [["a", "b"]]


def test_prune_keeps_only_what_live_documents_are_read_from(tmp_path: Path):
    old = _store(tmp_path, "abc", "de", "f")
    new = _store(tmp_path, "bg")  # b stored again by a later run: that one is read
    locations = {**old, **new}
    fragments.prune(tmp_path, {"a", "b", "d", "e", "g"}, locations)
    # abc lost c (removed) and b (read from elsewhere): rewritten as a; de whole; f deleted
    assert _packed(tmp_path) == [["a"], ["b", "g"], ["d", "e"]]
    kept = fragments.index(tmp_path)
    assert all(fragments.read(tmp_path, kept[key]).doc_id == key for key in kept)
    assert not list(tmp_path.glob("*/.*.tmp"))
