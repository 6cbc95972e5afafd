"""Processed documents, stored: each document's rows of every table as CSV lines, in packs of a batch.

A document's fragment is a magic line, one JSON line (doc id, status,
characters, and each table's row count and byte length), then the tables'
lines one table after the other; the byte lengths let a reader slice it and
prove it whole.  Its key (bytes, identity, metadata date and run settings)
names it, so a changed file gets a new fragment and an unchanged one is found
again.

A worker stores the fragments of one batch of documents in one file, a pack
(a magic line, one JSON line of its members' keys and byte lengths, then the
members), written through a temporary file and a rename, so it is either whole
or absent whatever kills the run: creating a file cost about as much CPU as
storing a short article's rows, so one per document was a tenth of a run.  A
document is found by its key in the :func:`index` of the packs (a run reads
their headers, not the members); packs no live document needs are deleted, and
a pack some of whose members are not needed any more is rewritten with the
others (:func:`prune`), so the store holds what the tables hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections import OrderedDict
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.output import TABLES, render_rows

MAGIC = b"pipeline-fragment 1\n"
PACK_MAGIC = b"pipeline-pack 1\n"
SUFFIX = ".frag"
#: bytes read to find a pack's header line (more when it is longer)
HEADER_READ = 4096
#: packs a :class:`Reader` keeps open at most (an eighth of the usual limit of 1,024 open files)
OPEN_PACKS = 128


class Fragment(NamedTuple):
    doc_id: str
    status: str  # ok | error
    error: str
    n_chars: int
    tables: dict[str, tuple[int, bytes]]  # table -> (rows, CSV lines)


class Location(NamedTuple):
    """Where a document's fragment is stored: its pack (relative to the store) and its bytes there."""

    pack: str
    offset: int
    length: int


class BadFragment(Exception):
    """A fragment that is not whole (a disk that lost data): the document is processed again."""


def document_key(sha256: str, doc_id: str, relative: str, metadata_date: str | None, settings: str) -> str:
    """A document's key in the store: its content, identity, metadata date and the run's settings."""
    return hashlib.sha256(f"{sha256}|{doc_id}|{relative}|{metadata_date}|{settings}".encode()).hexdigest()


def pack_path(store: Path, keys: list[str]) -> Path:
    """A pack's file, named by its members' keys, in 256 folders (``ab/abcd….frag``): a million documents
    in packs of 16 stay a few hundred files per folder."""
    name = hashlib.sha256("\n".join(keys).encode()).hexdigest()
    return store / name[:2] / f"{name}{SUFFIX}"


def encode(doc_id: str, rows: dict[str, list[dict[str, Any]]]) -> bytes:
    """A document's rows (from :func:`pipeline.document.process`) as fragment bytes."""
    document = rows["documents"][0]
    bodies = {table: render_rows(table, rows.get(table, [])).encode("utf-8") for table in TABLES}
    header = {
        "doc_id": doc_id,
        "status": document["status"],
        "error": document["error"],
        "n_chars": document["n_chars"],
        "tables": [[table, len(rows.get(table, [])), len(body)] for table, body in bodies.items()],
    }
    return b"".join([MAGIC, json.dumps(header, ensure_ascii=False).encode("utf-8"), b"\n", *bodies.values()])


def decode(data: bytes, where: Path | str = "fragment") -> Fragment:
    """Parse fragment bytes; :class:`BadFragment` if they are not whole or not of this version."""
    if not data.startswith(MAGIC):
        raise BadFragment(f"{where}: not a fragment of this version")
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        raise BadFragment(f"{where}: truncated")
    try:
        header = json.loads(data[len(MAGIC):end])
        layout = [(str(t), int(n), int(size)) for t, n, size in header["tables"]]
    except (ValueError, KeyError, TypeError) as e:
        raise BadFragment(f"{where}: unreadable header ({e})") from None
    if end + 1 + sum(size for _, _, size in layout) != len(data):
        raise BadFragment(f"{where}: truncated")
    if [t for t, _, _ in layout] != list(TABLES):
        raise BadFragment(f"{where}: written for other tables")
    tables, pos = {}, end + 1
    for table, n, size in layout:
        tables[table] = (n, data[pos:pos + size])
        pos += size
    return Fragment(header["doc_id"], header["status"], header["error"], header["n_chars"], tables)


def read(store: Path, location: Location) -> Fragment:
    """The fragment stored at ``location``; :class:`BadFragment` if it is missing or not whole."""
    path = store / location.pack
    try:
        data = _member_bytes(store, location)
    except OSError as e:
        raise BadFragment(f"{path}: {e.strerror}") from None
    return decode(data, path)


