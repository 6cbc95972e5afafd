"""Named entities in repaired newspaper text, by gazetteers and rules.

Candidates come from several general rules, each a class of names rather than
a list of answers: titles in 《》, transliterated names joined by ``·``,
gazetteer places and organizations, organizations / events / facilities found
by their head word with the left edge grown over the name's modifiers, Chinese
names from a surname plus context (a title before, a cue after, a credit
line), and jieba's own ``nr``/``nrt``/``ns``/``nt`` tags where a filter
confirms them.  Overlaps resolve by rule tier, then by length.

>>> [(e.text, e.label) for e in find_entities("肯尼亚总统鲁托表示，点击一次按钮")]
[('肯尼亚', 'GPE'), ('鲁托', 'PERSON')]
>>> [(e.text, e.label) for e in find_entities("阿尔巴尼亚全球化研究所执行主任马塞拉·穆萨贝留表示")]
[('阿尔巴尼亚全球化研究所', 'ORG'), ('马塞拉·穆萨贝留', 'PERSON')]
>>> [(e.text, e.normalized) for e in find_entities("同阿盟发表声明")]
[('阿盟', '阿拉伯国家联盟')]
>>> [e.text for e in find_entities("本版责编：韩秉宸 张远南 李安琪")]
['韩秉宸', '张远南', '李安琪']
>>> [(e.text, e.label) for e in find_entities("中方提出《全球数据安全倡议》")]
[('全球数据安全倡议', 'WORK_OF_ART')]
>>> [(e.text, e.label) for e in find_entities("学习《中华人民共和国宪法》")]
[('中华人民共和国宪法', 'LAW')]
>>> find_entities("")
[]
>>> find_entities("，，，")
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import jieba
import jieba.posseg

from pipeline.extract import gazetteer as gz
from pipeline.records import Entity

jieba.setLogLevel(60)

# Rule tiers: a lower tier wins an overlap, then the longer span.
_T_TITLE, _T_DOT, _T_CREDIT, _T_HEAD, _T_GAZ, _T_PER, _T_TAG = range(7)

#: organization heads: the name ends in one of these (longest listed first where they nest)
ORG_HEADS = (
    "委员会", "研究所", "研究院", "研究室", "研究会", "科学院", "工程院", "组织", "联盟", "联合会", "协会", "学会",
    "基金会", "俱乐部", "集团", "公司", "总公司", "银行", "大学", "学院", "中学", "小学", "学校", "医院", "政府",
    "议会", "国会", "法院", "检察院", "党委", "省委", "市委", "县委", "区委", "常委会", "人大", "政协", "妇联",
    "出版社", "通讯社", "报社", "电视台", "电台", "艺术团", "合唱团", "话剧团", "剧团", "乐团", "歌舞团", "杂技团",
    "马戏团", "军区", "部队", "舰队", "代表团", "办公厅", "办公室", "书记处", "管理局", "总局", "总署", "总会",
    "工厂", "总厂", "合作社", "联合社", "女排", "男排", "女篮", "男篮", "女足", "男足", "指挥部", "大使馆", "领事馆", "总领事馆", "共同体", "论坛",
)
#: one-character heads count only as the last character of a token that jieba keeps whole (外交部, 农业局)
ORG_CHAR_HEADS = frozenset("部局厅署处司委办社队院所厂行会党团")
EVENT_HEADS = ("大会", "峰会", "博览会", "研讨会", "论坛", "运动会", "奥运会", "锦标赛", "交易会", "展览会", "洽谈会", "年会", "世界杯", "艺术节", "电影节", "文化节")
FAC_HEADS = ("中心", "基地", "图书馆", "博物馆", "纪念馆", "体育馆", "美术馆", "展览馆", "科技馆", "馆", "大厦", "广场", "机场", "公园", "大桥", "大会堂", "体育场", "码头", "港口", "车站", "火车站",
              "音乐厅", "剧院", "剧场", "礼堂", "宾馆", "饭店", "酒店", "清真寺", "教堂", "寺", "宫", "陵园", "故居")
#: a 中心 after one of these words does a job and is an organization (交流中心, 研究中心); after
#: a building word (会展, 购物) it is a facility
_CENTER_WORK = ("交流", "研究", "发展", "保护", "服务", "培训", "信息", "监测", "检测", "数据", "创新", "咨询", "指挥",
                "控制", "救助", "鉴定", "评估", "交易", "预报", "调度", "管理", "技术", "推广", "疾病预防控制", "新闻")
#: a name may join two parts by a conjunction (通信和信息部, 亚洲及太平洋经济社会委员会, 遗传与发育生物学研究所)
_NAME_CONJ = frozenset({"和", "与", "及"})
#: heads of firms, whose names are often a person's or a brand's (李宁公司, 西门子公司)
_COMPANY_HEADS = ("公司", "集团", "银行", "厂")
_TEAM_HEADS = ("队", "女排", "男排", "女篮", "男篮", "女足", "男足")
#: a village, town or township: a short proper or unknown word before one of these (耿庄镇, 双泾村)
_SETTLEMENT = frozenset("村镇乡屯寨庄")
#: a 论坛 with officers is an organization; one that is held is an event
_ORG_OFFICERS = ("理事长", "秘书长", "主席", "会长", "创始人", "成员", "执行主任")
#: modifiers that make a head name specific although jieba tags them as common nouns
_SPECIFIC = frozenset({"国家", "全国", "中央", "国际", "世界", "中华", "亚太", "全球", "国务院", "中共", "第一", "第二"})
#: tags that may stand inside a name before its head
_NAME_TAGS = frozenset({"ns", "nt", "nz", "n", "nr", "nrt", "nrfg", "j", "vn", "an", "b", "eng", "l", "v", "m", "s", "f", "t"})
_PROPER_TAGS = frozenset({"ns", "nt", "nz", "j", "nrt", "eng"})
#: tokens that can never start a name (trimmed from the left edge)
_EDGE_TRIM_TAGS = frozenset({"v", "vn", "m", "f", "x", "d", "p", "c", "u", "r", "a", "ad", "q", "t"})
_LEFT_STOP = frozenset("的在和与及或对从向把被由为是了、，。；：！？“”‘’（）《》—― ")
LAW_SUFFIXES = ("法", "条例", "规定", "办法", "公约", "条约", "协定", "决定", "规则", "细则", "章程", "议定书", "宪章", "决议", "法令")
_NOT_LAW = ("方法", "做法", "看法", "想法", "书法", "语法", "手法", "画法", "说法", "技法", "疗法", "算法", "魔法", "佛法", "兵法")
_PLACE_SUFFIX = tuple("省市县区州镇乡村岛山河湖江海港湾峡盟旗") + ("地区", "半岛", "盆地", "平原", "高原", "群岛", "大街", "街道")
_CREDIT_ROLE = re.compile(r"(?:责编|编辑|责任编辑|版式设计|美编|摄影|制图|校对|记者|本报记者|新华社记者|通讯员)[：:]?\s*")
_NAME_CHAR = r"[\u4e00-\u9fff]"
_CREDIT_NAMES = re.compile(rf"{_NAME_CHAR}{{2,4}}(?:[ \u3000]+{_NAME_CHAR}{{2,4}})*")
_PHOTO = re.compile(rf"(?:^|(?<=[\s（(，。：]))((?:本报记者|新华社记者|记者)?[ \u3000]*)({_NAME_CHAR}{{2,4}}?)摄(?=$|[\s（(，。）)])")
#: tags jieba gives some names it knows (周恩来/t, 刘澜涛/n)
_MISTAGGED = frozenset({"n", "t", "nz", "nrt", "j"})
#: cues too common to mark a name on their own
_WEAK_CUES = frozenset({"对", "在", "向", "和", "与", "等", "率", "问", "答", "签署", "发表", "访问", "出席", "提出", "希望", "建议", "宣布"})
#: forms of address after a bare surname (周总理 is in the titles; these are not titles)
_HONORIFICS = frozenset({"老", "公", "大爷", "大妈", "大娘", "老伯", "师傅", "阿姨", "大姐", "大哥", "总", "老师"})
_SENTENCE_PUNCT = frozenset("，。；：！？、,;:!?")
_N_COUNTRIES = re.compile(r"[一二三四五六七八九十两\d]+国")
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8})+")


class _Tok(NamedTuple):
    word: str
    tag: str
    start: int
    end: int


class _Cand(NamedTuple):
    tier: int
    start: int
    end: int
    label: str
    normalized: str


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.posseg.POSTokenizer:
    """A private jieba with the gazetteer user words (the global one stays untouched)."""
    tok = jieba.Tokenizer()
    for word, freq, tag in gz.jieba_user_words():
        tok.add_word(word, freq, tag)
    return jieba.posseg.POSTokenizer(tok)


def _tokens(text: str) -> list[_Tok]:
    out, i = [], 0
    for pair in _tokenizer().cut(text):
        out.extend(_split_title(_Tok(pair.word, pair.flag, i, i + len(pair.word))))
        i += len(pair.word)
    return out


def _split_title(t: _Tok) -> tuple[_Tok, ...]:
    """A head word and the title after it, glued by jieba (协会会长, 局局长, 办公室主任), as two tokens.

    >>> [(x.word, x.start) for x in _split_title(_Tok("协会会长", "n", 5, 9))]
    [('协会', 5), ('会长', 7)]
    >>> [x.word for x in _split_title(_Tok("外交部长", "n", 0, 4))], [x.word for x in _split_title(_Tok("委员长", "n", 0, 3))]
    (['外交部长'], ['委员长'])
    """
    w = t.word
    for k in range(max(1, len(w) - 4), len(w) - 1):
        head, title = w[:k], w[k:]
        if title in gz.titles() and (head[-1] in ORG_CHAR_HEADS and title[0] == head[-1] or head.endswith(ORG_HEADS)):
            return _Tok(head, "n", t.start, t.start + k), _Tok(title, "n", t.start + k, t.end)
    return (t,)


def _titles(text: str) -> list[_Cand]:
    """Book-title marks, nested ones included: the outermost title is the name.

    >>> [(text[c.start:c.end], c.label) for text in ["读《关于〈红楼梦〉的研究》与《合同法》"] for c in _titles(text)]
    [('关于〈红楼梦〉的研究', 'WORK_OF_ART'), ('合同法', 'LAW')]
    >>> _titles("《未闭合")
    []
    """
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0 and i > start:
                body = text[start:i].strip("“”\"'‘’")
                law = body.endswith(LAW_SUFFIXES) and not body.endswith(_NOT_LAW) and len(body) > 2
                out.append(_Cand(_T_TITLE, start, i, "LAW" if law else "WORK_OF_ART", text[start:i]))
    return out


def _dot_names(text: str) -> list[_Cand]:
    """Transliterated names joined by ·, matched on characters (jieba splits them).

    Both sides known places (中国·赣州) make a place pair, not a person.

    >>> [text[c.start:c.end] for text in ["克罗地亚专家伊戈尔·拉克蒂奇表示"] for c in _dot_names(text)]
    ['伊戈尔·拉克蒂奇']
    >>> _dot_names("2023中国·赣州跨境电商交易博览会")
    []
    """
    out, trans = [], gz.translit_chars()
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
        if len(head) - k < 1 or k == len(head):
            continue
        if k and len(head) - k < 2:
            continue
        last = parts[-1][:len(parts[-1]) - _right_trim(parts[-1])]
        keep = next((e for e in range(1, len(last)) if _ends_dot_name(last, e)), len(last))  # …施特劳斯|的不朽之作
        out.append(_Cand(_T_DOT, m.start() + k, m.end() - len(parts[-1]) + keep, "PERSON", ""))
    return out


def _ends_dot_name(last: str, e: int) -> bool:
    """The last part of a ·-name stops before position e: a function character or a
    dictionary verb or noun that no transliteration starts (…迪|结束, …猜|则).

    >>> _ends_dot_name("施特劳斯的不朽之", 4), _ends_dot_name("哈马迪结束", 3), _ends_dot_name("翁猜则", 1), _ends_dot_name("穆萨贝留", 3)
    (True, True, False, False)
    """
    if last[e] in "的之在和与及等则曾也已将又就是":
        return True
    entry = _lexicon().get(last[e:e + 2]) if e + 2 <= len(last) else None
    return entry is not None and entry[1][:1] in ("v", "n") and entry[1] not in ("nr", "nrt", "ns") and last[e] not in gz.translit_chars()


def _ends_role(prefix: str) -> bool:
    """The text before a transliterated name ends with a title, role, cue or known place."""
    return prefix.endswith(_title_suffixes()) or prefix[-1:] in gz.titles() or prefix.endswith(tuple(gz.cues())) \
        or any(prefix.endswith(p) for p in (prefix[-k:] for k in (2, 3, 4, 5)) if p in gz.places())


def _right_trim(last: str) -> int:
    """How many characters after a transliterated name's last part are not the name (…蒂奇表示 → 2).

    >>> _right_trim("拉克蒂奇表示"), _right_trim("马赫默德说"), _right_trim("穆萨贝留")
    (2, 1, 0)
    """
    for k in range(1, len(last)):
        rest = last[k:]
        if any(rest.startswith(c) for c in _cue_prefixes(rest[:1])):
            return len(last) - k
    return 0


@cache
def _cue_prefixes(first: str) -> tuple[str, ...]:
    return tuple(c for c in gz.cues() | gz.titles() if c.startswith(first))


def _credits(text: str) -> list[_Cand]:
    """Names on credit lines: role + colon + space-separated names, and '<name>摄'.

    >>> sorted({text[c.start:c.end] for text in ["姚颖康摄（影像中国） 图②：本报记者 张博岚摄"] for c in _credits(text)})
    ['姚颖康', '张博岚']
    >>> [text[c.start:c.end] for text in ["版式设计：张芳曼"] for c in _credits(text)]
    ['张芳曼']
    """
    out = []
    for m in _CREDIT_ROLE.finditer(text):
        if not m.group().rstrip().endswith(("：", ":")) and "记者" not in m.group():
            continue
        names = _CREDIT_NAMES.match(text, m.end())
        if not names:
            continue
        for n in re.finditer(_NAME_CHAR + "+", names.group()):
            word = n.group()
            if word.endswith("摄"):
                word = word[:-1]
            after = text[names.start() + n.start() + len(word):][:2]
            cut = _cue_tail(word, after)
            if cut == len(word) and not m.group().rstrip().endswith(("：", ":")) and re.match(_NAME_CHAR, after) and not after.startswith(tuple(gz.cues())):
                break  # 记者从农业农|村部获悉: the run goes on into the sentence, not a name
            word = word[:cut]  # 记者李建兴报道
            if 2 <= len(word) <= 4 and _surname_len(word):
                s = names.start() + n.start()
                out.append(_Cand(_T_CREDIT, s, s + len(word), "PERSON", ""))
            if "记者" in m.group():
                break
    for m in _PHOTO.finditer(text):
        name = m.group(2)
        if _surname_len(name) and len(name) >= 2:
            out.append(_Cand(_T_CREDIT, m.start(2), m.end(2), "PERSON", ""))
    return out


def _surname_len(name: str) -> int:
    """Length of the surname that starts ``name`` (0 if none)."""
    sn = gz.surnames()
    if name[:2] in sn and len(name) >= 3:
        return 2
    return 1 if name[:1] in sn else 0


@lru_cache(maxsize=1)
def _title_suffixes() -> tuple[str, ...]:
    return tuple(t for t in gz.titles() if len(t) > 1)


#: a role word by its ending (指挥家, 研究员, 工程师, 外交官, 科长): tag n, three characters or more
_ROLE_ENDINGS = tuple("家员师官手长")
#: characters that end a place rather than a given name (杨村, 郭家, 许家坝)
_PLACE_END = frozenset("村庄屯寨堡坝湾塘桥集店铺沟坪岗岭峪洼营场镇乡街巷路里门城楼寺")
#: a name with a plausible given name needs no context (mean log-odds, see gz.given_name_score)
_GIVEN_OK = 0.5
#: a two-character word this frequent in jieba's dictionary is an ordinary word (文章, 经济), whatever its tag
_COMMON_FREQ = 500


def _is_title(word: str, tag: str = "n") -> bool:
    """A title or role, alone or closing a longer token (外交部长, 新华社记者, 指挥家).

    >>> _is_title("外交部长"), _is_title("指挥家"), _is_title("国家"), _is_title("说")
    (True, True, False, False)
    """
    if word in gz.titles() or (len(word) > 2 and word.endswith(_title_suffixes())):
        return True
    return tag == "n" and len(word) >= 3 and word[-1] in _ROLE_ENDINGS and word not in gz.places()


def _person_context(toks: list[_Tok], i: int, j: int, lists: bool = True) -> bool:
    """A title or role just before tokens i..j-1, or a title / cue just after (or, for
    a dictionary name, a 、 list)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[j].word if j < len(toks) else ""
    listed = lists and ((before is not None and before.word == "、") or after == "、")
    return (before is not None and _is_title(before.word, before.tag)) or _is_title(after) or after in gz.cues() or listed


