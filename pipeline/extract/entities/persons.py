"""Chinese names: a surname and a given name, next to a title, a cue or a list of names.

jieba keeps known names whole (江泽民/nr) and cuts unknown ones; a name is
accepted where its context vouches for it, or alone when its given name reads as
one (character statistics of jieba's own name entries).  Whether a word reads as a name is
:mod:`name_shapes`; what context vouches for one, :mod:`person_cues`; lists of names,
:mod:`name_lists`; names that are things', :mod:`named_things`.
"""

from __future__ import annotations

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.lexicon import (
    COMMON_FREQ,
    HAN_WORD,
    HONORIFICS,
    MISTAGGED,
    WEAK_CUES,
    dictionary,
    is_title,
    surname_len,
)
from pipeline.extract.entities.marks import ROLE, SURNAME, TITLE, Marks
from pipeline.extract.entities.name_shapes import GIVEN_OK, listed_name, listed_word, plausible_name, word_like
from pipeline.extract.entities.person_cues import (
    after_title,
    cue_tail,
    named_to_post,
    person_context,
    starts_cue,
    strong_context,
)
from pipeline.extract.entities.tokens import T_PER, Cand
from pipeline.segment import Token

#: posts that a country's one-character abbreviation precedes (乌外长, 罗总统), not a Chinese surname
_FOREIGN_POSTS = frozenset({"总统", "外长", "首相", "国王", "女王", "大使", "议长", "防长", "总督", "元首"})


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
        and gz.given_name_score(nxt.text) > GIVEN_OK and person_context(toks, i, i + 2)


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


#: how many tokens after a surname a verb of taking a post may stand (林|德昌|任|副市长)
_POST_AHEAD = 3


def _post_ahead(toks: list[Token], i: int) -> bool:
    """A post taken within a name's length after token ``i`` (林|德昌|任|副市长): :func:`named_to_post` may
    vouch for the name there, whatever the surname's tag.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> _post_ahead(tokenize("林德昌任副市长"), 0), _post_ahead(tokenize("林德昌出席会议"), 0)
    (True, False)
    """
    return any(named_to_post(toks, j) for j in range(i + 1, min(i + 1 + _POST_AHEAD, len(toks))))


def chinese_names(toks: list[Token], marks: Marks | None = None) -> list[Cand]:
    """Chinese names: a surname-led run of jieba name tokens or single characters.

    jieba keeps known names whole (江泽民/nr) and cuts unknown ones (邱/娥/国,
    李/红梅); a name is accepted next to a title, role or cue, or alone when its
    given name reads as one (character statistics of jieba's own name entries).
    A two-character word that jieba's dictionary knows (文明/nr, 卢布/nr) needs
    context, since most of those are ordinary words; one that a word dictionary lists
    as an ordinary word (祝贺/nr: gz.name_tagged_words) needs a title before it: before a
    reporting cue it is the word (贺词|说: the message says).

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [[s[c.start:c.end] for c in chinese_names(tokenize(s))] for s in ("厂长向全体职工祝贺新年", "局长王林出席")]
    [[], ['王林']]
    """
    out = []
    n = len(toks)
    lex = dictionary()
    # every name below starts with a surname, or is 老/小 + a surname
    marks = marks or Marks(toks)
    bits = marks.bits
    for i in marks.where(SURNAME):
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
        titled = i > 0 and marks.title(i - 1)
        common = gz.surnames().get(t.text) == "common"
        posted = _post_ahead(toks, i)
        if not (t.tag in ("nr", "nrfg") or t.tag in MISTAGGED and len(t.text) >= 2 or common or titled or posted):
            continue  # no rule below takes a word with no name tag, no common surname, no title before it and no post after it (和/c, 通过/p)
        after = toks[i + 1].text if i + 1 < n else ""
        if k == 1 and len(t.text) == 1 and i + 1 < n and toks[i + 1].tag == "n" and (
                t.tag == "nr" or gz.surnames().get(t.text) == "common") and (
                _bare_title(after) and after not in ("记者", "代表", "成员", "委员") and after not in _FOREIGN_POSTS
                or after in HONORIFICS and after != "老") and (
                i == 0 or toks[i - 1].tag not in ("m", "q", "nr", "nrfg", "nrt") or toks[i - 1].text in "，。、：（“"):
            out.append(Cand(T_PER, t.start, t.end, "PERSON", ""))  # 何/教授
            continue
        if t.tag in MISTAGGED and 2 <= len(t.text) <= 3 and t.text not in gz.titles() and not word_like(t.text) and (
                titled or (after in gz.cues() and after not in WEAK_CUES or is_title(after) and plausible_name(t.text)) and not listed_word(t.text)) \
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
            ordinary = word in gz.name_tagged_words() and not after_title(toks, i)
            if ordinary or word_like(word) and not strong_context(toks, i, i + 1):
                continue  # 古建筑/nr 在, 高素质/nr 农民, 亲切关怀/nr: dictionary words that jieba tags as names
            if person_context(toks, i, i + 1) or not known and (plausible_name(word) or listed_name(word)):
                out.append(Cand(T_PER, t.start, end, "PERSON", ""))
            if len(t.text) > 1:
                continue
        # a surname followed by one or two single characters (or a short unknown or name token)
        if len(t.text) > 2:
            continue
        strong = titled
        if not (common or strong or posted or len(t.text) == 1 and t.tag == "nr"):
            continue  # no common surname, title before, post after or name tag: nothing below can vouch for a name
        j, length = i + 1, len(t.text)
        while j < n and length < 3 and len(toks[j].text) <= 2 and length + len(toks[j].text) <= 3 and HAN_WORD.fullmatch(toks[j].text):
            if toks[j].text in gz.cues() or bits[j] & (TITLE | ROLE) or starts_cue(toks, j):  # a title whatever its tag
                break
            length += len(toks[j].text)
            j += 1
            after = toks[j].text if j < n else ""
            word = "".join(x.text for x in toks[i:j])
            # a given name jieba read as a name, or as a place no gazetteer lists (李/nr 桂兰/ns, 王/nr 德顺/ns)
            glued = len(t.text) == 1 and t.tag == "nr" and len(word) == 3 and (
                toks[j - 1].tag in ("nr", "nrfg") or toks[j - 1].tag == "ns" and toks[j - 1].text not in gz.places())
            if length >= 2 and (common and person_context(toks, i, j) or (strong and after in gz.cues() or named_to_post(toks, j))
                                or glued and plausible_name(word)):
                out.append(Cand(T_PER, t.start, toks[j - 1].end, "PERSON", ""))
                break
    return out
