"""Chinese names: a surname and a given name, next to a title, a cue or a list of names.

jieba keeps known names whole (江泽民/nr) and cuts unknown ones; a name is
accepted where its context vouches for it, or alone when its given name reads as
one (character statistics of jieba's own name entries).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    COMMON_FREQ,
    FUNCTION_CHARS,
    HAN_WORD,
    HONORIFICS,
    MISTAGGED,
    NAME_LIKE,
    WEAK_CUES,
    WORD_GIVEN_FREQ,
    cue_prefixes,
    dictionary,
    is_title,
    surname_len,
)
from pipeline.extract.entities.marks import SURNAME, Marks
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.extract.numbers.units import subunits
from pipeline.extract.speakers.lexicon import is_person_noun
from pipeline.segment import Token

#: posts that a country's one-character abbreviation precedes (乌外长, 罗总统), not a Chinese surname
_FOREIGN_POSTS = frozenset({"总统", "外长", "首相", "国王", "女王", "大使", "议长", "防长", "总督", "元首"})


#: characters that end a place rather than a given name (杨村, 郭家, 许家坝)
_PLACE_END = frozenset("村庄屯寨堡坝湾塘桥集店铺沟坪岗岭峪洼营场镇乡街巷路里门城楼寺")


#: a name with a plausible given name needs no context (mean log-odds, see gz.given_name_score)
_GIVEN_OK = 0.5


def person_context(toks: list[Token], i: int, j: int) -> bool:
    """A title or role just before tokens i..j-1, or a title / cue just after (a 、 list alone is
    not enough: lists of words are commoner than lists of names, see :func:`name_lists`)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[j].text if j < len(toks) else ""
    return (before is not None and (is_title(before.text, before.tag) or is_person_noun(before.text))) or is_title(after) or after in gz.cues() \
        or named_to_post(toks, j)


def named_to_post(toks: Sequence[Token], j: int) -> bool:
    """Tokens from ``j`` make the name before them someone chosen for a post: 为 + a title (选举张三|为|主席,
    任命李四|为|部长), or a passive verb (…|被选为|代表).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("大会选举王明为主席")
    >>> named_to_post(toks, 3), named_to_post(tokenize("他被选为代表"), 1), named_to_post(tokenize("以为大家好"), 1)
    (True, True, False)
    """
    if j >= len(toks):
        return False
    word = toks[j].text
    if word == "为":
        return j + 1 < len(toks) and is_title(toks[j + 1].text, toks[j + 1].tag)
    return len(word) >= 3 and word[0] == "被" and dictionary().get(word[1:], (0, ""))[1][:1] == "v" and "为" in word


def _plausible_name(word: str) -> bool:
    """Surname + given name whose characters read as a given name, not a common word or a place.

    >>> _plausible_name("钱其琛"), _plausible_name("宣传部"), _plausible_name("杨村"), _plausible_name("胡滨娜")
    (True, False, False, True)
    """
    k = surname_len(word)
    given = word[k:]
    if not k or not 1 <= len(given) <= 2 or given[-1] in _PLACE_END or word in gz.places() or word in gz.orgs():
        return False
    if given in HONORIFICS or given in gz.titles():
        return False
    if len(given) == 2 and dictionary().get(given, (0, "nr"))[1] not in ("nr", "nrfg", "nrt") and dictionary()[given][0] >= COMMON_FREQ:
        return False  # 古建筑, 高素质, 钱袋子: a surname character before a common word
    return gz.given_name_score(given) > _GIVEN_OK


def _listed_word(word: str) -> bool:
    """A two-character word that jieba's dictionary lists under a tag other than a name's (年终/t,
    文告/n): before a reporting verb or a title it is the word (年终报道, 文告指出); only a title before
    it (总统|利维/n) makes it a name.

    >>> _listed_word("文告"), _listed_word("年终"), _listed_word("李鹏")
    (True, True, False)
    """
    return len(word) == 2 and dictionary().get(word, (0, "nr"))[1] not in NAME_LIKE


#: a surname and the next character this frequent as an ordinary word (农家, 钱袋) start a word, not a name
_WORD_HEAD_FREQ = 50


