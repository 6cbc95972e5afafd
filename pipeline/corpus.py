"""Finding and reading the corpus: files, ids, encodings, and per-document metadata.

Newspaper archives hand over text in whatever encoding their OCR wrote:
UTF-8 with or without BOM, GB18030 (the superset of GBK and GB2312), UTF-16
with or without a BOM.  A file that is none of these, or is not text at all, is
an error for that file alone, with a reason a person can act on.

>>> decode("中文".encode("gb18030"))
('中文', 'gb18030')
>>> decode(b"\\xef\\xbb\\xbf" + "中文".encode())
('中文', 'utf-8-sig')
>>> decode("标题\\n正文。\\n".encode("utf-16-le"))  # no BOM: the NUL bytes of its line breaks say which half
('标题\\n正文。\\n', 'utf-16-le')
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
pipeline.corpus.UnreadableDocument: binary file (PNG image), not text
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from functools import cache
from pathlib import Path

#: magic numbers of files that end up in text folders by mistake
BINARY_SIGNATURES = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "legacy Office document",
}
BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
#: share of a UTF-16 text without BOM that must be characters a page is written in (Han, kana and
#: hangul, CJK and full-width punctuation, ASCII): bytes of another kind read as UTF-16 give mostly others
MIN_UTF16_SCRIPT_SHARE = 0.9
#: share of control characters above which decoded bytes are not text
MAX_CONTROL_SHARE = 0.01
#: a few stray control characters are text whatever the file's length
MIN_CONTROL_COUNT = 5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: terminal colour codes, which a file piped through a terminal carries (not binary content)
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
METADATA_FILE = "metadata.csv"
TEXT_SUFFIX = ".txt"


class UnreadableDocument(Exception):
    """A document that cannot be decoded to text; the message is the reason."""


def find_documents(root: Path) -> list[Path]:
    """Every ``.txt`` file (``.TXT`` too, as archives from Windows name them) under ``root``,
    recursively, in a stable order; hidden files and folders skipped, links to files followed,
    links to folders not (as ``Path.rglob``).  Walked with
    ``os.scandir``, whose entries know their kind without a ``stat``: a rerun with nothing to do
    spends its time here."""
    found: list[tuple[str, ...]] = []
    folders: list[tuple[str, ...]] = [()]
    while folders:
        parts = folders.pop()
        with os.scandir(os.path.join(root, *parts)) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append((*parts, entry.name))
                elif _is_text_name(entry.name) and entry.is_file():
                    found.append((*parts, entry.name))
    return [root.joinpath(*parts) for parts in sorted(found)]


def _is_text_name(name: str) -> bool:
    """A document's name: ``.txt`` in any case (archives from Windows write ``.TXT``)."""
    return name[-len(TEXT_SUFFIX):].lower() == TEXT_SUFFIX


def doc_id_for(path: Path, root: Path) -> str:
    """The path relative to the corpus folder, without ``.txt``, with ``/``."""
    return path.relative_to(root).with_suffix("").as_posix()


def decode(data: bytes) -> tuple[str, str]:
    """Decoded text and the encoding used; raises :class:`UnreadableDocument` with the reason."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableDocument(f"binary file ({kind}), not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as e:
                raise UnreadableDocument(f"not valid {encoding} despite its byte-order mark: {e.reason} at byte {e.start}") from None
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            return _checked(data.decode(encoding)), encoding
        if data.count(0) >= MIN_CONTROL_COUNT and data.count(0) > MAX_CONTROL_SHARE * len(data):
            raise UnreadableDocument("binary file (contains NUL bytes), not text")
    for encoding in ("utf-8", "gb18030"):  # a stray NUL or two in a text file is a control character
        try:
            return _checked(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    if b"\x00" in data:
        raise UnreadableDocument("binary file (contains NUL bytes), not text")
    raise UnreadableDocument("undecodable bytes: neither UTF-8 nor GB18030")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text written without a byte-order mark, else None.

    Its NUL bytes are mostly the high halves of ASCII characters (line breaks, digits), on odd
    offsets (little-endian) or even ones (big-endian); but 一 (U+4E00) and the ideographic space
    (U+3000) have a NUL low half, on the other side.  So the side with more NULs is tried first,
    then the other; the decoded text must be mostly characters a page is written in, which
    binary data read as UTF-16 is not.

    >>> _utf16_without_bom("第1版\\n".encode("utf-16-be")), _utf16_without_bom(b"\\x00\\x01\\x02\\x00")
    ('utf-16-be', None)
    >>> _utf16_without_bom("　　一九九八年一月一日\\n".encode("utf-16-le"))
    'utf-16-le'
    """
    if len(data) % 2:
        return None
    little_first = data[1::2].count(0) >= data[0::2].count(0)
    for encoding in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_page_character().findall(text)) >= MIN_UTF16_SCRIPT_SHARE * len(text):
            return encoding
    return None


@cache
def _page_character():
    """A character a page is written in; compiled on first use, as ``regex`` (for ``\\p{Han}``) is imported only
    here: the run's own process finds the documents without decoding any, and importing regex was a quarter
    of a rerun with nothing to do."""
    import regex

    return regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\s]")


def _checked(text: str) -> str:
    """Text with a few control characters or terminal colour codes is text (repair removes them).

    >>> _checked("\\x1b[31m红色\\x1b[0m的标题，正文。")
    '\\x1b[31m红色\\x1b[0m的标题，正文。'
    """
    controls = len(_CONTROL.findall(_ESCAPE_SEQUENCE.sub("", text)))
    if controls >= MIN_CONTROL_COUNT and controls > MAX_CONTROL_SHARE * len(text):
        raise UnreadableDocument("binary content (control characters), not text")
    return text


def read_metadata(root: Path) -> dict[str, dt.date]:
    """Publication dates from ``metadata.csv`` beside the articles (columns doc_id, date; more allowed)."""
    path = root / METADATA_FILE
    if not path.is_file():
        return {}
    dates: dict[str, dt.date] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            doc_id, date = (row.get("doc_id") or "").strip(), (row.get("date") or "").strip()
            if not doc_id or not date:
                continue
            try:
                dates[doc_id[: -len(TEXT_SUFFIX)] if _is_text_name(doc_id) else doc_id] = dt.date.fromisoformat(date)
            except ValueError:
                raise ValueError(f"{path}: row for {doc_id!r}: date {date!r} is not YYYY-MM-DD") from None
    return dates
