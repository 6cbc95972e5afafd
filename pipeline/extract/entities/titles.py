"""Titles of works and laws in 《》: the whole title, whatever it contains.
"""

from __future__ import annotations

from pipeline.extract.entities.heads import LAW_SUFFIXES, NOT_LAW
from pipeline.extract.entities.tokens import T_TITLE, Cand


def quoted_titles(text: str) -> list[Cand]:
    """Book-title marks, nested ones included: the outermost title is the name.

    >>> [(text[c.start:c.end], c.label) for text in ["读《关于〈红楼梦〉的研究》与《合同法》"] for c in quoted_titles(text)]
    [('关于〈红楼梦〉的研究', 'WORK_OF_ART'), ('合同法', 'LAW')]
    >>> quoted_titles("《未闭合")
    []
    """
    out, depth, start = [], 0, 0
    if "《" not in text:
        return out
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0 and i > start:
                body = text[start:i].strip("“”\"'‘’")
                law = body.endswith(LAW_SUFFIXES) and not body.endswith(NOT_LAW) and len(body) > 2
                out.append(Cand(T_TITLE, start, i, "LAW" if law else "WORK_OF_ART", text[start:i]))
    return out
