"""Where reported speech ends: ``X表示，……`` runs to the paragraph end, to the next statement,
or to the first later sentence that starts a new topic."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import regex

from pipeline.extract.quotes.cues import AFTER_CUE, cue_set, cue_words, token_at
from pipeline.extract.quotes.leads import ADVERBIAL, lead_only
from pipeline.extract.quotes.marks import CLAUSE_END, SENTENCE_END
from pipeline.extract.quotes.subjects import GROUP_PRONOUNS, PRONOUNS
from pipeline.extract.speakers import split_speaker
from pipeline.extract.speakers.lexicon import ends_with_title
from pipeline.segment import Token

#: a sentence that starts a new, unattributed source (据介绍，据了解，据新华社报道，据悉)
_NEW_SOURCE = regex.compile(r"据[^，。；！？]{1,16}，|据悉")
#: a sentence that opens on a calendar date or a reporter's time word: the narrative resumes
#: (3月上旬，第十届博览会开幕 / 近日，……); a relative 今年 or 下一步 may still be the speaker's
_NEW_TIME = regex.compile(
    r"(?:(?:[\d〇一二三四五六七八九十]{2,4}年|同年|次年|翌年)?[\d一二三四五六七八九十]{1,2}月"
    r"(?:[\d一二三四五六七八九十]{1,3}日)?(?:上旬|中旬|下旬|初|底|中下旬|中上旬|以来)?"
    r"(?:凌晨|上午|中午|下午|晚上|晚)?|近日|日前|当天|当日|次日|随后|同年|次年|翌年|翌日|当晚|这时)，"
)
#: the narrator as the subject of a sentence, past its clauses of time or place: 记者看到,
#: 笔者了解到, 只见 (what the writer saw), none of them a speaker's words about themselves
_NARRATOR = regex.compile(r"(?:本报|新华社)?记者|笔者|只见")
#: a note in brackets that ends a paragraph after its last sentence, or that names an author, a
#: source or the editor: the paper's, never the speaker's (（作者单位：……）, （本报记者李明）, （全文另发）)
_NOTE = regex.compile(r"[（(][^（(）)]*[）)]\s*$")
#: the words that open a clause of time or place before the narrator (在回城的路上，当天黑时)
_PLACE_OPENERS = "在当"
_NOTE_WORDS = regex.compile(r"作者|单位|记者|通讯员|全文|另发|摘自|选自|编者|供稿|整理|来源")
#: third-person pronouns: a sentence whose subject is one, with a verb after it, is the narrator's
#: account of someone (钱其琛说，……。他表示希望……), for a speaker says 我 of themselves
_THIRD_PERSON = PRONOUNS | GROUP_PRONOUNS
#: the two sides of a talk as a subject, and the adverbs that go on from what was said: a sentence
#: 双方还商谈了…… tells what they did (双方应加强合作 may be the speaker's words)
_BOTH_SIDES = frozenset({"双方", "两人", "二人", "宾主"})
_GOES_ON = frozenset({"还", "也", "又", "并", "随后", "接着"})
#: tags of the words that may come before that subject (因此, 同时) or between it and its verb (还,
#: 坚决, and the adjectives and conjunctions that stand as adverbs there: 他强烈指责, 他同时批评)
_CONJUNCTION_TAGS = frozenset({"c"})
_ADVERB_TAGS = frozenset({"d", "ad", "a", "c"})
_PREPOSITION_TAG = "p"
#: most adverbs between the pronoun and its verb
_ADVERBS_MAX = 3
_SENTENCE_ENDS = re.compile(f"[{SENTENCE_END}]")
_CLAUSE = regex.compile(r"[^，：。；！？“”]*")
#: the text of a role before a name: Chinese, and a body's branch in brackets (哈尔滨工业大学（深圳）教授)
_ROLE_TEXT = regex.compile(r"(?:\p{Han}|（\p{Han}{1,8}）)+")
#: a date before a name at a sentence start: 1996年, 5月3日
_DATE = regex.compile(r"(?:[\d〇一二三四五六七八九十]{1,4}[年月日])+")
#: a Japanese name's length (two characters of surname, then the given name), and its surname's
_JAPANESE_LENGTHS = (4, 5)
_JAPANESE_SURNAME = 2


def _cue_sizes() -> tuple[int, ...]:
    return tuple(sorted({len(w) for w in cue_words()}, reverse=True))


_CUE_SIZES = _cue_sizes()


def topic_starts(text: str, begin: int, names: Sequence[str] = (), tokens: Sequence[Token] | None = None) -> list[int]:
    """Starts of the sentences after ``begin`` where reported speech has ended: the sentence opens
    with 据…… (a new source), with a calendar date or a reporter's time word and a comma (the
    narrative resumes), with a named person, with a third-person pronoun and its verb, after any
    clause of time or place (the narrator tells what someone did; needs the paragraph's ``tokens``), or with a speaker phrase and a reporting verb whose speaker is unnamed (经济专家认为，).

    >>> t = "他介绍，茶园已达20万亩。3月上旬，博览会开幕。"; [t[i:] for i in topic_starts(t, 4)]
    ['3月上旬，博览会开幕。']
    >>> t = "他表示，经济向好。经济专家认为，风险仍在。"; [t[i:] for i in topic_starts(t, 4)]
    ['经济专家认为，风险仍在。']
    >>> t = "他说，条件成熟。刘洪是在会上谈到这一点的。"; [t[i:] for i in topic_starts(t, 3, ["刘洪"])]
    ['刘洪是在会上谈到这一点的。']
    >>> from pipeline.segment import segment
    >>> t = "他说，工厂去年扭亏为盈。他还希望明年产量翻番。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['他还希望明年产量翻番。']
    >>> t = "专家们认为，前景很好。因此他们建议加大投入。"; [t[i:] for i in topic_starts(t, 6, (), segment(t))]
    ['因此他们建议加大投入。']
    >>> t = "她介绍，小儿子很聪明。他和哥哥一样爱踢球。"; topic_starts(t, 4, (), segment(t))
    []
    >>> t = "他说，合作很顺利。他还对主办方的安排表示感谢。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['他还对主办方的安排表示感谢。']
    >>> t = "他说，会谈很顺利。他强烈批评了对方的做法。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['他强烈批评了对方的做法。']
    >>> t = "他强调，和平最重要。他强烈呼吁各方保持克制。"; [t[i:] for i in topic_starts(t, 4, (), segment(t))]
    ['他强烈呼吁各方保持克制。']
    >>> t = "他说，两国关系很好。双方还讨论了贸易问题。双方应加强合作。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['双方还讨论了贸易问题。双方应加强合作。']
    >>> t = "他说，合作很顺利。在谈到贸易问题时，他强调要扩大进口。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['在谈到贸易问题时，他强调要扩大进口。']
    >>> topic_starts("他表示，今年将推广新技术。下一步，要提早备足药剂。可以说，前景很好。", 4)
    []

    The narrator as the subject (记者, 笔者, 只见), past clauses of time or place; a time that
    moves the story on (同年, 这时); a named person after a date (1996年刘洪当选……); a note in
    brackets at the paragraph's end (:func:`note_start`):

    >>> t = "他说，村里通了电。在回城的路上，记者看到一排新房。"; [t[i:] for i in topic_starts(t, 3, (), segment(t))]
    ['在回城的路上，记者看到一排新房。']
    >>> t = "她说，警长随叫随到。同年5月，一位村民报了警。"; [t[i:] for i in topic_starts(t, 3)]
    ['同年5月，一位村民报了警。']
    >>> t = "他说，条件成熟。1996年刘洪当选厂长。"; [t[i:] for i in topic_starts(t, 3, ["刘洪"])]
    ['1996年刘洪当选厂长。']
    >>> t = "他说，事迹感人。哈尔滨工业大学（深圳）教授张钹参加了大会。"; [t[i:] for i in topic_starts(t, 3, ["张钹"])]
    ['哈尔滨工业大学（深圳）教授张钹参加了大会。']
    >>> t = "他说，要办好学校。（作者单位：河北大学）"; [t[i:] for i in topic_starts(t, 3)]
    ['（作者单位：河北大学）']
    """
    out = []
    starts = [end.end() for end in _SENTENCE_ENDS.finditer(text, begin)]
    for pos, stop in zip(starts, [*starts[1:], len(text)]):
        if pos >= len(text):
            break
        if _NEW_SOURCE.match(text, pos) or _NEW_TIME.match(text, pos) or _opens_with(text[pos:stop], names):
            out.append(pos)
        elif tokens is not None and _narrated(tokens, token_at(tokens, _past_leads(text, tokens, pos, stop))):
            out.append(pos)
        elif tokens is not None and _NARRATOR.search(text, pos, stop) and _by_narrator(text, tokens, pos, stop):
            out.append(pos)
    return out + note_start(text, begin)


def note_start(text: str, begin: int) -> list[int]:
    """Where a note in brackets ends the paragraph after ``begin``: after the last sentence, or
    naming an author, a source or the editor (……作出贡献（作者单位：河北大学）).

    >>> t = "他说，要办好学校（作者单位：河北大学）"; t[note_start(t, 3)[0] :]
    '（作者单位：河北大学）'
    >>> note_start("他说，要办好研究中心（北京）", 3)
    []
    """
    note = _NOTE.search(text, begin)
    if note is None or note.start() <= begin:
        return []
    after_sentence = note.start() > 0 and text[note.start() - 1] in SENTENCE_END
    return [note.start()] if after_sentence or _NOTE_WORDS.search(note[0]) else []


def _by_narrator(text: str, tokens: Sequence[Token], pos: int, end: int) -> bool:
    """Whether the sentence ``pos..end`` has the narrator for subject, past its clauses of time or
    place (在回城的路上，记者看到……): a clause that opens with 在 or 当 is one, whatever word closes it."""
    while (comma := text.find("，", pos, end)) > pos and (text[pos] in _PLACE_OPENERS or lead_only(text, tokens, pos, comma)):
        pos = comma + 1
    return bool(_NARRATOR.match(text, pos))


def naming_sentences(text: str, begin: int, name: str) -> list[int]:
    """Starts of the sentences after ``begin`` that print the speaker's own ``name``, or the short
    form the article calls them by (the last part of a ·-name, a Japanese surname): a speaker
    calls themselves 我, reported speech 他, so a sentence naming them is the narrator's.

    >>> t = "张华说，他永远忘不了那一天。此后，村里到处留下了张华的足迹。"; [t[i:] for i in naming_sentences(t, 3, "张华")]
    ['此后，村里到处留下了张华的足迹。']
    >>> t = "他认为，改革会成功。小泽表示，还要观察。"; [t[i:] for i in naming_sentences(t, 3, "小泽正雄")]
    ['小泽表示，还要观察。']
    >>> t = "他说，合作很重要。普罗迪随后离开。"; [t[i:] for i in naming_sentences(t, 3, "罗马诺·普罗迪")]
    ['普罗迪随后离开。']
    """
    forms = [form for form in (name, *_short_forms(name)) if len(form) >= 2 and text.find(form, begin) >= 0]
    if not forms:
        return []
    starts = [end.end() for end in _SENTENCE_ENDS.finditer(text, begin)]
    return [pos for pos, stop in zip(starts, [*starts[1:], len(text)]) if any(text.find(f, pos, stop) >= 0 for f in forms)]


def _short_forms(name: str) -> tuple[str, ...]:
    """What an article calls a person after naming them in full: the last part of a ·-name
    (罗马诺·普罗迪 -> 普罗迪), the surname of a Japanese name (小泽正雄 -> 小泽)."""
    # the name finder's model, imported here: the entities package imports the speakers one
    from pipeline.extract.entities.japanese import reads_japanese

    if "·" in name:
        return (name.rsplit("·", 1)[1],)
    if len(name) in _JAPANESE_LENGTHS and reads_japanese(name):
        return (name[:_JAPANESE_SURNAME],)
    return ()


def first_sentence_end(text: str, begin: int) -> list[int]:
    """Where the first sentence after ``begin`` ends: the narrator's reported speech (我告诉他们说，
    ……) stops there, for the account goes on in the same voice and nothing tells the two apart.

    >>> t = "我对他们说，鱼要新鲜。我从小长在河边。"; [t[3 + 3 : i] for i in first_sentence_end(t, 6)]
    ['鱼要新鲜。']
    """
    end = _SENTENCE_ENDS.search(text, begin)
    return [end.end()] if end else []


def _past_leads(text: str, tokens: Sequence[Token], pos: int, end: int) -> int:
    """Where the sentence ``pos..end`` has its subject, past clauses of time or place that have none
    (在谈到外交政策时，他强调……)."""
    if not any(text.find("，" + pronoun, pos, end) >= 0 for pronoun in PRONOUNS):
        return pos
    while (comma := text.find("，", pos, end)) > pos and lead_only(text, tokens, pos, comma):
        pos = comma + 1
    return pos


def _narrated(tokens: Sequence[Token], i: int) -> bool:
    """Whether the sentence at token ``i`` has a third-person pronoun for subject, then a verb or a
    reporting verb jieba tagged otherwise, or a prepositional phrase and a reporting verb in the
    same clause (他还对……的立场表示赞赏)."""
    if i < len(tokens) and tokens[i].tag in _CONJUNCTION_TAGS:
        i += 1
    if i + 2 < len(tokens) and tokens[i].text in _BOTH_SIDES and tokens[i + 1].text in _GOES_ON:
        return tokens[i + 2].tag.startswith("v")  # 双方还商谈了: what they did, told
    if i >= len(tokens) or tokens[i].text not in _THIRD_PERSON:
        return False
    i += 1
    for _ in range(_ADVERBS_MAX):
        if i < len(tokens) and tokens[i].tag in _ADVERB_TAGS:
            i += 1
    if i < len(tokens) and tokens[i].tag == _PREPOSITION_TAG:
        clause = itertools.takewhile(lambda t: t.text not in CLAUSE_END, tokens[i + 1 :])
        return any(t.text in cue_set() or t.text[:2] in cue_set() for t in clause)  # 表示感谢 is one word
    # 建议/n is a cue jieba tags a noun; 强烈呼吁/i, an adverb and a cue it keeps as one word
    word = tokens[i] if i < len(tokens) else None
    return word is not None and (word.tag.startswith("v") or word.text in cue_set() or word.text[-2:] in cue_set())


def _opens_with(sentence: str, names: Sequence[str]) -> bool:
    """Whether a sentence opens with a named person (after a title or a 的 modifier at most:
    第一次登台演出的刘晓峰，……) or with an unnamed speaker and a reporting verb."""
    for name in names:
        at = sentence.find(name)
        if at == 0:
            return True
        lead = sentence[:at]
        if at > 0 and _ROLE_TEXT.fullmatch(lead) and (ends_with_title(lead) or lead[-1] == "的"):
            return True
        if at > 0 and _DATE.fullmatch(lead):
            return True
    clause = _CLAUSE.match(sentence)[0]
    if sentence[len(clause) : len(clause) + 1] not in tuple(AFTER_CUE):
        return False
    cue = next((clause[-size:] for size in _CUE_SIZES if len(clause) > size and clause[-size:] in cue_set()), "")
    subject = clause[: len(clause) - len(cue)]
    if adverbial := ADVERBIAL.search(subject):
        subject = subject[: adverbial.start()]
    return bool(cue and subject) and (bool(ends_with_title(subject)) or split_speaker(subject) is not None)
