"""1998 articles drawn as newspaper pages and read back by tesseract: real OCR output to test on.

``ocr_pages(split, n)`` gives ``n`` pages of one half of the 1998 data: ``dev``
(days 1–5, where errors are read) or ``test`` (days 6–10, where figures are
measured).  Each :class:`OcrPage` holds the 1998 paragraph ids it drew, the
drawn text as blocks in reading order (the ground truth), and tesseract's
text.  Pages are drawn by :mod:`pipeline.evaluate.ocr_render` and cached with
their OCR text outside the repository (``build/ocr/`` or ``$PIPELINE_OCR_CACHE``),
so the 1998 text never enters git and tesseract runs once per page.

Needs Debian's ``tesseract-ocr``, ``tesseract-ocr-chi-sim`` and
``fonts-noto-cjk``, and Pillow: :func:`missing_tools` names what is absent
(tests skip with that reason).

The article chosen for a page, and everything random about how it is drawn,
depend only on the split, the article id and :data:`RENDER_VERSION`.  ``layout``
draws the same articles again with other random layouts (columns, photo, blur):
a rule that holds on layout 1 only has learned the pages, not the engine.

>>> split_days("dev"), split_days("test")
(('19980101', '19980105'), ('19980106', '19980110'))
>>> split_caption("江边的新年灯会。（新华社记者王五摄）")
('江边的新年灯会。', '（新华社记者王五摄）')
>>> split_caption("（新华社记者王五摄）") is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from pipeline.evaluate import pfr
from pipeline.evaluate.damage import is_heading, looks_like_caption
from pipeline.evaluate.ocr_render import BODY_FONT, TITLE_FONT, DrawnBlock, find_font, render_page
from pipeline.repair.width import fold_width

#: bump when drawing changes, so cached pages are drawn and read again
RENDER_VERSION = 1
SPLITS = {"dev": ("19980101", "19980105"), "test": ("19980106", "19980110")}
#: articles drawn: long enough for columns, short enough for one page
MIN_CHARS, MAX_CHARS = 300, 2200
#: share of pages with a photo, its caption and credit
PHOTO_SHARE = 0.75
TESSERACT_ARGS = ("-l", "chi_sim", "--psm", "3")
_CAPTION = regex.compile(r"^(.{8,}?)(（[^（）]{2,16}摄）)$")


class OcrPage(NamedTuple):
    """One drawn page: what was drawn (blocks in reading order) and what tesseract read."""

    page_id: str  # the article id, ``YYYYMMDD-PP-AAA``
    paragraph_ids: list[str]  # 1998 ids of the paragraphs drawn (a caption may come from another article)
    blocks: list[DrawnBlock]
    ocr_text: str

    @property
    def truth(self) -> str:
        """The drawn text, blocks separated by a blank line (as repair joins its blocks)."""
        return "\n\n".join(b.text for b in self.blocks)


def split_days(split: str) -> tuple[str, str]:
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: use one of {', '.join(SPLITS)}")
    return SPLITS[split]


def split_caption(text: str) -> tuple[str, str] | None:
    """A 1998 photo caption cut into its text and its credit, or None if it has no credit."""
    m = _CAPTION.match(text)
    return (m.group(1), m.group(2)) if m else None


def missing_tools() -> str | None:
    """Why pages cannot be drawn and read here, or None when everything is installed."""
    try:
        import PIL  # noqa: F401
    except ImportError:
        return "Pillow is not installed (pip install -e '.[dev]')"
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    if "chi_sim" not in _tesseract_languages():
        return "tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)"
    for spec in (BODY_FONT, TITLE_FONT):
        if find_font(spec[0]) is None:
            return f"font {spec[0]} is not installed (apt-get install fonts-noto-cjk)"
    if not pfr.dev_path().is_file():
        return f"the 1998 corpus is not at {pfr.dev_path()}"
    return None


@lru_cache(maxsize=1)
def _tesseract_languages() -> tuple[str, ...]:
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return tuple(line.strip() for line in out.stdout.splitlines()[1:])


def cache_dir() -> Path:
    env = os.environ.get("PIPELINE_OCR_CACHE")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "build" / "ocr"


def _stable_order(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def _paragraphs(records: list[dict]) -> list[tuple[str, str]]:
    return [(r["id"], fold_width(r["text"]).strip()) for r in records if r["text"].strip()]


def choose_articles(split: str, n: int, path: Path | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """``n`` articles of the split (no photo caption of their own), in a fixed pseudo-random order."""
    first, last = split_days(split)
    candidates = []
    for article, records in pfr.read_articles(path or pfr.dev_path()):
        if not first <= article[:8] <= last:
            continue
        paragraphs = _paragraphs(records)
        size = sum(len(t) for _, t in paragraphs)
        if len(paragraphs) >= 3 and MIN_CHARS <= size <= MAX_CHARS and not any(looks_like_caption(t) for _, t in paragraphs):
            candidates.append((article, paragraphs))
    candidates.sort(key=lambda a: _stable_order(f"{RENDER_VERSION}:{a[0]}"))
    return candidates[:n]


def caption_pool(split: str, path: Path | None = None) -> list[tuple[str, str, str]]:
    """(paragraph id, caption, credit) for every 1998 photo caption of the split that names its photographer."""
    first, last = split_days(split)
    pool = []
    for article, records in pfr.read_articles(path or pfr.dev_path()):
        if first <= article[:8] <= last:
            for pid, text in _paragraphs(records):
                cut = split_caption(text)
                if cut and len(cut[0]) <= 120:
                    pool.append((pid, *cut))
    return pool


def draw_article(article: str, paragraphs: list[tuple[str, str]], captions: list[tuple[str, str, str]], layout: int = 1):
    """The page for one article (seeded by its id, and the layout number past the first)."""
    rng = random.Random(f"{RENDER_VERSION}:{article}" if layout == 1 else f"{RENDER_VERSION}:{layout}:{article}")
    (title_id, title_text), rest = paragraphs[0], paragraphs[1:]
    title = DrawnBlock("title", title_text, title_id)
    body = [DrawnBlock("heading" if is_heading(t) else "body", t, pid) for pid, t in rest]
    caption = None
    if captions and rng.random() < PHOTO_SHARE:
        pid, text, credit = rng.choice(captions)
        caption = (DrawnBlock("caption", text, pid), DrawnBlock("credit", credit, pid))
    return render_page(title, body, caption, rng)


def read_with_tesseract(image) -> str:
    """Tesseract's text for a page image (one thread: the machine is shared)."""
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        out = subprocess.run(
            ["tesseract", str(png), "stdout", *TESSERACT_ARGS], capture_output=True, env=env, check=True
        )
    return out.stdout.decode("utf-8")


