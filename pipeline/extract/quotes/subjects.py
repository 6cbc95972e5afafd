"""The subject in speaker position: the noun phrase that opens the clause before a reporting verb
or a colon, read from the block's tokens, whatever the name finder said about it.

A clause opens with its subject after any conjunction, adverb, time word or a
prepositional phrase of time or place (在会见时, 据): ``萨拉对记者说`` -> 萨拉,
``恩佐在回顾……后表示`` -> 恩佐, ``队列中，一位白发老人感慨地对记者说`` -> 白发老人.  The
phrase is split into a role and a name by :func:`~pipeline.extract.speakers.split_speaker`;
a phrase that runs on past a name (李文华双手握住……, 李宁的态度很达观) is cut after
the name.  A clause with no subject of its own (深情地说) takes the one of the
clause before it in the same sentence (机长王启明手捧奖杯，激动地说).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from pipeline.extract.gazetteer import surnames
from pipeline.extract.quotes.cues import cue_set, token_at
from pipeline.extract.quotes.marks import CLAUSE_END, CLOSING, clause_starts, sentence_start
from pipeline.extract.speakers import PRONOUNS, Speaker, split_speaker
from pipeline.extract.speakers.lexicon import ends_with_title
from pipeline.extract.speakers.names import DOT_READINGS, plausible_chinese_name, plausible_name
from pipeline.extract.speakers.roles import DATELINE
from pipeline.lexicon import jieba_dictionary
from pipeline.segment import Token

#: PRONOUNS (speakers'): pronouns for one person, resolved later to the person they stand for;
#: plural ones end the search
PLURAL_PRONOUNS = frozenset({"他们", "她们", "我们", "大家", "人们", "双方", "有人", "有的人"})
#: plural pronouns that stand for a group of people named earlier in the sentence (学生们……，他们高喊)
GROUP_PRONOUNS = frozenset({"他们", "她们"})
#: words at a clause start before its subject: conjunctions, adverbs, 据 (据李明介绍), 正如 (正如李明所说)
_LEAD_TAGS = frozenset({"c", "d", "t", "tg", "ad"})
_LEAD_WORDS = frozenset({"据", "对此", "为此", "随后", "接着", "同时", "而", "但", "并", "有", "有位", "有的", "正如", "诚如"})
#: adverbs of a clause that goes on from the sentence before, whose subject is the one before
#: (他说……。接着又说, 并强调)
CONTINUING = frozenset({"又", "还", "并", "也", "接着", "随后", "继而", "最后", "同时"})
#: a clause of two actions at once (边敬礼边说, 一边走一边说) has no subject of its own
_WHILE = frozenset({"边", "一边"})
#: a prepositional phrase before the subject, and the words that close it: 在会见时，在会上
_PREPOSITIONS = frozenset({"在", "当", "于"})
_PP_ENDS = frozenset({"时", "时候", "上", "中", "后", "之后", "前", "之前", "期间", "之际", "里", "以来", "之中"})
#: longest prepositional phrase skipped, in tokens
_PP_MAX = 12
#: a date or a time of day at a clause start: 1月5日, 今天上午
_DATE = regex.compile(r"(?:[\d〇一二三四五六七八九十]+[年月日号]|[上下中]午|凌晨|晚上?)+")
#: jieba frequency from which a noun is a common word, not a given name
_COMMON_FREQ = 20
#: longest clause with 的 that may modify the speaker phrase, in tokens
_MODIFIER_MAX = 12
#: longest speaker phrase in tokens (a role with its organization, then the name)
_PHRASE_MAX = 24
#: tags of words a phrase may hold before its head: quantifiers (一位), modifiers (老, 女), 们
_MODIFIER_TAGS = frozenset({"a", "ag", "an", "b", "f", "s", "m", "mq", "q"})
#: determiners a phrase may open with: 这位老人, 该负责人
_DETERMINERS = frozenset({"这位", "那位", "这名", "那名", "该", "此", "其", "这些", "那些", "其中", "有位", "有的"})
#: adverbials between a speaker and the verb: 则, 笑着, 感慨地, 在会见时, 对记者, 今天在此间
ADVERBIAL = regex.compile(
    r"(?:在[^，。；：“”]{1,24}?(?:时|中|上|期间|之际)|接受[^，。；：“”]{0,16}采访时|(?:对|向)(?:本报)?记者"
    r"|在此间|在此|在这里|今天|昨天|前天|日前|近日|当天|上午|下午|晚上|[\d一二三四五六七八九十]{1,3}日"
    r"|同时|也|则|还|又|更|亦|曾|再次|一再|多次|进一步|\p{Han}{1,2}地|\p{Han}{1,2}着)+$"
)
#: marks around a name inside a role, and how long such a name is at most
_NAME_MARKS = {"“": "”", "《": "》"}
_QUOTED_NAME_MAX = 15
#: a reporter's credit in brackets, which ends the dateline before the first sentence: （记者王立新）;
#: OCR reads the opening bracket as 《 or loses it with the dateline on a line of its own
_CREDIT = regex.compile(r"(?:本报|新华社|中新社)?(?:特派|特约|驻\p{Han}{1,6})?(?:记者|通讯员|实习生)")
_OPENING_BRACKETS = "（(《"
_CLOSING_BRACKETS = "）)"
_JOINERS = frozenset({"、", "和", "与", "及", "兼", "的", "之", "·"}) | frozenset(DOT_READINGS)
#: prepositions of company that end a speaker phrase: the person after them is spoken with, not
#: the speaker (李明同记者谈起往事时说, 总统与来访的外长会谈时表示); 和 and 与 only where jieba
#: reads them as prepositions, for they join two speakers too (张华和李强说)
_COMPANIONS = frozenset({"同", "跟"})
_COMPANION_TAG = "p"


class Subject(NamedTuple):
    """A speaker phrase at ``start..end`` and who it names; ``name_start`` is where the printed
    name ends the phrase (``end`` itself for a speaker with no name)."""

    start: int
    end: int
    speaker: Speaker
    name_start: int


def _nominal(token: Token) -> bool:
    """A noun, a name or an unknown character (阿米/nrt 娜/x): what a speaker phrase is made of."""
    tag = token.tag
    if tag[0] == "n" or tag in ("j", "k", "eng"):
        return True
    if len(token.text) == 2 and token.text[1] == "方":  # a side: 中方/f, 美方
        return True
    return tag == "x" and "\u4e00" <= token.text[0] <= "\u9fff"


def _lead_end(text: str, tokens: Sequence[Token], i: int, limit: int) -> int:
    """Index of the first token of a clause after its lead words (-1: the clause opens with a
    prepositional phrase that never closes, so it has no subject of its own)."""
    while i < len(tokens) and tokens[i].start < limit:
        token = tokens[i]
        if (date := _DATE.match(text, token.start)) and date.end() > token.start:
            i = token_at(tokens, date.end())
        elif token.text in _PREPOSITIONS:
            close = next(
                (j for j in range(i + 1, min(i + _PP_MAX, len(tokens))) if tokens[j].text in _PP_ENDS), None
            )
            if close is None or tokens[close].start >= limit:
                return -1
            i = close + 1
        elif token.text in _WHILE and any(t.text in _WHILE for t in tokens[i + 1 : token_at(tokens, limit)]):
            return len(tokens)  # 边敬礼边说: two actions at once, done by the subject before
        elif token.tag in _LEAD_TAGS or token.text in _LEAD_WORDS:
            i += 1
        elif i + 1 < len(tokens) and tokens[i + 1].text == "地":  # an adverbial: 深情地, 感慨地
            i += 2
        else:
            return i
    return len(tokens)


def lead_only(text: str, tokens: Sequence[Token], begin: int, limit: int) -> bool:
    """Whether the clause ``begin..limit`` is all lead words, a time or a prepositional phrase of
    time or place with no subject of its own (日前在出席……的仪式上, 1月5日).

    >>> from pipeline.segment import segment
    >>> t = "日前在出席颁奖的仪式上，"; lead_only(t, segment(t), 0, len(t) - 1)
    True
    >>> t = "这次获得赔偿的受害人名叫张华，"; lead_only(t, segment(t), 0, len(t) - 1)
    False
    """
    i = _lead_end(text, tokens, token_at(tokens, begin), limit)
    return i >= 0 and (i >= len(tokens) or tokens[i].start >= limit)


def _name_end(text: str, tokens: Sequence[Token], j: int, limit: int, persons: Sequence[str]) -> int:
    """Index after a name that starts at token ``j`` and that jieba cut into words of other kinds:
    a known person (``persons``), or a surname and a given name tagged as a verb (陈/nr 守仁/v),
    not a preposition that is also a surname before a common noun (向|全国, 向|家乡; 刘|长河 is a
    name); ``j`` itself when there is none.

    >>> from pipeline.segment import segment
    >>> t = "总统卡多佐向全国发表讲话"; toks = segment(t); [_name_end(t, toks, j, len(t), ()) > j for j in (1, 2)]
    [False, False]
    >>> t = "村支书刘长河拉着记者的手说"; toks = segment(t); _name_end(t, toks, 1, len(t), ())
    3
    """
    start = tokens[j].start
    for name in persons:
        if text.startswith(name, start) and start + len(name) <= limit:
            return token_at(tokens, start + len(name))
    if tokens[j].text in surnames() and j + 1 < len(tokens) and tokens[j + 1].start < limit:
        given = text[tokens[j + 1].start : min(tokens[j + 1].end, limit)]
        if len(given) <= 2 and given not in cue_set() and not (tokens[j].tag == "p" and _common_noun(given)) and plausible_chinese_name(tokens[j].text + given):
            return j + 2
    return j


def _common_noun(word: str) -> bool:
    """A noun or place word of jieba's dictionary, frequent enough to be no given name (全国, 家乡;
    not 立新, 守仁, which jieba tags otherwise and names are made of)."""
    freq, tag = jieba_dictionary().get(word, (0, ""))
    return freq >= _COMMON_FREQ and (tag in ("n", "s", "f") or tag == "ns")


def _quoted_name_end(text: str, start: int, limit: int) -> int:
    """End of a short quoted or book-title name inside a role (巴基斯坦“读懂中国”论坛理事长,
    《人民日报》记者), 0 when the marks hold a sentence."""
    close = text.find(_NAME_MARKS[text[start]], start + 1)
    inner = text[start + 1 : close]
    if close < 0 or close >= limit or len(inner) > _QUOTED_NAME_MAX or any(ch in CLAUSE_END for ch in inner):
        return 0
    return close + 1


def _phrase_end(text: str, tokens: Sequence[Token], i: int, limit: int, persons: Sequence[str] = ()) -> int:
    """Index after the speaker phrase opening at token ``i``: nouns and names, with the modifiers,
    的, 、 and dots between them, up to its last noun."""
    j, last_noun = i, -1
    while j < len(tokens) and tokens[j].start < limit and j - i < _PHRASE_MAX:
        token = tokens[j]
        if j > i and (token.text in _COMPANIONS or (token.text in _JOINERS and token.tag == _COMPANION_TAG)):
            break
        if (name_end := _name_end(text, tokens, j, limit, persons)) > j:
            j = last_noun = name_end - 1
        elif token.text in _NAME_MARKS and (close := _quoted_name_end(text, token.start, limit)) > 0:
            j = token_at(tokens, close) - 1
        elif token.end > limit:  # a word that runs into the verb (明确指出): the phrase ends before it
            break
        elif _nominal(token):
            last_noun = j
        elif not (
            token.tag in _MODIFIER_TAGS
            or token.text in _JOINERS
            or (j == i and token.text in _DETERMINERS)
            or (token.tag == "vn" and j + 1 < len(tokens) and _nominal(tokens[j + 1]))  # 有关|负责人
        ):
            break
        j += 1
    return last_noun + 1


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
    """
    if begin == 0 and (dateline := DATELINE.match(text)):
        begin = dateline.end()
    i = _lead_end(text, tokens, token_at(tokens, begin), limit)
    if i < 0:  # a place or time phrase that jieba's words do not close: 在村口开农家乐的村民肖桂兰
        subject = _whole_clause(text, begin, limit, persons)
        return subject is not None, subject
    if i >= len(tokens) or tokens[i].start >= limit:
        return False, None
    first = tokens[i]
    if first.text in cue_set():  # a reporting verb jieba tagged a name (夸赞/nrt道): the clause has no subject
        return False, None
    if first.text in PRONOUNS:
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is None or after.text != "的" or after.start >= limit:
            return True, Subject(first.start, first.end, Speaker(first.text, "", "pronoun"), first.start)
    if first.text in GROUP_PRONOUNS:
        return True, Subject(first.start, first.end, Speaker(first.text, "", "group"), first.start)
    if first.text in PLURAL_PRONOUNS:
        return True, None
    end = _phrase_end(text, tokens, i, limit, persons)
    if end <= i:
        modified = _after_modifier(text, tokens, i, limit)
        if modified is None:
            return False, None
        i, end = modified, _phrase_end(text, tokens, modified, limit, persons)
        subject = _named(text, tokens, i, end, limit, persons) if end > i else None
        return subject is not None, subject
    subject = _named(text, tokens, i, end, limit, persons)
    if subject is None or subject.speaker.kind == "organization":
        # the whole clause may name a person whose role jieba broke (青海大学|生态环境/l|工程学院教授韩永祥)
        subject = _whole_clause(text, first.start, limit, persons) or subject
    if subject is None and _fills_clause(text, tokens, end, limit):
        return False, None
    if subject is None and (modified := _after_modifier(text, tokens, end, limit)) is not None:
        # a clause with 的 inside the phrase: 长跑队一位年过七旬的|老队员
        head = _phrase_end(text, tokens, modified, limit, persons)
        subject = _named(text, tokens, modified, head, limit, persons) if head > modified else None
    return True, subject