def _plausible_name(word: str) -> bool:
    """Surname + given name whose characters read as a given name, not a common word or a place.

    >>> _plausible_name("钱其琛"), _plausible_name("宣传部"), _plausible_name("杨村"), _plausible_name("胡滨娜")
    (True, False, False, True)
    """
    k = _surname_len(word)
    given = word[k:]
    if not k or not 1 <= len(given) <= 2 or given[-1] in _PLACE_END or word in gz.places() or word in gz.orgs():
        return False
    if given in _HONORIFICS or given in gz.titles():
        return False
    if len(given) == 2 and _lexicon().get(given, (0, "nr"))[1] not in ("nr", "nrfg", "nrt") and _lexicon()[given][0] >= _COMMON_FREQ:
        return False  # 古建筑, 高素质, 钱袋子: a surname character before a common word
    return gz.given_name_score(given) > _GIVEN_OK


#: a given name this frequent as an ordinary word (建筑, 素质, 袋子) makes a three-character token a word
_WORD_GIVEN_FREQ = 100
#: a surname and the next character this frequent as an ordinary word (农家, 钱袋) start a word, not a name
_WORD_HEAD_FREQ = 50


def _word_like(word: str) -> bool:
    """A surname-led three-character token that reads as an ordinary word: its given part, or its
    first two characters, are a common dictionary word with a non-name tag.

    >>> [_word_like(w) for w in ("古建筑", "高素质", "农家乐", "钱袋子", "王建国", "周恩来", "李岚清")]
    [True, True, True, True, False, False, False]
    """
    if len(word) != 3 or _surname_len(word) != 1:
        return False
    lex = _lexicon()
    given, head = lex.get(word[1:]), lex.get(word[:2])
    names = ("nr", "nrfg", "nrt", "ns")
    return bool(given and given[1] not in names and given[0] >= _WORD_GIVEN_FREQ
                or head and head[1] not in names and head[0] >= _WORD_HEAD_FREQ)


