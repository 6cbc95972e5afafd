"""Names on credit lines (本版责编：…), photo credits (…摄), bylines in brackets and authors' lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import COMMON_FREQ, NAME_CHAR, dictionary, surname_len
from pipeline.extract.entities.name_lists import list_item
from pipeline.extract.entities.person_cues import cue_tail
from pipeline.extract.entities.tokens import T_CREDIT, Cand, tokenize
from pipeline.segment import Token

_CREDIT_ROLE = re.compile(r"(?:责编|编辑|责任编辑|版式设计|美编|摄影|制图|校对|记者|本报记者|新华社记者|通讯员)[：:]?\s*")


_CREDIT_NAMES = re.compile(rf"{NAME_CHAR}{{2,4}}(?:[ \u3000]+{NAME_CHAR}{{2,4}})*")


#: a writer's name in brackets closing a paragraph, the agency or paper's byline
_BYLINE = re.compile(rf"(?:^|(?<=[。！？”]))[（(]({NAME_CHAR}{{2,14}}?)(?:摄影?报道|摄影|摄)?[）)]\s*$")


_PHOTO = re.compile(rf"(?:^|(?<=[\s（(，。：]))((?:本报记者|新华社记者|记者)?[ \u3000]*)({NAME_CHAR}{{2,4}}?)摄(?=$|[\s（(，。）)])")


def credit_names(text: str, toks: Sequence[Token] | None = None) -> list[Cand]:
    """Names on credit lines: role + colon + space-separated names, and '<name>摄'.

    >>> sorted({text[c.start:c.end] for text in ["姚颖康摄（影像中国） 图②：本报记者 张博岚摄"] for c in credit_names(text)})
    ['姚颖康', '张博岚']
    >>> [text[c.start:c.end] for text in ["版式设计：张芳曼"] for c in credit_names(text)]
    ['张芳曼']
    >>> [text[c.start:c.end] for text in ["这类产品的出口。（何晓舟）", "（江西）"] for c in credit_names(text)]
    ['何晓舟']
    """
    out = []
    for m in _CREDIT_ROLE.finditer(text):
        if not m.group().rstrip().endswith(("：", ":")) and "记者" not in m.group():
            continue
        names = _CREDIT_NAMES.match(text, m.end())
        if not names:
            continue
        for n in re.finditer(NAME_CHAR + "+", names.group()):
            word = n.group()
            if word.endswith("摄"):
                word = word[:-1]
            after = text[names.start() + n.start() + len(word):][:2]
            cut = cue_tail(word, after)
            if cut == len(word) and not m.group().rstrip().endswith(("：", ":")) and re.match(NAME_CHAR, after) and not after.startswith(tuple(gz.cues())):
                break  # 记者从农业农|村部获悉: the run goes on into the sentence, not a name
            word = word[:cut]  # 记者吴振华报道
            if 2 <= len(word) <= 4 and surname_len(word):
                s = names.start() + n.start()
                out.append(Cand(T_CREDIT, s, s + len(word), "PERSON", ""))
            if "记者" in m.group():
                break
    for m in _PHOTO.finditer(text) if "摄" in text else ():  # the patterns below tried only where they can match
        name = m.group(2)
        if surname_len(name) and len(name) >= 2:
            out.append(Cand(T_CREDIT, m.start(2), m.end(2), "PERSON", ""))
    m = _BYLINE.search(text) if text.rstrip()[-1:] in ("）", ")") else None
    if m:
        ends = None if toks is None else {t.end - m.start(1) for t in toks if m.start(1) < t.end <= m.end(1)}
        names = _split_names(m.group(1), ends) or ([(0, len(m.group(1)))] if pen_name(m.group(1)) else [])
        for a, b in names:
            out.append(Cand(T_CREDIT, m.start(1) + a, m.start(1) + b, "PERSON", ""))  # …。（赵立新）, （王建华刘洋）, （晓舟）
    return out


#: what a pen name in a byline may be by jieba's dictionary: a word it does not know, or a rare noun or name
_PEN_NAME_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nz"})


def pen_name(run: str) -> bool:
    """A byline's two or three characters that are no surname-led name but a writer's pen name (晓舟, 小苏,
    金老): not a known place, body or title, and not a common word (（图片）, （综合）) nor a verb (（摘编）).

    >>> [pen_name(w) for w in ("晓舟", "小苏", "图片", "综合", "摘编", "江西", "新华社")]
    [True, True, False, False, False, False, False]
    """
    if not 2 <= len(run) <= 3 or run in gz.places() or run in gz.orgs() or run in gz.titles():
        return False
    freq, tag = dictionary().get(run, (0, "n"))
    return tag in _PEN_NAME_TAGS and freq < COMMON_FREQ


#: a byline name's given part must read at least this much like a given name (see gz.given_name_score)
_BYLINE_GIVEN = -1.0


def _split_names(run: str, ends: set[int] | None = None) -> list[tuple[int, int]]:
    """Chinese names run together in a byline whose spaces were lost (王建华刘洋): of the cuts into
    surname-led names of two to four characters, the one whose names read best on average
    (given-name characters, a common surname, the usual three characters).  Nothing unless
    every part is such a name.

    >>> _split_names("赵立新"), _split_names("王建华刘洋"), _split_names("孙卫东张帆"), _split_names("周建国李红梅")
    ([(0, 3)], [(0, 3), (3, 5)], [(0, 3), (3, 5)], [(0, 3), (3, 6)])
    >>> _split_names("新华社"), _split_names("江西"), _split_names("湖南浏阳市王秀英")
    ([], [], [])
    """
    if surname_len(run) and list_item(run):
        return [(0, len(run))]  # one name (pen names too: 苏人)
    if any(run[:k] in gz.places() for k in (2, 3)):
        return []  # （湖南浏阳市王秀英）: a writer's place before the name

    @cache
    def score(word: str) -> float | None:
        k = surname_len(word)
        if not k or not 1 <= len(word) - k <= 2 or not list_item(word):
            return None
        given = gz.given_name_score(word[k:])
        if given <= _BYLINE_GIVEN:
            return None
        common = 1 if gz.surnames().get(word[:k]) == "common" else -1  # 孙卫东|张帆, not 孙卫|东张帆
        return min(given, 2.0) + common + (len(word) == 3)  # 周建国|李红梅, not 周建|国李|红梅

    def cuts(i: int) -> list[list[tuple[int, int]]]:
        if i == len(run):
            return [[]]
        return [[(i, i + n), *rest] for n in (2, 3, 4) if i + n <= len(run) and score(run[i:i + n]) is not None
                for rest in cuts(i + n)]

    options = cuts(0)
    if not options:
        return []
    if ends is None:  # where jieba, which knows many names whole (刘洋), cuts the run
        ends = {t.end for t in tokenize(run)}

    def mean(names: list[tuple[int, int]]) -> float:
        return sum(score(run[a:b]) + (b in ends) for a, b in names) / len(names)

    return max(options, key=lambda names: (mean(names), -len(names)))


_SHORT_NAME = re.compile(NAME_CHAR + "{2,4}")


def author_line(text: str) -> list[Cand]:
    """A paragraph that is a name and nothing else: the author's line under a title (刘心武), or the
    names of two authors run together (王建华刘洋), cut as a byline's are.

    >>> [(c.start, c.end) for c in author_line("刘心武")], author_line("江西"), author_line("春节")
    ([(0, 3)], [], [])
    >>> [(c.start, c.end) for c in author_line("王建华刘洋")], author_line("北京天安门广场")
    ([(0, 3), (3, 5)], [])
    """
    name = text.strip()
    if _SHORT_NAME.fullmatch(name) and list_item(name):
        names = [(0, len(name))]
    elif _TWO_NAMES.fullmatch(name):
        names = _split_names(name)
        names = names if len(names) >= 2 else []
    else:
        return []
    s = text.index(name)
    return [Cand(T_CREDIT, s + a, s + b, "PERSON", "") for a, b in names]


_TWO_NAMES = re.compile(NAME_CHAR + "{4,8}")
