"""Attributed statements: who said what, in either order, direct or reported.

Three printed forms, found around a reporting verb from quote_cues.txt:

* ``X表示，……`` reported speech: the text runs to the paragraph end, or to the
  sentence where the next speaker starts, or to a 据…… sentence;
* ``X说：“……”`` a direct quotation after the verb;
* ``“……”X说。`` a direct quotation before the speaker.

The speaker phrase runs back from the verb to the nearest clause boundary and is
split by :func:`~pipeline.extract.speakers.split_speaker`.  A quotation whose
paragraph ends without a closing mark continues into the next paragraph when that
one opens with “ (the press convention), and comes out whole.  他/她 is resolved to
the last named person before it (this or the previous paragraph); 胡厅长 to an
earlier speaker with that surname and title.  Offsets are in the paragraph where
the statement starts (``end`` stops at that paragraph's end when it runs on).

>>> b = lambda t: Block("body", t, tuple(range(len(t))))
>>> [(q.speaker, q.role, q.cue, q.kind, q.text) for q in find_quotes([b("外交部长王五表示，合作很重要。他强调，要加强对话。")])]
[('王五', '外交部长', '表示', 'indirect', '合作很重要。'), ('王五', '外交部长', '强调', 'indirect', '要加强对话。')]
>>> [(q.speaker, q.text) for q in find_quotes([b("“前景广阔。”肯尼亚总统鲁托说。")])]
[('鲁托', '前景广阔。')]
>>> [(q.para_no, q.kind, q.text) for q in find_quotes([b("李四说：“第一段。"), b("“第二段。”")])]
[(1, 'direct', '第一段。第二段。')]
>>> find_quotes([b("“没有结尾"), b(""), Block("caption", "图①：他说，", ())])
[]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from pipeline.extract import gazetteer
from pipeline.extract.speakers import Speaker, ends_with_title, split_speaker, surname_of, trim_role
from pipeline.records import Block, Entity, Quote

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "quote_cues.txt"
#: block kinds that carry running text
TEXT_KINDS = frozenset({"body"})
#: what may follow a reporting verb: a comma or colon, the end of a sentence, a quotation
_AFTER_CUE = "，：。！；“"
#: clause boundaries a speaker phrase does not cross
_CLAUSE_END = "，。；！？：…\n"
_SENTENCE_END = "。！？；…"
#: adverbials between a speaker and the verb: 则, 笑着, 感慨地, 在会见时, 对记者
_ADVERBIAL = regex.compile(
    r"(?:在[^，。；：“”]{1,24}?(?:时|中|上|期间|之际)|接受[^，。；：“”]{0,16}采访时|(?:对|向)(?:本报)?记者"
    r"|同时|也|则|还|又|更|亦|曾|再次|一再|多次|进一步|\p{Han}{1,2}地|\p{Han}{1,2}着)+$"
)
#: a sentence that starts a new, unattributed source (据介绍，据了解，据统计)
_NEW_SOURCE = regex.compile(r"据\p{Han}{0,12}?(?:介绍|了解|统计|悉|报道|显示)")
_DOTTED_ANYWHERE = regex.compile(r"\p{Han}+(?:·\p{Han}+)+")
#: a quotation this short and without punctuation is a name inside a role (“读懂中国”论坛)
_NAME_QUOTE_MAX = 15


@lru_cache(maxsize=1)
def cues() -> regex.Pattern:
    """The reporting verbs of quote_cues.txt as one pattern, longest first."""
    words = [w.strip() for w in CUES_FILE.read_text(encoding="utf-8").splitlines()]
    words = sorted({w for w in words if w and not w.startswith("#")}, key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, words)) + f")(?=[{_AFTER_CUE}])")


class Quotation(NamedTuple):
    """Text inside quotation marks: opens in paragraph ``para`` at ``start`` (after “)."""

    para: int
    start: int
    end_para: int
    end: int  # position of the closing ” in end_para (its length when unclosed)
    text: str


class _Found(NamedTuple):
    para: int
    start: int
    end: int
    claim: int  # where this statement's territory starts in the paragraph
    said: int  # where the speaker phrase starts
    speaker: Speaker
    cue: str
    kind: str
    text: str


def find_quotations(texts: Sequence[str]) -> list[Quotation]:
    """Quotations of the running texts (``None``-free list; '' for non-text blocks).

    >>> [q.text for q in find_quotations(["他说：“一。”又说“二", "“三。”", "“四"])]
    ['一。', '二三。', '四']
    """
    found: list[Quotation] = []
    para = 0
    while para < len(texts):
        text, pos = texts[para], 0
        if para and found and found[-1].end_para >= para:
            pos = found[-1].end + 1 if found[-1].end_para == para else len(text)
        while (open_at := text.find("“", pos)) >= 0:
            quotation = _close(texts, para, open_at + 1)
            found.append(quotation)
            if quotation.end_para != para:
                break
            pos = quotation.end + 1
        para += 1
    return found


def _close(texts: Sequence[str], para: int, start: int) -> Quotation:
    """Follow a quotation from its opening to its closing mark, across “-led paragraphs."""
    parts, here, pos = [], para, start
    while True:
        text = texts[here]
        close = text.find("”", pos)
        if close >= 0:
            parts.append(text[pos:close])
            return Quotation(para, start, here, close, "".join(parts))
        parts.append(text[pos:])
        nxt = here + 1
        if nxt < len(texts) and texts[nxt].startswith("“"):
            here, pos = nxt, 1
            continue
        return Quotation(para, start, here, len(text), "".join(parts))


def find_quotes(blocks: Sequence[Block], persons: Mapping[int, Sequence[Entity]] | None = None) -> list[Quote]:
    """Every attributed statement of the body blocks, in reading order; [] when there is none."""
    persons = persons or {}
    texts = [b.text if b.kind in TEXT_KINDS and isinstance(b.text, str) else "" for b in blocks]
    quotations = find_quotations(texts)
    known = sorted({e.text for ents in persons.values() for e in ents if e.label == "PERSON" and e.text})
    found: list[_Found] = []
    for para, text in enumerate(texts):
        names = [e.text for e in persons.get(para, ()) if e.label == "PERSON"] or known
        found += _statements(para, text, quotations, names)
    found = _bounded(found, texts)
    return _resolved(found, texts, known)


def _inside(quotations: Sequence[Quotation], para: int, pos: int) -> Quotation | None:
    for q in quotations:
        if (q.para, q.start) <= (para, pos) < (q.end_para, q.end):
            return q
    return None


def _phrase_start(text: str, end: int) -> int:
    """Where the speaker phrase ending at ``end`` starts: after the nearest clause boundary."""
    pos, closed = end, False
    while pos > 0:
        ch = text[pos - 1]
        if ch in _CLAUSE_END:
            return pos
        if ch == "”":
            opening = text.rfind("“", 0, pos - 1)
            inner = text[opening + 1 : pos - 1]
            if opening < 0 or len(inner) > _NAME_QUOTE_MAX or regex.search(r"[，。！？；]", inner):
                return pos
            closed = True
        if ch == "“" and not closed:
            return pos
        if ch == "“":
            closed = False
        pos -= 1
    return 0


def _sentence_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in _SENTENCE_END:
        pos -= 1
    return pos


def _statements(para: int, text: str, quotations: Sequence[Quotation], names: Sequence[str]) -> list[_Found]:
    found = []
    for match in cues().finditer(text):
        if _inside(quotations, para, match.start()):
            continue
        before = text[: match.start()]
        start = _phrase_start(text, len(before))
        phrase = before[start:]
        adverbial = _ADVERBIAL.search(phrase)
        speaker = (split_speaker(phrase[: adverbial.start()], names) if adverbial else None) or split_speaker(
            phrase, names
        )
        if speaker is None:
            continue
        found += _forms(para, text, quotations, start, match, speaker)
    return found


def _forms(para, text, quotations, start, match, speaker) -> list[_Found]:
    """The direct and reported statements one speaker + verb introduces."""
    out = []
    cue, after = match[0], match.end()
    mark = start - 1 if start and text[start - 1] == "”" else start - 2 if text[start - 2 : start] == "”，" else -1
    trailing = next((q for q in quotations if q.end_para == para and q.end == mark), None) if mark >= 0 else None
    if trailing is not None:
        out.append(
            _Found(
                trailing.para,
                trailing.start,
                _end_in(trailing, text),
                trailing.start - 1,
                start,
                speaker,
                cue,
                "direct",
                trailing.text,
            )
        )
    body = after + 1 if text[after : after + 1] in "，：" else after
    if text[after : after + 1] in "。！；":
        return out
    claim = trailing.start - 1 if trailing is not None and trailing.para == para else _sentence_start(text, start)
    if text[body : body + 1] == "“" or text[after : after + 1] == "“":
        opened = next((q for q in quotations if q.para == para and q.start - 1 in (body, after)), None)
        if opened is not None:
            out.append(
                _Found(para, opened.start, _end_in(opened, text), claim, start, speaker, cue, "direct", opened.text)
            )
            return out
    if body < len(text):
        out.append(_Found(para, body, len(text), claim, start, speaker, cue, "indirect", ""))
    return out


def _end_in(quotation: Quotation, text: str) -> int:
    return quotation.end if quotation.end_para == quotation.para else len(text)


def _bounded(found: list[_Found], texts: Sequence[str]) -> list[_Found]:
    """Cut reported speech at the next statement's territory or a 据…… sentence."""
    out = []
    for item in found:
        if item.kind == "indirect":
            text = texts[item.para]
            stops = [f.claim for f in found if f.para == item.para and f.claim > item.start]
            stops += [
                m.start()
                for m in _NEW_SOURCE.finditer(text, item.start)
                if _sentence_start(text, m.start()) == m.start()
            ]
            end = min(stops, default=len(text))
            body = text[item.start : end].rstrip()
            if not body:
                continue
            item = item._replace(end=item.start + len(body), text=body)
        out.append(item)
    return out