def _fills_clause(text: str, tokens: Sequence[Token], end: int, limit: int) -> bool:
    """Whether a noun phrase that ends before token ``end`` is all its clause: no verb after it, so
    its last word is the predicate jieba tagged a noun (高声|倡议：, 手中|舞动着|彩旗), and the
    clause has no subject of its own (报告|指出 has one: 报告, before the reporting verb).

    >>> from pipeline.segment import segment
    >>> t = "手中舞动着彩旗，"; _fills_clause(t, segment(t), 3, len(t) - 1)
    True
    >>> t = "报告指出，"; _fills_clause(t, segment(t), 1, 2)
    False
    """
    stop = tokens[end].start if end < len(tokens) and tokens[end].start < limit else limit
    return stop >= len(text) or text[stop] in CLAUSE_END


def _after_modifier(text: str, tokens: Sequence[Token], i: int, limit: int) -> int | None:
    """Index of the phrase after a clause that modifies it with 的 (天天都要到工地的|副市长李豆罗),
    None when the clause has no such 的 before its verb or opens with a preposition (向……的城里人
    说: the one spoken to)."""
    if tokens[i].tag == "p":
        return None
    for j in range(i, min(len(tokens), i + _MODIFIER_MAX)):
        if tokens[j].start >= limit or tokens[j].text in CLAUSE_END:
            return None
        if tokens[j].text == "的" and j + 1 < len(tokens) and _nominal(tokens[j + 1]):
            return j + 1
    return None


