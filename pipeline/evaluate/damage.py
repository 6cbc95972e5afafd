"""A seeded OCR damage simulator: clean newspaper text in, plausible OCR output out.

Repair is measured by damaging clean text (the 1998 People's Daily articles) in the
ways real OCR damages a page (see ``../shared/corpus/wic2023-wuzhen.txt``) and
checking how much of the damage repair takes back out.  Each kind of damage is
one small function, the reverse of one repair rule; ``damage`` applies a chosen
set of them with a ``random.Random`` seeded by the caller, so the same seed
always gives the same damage.

The reference a repair should reach is the clean text with full-width digits and
Latin letters folded to ASCII (folding is what repair is meant to do).  Damage is
applied to that reference, so the full-width digits are damage of their own kind
(``full_width``), off by default: it is trivially repaired and would swamp the
other kinds.  Damage that repair is specified to leave alone is never produced:
no spaces between Latin letters or digits, no half-width marks between two
digits or letters (``1,000``, ``16:32``), no dash misread between digits (``6—12``).

>>> d = damage("中国—东盟合作，成果丰硕。\\n\\n第二段：他说“好”。", seed=1,
...            kinds=("dash_as_yi", "half_width_punctuation", "straight_quotes"))
>>> d.text
'中国一东盟合作,成果丰硕。\\n\\n第二段:他说"好"。'
>>> d.reference
'中国—东盟合作，成果丰硕。\\n\\n第二段：他说“好”。'
>>> d.counts == {"dash_as_yi": 1, "half_width_punctuation": 2, "straight_quotes": 2}
True
>>> damage("１９９８年", seed=0).reference
'1998年'
>>> damage("", seed=0)
Damaged(text='', reference='', counts={})
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import NamedTuple

from pipeline.repair.width import fold_width

#: Chinese punctuation as People's Daily prints it (the marks a stray space may touch).
CHINESE_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】…—·「」『』％")
#: full-width marks and the half-width form OCR reads them as.
HALF_WIDTH = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"}
STRAIGHT_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}
#: a paragraph ending in one of these is complete; a cut never falls right after one.
TERMINAL = frozenset("。！？…”’」』）：；，、")
PARAGRAPH = "\n\n"
#: the blank lines a column or page break leaves in the OCR output.
COLUMN_BREAK = "\n\n\n\n"
HEADING_MAX = 30

#: probability per site: a gap between characters, a mark, a paragraph, an article.
DEFAULT_RATES = {
    "spaces_in_chinese": 0.01,  # per gap touching a Han character
    "spaced_heading": 0.3,  # per heading-like paragraph
    "half_width_punctuation": 0.9,  # per mark
    "straight_quotes": 0.9,  # per paragraph: all its quotes, or none (OCR is consistent locally)
    "dash_as_yi": 1.0,  # per dash between two Han characters (the sample page: 4 of 4)
    "column_break": 0.08,  # per body paragraph
    "displaced_tail": 0.5,  # per article with a photo caption after a body paragraph
    "full_width": 1.0,  # per ASCII digit or letter
}


class Damaged(NamedTuple):
    """The damaged text, the reference repair should give back, and sites damaged per kind."""

    text: str
    reference: str
    counts: dict[str, int]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_alnum_ascii(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _space_may_fall(a: str, b: str) -> bool:
    """A gap repair must close: Han next to Han, a digit or Chinese punctuation."""
    if _is_han(a):
        return _is_han(b) or b.isdigit() or b in CHINESE_PUNCT
    if _is_han(b):
        return a.isdigit() or a in CHINESE_PUNCT
    return False


def is_heading(paragraph: str) -> bool:
    """Short and without closing punctuation: a title or subheading."""
    return 0 < len(paragraph) <= HEADING_MAX and paragraph[-1] not in TERMINAL


def is_body(paragraph: str) -> bool:
    """A paragraph long enough to be cut by the layout, ending as a sentence does."""
    return len(paragraph) >= 30 and paragraph[-1] in "。！？…”?!\""


# --- damage inside one paragraph: (paragraph, rng, rate) -> (damaged, sites) ---


def spaces_in_chinese(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """Stray spaces between Han characters, or Han and a digit or a mark (``互 联网``)."""
    out, n = [], 0
    for i, ch in enumerate(text):
        if i and _space_may_fall(text[i - 1], ch) and rng.random() < rate:
            out.append(" ")
            n += 1
        out.append(ch)
    return "".join(out), n


def spaced_heading(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """A heading set letter-spaced, all of it or a leading part (``让 互 联 网 发 展 成 果 更 好造福``)."""
    if not is_heading(text) or len(text) < 4 or rng.random() >= rate:
        return text, 0
    upto = len(text) if rng.random() < 0.5 else rng.randint(len(text) // 2, len(text))
    out, n = [], 0
    for i, ch in enumerate(text):
        if 0 < i < upto and _space_may_fall(text[i - 1], ch):
            out.append(" ")
            n += 1
        out.append(ch)
    return "".join(out), n


def half_width_punctuation(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """，：；（）？！ read as , : ; ( ) ? ! (not between two digits or letters: 1,000 stays ambiguous)."""
    out, n = list(text), 0
    for i, ch in enumerate(text):
        if ch not in HALF_WIDTH:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if _is_alnum_ascii(before) and _is_alnum_ascii(after):
            continue
        if rng.random() < rate:
            out[i] = HALF_WIDTH[ch]
            n += 1
    return "".join(out), n


def straight_quotes(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """“” and ‘’ read as straight quotes, for every quote of the paragraph or none."""
    n = sum(text.count(q) for q in STRAIGHT_QUOTES)
    if not n or rng.random() >= rate:
        return text, 0
    return text.translate(str.maketrans(STRAIGHT_QUOTES)), n


_NAME_DASH = re.compile(r"(?<=[\u4e00-\u9fff])—(?=[\u4e00-\u9fff])")


def dash_as_yi(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """The single dash between two names read as 一 (中国—东盟 → 中国一东盟); —— is left."""
    n = 0

    def swap(m: re.Match) -> str:
        nonlocal n
        if rng.random() < rate:
            n += 1
            return "一"
        return m.group()

    return _NAME_DASH.sub(swap, text), n


_TO_FULL_WIDTH = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}


def full_width(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """ASCII digits and letters printed full-width (１９９８年, ＳＯＤ), as the 1998 corpus has them."""
    out, n = list(text), 0
    for i, ch in enumerate(text):
        if ord(ch) in _TO_FULL_WIDTH and rng.random() < rate:
            out[i] = _TO_FULL_WIDTH[ord(ch)]
            n += 1
    return "".join(out), n


# --- damage across paragraphs: (paragraphs, rng, rate) -> (paragraphs, sites) ---


def _cut_points(text: str, margin: int = 4) -> list[int]:
    """Places a layout break can fall: between two Han characters, away from the ends."""
    return [i for i in range(margin, len(text) - margin) if _is_han(text[i - 1]) and _is_han(text[i])]


def column_break(paragraphs: list[str], rng: random.Random, rate: float) -> tuple[list[str], int]:
    """A body paragraph cut mid-sentence by a column break (``新机`` blank lines ``遇，拓展``)."""
    out, n = [], 0
    for p in paragraphs:
        cuts = _cut_points(p) if "\n" not in p and is_body(p) else []
        if cuts and rng.random() < rate:
            i = rng.choice(cuts)
            p = p[:i] + COLUMN_BREAK + p[i:]
            n += 1
        out.append(p)
    return out, n


_CAPTION = re.compile(r"^图(?:为|[①-⑳\d]{1,2}\s*[:：])|摄[）)]?$")


def looks_like_caption(paragraph: str) -> bool:
    """A photo caption or credit: ``图为…``, ``图①：…``, ``…（新华社记者王建明摄）``.

    >>> looks_like_caption("女排比赛一景。（新华社记者周立新摄）"), looks_like_caption("图片新闻")
    (True, False)
    """
    return bool(_CAPTION.search(paragraph))


def displaced_tail(paragraphs: list[str], rng: random.Random, rate: float) -> tuple[list[str], int]:
    """A paragraph's tail moved behind a later photo caption, the next paragraph glued on with a space.

    As on the sample page (``拉斐尔·伊万格利 过去10年中，…`` … captions … ``斯塔说，…``):
    the head is followed on its line by the next paragraph, and the tail is read
    after the next caption-like block.  Only articles with a caption after the
    glued paragraph can take this damage.
    """
    captions = [j for j, p in enumerate(paragraphs) if looks_like_caption(p)]
    candidates = [
        i
        for i in range(len(paragraphs) - 2)
        if is_body(paragraphs[i])
        and "\n" not in paragraphs[i]
        and is_body(paragraphs[i + 1])
        and _cut_points(paragraphs[i])
        and any(j >= i + 2 for j in captions)
    ]
    if not candidates or rng.random() >= rate:
        return paragraphs, 0
    i = rng.choice(candidates)
    cut = rng.choice(_cut_points(paragraphs[i]))
    head, tail = paragraphs[i][:cut], paragraphs[i][cut:]
    host = next(j for j in captions if j >= i + 2)
    out = paragraphs[:i] + [head + " " + paragraphs[i + 1]] + paragraphs[i + 2 :]
    out[host - 1] = out[host - 1] + COLUMN_BREAK + tail
    return out, 1


ParagraphDamage = Callable[[str, random.Random, float], tuple[str, int]]
ArticleDamage = Callable[[list[str], random.Random, float], tuple[list[str], int]]

#: applied in this order: spaces first (so a space may sit next to a mark OCR then
#: reads half-width: ``中国 ,美国``), then the one-for-one misreadings.
PARAGRAPH_KINDS: dict[str, ParagraphDamage] = {
    "spaced_heading": spaced_heading,
    "spaces_in_chinese": spaces_in_chinese,
    "dash_as_yi": dash_as_yi,
    "half_width_punctuation": half_width_punctuation,
    "straight_quotes": straight_quotes,
    "full_width": full_width,
}
ARTICLE_KINDS: dict[str, ArticleDamage] = {
    "displaced_tail": displaced_tail,
    "column_break": column_break,
}
ALL_KINDS = tuple(PARAGRAPH_KINDS) + tuple(ARTICLE_KINDS)
#: what ``damage`` applies unless told otherwise: every kind but the width fold.
DEFAULT_KINDS = tuple(k for k in ALL_KINDS if k != "full_width")


def damage(
    clean: str,
    seed: int | str,
    kinds: tuple[str, ...] = DEFAULT_KINDS,
    rates: dict[str, float] | None = None,
) -> Damaged:
    """Damage ``clean`` (paragraphs separated by a blank line) with the given kinds.

    Deterministic for a seed (an int, or a string such as ``"0:19980101-01-001"``).
    """
    rng = random.Random(seed)
    rates = {**DEFAULT_RATES, **(rates or {})}
    reference = fold_width(clean)
    paragraphs = reference.split(PARAGRAPH) if reference else []
    counts: dict[str, int] = {}

    def count(kind: str, n: int) -> None:
        if n:
            counts[kind] = counts.get(kind, 0) + n

    damaged = []
    for p in paragraphs:
        for kind, fn in PARAGRAPH_KINDS.items():
            if kind in kinds:
                p, n = fn(p, rng, rates[kind])
                count(kind, n)
        damaged.append(p)
    for kind, fn in ARTICLE_KINDS.items():
        if kind in kinds:
            damaged, n = fn(damaged, rng, rates[kind])
            count(kind, n)
    return Damaged(PARAGRAPH.join(damaged), reference, counts)
