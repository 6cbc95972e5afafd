"""Draw an article as a newspaper page, for an OCR engine to read back.

The page is set the way People's Daily sets one: the title across the top in
a bold sans face, the body in a serif face in 3 or 4 columns with ruled
gutters, paragraphs indented by two characters, and a photo (a grey box) in
one column with its caption and, on a line of its own, the credit
(``（新华社记者王建明摄）``).  The body flows around the photo, so the
paragraph running there is cut by it, as on a real page.  The image is then
rotated a fraction of a degree and blurred a little.

What was drawn is returned as blocks in reading order: the title, the
paragraphs, and the caption and credit right after the paragraph the photo
interrupted.  That is the text a perfect OCR-and-repair would give back.

Pillow is needed (``pip install -e '.[dev]'``); the fonts are Debian's
``fonts-noto-cjk``, looked for where Debian installs them.

>>> lines = wrap("中国与东盟国家开展合作，共建信息港。", 5 * 30, _FakeFont(30), indent=60)
>>> lines
['中国与', '东盟国家开', '展合作，共', '建信息港。']
>>> wrap("他说：“好。”", 2 * 30, _FakeFont(30))
['他说：', '“好。”']
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))
BODY_FONT = ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC")
TITLE_FONT = ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC")
#: body character size in pixels (about 10 pt at 200 dpi) and line pitch
BODY_SIZE = 30
LINE_PITCH = 46
TITLE_SIZE = 60
MARGIN = 80
GUTTER = 40
#: characters per column line, as in a broadsheet column
COLUMN_CHARS = 14
PHOTO_LINES = 7
#: marks never set at the start of a line (they hang at the end of the line before)
NO_LINE_START = set("，。、；：？！”’）》〉」』…·%")


class DrawnBlock(NamedTuple):
    """One block as drawn: ``kind`` is title, heading, body, caption or credit."""

    kind: str
    text: str
    paragraph_id: str


class Page(NamedTuple):
    image: object  # PIL.Image.Image
    blocks: list[DrawnBlock]


class _FakeFont:
    """A font where every character is ``size`` wide (for the doctests)."""

    def __init__(self, size: int) -> None:
        self.size = size

    def getlength(self, text: str) -> float:
        return self.size * len(text)


def find_font(file_name: str) -> Path | None:
    return next((d / file_name for d in FONT_DIRS if (d / file_name).is_file()), None)


@lru_cache(maxsize=16)
def load_font(spec: tuple[str, str], size: int):
    """The Simplified Chinese face of a Noto CJK collection."""
    from PIL import ImageFont

    path = find_font(spec[0])
    if path is None:
        raise FileNotFoundError(f"font {spec[0]} not found (apt-get install fonts-noto-cjk)")
    for index in range(8):
        font = ImageFont.truetype(str(path), size, index=index)
        if font.getname()[0] == spec[1]:
            return font
    raise FileNotFoundError(f"{path} has no face {spec[1]!r}")


def wrap(text: str, width: float, font, indent: float = 0) -> list[str]:
    """Lines of at most ``width`` pixels; closing marks hang on the line before."""
    lines: list[str] = []
    line, used = "", indent
    for ch in text:
        advance = font.getlength(ch)
        if line and used + advance > width and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += advance
    if line:
        lines.append(line)
    return lines


class _Line(NamedTuple):
    text: str
    x_offset: float  # indent, or centring
    block: int  # index into the drawn blocks
    font: object


def render_page(
    title: DrawnBlock, body: list[DrawnBlock], caption: tuple[DrawnBlock, DrawnBlock] | None, rng: random.Random
) -> Page:
    """Draw one page; ``caption`` is (caption, credit) set under a photo, or None."""
    from PIL import Image, ImageDraw, ImageFilter

    columns = rng.choice((3, 4))
    body_font = load_font(BODY_FONT, BODY_SIZE)
    title_font = load_font(TITLE_FONT, TITLE_SIZE)
    heading_font = load_font(TITLE_FONT, BODY_SIZE)
    column_width = COLUMN_CHARS * BODY_SIZE
    page_width = 2 * MARGIN + columns * column_width + (columns - 1) * GUTTER

    flow: list[_Line] = []
    for i, block in enumerate(body):
        if block.kind == "heading":
            for text in wrap(block.text, column_width, heading_font):
                flow.append(_Line(text, (column_width - heading_font.getlength(text)) / 2, i, heading_font))
        else:
            for k, text in enumerate(wrap(block.text, column_width, body_font, indent=2 * BODY_SIZE)):
                flow.append(_Line(text, 2 * BODY_SIZE if k == 0 else 0, i, body_font))

    caption_lines: list[_Line] = []
    if caption:
        caption_lines = [_Line(t, 0, -1, body_font) for t in wrap(caption[0].text, column_width, body_font)]
        credit_width = body_font.getlength(caption[1].text)
        caption_lines.append(_Line(caption[1].text, max(0, column_width - credit_width), -2, body_font))
    photo_lines = PHOTO_LINES + len(caption_lines) + 1 if caption else 0
    per_column = -(-(len(flow) + photo_lines) // columns) + 1

    title_lines = wrap(title.text, columns * column_width, title_font)
    top = MARGIN + len(title_lines) * int(TITLE_SIZE * 1.4) + 30
    page_height = top + per_column * LINE_PITCH + MARGIN
    image = Image.new("L", (page_width, page_height), 255)
    draw = ImageDraw.Draw(image)
    for k, text in enumerate(title_lines):
        x = (page_width - title_font.getlength(text)) / 2
        draw.text((x, MARGIN + k * int(TITLE_SIZE * 1.4)), text, font=title_font, fill=0)
    draw.line((MARGIN, top - 15, page_width - MARGIN, top - 15), fill=0, width=2)
    for c in range(1, columns):
        x = MARGIN + c * column_width + (c - 1) * GUTTER + GUTTER // 2
        draw.line((x, top, x, page_height - MARGIN), fill=0, width=1)

    # the photo sits in a random column (not the first), at a random height
    photo_column = rng.randrange(1, columns) if caption else -1
    photo_row = rng.randrange(0, max(1, per_column - photo_lines)) if caption else -1
    interrupted = -1
    rows = iter(range(columns * per_column))
    position = 0
    for line in flow:
        while True:
            slot = next(rows)
            column, row = divmod(slot, per_column)
            if column == photo_column and photo_row <= row < photo_row + photo_lines:
                if row == photo_row and interrupted < 0:
                    interrupted = line.block
                continue
            break
        position = slot
        x = MARGIN + column * (column_width + GUTTER) + line.x_offset
        draw.text((x, top + row * LINE_PITCH), line.text, font=line.font, fill=0)
    if caption and interrupted < 0:  # the photo comes after the last line of text
        interrupted = len(body) - 1
        photo_column, photo_row = divmod(position + 1, per_column)
        photo_row = min(photo_row, max(0, per_column - photo_lines))
    if caption:
        x0 = MARGIN + photo_column * (column_width + GUTTER)
        y0 = top + photo_row * LINE_PITCH
        _draw_photo(draw, x0, y0 + 8, column_width, PHOTO_LINES * LINE_PITCH - 16, rng)
        for k, line in enumerate(caption_lines):
            y = y0 + (PHOTO_LINES + k) * LINE_PITCH
            draw.text((x0 + line.x_offset, y), line.text, font=line.font, fill=0)

    image = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    blocks = [title]
    for i, block in enumerate(body):
        blocks.append(block)
        if caption and i == interrupted:
            blocks.extend(caption)
    return Page(image, blocks)


def _draw_photo(draw, x: int, y: int, width: int, height: int, rng: random.Random) -> None:
    """A grey photo: a few soft bands of tone (no text-like strokes)."""
    bands = rng.randint(3, 6)
    for k in range(bands):
        tone = rng.randint(90, 200)
        y0 = y + k * height // bands
        y1 = y + (k + 1) * height // bands
        draw.rectangle((x, y0, x + width, y1), fill=tone)
