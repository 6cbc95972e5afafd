"""Photo captions with their photographer and agency.

A caption is printed with a label (图①：, 上图：) or, 1998 style, as a paragraph
ending in a bracketed credit (……举行。（新华社记者兰红光摄）).  Its credit follows
it on the same line or the next (the repair has split it into its own block), or
sits at its end.  ``seq`` numbers the captions in page order, since a page can
print the same label twice.

>>> b = lambda kind, t: Block(kind, t, tuple(range(len(t))))
>>> find_captions([b("caption", "图①：乌镇峰会举行。"), b("credit", "姚颖康摄（影像中国）"),
...                b("caption", "图①：论坛举行。"), b("body", "本报记者 张博岚摄")])
[Caption(para_no=1, seq=1, label='图①', text='乌镇峰会举行。', photographer='姚颖康', agency='影像中国'), Caption(para_no=3, seq=2, label='图①', text='论坛举行。', photographer='张博岚', agency='本报记者')]
>>> find_captions([b("body", "江泽民发表新年讲话。（新华社记者兰红光摄）")])
[Caption(para_no=1, seq=1, label='', text='江泽民发表新年讲话。', photographer='兰红光', agency='新华社记者')]
>>> find_captions([b("caption", "游客在新修的公路上骑车。"), b("credit", "（新华社记者王五摄）")])
[Caption(para_no=1, seq=1, label='', text='游客在新修的公路上骑车。', photographer='王五', agency='新华社记者')]
>>> find_captions([b("caption", "上图：游客参观。")]), find_captions([b("body", ""), b("caption", "")])
([Caption(para_no=1, seq=1, label='上图', text='游客参观。', photographer='', agency='')], [])
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from pipeline.extract.credits import photo_credit
from pipeline.records import Block, Caption

LABEL = regex.compile(r"^(?P<label>图\s*[①-⑳\d一二三四五六七八九十]{1,2}|[上下左右中]图|图为)\s*[:：]?\s*")
#: a credit in brackets, or after a space, at the end of a caption
TRAILING_CREDIT = regex.compile(
    r"(?:[（(][^()（）]{2,24}摄[^()（）]{0,10}[)）]|\s+\S{2,8}(?:\s\S{2,8})?摄(?:[（(][^()（）]{1,12}[)）])?)\s*$"
)


def find_captions(blocks: Sequence[Block]) -> list[Caption]:
    """Every photo caption (a block the layout calls one, one with a label, or one that ends in a
    bracketed credit), its label as printed, credit from the next block or its own tail."""
    out: list[Caption] = []
    for index, block in enumerate(blocks):
        text = block.text.strip() if isinstance(block.text, str) else ""
        label = LABEL.match(text) if block.kind in ("caption", "body") else None
        tail = TRAILING_CREDIT.search(text)
        if photo_credit(text) or (label is None and block.kind != "caption" and not _bracketed_credit(block, tail)):
            continue
        body = text[label.end() :] if label else text
        names, agency = [], ""
        if tail and (credit := photo_credit(tail[0])):
            names, agency = credit
            body = body[: len(body) - len(tail[0])].rstrip() if label else text[: tail.start()].rstrip()
        elif index + 1 < len(blocks) and (credit := photo_credit(_text(blocks[index + 1]))):
            names, agency = credit
        if not body:
            continue
        label_text = regex.sub(r"\s", "", label["label"]) if label and label["label"] != "图为" else ""
        out.append(Caption(index + 1, len(out) + 1, label_text, body, "、".join(names), agency))
    return out


def _bracketed_credit(block: Block, tail: regex.Match | None) -> bool:
    """An unlabelled body paragraph is a caption when it ends in a bracketed photo credit."""
    return block.kind == "body" and tail is not None and tail[0].strip()[:1] in "（(" and bool(photo_credit(tail[0]))


def _text(block: Block) -> str:
    return block.text if isinstance(block.text, str) else ""
