"""The speaker phrase: the noun phrase that opens a clause once its lead words are passed, read from
the block's tokens (nouns and names, with the modifiers, 的, 、 and dots between them), and the
speaker it names (a role and a name, by :func:`~pipeline.extract.speakers.split_speaker`); a phrase
that runs on past a name (李文华双手握住……, 李宁的态度很达观) is cut after the name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pipeline.extract.gazetteer import surnames
from pipeline.extract.quotes.cues import cue_set, token_at
from pipeline.extract.quotes.leads import ADVERBIAL
from pipeline.extract.quotes.marks import CLAUSE_END
from pipeline.extract.speakers import Speaker, split_speaker
from pipeline.extract.speakers.lexicon import ends_with_title
from pipeline.extract.speakers.names import DOT_READINGS, plausible_chinese_name, plausible_name
from pipeline.lexicon import jieba_dictionary
from pipeline.segment import Token

#: jieba frequency from which a noun is a common word, not a given name
_COMMON_FREQ = 20
#: longest clause with 的 that may modify the speaker phrase, in tokens
_MODIFIER_MAX = 12
#: longest speaker phrase in tokens (a role with its organization, then the name)
_PHRASE_MAX = 24
#: tags of words a phrase may hold before its head: quantifiers (一位), modifiers (老, 女), 们
_MODIFIER_TAGS = frozenset({"a", "ag", "an", "b", "f", "s", "m", "mq", "q"})
#: tags jieba gives some words of an office's name (县/zg, 扶贫办/i, 统战部/l): before a title they are
#: the speaker's role, whatever their tag says
_OFFICE_WORD_TAGS = frozenset({"i", "l", "zg"})
#: how many tokens of an office's name may stand before its title
_OFFICE_WORDS_MAX = 3
#: demonstratives that jieba glues to a body's one-character name (该校, 该院, 该县)
_DEMONSTRATIVES = "该此本"
#: determiners a phrase may open with: 这位老人, 该负责人
_DETERMINERS = frozenset({"这位", "那位", "这名", "那名", "该", "此", "其", "这些", "那些", "其中", "有位", "有的"})
#: marks around a name inside a role, and how long such a name is at most
_NAME_MARKS = {"“": "”", "《": "》"}
_QUOTED_NAME_MAX = 15
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


def nominal(token: Token) -> bool:
    """A noun, a name or an unknown character (阿米/nrt 娜/x): what a speaker phrase is made of."""
    tag = token.tag
    if tag[0] == "n" or tag in ("j", "k", "eng"):
        return True
    if len(token.text) == 2 and token.text[1] == "方":  # a side: 中方/f, 美方
        return True
    return tag == "x" and "\u4e00" <= token.text[0] <= "\u9fff"


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


def phrase_end(text: str, tokens: Sequence[Token], i: int, limit: int, persons: Sequence[str] = ()) -> int:
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
        elif nominal(token):
            last_noun = j
        elif not (
            token.tag in _MODIFIER_TAGS
            or token.text in _JOINERS
            or (j == i and (token.text in _DETERMINERS or _this_body(token)))
            or (token.tag == "vn" and j + 1 < len(tokens) and nominal(tokens[j + 1]))  # 有关|负责人
            or (token.tag in _OFFICE_WORD_TAGS and _before_title(tokens, j, limit))
        ):
            break
        j += 1
    return last_noun + 1


def _this_body(token: Token) -> bool:
    """A demonstrative jieba keeps whole with a body's one-character name (该校, 该院, 该县: this
    school), which opens a speaker's role as 该 does (该校医学院附属瑞金医院副院长陈国强).

    >>> from pipeline.segment import segment
    >>> [_this_body(t) for t in segment("该校该")], _this_body(segment("他们")[0])
    ([True, False], False)
    """
    return token.tag == "r" and len(token.text) == 2 and token.text[0] in _DEMONSTRATIVES


def _before_title(tokens: Sequence[Token], j: int, limit: int) -> bool:
    """Token ``j`` opens the name of an office that a title follows (县/zg 扶贫办/i 主任).

    >>> from pipeline.segment import segment
    >>> t = "县扶贫办主任李光荣介绍"; _before_title(segment(t), 0, len(t) - 2), _before_title(segment("一马当先地说"), 0, 5)
    (True, False)
    """
    for k in range(j, min(j + _OFFICE_WORDS_MAX + 1, len(tokens))):
        token = tokens[k]
        if token.start >= limit:
            return False
        if k > j and ends_with_title(token.text) == token.text:
            return True
        if token.tag not in _OFFICE_WORD_TAGS and not nominal(token):
            return False
    return False


def fills_clause(text: str, tokens: Sequence[Token], end: int, limit: int) -> bool:
    """Whether a noun phrase that ends before token ``end`` is all its clause: no verb after it, so
    its last word is the predicate jieba tagged a noun (高声|倡议：, 手中|舞动着|彩旗), and the
    clause has no subject of its own (报告|指出 has one: 报告, before the reporting verb).

    >>> from pipeline.segment import segment
    >>> t = "手中舞动着彩旗，"; fills_clause(t, segment(t), 3, len(t) - 1)
    True
    >>> t = "报告指出，"; fills_clause(t, segment(t), 1, 2)
    False
    """
    stop = tokens[end].start if end < len(tokens) and tokens[end].start < limit else limit
    return stop >= len(text) or text[stop] in CLAUSE_END


def after_modifier(text: str, tokens: Sequence[Token], i: int, limit: int) -> int | None:
    """Index of the phrase after a clause that modifies it with 的 (天天都要到工地的|副市长李豆罗),
    None when the clause has no such 的 before its verb or opens with a preposition (向……的城里人
    说: the one spoken to)."""
    if tokens[i].tag == "p":
        return None
    for j in range(i, min(len(tokens), i + _MODIFIER_MAX)):
        if tokens[j].start >= limit or tokens[j].text in CLAUSE_END:
            return None
        if tokens[j].text == "的" and j + 1 < len(tokens) and nominal(tokens[j + 1]):
            return j + 1
    return None


def whole_clause(text: str, start: int, limit: int, persons: Sequence[str]) -> Subject | None:
    """The speaker when the clause up to the verb is all speaker phrase but for an adverbial at its
    end, and jieba cut a verb inside the role (古建筑|保护|研究所高级工程师李红梅 + 介绍); the
    name may have its title after it (分管这项工作的张建国副市长).

    >>> t = "市政府分管交通的张建国副市长认为"; whole_clause(t, 0, len(t) - 2, ()).speaker
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


def named_subject(
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
        if _opens_with_place(tokens, name_start, stop) and not _dotted(speaker.name):
            continue  # 法国|大文豪; a ·-name whose first part jieba lists as a place (埃隆/ns·马斯克) is a name
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


def _dotted(name: str) -> bool:
    """A name written with · (or a mark an engine reads for it).

    >>> from pipeline.segment import segment
    >>> t = "首席执行官埃隆·马斯克通过视频致辞表示"; named_subject(t, segment(t), 0, 4, len(t) - 2, ()).speaker.name
    '埃隆·马斯克'
    """
    return any(mark in name for mark in ("·", *DOT_READINGS))


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
