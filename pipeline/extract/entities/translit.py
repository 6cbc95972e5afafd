"""Transliterated names: joined by ·, or without it next to a title or a cue, or right after a title.

jieba splits such names at ``·`` and cuts them unpredictably without one, so
they are matched on characters of the transliteration alphabet
(``gaz_translit_chars.tsv``) with the sentence around them deciding where they end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    HAN_WORD,
    NAME_LIKE,
    PLACE_PREPS,
    PLACE_SUFFIX_CHARS,
    RARE_WORD_FREQ,
    WEAK_CUES,
    WHEN,
    WORD_GIVEN_FREQ,
    cue_prefixes,
    dictionary,
    ends_with_title,
    is_title,
)
from pipeline.extract.entities.marks import GOVERNMENT, NAME_TAG, NRT, TITLE, TRANSLIT_PIECE, TRANSLIT_WORD, Marks
from pipeline.extract.entities.person_cues import after_title, person_context
from pipeline.extract.entities.tokens import T_DOT, T_PER, T_TAG, Cand
from pipeline.segment import Token

#: a ·-name's parts: Han characters, but never across 的/和/与/及 (约翰·肯尼迪|的夫人|杰奎琳·肯尼迪); a part
#: after a · is read with the start of the word after it, for the cue to be seen whole (…费尔德|表示)
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・](?:(?![的和与及])[\u4e00-\u9fff]){1,12})+")


def dot_names(text: str, toks: Sequence[Token] = ()) -> list[Cand]:
    """Transliterated names joined by ·, matched on characters (jieba splits them).

    Both sides known places (中国·赣州) make a place pair, not a person.  The first part is the
    transliteration's characters before the ·, or, where ``toks`` are given and jieba ends a name
    token at the ·, that token: a first part written with characters rarer in transliterations
    (铁木尔/nr·…, 司马义/nr·…, 祖宾/nr·…) is whole, and one after a verb stops at the verb; a token
    that jieba cut out of a transliteration (塔|里克/nrt·…) does not shorten it.

    >>> [text[c.start:c.end] for text in ["克罗地亚专家伊戈尔·拉克蒂奇表示", "首席经济学家莫里斯·奥布斯特费尔德表示，"] for c in dot_names(text)]
    ['伊戈尔·拉克蒂奇', '莫里斯·奥布斯特费尔德']
    >>> dot_names("2023中国·赣州跨境电商交易博览会")
    []
    >>> [text[c.start:c.end] for text in ["越南总理阮·明1日晚发表电视讲话"] for c in dot_names(text)]
    ['阮·明']
    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["出席的有司马义·艾买提、王林等", "由著名指挥家祖宾·梅塔指挥", "副总理塔里克·阿齐兹说"]
    ...  for c in dot_names(text, tokenize(text))]
    ['司马义·艾买提', '祖宾·梅塔', '塔里克·阿齐兹']
    """
    out, trans = [], gz.translit_chars()
    if "·" not in text and "•" not in text and "・" not in text:
        return out
    name_token_at = {t.end: t.start for t in toks if t.tag in _FIRST_PART_TAGS and len(t.text) >= 2}
    for m in _DOT_NAME.finditer(text):
        parts = re.split(r"[·•・]", m.group())
        if any(p in gz.places() for p in parts):
            continue
        # the first part may carry a Chinese prefix (专家伊戈尔): keep its transliterated tail
        head = parts[0]
        k = next((e for e in range(len(head) - 1, 0, -1) if _ends_role(head[:e])), len(head))
        if k == len(head):
            while k > 0 and head[k - 1] in trans:
                k -= 1
        k += _lead_in(head[k:])
        token_start = name_token_at.get(m.start() + len(head), -1) - m.start()
        if 0 <= token_start < k or token_start > k and not all(ch in trans for ch in head[k:token_start]):
            k = token_start + _lead_in(head[token_start:])  # not 塔|里克/nrt·…: jieba cut a transliteration
        if len(head) - k < 1 or k == len(head):
            continue
        if k and len(head) - k < 2 and not ends_with_title(head[:k]) and head[k - 1] not in gz.titles():
            continue  # a one-character first part only after a title: 越南总理|阮·明
        last = parts[-1][:len(parts[-1]) - _right_trim(parts[-1])]
        keep = next((e for e in range(1, len(last)) if _ends_dot_name(last, e)), len(last))  # …施特劳斯|的圆舞曲
        out.append(Cand(T_DOT, m.start() + k, m.end() - len(parts[-1]) + keep, "PERSON", ""))
    return out


#: jieba's tags of a token that may be a ·-name's whole first part (司马义/nr, 约翰/nrt, 印第安纳/ns)
_FIRST_PART_TAGS = frozenset({"nr", "nrfg", "nrt", "ns"})


#: the tails of role words before a name (摄影|家, 荷兰|人, 演|员)
_ROLE_TAILS = frozenset("家员师官手长者人")


#: one-character prepositions that jieba or the text glue before a transliterated name (以约翰·加朗, 向…)
_LEAD_PREPS = frozenset("以向对和与同在把被为给将由的是")


def _lead_in(head: str) -> int:
    """How many characters at the start of a ·-name's first part belong to the sentence: a verb or
    preposition before the name (提出|约翰·…, 以|约翰·…) or a role word's tail (荷兰|人|安娜·…).

    >>> _lead_in("提出约翰"), _lead_in("以约翰"), _lead_in("人安娜"), _lead_in("的玛丽"), _lead_in("伊戈尔"), _lead_in("约翰")
    (2, 1, 1, 1, 0, 0)
    """
    k = 0
    while len(head) - k > 2 and head[k] in _ROLE_TAILS:
        k += 1
    entry = dictionary().get(head[k:k + 2])
    if len(head) - k > 2 and entry and entry[1] in ("v", "vn", "p", "c", "d", "r") and entry[0] >= WORD_GIVEN_FREQ:
        k += 2
    elif len(head) - k > 2 and head[k] in _LEAD_PREPS:
        k += 1
    return k


#: words for the people with a named visitor (…梅尔克特|一行, …|夫妇)
_COMPANIONS = frozenset({"一行", "夫妇", "等人"})


def _ends_dot_name(last: str, e: int) -> bool:
    """The last part of a ·-name stops before position e: a function character or a
    dictionary verb or noun that no transliteration starts (…迪|结束, …猜|则).

    >>> _ends_dot_name("施特劳斯的圆舞曲", 4), _ends_dot_name("哈马迪结束", 3), _ends_dot_name("翁猜则", 1), _ends_dot_name("穆萨贝留", 3)
    (True, True, False, False)
    >>> _ends_dot_name("梅尔克特一行", 4), _ends_dot_name("福诺斯今天", 3), _ends_dot_name("格林为", 2), _ends_dot_name("塞维里诺五日", 4)
    (True, True, True, True)
    >>> _ends_dot_name("琼斯英国前", 2), _ends_dot_name("戴维日前", 2), _ends_dot_name("拉克蒂奇", 2)
    (True, True, False)
    """
    if last[e] in "的之在和与及等则曾也已将又就是为随于向对同以所当" or last[e:e + 2] in _COMPANIONS or re.match(r"[一二三四五六七八九十]+[日月]", last[e:]):
        return True
    if last[e:e + 2] in WHEN or e >= 2 and any(last[e:e + k] in gz.places() for k in (2, 3)):
        return True  # …戴维|日前, …琼斯|英国前外交大臣, …买买提|新疆
    entry = dictionary().get(last[e:e + 2]) if e + 2 <= len(last) else None
    return entry is not None and entry[1][:1] in ("v", "n", "t", "m", "d", "p", "c", "r") and entry[1] not in ("nr", "nrt", "ns") and last[e] not in gz.translit_chars()


def _ends_role(prefix: str) -> bool:
    """The text before a transliterated name ends with a title, role, cue or known place."""
    return ends_with_title(prefix) or prefix[-1:] in gz.titles() or prefix.endswith(tuple(gz.cues())) \
        or any(prefix.endswith(p) for p in (prefix[-k:] for k in (2, 3, 4, 5)) if p in gz.places())


def _right_trim(last: str) -> int:
    """How many characters after a transliterated name's last part are not the name (…蒂奇表示 → 2).

    >>> _right_trim("拉克蒂奇表示"), _right_trim("马赫默德说"), _right_trim("穆萨贝留")
    (2, 1, 0)
    """
    for k in range(1, len(last)):
        rest = last[k:]
        if any(rest.startswith(c) for c in cue_prefixes(rest[:1])):
            return len(last) - k
    return 0


def _word_syllable(toks: list[Token], k: int, scores: dict[str, float]) -> bool:
    """Token k is one Han character that ends transliterated names often (拉 4.2, 达 2.5: log-odds of
    gz.translit_scores) though jieba's dictionary reads it as a word (拉/v)."""
    return k < len(toks) and len(toks[k].text) == 1 and scores.get(toks[k].text, -99.0) >= _RUN_ODDS \
        and "\u4e00" <= toks[k].text <= "\u9fff"


