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
[('中华人民共和国', 'GPE'), ('中华人民共和国宪法', 'LAW')]
>>> find_entities("")
[]
>>> find_entities("，，，")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.extract import gazetteer as gz
from pipeline.extract.norp import find_norp
from pipeline.records import Entity
from pipeline.segment import segment

# Rule tiers: a lower tier wins an overlap, then the longer span.
_T_TITLE, _T_DOT, _T_CREDIT, _T_HEAD, _T_GAZ, _T_PER, _T_TAG = range(7)

#: organization heads: the name ends in one of these (longest listed first where they nest)
ORG_HEADS = (
    "委员会", "研究所", "研究院", "研究室", "研究会", "科学院", "工程院", "组织", "联盟", "联合会", "协会", "学会",
    "基金会", "俱乐部", "集团", "公司", "总公司", "银行", "大学", "学院", "中学", "小学", "学校", "医院", "政府",
    "议会", "国会", "法院", "检察院", "党委", "省委", "市委", "县委", "区委", "地委", "州委", "盟委", "旗委", "工委", "纪委", "常委会", "人大", "政协", "妇联",
    "出版社", "通讯社", "报社", "电视台", "电台", "艺术团", "合唱团", "话剧团", "剧团", "乐团", "歌舞团", "杂技团",
    "马戏团", "军区", "部队", "舰队", "代表团", "办公厅", "办公室", "书记处", "管理局", "总局", "总署", "总会",
    "工厂", "总厂", "合作社", "联合社", "油田", "书店", "团委", "科协", "领导小组", "核电站", "方面军", "集团军", "野战军", "女排", "男排", "女篮", "男篮", "女足", "男足", "指挥部", "大使馆", "领事馆", "总领事馆", "共同体", "论坛",
    # kinds of body written short, or units of a larger one (天津市文联, 拉萨海关, 漳州军分区, 常州市分行)
    "海关", "文联", "作协", "侨联", "足协", "美院", "画院", "军校", "党校", "支队", "大队", "中队", "总队", "军分区", "分局",
    "分行", "支行", "分社", "分院", "分会", "商会", "工会", "党支部", "农场", "林场",
    # performing companies and missions, not their buildings (中国京剧院, 辽宁人民艺术剧院, 中国使馆)
    "京剧院", "评剧院", "话剧院", "歌剧院", "歌舞剧院", "艺术剧院", "使馆",
    "理事会", "促进会", "联谊会", "协进会", "校友会", "交易所",
)
#: one-character heads count only as the last character of a token that jieba keeps whole (外交部, 农业局)
ORG_CHAR_HEADS = frozenset("部局厅署处司委办社队院所厂行会党团")
EVENT_HEADS = ("大会", "峰会", "博览会", "研讨会", "论坛", "运动会", "奥运会", "冬奥会", "亚运会", "全运会", "大运会", "世博会", "锦标赛", "交易会", "展览会", "洽谈会", "年会", "世界杯", "艺术节", "电影节", "文化节", "对接会", "推介会",
               "展销会", "恳谈会", "招商会")
FAC_HEADS = ("中心", "基地", "图书馆", "博物馆", "纪念馆", "体育馆", "美术馆", "展览馆", "科技馆", "馆", "大厦", "广场", "机场", "公园", "大桥", "大会堂", "体育场", "码头", "港口", "车站", "火车站",
              "音乐厅", "剧院", "剧场", "礼堂", "宾馆", "饭店", "酒店", "清真寺", "教堂", "陵园", "故居", "石窟")
#: heads of temples, halls, towers and tombs (佛光寺, 圣母殿, 木塔, 晋祠): a name by a proper modifier or a proper-tagged token
HERITAGE_HEADS = frozenset("寺殿塔祠庙宫陵阁窟")
#: a 中心 after one of these words does a job and is an organization (交流中心, 研究中心); after
#: a building word (会展, 购物) it is a facility
_CENTER_WORK = ("交流", "研究", "发展", "保护", "服务", "培训", "信息", "监测", "检测", "数据", "创新", "咨询", "指挥",
                "控制", "救助", "鉴定", "评估", "交易", "预报", "调度", "管理", "技术", "推广", "疾病预防控制", "新闻", "防治")
#: a name may join two parts by a conjunction (通信和信息部, 亚洲及太平洋经济社会委员会, 遗传与发育生物学研究所)
_NAME_CONJ = frozenset({"和", "与", "及"})
#: legislatures and congresses that are bodies (全国人民代表大会, 非洲人国民大会), before the EVENT head 大会
_LEGISLATURES = ("人民代表大会", "国民大会", "国民议会")
#: datelines end a name's left edge (贵阳1月3日电|贵阳市委)
_DATELINE = frozenset({"电", "日电", "讯", "日讯"})
#: heads of firms, whose names are often a person's or a brand's (李宁公司, 西门子公司)
_COMPANY_HEADS = ("公司", "集团", "银行", "厂")
_TEAM_HEADS = ("队", "女排", "男排", "女篮", "男篮", "女足", "男足")
def _division(word: str) -> bool:
    """A Chinese administrative division written out (湖南省, 长沙市, 峡江县) or a province by its short
    name (福建): in a run of names, it starts the next one; a city's short name (北海, 沈阳) may name a
    branch of the body before it (海南汽车公司北海公司).

    >>> _division("河南省"), _division("福建"), _division("北京市"), _division("北海"), _division("沈阳")
    (True, True, True, False, False)
    """
    place = gz.places().get(word)
    if place is None:
        return False
    return word[-1] in "省市县区州盟旗" or place[1].endswith(("省", "自治区")) or place[1] in _MUNICIPALITIES


_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
#: heads of a body's branch, named after the place it serves (中国人民银行江苏常州市分行, 武警河南总队洛阳市支队)
_BRANCH_HEADS = ("分行", "支行", "分院", "分会", "分社", "分公司", "分局", "支队", "大队", "分部", "办事处")
#: time words that say when, so never stand inside a name (jieba tags 青年, 未来 ``t`` too)
_WHEN = frozenset({"日前", "目前", "近日", "今天", "昨天", "明天", "今日", "昨日", "当时", "此前", "此后", "随后", "今年", "去年",
                   "明年", "前年", "最近", "近期", "现在", "如今", "当年", "当天", "同日", "年初", "年底", "年前", "年后", "元旦", "春节"})