def _strong_context(toks: list[_Tok], i: int, j: int) -> bool:
    """A title or role right before tokens i..j-1, or a reporting cue (not a preposition) right after."""
    after = toks[j].word if j < len(toks) else ""
    return i > 0 and _is_title(toks[i - 1].word, toks[i - 1].tag) or after in gz.cues() and after not in _WEAK_CUES


def _chinese_names(toks: list[_Tok]) -> list[_Cand]:
    """Chinese names: a surname-led run of jieba name tokens or single characters.

    jieba keeps known names whole (江泽民/nr) and cuts unknown ones (邱/娥/国,
    李/红梅); a name is accepted next to a title, role or cue, or alone when its
    given name reads as one (character statistics of jieba's own name entries).
    A two-character word that jieba's dictionary knows (文明/nr, 卢布/nr) needs
    context, since most of those are ordinary words.
    """
    out = []
    n = len(toks)
    lex = _lexicon()
    for i, t in enumerate(toks):
        if not re.fullmatch(_NAME_CHAR + "+", t.word):
            continue
        if re.fullmatch(r"[老小]" + _NAME_CHAR, t.word) and t.word[1] in gz.surnames() and t.tag == "nr":
            out.append(_Cand(_T_PER, t.start, t.end, "PERSON", ""))  # 老邱, 小王
            continue
        k = _surname_len(t.word)
        if not k:
            continue
        rest = t.word[k:]
        if len(t.word) <= 3 and (len(rest) > 1 and rest in gz.titles() or rest in _HONORIFICS) and (
                t.tag == "nr" or t.word not in lex or len(rest) > 1 or gz.surnames().get(t.word[:k]) == "common" and t.tag == "n"):
            # 周总理, 冷科长, 毛主席, 韩老师: the surname alone is the name; 侯老, 周公 keep the honorific
            end = t.end if rest in ("老", "公") else t.start + k
            out.append(_Cand(_T_PER, t.start, end, "PERSON", ""))
            continue
        after = toks[i + 1].word if i + 1 < n else ""
        if k == 1 and len(t.word) == 1 and i + 1 < n and toks[i + 1].tag == "n" and (
                t.tag == "nr" or gz.surnames().get(t.word) == "common") and (
                after in gz.titles() and after not in ("记者", "代表", "成员", "委员") or after in _HONORIFICS and after != "老") and (
                i == 0 or toks[i - 1].tag in ("x", "p", "c", "uj", "v") or toks[i - 1].word in "，。、：（“"):
            out.append(_Cand(_T_PER, t.start, t.end, "PERSON", ""))  # 何/教授
            continue
        if t.tag in _MISTAGGED and 2 <= len(t.word) <= 3 and t.word not in gz.titles() and not _word_like(t.word) and (
                i > 0 and _is_title(toks[i - 1].word, toks[i - 1].tag) or after in gz.cues() and after not in _WEAK_CUES
                or _is_title(after) and _plausible_name(t.word)) and (len(t.word) == 3 or lex.get(t.word, (0,))[0] < _COMMON_FREQ):
            out.append(_Cand(_T_PER, t.start, t.end, "PERSON", ""))  # 周恩来/t 同志, 利维/n 说
            continue
        if t.tag in ("nr", "nrfg") and 2 <= len(t.word) <= 3 + (k == 2):
            if t.word in gz.places() or t.word in gz.orgs():
                continue
            end = t.start + _cue_tail(t.word, after)
            word = t.word[:end - t.start]
            known = len(word) == 2 and word in lex
            if _word_like(word) and not _strong_context(toks, i, i + 1):
                continue  # 古建筑/nr 在, 高素质/nr 农民: dictionary words that jieba tags as names
            if _person_context(toks, i, i + 1) or not known and _plausible_name(word):
                out.append(_Cand(_T_PER, t.start, end, "PERSON", ""))
            if len(t.word) > 1:
                continue
        # a surname followed by one or two single characters (or a short unknown or name token)
        if len(t.word) > 2:
            continue
        strong = i > 0 and _is_title(toks[i - 1].word, toks[i - 1].tag)
        j, length = i + 1, len(t.word)
        while j < n and length < 3 and len(toks[j].word) <= 2 and length + len(toks[j].word) <= 3 and re.fullmatch(_NAME_CHAR + "+", toks[j].word):
            if toks[j].word in gz.cues() or _is_title(toks[j].word) or _starts_cue(toks, j):
                break
            length += len(toks[j].word)
            j += 1
            common = gz.surnames().get(t.word) == "common"
            after = toks[j].word if j < n else ""
            word = "".join(x.word for x in toks[i:j])
            glued = len(t.word) == 1 and t.tag == "nr" and toks[j - 1].tag in ("nr", "nrfg") and len(word) == 3
            if length >= 2 and (common and _person_context(toks, i, j, lists=False) or strong and after in gz.cues()
                                or glued and _plausible_name(word)):
                out.append(_Cand(_T_PER, t.start, toks[j - 1].end, "PERSON", ""))
                break
    return out