def _word_like(word: str) -> bool:
    """A surname-led three-character token that reads as an ordinary word: its given part, or its
    first two characters, are a common dictionary word with a non-name tag.

    >>> [_word_like(w) for w in ("古建筑", "高素质", "农家乐", "钱袋子", "王建国", "周恩来", "李岚清", "张万年")]
    [True, True, True, True, False, False, False, False]
    """
    if len(word) != 3 or surname_len(word) != 1:
        return False
    lex = dictionary()
    given, head = lex.get(word[1:]), lex.get(word[:2])
    return bool(given and given[1][0] in "nva" and given[1] not in NAME_LIKE and given[0] >= WORD_GIVEN_FREQ
                or head and head[1][0] in "nva" and head[1] not in NAME_LIKE and head[0] >= _WORD_HEAD_FREQ)


def _joint_surname(toks: list[Token], i: int) -> bool:
    """A married woman's name in Hong Kong and Macao style, her husband's surname before her own and a
    two-character given name (梁李美玲): jieba cuts it after the two surnames; a title or cue must vouch.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> _joint_surname(tokenize("律政司司长梁李美玲出席"), 2), _joint_surname(tokenize("局长王林出席"), 1)
    (True, False)
    """
    if i + 1 >= len(toks) or len(toks[i].text) != 2 or gz.surnames().get(toks[i].text[0]) != "common" or toks[i].text[1] not in gz.surnames():
        return False
    nxt = toks[i + 1]
    return len(nxt.text) == 2 and nxt.tag not in ("v", "vn", "d", "p", "c", "n", "m", "f", "t", "x") and bool(HAN_WORD.fullmatch(nxt.text)) \
        and gz.given_name_score(nxt.text) > _GIVEN_OK and person_context(toks, i, i + 2)


def _translit_head(toks: list[Token], i: int) -> int:
    """Where a name before a title starts: one character earlier when jieba cut a two-character
    transliteration (科|雷先生) and that character is no surname, only a transliteration's.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> toks = tokenize("“科雷先生，")
    >>> [t.text for t in toks][:3], _translit_head(toks, 2)
    (['“', '科', '雷先生'], 1)
    >>> _translit_head(tokenize("的李先生"), 1)
    1
    """
    p = toks[i - 1] if i else None
    if p and len(p.text) == 1 and p.text in gz.translit_chars() and p.text not in gz.surnames() and p.tag in ("n", "nrt", "ng", "nr"):
        return p.start
    return toks[i].start


def _bare_title(word: str) -> bool:
    """A title after a bare surname, deputy titles included (罗|副科长, 张|副主任).

    >>> _bare_title("副科长"), _bare_title("主任"), _bare_title("副食")
    (True, True, False)
    """
    return word in gz.titles() or word[:1] == "副" and word[1:] in gz.titles()


def strong_context(toks: list[Token], i: int, j: int) -> bool:
    """A title or role right before tokens i..j-1, or a reporting cue (not a preposition) right after:
    what makes an ordinary word that jieba tags as a name (关怀/nr, 保姆/nrt) a name after all."""
    after = toks[j].text if j < len(toks) else ""
    return i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag) or after in gz.cues() and after not in WEAK_CUES or named_to_post(toks, j)