def _alphabet_syllable(word: str) -> bool:
    """One character of the transliteration alphabet (古 of 古特雷斯, though jieba reads it 古/a)."""
    return len(word) == 1 and word in gz.translit_chars()


#: a run of pieces is a name when its characters average this log-odds (阿米娜 3.0, 卡马尔 3.5)
_RUN_ODDS = 2.0
#: the length of a transliterated first or last name (索尔, 伊万诺维奇)
_RUN_LENGTH = range(2, 8)
#: words before a name that say a person is being named (一位名叫卡马尔的学生)
_NAMING = frozenset({"名叫", "叫", "名为", "叫做", "名字叫"})
#: an age right after a name (阿米娜今年16岁, 卡马尔，34岁，)
_AGE = re.compile(r"[，,]?(?:今年|现年|年仅|年近|年过|已经)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁")


def foreign_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Transliterated names without a dot (克林顿总统, 曼德拉说, 外长利维): a token of
    transliteration characters (one other allowed in four or more) next to a title or a
    reporting cue; a two-character one needs a title before it or a strong cue after it.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [(c.start, c.end) for c in foreign_names(tokenize("做好布莱尔首相访华的准备工作"))]
    [(2, 5)]
    >>> [(c.start, c.end) for c in foreign_names(tokenize("外长利维辞职将给内塔尼亚胡总理造成"))]
    [(2, 4), (8, 13)]
    >>> foreign_names(tokenize("克罗地亚总统访华")), foreign_names(tokenize("外籍保姆说，工作很累"))
    ([], [])
    """
    out = []
    for i in (marks or Marks(toks)).where(TRANSLIT_WORD):  # the word alone may be one (lexicon.translit_word)
        t = toks[i]
        w = t.text
        if t.tag not in _TRANSLIT_TAGS:
            continue
        if t.tag == "ns" and (w[-1] in PLACE_SUFFIX_CHARS or i > 0 and toks[i - 1].text in PLACE_PREPS):
            continue  # 安南/ns after 秘书长 is a person; 纳塔尔省, 在|中南海 are places
        if w in gz.name_tagged_words() and not after_title(toks, i):
            continue  # 保姆说: an ordinary word before a cue is a role, not a name
        if _introduced(toks, i) or _followed(toks, i, len(w) >= 3):
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))
    return out


#: the tags jieba gives a transliterated name that stands alone (利维/n, 克林顿/nr)
_TRANSLIT_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "n", "ns"})


def _introduced(toks: list[Token], first: int) -> bool:
    """The words before token ``first`` introduce a person: a title or role (外长|利维, 学生|阿米娜), a
    kinship term (姐姐|萨拉) or 名叫."""
    if not first:
        return False
    before = toks[first - 1]
    return is_title(before.text, before.tag) or before.text in gz.kinship() or before.text in _NAMING


def _followed(toks: list[Token], last: int, titled: bool) -> bool:
    """The words after token ``last`` say it was a person: a reporting cue (曼德拉|说), an age
    (阿米娜|今年16岁), or, when ``titled`` may follow, a title (布莱尔|首相)."""
    if last + 1 >= len(toks):
        return False
    after = toks[last + 1].text
    if after in gz.cues() and after not in WEAK_CUES or titled and after in gz.titles():
        return True
    return _AGE.match("".join(t.text for t in toks[last + 1:last + 5])) is not None


#: a word this rare (or unknown to jieba's dictionary) right after a title is taken for the titled person's name
_TITLED_RARE = 50


def titled_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """A rare word of two to four characters right after a title is the titled person's name, whatever
    jieba tags it: names from other languages of China and from Japan follow no surname or
    transliteration pattern (副主席次仁多吉/nr, 前首相羽田孜/ns, 书记巴特尔/ns).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [(c.start, c.end) for c in titled_names(tokenize("自治区政府副主席次仁多吉今天在拉萨接受采访"))]
    [(8, 12)]
    >>> titled_names(tokenize("省长会见了外宾")), titled_names(tokenize("总统北京之行"))
    ([], [])
    """
    out = []
    marks = marks or Marks(toks)
    for i in [k + 1 for k in marks.where(TITLE) if k + 1 < len(toks) and marks.bits[k + 1] & NAME_TAG]:  # a name tag after a title
        t = toks[i]
        if not 2 <= len(t.text) <= 4 or not HAN_WORD.fullmatch(t.text) or t.tag not in ("nr", "nrt", "nrfg", "ns"):
            continue
        if t.text in gz.places() or t.text in gz.orgs() or t.text in gz.titles() or dictionary().get(t.text, (0, ""))[0] >= _TITLED_RARE:
            continue
        if t.text[-1] in PLACE_SUFFIX_CHARS or any(t.text[:k] in gz.places() for k in (2, 3)):
            continue  # 省长|海南省, 总统|北京之
        if len(t.text) >= 3 and dictionary().get(t.text[:2], (0, "nr"))[1] not in NAME_LIKE:
            continue  # 总书记|今天下午/nr, 总统|宣誓就职/nr: a phrase that jieba's guesser took for a name
        out.append(Cand(T_TAG, t.start, t.end, "PERSON", ""))
    return out


def ruler(word: str) -> int:
    """Length of the person's name before 政府 in a government named after its leader (克林顿政府 → 3), else 0.

    >>> ruler("克林顿政府"), ruler("内塔尼亚胡政府"), ruler("中国政府"), ruler("人民政府")
    (3, 5, 0, 0)
    """
    name = word[:-2] if word.endswith("政府") else ""
    if len(name) < 2 or name in gz.places():
        return 0
    tag = dictionary().get(name, (0, ""))[1]
    return len(name) if tag in ("nr", "nrt", "nrfg") or tag == "" and all(ch in gz.translit_chars() for ch in name) else 0


def rulers(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """The leader in a government named after him (克林顿|政府): a person."""
    return [Cand(T_TAG, t.start, t.start + k, "PERSON", "") for i in (marks or Marks(toks)).where(GOVERNMENT)
            if (k := ruler((t := toks[i]).text))]


def tagged_persons(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Transliterated names jieba tags ``nrt``, where a person context confirms them: jieba tags brands,
    firms, groups and currencies so too (麦当劳, 哈马斯, 戈比), whatever their length, and some ordinary
    words (保姆/nrt, 夸赞/nrt: gz.name_tagged_words), which only a title before them makes a name.
    A name found so is one the document vouches for, so its bare mentions elsewhere are found too.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> def names(s): return [s[c.start:c.end] for c in tagged_persons(tokenize(s))]
    >>> names("格鲁吉亚总统谢瓦尔德纳泽说"), names("早在“麦当劳”进入中国之前"), names("面值50戈比")
    (['谢瓦尔德纳泽'], [], [])
    >>> names("工地上有厨师、司机、保姆等"), names("母亲夸赞道：做得好")
    ([], [])
    """
    out = []
    for k in (marks or Marks(toks)).where(NRT):
        t = toks[k]
        if t.text in gz.name_tagged_words() and not after_title(toks, k):
            continue
        if len(t.text) >= 2 and all(ch in gz.translit_chars() for ch in t.text) and person_context(toks, k, k + 1):
            out.append(Cand(T_TAG, t.start, t.end, "PERSON", ""))
    return out


