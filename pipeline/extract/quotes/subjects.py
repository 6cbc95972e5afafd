"""The subject in speaker position: the noun phrase that opens the clause before a reporting verb
or a colon, read from the block's tokens, whatever the name finder said about it.

A clause opens with its subject after any conjunction, adverb, time word or a
prepositional phrase of time or place (在会见时, 据): ``萨拉对记者说`` -> 萨拉,
``恩佐在回顾……后表示`` -> 恩佐, ``队列中，一位白发老人感慨地对记者说`` -> 白发老人.
Those lead words are read by :mod:`~pipeline.extract.quotes.leads`, the phrase after them
and the speaker it names by :mod:`~pipeline.extract.quotes.phrases`; this module decides
which clause's subject speaks.  A clause with no subject of its own (深情地说) takes the one
of the clause before it in the same sentence (机长王启明手捧奖杯，激动地说).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from pipeline.extract.quotes.cues import cue_set, token_at
from pipeline.extract.quotes.leads import after_credit, lead_end
from pipeline.extract.quotes.marks import CLOSING, clause_starts, sentence_start
from pipeline.extract.quotes.phrases import (
    Subject,
    after_modifier,
    fills_clause,
    named_subject,
    phrase_end,
    whole_clause,
)
from pipeline.extract.speakers import PRONOUNS, Speaker
from pipeline.extract.speakers.roles import DATELINE
from pipeline.segment import Token

#: PRONOUNS (speakers'): pronouns for one person, resolved later to the person they stand for;
#: plural ones end the search
PLURAL_PRONOUNS = frozenset({"他们", "她们", "我们", "大家", "人们", "双方", "有人", "有的人"})
#: the narrator, who speaks in the story too (我问她：“……” is asked by 我, not by the one asked): a
#: speaker printed as is, never resolved to anyone
NARRATOR = "我"
#: what makes 我 "our" before a body or its staff abroad (我驻……使馆, 我常驻人员): no narrator
_STATIONED = ("驻", "常驻", "派驻")
#: a clause whose subject is one of a group, with no noun of its own (其中一位告诉记者, 有一位说),
#: and the plural ending of the group's noun (工人们)
_ONE_OF = regex.compile(r"(?:其中|内中)?有?一[位名个]")
#: tags of the word after 其中一位 that show it has no noun: a verb, an adverb, a preposition
_NO_NOUN_TAGS = ("v", "d", "p")
_PLURAL = "们"
#: plural pronouns that stand for a group of people named earlier in the sentence (学生们……，他们高喊)
GROUP_PRONOUNS = frozenset({"他们", "她们"})


def subject_at(
    text: str, tokens: Sequence[Token], begin: int, limit: int, persons: Sequence[str] = ()
) -> tuple[bool, Subject | None]:
    """Whether the clause at ``begin`` (ending at ``limit``) opens with a noun phrase, and the
    speaker it names (None when it is no one: 报告指出, 贺卡上写着).

    >>> from pipeline.segment import segment
    >>> t = "萨拉对记者说"; subject_at(t, segment(t), 0, 5)
    (True, Subject(start=0, end=2, speaker=Speaker(name='萨拉', role='', kind='named'), name_start=0))
    >>> t = "李文华双手握住老人的手大声说"; subject_at(t, segment(t), 0, len(t))[1].speaker.name
    '李文华'
    >>> t = "深情地说"; subject_at(t, segment(t), 0, len(t))
    (False, None)
    >>> t = "报告指出"; subject_at(t, segment(t), 0, len(t))
    (True, None)
    >>> t = "长跑队一位年过七旬的老队员对记者说"; subject_at(t, segment(t), 0, len(t) - 1)[1].speaker
    Speaker(name='老队员', role='老队员', kind='source')
    >>> t = "我问她"; subject_at(t, segment(t), 0, len(t))[1].speaker
    Speaker(name='我', role='', kind='narrator')
    >>> [subject_at(t, segment(t), 0, len(t) - 2) for t in ("据我驻外人员介绍", "我常驻当地的人员介绍")]
    [(False, None), (False, None)]
    """
    if begin == 0 and (dateline := DATELINE.match(text)):
        begin = dateline.end()
    i = lead_end(text, tokens, token_at(tokens, begin), limit)
    if i < 0:  # a place or time phrase that jieba's words do not close: 在村口开农家乐的村民肖桂兰
        subject = whole_clause(text, begin, limit, persons)
        return subject is not None, subject
    if i >= len(tokens) or tokens[i].start >= limit:
        return False, None
    first = tokens[i]
    if first.text in cue_set():  # a reporting verb jieba tagged a name (夸赞/nrt道): the clause has no subject
        return False, None
    if first.text in PRONOUNS or first.text == NARRATOR:
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        ours = first.text == NARRATOR and after is not None and after.text.startswith(_STATIONED)
        if (after is None or after.text != "的" or after.start >= limit) and not ours:
            kind = "narrator" if first.text == NARRATOR else "pronoun"
            return True, Subject(first.start, first.end, Speaker(first.text, "", kind), first.start)
    if first.text in GROUP_PRONOUNS:
        return True, Subject(first.start, first.end, Speaker(first.text, "", "group"), first.start)
    if first.text in PLURAL_PRONOUNS:
        return True, None
    end = phrase_end(text, tokens, i, limit, persons)
    if end <= i:
        modified = after_modifier(text, tokens, i, limit)
        if modified is None:
            return False, None
        i, end = modified, phrase_end(text, tokens, modified, limit, persons)
        subject = named_subject(text, tokens, i, end, limit, persons) if end > i else None
        return subject is not None, subject
    subject = named_subject(text, tokens, i, end, limit, persons)
    if subject is None or subject.speaker.kind == "organization":
        # the whole clause may name a person whose role jieba broke (青海大学|生态环境/l|工程学院教授韩永祥)
        subject = whole_clause(text, first.start, limit, persons) or subject
    if subject is None and fills_clause(text, tokens, end, limit):
        return False, None
    if subject is None and (modified := after_modifier(text, tokens, end, limit)) is not None:
        # a clause with 的 inside the phrase: 长跑队一位年过七旬的|老队员
        head = phrase_end(text, tokens, modified, limit, persons)
        subject = named_subject(text, tokens, modified, head, limit, persons) if head > modified else None
    return True, subject


def speaker_before(
    text: str, tokens: Sequence[Token], pos: int, persons: Sequence[str] = (), floor: int = 0
) -> Subject | None:
    """The subject of the clause that ends at ``pos`` (a reporting verb or a colon), or, when that
    clause has none of its own, of the nearest clause before it in the sentence that has one (not
    before a colon: 记者罗明报道：近两年，来宾无不赞叹).

    >>> from pipeline.segment import segment
    >>> t = "机长王启明手捧奖杯，激动地说"; speaker_before(t, segment(t), len(t)).speaker
    Speaker(name='王启明', role='机长', kind='named')
    >>> t = "回忆起那段日子，他感慨"; speaker_before(t, segment(t), len(t)).speaker.kind
    'pronoun'

    他们/她们 stand for the group of unnamed people that an earlier clause of the sentence opens
    with, else for no one:

    >>> t = "几位老工人站在门口，他们齐声喊道"; speaker_before(t, segment(t), len(t)).speaker
    Speaker(name='老工人', role='老工人', kind='source')
    >>> t = "李明和王红站在门口，他们齐声喊道"; speaker_before(t, segment(t), len(t)) is None
    True

    One of them (其中一位, 有一位) is one of the group an earlier clause opens with, not the group:

    >>> t = "工人们干劲很足，其中一位告诉记者"; speaker_before(t, segment(t), len(t) - 4).speaker
    Speaker(name='工人', role='工人', kind='source')
    >>> t = "李明干劲很足，其中一位告诉记者"; speaker_before(t, segment(t), len(t) - 4) is None
    True
    >>> t = "村民们围着记者，一位老大娘说"; speaker_before(t, segment(t), len(t) - 1).speaker.name
    '老大娘'
    """
    begin = max(sentence_start(text, pos), floor, text.rfind("：", 0, pos) + 1)
    begin = after_credit(text, begin, pos)
    group = False
    for start in reversed(clause_starts(text, begin, pos)):
        if start > begin and text[start - 1] in CLOSING:
            break
        if (one := _ONE_OF.match(text, start)) and _verb_at(tokens, one.end()):
            return _one_of(text, tokens, begin, start, persons)
        opens, subject = subject_at(text, tokens, start, pos, persons)
        if group and opens and subject is not None:  # people named before the group: no one
            return subject if subject.speaker.kind == "source" else None
        if group:  # a clause about a thing (车窗大开) stands between them
            continue
        if opens and subject is not None and subject.speaker.kind == "group":
            group = True
        elif opens:
            return subject
    return None


def _one_of(text: str, tokens: Sequence[Token], begin: int, pos: int, persons: Sequence[str]) -> Subject | None:
    """The one person of a clause that opens with 其中一位 (工人们……，其中一位说): one of the group of
    unnamed people an earlier clause of the sentence opens with (工人), else no one (李明和王红)."""
    for start in reversed(clause_starts(text, begin, pos)):
        opens, subject = subject_at(text, tokens, start, pos, persons)
        if opens:
            if subject is None or subject.speaker.kind != "source":
                return None
            one = subject.speaker.name.removesuffix(_PLURAL)
            return subject._replace(speaker=Speaker(one, one, "source"))
    return None


def _verb_at(tokens: Sequence[Token], pos: int) -> bool:
    """Whether the word at ``pos`` is a verb, an adverb or a preposition (其中一位|告诉记者): no noun."""
    i = token_at(tokens, pos)
    return i < len(tokens) and tokens[i].start == pos and (tokens[i].tag.startswith(_NO_NOUN_TAGS) or tokens[i].text in cue_set())
