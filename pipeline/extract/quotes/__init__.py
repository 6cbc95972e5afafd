"""Attributed statements: who said what, found by their printed structure first.

A statement is found by its marks, not by its speaker: a reporting verb or cue
phrase (quote_cues.txt) at the end of a clause, a colon before a quotation, the
quotation marks.  Its speaker is the subject in speaker position
(:mod:`~pipeline.extract.quotes.subjects`): the noun phrase that opens the clause,
whatever the name finder said about it.  The printed forms:

* ``X表示，……`` reported speech, to the paragraph end or the first sentence that
  starts a new topic (:mod:`~pipeline.extract.quotes.reported`);
* ``X说：“……”``, ``X说“……”`` a direct quotation after the verb; a short quoted term the
  sentence goes on about (``X称赞“以老带新”是个好办法``) opens reported speech instead
  (but a reporter's byline, ``记者X报道：“年货街”……``, is no statement);
* ``“……”X说。`` a direct quotation before the speaker;
* ``X记忆犹新：“……”``, ``X的态度很达观：“……”`` a quotation after a colon, with or
  without a reporting verb: the subject of the clause speaks;
* 他/她, or a sentence that goes on from the one before (接着又说), resolved to the
  person the paragraph or the previous one is about
  (:mod:`~pipeline.extract.quotes.resolve`).

A quotation whose paragraph ends without a closing mark continues into the next
paragraph when that one opens with “ and comes out whole; offsets are in the
paragraph where the statement starts (``end`` stops at that paragraph's end).
Speakers that name nobody (报告指出, 在贺卡上写着) give no statement.

>>> b = lambda t: Block("body", t, tuple(range(len(t))))
>>> said = lambda *ts: [(q.speaker, q.role, q.cue, q.kind, q.text) for q in find_quotes([b(t) for t in ts])]
>>> said("萨拉对记者说：“这里的孩子很努力。”")
[('萨拉', '', '说', 'direct', '这里的孩子很努力。')]
>>> said("博士生卡马尔记忆犹新：“那天下着大雨。”")
[('卡马尔', '博士生', '记忆犹新', 'direct', '那天下着大雨。')]
>>> said("护士阿米娜在医院工作了五年。", "她在社交媒体上写下这样一段话：“我们会回来的。”")
[('阿米娜', '护士', '写下这样一段话', 'direct', '我们会回来的。')]
>>> said("在学校教钢琴的李女士，出国前已是副教授。", "谈到未来，她表示：“我会留下来。”")
[('李女士', '', '表示', 'direct', '我会留下来。')]
>>> said("工程师卡马尔在工地干了三年。", "“这是我见过最难的工程。”他说。")
[('卡马尔', '工程师', '说', 'direct', '这是我见过最难的工程。')]
>>> said("护士阿米娜在难民营工作了五年，照顾过上千名病人。", "“每个孩子都应该有明天。”她说。")
[('阿米娜', '护士', '说', 'direct', '每个孩子都应该有明天。')]
>>> said("回忆起那段日子，老校长陈守仁感慨：“太难了。”")
[('陈守仁', '老校长', '感慨', 'direct', '太难了。')]
>>> said("外交部长王五表示，合作很重要。他强调，要加强对话。")
[('王五', '外交部长', '表示', 'indirect', '合作很重要。'), ('王五', '外交部长', '强调', 'indirect', '要加强对话。')]
>>> said("老厂长赵大川同记者谈起往事时说：“那时候真苦。”")
[('赵大川', '老厂长', '说', 'direct', '那时候真苦。')]
>>> said("事后，老队长周大山写来一封信，夸赞道：“你们干得好。”")
[('周大山', '老队长', '夸赞道', 'direct', '你们干得好。')]
>>> said("部长在会上称赞“以老带新”是一个好办法。")
[('部长', '部长', '称赞', 'indirect', '“以老带新”是一个好办法。')]
>>> said("乘务长李红悟出了一个道理：“导游”不是轻松的行当。"), said("本报记者王立新报道：“年货街”人气很旺。")
([('李红', '乘务长', '悟出了一个道理', 'indirect', '“导游”不是轻松的行当。')], [])
>>> said("演出结束了。正如主办人李建华所说，观众非常热情。")
[('李建华', '主办人', '说', 'indirect', '观众非常热情。')]
>>> said("记者问李明：“你打算怎么办？”李明说：“继续干。”")
[('记者', '记者', '问李明', 'direct', '你打算怎么办？'), ('李明', '', '说', 'direct', '继续干。')]
>>> said("“前景广阔。”肯尼亚总统鲁托说。")
[('鲁托', '肯尼亚总统', '说', 'direct', '前景广阔。')]
>>> said("“村里今年能通公路吗？”村长李明回答：“能。”")
[('李明', '村长', '回答', 'direct', '能。')]
>>> [(q.para_no, q.text) for q in find_quotes([b("李明说：“第一段。"), b("“第二段。”")])]
[(1, '第一段。第二段。')]
>>> said("外交部长王毅会见了客人。王部长说，合作很重要。")
[('王毅', '外交部长', '说', 'indirect', '合作很重要。')]
>>> said("国家体委副主任袁伟民说，成绩很好。他强调说，要再接再厉。")
[('袁伟民', '国家体委副主任', '说', 'indirect', '成绩很好。'), ('袁伟民', '国家体委副主任', '强调说', 'indirect', '要再接再厉。')]
>>> find_quotes([b("“没有结尾"), b(""), Block("caption", "图①：他说，", ())])
[]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from pipeline.extract.quotes.antecedents import Narration
from pipeline.extract.quotes.cues import cue_as_object, cue_before, cue_pattern, cue_words, is_word, predicate_cue
from pipeline.extract.quotes.interview import answers, is_interview
from pipeline.extract.quotes.leads import acts_meanwhile, continues_sentence, time_words_before
from pipeline.extract.quotes.marks import (
    CLAUSE_END,
    CLOSING,
    OPENING,
    QUOTATION_MARK,
    Marks,
    Quotation,
    find_quotations,
    sentence_start,
)
from pipeline.extract.quotes.phrases import Subject
from pipeline.extract.quotes.reported import first_sentence_end, naming_sentences, topic_starts
from pipeline.extract.quotes.resolve import dotted_names, person_like, resolve, trimmed
from pipeline.extract.quotes.subjects import speaker_before
from pipeline.extract.speakers import Speaker
from pipeline.records import Block, Entity, Quote
from pipeline.segment import Token, segment

__all__ = ["Quotation", "cue_words", "find_quotations", "find_quotes", "speaker_spans", "topic_starts"]

#: block kinds that carry running text
TEXT_KINDS = frozenset({"body"})
#: Speaker.kind -> quotes.csv speaker_kind (named, title_surname and pronoun speakers are people)
SPEAKER_KINDS = {"source": "source", "organization": "organization"}
#: what a reporting verb leaves for reported speech to follow: a comma or colon
_REPORTS = "，："
#: a quotation this short, with words right after it, is a term the sentence is about
_TERM_MAX = 15
#: what may follow a quotation that is a statement: punctuation, or another closing mark
_AFTER_TERM = "，。！？；：、…”』」"
#: the role of a reporter, whose byline a colon ends
_REPORTER = "记者"
#: cues of an answer, and the marks that end a question: a question before an answer is not the answerer's
_ANSWERS = ("答", "回答")
_QUESTION_MARKS = ("？", "?")
#: the one interviewed, as a pronoun reads them back from the narration
_INTERVIEWEE = Speaker("他", "", "pronoun")
#: the sentence ends after which a verb has said all (“……”他说。)
_SAID = "。！；"


class _Found(NamedTuple):
    said: int  # the paragraph of the speaker phrase
    para: int
    start: int
    end: int
    claim: int  # where this statement's territory starts in the paragraph
    subject: Subject
    cue: str
    kind: str
    text: str


def find_quotes(
    blocks: Sequence[Block],
    persons: Mapping[int, Sequence[Entity]] | None = None,
    tokens: Sequence[Sequence[Token]] | None = None,
) -> list[Quote]:
    """Every attributed statement of the body blocks, in reading order; [] when there is none.

    ``persons``: the name finder's PERSON entities per block index (they help split a speaker
    phrase, and pronouns resolve to them); ``tokens``: each block's segmentation, which the
    pipeline has already computed (blocks are segmented here only when it is not given).
    """
    texts = [b.text if b.kind in TEXT_KINDS and isinstance(b.text, str) else "" for b in blocks]
    if not any(cue_pattern().search(t) or QUOTATION_MARK.search(t) for t in texts):
        return []
    tokens = tokens if tokens is not None else [segment(t) if t else [] for t in texts]
    by_para = {
        para: {name for e in ents if e.label == "PERSON" and e.text and person_like(name := trimmed(texts[para], e))}
        for para, ents in (persons or {}).items()
        if para < len(texts)
    }
    known = sorted(set().union(*by_para.values()) - {""}) if by_para else []
    marks, listed = Marks(texts), {p: sorted(n) for p, n in by_para.items() if n}
    found = _attributions(texts, tokens, listed, known, marks)
    printed = {f.subject.speaker.name for f in found if f.subject.speaker.kind == "named"}
    names = sorted(set(known) | printed)
    narration = Narration(texts, tokens, listed, known, marks.quotations)
    interview = is_interview(texts, [(f.subject.speaker, f.cue) for f in found])
    speakers = _speakers(found, narration, sorted(set(names) | dotted_names(texts), key=len, reverse=True), interview)
    return _bounded(found, speakers, texts, tokens, names)


def speaker_spans(texts: Sequence[str], tokens: Sequence[Sequence[Token]]) -> list[list[tuple[int, int]]]:
    """Per block, the character spans of the names in speaker position: the subject of a clause
    before a reporting verb or a quotation's colon, or after a quotation, when it names a person
    (not a pronoun, a role, an organization or a place).  Evidence for the name finder: a name
    here is a person whatever its characters look like.  Costs one scan of each block for cues
    and quotation marks; only blocks that have one are looked at further.

    >>> ts = ["萨拉对记者说：“孩子们很努力。”", "博士生卡马尔记忆犹新：“那天下着雨。”", "“我们会赢。”教练李强说。"]
    >>> spans = speaker_spans(ts, [segment(t) for t in ts]); [[t[a:b] for a, b in s] for t, s in zip(ts, spans)]
    [['萨拉'], ['卡马尔'], ['李强']]
    >>> ts = ["他说，好。", "中方表示，愿意合作。", "有关负责人介绍，进展顺利。", "巴西表示，会议成功。", ""]
    >>> speaker_spans(ts, [segment(t) for t in ts])
    [[], [], [], [], []]
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    out: list[set[tuple[int, int]]] = [set() for _ in texts]
    for f in _attributions(texts, tokens, {}, []):
        subject = f.subject
        if subject.speaker.kind == "named" and subject.name_start < subject.end:
            out[f.said].add((subject.name_start, subject.name_start + len(subject.speaker.name)))
    return [sorted(spans) for spans in out]


