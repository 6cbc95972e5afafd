"""Head words: the words that end the name of a body, an event, a facility or a law.

A name is found by its head and grown leftwards over its modifiers
(:mod:`pipeline.extract.entities.organizations`); these tables say which heads
exist and which modifiers may stand in a name.
"""

from __future__ import annotations

#: organization heads: the name ends in one of these (longest listed first where they nest).  Not 部队
#: (troops: 驻闽部队 are the troops stationed there, no body's name) nor 总部 (a body's headquarters, the
#: place where it sits: 海尔集团|总部 is the firm and its seat); the 1998 annotation takes neither as a name.
ORG_HEADS = (
    "委员会", "研究所", "研究院", "研究室", "研究会", "科学院", "工程院", "组织", "联盟", "联合会", "协会", "学会",
    "基金会", "俱乐部", "集团", "公司", "总公司", "银行", "大学", "学院", "中学", "小学", "学校", "医院", "政府",
    "议会", "国会", "法院", "检察院", "党委", "省委", "市委", "县委", "区委", "地委", "州委", "盟委", "旗委", "工委", "纪委", "常委会", "人大", "政协", "妇联",
    "出版社", "通讯社", "报社", "电视台", "电台", "艺术团", "合唱团", "话剧团", "剧团", "乐团", "歌舞团", "杂技团",
    "马戏团", "军区", "舰队", "代表团", "办公厅", "办公室", "书记处", "管理局", "总局", "总署", "总会",
    "工厂", "总厂", "合作社", "联合社", "油田", "书店", "团委", "科协", "领导小组", "核电站", "方面军", "集团军", "野战军", "女排", "男排", "女篮", "男篮", "女足", "男足", "指挥部", "大使馆", "领事馆", "总领事馆", "共同体", "论坛",
    # kinds of body written short, or units of a larger one (天津市文联, 拉萨海关, 漳州军分区, 常州市分行)
    "海关", "文联", "作协", "侨联", "足协", "美院", "画院", "军校", "党校", "支队", "大队", "中队", "总队", "军分区", "分局",
    "分行", "支行", "分社", "分院", "分会", "商会", "工会", "党支部", "农场", "林场",
    # performing companies and missions, not their buildings (中国京剧院, 辽宁人民艺术剧院, 中国使馆)
    "京剧院", "评剧院", "话剧院", "歌剧院", "歌舞剧院", "艺术剧院", "剧院", "使馆", "图书馆",
    "理事会", "促进会", "联谊会", "协进会", "校友会", "交易所",
    # kinds of body whose last character is no body's head alone, or whose word jieba does not keep whole
    # (日本新能源财团, 公主岭市怀德粮库, 漫湾水电站, 广州市越兴集团四洲洋行, 日本雪印株式会社, 铁道部党组)
    "财团", "粮库", "粮站", "水电站", "电站", "煤矿", "洋行", "株式会社", "党组", "政治局", "球队", "乐队",
    "总站", "敬老院", "福利院", "派出所",
)


#: one-character heads count only as the last character of a token that jieba keeps whole (外交部, 农业局)
ORG_CHAR_HEADS = frozenset("部局厅署处司委办社队院所厂行会党团")


EVENT_HEADS = (
    # gatherings named by their occasion (全国政协新年茶话会, 先进典型座谈会): a meeting, not the body that holds it
    "座谈会", "茶话会", "报告会", "音乐会", "展示会", "联欢会", "招待会", "发布会", "表彰会", "演唱会", "晚会", "酒会",
    "讨论会", "交流会", "纪念会", "庆祝会", "动员会", "现场会", "全会", "吹风会", "嘉年华会", "演示会", "订货会", "拍卖会",
    "大会", "峰会", "博览会", "研讨会", "论坛", "运动会", "奥运会", "冬奥会", "亚运会", "全运会", "大运会", "世博会", "锦标赛", "交易会", "展览会", "洽谈会", "年会", "世界杯", "艺术节", "电影节", "文化节", "对接会", "推介会",
               "展销会", "恳谈会", "招商会", "首脑会议", "领导人会议", "领导人会晤", "工作会议")


FAC_HEADS = ("中心", "基地", "博物馆", "纪念馆", "体育馆", "美术馆", "展览馆", "科技馆", "馆", "大厦", "广场", "机场", "公园", "大桥", "大会堂", "体育场", "码头", "港口", "车站", "火车站",
              "音乐厅", "剧场", "礼堂", "宾馆", "饭店", "酒店", "清真寺", "教堂", "陵园", "故居", "石窟")


#: heads of temples, halls, towers and tombs (佛光寺, 圣母殿, 木塔, 晋祠): a name by a proper modifier or a proper-tagged token
HERITAGE_HEADS = frozenset("寺殿塔祠庙宫陵阁窟")


#: a 中心 after one of these words does a job and is an organization (交流中心, 研究中心); after
#: a building word (会展, 购物) it is a facility
CENTER_WORK = ("交流", "研究", "发展", "保护", "服务", "培训", "信息", "监测", "检测", "数据", "创新", "咨询", "指挥",
                "控制", "救助", "鉴定", "评估", "交易", "预报", "调度", "管理", "技术", "推广", "疾病预防控制", "新闻", "防治")


#: a 中心 after one of these words is a venue (会展中心, 购物中心, 体育中心), though jieba tags some as verbs
VENUE_USES = ("会展", "购物", "娱乐", "体育", "健身", "活动", "会议", "展览", "会务", "休闲", "游客", "宾客", "商务", "金融", "贸易", "文化")