def _cue_tail(word: str, after: str) -> int:
    """Length of a name token without the cue jieba glued to it (李建兴报|道, 何伟报道).

    >>> _cue_tail("李建兴报", "道："), _cue_tail("何伟报道", "："), _cue_tail("江泽民", "说")
    (3, 2, 3)
    """
    for k in range(2, len(word)):
        tail = word[k:]
        if tail in gz.cues() or any(c.startswith(tail) and (tail + after).startswith(c) for c in _cue_prefixes(tail[0])):
            return k
    return len(word)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, str]]:
    from pipeline.lexicon import jieba_dictionary

    return jieba_dictionary()


def _starts_cue(toks: list[_Tok], j: int) -> bool:
    """Token j and the next spell a cue (报/道 → 报道), so the name ends before it."""
    nxt = toks[j + 1].word if j + 1 < len(toks) else ""
    joined = toks[j].word + nxt
    return any(joined[:k] in gz.cues() for k in range(len(toks[j].word) + 1, len(joined) + 1))


def _head_kind(tok: _Tok, nxt: str, prev: str = "") -> str:
    """ORG / EVENT / FAC if the token is (or ends in) a head word, else ''.

    >>> _head_kind(_Tok("交流中心", "l", 0, 4), ""), _head_kind(_Tok("会展中心", "n", 0, 4), ""), _head_kind(_Tok("中心", "n", 2, 4), "", "研究")
    ('ORG', 'FAC', 'ORG')
    """
    w = tok.word
    if w.endswith("论坛"):
        return "ORG" if nxt.startswith(_ORG_OFFICERS) else "EVENT"
    if w.endswith(EVENT_HEADS):
        return "EVENT"
    if w.endswith("中心") and (w[:-2] or prev).endswith(_CENTER_WORK):
        return "ORG"
    if w.endswith(ORG_HEADS):
        return "ORG"
    if w.endswith(FAC_HEADS):
        return "FAC"
    if w[-1] in ORG_CHAR_HEADS and (tok.tag in ("nt", "j", "nz") or tok.tag in ("n", "l") and len(w) != 2):
        return "ORG"
    return ""