def _attributions(
    texts: Sequence[str],
    tokens: Sequence[Sequence[Token]],
    by_para: Mapping[int, Sequence[str]],
    known: Sequence[str],
    marks: Marks | None = None,
) -> list[_Found]:
    """The statements of every paragraph, with the speaker as printed."""
    marks = marks or Marks(texts)
    opened_in: dict[int, list[Quotation]] = {}
    for quotation in marks.quotations:
        opened_in.setdefault(quotation.para, []).append(quotation)
    found: list[_Found] = []
    taken: set[tuple[int, int]] = set()  # quotations already given a speaker: (para, start)
    for para, text in enumerate(texts):
        if not text:
            continue
        persons = by_para.get(para) or known
        toks = tokens[para]
        for match in cue_pattern().finditer(text):
            found += _at_cue(para, text, toks, marks, match.start(), match.end(), persons, taken)
        for quotation in opened_in.get(para, ()):
            if (para, quotation.start) not in taken:
                found += _after_colon(para, text, toks, quotation, persons, taken)
    return sorted(found, key=lambda f: (f.para, f.start, f.end))


def _subject(text: str, toks: Sequence[Token], pos: int, persons: Sequence[str]) -> Subject | None:
    """The speaker of a clause ending at ``pos``, or the one before for a sentence that goes on."""
    subject = speaker_before(text, toks, pos, persons)
    if subject is None and continues_sentence(text, toks, pos):
        start = sentence_start(text, pos)
        subject = Subject(start, start, Speaker("他", "", "pronoun"), start)
    return subject