#: a name may join two parts by a conjunction (通信和信息部, 亚洲及太平洋经济社会委员会, 遗传与发育生物学研究所)
NAME_CONJ = frozenset({"和", "与", "及"})


#: legislatures and congresses that are bodies (全国人民代表大会, 非洲人国民大会, a party's 全国代表大会), before the EVENT head 大会
LEGISLATURES = ("人民代表大会", "国民大会", "国民议会")


#: heads of firms, whose names are often a person's or a brand's (李宁公司, 西门子公司)
COMPANY_HEADS = ("公司", "集团", "银行", "厂")


#: heads of bodies often named after a person, whose name then makes the whole a name (李宁体育用品有限公司,
#: 马海德基金会, 惠珍联合医院); not 政府 (克林顿政府 is a leader's government)
PERSON_NAMED_HEADS = COMPANY_HEADS + ("基金会", "医院", "学校", "中学", "小学", "研究所", "研究院", "奖学金", "纪念馆", "学院")


#: heads of a unit named after the body before it (中国中医药学会|急诊医学分会, 北京大学|化学系 by its 系, 美国地质调查局|地震信息中心)
UNIT_HEADS = ("分会", "学院", "研究所", "研究院", "研究室", "研究中心", "信息中心", "分公司", "分行", "支行", "分社", "分院",
              "党委", "党组", "党支部", "办公室", "办公厅", "工会", "团委")


#: a body's own units, named after the body before them (国家体委训练局|党委, 国家税务总局|党组)
SUBUNIT_HEADS = frozenset({"党委", "党组", "党支部", "党总支", "团委", "纪委", "工会", "书记处", "办公室", "办公厅", "分会", "分公司"})


TEAM_HEADS = ("队", "女排", "男排", "女篮", "男篮", "女足", "男足")


#: heads of a body's branch, named after the place it serves (中国人民银行江苏常州市分行, 武警河南总队洛阳市支队)
BRANCH_HEADS = ("分行", "支行", "分院", "分会", "分社", "分公司", "分局", "支队", "大队", "分部", "办事处")


#: verbs that act on a body rather than name its work (上海|设立办事处, 外交部|成立大会, 波黑|派出维和部队)
ACTION_VERBS = frozenset({"设立", "成立", "组建", "建立", "开设", "派出", "派遣", "举行", "召开", "举办", "主办", "承办", "出席",
                           "参加", "访问", "会见", "邀请", "率领", "接待", "支援", "慰问", "表彰", "动员", "纪念", "庆祝",
                           "作为", "担任", "出任", "受到", "签订", "送往", "分给", "聆听", "创办", "注册", "继续", "通过"})


#: a 论坛 with officers is an organization; one that is held is an event
ORG_OFFICERS = ("理事长", "秘书长", "主席", "会长", "创始人", "成员", "执行主任")


#: modifiers that make a head a kind of body, not one body (印尼国营银行, 贵州省各级党委, 俄罗斯国家级芭蕾舞团)
KIND_MODIFIERS = frozenset({
    "国营", "国有", "民营", "私营", "私人", "外资", "合资", "独资", "集体", "个体", "大型", "中型", "小型", "中小型", "特大型",
    "各级", "各", "各类", "各地", "有关", "主要", "部分", "一些", "其他", "其它", "许多", "众多", "所有", "全部", "这些", "有些",
    "国家级", "省级", "市级", "县级", "地市级", "乡级", "村级", "基层", "地方", "当地", "外国", "境外", "国外", "国内", "海外",
    "本地", "本国", "外地", "知名", "著名", "大", "小", "新", "老", "各个", "几家", "多家", "两家", "骨干", "重点", "大中型",
})


#: determiners that quantify over a kind (所有清真寺, 各个博物馆, 这些公园): whatever the head, they name no one
QUANTIFIERS = frozenset({"所有", "全部", "一切", "各", "各个", "各类", "各级", "各地", "这些", "那些", "一些", "有些", "许多", "众多",
                         "其他", "其它", "部分", "不少"})


#: modifiers that make a head name specific although jieba tags them as common nouns
SPECIFIC = frozenset({"国家", "全国", "中央", "国际", "世界", "中华", "亚太", "全球", "国务院", "中共", "第一", "第二"})


#: tags that may stand inside a name before its head
NAME_TAGS = frozenset({"ns", "nt", "nz", "n", "nr", "nrt", "nrfg", "j", "vn", "an", "b", "eng", "l", "v", "m", "s", "f", "t"})


PROPER_TAGS = frozenset({"ns", "nt", "nz", "j", "nrt", "eng"})


#: tokens that can never start a name (trimmed from the left edge)
EDGE_TRIM_TAGS = frozenset({"v", "vn", "m", "f", "x", "d", "p", "c", "u", "r", "a", "ad", "q", "t"})


LAW_SUFFIXES = ("法", "条例", "规定", "办法", "公约", "条约", "协定", "决定", "规则", "细则", "章程", "议定书", "宪章", "决议", "法令")


NOT_LAW = ("方法", "做法", "看法", "想法", "书法", "语法", "手法", "画法", "说法", "技法", "疗法", "算法", "魔法", "佛法", "兵法")


#: heads whose dictionary entries are single institutions, not kinds of body (清华大学, 人民出版社; unlike 人民政府, 商业银行)
INSTITUTION_HEADS = ("大学", "学院", "出版社", "集团", "油田")