def chinese_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Chinese names: a surname-led run of jieba name tokens or single characters.

    jieba keeps known names whole (江泽民/nr) and cuts unknown ones (邱/娥/国,
    李/红梅); a name is accepted next to a title, role or cue, or alone when its
    given name reads as one (character statistics of jieba's own name entries).
    A two-character word that jieba's dictionary knows (文明/nr, 卢布/nr) needs
    context, since most of those are ordinary words; one that a word dictionary lists
    as an ordinary word (祝贺/nr: gz.name_tagged_words) needs a title or a reporting cue.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[s[c.start:c.end] for c in chinese_names(tokenize(s))] for s in ("厂长向全体职工祝贺新年", "局长王林出席")]
    [[], ['王林']]
    """
    out = []
    n = len(toks)
    lex = dictionary()
    # every name below starts with a surname, or is 老/小 + a surname
    for i in (marks or Marks(toks)).where(SURNAME):
        t = toks[i]
        if len(t.text) == 2 and t.text[0] in "老小" and t.text[1] in gz.surnames() and t.tag == "nr":
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))  # 老邱, 小王
            continue
        k = surname_len(t.text)
        if not k:
            continue
        rest = t.text[k:]
        if len(t.text) <= 3 and (len(rest) > 1 and rest in gz.titles() or rest in HONORIFICS) and (
                t.tag == "nr" or t.text not in lex or len(rest) > 1 or gz.surnames().get(t.text[:k]) == "common" and t.tag == "n"):
            # 周总理, 冷科长, 毛主席, 韩老师: the surname alone is the name; 侯老, 周公 keep the honorific
            end = t.end if rest in ("老", "公") else t.start + k
            out.append(Cand(T_PER, _translit_head(toks, i), end, "PERSON", ""))
            continue
        after = toks[i + 1].text if i + 1 < n else ""
        if k == 1 and len(t.text) == 1 and i + 1 < n and toks[i + 1].tag == "n" and (
                t.tag == "nr" or gz.surnames().get(t.text) == "common") and (
                _bare_title(after) and after not in ("记者", "代表", "成员", "委员") and after not in _FOREIGN_POSTS
                or after in HONORIFICS and after != "老") and (
                i == 0 or toks[i - 1].tag not in ("m", "q", "nr", "nrfg", "nrt") or toks[i - 1].text in "，。、：（“"):
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))  # 何/教授
            continue
        titled = i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag)
        if t.tag in MISTAGGED and 2 <= len(t.text) <= 3 and t.text not in gz.titles() and not _word_like(t.text) and (
                titled or (after in gz.cues() and after not in WEAK_CUES or is_title(after) and _plausible_name(t.text)) and not _listed_word(t.text)) \
                and (len(t.text) == 3 or lex.get(t.text, (0,))[0] < COMMON_FREQ):
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))  # 周恩来/t 同志, 利维/n 说
            continue
        if t.tag in ("nr", "nrfg") and 2 <= len(t.text) <= 3 + (k == 2):
            if t.text in gz.places() or t.text in gz.orgs():
                continue
            if _joint_surname(toks, i):
                out.append(Cand(T_PER, t.start, toks[i + 1].end, "PERSON", ""))  # 陈方/安生
            end = t.start + cue_tail(t.text, after)
            word = t.text[:end - t.start]
            known = len(word) == 2 and word in lex
            if (_word_like(word) or word in gz.name_tagged_words()) and not strong_context(toks, i, i + 1):
                continue  # 古建筑/nr 在, 高素质/nr 农民, 亲切关怀/nr: dictionary words that jieba tags as names
            if person_context(toks, i, i + 1) or not known and (_plausible_name(word) or _listed_name(word)):
                out.append(Cand(T_PER, t.start, end, "PERSON", ""))
            if len(t.text) > 1:
                continue
        # a surname followed by one or two single characters (or a short unknown or name token)
        if len(t.text) > 2:
            continue
        strong = i > 0 and is_title(toks[i - 1].text, toks[i - 1].tag)
        j, length = i + 1, len(t.text)
        while j < n and length < 3 and len(toks[j].text) <= 2 and length + len(toks[j].text) <= 3 and HAN_WORD.fullmatch(toks[j].text):
            if toks[j].text in gz.cues() or is_title(toks[j].text) or _starts_cue(toks, j):
                break
            length += len(toks[j].text)
            j += 1
            common = gz.surnames().get(t.text) == "common"
            after = toks[j].text if j < n else ""
            word = "".join(x.text for x in toks[i:j])
            glued = len(t.text) == 1 and t.tag == "nr" and toks[j - 1].tag in ("nr", "nrfg") and len(word) == 3
            if length >= 2 and (common and person_context(toks, i, j) or strong and after in gz.cues()
                                or glued and _plausible_name(word)):
                out.append(Cand(T_PER, t.start, toks[j - 1].end, "PERSON", ""))
                break
    return out


#: what starts a clause, so that a name after it is the clause's subject (，|李鹏|首先…; tags of jieba)
_CLAUSE_OPENERS = frozenset({"x", "c", "p", "t", "d"})
#: what a subject's verb phrase starts with (李鹏|首先, 刘光亮|担任, 康生|亲自)
_PREDICATE_TAGS = frozenset({"v", "d", "p"})


def subject_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """A name jieba tags as a person's, with a common surname and a given name that reads as one,
    standing as a clause's subject: after a clause opener and before its verb phrase (，李鹏首先…).
    News refers to the people it is about this way, title-less, once they are introduced.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["会见结束后，李鹏又来到工人家中", "新年的钟声已经响起"] for c in subject_names(tokenize(text))]
    ['李鹏']
    """
    out = []
    for i in (marks or Marks(toks)).where(SURNAME):
        t = toks[i]
        if t.tag not in ("nr", "nrfg") or not 2 <= len(t.text) <= 3 or i + 1 >= len(toks):
            continue
        if i and toks[i - 1].tag not in _CLAUSE_OPENERS or toks[i + 1].tag not in _PREDICATE_TAGS:
            continue
        if gz.surnames().get(t.text[0]) != "common" or t.text[0] == t.text[1] or not _plausible_name(t.text):
            continue  # 谢谢/nr: a doubled character makes a word, not a surname and a given name
        out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))
    return out


def _listed_name(word: str) -> bool:
    """A three-character name that jieba's dictionary lists as a name (nr) and that starts with a
    common surname: a person even where the given name reads like words (蒋介石, 郭晶晶, 李建国);
    with a rarer surname character the entry is as often a brand or a plant (蒲公英 is kept out
    only where a title or cue is missing).

    >>> _listed_name("蒋介石"), _listed_name("李建国"), _listed_name("王府井"), _listed_name("许可证"), _listed_name("许家坝")
    (True, True, False, False, False)
    """
    return len(word) == 3 and dictionary().get(word, (0, ""))[1] == "nr" and gz.surnames().get(word[0]) == "common" \
        and not _word_like(word) and word[:2] not in dictionary() and word[-1] not in _PLACE_END and word not in gz.places()


#: distinct words whose list-item shape is remembered (an archive's vocabulary of names fits)
_LIST_ITEM_CACHE = 1 << 16


@lru_cache(maxsize=_LIST_ITEM_CACHE)
def list_item(word: str) -> bool:
    """A 、-list item shaped like a Chinese name: surname-led, 2–3 characters (4 with a double
    surname), not a known place, organization, title or ordinary word.

    >>> [list_item(w) for w in ("罗干", "李岚清", "欧阳山尊", "江西", "文明", "高速", "古建筑", "李鹏", "周恩来")]
    [True, True, True, False, False, False, False, True, True]
    """
    k = surname_len(word)
    if not k and len(word) == 3 and dictionary().get(word, (0, ""))[1] in ("nr", "nrfg"):
        k = 1  # 尉健行/nr: a name jieba knows, with a surname our list lacks
    if not k or not 2 <= len(word) <= 3 + (k == 2) or not HAN_WORD.fullmatch(word):
        return False
    if word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS:
        return False  # 汪锋等, 和柏
    if word in gz.places() or word in gz.orgs() or word in gz.titles() or word[k:] in gz.titles() or word[k:] in HONORIFICS:
        return False
    entry = dictionary().get(word)
    mistagged = entry and len(word) == 3 and entry[1] in MISTAGGED and _plausible_name(word)  # 周恩来/t
    if entry and not mistagged and (entry[1] not in ("nr", "nrfg", "nrt", "ns", "nz") or entry[1][:2] != "nr" and entry[0] >= COMMON_FREQ):
        return False
    if entry and entry[1] == "nr" and len(word) == 2 and entry[0] >= COMMON_FREQ and gz.surnames().get(word[0]) != "common":
        return False  # 文明/nr (李鹏/nr 675 may be an item: a common surname)
    return not _word_like(word)


def name_lists(text: str, toks: list[Token], found: list[Cand]) -> list[Cand]:
    """Names in a 、-separated list: when every item is shaped like a name and at least half of
    them show it (jieba's name tag, a plausible given name, or another rule), all are names.

    The first item is the list's tail of its segment and the last the head of its segment, both
    on token boundaries (国务委员罗干、… 、李岚清等).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [text[c.start:c.end] for text in ["国务委员张万年、罗干、姜春云等出席"] for c in name_lists(text, tokenize(text), [])]
    ['张万年', '罗干', '姜春云']
    >>> name_lists("江西、湖南、广东", tokenize("江西、湖南、广东"), [])
    []
    """
    if "、" not in text:
        return []
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    cuts = [i for i, ch in enumerate(text) if ch == "、"]
    bounds = [-1, *cuts, len(text)]
    segs = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]

    def tail(a: int, b: int) -> tuple[int, int] | None:
        return next(((s, b) for s in range(max(a, b - 4), b - 1) if s in starts and list_item(text[s:b])), None)

    def head(a: int, b: int) -> tuple[int, int] | None:
        return next(((a, e) for e in range(min(b, a + 4), a + 1, -1) if e in ends and list_item(text[a:e])), None)

    chains: list[list[tuple[int, int]]] = []
    chain: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(segs):
        whole = (a, b) if list_item(text[a:b]) else None
        if chain and whole and n < len(segs) - 1:
            chain.append(whole)
            continue
        if chain:
            last = whole or head(a, b)
            if last:
                chain.append(last)
            chains.append(chain)
        chain = [t] if n < len(segs) - 1 and (t := whole or tail(a, b)) else []
    if all(len(ch) < 2 for ch in chains):
        return []  # no list of two names or more: no need to gather what shows a name
    tagged = {(c.start, c.end) for c in found if c.label == "PERSON"}
    tagged |= {(t.start, t.end) for t in toks if t.tag in ("nr", "nrfg", "nrt")}
    out = []
    for ch in chains:
        if len(ch) < 2:
            continue
        shown = sum(1 for s, e in ch if (s, e) in tagged or _plausible_name(text[s:e]))
        if 2 * shown >= len(ch):
            out.extend(Cand(T_PER, s, e, "PERSON", "") for s, e in ch)
    return out


def cue_tail(word: str, after: str) -> int:
    """Length of a name token without the cue jieba glued to it (吴振华报|道, 刘军报道).

    >>> cue_tail("吴振华报", "道："), cue_tail("刘军报道", "："), cue_tail("江泽民", "说")
    (3, 2, 3)
    """
    for k in range(2, len(word)):
        tail = word[k:]
        if tail in gz.cues() or any(c.startswith(tail) and (tail + after).startswith(c) for c in cue_prefixes(tail[0])):
            return k
    return len(word)


def _starts_cue(toks: list[Token], j: int) -> bool:
    """Token j and the next spell a cue (报/道 → 报道), so the name ends before it."""
    nxt = toks[j + 1].text if j + 1 < len(toks) else ""
    joined = toks[j].text + nxt
    return any(joined[:k] in gz.cues() for k in range(len(toks[j].text) + 1, len(joined) + 1))


#: a name followed by one of these words names a brand, team, ship, prize, street or phenomenon (李宁/牌, 中山/路, 厄尔尼诺/现象)
_NAMED_THING = frozenset({"牌", "杯", "奖", "号", "队", "路", "街", "大街", "大道", "村", "牌子", "商标", "现象", "效应"})


def named_thing(name: str, after: str) -> bool:
    """A person-shaped name that is a thing's: followed by, or glued by jieba to, a brand / cup / prize /
    ship / team / street word (李宁牌, 李宁杯, 丰泰隆 牌), a prize of a field (诺贝尔|物理奖), a currency
    (卢布/nr, 比索/nr) or a currency's sub-unit (戈比).

    >>> named_thing("李宁牌", "专卖店"), named_thing("丰泰隆", "牌"), named_thing("卢布", "贬值"), named_thing("李鹏", "号召")
    (True, True, True, False)
    >>> named_thing("诺贝尔", "文学奖"), named_thing("戈比", "的"), named_thing("王奖", "说")
    (True, True, False)
    """
    return after in _NAMED_THING or len(after) >= 2 and after[-1] == "奖" or len(name) >= 3 and name[-1] in "牌杯奖" and "·" not in name \
        or name in gz.currencies() or name in _named_subunits()


@cache
def _named_subunits() -> frozenset[str]:
    """Currency sub-units of two characters or more (戈比, 美分); 毛 and 分 are surnames too (毛主席)."""
    return frozenset(word for word in subunits() if len(word) >= 2)


def phrase_edge(name: str) -> bool:
    """A surname-rule name that starts with a conjunction or ends with a particle is a phrase
    (经理|和职工, 侯老的).

    >>> phrase_edge("和职工"), phrase_edge("侯老的"), phrase_edge("和平"), phrase_edge("李鹏")
    (True, True, False, False)
    """
    return len(name) >= 3 and name[0] in "和与及同" or name[-1] in "的了地得"