#: characters that end a place name, and prepositions of place before one
_PLACE_SUFFIX_CHARS = frozenset("省市县区州镇乡村岛山河湖江海港湾")
_PLACE_PREPS = frozenset({"在", "到", "从", "赴", "至", "往", "抵", "于", "经"})
#: verbs that act on a body rather than name its work (上海|设立办事处, 外交部|成立大会, 波黑|派出维和部队)
_ACTION_VERBS = frozenset({"设立", "成立", "组建", "建立", "开设", "派出", "派遣", "举行", "召开", "举办", "主办", "承办", "出席",
                           "参加", "访问", "会见", "邀请", "率领", "接待", "支援", "慰问", "表彰", "动员", "纪念", "庆祝",
                           "作为", "担任", "出任", "受到", "签订", "送往", "分给", "聆听", "创办", "注册", "继续", "通过"})
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
#: landforms that end a place name after a known one (黄河三角洲, 黄河口, 华北平原)
_LANDFORMS = ("三角洲", "河口", "半岛", "盆地", "平原", "高原", "群岛")
#: the same characters, with the rarer 峡盟旗, and the longer endings: what ends a place name jieba tagged ``ns``
_PLACE_SUFFIX = tuple(sorted(_PLACE_SUFFIX_CHARS | set("峡盟旗"))) + ("地区", "大街", "街道") + _LANDFORMS
_CREDIT_ROLE = re.compile(r"(?:责编|编辑|责任编辑|版式设计|美编|摄影|制图|校对|记者|本报记者|新华社记者|通讯员)[：:]?\s*")
_NAME_CHAR = r"[\u4e00-\u9fff]"
_CREDIT_NAMES = re.compile(rf"{_NAME_CHAR}{{2,4}}(?:[ \u3000]+{_NAME_CHAR}{{2,4}})*")
#: a writer's name in brackets closing a paragraph, the agency or paper's byline
_BYLINE = re.compile(rf"(?:^|(?<=[。！？”]))[（(]({_NAME_CHAR}{{2,14}}?)(?:摄影?报道|摄影|摄)?[）)]\s*$")
_PHOTO = re.compile(rf"(?:^|(?<=[\s（(，。：]))((?:本报记者|新华社记者|记者)?[ \u3000]*)({_NAME_CHAR}{{2,4}}?)摄(?=$|[\s（(，。）)])")
#: tags jieba gives some names it knows (周恩来/t, 刘澜涛/n)
_MISTAGGED = frozenset({"n", "t", "nz", "nrt", "j"})
#: cues too common to mark a name on their own
_WEAK_CUES = frozenset({"对", "在", "向", "和", "与", "等", "率", "问", "答", "签署", "发表", "访问", "出席", "提出", "希望", "建议", "宣布"})
#: forms of address after a bare surname (周总理 is in the titles; these are not titles)
_HONORIFICS = frozenset({"老", "公", "大爷", "大妈", "大娘", "老伯", "师傅", "阿姨", "大姐", "大哥", "总", "老师", "奶奶", "爷爷", "婆婆", "大叔", "大嫂"})
#: one-character administrative units written after a place name (高坪/镇)
_ADMIN_UNIT = ("县", "镇", "乡", "村")
#: posts that a country's one-character abbreviation precedes (乌外长, 罗总统), not a Chinese surname
_FOREIGN_POSTS = frozenset({"总统", "外长", "首相", "国王", "女王", "大使", "议长", "防长", "总督", "元首"})
#: "former", "current": before an organization they qualify a person's post (原地质部副部长)
_FORMER = frozenset({"原", "前", "现"})
#: prepositions jieba glues to the name after them (同恩佐/nr, 向利维)
_GLUE_PREP = frozenset("同和与对向在把被给让跟")
_YEAR = re.compile(r"\d{4}年?")
_SENTENCE_PUNCT = frozenset("，。；：！？、,;:!?")
_N_COUNTRIES = re.compile(r"[一二三四五六七八九十两\d]+国")
#: a ·-name's parts: Han characters, but never across 的/和/与/及 (约翰·肯尼迪|的夫人|杰奎琳·肯尼迪)
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・](?:(?![的和与及])[\u4e00-\u9fff]){1,8})+")


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


def _tokens(text: str) -> list[_Tok]:
    out = []
    for t in segment(text):
        out.extend(_split_title(_Tok(*t)))
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
    >>> [text[c.start:c.end] for text in ["越南总理阮·明1日晚发表电视讲话"] for c in _dot_names(text)]
    ['阮·明']
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
        k += _lead_in(head[k:])
        if len(head) - k < 1 or k == len(head):
            continue
        if k and len(head) - k < 2 and not head[:k].endswith(_title_suffixes()) and head[k - 1] not in gz.titles():
            continue  # a one-character first part only after a title: 越南总理|阮·明
        last = parts[-1][:len(parts[-1]) - _right_trim(parts[-1])]
        keep = next((e for e in range(1, len(last)) if _ends_dot_name(last, e)), len(last))  # …施特劳斯|的圆舞曲
        out.append(_Cand(_T_DOT, m.start() + k, m.end() - len(parts[-1]) + keep, "PERSON", ""))
    return out


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
    entry = _lexicon().get(head[k:k + 2])
    if len(head) - k > 2 and entry and entry[1] in ("v", "vn", "p", "c", "d", "r") and entry[0] >= _WORD_GIVEN_FREQ:
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
    if last[e:e + 2] in _WHEN or e >= 2 and any(last[e:e + k] in gz.places() for k in (2, 3)):
        return True  # …戴维|日前, …琼斯|英国前外交大臣, …买买提|新疆
    entry = _lexicon().get(last[e:e + 2]) if e + 2 <= len(last) else None
    return entry is not None and entry[1][:1] in ("v", "n", "t", "m", "d", "p", "c", "r") and entry[1] not in ("nr", "nrt", "ns") and last[e] not in gz.translit_chars()


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
    >>> [text[c.start:c.end] for text in ["这类产品的出口。（何晓舟）", "（江西）"] for c in _credits(text)]
    ['何晓舟']
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
            word = word[:cut]  # 记者吴振华报道
            if 2 <= len(word) <= 4 and _surname_len(word):
                s = names.start() + n.start()
                out.append(_Cand(_T_CREDIT, s, s + len(word), "PERSON", ""))
            if "记者" in m.group():
                break
    for m in _PHOTO.finditer(text):
        name = m.group(2)
        if _surname_len(name) and len(name) >= 2:
            out.append(_Cand(_T_CREDIT, m.start(2), m.end(2), "PERSON", ""))
    m = _BYLINE.search(text)
    if m:
        for a, b in _split_names(m.group(1)):
            out.append(_Cand(_T_CREDIT, m.start(1) + a, m.start(1) + b, "PERSON", ""))  # …。（赵立新）, （王建华刘洋）
    return out


#: a byline name's given part must read at least this much like a given name (see gz.given_name_score)
_BYLINE_GIVEN = -1.0


def _split_names(run: str) -> list[tuple[int, int]]:
    """Chinese names run together in a byline whose spaces were lost (王建华刘洋): of the cuts into
    surname-led names of two to four characters, the one whose names read best on average
    (given-name characters, a common surname, the usual three characters).  Nothing unless
    every part is such a name.

    >>> _split_names("赵立新"), _split_names("王建华刘洋"), _split_names("孙卫东张帆"), _split_names("周建国李红梅")
    ([(0, 3)], [(0, 3), (3, 5)], [(0, 3), (3, 5)], [(0, 3), (3, 6)])
    >>> _split_names("新华社"), _split_names("江西"), _split_names("湖南浏阳市王秀英")
    ([], [], [])
    """
    if _surname_len(run) and _list_item(run):
        return [(0, len(run))]  # one name (pen names too: 苏人)
    if any(run[:k] in gz.places() for k in (2, 3)):
        return []  # （湖南浏阳市王秀英）: a writer's place before the name

    @cache
    def score(word: str) -> float | None:
        k = _surname_len(word)
        if not k or not 1 <= len(word) - k <= 2 or not _list_item(word):
            return None
        given = gz.given_name_score(word[k:])
        if given <= _BYLINE_GIVEN:
            return None
        common = 1 if gz.surnames().get(word[:k]) == "common" else -1  # 孙卫东|张帆, not 孙卫|东张帆
        return min(given, 2.0) + common + (len(word) == 3)  # 周建国|李红梅, not 周建|国李|红梅

    def cuts(i: int) -> list[list[tuple[int, int]]]:
        if i == len(run):
            return [[]]
        return [[(i, i + n), *rest] for n in (2, 3, 4) if i + n <= len(run) and score(run[i:i + n]) is not None
                for rest in cuts(i + n)]

    options = cuts(0)
    if not options:
        return []
    ends = {t.end for t in _tokens(run)}  # where jieba, which knows many names whole (刘洋), cuts the run

    def mean(names: list[tuple[int, int]]) -> float:
        return sum(score(run[a:b]) + (b in ends) for a, b in names) / len(names)

    return max(options, key=lambda names: (mean(names), -len(names)))


#: a news agency's dateline: the place between the agency and the date (新华社内罗毕2月11日电, 本报伦敦3月12日电)
_DATELINE_PLACE = re.compile(r"(?:新华社|中新社|本报)(?:驻)?([\u4e00-\u9fff]{2,7}?)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)")


def _datelines(text: str) -> list[_Cand]:
    """The place of a dateline, known or not: a city the gazetteer lacks is still a place there.

    >>> [(text[c.start:c.end], c.label) for text in ["据新华社内罗毕2月11日电（记者", "本报北京三月十二日讯"] for c in _datelines(text)]
    [('内罗毕', 'GPE'), ('北京', 'GPE')]
    """
    out = []
    for m in _DATELINE_PLACE.finditer(text):
        name = m.group(1)
        if name in gz.orgs() or name.endswith(("记者", "电")) or any(name[:k] in gz.places() for k in range(2, len(name) - 1)):
            continue  # 本报加拿大温哥华: a country and its city, left to the gazetteer
        out.append(_Cand(_T_CREDIT, m.start(1), m.end(1), "GPE", gz.places().get(name, ("", name))[1]))
    return out


