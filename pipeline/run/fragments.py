"""One file per processed document: its rows of every table, as CSV lines in the tables' order.

A fragment is written by the worker that processed the document, through a
temporary file and a rename, so it is either whole or absent whatever kills
the run.  Its name is the document's key (bytes, identity, metadata date and
run settings), so a changed file gets a new fragment and an unchanged one is
found again.  Layout: a magic line, one JSON line (doc id, status, characters,
and each table's row count and byte length), then the tables' lines one table
after the other.  The byte lengths let a reader slice it and prove it whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.output import TABLES, render_rows

MAGIC = b"pipeline-fragment 1\n"
SUFFIX = ".frag"


class Fragment(NamedTuple):
    doc_id: str
    status: str  # ok | error
    error: str
    n_chars: int
    tables: dict[str, tuple[int, bytes]]  # table -> (rows, CSV lines)


class BadFragment(Exception):
    """A fragment that is not whole (a disk that lost data): the document is processed again."""


def document_key(sha256: str, doc_id: str, relative: str, metadata_date: str | None, settings: str) -> str:
    """The name of a document's fragment: its content, identity, metadata date and the run's settings."""
    return hashlib.sha256(f"{sha256}|{doc_id}|{relative}|{metadata_date}|{settings}".encode()).hexdigest()


def fragment_path(store: Path, key: str) -> Path:
    """Two-level folders (``ab/abcd….frag``): a million documents stay a thousand files per folder."""
    return store / key[:2] / f"{key}{SUFFIX}"


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


def read(path: Path) -> Fragment:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadFragment(f"{path}: {e.strerror}") from None
    return decode(data, path)


def write(path: Path, data: bytes) -> None:
    """Atomically: a temporary name in the same folder, then a rename (no fsync: a killed
    process loses nothing the kernel has; a fragment a power cut truncated fails :func:`decode`).
    The folder is made when the first fragment in it finds it missing, not asked for at every write."""
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
