"""Whom 他 or 她 stands for: the person the narration before the pronoun is about.

The search goes back sentence by sentence (this paragraph, then the one before, and
further while each paragraph between opens with a pronoun of its own) and stops at the
first sentence that names or introduces someone; the person printed first there is the
one meant.  What the narration is about is read from the narrator's words only:

* names inside quotation marks are someone's speech, not the narrator's subject
  (孔玲说：“……一位叫刘明的老书记……” / 她说 -> 孔玲);
* a sentence whose subject is the same pronoun goes on about the same person, so the names
  in it are objects and the search goes back past it (希拉克竞选总统时……。 / 在移交维希
  时期史料的仪式上，他进一步…… / 他说 -> 希拉克);
* a paragraph that opens with the pronoun, or with a quotation, goes on about the person of
  the paragraph before, so the search goes on past it;
* a person introduced without a name (一位来自海边的年轻人, 有位老人) is the one meant when
  nothing is printed before it: the speaker is that unnamed person, never an earlier name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import regex

from pipeline.extract.gazetteer import translit_chars
from pipeline.extract.quotes.cues import token_at
from pipeline.extract.quotes.leads import lead_only
from pipeline.extract.quotes.marks import CLAUSE_END, OPENING, SENTENCE_END, Quotation, clause_starts, find_quotations
from pipeline.extract.quotes.phrases import Subject
from pipeline.extract.quotes.subjects import PRONOUNS, subject_at
from pipeline.extract.speakers import Speaker
from pipeline.extract.speakers.lexicon import is_female_noun
from pipeline.extract.speakers.names import looks_translit, plausible_name
from pipeline.extract.speakers.organizations import organization_speaker
from pipeline.extract.speakers.persons import unnamed_speaker
from pipeline.extract.speakers.roles import DATELINE
from pipeline.segment import Token, segment

#: paragraphs a pronoun looks back over when each one between opens with a pronoun of its own
_CHAIN_MAX = 4
#: what stands in for the text of a quotation, so that offsets stay those of the paragraph
_BLANK = "＿"
#: where a name that a pronoun may point back to opens a phrase
_MENTION_AFTER = "，。！？；："
#: jieba's tags of names
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
#: a person introduced without a name: a numeral and a measure word for people, or 有位
_INDEFINITE = regex.compile(r"有一?[位名个]|一[位名个]")
#: words that give a person's name right after them: 她叫, 名叫, 一位叫……的护士, 名字叫
_CALLED = regex.compile(r"名叫|叫做|名字叫|取名叫?|[他她位名个]叫")
#: a Chinese name after 叫: its sizes, longest first, and the most words jieba cuts it into
_CALLED_SIZES = (3, 2, 4)
_CALLED_TOKENS = 3
#: what a name the name finder gave ends with when it is an army unit (钢八连, 某部队), no person
_UNIT = regex.compile(r"[\d一二三四五六七八九十百千]+[连营团师旅军排班]$|(?:部队|支队|大队|中队|分队|小队|连队|舰队|军区|兵团)$")
#: words before a noun that make it no subject of its clause: a verb or a preposition
_OBJECT_TAGS = ("v", "p")
#: what 她 never stands for: a noun for a woman right after it is her kin (她的母亲)
_FEMALE_PRONOUN = "她"


class Narration:
    """The paragraphs of an article as a pronoun reads them back: the narrator's words with the
    quotations blanked out (``narrated``, where names and sentences are looked for), the texts
    as printed with their segmentation (where phrases are read), and the persons the name finder
    gave per paragraph (``persons``) or in the article (``known``)."""

    def __init__(
        self,
        texts: Sequence[str],
        tokens: Sequence[Sequence[Token]] | None = None,
        persons: dict[int, Sequence[str]] | None = None,
        known: Sequence[str] = (),
        quotations: Sequence[Quotation] | None = None,
    ):
        self.texts = list(texts)
        self._quotations = quotations
        self._first: dict[tuple[int, int, int, str], Speaker | None] = {}  # sentences read by an earlier pronoun
        self.tokens = tokens if tokens is not None else [segment(t) if t else [] for t in self.texts]
        self.persons = persons or {}
        self.known = known

    @cached_property
    def narrated(self) -> list[str]:
        """The texts with their quotations blanked out (computed for articles with a pronoun only)."""
        quotations = self._quotations if self._quotations is not None else find_quotations(self.texts)
        return _without_quotations(self.texts, quotations)

    def mentions(self, para: int, begin: int, end: int) -> set[str]:
        """Names in the sentence ``begin..end`` that the name finder did not give: the words jieba
        tags as names that read as one (打来电话的是老订户李森林), else the named subject that
        opens the sentence (学生阿米娜今年16岁, 教钢琴的李女士很年轻)."""
        text, toks = self.texts[para], self.tokens[para]
        first, last = token_at(toks, begin), token_at(toks, end)
        names = set()
        for i in range(first, last):
            if word := _name_at(toks, i, last):
                names.add(word)
        if not names:
            stop = min((at for mark in _MENTION_AFTER if 0 <= (at := text.find(mark, begin, end))), default=end)
            _, subject = subject_at(text, toks, begin, stop, self._persons(para))
            if subject is not None and subject.speaker.kind in ("named", "title_surname"):
                names.add(subject.speaker.name)  # 李女士, 王先生: the article's name for the person
        return names

    def opens_with(self, para: int, begin: int, end: int) -> Subject | None:
        """The subject of the sentence ``begin..end``: that of its first clause, past clauses of
        time or place (日前在……的仪式上，他……); None when that clause opens with no noun phrase."""
        narrated, text, toks = self.narrated[para], self.texts[para], self.tokens[para]
        for start in clause_starts(narrated, begin, end):
            stop = next((i for i in range(start, end) if narrated[i] in CLAUSE_END), end)
            if not lead_only(text, toks, start, stop):
                return subject_at(text, toks, start, stop, self._persons(para))[1]
        return None

    def introduced(self, para: int, begin: int, end: int) -> list[tuple[int, Speaker]]:
        """The persons the sentence ``begin..end`` introduces without a name (一位李姓居民, 有位
        老人), with where each is printed."""
        narrated, text, toks = self.narrated[para], self.texts[para], self.tokens[para]
        out = []
        for match in _INDEFINITE.finditer(narrated, begin, end):
            stop = next((i for i in range(match.start(), end) if narrated[i] in CLAUSE_END), end)
            _, subject = subject_at(text, toks, match.start(), stop)
            speaker = subject.speaker if subject is not None else _person_phrase(text, toks, match.start(), stop)
            if speaker is not None and speaker.kind == "source":
                out.append((match.start(), speaker))
        return out

    def called(self, para: int, begin: int, end: int, names: Sequence[str] = ()) -> list[tuple[int, str, str]]:
        """The names the sentence ``begin..end`` gives after a word that introduces a name (她叫李红,
        一位名叫萨拉的护士): (where the name is printed, the name, the introducing words).

        >>> n = Narration(["一位叫李红梅的护士走来。她叫王秀英，今年二十岁。他叫我过去。"])
        >>> n.called(0, 0, len(n.texts[0]))
        [(3, '李红梅', '位叫'), (14, '王秀英', '她叫')]
        """
        narrated, text, toks = self.narrated[para], self.texts[para], self.tokens[para]
        out = []
        for match in _CALLED.finditer(narrated, begin, end):
            at = match.end()
            name = next((n for n in names if text.startswith(n, at)), "") or _called_name(text, toks, at)
            if name and at + len(name) <= end:
                out.append((at, name, match[0]))
        return out

    def women(self, para: int, begin: int, end: int, names: Sequence[str]) -> list[tuple[int, Speaker]]:
        """The women the sentence ``begin..end`` holds in the subject part of a clause (before its
        verb): a noun for a woman (他的妻子, 一位女教师), with the name printed right after it if
        any (妻子李红), and not her own kin (她的母亲), with where each is printed.

        >>> t = "王建国和他的妻子在村口开了一家小店。"; Narration([t]).women(0, 0, len(t), ["王建国"])
        [(6, Speaker(name='妻子', role='妻子', kind='source'))]
        >>> t = "王建国看望了生病的母亲。"; Narration([t]).women(0, 0, len(t), ["王建国"])
        []
        """
        narrated, text, toks = self.narrated[para], self.texts[para], self.tokens[para]
        out, clause_open = [], True
        for i in range(token_at(toks, begin), token_at(toks, end)):
            token = toks[i]
            if narrated[token.start] in CLAUSE_END:
                clause_open = True
                continue
            if token.tag.startswith(_OBJECT_TAGS):
                clause_open = False
            if not clause_open or not is_female_noun(token.text) or _FEMALE_PRONOUN in text[max(begin, token.start - 2) : token.start]:
                continue
            after = toks[i + 1] if i + 1 < len(toks) else None
            name = _name_at(toks, i + 1) if after is not None and after.start < end else ""
            name = next((n for n in names if text.startswith(n, token.end)), name)
            out.append((token.start - begin, Speaker(name, token.text, "named") if name else Speaker(token.text, token.text, "source")))
        return out

    def printed_first(self, para: int, begin: int, end: int, names: Sequence[str], pronoun: str = "他") -> Speaker | None:
        """:func:`_printed_first`, once per sentence of the article and pronoun (``names`` are the
        article's)."""
        key = (para, begin, end, pronoun)
        if key not in self._first:
            self._first[key] = _printed_first(self, para, begin, end, names, pronoun)
        return self._first[key]

    def _persons(self, para: int) -> Sequence[str]:
        return self.persons.get(para) or self.known


def _name_at(toks: Sequence[Token], i: int, last: int | None = None) -> str:
    """The name that token ``i`` opens when jieba tags it as one and it reads as one, with the
    characters of a foreign name jieba did not know after it (阿米/nrt 娜/x); '' if none."""
    if i >= len(toks) or toks[i].tag not in _NAME_TAGS:
        return ""
    last = len(toks) if last is None else last
    word = toks[i].text
    while i + 1 < last and toks[i + 1].tag == "x" and toks[i + 1].text in translit_chars():
        i, word = i + 1, word + toks[i + 1].text
    return word if plausible_name(word) or looks_translit(word) else ""


def _called_name(text: str, toks: Sequence[Token], at: int) -> str:
    """The name printed at ``at`` after 叫: a Chinese name of whole words (王|秀英, which jieba cut
    into a surname and a place word), else a name jieba tags as one; '' if none."""
    i = token_at(toks, at)
    if i >= len(toks) or toks[i].start != at:
        return ""
    ends = {t.end for t in toks[i : i + _CALLED_TOKENS]}
    size = next((size for size in _CALLED_SIZES if at + size in ends and plausible_name(text[at : at + size])), 0)
    return text[at : at + size] if size else _name_at(toks, i)


def _unit(name: str) -> bool:
    """Whether a name the name finder gave is an army unit or an organization, which 他 and 她
    never stand for.

    >>> _unit("钢八连"), _unit("边防部队"), _unit("张华"), _unit("李连")
    (True, True, False, False)
    """
    return bool(_UNIT.search(name)) or organization_speaker(name) is not None


def _person_phrase(text: str, toks: Sequence[Token], start: int, stop: int) -> Speaker | None:
    """The unnamed person of the shortest phrase from ``start`` that ends with a person noun before
    a word that is no noun, where the clause runs on without a verb the subject finder reads
    (一位李姓居民|1991年成了拆迁户 -> 李姓居民).

    >>> t = "一位王姓村民1990年当了村长"; _person_phrase(t, segment(t), 0, len(t))
    Speaker(name='王姓村民', role='村民', kind='source')
    """
    for i in range(token_at(toks, start), token_at(toks, stop)):
        after = toks[i + 1] if i + 1 < len(toks) else None
        if after is not None and after.tag.startswith("n"):
            continue
        speaker = unnamed_speaker(text[start : toks[i].end])
        if speaker is not None:
            return speaker
    return None


def _without_quotations(texts: Sequence[str], quotations: Sequence[Quotation]) -> list[str]:
    """The texts with every character inside quotation marks blanked out (offsets kept).

    >>> t = ["他说：“李明来了。”王红笑了。"]; _without_quotations(t, find_quotations(t))
    ['他说：“＿＿＿＿＿”王红笑了。']
    """
    out = list(texts)
    for quotation in quotations:
        for para in range(quotation.para, quotation.end_para + 1):
            begin = quotation.start if para == quotation.para else 0
            end = quotation.end if para == quotation.end_para else len(texts[para])
            out[para] = out[para][:begin] + _BLANK * (end - begin) + out[para][end:]
    return out


def antecedent(narration: Narration, para: int, pos: int, pronoun: str, names: Sequence[str]) -> Speaker | None:
    """The person ``pronoun`` (他/她) at ``pos`` of paragraph ``para`` stands for: in the nearest
    sentence before it that names someone (of ``names``, else :meth:`Narration.mentions`) or
    introduces someone unnamed, the one printed first, past a dateline.  None: nobody.

    >>> who = lambda texts, names: antecedent(Narration(texts), len(texts) - 1, texts[-1].rfind("他"), "他", names)
    >>> who(["外交部长王毅会见了客人。", "他说"], ["王毅"]).name
    '王毅'

    A paragraph that opens with the pronoun and names no one goes on about the same person, so
    the search goes back past it (王毅说……。 / 他特别谈到……。 / 他说), and so does one that is
    a speaker's quotation going on:

    >>> who(["王毅说，合作很重要。", "他特别谈到了经济。", "他说"], ["王毅"]).name
    '王毅'
    >>> who(["张华说：“第一。", "“我们村的李大山最能干。”", "他说"], ["张华", "李大山"]).name
    '张华'

    A name inside a quotation is the speaker's word, not whom the narration is about:

    >>> who(["张华笑着说：“我们村的李大山最能干。”", "他说"], ["张华", "李大山"]).name
    '张华'

    A sentence whose subject is the pronoun again names others only as its objects:

    >>> who(["张华回到了村里。", "在欢迎王明的仪式上，他讲了话。他说"], ["张华", "王明"]).name
    '张华'

    A person the narration introduces without a name is the one meant, not a name before:

    >>> who(["张华在村里走访。", "一位年过七旬的老工人走了过来。他说"], ["张华"])
    Speaker(name='老工人', role='老工人', kind='source')
    >>> who(["张华遇见了一位老工人。他说"], ["张华"]).name
    '张华'
    """
    here, limit = para, pos
    while here >= 0 and here >= para - _CHAIN_MAX:
        window = narration.narrated[here][:limit]
        skip = DATELINE.match(window)
        ends = [i + 1 for i, ch in enumerate(window) if ch in SENTENCE_END] + [len(window)]
        starts = [skip.end() if skip else 0] + ends[:-1]
        for begin, end in reversed(list(zip(starts, ends))):
            if begin >= end:
                continue
            found = narration.printed_first(here, begin, end, names, pronoun)
            if found is None:
                continue
            if pronoun in window[begin:end]:
                given = [name for _, name, words in narration.called(here, begin, end, names) if words.startswith(pronoun)]
                if given:
                    return Speaker(given[0], "", "named")  # 她叫王秀英: the sentence names her
                subject = narration.opens_with(here, begin, end)
                if subject is not None and subject.speaker.kind == "pronoun" and subject.speaker.name == pronoun:
                    continue  # the same person again: what else it names are objects
            return found
        if here < para and not _goes_on(narration.texts[here]):
            break
        here, limit = here - 1, None
    return None


def _goes_on(text: str) -> bool:
    """Whether a paragraph goes on about the person of the one before, so that a pronoun after it
    may point back past it: it opens with 他/她 (not 他们), or with a quotation (the words of a
    speaker named before it).

    >>> _goes_on("他特别谈到了经济。"), _goes_on("“我们会回来的。”"), _goes_on("他们走了。"), _goes_on("张华笑了。")
    (True, True, False, False)
    """
    return (text[:1] in PRONOUNS and text[1:2] != "们") or text[:1] in OPENING


def _printed_first(
    narration: Narration, para: int, begin: int, end: int, names: Sequence[str], pronoun: str
) -> Speaker | None:
    """The person printed first in the sentence ``begin..end``: a name of ``names`` (not one of an
    army unit or an organization), else one the sentence mentions, or a person it introduces
    unnamed, or by the name it gives after 叫 (一位叫李红的护士).  For 她, a woman the sentence
    holds comes first: 她 skips a man printed before his wife."""
    sentence = narration.narrated[para][begin:end]
    hits = sorted((at, -len(n), n) for n in names if (at := sentence.find(n)) >= 0 and not _unit(n))
    if not hits:
        mentioned = narration.mentions(para, begin, end)
        hits = sorted((at, -len(n), n) for n in mentioned if (at := sentence.find(n)) >= 0 and not _unit(n))
    called = [(at - begin, name) for at, name, _ in narration.called(para, begin, end, names)]
    people = [(at, 0, Speaker(n, "", "named")) for at, _, n in hits[:1]]
    people += [(at, 0, Speaker(name, "", "named")) for at, name in called]
    for at, speaker in narration.introduced(para, begin, end):
        head_end = sentence.find(speaker.name, at - begin) + len(speaker.name)
        if not any(at - begin <= named < head_end for named, _ in called):  # 一位叫李红的护士: 李红
            people.append((at - begin, 1, speaker))
    if pronoun == _FEMALE_PRONOUN:
        women = [(at, 0, Speaker(n, "", "named")) for at, _, n in hits if is_female_noun(n)]
        women += [(at, 1, speaker) for at, _, speaker in people if speaker.kind == "source" and is_female_noun(speaker.role)]
        women += [(at, 1, speaker) for at, speaker in narration.women(para, begin, end, names)]
        if women:
            return min(women)[2]
    return min(people)[2] if people else None