def _author_line(text: str) -> list[_Cand]:
    """A paragraph that is a name and nothing else: the author's line under a title (刘心武).

    >>> [(c.start, c.end) for c in _author_line("刘心武")], _author_line("江西"), _author_line("春节")
    ([(0, 3)], [], [])
    """
    name = text.strip()
    if not re.fullmatch(_NAME_CHAR + "{2,4}", name) or not _list_item(name):
        return []
    s = text.index(name)
    return [_Cand(_T_CREDIT, s, s + len(name), "PERSON", "")]


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


def _person_context(toks: list[_Tok], i: int, j: int) -> bool:
    """A title or role just before tokens i..j-1, or a title / cue just after (a 、 list alone is
    not enough: lists of words are commoner than lists of names, see :func:`_name_lists`)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[j].word if j < len(toks) else ""
    return (before is not None and _is_title(before.word, before.tag)) or _is_title(after) or after in gz.cues()


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
#: characters that end or start a phrase rather than a name in a list
_FUNCTION_CHARS = frozenset("等和与及的了在是也都同")
_NAME_LIKE = frozenset({"nr", "nrfg", "nrt", "ns", "nz"})
#: a surname and the next character this frequent as an ordinary word (农家, 钱袋) start a word, not a name
_WORD_HEAD_FREQ = 50


def _word_like(word: str) -> bool:
    """A surname-led three-character token that reads as an ordinary word: its given part, or its
    first two characters, are a common dictionary word with a non-name tag.

    >>> [_word_like(w) for w in ("古建筑", "高素质", "农家乐", "钱袋子", "王建国", "周恩来", "李岚清", "张万年")]
    [True, True, True, True, False, False, False, False]
    """
    if len(word) != 3 or _surname_len(word) != 1:
        return False
    lex = _lexicon()
    given, head = lex.get(word[1:]), lex.get(word[:2])
    return bool(given and given[1][0] in "nva" and given[1] not in _NAME_LIKE and given[0] >= _WORD_GIVEN_FREQ
                or head and head[1][0] in "nva" and head[1] not in _NAME_LIKE and head[0] >= _WORD_HEAD_FREQ)


def _joint_surname(toks: list[_Tok], i: int) -> bool:
    """A married woman's name in Hong Kong and Macao style, her husband's surname before her own and a
    two-character given name (梁李美玲): jieba cuts it after the two surnames; a title or cue must vouch.

    >>> _joint_surname(_tokens("律政司司长梁李美玲出席"), 2), _joint_surname(_tokens("局长王林出席"), 1)
    (True, False)
    """
    if i + 1 >= len(toks) or len(toks[i].word) != 2 or gz.surnames().get(toks[i].word[0]) != "common" or toks[i].word[1] not in gz.surnames():
        return False
    nxt = toks[i + 1]
    return len(nxt.word) == 2 and nxt.tag not in ("v", "vn", "d", "p", "c", "n", "m", "f", "t", "x") and bool(re.fullmatch(_NAME_CHAR + "+", nxt.word)) \
        and gz.given_name_score(nxt.word) > _GIVEN_OK and _person_context(toks, i, i + 2)


def _translit_head(toks: list[_Tok], i: int) -> int:
    """Where a name before a title starts: one character earlier when jieba cut a two-character
    transliteration (科|雷先生) and that character is no surname, only a transliteration's.

    >>> toks = _tokens("“科雷先生，")
    >>> [t.word for t in toks][:3], _translit_head(toks, 2)
    (['“', '科', '雷先生'], 1)
    >>> _translit_head(_tokens("的李先生"), 1)
    1
    """
    p = toks[i - 1] if i else None
    if p and len(p.word) == 1 and p.word in gz.translit_chars() and p.word not in gz.surnames() and p.tag in ("n", "nrt", "ng", "nr"):
        return p.start
    return toks[i].start


def _bare_title(word: str) -> bool:
    """A title after a bare surname, deputy titles included (罗|副科长, 张|副主任).

    >>> _bare_title("副科长"), _bare_title("主任"), _bare_title("副食")
    (True, True, False)
    """
    return word in gz.titles() or word[:1] == "副" and word[1:] in gz.titles()


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
        if _ordinary(t.word):
            continue  # 古老/nr, 小康/nr, 党代表/n, 支队长/n: dictionary words, whatever their tag
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
            out.append(_Cand(_T_PER, _translit_head(toks, i), end, "PERSON", ""))
            continue
        after = toks[i + 1].word if i + 1 < n else ""
        if k == 1 and len(t.word) == 1 and i + 1 < n and toks[i + 1].tag == "n" and (
                t.tag == "nr" or gz.surnames().get(t.word) == "common") and (
                _bare_title(after) and after not in ("记者", "代表", "成员", "委员") and after not in _FOREIGN_POSTS
                or after in _HONORIFICS and after != "老") and (
                i == 0 or toks[i - 1].tag not in ("m", "q", "nr", "nrfg", "nrt") or toks[i - 1].word in "，。、：（“"):
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
            if _joint_surname(toks, i):
                out.append(_Cand(_T_PER, t.start, toks[i + 1].end, "PERSON", ""))  # 陈方/安生
            end = t.start + _cue_tail(t.word, after)
            word = t.word[:end - t.start]
            known = len(word) == 2 and word in lex
            if _word_like(word) and not _strong_context(toks, i, i + 1):
                continue  # 古建筑/nr 在, 高素质/nr 农民: dictionary words that jieba tags as names
            if _person_context(toks, i, i + 1) or not known and (_plausible_name(word) or _listed_name(word)):
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
            if length >= 2 and (common and _person_context(toks, i, j) or strong and after in gz.cues()
                                or glued and _plausible_name(word)):
                out.append(_Cand(_T_PER, t.start, toks[j - 1].end, "PERSON", ""))
                break
    return out


def _listed_name(word: str) -> bool:
    """A three-character name that jieba's dictionary lists as a name (nr) and that starts with a
    common surname: a person even where the given name reads like words (蒋介石, 郭晶晶, 李建国);
    with a rarer surname character the entry is as often a brand or a plant (蒲公英 is kept out
    only where a title or cue is missing).

    >>> _listed_name("蒋介石"), _listed_name("李建国"), _listed_name("王府井"), _listed_name("许可证"), _listed_name("许家坝")
    (True, True, False, False, False)
    """
    return len(word) == 3 and _lexicon().get(word, (0, ""))[1] == "nr" and gz.surnames().get(word[0]) == "common" \
        and not _word_like(word) and word[:2] not in _lexicon() and word[-1] not in _PLACE_END and word not in gz.places()


def _foreign_names(toks: list[_Tok]) -> list[_Cand]:
    """Transliterated names without a dot (克林顿总统, 曼德拉说, 外长利维): a token of
    transliteration characters (one other allowed in four or more) next to a title or a
    reporting cue; a two-character one needs a title before it or a strong cue after it.

    >>> [(c.start, c.end) for c in _foreign_names(_tokens("做好布莱尔首相访华的准备工作"))]
    [(2, 5)]
    >>> [(c.start, c.end) for c in _foreign_names(_tokens("外长利维辞职将给内塔尼亚胡总理造成"))]
    [(2, 4), (8, 13)]
    >>> _foreign_names(_tokens("克罗地亚总统访华"))
    []
    """
    out = []
    trans = gz.translit_chars()
    for i, t in enumerate(toks):
        w = t.word
        if len(w) < 2 or t.tag not in ("nr", "nrt", "nrfg", "nz", "n", "ns") or w in gz.places() or w in gz.orgs() or w in gz.titles():
            continue
        other = sum(ch not in trans for ch in w)
        freq, tag = _lexicon().get(w, (0, "nr"))
        if other > (len(w) >= 4) or w[0] not in trans or tag not in _NAME_LIKE and not (tag == "n" and freq < _WORD_GIVEN_FREQ):
            continue  # 利维/n is rare enough to be a name, 卡车/n is not
        if t.tag == "ns" and (w[-1] in _PLACE_SUFFIX_CHARS or i > 0 and toks[i - 1].word in _PLACE_PREPS):
            continue  # 安南/ns after 秘书长 is a person; 纳塔尔省, 在|中南海 are places
        before = i > 0 and _is_title(toks[i - 1].word, toks[i - 1].tag)
        after = toks[i + 1].word if i + 1 < len(toks) else ""
        strong_after = after in gz.cues() and after not in _WEAK_CUES
        if before or strong_after or len(w) >= 3 and after in gz.titles():
            out.append(_Cand(_T_PER, t.start, t.end, "PERSON", ""))
    return out


#: a word this rare (or unknown to jieba's dictionary) right after a title is taken for the titled person's name
_TITLED_RARE = 50


def _titled_names(toks: list[_Tok]) -> list[_Cand]:
    """A rare word of two to four characters right after a title is the titled person's name, whatever
    jieba tags it: names from other languages of China and from Japan follow no surname or
    transliteration pattern (副主席次仁多吉/nr, 前首相羽田孜/ns, 书记巴特尔/ns).

    >>> [(c.start, c.end) for c in _titled_names(_tokens("自治区政府副主席次仁多吉今天在拉萨接受采访"))]
    [(8, 12)]
    >>> _titled_names(_tokens("省长会见了外宾")), _titled_names(_tokens("总统北京之行"))
    ([], [])
    """
    out = []
    for i in range(1, len(toks)):
        t, title = toks[i], toks[i - 1]
        if not (title.word in gz.titles() or len(title.word) > 2 and title.word.endswith(_title_suffixes())):
            continue
        if not 2 <= len(t.word) <= 4 or not re.fullmatch(_NAME_CHAR + "+", t.word) or t.tag not in ("nr", "nrt", "nrfg", "ns"):
            continue
        if t.word in gz.places() or t.word in gz.orgs() or t.word in gz.titles() or _lexicon().get(t.word, (0, ""))[0] >= _TITLED_RARE:
            continue
        if t.word[-1] in _PLACE_SUFFIX_CHARS or any(t.word[:k] in gz.places() for k in (2, 3)):
            continue  # 省长|海南省, 总统|北京之
        if len(t.word) >= 3 and _lexicon().get(t.word[:2], (0, "nr"))[1] not in _NAME_LIKE:
            continue  # 总书记|今天下午/nr, 总统|宣誓就职/nr: a phrase that jieba's guesser took for a name
        out.append(_Cand(_T_TAG, t.start, t.end, "PERSON", ""))
    return out


def _list_item(word: str) -> bool:
    """A 、-list item shaped like a Chinese name: surname-led, 2–3 characters (4 with a double
    surname), not a known place, organization, title or ordinary word.

    >>> [_list_item(w) for w in ("罗干", "李岚清", "欧阳山尊", "江西", "文明", "高速", "古建筑", "李鹏", "周恩来")]
    [True, True, True, False, False, False, False, True, True]
    """
    k = _surname_len(word)
    if not k and len(word) == 3 and _lexicon().get(word, (0, ""))[1] in ("nr", "nrfg"):
        k = 1  # 尉健行/nr: a name jieba knows, with a surname our list lacks
    if not k or not 2 <= len(word) <= 3 + (k == 2) or not re.fullmatch(_NAME_CHAR + "+", word):
        return False
    if word[0] in _FUNCTION_CHARS or word[-1] in _FUNCTION_CHARS:
        return False  # 汪锋等, 和柏
    if word in gz.places() or word in gz.orgs() or word in gz.titles() or word[k:] in gz.titles() or word[k:] in _HONORIFICS:
        return False
    entry = _lexicon().get(word)
    mistagged = entry and len(word) == 3 and entry[1] in _MISTAGGED and _plausible_name(word)  # 周恩来/t
    if entry and not mistagged and (entry[1] not in ("nr", "nrfg", "nrt", "ns", "nz") or entry[1][:2] != "nr" and entry[0] >= _COMMON_FREQ):
        return False
    if entry and entry[1] == "nr" and len(word) == 2 and entry[0] >= _COMMON_FREQ and gz.surnames().get(word[0]) != "common":
        return False  # 文明/nr (李鹏/nr 675 may be an item: a common surname)
    return not _word_like(word)


def _name_lists(text: str, toks: list[_Tok], found: list[_Cand]) -> list[_Cand]:
    """Names in a 、-separated list: when every item is shaped like a name and at least half of
    them show it (jieba's name tag, a plausible given name, or another rule), all are names.

    The first item is the list's tail of its segment and the last the head of its segment, both
    on token boundaries (国务委员罗干、… 、李岚清等).

    >>> [text[c.start:c.end] for text in ["国务委员张万年、罗干、姜春云等出席"] for c in _name_lists(text, _tokens(text), [])]
    ['张万年', '罗干', '姜春云']
    >>> _name_lists("江西、湖南、广东", _tokens("江西、湖南、广东"), [])
    []
    """
    if "、" not in text:
        return []
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    cuts = [m.start() for m in re.finditer("、", text)]
    bounds = [-1, *cuts, len(text)]
    segs = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]

    def tail(a: int, b: int) -> tuple[int, int] | None:
        return next(((s, b) for s in range(max(a, b - 4), b - 1) if s in starts and _list_item(text[s:b])), None)

    def head(a: int, b: int) -> tuple[int, int] | None:
        return next(((a, e) for e in range(min(b, a + 4), a + 1, -1) if e in ends and _list_item(text[a:e])), None)

    chains: list[list[tuple[int, int]]] = []
    chain: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(segs):
        whole = (a, b) if _list_item(text[a:b]) else None
        if chain and whole and n < len(segs) - 1:
            chain.append(whole)
            continue
        if chain:
            last = whole or head(a, b)
            if last:
                chain.append(last)
            chains.append(chain)
        chain = [t] if n < len(segs) - 1 and (t := whole or tail(a, b)) else []
    tagged = {(c.start, c.end) for c in found if c.label == "PERSON"}
    tagged |= {(t.start, t.end) for t in toks if t.tag in ("nr", "nrfg", "nrt")}
    out = []
    for ch in chains:
        if len(ch) < 2:
            continue
        shown = sum(1 for s, e in ch if (s, e) in tagged or _plausible_name(text[s:e]))
        if 2 * shown >= len(ch):
            out.extend(_Cand(_T_PER, s, e, "PERSON", "") for s, e in ch)
    return out


def _ordinary(word: str) -> bool:
    """A short token that jieba's dictionary knows as a frequent word shaped like a form of address
    (老/小 + surname, surname + 老/公: 古老/nr 2695, 小康/nr 735) or as a moderately frequent
    common noun (党代表/n 127, 支队长/n 144).

    >>> _ordinary("古老"), _ordinary("小康"), _ordinary("党代表"), _ordinary("周总理"), _ordinary("老王"), _ordinary("李鹏")
    (True, True, True, False, False, False)
    """
    entry = _lexicon().get(word)
    if entry is None or not 2 <= len(word) <= 3 or len(word) == 3 and entry[1][:2] == "nr":
        return False
    if entry[1][:2] == "nr":
        return len(word) == 2 and entry[0] >= _COMMON_FREQ and (word[0] in "老小" or word[1] in "老公")
    return entry[1] == "n" and entry[0] >= _WORD_GIVEN_FREQ


def _cue_tail(word: str, after: str) -> int:
    """Length of a name token without the cue jieba glued to it (吴振华报|道, 刘军报道).

    >>> _cue_tail("吴振华报", "道："), _cue_tail("刘军报道", "："), _cue_tail("江泽民", "说")
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
    if w.endswith(_LEGISLATURES):
        return "ORG"
    if w.endswith("当局") or _ruler(w):
        return ""  # 台湾当局, 克林顿政府: a place's authorities or a leader's government, not a named body
    if w == "组织" and (prev in gz.orgs() or prev.endswith(ORG_HEADS) or prev[-1:] in ORG_CHAR_HEADS | {"联", "党"}
                       or _lexicon().get(prev, (0, ""))[1] in ("d", "ad")):
        return ""  # 妇联|组织, 市委|精心|组织: a body's units or the verb, not a body named 组织
    if w.endswith("论坛"):
        return "ORG" if nxt.startswith(_ORG_OFFICERS) else "EVENT"
    if w.endswith(EVENT_HEADS):
        return "EVENT"
    if w.endswith("中心") and (w[:-2] or prev).endswith(_CENTER_WORK):
        return "ORG"
    if w.endswith(ORG_HEADS):
        return "ORG"
    if w in ("市中心", "城中心", "镇中心"):
        return ""  # the city centre, not a centre named after the city
    if w.endswith(FAC_HEADS) or w[-1] in HERITAGE_HEADS and (len(w) >= 2 or tok.tag == "n"):
        return "FAC"
    if w.endswith(_TEAM_HEADS) and len(w) >= 3 and tok.tag in ("nr", "nrfg"):
        return "ORG"  # a team by its sponsor, named after a place: 四川|蓝剑队/nr
    if len(w) == 2 and tok.tag in ("n", "j") and w[-1] in "委协联厂社办" and prev in gz.places() \
            and _lexicon().get(w, (0, ""))[0] < _SHORT_BODY_FREQ:
        return "ORG"  # 青海省|科委, 宜阳|电厂, 澳大利亚|泳协: a place's body by a short word
    if w[-1] in ORG_CHAR_HEADS and (tok.tag in ("nt", "j", "nz") or tok.tag in ("n", "l") and len(w) != 2 and not _common_tail(w)
                                    or tok.tag == "nr" and len(w) >= 3 and w[-1] in "部局厅署委办"):  # 宣传部/nr
        return "ORG"
    return ""


#: a two-character body word rarer than this after a place names the place's body (科委, 电厂; not 社会, 军队)
_SHORT_BODY_FREQ = 1000
#: a noun this frequent that ends a token is the token's head word, not a body's one-character head (部署, 干部)
_COMMON_NOUN_FREQ = 3000


def _common_tail(word: str) -> bool:
    """The token ends in an ordinary two-character word, so its last character is no body's head
    (认真执行/n, 重新部署/n, 党员干部/n; but 外交部, 宣传部, 党支部).

    >>> _common_tail("认真执行"), _common_tail("重新部署"), _common_tail("外交部"), _common_tail("乒乓球队")
    (True, True, False, False)
    """
    entry = _lexicon().get(word[-2:]) if len(word) >= 3 else None
    if entry is None or word[-2:] in ORG_HEADS:
        return False
    return entry[1] in ("v", "vn", "d", "a", "ad", "f") or entry[1] == "n" and entry[0] >= _COMMON_NOUN_FREQ


def _ruler(word: str) -> int:
    """Length of the person's name before 政府 in a government named after its leader (克林顿政府 → 3), else 0.

    >>> _ruler("克林顿政府"), _ruler("内塔尼亚胡政府"), _ruler("中国政府"), _ruler("人民政府")
    (3, 5, 0, 0)
    """
    name = word[:-2] if word.endswith("政府") else ""
    if len(name) < 2 or name in gz.places():
        return 0
    tag = _lexicon().get(name, (0, ""))[1]
    return len(name) if tag in ("nr", "nrt", "nrfg") or tag == "" and all(ch in gz.translit_chars() for ch in name) else 0


def _rulers(toks: list[_Tok]) -> list[_Cand]:
    """The leader in a government named after him (克林顿|政府): a person."""
    return [_Cand(_T_TAG, t.start, t.start + k, "PERSON", "") for t in toks if (k := _ruler(t.word))]


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
    toks = _merge_heads(toks)
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
            if p.word == "驻" and i >= 2 and toks[i - 2].tag == "ns" and toks[i].tag == "ns":
                i -= 1
                continue  # one country's mission in another: 中华人民共和国驻南非共和国大使馆
            if p.word == "—" and i >= 2 and toks[i - 2].tag in ("ns", "nt", "j") and toks[i].tag in ("ns", "nt", "j"):
                i -= 1
                continue  # two parties joined by a dash: 中国—东盟数字经济合作论坛
            if p.word in _NAME_CONJ and kind == "ORG" and i >= 2 and toks[i - 2].tag in _NAME_TAGS \
                    and (toks[i - 2].tag == "ns") == (toks[i].tag == "ns") and toks[i - 2].tag not in ("nr", "nrfg", "m", "v") \
                    and (toks[i].tag != "ns" or i + 1 < j) and toks[i - 2].tag != "nt" and not _head_kind(toks[i - 2], ""):
                # not two countries' bodies (中国和印度外交部) nor two whole names (医院和学会)
                i -= 1
                continue  # 通信和信息部, 亚洲及太平洋经济社会委员会: both sides alike
            if p.word in _LEFT_STOP or p.word[-1] in "的" or p.tag not in _NAME_TAGS or p.word in _FORMER or p.word in _DATELINE:
                break
            if _division(toks[i].word) and _head_kind(p, toks[i].word) and not t.word.endswith(_BRANCH_HEADS):
                break  # 湖南省话剧院|江西省科委: a division after a whole body starts the next name (not a branch: …分行)
            if p.tag == "t" and (p.word in _WHEN or p.word.endswith(("时期", "初期", "期间", "以来"))) or p.word.endswith("讯"):
                break  # 建国初期|创办军校, 本报讯|美国波音公司: a time word or a dateline is the sentence's
            if p.tag == "v" and t.tag == "v":
                break  # 开设/v 分行/v: a head that jieba reads as a verb takes no verb before it
            if p.tag in ("nr", "nrfg") and (i >= 2 and _is_title(toks[i - 2].word) or i < 2 and not t.word.endswith(_COMPANY_HEADS)):
                break
            if known and p.tag != "ns":
                break
            if p.tag == "v" and (i != j or kind == "FAC" or p.word in _ACTION_VERBS or len(p.word) == 1 or toks[i - 2].tag not in _NAME_TAGS if i >= 2 else True):
                break
            if i != j and p.tag not in _PROPER_TAGS and _lexicon().get(p.word, (0, "n"))[1][:1] in ("d", "t", "p", "c") \
                    and not _YEAR.fullmatch(p.word):
                break  # 工作人员正在/t 整理 五台山佛光寺: an adverb or time word by the dictionary ends the name
            if p.tag not in _PROPER_TAGS and p.word not in _SPECIFIC and p.word not in gz.places() and not _YEAR.fullmatch(p.word) \
                    and (i != j or t.word not in ORG_HEADS or t.tag != "nt") and toks[i].tag in ("ns", "nz", "nt", "j") and not p.word.endswith(EVENT_HEADS + ORG_HEADS):
                break  # a common word before a place or proper name is the sentence, not the name (整理/n 五台山佛光寺)
            if p.tag == "m" and not re.fullmatch(r"(?:\d{4}年?|第[一二三四五六七八九十\d]+[届次]?)", p.word):
                break
            i -= 1
        while not quoted and i < j and (toks[i].tag in _EDGE_TRIM_TAGS and not re.fullmatch(r"\d{4}年?|第.+", toks[i].word) or toks[i].word in _LEFT_STOP):
            i += 1
        mods = toks[i:j]
        heritage = kind == "FAC" and t.word[-1] in HERITAGE_HEADS
        proper = quoted or any(m.tag in _PROPER_TAGS and not _generic_abbreviation(m) or m.word in _SPECIFIC or m.word in gz.places()
                               or heritage and m.tag in ("nr", "nrfg") for m in mods) or (
            t.word.endswith(_COMPANY_HEADS) and len(mods) == 1 and mods[0].tag in ("nr", "nrfg"))  # 李宁公司
        titled = kind == "ORG" and len(t.word) >= 3 and t.word[-1] in "部局厅署司委办" and j + 1 < len(toks) and _is_title(toks[j + 1].word)
        if not proper and not (not mods and (_known_whole(t) or titled or kind == "FAC" and _named_facility(t)  # 原地质部副部长
                                             or heritage and len(t.word) >= 3 and t.tag in ("nr", "ns", "nz") and t.word not in FAC_HEADS)):
            continue
        out.append(_Cand(_T_HEAD, toks[i].start, t.end, kind, ""))
    return out


@cache
def _generic_abbreviation(tok: _Tok) -> bool:
    """A word jieba tags as an abbreviation (j) that names a trade or a kind, not a body: alone before a
    head it makes no name (中介|公司, 房地产|公司, 中小|企业); known bodies (东盟, 央行) and short
    body abbreviations ending in a body's character (妇联, 足协, 科协) stay proper.

    >>> [_generic_abbreviation(_Tok(w, "j", 0, len(w))) for w in ("中介", "房地产", "中小", "东盟", "足协", "武警", "晋察冀", "俄")]
    [True, True, True, False, False, False, False, False]
    """
    if tok.tag != "j" or tok.word in gz.orgs() or tok.word in gz.places() or len(tok.word) < 2:
        return False
    return tok.word[-1] not in ORG_CHAR_HEADS | _ABBREVIATION_ENDS and _lexicon().get(tok.word, (0, ""))[0] >= _WORD_FREQ_J


#: a j word this frequent is a trade or a kind in everyday use (中介 606, 房地产 1603), not a rare region or body abbreviation (晋察冀, 中保)
_WORD_FREQ_J = 500


#: last characters of body abbreviations besides the one-character heads (足协, 人大, 武警, 民航, 政协)
_ABBREVIATION_ENDS = frozenset("协联大警航盟委军")


def _named_facility(t: _Tok) -> bool:
    """A facility that jieba keeps whole as a proper noun or a long dictionary word (人民大会堂/nt,
    天安门广场/ns, 抗日战争纪念馆/n), not a bare kind of place (纪念馆, 广场).

    >>> _named_facility(_Tok("人民大会堂", "nt", 0, 5)), _named_facility(_Tok("抗日战争纪念馆", "n", 0, 7)), _named_facility(_Tok("体育馆", "n", 0, 3))
    (True, True, False)
    """
    head = next((h for h in sorted(FAC_HEADS, key=len, reverse=True) if t.word.endswith(h)), "")
    if not head or t.word in FAC_HEADS:
        return False
    if t.tag in ("ns", "nt", "nz"):
        return len(t.word) > len(head) + 1
    return t.tag == "n" and len(t.word) >= len(head) + 4 and t.word in _lexicon()  # not 高楼大厦, 体育场馆


@cache
def _split_heads(last: str) -> tuple[str, ...]:
    """Multi-character heads ending in ``last`` that jieba may cut before it (对接/会, 合作/社)."""
    return tuple(h for h in EVENT_HEADS + ORG_HEADS + FAC_HEADS if len(h) > 1 and h[-1] == last)


def _merge_heads(toks: list[_Tok]) -> list[_Tok]:
    """Tokens with a head that jieba cut before its last character put back together (对接/v 会/v → 对接会).

    >>> [t.word for t in _merge_heads(_tokens("数字人才培养对接会和"))][-2:]
    ['对接会', '和']
    """
    out: list[_Tok] = []
    for t in toks:
        if len(t.word) == 1 and out and (out[-1].word + t.word).endswith(_split_heads(t.word) or ("\0",)):
            p = out.pop()
            t = _Tok(p.word + t.word, "n", p.start, t.end)
        out.append(t)
    return out


def _quoted_name(toks: list[_Tok], close: int) -> bool:
    """The closing quote at ``close`` ends a short quoted name (“读懂中国”), not a quoted sentence.

    >>> _quoted_name(_tokens("“读懂中国”论坛"), 5), _quoted_name(_tokens("“日子才有奔头。”桃源村"), 6)
    (True, False)
    >>> _quoted_name(_tokens("就能“走进”应县木塔"), 4)
    False
    """
    for k in range(close - 1, max(-1, close - 12), -1):
        if toks[k].word == "“":
            return close - k > 2 or toks[k + 1].tag[:1] != "v"  # “走进”应县木塔: a quoted verb is not a name
        if toks[k].word in _SENTENCE_PUNCT:
            return False
    return False


def _proper_prefix(word: str) -> bool:
    """The part of an nt word before its head is a name (英格兰|银行, 西门子|公司), not an ordinary
    word (人民|政府, 马戏|团, 中介|公司).

    >>> _proper_prefix("人民政府"), _proper_prefix("中介公司"), _proper_prefix("上市公司"), _proper_prefix("英格兰银行"), _proper_prefix("西门子公司")
    (False, False, False, True, True)
    """
    head = next((h for h in sorted(ORG_HEADS, key=len, reverse=True) if word.endswith(h)), word[-1:])
    prefix = word[:-len(head)]
    entry = _lexicon().get(prefix)
    if len(prefix) < 2 or any(ch in _FUNCTION_CHARS for ch in prefix):
        return False  # 党和|政府
    if entry is None:
        return all(prefix[:k] not in _lexicon() for k in (2, 3))
    if prefix in gz.places() or entry[1][:2] == "nr" or all(ch in gz.translit_chars() for ch in prefix):
        return True
    return entry[1] in _NAME_LIKE and entry[0] < _COMMON_FREQ  # not 上市/ns


def _team_owner(word: str) -> bool:
    """A team named by its place or sponsor (中国队, 浙江女排, 八一队), not a kind of team (国家队, 武警部队).

    >>> _team_owner("中国队"), _team_owner("浙江女排"), _team_owner("国家队"), _team_owner("武警部队")
    (True, True, False, False)
    """
    owner = word[:-len(next(h for h in sorted(_TEAM_HEADS, key=len, reverse=True) if word.endswith(h)))]
    return owner in gz.places() or owner in gz.orgs() or _lexicon().get(owner, (0, ""))[1] in ("ns", "nz", "nt", "m")


#: heads whose dictionary entries are single institutions, not kinds of body (清华大学, 人民出版社; unlike 人民政府, 商业银行)
_INSTITUTION_HEADS = ("大学", "学院", "出版社", "集团", "油田")


def _known_whole(t: _Tok) -> bool:
    """A head token that is a name by itself: known, led by a known place, or a ministry-style nt (地质部)."""
    if t.word in gz.orgs():
        return True
    if any(t.word[:k] in gz.places() or t.tag == "nt" and t.word[:k] in gz.orgs() for k in range(2, len(t.word) - 1)):
        return True  # 香港科技大学; 国务院办公厅/nt, a known body's office
    if t.tag == "nt" and len(t.word) >= 3 and (t.word[-1] in ORG_CHAR_HEADS or t.word.endswith(ORG_HEADS)) and (
            t.word.endswith(_TEAM_HEADS) and _team_owner(t.word) or _proper_prefix(t.word)) and not _common_tail(t.word):
        return True  # names jieba knows or builds (西门子公司, 英格兰银行, 浙江女排, 中国队), not its generic 人民政府
    if t.tag == "nt" and len(t.word) >= 4 and t.word.endswith(_INSTITUTION_HEADS) and _lexicon().get(t.word, (0, ""))[1] == "nt":
        return True  # a university, publisher or group that jieba's dictionary lists by name (清华大学, 人民出版社, 联想集团)
    return t.tag == "nt" and len(t.word) <= 4 and t.word[-1] in "部委署办"  # a bare 公安局 is some city's


#: the session number jieba glues before a body (九届全国人大, 第十五届中央委员会)
_SESSION = re.compile(r"第?[一二三四五六七八九十\d]+届")


#: a county's short name seen this often by jieba is mostly an ordinary word (新建 1000, 平原 7457)
_WORD_ALIAS_FREQ = 500


def _word_alias(name: str) -> bool:
    """A county's short name (新建 for 新建区, 平原 for 平原县) that jieba's dictionary knows as an
    ordinary word, or sees too often for a county: a place only where the context says so.

    >>> _word_alias("新建"), _word_alias("平原"), _word_alias("昌平"), _word_alias("大连"), _word_alias("浙江")
    (True, True, False, False, False)
    """
    norm = gz.places()[name][1]
    if norm == name or not norm.startswith(name) or norm[len(name):] not in _COUNTY_UNITS:
        return False
    freq, tag = _lexicon().get(name, (0, "ns"))
    return tag not in ("ns", "nr", "nrt", "nrfg", "nz") or freq >= _WORD_ALIAS_FREQ


#: units of a county-level division; a city's short name (大连, 海口) is left alone whatever jieba tags it
_COUNTY_UNITS = frozenset({"区", "县", "旗", "自治县"})


def _place_context(toks: list[_Tok], i: int, whole: bool) -> bool:
    """The token at i stands where a place stands: after another place (江西|新建), before a
    division's unit (新建|区), or after a preposition of place (在|平原)."""
    before = toks[i - 1] if i else None
    after = toks[i + 1].word if whole and i + 1 < len(toks) else ""
    return bool(before and (before.word in gz.places() or before.word in _PLACE_PREPS)) or after in _ADMIN_UNIT + ("区", "市")


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
        if t.tag == "ns" and t.word not in places and len(t.word) >= 3 and t.word.endswith(_LANDFORMS):
            continue  # 黄河三角洲: the whole place, not its known prefix (left to _tagged)
        session = _SESSION.match(t.word)
        if session and t.word[session.end():] in orgs:
            out.append(_Cand(_T_GAZ, t.start + session.end(), t.end, "ORG", orgs[t.word[session.end():]]))
            continue  # 九届|全国人大: the body without its session
        for k in range(len(t.word), 1, -1):
            w = t.word[:k]
            if 0 < len(t.word) - k < 2:
                continue  # 外交部长 is a minister, not 外交部
            if w in orgs:
                out.append(_Cand(_T_GAZ, t.start, t.start + k, "ORG", orgs[w]))
                break
            if w in places and _word_alias(w) and not _place_context(toks, k2 - 1, k == len(t.word)):
                break  # 新建的楼房, 平原游击战: a county's short name that is mostly an ordinary word
            if w in places:
                label, norm = places[w]
                end, start = t.start + k, t.start
                if w[0] in "前原环" and w[1:] in places:
                    start, (label, norm) = start + 1, places[w[1:]]  # 前|苏联, 环|渤海: the place without "former", "around"
                if k == len(t.word) and label == "LOC" and k2 < len(toks) and _N_COUNTRIES.fullmatch(toks[k2].word):
                    end, norm = toks[k2].end, w + toks[k2].word  # 中亚五国: the group of countries
                elif k == len(t.word) and k2 < len(toks) and toks[k2].word in _ADMIN_UNIT and not w.endswith(_ADMIN_UNIT):
                    end, label, norm = toks[k2].end, "GPE", w + toks[k2].word  # 高坪/镇: the full form as written
                elif t.word[k:] == "地区" or k == len(t.word) and k2 < len(toks) and toks[k2].word == "地区":
                    end = max(t.end, toks[k2].end if k == len(t.word) else 0)  # 滨州/地区, 吕梁地区: a prefecture by its older name, a place's area
                out.append(_Cand(_T_GAZ, start, end, label, norm))
                break
    return out


def _tagged_persons(toks: list[_Tok]) -> list[_Cand]:
    """Transliterated names jieba tags ``nrt``, where a person context confirms them (jieba also tags
    brands and currencies so); three characters or more need none."""
    out = []
    for k, t in enumerate(toks):
        if t.tag == "nrt" and len(t.word) >= 2 and all(ch in gz.translit_chars() for ch in t.word):
            if len(t.word) >= 3 or _person_context(toks, k, k + 1):
                out.append(_Cand(_T_TAG, t.start, t.end, "PERSON", ""))
    return out


def _tagged_places(toks: list[_Tok]) -> list[_Cand]:
    """Villages and towns jieba reads as names (耿庄镇/nr, 双泾/村), and its ``ns`` words with a place suffix."""
    out = []
    for k, t in enumerate(toks):
        if t.tag == "nrt" and len(t.word) >= 2 and all(ch in gz.translit_chars() for ch in t.word):
            continue
        if 3 <= len(t.word) <= 4 and t.word[-1] in _SETTLEMENT and (t.tag in ("nr", "ns", "nz", "nrt") or t.tag == "n" and t.word[:-1] not in _lexicon()) \
                and _lexicon().get(t.word, (0, "nr"))[1] in ("nr", "ns", "nz", "nrt"):
            out.append(_Cand(_T_TAG, t.start, t.end, "GPE", ""))  # 耿庄镇/nr, 东耿村/nr
        elif t.word in _SETTLEMENT and k >= 1 and toks[k - 1].tag in ("ns", "nr", "nz", "nrt") and len(toks[k - 1].word) == 2 \
                and toks[k - 1].word not in gz.places():
            out.append(_Cand(_T_TAG, toks[k - 1].start, t.end, "GPE", ""))  # 双泾/村
        elif t.tag == "ns" and (len(t.word) >= 3 and t.word.endswith(_PLACE_SUFFIX) or len(t.word) == 2 and t.word[-1] in "镇乡村") \
                and not _generic_place(t.word):
            out.append(_Cand(_T_TAG, t.start, t.end, "GPE" if t.word[-1] in "省市县区州镇乡村旗" else "LOC", ""))
    return out


def _tagged_orgs(toks: list[_Tok]) -> list[_Cand]:
    """jieba's ``nt`` words with a specific prefix and a body's head (中央气象台/nt, 国家环保局/nt)."""
    out = []
    for t in toks:
        if t.tag != "nt":
            continue
        if len(t.word) >= 4 and _lexicon().get(t.word, (0, ""))[1] == "nt" and _specific_prefix(t.word) and not _common_tail(t.word) \
                and (t.word.endswith(ORG_HEADS) or t.word[-1] in ORG_CHAR_HEADS | {"台"}) and not t.word.endswith(EVENT_HEADS + ("政府",)):
            out.append(_Cand(_T_TAG, t.start, t.end, "ORG", ""))
    return out


def _specific_prefix(word: str) -> bool:
    """The word starts with a place, a known organization or a national modifier (中央气象台, 北京电视台).

    >>> _specific_prefix("中央气象台"), _specific_prefix("北京电视台"), _specific_prefix("商业银行")
    (True, True, False)
    """
    return any(word[:k] in gz.places() or word[:k] in gz.orgs() or word[:k] in _SPECIFIC for k in range(2, len(word) - 1))


#: stems that make a kind of place, not a place: a size, a quantifier, a direction or a description (大城市, 各县市, 沿海地区)
_GENERIC_STEM_TAGS = frozenset({"a", "ad", "b", "d", "f", "r"})


def _generic_place(word: str) -> bool:
    """A suffixed word that names a kind of place (大城市, 大中城市, 各县市, 沿海地区, 贫困村), not a place (北京市, 双泾村).

    >>> [_generic_place(w) for w in ("大城市", "大中城市", "各县市", "沿海地区", "贫困村", "北京市", "双泾村", "大亚湾", "黄河口")]
    [True, True, True, True, True, False, False, False, False]
    """
    stem = next((word[:-len(x)] for x in sorted(_PLACE_SUFFIX, key=len, reverse=True) if word.endswith(x)), word[:-1])
    stem = stem.rstrip("城")  # 大中城|市
    if stem in gz.places():
        return False  # 大连/d 港
    if len(stem) <= 1:
        return stem in "大小新老上下各诸全该本"  # 大城市, 新村; not 黄/a 河口
    return stem[0] in "各诸全该本" or _lexicon().get(stem, (0, ""))[1] in _GENERIC_STEM_TAGS


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


def _paragraph(text: str, inside: bool | None = None) -> tuple[list[_Tok], list[_Cand]]:
    """Tokens and the resolved candidates of one paragraph; ``inside`` marks the text of a longer
    name (True: candidates covering all of it are dropped, so that the names within it show)."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    toks = _tokens(text)
    cands = _titles(text) + _dot_names(text) + _credits(text) + _datelines(text)
    cands += [_Cand(_T_GAZ, n.start, n.end, "NORP", n.normalized) for n in find_norp(text)]
    if inside is None:
        cands += _author_line(text)
    cands += _head_names(toks) + _gazetteer(toks) + _chinese_names(toks)
    cands += _tagged_persons(toks) + _tagged_places(toks) + _tagged_orgs(toks)
    cands += _foreign_names(toks) + _rulers(toks) + _titled_names(toks)
    cands += _name_lists(text, toks, cands)
    cands = [c for c in cands if not (c.label == "PERSON" and c.tier == _T_PER and _phrase_edge(text[c.start:c.end]))]
    after = {t.start: t.word for t in toks}
    cands = [c for c in cands if not (c.label == "PERSON" and c.tier != _T_CREDIT and _named_thing(text[c.start:c.end], after.get(c.end, "")))]
    if inside:
        cands = [c for c in cands if c.end - c.start < len(text)]
    return toks, _resolve(cands)


#: a name followed by one of these words names a brand, team, ship, prize or street after a person (李宁/牌, 中山/路)
_NAMED_THING = frozenset({"牌", "杯", "奖", "号", "队", "路", "街", "大街", "大道", "村", "牌子", "商标"})


def _named_thing(name: str, after: str) -> bool:
    """A person-shaped name that is part of a thing's name: followed by, or glued by jieba to, a
    brand / cup / prize / ship / team / street word (李宁牌, 李宁杯, 丰泰隆 牌).

    >>> _named_thing("李宁牌", "专卖店"), _named_thing("丰泰隆", "牌"), _named_thing("李宁", "说"), _named_thing("李鹏", "号召")
    (True, True, False, False)
    """
    return after in _NAMED_THING or len(name) >= 3 and name[-1] in "牌杯奖" and "·" not in name


def _phrase_edge(name: str) -> bool:
    """A surname-rule name that starts with a conjunction or ends with a particle is a phrase
    (经理|和职工, 侯老的).

    >>> _phrase_edge("和职工"), _phrase_edge("侯老的"), _phrase_edge("和平"), _phrase_edge("李鹏")
    (True, True, False, False)
    """
    return len(name) >= 3 and name[0] in "和与及同" or name[-1] in "的了地得"


def _entities(text: str, cands: list[_Cand]) -> list[Entity]:
    out = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        span = text[c.start:c.end]
        if span.strip():
            out.append(Entity(c.start, c.end, span, c.label, c.normalized or _normalize(span, c.label)))
    return out


def find_entities(text: str) -> list[Entity]:
    """Named entities in one repaired paragraph, sorted by start.

    They do not overlap, except the names inside a title, which are reported beside it.

    >>> [(e.text, e.label) for e in find_entities("他读了《邓小平文选》和《中国统计年鉴》")]
    [('邓小平', 'PERSON'), ('邓小平文选', 'WORK_OF_ART'), ('中国', 'GPE'), ('中国统计年鉴', 'WORK_OF_ART')]
    """
    cands = _paragraph(text)[1]
    return _entities(text, cands + _title_names(text, cands))


#: the kinds of name reported again inside a longer name (《周恩来传》, 《中国统计年鉴》)
_NESTABLE = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


def _title_names(text: str, cands: list[_Cand], seeds: dict[str, str] | None = None) -> list[_Cand]:
    """Names inside the titles, event names and nationalities among ``cands``: a title is one
    WORK_OF_ART, an event one EVENT and 美国人 one NORP, but the people and places they name are
    mentions too (analysts count 周恩来 in 《周恩来书信选集》, 中国 in 中国农业博览会, 美国 in 美国人)."""
    out = []
    for c in cands:
        if c.label not in ("WORK_OF_ART", "LAW", "EVENT", "NORP"):
            continue
        inner = text[c.start:c.end]
        toks, found = _paragraph(inner, inside=c.label in ("EVENT", "NORP"))  # 《刘志丹》 is a person's name as well
        if seeds:
            found = _resolve(found + _mentions(inner, toks, seeds))
        kinds = _NESTABLE - {"FAC"} if c.label == "EVENT" else _NESTABLE  # 第二届国家公园|论坛 is no facility
        out += [f._replace(start=f.start + c.start, end=f.end + c.start) for f in found if f.label in kinds]
    return out


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
            if len(name) == 2 and name in lex and lex[name][1] != "nrt" and not _rare_transliteration(name):
                continue  # 卢布/nr: a dictionary word vouched for once is not vouched for everywhere
            seeds[name] = name[:k] if k and len(name) <= 4 and "·" not in name else ""
            given = name[k:]
            if k and len(name) == 3 and lex.get(given, (0, "nr"))[1] in ("nr", "nrfg", "nrt"):
                seeds.setdefault(given, "")
    return seeds


def _rare_transliteration(name: str) -> bool:
    """A two-character transliteration that jieba's dictionary knows only as a rare word (利维/n 48):
    once a title vouches for it, it is the person throughout the document (卢布/nr 334 is not rare).

    >>> _rare_transliteration("利维"), _rare_transliteration("卢布"), _rare_transliteration("文明")
    (True, False, False)
    """
    return all(ch in gz.translit_chars() for ch in name) and _lexicon().get(name, (0, ""))[0] < _RARE_WORD_FREQ


#: a dictionary word rarer than this is no obstacle to a name vouched for by a title
_RARE_WORD_FREQ = 100


def _mentions(text: str, toks: list[_Tok], seeds: dict[str, str]) -> list[_Cand]:
    """Other mentions of the document's names: the name on a token boundary (the end may fall
    inside a token jieba glued to what follows, the start after a preposition glued to it:
    同/恩佐), and 老/小 + a known surname (老童).

    >>> [[e.text for e in es] for es in find_document_entities(["外交部部长恩佐出席。", "他同恩佐分别签署了协议。"])]
    [['外交部', '恩佐'], ['恩佐']]
    """
    out = _bare_surnames(toks, seeds)
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    glued = {e for t in toks if t.word not in _lexicon() for e in range(t.start + 1, t.end)}
    for name, surname in seeds.items():
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            after_prep = s > 0 and text[s - 1] in _GLUE_PREP and s - 1 in starts
            if not (s in starts or after_prep) or not (e in ends or e in glued and len(name) >= 3):
                continue
            if surname == "" and len(name) == 2 and s > 0 and _surname_len(text[s - 1]) and not after_prep:
                continue  # a given name after some surname is a different name
            out.append(_Cand(_T_PER, s, e, "PERSON", ""))
        if surname:
            for m in re.finditer(f"[老小]{re.escape(surname)}", text):
                if m.start() in starts and m.end() in ends:
                    out.append(_Cand(_T_PER, m.start(), m.end(), "PERSON", ""))
    return out


def _bare_surnames(toks: list[_Tok], seeds: dict[str, str]) -> list[_Cand]:
    """A later mention of a person by the surname alone (news style for the parties of a case:
    李交了停车费 after 李某某), when one name of the document has that surname: jieba tags the
    lone surname ``nr`` and a verb, adverb, preposition or 的 follows it.

    >>> [[e.text for e in es] for es in find_document_entities(["其兄孙国良称孙出差。孙的车内", "李子熟了"])]
    [['孙国良', '孙', '孙'], []]
    """
    owners = Counter(sn for name, sn in seeds.items() if sn and len(name) >= 2)
    out = []
    for i, t in enumerate(toks):
        if t.tag != "nr" or owners.get(t.word) != 1 or i + 1 >= len(toks):
            continue
        prev = toks[i - 1] if i else None
        if toks[i + 1].tag in ("v", "d", "p", "uj", "c") and (prev is None or prev.tag in ("x", "v", "p", "c")):
            out.append(_Cand(_T_PER, t.start, t.end, "PERSON", ""))
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
        resolved = _resolve(cands + extra) if extra else cands
        out.append(_entities(text, resolved + _title_names(text, resolved, seeds)))
    return out
