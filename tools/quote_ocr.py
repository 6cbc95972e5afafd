"""Quotes on tesseract's text against quotes on the drawn text of the same 1998 pages.

The OCR pages of the repair harness (:mod:`pipeline.evaluate.ocr_pages`) hold 1998
articles drawn as newspaper pages and read back by tesseract.  Each page's drawn text
and its OCR text are repaired and read for quotes the way a run reads them; a quote of
the drawn text is kept on the OCR text when a quote there has the same speaker and a
text that reads alike (difflib ratio of at least ``SAME_TEXT``: OCR misreads a
character here and there).  The share kept says what OCR costs the quote finder on
pages like the ones the archive teams feed it.  Days 1-5 (``dev``) is the half whose
losses may be read (``--losses``); days 6-10 (``test``) is only measured.

    PIPELINE_OCR_CACHE=/work/repair/build/ocr python tools/quote_ocr.py [--pages 60] [--layout 2]
    PIPELINE_OCR_CACHE=/work/repair/build/ocr python tools/quote_ocr.py --losses   # days 1-5 only
"""

from __future__ import annotations

import argparse
from collections import Counter
from difflib import SequenceMatcher

from quote_coverage import block_quotes

from pipeline.evaluate.ocr_pages import ocr_pages
from pipeline.records import Block, Quote
from pipeline.repair import repair

#: how alike two quote texts read to be one quote (OCR misreads a character in ten or so)
SAME_TEXT = 0.6
#: characters of a quote compared: its opening says which statement it is
COMPARED = 40


def page_quotes(raw: str) -> tuple[list[Quote], list[Block]]:
    """The quotes of a page's text as a run finds them, and the repaired blocks."""
    blocks = repair(raw).blocks
    return block_quotes(blocks), blocks


def _alike(a: str, b: str) -> bool:
    return SequenceMatcher(None, a[:COMPARED], b[:COMPARED], autojunk=False).ratio() >= SAME_TEXT


def kept(drawn: list[Quote], ocr: list[Quote]) -> list[bool]:
    """For each quote of the drawn text, whether the OCR text has it with the same speaker
    (each OCR quote matched once).

    >>> q = lambda speaker, text: Quote(1, 0, len(text), speaker, "", "说", "direct", text, speaker, "person")
    >>> kept([q("李明", "今年的收成很好。"), q("王红", "明年会更好。")], [q("李明", "今年的收戍很好。"), q("王江", "明年会更好。")])
    [True, False]
    """
    free = list(ocr)
    out = []
    for quote in drawn:
        match = next((o for o in free if o.speaker == quote.speaker and _alike(o.text, quote.text)), None)
        if match is not None:
            free.remove(match)
        out.append(match is not None)
    return out


def _loss_class(quote: Quote, ocr: list[Quote], blocks: list[Block]) -> str:
    """Why the OCR text lost a quote, told without reading it: the statement found with another
    speaker, with its boundaries moved, or not found; whether the speaker's name and the quote's
    opening are printed in the OCR text, and in what kind of block the opening stands."""
    texts = [b.text for b in blocks]
    name = "the name printed" if any(quote.speaker in t for t in texts) else "the name misread or lost"
    if any(_alike(o.text, quote.text) for o in ocr):
        return f"found with another speaker, {name}"
    if any(_alike(o.text, quote.text) or _alike(quote.text, o.text[1:]) for o in ocr if o.speaker == quote.speaker):
        return "found, its boundaries moved"
    ratio, before, block = _best_match(texts, quote.text)
    if ratio < SAME_TEXT:
        return f"not found, {name}, its text misread or lost"
    where = "at its start" if blocks[block].text.find(before[-5:]) <= 2 else "inside"
    speaker = "a pronoun" if quote.printed in ("他", "她") else "a name" if quote.printed == quote.speaker else "a short form"
    return f"not found, {name}, its text printed in a {blocks[block].kind} block, {where}; the speaker printed as {speaker}"


def _best_match(texts: list[str], quoted: str) -> tuple[float, str, int]:
    """How alike the OCR text reads where a quote's opening reads best, what it prints before, and
    the block it stands in."""
    best, where, block = 0.0, "", 0
    for index, text in enumerate(texts):
        for at in range(0, max(1, len(text) - 10)):
            ratio = SequenceMatcher(None, text[at : at + 12], quoted[:12], autojunk=False).ratio()
            if ratio > best:
                best, where, block = ratio, text[max(0, at - 40) : at + 5], index
    return best, where, block


def _before(blocks: list[Block], quoted: str) -> str:
    """What the OCR text prints before where a quote's opening reads best (for reading losses)."""
    return _best_match([b.text for b in blocks], quoted)[1].replace("\n", "⏎")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="pages per half (default: 60)")
    parser.add_argument("--layout", type=int, default=1, help="the pages' layout (default: 1)")
    parser.add_argument("--losses", action="store_true", help="list the days 1-5 quotes the OCR text loses")
    args = parser.parse_args()
    for split, half in (("dev", "days 1-5"), ("test", "days 6-10")):
        if args.losses and split != "dev":
            break
        n_drawn = n_kept = n_ocr = 0
        losses: Counter = Counter()
        for page in ocr_pages(split, args.pages, layout=args.layout):
            drawn, _ = page_quotes(page.truth)
            ocr, ocr_blocks = page_quotes(page.ocr_text)
            found = kept(drawn, ocr)
            n_drawn, n_kept, n_ocr = n_drawn + len(drawn), n_kept + sum(found), n_ocr + len(ocr)
            for quote, ok in zip(drawn, found):
                if not ok:
                    losses[_loss_class(quote, ocr, ocr_blocks)] += 1
            if args.losses:
                for quote, ok in zip(drawn, found):
                    if not ok:
                        near = [o.speaker for o in ocr if _alike(o.text, quote.text)]
                        print(f"LOST\t{page.page_id}\t{quote.speaker}\t{quote.text[:20]}\tOCR speaker {near}\t"
                              f"OCR before it: {_before(ocr_blocks, quote.text)}")
        share = f"{n_kept / n_drawn:.1%}" if n_drawn else "-"
        print(f"{half}: quotes on the drawn text {n_drawn}, kept on the OCR text with the same speaker {n_kept} ({share}); "
              f"quotes on the OCR text {n_ocr}")
        print("  lost: " + " | ".join(f"{name} {n}" for name, n in losses.most_common()))


if __name__ == "__main__":
    main()
