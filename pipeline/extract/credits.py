"""Credits: who edited, laid out, reported and photographed, as printed on the page.

Credit labels and their roles are data (credit_roles.tsv).  A label is followed
by names separated by spaces or 、 (本版责编：韩秉宸 张远南 李安琪); a dateline
names its reporters in brackets (本报北京3月5日电（记者 李晓明、韩雨桐）); a
photo credit ends in 摄 (本报记者 张博岚摄, 姚颖康摄（影像中国）).

>>> b = lambda kind, t: Block(kind, t, tuple(range(len(t))))
>>> find_credits([b("editors", "本版责编：韩秉宸 张远南 李安琪 版式设计：张芳曼")])
[Credit(para_no=1, role='editor', name='韩秉宸'), Credit(para_no=1, role='editor', name='张远南'), Credit(para_no=1, role='editor', name='李安琪'), Credit(para_no=1, role='layout', name='张芳曼')]
>>> [(c.role, c.name) for c in find_credits([b("byline", "本报记者 乔栋 本报通讯员 苏虹"), b("credit", "新华社记者 张三摄")])]
[('reporter', '乔栋'), ('correspondent', '苏虹'), ('photographer', '张三')]
>>> [(c.role, c.name) for c in find_credits([b("body", "新华社北京1月7日电（记者张三、李四）今天……")])]
[('reporter', '张三'), ('reporter', '李四')]
>>> dateline([b("body", "本报北京11月9日电  记者……")]), dateline([b("body", "无")])
(('北京', '11月9日'), None)
>>> title_and_headings([b("heading", "文化遗产日"), b("body", "让古建筑“活”起来"), b("byline", "本报记者 乔栋"), b("heading", "小标题"), b("body", "正文。")])
('让古建筑“活”起来', ['让古建筑“活”起来', '小标题'])
>>> title_and_headings([b("heading", "人民日报2022年9月2日星期五第7版"), b("heading", "世界人工智能大会开幕"), b("body", "正文。")])
('世界人工智能大会开幕', ['世界人工智能大会开幕'])
>>> find_credits([]), dateline([]), title_and_headings([b("body", "正文。")])
([], None, ('', []))
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.extract.dates.reference import masthead_date
from pipeline.extract.gazetteer import surnames
from pipeline.records import Block, Credit

ROLES_FILE = Path(__file__).resolve().parents[1] / "data" / "credit_roles.tsv"
#: one credited name: Chinese (2-4 characters) or transliterated with ·
NAME = r"\p{Han}{2,4}(?:·\p{Han}{1,8})*"
#: a photo credit: optional label, names, 摄, optional agency in brackets
PHOTO = regex.compile(
    rf"(?P<label>(?:本报|新华社|人民日报|中新社)?(?:特约)?记者|通讯员)?\s*(?P<names>{NAME}(?:[\s、]+{NAME})*)\s*摄"
    r"\s*(?:[（(](?P<agency>[^()（）]{1,12})[)）])?"
)
#: a dateline: agency, optional 驻…, place, month and day, 电
DATELINE = regex.compile(
    r"(?:本报|新华社|中新社|人民日报)(?:驻\p{Han}{1,8}记者)?(?P<place>\p{Han}{2,8}?)"
    r"(?P<date>[\d一二三四五六七八九十〇]{1,3}月[\d一二三四五六七八九十〇]{1,3}日)电"
)
#: the bracket after a dateline that names its reporters
DATELINE_STAFF = regex.compile(r"电\s*[（(](?P<staff>[^()（）]{2,40})[)）]")
#: longest printed title, in characters
TITLE_MAX = 40


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Printed credit label -> role, from credit_roles.tsv."""
    rows = [line.split("\t") for line in ROLES_FILE.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


@lru_cache(maxsize=1)
def _label_pattern() -> regex.Pattern:
    words = sorted(labels(), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, words)) + r")\s*[:：]?")


def names_in(text: str) -> list[str]:
    """The names of a credit list: separated by spaces or 、, ·-names kept whole; names an engine
    printed without the space between them are cut apart (:func:`glued_names`).

    >>> names_in(" 韩秉宸 张远南、 李安琪 "), names_in("拉姆·夏尔马"), names_in("（"), names_in("苏滨汪志球")
    (['韩秉宸', '张远南', '李安琪'], ['拉姆·夏尔马'], [], ['苏滨', '汪志球'])
    """
    return [name for part in regex.split(r"[\s、，,]+", text) for name in glued_names(part)]


#: the longest run of names printed without a space that is cut apart (three names)
_GLUED_MAX = 9


def glued_names(part: str) -> list[str]:
    """One credited name, or the Chinese names an engine printed as one run of five characters or
    more (苏滨汪志球): each starts with a surname and is two or three characters long.  A run of
    four stays one name: two names (王静刘阳) or one (索朗罗布, 欧阳明华) cannot be told apart.

    >>> glued_names("汪志球"), glued_names("索朗罗布"), glued_names("张博岚刘小明")
    (['汪志球'], ['索朗罗布'], ['张博岚', '刘小明'])
    >>> glued_names("美丽的风景线"), glued_names("拉姆·夏尔马")
    ([], ['拉姆·夏尔马'])
    """
    if regex.fullmatch(NAME, part):
        return [part]
    if not len(part) <= _GLUED_MAX or not regex.fullmatch(r"\p{Han}+", part):
        return []
    return _cut_names(part) or []