def rare_transliteration(name: str) -> bool:
    """A two-character transliteration that jieba's dictionary knows only as a rare word (利维/n 48):
    once a title vouches for it, it is the person throughout the document (卢布/nr 334 is not rare).

    >>> rare_transliteration("利维"), rare_transliteration("卢布"), rare_transliteration("文明")
    (True, False, False)
    """
    return all(ch in gz.translit_chars() for ch in name) and dictionary().get(name, (0, ""))[0] < RARE_WORD_FREQ


def translit_runs(text: str, toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Transliterated names that jieba cut into pieces (学生|阿米|娜, 博士生|卡马|尔): a run of two or more
    pieces of the transliteration alphabet, not a known place or body, introduced by a title, a role,
    a kinship term or 名叫 before it, or followed by a reporting cue or an age.

    The last piece may be one character that jieba reads as a word of its own (萨米|拉/v, 拉希|达/v)
    where a cue or an age follows it at once: the verb would take no cue after it (萨米拉今年12岁);
    so may the first, right after a title (秘书长|古/a|特雷斯).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["学生阿米娜今年16岁", "博士生卡马尔在实验室", "阿米娜和她的同学"] for c in translit_runs(text, tokenize(text))]
    ['阿米娜', '卡马尔']
    >>> [text[c.start:c.end] for text in ["难民萨米拉今年12岁", "难民萨米拉着行李走了"] for c in translit_runs(text, tokenize(text))]
    ['萨米拉']
    >>> [text[c.start:c.end] for text in ["联合国秘书长古特雷斯6日在纽约发表声明", "考古特别重要"] for c in translit_runs(text, tokenize(text))]
    ['古特雷斯']
    """
    out = []
    scores = gz.translit_scores()
    pieces = (marks or Marks(toks)).where(TRANSLIT_PIECE)
    k = 0
    while k < len(pieces):
        first = last = pieces[k]
        while k + 1 < len(pieces) and pieces[k + 1] == last + 1:
            k += 1
            last = pieces[k]
        k += 1
        if _word_syllable(toks, last + 1, scores) and _followed(toks, last + 1, False):
            last += 1  # 萨米|拉/v 今年12岁
        if first and _alphabet_syllable(toks[first - 1].text) and _introduced(toks, first - 1):
            first -= 1  # 秘书长|古/a|特雷斯: the title vouches for the run, the run's odds below for the name
        start, end = toks[first].start, toks[last].end
        name = text[start:end]
        if last == first or end - start not in _RUN_LENGTH or name in gz.places() or name in gz.orgs():
            continue  # one token is the single-token rules' (foreign_names), a known place is no person
        if sum(scores[ch] for ch in name) / len(name) < _RUN_ODDS:
            continue
        if _introduced(toks, first) or _followed(toks, last, True):
            out.append(Cand(T_PER, start, end, "PERSON", ""))
    return out
