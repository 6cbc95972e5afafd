"""What the last complete run read and wrote, so that the next one knows what changed.

``OUT/.cache/manifest.json`` lists every input (relative path, sha256, size,
modification time, metadata date), the settings key, the format, and every
file the run wrote with its size and modification time.  It is written last,
after the tables: a run killed before that leaves the previous manifest, which
no longer matches the tables' times, so the next run assembles again.

A file whose size and modification time are the manifest's is not read again
(its recorded hash stands), unless it was modified within :data:`RACY_NS` of
the manifest being written: a second edit in the same clock tick would keep
both, so such a file is hashed (git's "racily clean" rule).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.output import write_json

MANIFEST = "manifest.json"
VERSION = 1
#: coarser than any file system's clock (FAT: 2 s)
RACY_NS = 3_000_000_000


class Input(NamedTuple):
    doc_id: str
    relative: str  # path relative to the corpus, with /
    path: Path
    size: int
    mtime_ns: int
    metadata_date: dt.date | None
    sha256: str | None  # None: the file could not be read


class Manifest(NamedTuple):
    settings: str
    format: str
    written_ns: int
    inputs: dict[str, list[Any]]  # relative -> [sha256, size, mtime_ns, metadata date]
    outputs: dict[str, list[int]]  # file name in OUT -> [size, mtime_ns]
    errors: list[list[str]]  # [relative path, reason] of failed documents
    rows: dict[str, int]
    installed: dict[str, Any] | None = None  # settings.installed() of the run: versions and their stamp

    def unchanged(self, settings: str, output_format: str, inputs: list[Input], out: Path) -> bool:
        """The same settings, format and inputs as this manifest's run, and its tables as it left them."""
        if self.settings != settings or self.format != output_format or len(inputs) != len(self.inputs):
            return False
        for item in inputs:
            recorded = self.inputs.get(item.relative)
            if item.sha256 is None or recorded is None or recorded[0] != item.sha256 or recorded[3] != _iso(item.metadata_date):
                return False
        return all(_stat(out / name) == tuple(stat) for name, stat in self.outputs.items())


def load(cache: Path) -> Manifest | None:
    """The last complete run's manifest, or None (none yet, or unreadable: then everything is checked)."""
    try:
        data = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
        if data.pop("version") != VERSION:
            return None
        return Manifest(**data)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save(cache: Path, manifest: Manifest) -> None:
    write_json(cache / MANIFEST, {"version": VERSION, **manifest._asdict()})


def build(
    settings: str, output_format: str, inputs: list[Input], retry: set[str], out: Path, written: list[str],
    errors: list[tuple[str, str]], rows: dict[str, int], installed: dict[str, Any] | None = None,
) -> Manifest:
    """The manifest of a run that has just written ``written`` (names in OUT); ``retry``: doc ids whose
    result must not be trusted next time (left out, so that they count as changed)."""
    return Manifest(
        settings, output_format, time.time_ns(),
        {i.relative: [i.sha256, i.size, i.mtime_ns, _iso(i.metadata_date)] for i in inputs if i.doc_id not in retry},
        {name: list(_stat(out / name)) for name in written},
        [list(e) for e in errors], rows, installed,
    )


def scan(paths: list[tuple[str, str, Path]], metadata: dict[str, dt.date], previous: Manifest | None) -> list[Input]:
    """Every input with its hash: from the previous manifest when size and time say unchanged, else read."""
    known = previous.inputs if previous else {}
    racy_after = (previous.written_ns if previous else 0) - RACY_NS
    inputs = []
    for doc_id, relative, path in paths:
        try:
            stat = path.stat()
        except OSError:
            inputs.append(Input(doc_id, relative, path, 0, 0, metadata.get(doc_id), None))
            continue
        recorded = known.get(relative)
        if recorded and recorded[0] and recorded[1:3] == [stat.st_size, stat.st_mtime_ns] and stat.st_mtime_ns < racy_after:
            sha256 = recorded[0]
        else:
            sha256 = file_sha256(path)
        inputs.append(Input(doc_id, relative, path, stat.st_size, stat.st_mtime_ns, metadata.get(doc_id), sha256))
    return inputs


def file_sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def remove_previous_outputs(out: Path, previous: Manifest | None, written: list[str]) -> None:
    """Files the last run wrote that this one did not (the other format's tables)."""
    for name in (previous.outputs if previous else {}):
        if name not in written:
            (out / name).unlink(missing_ok=True)
