"""The matching rules the gold's ``about`` field sets, in one place: how texts and numbers compare.

Every scorer compares through these, so a rule changes here or nowhere: texts after NFKC folding
without spaces and quote marks, numbers as exact Decimals, gold fields that are a string or a list.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: quote marks the gold's ``about`` field says to drop before comparing (after NFKC)
QUOTE_MARKS = "\"'“”‘’「」"
_DROP = re.compile(f"[\\s{re.escape(QUOTE_MARKS)}]")
_DROP_KEEP_NEWLINE = re.compile(f"[^\\S\\n]|[{re.escape(QUOTE_MARKS)}]")


def fold(text: object, keep_newlines: bool = False) -> str:
    """The comparison form of a text: NFKC, no spaces, no quote marks.

    >>> fold("2023年世界互联网大会“互 联网之光”博览会")
    '2023年世界互联网大会互联网之光博览会'
    >>> fold("新机遇，拓展") == fold("新机遇,拓展")
    True
    >>> fold("「中文联盟」　"), fold(None), fold(126)
    ('中文联盟', '', '126')
    >>> fold("新机 \\n遇", keep_newlines=True)
    '新机\\n遇'
    """
    if text is None:
        return ""
    normal = unicodedata.normalize("NFKC", str(text))
    return (_DROP_KEEP_NEWLINE if keep_newlines else _DROP).sub("", normal)


def to_decimal(value: object) -> Decimal | None:
    """A Decimal from a CSV cell or a JSON number, None for junk.

    >>> to_decimal("200000.0") == to_decimal(200000)
    True
    >>> to_decimal("0.50") == Decimal("0.5"), to_decimal(""), to_decimal("abc"), to_decimal("NaN")
    (True, None, None, None)
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def gold_strings(value: object) -> list[str]:
    """A gold field that may be a string or a list of strings, as a list.

    >>> gold_strings("新华社"), gold_strings(["新华社", 3, "人民网"]), gold_strings(None)
    (['新华社'], ['新华社', '人民网'], [])
    """
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def accepted_texts(item: dict, key: str = "text", alt: str = "alt") -> set[str]:
    """The folded texts a gold item accepts: its ``key`` field and every ``alt`` one, blanks dropped.

    >>> sorted(accepted_texts({"text": "乌镇 峰会", "alt": ["“乌镇峰会”", ""]}))
    ['乌镇峰会']
    """
    return {fold(t) for t in gold_strings(item.get(key)) + gold_strings(item.get(alt))} - {""}


def contains_either(a: str, b: str) -> bool:
    """The looser match, tried after exact text: either text inside the other; never for an empty text.

    >>> contains_either("十一月", "今年十一月"), contains_either("", "十一月"), contains_either("一月", "二月")
    (True, False, False)
    """
    return bool(a) and bool(b) and (a in b or b in a)