def _at_cue(para, text, toks, marks, start, end, persons, taken) -> list[_Found]:
    """The statements a reporting verb at ``start..end`` introduces: a quotation before its
    speaker, a quotation after the verb, or reported speech."""
    if marks.inside(para, start) or not is_word(text, toks, start, end):
        return []
    first = cue_before(text[max(0, start - 4) : start])
    if first and is_word(text, toks, start - len(first), start):
        start -= len(first)
    subject = _subject(text, toks, start, persons)
    if subject is None:
        return []
    cue, out = text[start:end], []
    opens = time_words_before(toks, subject.start)  # a time word between quotation and speaker: “……”今年52岁的龙光学说
    mark = opens - 1 if text[opens - 1 : opens] in CLOSING else opens - 2
    trailing = marks.closed_at(para, mark) if mark >= 0 and text[mark + 1 : opens] in ("", "，") else None
    if trailing is not None and trailing.para == para and _spoken_after_colon(text, toks, trailing, persons):
        trailing = None  # 记者问李明：“……”李明说：the question is the asker's, not the next speaker's
    if trailing is not None and cue.startswith(_ANSWERS) and trailing.text.rstrip("”’ ").endswith(_QUESTION_MARKS):
        trailing = None  # “……吗？”李明回答说：the question is put to the one who answers it
    if trailing is not None and (trailing.para, trailing.start) not in taken:
        taken.add((trailing.para, trailing.start))
        end_at = trailing.end if trailing.end_para == trailing.para else len(text)
        claim = trailing.start - 1
        out.append(_Found(para, trailing.para, trailing.start, end_at, claim, subject, cue, "direct", trailing.text))
    after = text[end : end + 1]
    if after in _SAID or end >= len(text):
        return out
    claim = trailing.start - 1 if trailing is not None and trailing.para == para else sentence_start(text, subject.start)
    body = end + 1 if after in _REPORTS else end
    opened = marks.opened_at(para, body)
    if opened is not None and _names_a_term(text, para, opened):
        opened = None  # 称赞“以老带新”是一个好办法: reported speech that opens with a quoted term
    if opened is not None:
        taken.add((para, opened.start))
        end_at = opened.end if opened.end_para == para else len(text)
        return out + [_Found(para, para, opened.start, end_at, claim, subject, cue, "direct", opened.text)]
    if after == "，" and (cue_as_object(text, start) or acts_meanwhile(text, end)):
        return out  # 提出建议，……: the suggestion was made, the sentence goes on about something else
    if (after in _REPORTS or text[body : body + 1] in OPENING) and body < len(text):
        out.append(_Found(para, para, body, len(text), claim, subject, cue, "indirect", ""))
    return out