def _head_names(toks: list[_Tok]) -> list[_Cand]:
    """Organizations, events and facilities by their head, the left edge grown over the name's modifiers.

    The span grows left over name-like tokens (places, proper nouns, nouns; a
    verb only right before the head, as in 指导委员会), never across 的/在/和/与
    or punctuation, then loses leading verbs and function words.  A bare head,
    or one whose modifiers are all common words, is not a name unless the
    gazetteer knows it or it starts with a known place (香港科技大学).
    """
    out = []
    orgs = gz.orgs()
    for j, t in enumerate(toks):
        kind = _head_kind(t, toks[j + 1].word if j + 1 < len(toks) else "", toks[j - 1].word if j else "")
        if not kind:
            continue
        i = j
        known = t.word in orgs
        quoted = False
        while i > 0 and j - i < 12:
            p = toks[i - 1]
            if p.word == "”" and _quoted_name(toks, i - 1):
                while toks[i - 1].word != "“":
                    i -= 1
                i -= 1
                quoted = True
                break  # a quoted name is the whole name: “读懂中国”论坛
            if p.word == "·" and i >= 2 and toks[i - 2].tag == "ns":
                i -= 1
                continue
            if p.word in ("与", "和") and kind == "EVENT":
                k = next((k for k in range(i - 2, max(-1, i - 6), -1) if toks[k].word.endswith(EVENT_HEADS)), None)
                if k is not None and all(x.tag in _NAME_TAGS for x in toks[k + 1:i - 1]):
                    i = k + 1  # a forum held within a larger event: 峰会青年与数字未来论坛
                    continue
            if p.word == "—" and i >= 2 and toks[i - 2].tag in ("ns", "nt", "j") and toks[i].tag in ("ns", "nt", "j"):
                i -= 1
                continue  # two parties joined by a dash: 中国—东盟数字经济合作论坛
            if p.word in _NAME_CONJ and kind == "ORG" and i >= 2 and toks[i - 2].tag in _NAME_TAGS \
                    and (toks[i - 2].tag == "ns") == (toks[i].tag == "ns") and toks[i - 2].tag not in ("nr", "nrfg", "m", "v") \
                    and (toks[i].tag != "ns" or i + 1 < j) and toks[i - 2].tag != "nt" and not _head_kind(toks[i - 2], ""):
                # not two countries' bodies (中国和印度外交部) nor two whole names (医院和学会)
                i -= 1
                continue  # 通信和信息部, 亚洲及太平洋经济社会委员会: both sides alike
            if p.word in _LEFT_STOP or p.word[-1] in "的" or p.tag not in _NAME_TAGS:
                break
            if p.tag in ("nr", "nrfg") and (i >= 2 and _is_title(toks[i - 2].word) or i < 2 and not t.word.endswith(_COMPANY_HEADS)):
                break
            if known and p.tag != "ns":
                break
            if p.tag == "v" and (i != j or kind == "FAC" or toks[i - 2].tag not in _NAME_TAGS if i >= 2 else True):
                break
            if i != j and p.tag not in _PROPER_TAGS and _lexicon().get(p.word, (0, "n"))[1][:1] in ("d", "t", "p", "c") \
                    and not re.fullmatch(r"\d{4}年?", p.word):
                break  # 工作人员正在/t 整理 五台山佛光寺: an adverb or time word by the dictionary ends the name
            if p.tag not in _PROPER_TAGS and p.word not in _SPECIFIC and p.word not in gz.places() \
                    and any(x.tag in ("ns", "nz", "nt", "j") for x in toks[i:j]):
                break  # a common word before a place or proper name is the sentence, not the name (整理/n 五台山佛光寺)
            if p.tag == "m" and not re.fullmatch(r"(?:\d{4}年?|第[一二三四五六七八九十\d]+[届次])", p.word):
                break
            i -= 1
        while not quoted and i < j and (toks[i].tag in _EDGE_TRIM_TAGS and not re.fullmatch(r"\d{4}年?|第.+", toks[i].word) or toks[i].word in _LEFT_STOP):
            i += 1
        mods = toks[i:j]
        proper = quoted or any(m.tag in _PROPER_TAGS or m.word in _SPECIFIC or m.word in gz.places() for m in mods) or (
            t.word.endswith(_COMPANY_HEADS) and len(mods) == 1 and mods[0].tag in ("nr", "nrfg"))  # 李宁公司
        if not proper and not (not mods and _known_whole(t)):
            continue
        out.append(_Cand(_T_HEAD, toks[i].start, t.end, kind, ""))
    return out