def _resolved(found: list[_Found], texts: Sequence[str], known: Sequence[str]) -> list[Quote]:
    """Pronouns and surname + title speakers to the named person they stand for."""
    named = [f.speaker for f in found if f.speaker.kind == "named"]
    names = sorted({s.name for s in named} | set(known) | _dotted_names(texts), key=len, reverse=True)
    roles = {s.name: s.role for s in named if s.role}
    roles |= {s.name: role for s in named if s.name not in roles and (role := _mentioned_role(s.name, texts))}
    out = []
    for item in found:
        speaker = item.speaker
        if speaker.kind == "pronoun":
            name = _last_named(texts, item.para, item.said, names)
            if not name:
                continue
            speaker = Speaker(name, roles.get(name) or _mentioned_role(name, texts), "named")
        elif speaker.kind == "named" and not speaker.role:
            speaker = speaker._replace(role=roles.get(speaker.name, ""))
        elif speaker.kind == "title_surname":
            title = speaker.name[len(surname_of(speaker.name)) :]
            match = next(
                (s for s in named if surname_of(s.name) == speaker.name[: -len(title)] and s.role.endswith(title)), None
            )
            speaker = match or speaker
        out.append(
            Quote(item.para + 1, item.start, item.end, speaker.name, speaker.role, item.cue, item.kind, item.text)
        )
    return sorted(set(out), key=lambda q: (q.para_no, q.start, q.end, q.speaker))


