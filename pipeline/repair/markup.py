"""HTML left in text exported from a web archive or a content system: tags and character references.

Text scraped or exported from a newspaper's website keeps its markup: ``<p>``
and ``</p>`` around paragraphs, ``<br>`` inside them, and character references
for marks the exporter would not write plainly (``&ldquo;`` for “, ``&nbsp;``,
``&#8212;``).  They are not text: a tag is removed (the file's own line breaks
separate the paragraphs), a reference becomes the character it names, each with
an edit in the log.  Only the tags of running text are taken (a ``<`` in
``<5%`` or ``《<`` stays), and only references that name a character.

>>> from pipeline.repair.mapped import fixed_text
>>> fixed_text('<p class="txt">李明说：&ldquo;好。&rdquo;</p>', find_markup)
'李明说：“好。”'
>>> fixed_text("长江&mdash;&mdash;黄河<br/>全长6300公里&#65292;增幅<5%&amp;。", find_markup)
'长江——黄河全长6300公里，增幅<5%&。'
>>> fixed_text("a &unknown; b &amp", find_markup)
'a &unknown; b &amp'
"""

from __future__ import annotations

import html
import re

from pipeline.repair.mapped import Fix

#: the tags of running text an export leaves (paragraphs, breaks, inline styling, links, spans)
_TAG = re.compile(
    r"</?(?:p|br|div|span|font|b|i|u|em|strong|a|center|h[1-6]|sup|sub|img|table|tr|td|th|tbody)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
#: a named, decimal or hexadecimal character reference, with its semicolon
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def find_markup(text: str) -> list[Fix]:
    """Fixes that remove HTML tags and turn character references into their characters."""
    if "<" not in text and "&" not in text:
        return []
    fixes = [Fix(m.start(), m.end(), "", "markup") for m in _TAG.finditer(text)]
    for m in _REFERENCE.finditer(text):
        character = html.unescape(m.group())
        if character != m.group():
            fixes.append(Fix(m.start(), m.end(), character, "markup"))
    return fixes