def _spoken_after_colon(text: str, toks: Sequence[Token], quotation: Quotation, persons) -> bool:
    """Whether a quotation follows a colon whose clause has a speaker (记者问李明：“……”): its words
    are that speaker's, so the speaker printed after it (……”李明说) does not take them."""
    colon = _colon_before(text, quotation)
    return colon is not None and _subject(text, toks, colon, persons) is not None


def _colon_before(text: str, quotation: Quotation) -> int | None:
    """Where the colon right before a quotation's opening mark stands (……说：“), if there is one."""
    colon = quotation.start - 2
    return colon if colon >= 0 and text[colon] in "：:" else None


def _names_a_term(text: str, para: int, quotation: Quotation) -> bool:
    """Whether a quotation is a term the sentence goes on about (“以老带新”是一个好办法), not a
    statement: short, with no punctuation inside, and words right after its closing mark."""
    after = text[quotation.end + 1 : quotation.end + 2]
    return (
        quotation.end_para == para
        and len(quotation.text) <= _TERM_MAX
        and not any(ch in CLAUSE_END for ch in quotation.text)
        and after != ""
        and after not in _AFTER_TERM
    )


def _after_colon(para, text, toks, quotation: Quotation, persons, taken) -> list[_Found]:
    """A quotation after a colon whose clause has a subject: 卡马尔记忆犹新：“……”; one that is a
    term opens the speaker's words (李明悟出一个道理：“导游”不是……), but not a reporter's, whose
    words after a colon are the article (记者王立新报道：“年货街”……)."""
    colon = _colon_before(text, quotation)
    if colon is None:
        return []
    subject = _subject(text, toks, colon, persons)
    if subject is None:
        return []
    taken.add((para, quotation.start))
    cue = predicate_cue(text, toks, subject.end, colon)
    claim = sentence_start(text, subject.start)
    if _names_a_term(text, para, quotation):
        if subject.speaker.role.endswith(_REPORTER):
            return []
        return [_Found(para, para, quotation.start - 1, len(text), claim, subject, cue, "indirect", "")]
    end = quotation.end if quotation.end_para == para else len(text)
    return [_Found(para, para, quotation.start, end, claim, subject, cue, "direct", quotation.text)]