def _dotted_names(texts: Sequence[str]) -> set[str]:
    """Transliterated names printed anywhere (拉姆·夏尔马), for pronouns that point back to them."""
    names = set()
    for text in texts:
        for match in _DOTTED_ANYWHERE.finditer(text):
            end = text.rfind("·", 0, match.end()) + 1
            while end < match.end() and text[end] in gazetteer.translit_chars():
                end += 1  # the name's last part stops where transliteration characters do
            speaker = split_speaker(text[_phrase_start(text, match.start()) : end])
            if speaker is not None and "·" in speaker.name:
                names.add(speaker.name)
    return names


def _mentioned_role(name: str, texts: Sequence[str]) -> str:
    """The title printed before ``name`` where the article introduces it (研究员陈立群正在……)."""
    for text in texts:
        for match in regex.finditer(regex.escape(name), text):
            phrase = text[_phrase_start(text, match.start()) : match.start()]
            if ends_with_title(phrase):
                return trim_role(phrase)
    return ""


def _last_named(texts: Sequence[str], para: int, pos: int, names: Sequence[str]) -> str:
    """The name that occurs last before ``pos`` in this paragraph, else in the previous one."""
    for here, limit in ((para, pos), (para - 1, None)):
        if here < 0 or not names:
            continue
        window = texts[here][:limit]
        best = max(((window.rfind(n), n) for n in names), default=(-1, ""))
        if best[0] >= 0:
            return best[1]
    return ""