def _load(path: Path) -> OcrPage | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("render_version") != RENDER_VERSION:
        return None
    return OcrPage(data["page_id"], data["paragraph_ids"], [DrawnBlock(*b) for b in data["blocks"]], data["ocr_text"])


def _save(path: Path, page: OcrPage, image) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path.with_suffix(".png"))
    data = {"render_version": RENDER_VERSION, **page._asdict(), "blocks": [list(b) for b in page.blocks]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def iter_ocr_pages(split: str, n: int, cache: Path | None = None, layout: int = 1) -> Iterator[OcrPage]:
    """Pages one at a time, drawn and read only when not cached already."""
    if layout < 1:
        raise ValueError(f"layout {layout}: layouts are numbered from 1")
    cache = cache or cache_dir()
    captions: list | None = None
    folder = split if layout == 1 else f"{split}-layout{layout}"
    for article, paragraphs in choose_articles(split, n):
        path = cache / folder / f"{article}.json"
        page = _load(path)
        if page is None:
            reason = missing_tools()
            if reason:
                raise RuntimeError(f"cannot draw OCR pages: {reason}")
            if captions is None:
                captions = caption_pool(split)
            drawn = draw_article(article, paragraphs, [c for c in captions if pfr.article_id(c[0]) != article], layout)
            ids = list(dict.fromkeys(b.paragraph_id for b in drawn.blocks))
            page = OcrPage(article, ids, drawn.blocks, read_with_tesseract(drawn.image))
            _save(path, page, drawn.image)
        yield page


def ocr_pages(split: str, n: int, cache: Path | None = None, layout: int = 1) -> list[OcrPage]:
    """``n`` pages of the ``dev`` (days 1–5) or ``test`` (days 6–10) half, tesseract's text included.

    Raises RuntimeError naming what is missing when a page is not cached and
    cannot be drawn and read here (see :func:`missing_tools`).
    """
    return list(iter_ocr_pages(split, n, cache, layout))
