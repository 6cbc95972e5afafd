"""Attributed statements: who said what, in either order, direct or reported.

Three printed forms, found around a reporting verb from quote_cues.txt:

* ``X表示，……`` reported speech: the text runs to the paragraph end or to the first
  sentence that starts a new topic (see :func:`_bounded`);
* ``X说：“……”`` a direct quotation after the verb;
* ``“……”X说。`` a direct quotation before the speaker.

The speaker phrase runs back from the verb to the nearest clause boundary and is
split by :func:`~pipeline.extract.speakers.split_speaker`.  A quotation whose
paragraph ends without a closing mark continues into the next paragraph when that
one opens with “ (the press convention), and comes out whole.  Offsets are in the
paragraph where the statement starts (``end`` stops at that paragraph's end when it
runs on).

Who the speaker column names:

* a person: the name as printed (拉斐尔·伊万格利斯塔), the role the title before it,
  here or where the article first introduced the name;
* 他/她: the subject of the nearest sentence before it that names someone, i.e. the
  first name printed in that sentence (this or the previous paragraph);
* surname + title (王部长说): the full name of the person the article introduced with
  that surname and a role ending in that title (speaker 王毅, role 外交部长); the printed
  form 王部长 is kept only when nobody matches (role: the title);
* an unnamed source (有关负责人): speaker the source noun, role the whole phrase;
* an organization or a country's side (中方表示, 外交部指出, 联合国认为): speaker the
  organization as printed, role empty; a spokesperson who is named is a person
  (外交部发言人华春莹表示 -> 华春莹, role 外交部发言人).

>>> b = lambda t: Block("body", t, tuple(range(len(t))))
>>> [(q.speaker, q.role, q.cue, q.kind, q.text) for q in find_quotes([b("外交部长王五表示，合作很重要。他强调，要加强对话。")])]
[('王五', '外交部长', '表示', 'indirect', '合作很重要。'), ('王五', '外交部长', '强调', 'indirect', '要加强对话。')]
>>> [(q.speaker, q.text) for q in find_quotes([b("“前景广阔。”肯尼亚总统鲁托说。")])]
[('鲁托', '前景广阔。')]
>>> [(q.para_no, q.kind, q.text) for q in find_quotes([b("李四说：“第一段。"), b("“第二段。”")])]
[(1, 'direct', '第一段。第二段。')]
>>> find_quotes([b("“没有结尾"), b(""), Block("caption", "图①：他说，", ())])
[]
>>> [(q.speaker, q.role) for q in find_quotes([b("外交部长王毅会见了客人。王部长说，合作很重要。")])]
[('王毅', '外交部长')]
>>> [(q.speaker, q.cue, q.text) for q in find_quotes([b("国家体委副主任袁伟民说，成绩很好。他强调说，要再接再厉。")])]
[('袁伟民', '说', '成绩很好。'), ('袁伟民', '强调说', '要再接再厉。')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from pipeline.extract.speakers import (
    DATELINE,
    Speaker,
    after_other_person,
    common_word_at,
    dotted_name_end,
    ends_with_title,
    plausible_chinese_name,
    split_speaker,
    surname_of,
    trim_role,
)
from pipeline.records import Block, Entity, Quote

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "quote_cues.txt"
#: block kinds that carry running text
TEXT_KINDS = frozenset({"body"})
#: what may follow a reporting verb: a comma or colon, the end of a sentence, a quotation
_AFTER_CUE = "，：。！；“"
#: clause boundaries a speaker phrase does not cross
_CLAUSE_END = "，。；！？：…\n"
_SENTENCE_END = "。！？；…"
#: adverbials between a speaker and the verb: 则, 笑着, 感慨地, 在会见时, 对记者, 今天在此间
_ADVERBIAL = regex.compile(
    r"(?:在[^，。；：“”]{1,24}?(?:时|中|上|期间|之际)|接受[^，。；：“”]{0,16}采访时|(?:对|向)(?:本报)?记者"
    r"|在此间|在此|在这里|今天|昨天|前天|日前|近日|当天|上午|下午|晚上|[\d一二三四五六七八九十]{1,3}日"
    r"|同时|也|则|还|又|更|亦|曾|再次|一再|多次|进一步|\p{Han}{1,2}地|\p{Han}{1,2}着)+$"
)
#: a sentence that starts a new, unattributed source (据介绍，据了解，据新华社报道，据悉)
_NEW_SOURCE = regex.compile(r"据[^，。；！？]{1,16}，|据悉")
#: a sentence that opens on a calendar date or a reporter's time word: the narrative resumes
#: (3月上旬，第十届博览会开幕 / 近日，……); a relative 今年 or 下一步 may still be the speaker's
_NEW_TIME = regex.compile(
    r"(?:(?:[\d〇一二三四五六七八九十]{2,4}年)?[\d一二三四五六七八九十]{1,2}月"
    r"(?:[\d一二三四五六七八九十]{1,3}日)?(?:上旬|中旬|下旬|初|底|中下旬|中上旬|以来)?"
    r"(?:凌晨|上午|中午|下午|晚上|晚)?|近日|日前|当天|当日|次日|随后)，"
)
#: longest first verb of a reporting verb printed twice: 强调说, 指出说
_FIRST_CUE_MAX = 4
#: a time clause after the speaker: 李鹏在会见西门子公司董事长一行时表示
_TIME_CLAUSE = regex.compile(r"(?:时|时候)$")
_DOTTED_ANYWHERE = regex.compile(r"\p{Han}+(?:·\p{Han}+)+")
#: a quotation this short and without punctuation is a name inside a role (“读懂中国”论坛)
_NAME_QUOTE_MAX = 15


@lru_cache(maxsize=1)
def cue_words() -> tuple[str, ...]:
    """The reporting verbs of quote_cues.txt, longest first."""
    words = [w.strip() for w in CUES_FILE.read_text(encoding="utf-8").splitlines()]
    return tuple(sorted({w for w in words if w and not w.startswith("#")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def cues() -> regex.Pattern:
    """The reporting verbs as one pattern, longest first, where punctuation or a quotation follows."""
    return regex.compile("(?:" + "|".join(map(regex.escape, cue_words())) + f")(?=[{_AFTER_CUE}])")


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
    found: list[_Found] = []
    by_para = {
        para: {_trimmed(texts[para] if para < len(texts) else "", e) for e in ents if e.label == "PERSON" and e.text}
        for para, ents in persons.items()
    }
    known = sorted(set().union(*by_para.values()) - {""}) if by_para else []
    for para, text in enumerate(texts):
        found += _statements(para, text, quotations, sorted(by_para.get(para, ())) or known)
    names = sorted(set(known) | _dotted_names(texts) | {f.speaker.name for f in found if f.speaker.kind == "named"})
    found = _bounded(found, texts, names)
    return _resolved(found, texts, names)


def _trimmed(text: str, entity: Entity) -> str:
    """A person entity without the word it ran into or the title before it, so that a
    recognizer's over-long span still names the person (汉斯·穆勒来 in 汉斯·穆勒来华 ->
    汉斯·穆勒, 商人拉姆·夏尔马已是 -> 拉姆·夏尔马).

    >>> _trimmed("汉斯·穆勒来华", Entity(0, 6, "汉斯·穆勒来", "PERSON"))
    '汉斯·穆勒'
    >>> _trimmed("商人拉姆·夏尔马已是", Entity(0, 10, "商人拉姆·夏尔马已是", "PERSON"))
    '拉姆·夏尔马'
    >>> _trimmed("", Entity(0, 2, "红梅", "PERSON")), _trimmed("记者王伟", Entity(0, 4, "记者王伟", "PERSON"))
    ('红梅', '王伟')
    """
    name = entity.text
    if text[entity.start : entity.end] == name and (dot := name.rfind("·")) >= 0:
        name = name[: dotted_name_end(text, entity.start + dot + 1) - entity.start]
    speaker = split_speaker(name)
    return speaker.name if speaker is not None and speaker.kind == "named" and name.endswith(speaker.name) else name


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
        speaker, first_cue = _speaker_of(phrase, names), ""
        if speaker is None and (first_cue := cue_before(phrase)):
            speaker = _speaker_of(phrase[: -len(first_cue)], names)
        if speaker is None:
            continue
        if first_cue:
            match = _Cue(match.start() - len(first_cue), match.end(), first_cue + match[0])
        found += _forms(para, text, quotations, start, match, speaker)
    return found


class _Cue(NamedTuple):
    """A reporting verb in the text (a regex match or two verbs in a row: 强调说)."""

    begin: int
    stop: int
    word: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def __getitem__(self, index: int) -> str:
        return self.word


def cue_before(phrase: str) -> str:
    """The two-character or longer reporting verb a phrase ends with ('' if none), for a verb
    printed before another (他强调|说); one-character verbs end nouns too (顾问).

    >>> cue_before("他强调"), cue_before("主任"), cue_before("总统顾问")
    ('强调', '', '')
    """
    return next((w for w in cue_words() if 2 <= len(w) <= _FIRST_CUE_MAX and phrase.endswith(w)), "")


def _speaker_of(phrase: str, names: Sequence[str]) -> Speaker | None:
    """The speaker of a phrase: without a trailing adverbial (则, 在会上), and before a time clause."""
    phrase = DATELINE.sub("", phrase)
    adverbial = _ADVERBIAL.search(phrase)
    speaker = (split_speaker(phrase[: adverbial.start()], names) if adverbial else None) or split_speaker(phrase, names)
    if speaker is None and _TIME_CLAUSE.search(phrase):
        hits = sorted((phrase.find(n), -len(n), n) for n in names if n and n in phrase)
        if hits:
            pos, size, name = hits[0]
            speaker = split_speaker(phrase[: pos - size], names)
    return speaker


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


def _bounded(found: list[_Found], texts: Sequence[str], names: Sequence[str]) -> list[_Found]:
    """Cut reported speech at the next statement's territory or at a later sentence that starts a
    new topic (:func:`topic_starts`)."""
    out = []
    for item in found:
        if item.kind == "indirect":
            text = texts[item.para]
            stops = [f.claim for f in found if f.para == item.para and f.claim > item.start]
            stops += topic_starts(text, item.start, names)
            end = min(stops, default=len(text))
            body = text[item.start : end].rstrip()
            if not body:
                continue
            item = item._replace(end=item.start + len(body), text=body)
        out.append(item)
    return out


def topic_starts(text: str, begin: int, names: Sequence[str] = ()) -> list[int]:
    """Starts of the sentences after ``begin`` where reported speech has ended: the sentence opens
    with 据…… (a new source), with a calendar date or a reporter's time word and a comma (the
    narrative resumes), with a named person, or with a speaker phrase and a reporting verb whose
    speaker is unnamed (经济专家认为，).

    >>> t = "他介绍，茶园已达20万亩。3月上旬，博览会开幕。"; [t[i:] for i in topic_starts(t, 4)]
    ['3月上旬，博览会开幕。']
    >>> t = "他表示，经济向好。经济专家认为，风险仍在。"; [t[i:] for i in topic_starts(t, 4)]
    ['经济专家认为，风险仍在。']
    >>> t = "他说，条件成熟。刘洪是在会上谈到这一点的。"; [t[i:] for i in topic_starts(t, 3, ["刘洪"])]
    ['刘洪是在会上谈到这一点的。']
    >>> topic_starts("他表示，今年将推广新技术。下一步，要提早备足药剂。可以说，前景很好。", 4)
    []
    """
    out = []
    for pos in range(begin + 1, len(text)):
        if text[pos - 1] not in _SENTENCE_END:
            continue
        sentence = text[pos:]
        if _NEW_SOURCE.match(sentence) or _NEW_TIME.match(sentence) or _opens_with(sentence, names):
            out.append(pos)
    return out


def _opens_with(sentence: str, names: Sequence[str]) -> bool:
    """Whether a sentence opens with a named person (after a title or a 的 modifier at most:
    第一次登台演出的刘晓峰，……) or with an unnamed speaker and a reporting verb."""
    for name in names:
        at = sentence.find(name)
        lead = sentence[:at]
        if at == 0 or (at > 0 and regex.fullmatch(r"\p{Han}+", lead) and (ends_with_title(lead) or lead[-1] == "的")):
            return True
    clause = regex.match(r"[^，：。；！？“”]*", sentence)[0]
    if sentence[len(clause) : len(clause) + 1] not in tuple(_AFTER_CUE):
        return False
    cue = next((w for w in cue_words() if clause.endswith(w) and len(clause) > len(w)), "")
    subject = clause[: len(clause) - len(cue)]
    if adverbial := _ADVERBIAL.search(subject):
        subject = subject[: adverbial.start()]
    return bool(cue and subject) and (bool(ends_with_title(subject)) or split_speaker(subject) is not None)


#: Speaker.kind -> quotes.csv speaker_kind (named, title_surname and pronoun speakers are people)
SPEAKER_KINDS = {"source": "source", "organization": "organization"}


def _resolved(found: list[_Found], texts: Sequence[str], names: Sequence[str]) -> list[Quote]:
    """Pronouns and surname + title speakers to the named person they stand for."""
    named = [f.speaker for f in found if f.speaker.kind == "named"]
    names = sorted(set(names), key=len, reverse=True)
    roles = {s.name: s.role for s in named if s.role}
    out = []
    for item in found:
        speaker = printed = item.speaker
        if speaker.kind == "pronoun":
            name = _subject_before(texts, item.para, item.said, names)
            if not name:
                continue
            speaker = Speaker(name, roles.get(name) or _mentioned_role(name, texts, names), "named")
        elif speaker.kind == "named":
            full = next((n for n in names if n.endswith("·" + speaker.name)), speaker.name)
            role = speaker.role or roles.get(full) or _mentioned_role(full, texts, names)
            speaker = Speaker(full, role, "named")
        elif speaker.kind == "title_surname":
            speaker = _full_name(speaker, texts, names, roles) or speaker
        out.append(
            Quote(
                item.para + 1, item.start, item.end, speaker.name, speaker.role, item.cue, item.kind, item.text,
                printed.name, SPEAKER_KINDS.get(speaker.kind, "person"),
            )
        )
    return sorted(set(out), key=lambda q: (q.para_no, q.start, q.end, q.speaker))


def _full_name(
    speaker: Speaker, texts: Sequence[str], names: Sequence[str], roles: Mapping[str, str]
) -> Speaker | None:
    """The person 王部长 stands for: a name with that surname whose role ends with that title,
    among the known names, else printed after such a role (外交部长王毅会见……)."""
    surname = surname_of(speaker.name)
    title = speaker.name[len(surname) :]
    for name in names:
        if surname_of(name) == surname and len(name) > len(speaker.name) - len(title):
            role = roles.get(name) or _mentioned_role(name, texts, names)
            if role.endswith(title):
                return Speaker(name, role, "named")
    for text in texts:
        for match in regex.finditer(regex.escape(surname), text):
            role = text[_phrase_start(text, match.start()) : match.start()]
            if not ends_with_title(role).endswith(title) or not ends_with_title(role):
                continue
            for size in (2, 1):
                name = text[match.start() : match.end() + size]
                if plausible_chinese_name(name) and not (size == 2 and common_word_at(text, match.end() + 1)):
                    return Speaker(name, trim_role(role), "named")
    return None


def _dotted_names(texts: Sequence[str]) -> set[str]:
    """Transliterated names printed anywhere (拉姆·夏尔马), for pronouns that point back to them."""
    names = set()
    for text in texts:
        for match in _DOTTED_ANYWHERE.finditer(text):
            end = dotted_name_end(text, text.rfind("·", 0, match.end()) + 1)
            speaker = split_speaker(text[_phrase_start(text, match.start()) : end])
            if speaker is not None and "·" in speaker.name:
                names.add(speaker.name)
    return names


def _mentioned_role(name: str, texts: Sequence[str], names: Sequence[str] = ()) -> str:
    """The title printed before ``name`` where the article introduces it (研究员陈立群正在……),
    after any other person named before it (孙建华和马拉维外交部长卡伦巴 -> 马拉维外交部长)."""
    for text in texts:
        for match in regex.finditer(regex.escape(name), text):
            phrase = text[_phrase_start(text, match.start()) : match.start()]
            if ends_with_title(phrase):
                return after_other_person(trim_role(phrase), [n for n in names if n != name])
    return ""


def _subject_before(texts: Sequence[str], para: int, pos: int, names: Sequence[str]) -> str:
    """The person 他/她 at ``pos`` stands for: in the nearest sentence before it that names someone
    (this paragraph, else the previous one), the name printed first, past a dateline; the
    subject of a sentence comes first (卡里姆国王对孙建华的来访表示欢迎。他说 -> 卡里姆)."""
    for here, limit in ((para, pos), (para - 1, None)):
        if here < 0 or not names:
            continue
        window = texts[here][:limit]
        skip = DATELINE.match(window)
        ends = [i + 1 for i, ch in enumerate(window) if ch in _SENTENCE_END] + [len(window)]
        starts = [skip.end() if skip else 0] + ends[:-1]
        for begin, end in reversed(list(zip(starts, ends))):
            sentence = window[begin:end]
            hits = sorted((at, -len(n), n) for n in names if (at := sentence.find(n)) >= 0)
            if hits:
                return hits[0][2]
    return ""