def _cut_names(run: str) -> list[str] | None:
    """The cut of ``run`` into names of two or three characters that each open with a surname,
    preferring three-character names (the commoner); None if there is none."""
    if not run:
        return []
    for size in (3, 2):
        if len(run) >= size and run[0] in surnames() and (rest := _cut_names(run[size:])) is not None:
            return [run[:size], *rest]
    return None


def labelled_credits(text: str) -> list[tuple[str, str]]:
    """(role, name) for each name after a credit label in ``text``.

    >>> labelled_credits("记者 黄振宇、陆思琪 通讯员 王五")
    [('reporter', '黄振宇'), ('reporter', '陆思琪'), ('correspondent', '王五')]
    """
    found = list(_label_pattern().finditer(text))
    out = []
    for here, nxt in zip(found, found[1:] + [None]):
        role = labels()[here[0].rstrip(":： ").strip()]
        out += [(role, name) for name in names_in(text[here.end() : nxt.start() if nxt else len(text)])]
    return out


def photo_credit(text: str) -> tuple[list[str], str] | None:
    """(photographers, agency) of a photo credit such as 本报记者 张博岚摄 or 姚颖康摄（影像中国）.

    >>> photo_credit("本报记者 张博岚摄"), photo_credit("姚颖康摄（影像中国）"), photo_credit("摄影")
    ((['张博岚'], '本报记者'), (['姚颖康'], '影像中国'), None)
    """
    text = text.strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1]
    match = PHOTO.fullmatch(text)
    if not match:
        return None
    return names_in(match["names"]), match["agency"] or (match["label"] or "")


def find_credits(blocks: Sequence[Block]) -> list[Credit]:
    """Editors, layout, reporters, correspondents and photographers, in page order."""
    out: list[Credit] = []
    for index, block in enumerate(blocks):
        text = block.text if isinstance(block.text, str) else ""
        para = index + 1
        if block.kind in ("editors", "byline"):
            out += [Credit(para, role, name) for role, name in labelled_credits(text)]
        elif (photo := photo_credit(text)) is not None:
            out += [Credit(para, "photographer", name) for name in photo[0]]
        else:
            staff = DATELINE_STAFF.search(text) if DATELINE.match(text) else None
            if staff:
                out += [Credit(para, role, name) for role, name in labelled_credits(staff["staff"])]
            if block.kind in ("caption", "body") and (inner := _trailing_photo(text)):
                out += [Credit(para, "photographer", name) for name in inner[0]]
    return out


#: a photo credit at the end of a block: ……举行。（新华社记者兰红光摄）, ……合影。 本报记者 赵明摄
_TRAILING_PHOTO = regex.compile(r"[（(][^()（）]{2,24}摄[^()（）]{0,10}[)）]\s*$|\s\S{2,12}摄\s*$")


def _trailing_photo(text: str) -> tuple[list[str], str] | None:
    """A photo credit printed at the end of a caption: ……举行。（新华社记者兰红光摄）.

    A block without 摄 is not searched (most body paragraphs: the pattern would be tried at every bracket
    and space of them)."""
    match = _TRAILING_PHOTO.search(text) if "摄" in text else None
    return photo_credit(match[0]) if match else None


def dateline(blocks: Sequence[Block]) -> tuple[str, str] | None:
    """(place, month-day) of the first printed dateline (本报北京11月9日电), else None."""
    for block in blocks:
        match = DATELINE.match(block.text.strip()) if isinstance(block.text, str) else None
        if match:
            return match["place"], match["date"]
    return None


def title_and_headings(blocks: Sequence[Block]) -> tuple[str, list[str]]:
    """The article title (longest title-like block before the byline or first paragraph) and all headings.

    A kicker (文化遗产日) and subtitles (——记……) print before the body too: the title
    is the longest of those short lines that is not dash-led; the kicker before it is no heading.
    """
    lead: list[str] = []
    read = 0  # blocks read before the body
    for block in blocks:
        text = block.text.strip() if isinstance(block.text, str) else ""
        if block.kind in ("byline", "caption", "credit", "editors") or not _title_like(text):
            break
        read += 1
        if not lead and masthead_date(text):
            continue  # the page's head (人民日报 2022年9月2日 星期五 第7版) is no title
        lead.append(text)
    candidates = [t for t in lead if not t.startswith("—")]
    title = max(candidates, key=len, default="")
    headings = lead[lead.index(title) :] if title else []
    headings += [b.text for b in blocks[read:] if b.kind == "heading"]
    return title, headings


def _title_like(text: str) -> bool:
    return 0 < len(text) <= TITLE_MAX and not regex.search(r"[。！？；]", text)
