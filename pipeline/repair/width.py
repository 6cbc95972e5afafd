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

import regex

from pipeline.repair.mapped import Fix

_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．"
_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
#: full-width digit, letter and the full stop between digits (２３．４) → ASCII
WIDTH_FOLDS = {ord(f): h for f, h in zip(_FULL, _HALF)}
_DIGIT_FOLDS = {k: v for k, v in WIDTH_FOLDS.items() if v != "."}
_FOLDABLE = regex.compile("[" + _FULL + "]")


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
    """One fix per full-width digit or letter (and ． between digits) to fold."""
    folded = fold_width(text)
    if folded == text:
        return []
    return [Fix(m.start(), m.end(), folded[m.start()], "width") for m in _FOLDABLE.finditer(text) if folded[m.start()] != m.group()]
