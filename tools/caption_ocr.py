"""Photo captions and credits found on tesseract's text of the repair harness's 1998 pages.

Each drawn page (:mod:`pipeline.evaluate.ocr_pages`) holds photo captions and their credits
(``…摄``) as blocks of their own.  A page's OCR text goes through a whole document's
processing; per page, the captions found are the paragraphs of kind ``caption`` and the
credits found the photographer rows, each counted up to the number drawn.  Both halves are
printed: days 1-5 (``dev``) is where the caption and credit repairs were written, days 6-10
(``test``) is only measured.

    PIPELINE_OCR_CACHE=/work/repair/build/ocr python tools/caption_ocr.py [--pages 60] [--layout 2]
"""

from __future__ import annotations

import argparse

from pipeline.document import process
from pipeline.evaluate.ocr_pages import ocr_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="pages per half (default: 60)")
    parser.add_argument("--layout", type=int, default=1, help="the pages' layout (default: 1)")
    args = parser.parse_args()
    for split, half in (("dev", "days 1-5"), ("test", "days 6-10")):
        drawn_captions = drawn_credits = captions = credits = 0
        for page in ocr_pages(split, args.pages, layout=args.layout):
            kinds = [block.kind for block in page.blocks]
            rows = process(page.page_id, f"{page.page_id}.txt", page.ocr_text.encode("utf-8"), None, None)
            found_captions = sum(1 for row in rows["paragraphs"] if row["kind"] == "caption")
            found_credits = sum(1 for row in rows["credits"] if row["role"] == "photographer")
            drawn_captions += kinds.count("caption")
            drawn_credits += kinds.count("credit")
            captions += min(kinds.count("caption"), found_captions)
            credits += min(kinds.count("credit"), found_credits)
        print(f"{half}: captions with their kind {captions}/{drawn_captions}, photo credits {credits}/{drawn_credits}")


if __name__ == "__main__":
    main()