def _bounded(
    found: list[_Found],
    speakers: Sequence[Speaker | None],
    texts: Sequence[str],
    tokens: Sequence[Sequence[Token]],
    names: Sequence[str],
) -> list[Quote]:
    """The quotes of the statements whose speaker is someone (``speakers``: who each one's printed
    speaker stands for), reported speech cut at the next statement's territory, at a later
    sentence that starts a new topic (:func:`~pipeline.extract.quotes.reported.topic_starts`) or
    at one that prints the speaker's name, the narrator's
    (:func:`~pipeline.extract.quotes.reported.naming_sentences`; a speaker printed 他 is cut at
    the name the pronoun stands for)."""
    out = []
    for item, speaker in zip(found, speakers):
        if speaker is None:
            continue
        printed = item.subject.speaker
        if item.kind == "indirect":
            text = texts[item.para]
            stops = [f.claim for f in found if f.para == item.para and f.claim > item.start]
            stops += topic_starts(text, item.start, names, tokens[item.para])
            named = printed if printed.kind == "named" else speaker if speaker.kind == "named" else None
            if named is not None:
                stops += naming_sentences(text, item.start, named.name)
            if printed.kind == "narrator":
                stops += first_sentence_end(text, item.start)
            body = text[item.start : min(stops, default=len(text))].rstrip()
            if not body:
                continue
            item = item._replace(end=item.start + len(body), text=body)
        out.append(
            Quote(
                item.para + 1, item.start, item.end, speaker.name, speaker.role, item.cue, item.kind, item.text,
                printed.name, SPEAKER_KINDS.get(speaker.kind, "person"),
            )
        )
    return sorted(set(out), key=lambda q: (q.para_no, q.start, q.end, q.speaker))


def _speakers(found: list[_Found], narration: Narration, names: Sequence[str], interview: bool) -> list[Speaker | None]:
    """Whom each statement's printed speaker stands for: pronouns and surname + title speakers
    resolved to the named person (None: a pronoun with nobody before it); in an interview, the 我
    who answers is the one interviewed, read like 他 (:mod:`~pipeline.extract.quotes.interview`)."""
    roles = {f.subject.speaker.name: f.subject.speaker.role for f in found if f.subject.speaker.kind == "named" and f.subject.speaker.role}
    out = []
    for f in found:
        printed = f.subject.speaker
        if interview and answers(printed, f.cue):
            meant = resolve(_INTERVIEWEE, f.said, f.subject.start, narration, names, roles)
            out.append(meant if meant is not None and meant.kind == "named" else printed)
        else:
            out.append(resolve(printed, f.said, f.subject.start, narration, names, roles))
    return out