def _quoted_name(toks: list[_Tok], close: int) -> bool:
    """The closing quote at ``close`` ends a short quoted name (“读懂中国”), not a quoted sentence.

    >>> _quoted_name(_tokens("“读懂中国”论坛"), 5), _quoted_name(_tokens("“日子才有奔头。”桃源村"), 6)
    (True, False)
    """
    for k in range(close - 1, max(-1, close - 12), -1):
        if toks[k].word == "“":
            return True
        if toks[k].word in _SENTENCE_PUNCT:
            return False
    return False


def _known_whole(t: _Tok) -> bool:
    """A head token that is a name by itself: known, led by a known place, or a ministry-style nt (地质部)."""
    if t.word in gz.orgs():
        return True
    if any(t.word[:k] in gz.places() for k in range(2, len(t.word) - 1)):
        return True
    if t.tag == "nt" and len(t.word) >= 3 and (t.word[-1] in ORG_CHAR_HEADS or t.word.endswith(ORG_HEADS)) and (
            t.word not in _lexicon() or t.word.endswith(_TEAM_HEADS)):
        return True  # names jieba builds itself (西门子公司, 浙江女排) or teams (中国队), not its generic 人民政府
    return t.tag == "nt" and len(t.word) <= 4 and t.word[-1] in "部委局署办"


