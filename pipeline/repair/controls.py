"""Control characters, terminal escape codes and invisible characters in an otherwise good text file, removed.

A file that passed through a terminal or an old converter can carry colour
codes (``\\x1b[31m``), a stray backspace or a BEL.  They are not text; each is
removed with an edit in the log, and the file is read as usual (a file made
mostly of them is rejected as binary when it is decoded).  Tabs and line ends
are text; a form feed is a page break (see ``segments``).

>>> from pipeline.repair.mapped import fixed_text
>>> run = lambda s: fixed_text(s, find_control_characters)
>>> run("\\x1b[1;31m新华社\\x1b[0m北京电\\x07，记者\\x08报道")
'新华社北京电，记者报道'
>>> run("全国\\u200b人大在人民\\ufeff大会堂，会议\\u00ad表决")
'全国人大在人民大会堂，会议表决'
"""

from __future__ import annotations

import re

import regex

from pipeline.repair.mapped import Fix

#: characters that print nothing, which web exports and editors leave inside words (全国\u200b人大):
#: zero-width space, joiners, direction marks, word joiner, a byte-order mark inside the text, soft hyphen
INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
#: ANSI escape sequences (CSI ``ESC [ … letter``, OSC ``ESC ] … BEL``, two-character escapes),
#: then single control characters other than tab, line feed, carriage return and form feed, and
#: the invisible characters
CONTROL = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x08\x0b\x0e-\x1f\x7f" + INVISIBLE + "]"
)


#: what every control sequence above starts with (ESC is \x1b): one fast scan rules most blocks out
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f" + INVISIBLE + "]")


def find_control_characters(text: str) -> list[Fix]:
    if not _ANY_CONTROL.search(text):
        return []
    return [Fix(m.start(), m.end(), "", "control") for m in CONTROL.finditer(text)]