class Reader:
    """Reads fragments one after another, keeping up to :data:`OPEN_PACKS` packs open (the one read least
    recently is closed first): the tables are assembled in doc_id order, which goes from pack to pack (a pack
    holds a batch, largest documents first), and opening the pack again for each document was half the CPU
    of reading them."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self._open: OrderedDict[str, Any] = OrderedDict()  # pack -> its file, most recently read last

    def read(self, location: Location) -> Fragment:
        """As :func:`read`; a pack a fragment is not whole in is closed, so that it is opened anew when it is
        read again (the document processed again may be stored under the same pack name)."""
        path = self.store / location.pack
        try:
            f = self._file(location.pack)
            f.seek(location.offset)
            return decode(f.read(location.length), path)
        except OSError as e:
            self._close(location.pack)
            raise BadFragment(f"{path}: {e.strerror}") from None
        except BadFragment:
            self._close(location.pack)
            raise

    def _file(self, pack: str) -> Any:
        f = self._open.pop(pack, None)
        if f is None:
            if len(self._open) >= OPEN_PACKS:
                self._open.popitem(last=False)[1].close()
            f = open(self.store / pack, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._open[pack] = f
        return f

    def _close(self, pack: str) -> None:
        f = self._open.pop(pack, None)
        if f is not None:
            f.close()

    def close(self) -> None:
        for f in self._open.values():
            f.close()
        self._open.clear()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_pack(store: Path, members: list[tuple[str, bytes]]) -> dict[str, Location]:
    """Store (key, fragment bytes) of a batch of documents in one pack; where each one is."""
    keys = [key for key, _ in members]
    path = pack_path(store, keys)
    header = PACK_MAGIC + json.dumps([[key, len(blob)] for key, blob in members]).encode() + b"\n"
    write(path, b"".join([header, *(blob for _, blob in members)]))
    return _locate(store, path, len(header), [(key, len(blob)) for key, blob in members])


class Stored(NamedTuple):
    """What the store holds: where each document is read from, and each pack's members (read from the
    packs' headers once per run, by the plan, and kept up to date with the packs the run writes, so that
    :func:`prune` needs no second reading of them)."""

    locations: dict[str, Location]  # key -> where it is read from (of two packs holding it, the later in file order)
    packs: dict[str, list[str]]  # pack (relative to the store) -> its members' keys, in file order

    def add(self, key: str, location: Location) -> None:
        """A document just stored (it is read from there from now on)."""
        self.locations[key] = location
        members = self.packs.setdefault(location.pack, [])
        if key not in members:
            members.append(key)


def index(store: Path, headers: bool = True) -> Stored:
    """Every pack of the store with its members, from the packs' headers (a pack whose header is
    unreadable holds none); ``headers=False``: the packs alone, none of them read (a fresh run reuses
    nothing, it only needs to know what to prune)."""
    stored = Stored({}, {})
    if not store.is_dir():
        return stored
    for path in sorted(store.glob(f"*/*{SUFFIX}")):
        pack = str(path.relative_to(store))
        stored.packs[pack] = []
        for key, location in (_members(store, path) if headers else {}).items():
            stored.add(key, location)
    return stored


def _members(store: Path, path: Path) -> dict[str, Location]:
    try:
        with open(path, "rb") as f:
            head = f.read(HEADER_READ)
            while b"\n" not in head[len(PACK_MAGIC):] and (more := f.read(HEADER_READ)):
                head += more
    except OSError:
        return {}
    end = head.find(b"\n", len(PACK_MAGIC))
    if not head.startswith(PACK_MAGIC) or end < 0:
        return {}
    try:
        members = [(str(key), int(length)) for key, length in json.loads(head[len(PACK_MAGIC):end])]
    except (ValueError, TypeError):
        return {}
    return _locate(store, path, end + 1, members)


def _locate(store: Path, path: Path, offset: int, members: list[tuple[str, int]]) -> dict[str, Location]:
    """Where each (key, byte length) member of the pack at ``path`` is, its first one at ``offset``."""
    pack, locations = str(path.relative_to(store)), {}
    for key, length in members:
        locations[key] = Location(pack, offset, length)
        offset += length
    return locations


def prune(store: Path, live: set[str], stored: Stored) -> None:
    """Delete the packs no live document is read from; rewrite a pack that holds others too (removed or
    changed files, other settings, a document stored again) with its live members, then delete it.
    ``stored`` is the run's :func:`index` with what it stored since; a kill in between leaves a document
    in two whole packs, which the next run's prune resolves."""
    needed: dict[str, set[str]] = {}
    for key in live:
        needed.setdefault(stored.locations[key].pack, set()).add(key)
    for pack, members in sorted(stored.packs.items()):
        path = store / pack
        if pack in needed and all(key in live and stored.locations[key].pack == pack for key in members):
            continue
        if pack in needed:
            kept = [(key, _member_bytes(store, stored.locations[key])) for key in members if key in needed[pack]]
            if pack_path(store, [key for key, _ in kept]) == path:
                continue
            write_pack(store, kept)
        path.unlink(missing_ok=True)


def _member_bytes(store: Path, location: Location) -> bytes:
    with open(store / location.pack, "rb") as f:
        f.seek(location.offset)
        return f.read(location.length)


def write(path: Path, data: bytes) -> None:
    """Atomically: a temporary name in the same folder, then a rename (no fsync: a killed
    process loses nothing the kernel has; a pack a power cut truncated fails :func:`decode`).
    The folder is made when the first pack in it finds it missing, not asked for at every write."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")  # unique across hosts
    try:
        try:
            f = open(tmp, "wb")  # noqa: SIM115 - closed just below
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            f = open(tmp, "wb")  # noqa: SIM115
        with f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_temporary(store: Path) -> None:
    """Temporary files of workers that were killed mid-write (called while the run holds the lock)."""
    if store.is_dir():
        for tmp in store.glob("*/.*.tmp"):
            tmp.unlink(missing_ok=True)