def _gazetteer(toks: list[_Tok]) -> list[_Cand]:
    """Places and organizations from the gazetteers, starting on a token boundary.

    A name may end inside a token that jieba glued to a following word
    (台湾同胞, 新华社记者, 香港回归): the longest known prefix of the token counts.
    """
    out = []
    places, orgs = gz.places(), gz.orgs()
    for k2, t in enumerate(toks, 1):
        if t.tag in ("nr", "nrfg") and t.word not in places and t.word not in orgs:
            continue
        for k in range(len(t.word), 1, -1):
            w = t.word[:k]
            if 0 < len(t.word) - k < 2:
                continue  # 外交部长 is a minister, not 外交部
            if w in orgs:
                out.append(_Cand(_T_GAZ, t.start, t.start + k, "ORG", orgs[w]))
                break
            if w in places:
                label, norm = places[w]
                end = t.start + k
                if k == len(t.word) and label == "LOC" and k2 < len(toks) and _N_COUNTRIES.fullmatch(toks[k2].word):
                    end, norm = toks[k2].end, w + toks[k2].word  # 中亚五国: the group of countries
                out.append(_Cand(_T_GAZ, t.start, end, label, norm))
                break
    return out


def _tagged(toks: list[_Tok]) -> list[_Cand]:
    """jieba's own proper-noun tags, where a filter confirms them.

    A transliterated name (nrt) needs a person context, since jieba also tags
    brands and currencies so; a place (ns) needs a place suffix.
    """
    out = []
    for k, t in enumerate(toks):
        if t.tag == "nrt" and len(t.word) >= 2 and all(ch in gz.translit_chars() for ch in t.word):
            if len(t.word) >= 3 or _person_context(toks, k, k + 1):
                out.append(_Cand(_T_TAG, t.start, t.end, "PERSON", ""))
        elif 3 <= len(t.word) <= 4 and t.word[-1] in _SETTLEMENT and t.tag in ("nr", "ns", "nz", "nrt") and _lexicon().get(t.word, (0, "nr"))[1] in ("nr", "ns", "nz", "nrt"):
            out.append(_Cand(_T_TAG, t.start, t.end, "GPE", ""))  # 耿庄镇/nr, 东耿村/nr
        elif t.word in _SETTLEMENT and k >= 1 and toks[k - 1].tag in ("ns", "nr", "nz", "nrt") and len(toks[k - 1].word) == 2 \
                and toks[k - 1].word not in gz.places():
            out.append(_Cand(_T_TAG, toks[k - 1].start, t.end, "GPE", ""))  # 双泾/村
        elif t.tag == "ns" and (len(t.word) >= 3 and t.word.endswith(_PLACE_SUFFIX) or len(t.word) == 2 and t.word[-1] in "镇乡村"):
            out.append(_Cand(_T_TAG, t.start, t.end, "GPE" if t.word[-1] in "省市县区州镇乡村旗" else "LOC", ""))
    return out


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    taken: list[_Cand] = []
    used = bytearray()
    for c in sorted(cands, key=lambda c: (c.tier, c.start - c.end, c.start)):
        if c.end > len(used):
            used.extend(b"\0" * (c.end - len(used)))
        if any(used[c.start:c.end]):
            continue
        used[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _paragraph(text: str) -> tuple[list[_Tok], list[_Cand]]:
    """Tokens and the resolved candidates of one paragraph."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    toks = _tokens(text)
    cands = _titles(text) + _dot_names(text) + _credits(text)
    cands += _head_names(toks) + _gazetteer(toks) + _chinese_names(toks) + _tagged(toks)
    return toks, _resolve(cands)


def _entities(text: str, cands: list[_Cand]) -> list[Entity]:
    out = []
    for c in cands:
        span = text[c.start:c.end]
        if span.strip():
            out.append(Entity(c.start, c.end, span, c.label, c.normalized or _normalize(span, c.label)))
    return out


def find_entities(text: str) -> list[Entity]:
    """Named entities in one repaired paragraph, sorted by start and non-overlapping."""
    return _entities(text, _paragraph(text)[1])


def _normalize(span: str, label: str) -> str:
    """The canonical name for a known place or organization, else the text itself."""
    if label == "ORG" and span in gz.orgs():
        return gz.orgs()[span]
    if span in gz.places():
        return gz.places()[span][1]
    return span


def _seed_names(texts: Sequence[str], found: list[list[_Cand]]) -> dict[str, str]:
    """Names a document vouches for (name -> its surname, '' for a foreign name): every
    person found by a rule other than jieba's bare tag, and the given names of three-character
    Chinese names, which later mentions use alone (恩来 after 周恩来)."""
    seeds: dict[str, str] = {}
    lex = _lexicon()
    for text, cands in zip(texts, found, strict=False):
        for c in cands:
            name = text[c.start:c.end]
            if c.label != "PERSON" or c.tier == _T_TAG or len(name) < 2:
                continue
            k = _surname_len(name)
            if len(name) == 2 and name in lex and lex[name][1] != "nrt":
                continue  # 卢布/nr: a dictionary word vouched for once is not vouched for everywhere
            seeds[name] = name[:k] if k and len(name) <= 4 and "·" not in name else ""
            given = name[k:]
            if k and len(name) == 3 and lex.get(given, (0, "nr"))[1] in ("nr", "nrfg", "nrt"):
                seeds.setdefault(given, "")
    return seeds


def _mentions(text: str, toks: list[_Tok], seeds: dict[str, str]) -> list[_Cand]:
    """Other mentions of the document's names: the name on a token boundary (the end may fall
    inside a token jieba glued to what follows), and 老/小 + a known surname (老童)."""
    out = []
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    glued = {e for t in toks if t.word not in _lexicon() for e in range(t.start + 1, t.end)}
    for name, surname in seeds.items():
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if s not in starts or not (e in ends or e in glued and len(name) >= 3):
                continue
            if surname == "" and len(name) == 2 and s > 0 and _surname_len(text[s - 1]):
                continue  # a given name after some surname is a different name
            out.append(_Cand(_T_PER, s, e, "PERSON", ""))
        if surname:
            for m in re.finditer(f"[老小]{re.escape(surname)}", text):
                if m.start() in starts and m.end() in ends:
                    out.append(_Cand(_T_PER, m.start(), m.end(), "PERSON", ""))
    return out


def find_document_entities(texts: Sequence[str]) -> list[list[Entity]]:
    """Entities of every paragraph of one document (index i: entities of ``texts[i]``).

    A name found with evidence in one paragraph (a title, a cue, a credit, a ·)
    marks its bare mentions everywhere in the document, where jieba alone
    would miss them (周恩来/t) or a paragraph gives no context.

    >>> [[e.text for e in es] for es in find_document_entities(["外交部长钱其琛说", "其后钱其琛离开", ""])]
    [['钱其琛'], ['钱其琛'], []]
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    parsed = [_paragraph(t) for t in texts]
    seeds = _seed_names(texts, [c for _, c in parsed])
    out = []
    for text, (toks, cands) in zip(texts, parsed, strict=False):
        extra = _mentions(text, toks, seeds) if seeds else []
        out.append(_entities(text, _resolve(cands + extra) if extra else cands))
    return out