def _whole_clause(text: str, start: int, limit: int, persons: Sequence[str]) -> Subject | None:
    """The speaker when the clause up to the verb is all speaker phrase but for an adverbial at its
    end, and jieba cut a verb inside the role (古建筑|保护|研究所高级工程师李红梅 + 介绍); the
    name may have its title after it (分管这项工作的张建国副市长).

    >>> t = "市政府分管交通的张建国副市长认为"; _whole_clause(t, 0, len(t) - 2, ()).speaker
    Speaker(name='张建国', role='副市长', kind='named')
    """
    phrase = text[start:limit]
    if adverbial := ADVERBIAL.search(phrase):
        phrase = phrase[: adverbial.start()]
    speaker = split_speaker(phrase, persons) if phrase else None
    if speaker is None or speaker.kind not in ("named", "title_surname"):
        return None
    printed = speaker.name
    if not phrase.endswith(printed) and speaker.kind == "named" and (title := ends_with_title(phrase)):
        printed, speaker = printed + title, speaker._replace(role=title)  # 张建国副市长, 沙祖康大使
    if not phrase.endswith(printed):
        return None
    end = start + len(phrase)
    return Subject(start, end, speaker, end - len(printed))


def _named(
    text: str, tokens: Sequence[Token], i: int, end: int, limit: int, persons: Sequence[str]
) -> Subject | None:
    """The speaker of the phrase ``tokens[i:end]``: the whole phrase, else the phrase cut after
    its first name (李文华|双手, 李宁|的态度: the person the rest belongs to)."""
    start = tokens[i].start
    for j in (end, *range(i + 1, end)):
        stop = min(tokens[j - 1].end, limit)
        phrase = text[start:stop]
        speaker = split_speaker(phrase, persons)
        if speaker is None or (j < end and not _cut_after_name(text, tokens, j, speaker)):
            continue
        name_start = stop - len(speaker.name) if phrase.endswith(_printed(speaker)) else stop
        if _opens_with_place(tokens, name_start, stop):
            continue
        return Subject(start, stop, speaker, name_start)
    return None


