"""Full-width digits and Latin letters folded to ASCII, one character for one.

The fold is length-preserving, so offsets computed on folded text are valid in
the original.  Chinese punctuation is deliberately left alone (NFKC would turn
，：；（） into ASCII): see ``punctuation.py`` for the direction People's Daily uses.

>>> fold_width("１９９８年１２月３１日")
'1998年12月31日'
>>> fold_width("ＳＯＤ含量，２３．４％")
'SOD含量，23.4％'
"""

from __future__ import annotations

import re

from pipeline.repair.mapped import Fix

_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．"
_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
#: full-width digit, letter and the full stop between digits (２３．４) → ASCII
WIDTH_FOLDS = {ord(f): h for f, h in zip(_FULL, _HALF)}
_DIGIT_FOLDS = {k: v for k, v in WIDTH_FOLDS.items() if v != "."}
_HALF_OF = dict(zip(_FULL, _HALF))
_FOLDABLE = re.compile("[" + _FULL + "]")  # the standard engine: a plain character class, scanned faster than by ``regex``


def fold_width(text: str) -> str:
    """Fold full-width digits and Latin letters (and ． between digits) to ASCII."""
    folded = text.translate(_DIGIT_FOLDS)
    if "．" not in folded:
        return folded
    chars = list(folded)
    for i, ch in enumerate(chars):
        if ch == "．" and 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = "."
    return "".join(chars)


def find_width_folds(text: str) -> list[Fix]:
    """One fix per full-width digit or letter (and ． between digits) to fold: what :func:`fold_width`
    changes, found by one scan for the full-width characters instead of a translation of the whole text
    (folding keeps a digit a digit, so the test around ． reads the same on the text as printed).

    >>> [(f.start, f.replacement) for f in find_width_folds("２３．４％，Ａ．")]
    [(0, '2'), (1, '3'), (2, '.'), (3, '4'), (6, 'A')]
    """
    fixes = []
    last = len(text) - 1
    for m in _FOLDABLE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch != "．":
            fixes.append(Fix(i, i + 1, _HALF_OF[ch], "width"))
        elif 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit():
            fixes.append(Fix(i, i + 1, ".", "width"))
    return fixes
