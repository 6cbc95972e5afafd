"""The 1998 articles written out as text files, the way an archive hands a corpus over.

Tests and the batch benchmark write them at run time into a temporary folder
(the corpus is research data: never into the repository).  One file per
article, ``YYYYMMDD/PP-AAA.txt``, its paragraphs joined by blank lines; with
``copies`` > 1 the whole set again under ``copy2/``, ``copy3/`` … (the same
text under other ids: a corpus of that many times the size).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pipeline.evaluate.pfr import dev_path, read_articles


class Written(NamedTuple):
    files: int
    characters: int
    size: int  # bytes


def write_articles(folder: Path, every: int = 1, copies: int = 1, path: Path | None = None) -> Written:
    """Write every ``every``-th article of the 1998 corpus under ``folder`` (``copies`` times)."""
    files = characters = size = 0
    for index, (article, paragraphs) in enumerate(read_articles(path or dev_path())):
        if index % every:
            continue
        day, rest = article.split("-", 1)
        text = "\n\n".join(p["text"] for p in paragraphs) + "\n"
        data = text.encode("utf-8")
        for copy in range(1, copies + 1):
            target = folder / (f"copy{copy}" if copy > 1 else "") / day / f"{rest}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            files += 1
            characters += len(text)
            size += len(data)
    return Written(files, characters, size)