def _opens_with_place(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the name at ``start..end`` begins with a whole place word of the segmentation and
    runs on past it (法国|大|文豪雨果: 法国大 is no person); a name jieba knows is one word.

    >>> from pipeline.segment import segment
    >>> t = "法国大文豪"; _opens_with_place(segment(t), 0, 3)
    True
    """
    at = token_at(tokens, start)
    return at < len(tokens) and tokens[at].start == start and tokens[at].tag == "ns" and tokens[at].end < end


def _cut_after_name(text: str, tokens: Sequence[Token], j: int, speaker: Speaker) -> bool:
    """Whether a phrase may end after token ``j - 1`` with this speaker, the rest belonging to
    them: a Chinese name (李文华|双手, 李宁|的态度), a foreign name only before 的; never inside a
    word jieba did not know (拉尼|娜), nor before a noun a foreign name qualifies (拉尼娜|现象)."""
    if speaker.kind not in ("named", "title_surname"):
        return False
    rest = tokens[j]
    if rest.tag == "x" and "\u4e00" <= rest.text[0] <= "\u9fff":
        return False
    return rest.text == "的" or plausible_name(speaker.name) or speaker.kind == "title_surname"


def _printed(speaker: Speaker) -> str:
    return speaker.name if speaker.kind in ("named", "title_surname", "pronoun") else "\0"


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
    """
    begin = max(sentence_start(text, pos), floor, text.rfind("：", 0, pos) + 1)
    begin = after_credit(text, begin, pos)
    group = False
    for start in reversed(clause_starts(text, begin, pos)):
        if start > begin and text[start - 1] in CLOSING:
            break
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


def after_credit(text: str, begin: int, pos: int) -> int:
    """Where the sentence from ``begin`` to ``pos`` starts once a reporter's credit in brackets is
    left out, or a closing bracket whose opening one is not in the sentence (the dateline was
    printed, or read by OCR, as a block of its own): a speaker phrase never runs back over it.

    >>> t = "记者王立新）越南总理阮明今天在这里说"; t[after_credit(t, 0, len(t)) :]
    '越南总理阮明今天在这里说'
    >>> t = "《记者王立新）据国防部宣布"; t[after_credit(t, 0, len(t)) :]
    '据国防部宣布'
    >>> t = "研究中心（北京）主任李明说"; after_credit(t, 0, len(t))
    0
    """
    close = max(text.rfind(mark, begin, pos) for mark in _CLOSING_BRACKETS)
    if close < 0:
        return begin
    opening = max(text.rfind(mark, begin, close) for mark in _OPENING_BRACKETS)
    if opening < 0 or _CREDIT.match(text, opening + 1):
        return close + 1
    return begin


def continues_sentence(text: str, tokens: Sequence[Token], pos: int) -> bool:
    """Whether the sentence holding ``pos`` opens with an adverb that goes on from the sentence
    before (接着又说, 并强调): its speaker is the one before."""
    first = token_at(tokens, sentence_start(text, pos))
    return first < len(tokens) and tokens[first].text in CONTINUING
