"""Every printed form of issue 11 as a paragraph written here, with no help from the name finder:
quotes are found by their structure and the subject in speaker position is the speaker."""

from __future__ import annotations

import pytest
from attribution_support import blocks

from pipeline.extract.quotes import find_quotes, speaker_spans
from pipeline.records import Entity
from pipeline.segment import segment


def said(*texts, persons=None):
    return [(q.para_no, q.speaker, q.kind, q.text) for q in find_quotes(blocks(*texts), persons)]


@pytest.mark.parametrize(
    "texts,expected",
    [
        # a transliterated name without ·, which no name list holds, before 对记者说 and a colon
        (["萨拉对记者说：“这里的孩子都很努力。”"], [(1, "萨拉", "direct", "这里的孩子都很努力。")]),
        # a cue phrase that is no speech verb
        (["卡马尔记忆犹新：“那天夜里下着大雨。”"], [(1, "卡马尔", "direct", "那天夜里下着大雨。")]),
        # a pronoun and a cue phrase with a place phrase between
        (
            ["护士阿米娜在这家医院工作了五年。", "她在社交媒体上写下这样一段话：“我们一定会回来的。”"],
            [(2, "阿米娜", "direct", "我们一定会回来的。")],
        ),
        # the quotation first, a pronoun after it, the person in the paragraph before
        (
            ["博士生卡马尔在实验室里工作了三年。", "“这是我做过最难的实验。”他说。"],
            [(2, "卡马尔", "direct", "这是我做过最难的实验。")],
        ),
        # a leading clause before the subject, and a verb of feeling
        (
            ["老校长陈守仁在这所学校教了四十年书。回忆起那段日子，他感慨：“太不容易了。”"],
            [(1, "陈守仁", "direct", "太不容易了。")],
        ),
        # no verb at all before the colon
        (["对此，工程师王海深有体会：“设备老了就得换。”"], [(1, "王海", "direct", "设备老了就得换。")]),
        # a name after a kinship word, reported speech
        (["姐姐萨拉告诉记者，她们一家去年搬到了这里。"], [(1, "萨拉", "indirect", "她们一家去年搬到了这里。")]),
        # the subject of an earlier clause of the sentence
        (["机长张启彬手捧鲜花，深情地说：“安全永远从零开始。”"], [(1, "张启彬", "direct", "安全永远从零开始。")]),
        # a name after a role, then a verb phrase before the verb
        (["村支书刘长河拉着记者的手说：“今年的收成好。”"], [(1, "刘长河", "direct", "今年的收成好。")]),
        # an unnamed person is a source of their own
        (["一位白发老人感慨地对记者说：“日子越过越好了。”"], [(1, "白发老人", "direct", "日子越过越好了。")]),
        # a sentence that goes on from the one before takes its speaker
        (
            ["教练马克说：“我们准备好了。”接着又说：“明天见。”"],
            [(1, "马克", "direct", "我们准备好了。"), (1, "马克", "direct", "明天见。")],
        ),
        # a time word between the quotation and its speaker, and a second action at once after the verb
        (
            ["“茶叶要赶在露水干之前采，这样炒出来的茶才香。”今年52岁的龙光学一边说，一边麻利地掐下一芽一叶。"],
            [(1, "龙光学", "direct", "茶叶要赶在露水干之前采，这样炒出来的茶才香。")],
        ),
        # an office's name jieba tags as an idiom before the title (县/zg 扶贫办/i 主任), reported speech
        (
            ["在雷山县，像控拜村这样的变化正在各地发生。县扶贫办主任李光荣介绍，全县已累计减少贫困人口4.6万人。"],
            [(1, "李光荣", "indirect", "全县已累计减少贫困人口4.6万人。")],
        ),
        # a given name's last character glued to the verb by the HMM (吴国|平说), after two titles
        (
            ["“脱贫只是第一步。”黔东南州委常委、副州长吴国平说，下一步将推动茶叶深加工。"],
            [(1, "吴国平", "direct", "脱贫只是第一步。"), (1, "吴国平", "indirect", "下一步将推动茶叶深加工。")],
        ),
    ],
)
def test_issue_forms_give_the_right_speaker(texts, expected):
    assert said(*texts) == expected


def test_a_dot_read_by_ocr_as_a_full_stop_is_set_back():
    assert said("拉斐尔.伊万格利斯塔说，互联网是全人类共有的。") == [
        (1, "拉斐尔·伊万格利斯塔", "indirect", "互联网是全人类共有的。")
    ]


def test_a_first_name_stands_for_the_whole_dotted_name():
    texts = ["阿米娜·萨利赫是这所学校的老师。", "阿米娜说，学校明年要扩建。"]
    assert said(*texts) == [(2, "阿米娜·萨利赫", "indirect", "学校明年要扩建。")]


def test_the_name_finders_persons_are_not_needed_but_used():
    text = "研究员林晓东说，试验田的产量提高了一成。"
    assert said(text) == said(text, persons={0: [Entity(3, 6, "林晓东", "PERSON")]})


def test_no_one_speaks_where_no_subject_names_a_person():
    texts = ["在贺卡的背面，写着一行小字：“祝你快乐。”", "报告指出，增长放缓。", "他们高声喊：“加油！”", "据说，明天下雨。"]
    assert said(*texts) == []


def test_places_and_weather_are_no_speakers():
    assert said("巴西的拉尼娜现象表示，降雨减少。") == []
    assert said("波兰人民说，生活好了。") == []


def test_speaker_spans_mark_only_names_in_speaker_position():
    texts = [
        "萨拉对记者说：“孩子们都很努力。”",
        "“我们会赢。”教练马克说。",
        "学生阿米娜今年16岁。",  # a name, but not in speaker position
        "中方表示，愿同各方合作。有关负责人介绍，进展顺利。他说，很好。",
    ]
    spans = speaker_spans(texts, [segment(t) for t in texts])
    assert [[t[a:b] for a, b in s] for t, s in zip(texts, spans)] == [["萨拉"], ["马克"], [], []]


@pytest.mark.parametrize(
    "texts,expected",
    [
        # 她 skips the man printed before his unnamed wife
        (
            ["王建国和他的妻子在村口开了一家小店。", "“日子越过越好了。”她说。"],
            [(2, "妻子", "direct", "日子越过越好了。")],
        ),
        # 她 and a woman introduced unnamed after a man
        (
            ["张大山每天早上去工地。一位女教师走了过来，她说：“孩子们都很想念你。”"],
            [(1, "女教师", "direct", "孩子们都很想念你。")],
        ),
        # a sentence whose subject is the pronoun and that gives her name (她叫 + name)
        (
            ["在医院里，记者见到一位年轻的护士。她叫李小红，今年二十岁。", "“病人就是亲人。”她说。"],
            [(2, "李小红", "direct", "病人就是亲人。")],
        ),
        # a person introduced by the name after 叫, not as the unnamed 护士
        (
            ["一位叫王秀英的护士走了过来。", "“病人就是亲人。”她说。"],
            [(2, "王秀英", "direct", "病人就是亲人。")],
        ),
        # a time phrase before the pronoun subject: the names after it are objects
        (
            ["老工人王德发带着记者参观了车间。", "抗战时期，他参加过游击队，认识了李先念。他说：“那时候很苦。”"],
            [(2, "王德发", "direct", "那时候很苦。")],
        ),
        # a word of comparison before the one quoted (有如……说的：)
        (
            ["这本书的意义，有如古代学者刘勰在《文心雕龙》中说的：“文变染乎世情。”"],
            [(1, "刘勰", "direct", "文变染乎世情。")],
        ),
        # the narrator asks (我问她), the one asked answers
        (
            ["王芳是村里的妇女主任。我问她：“今年收成怎么样？”她笑着说：“比去年好。”"],
            [(1, "我", "direct", "今年收成怎么样？"), (1, "王芳", "direct", "比去年好。")],
        ),
        # the narrator's question is not the next speaker's words
        (
            ["李明是一名老师。我问他：“累不累？”他说：“不累。”"],
            [(1, "我", "direct", "累不累？"), (1, "李明", "direct", "不累。")],
        ),
    ],
)
def test_pronoun_and_question_forms(texts, expected):
    assert said(*texts) == expected


def test_a_pronoun_never_stands_for_an_army_unit_the_name_finder_took_for_a_person():
    texts = ["指导员张卫东来到连队已经三年。", "钢八连驻守在海岛上。他说：“战士们很能吃苦。”"]
    persons = {0: [Entity(3, 6, "张卫东", "PERSON")], 1: [Entity(0, 3, "钢八连", "PERSON")]}
    assert said(*texts, persons=persons) == [(2, "张卫东", "direct", "战士们很能吃苦。")]


def test_local_time_between_the_speaker_and_the_verb_is_an_adverbial():
    persons = {0: [Entity(5, 8, "布鲁克", "PERSON")]}
    assert said("美国国务卿布鲁克当地时间5日表示，美方愿意加强沟通。", persons=persons) == [
        (1, "布鲁克", "indirect", "美方愿意加强沟通。")
    ]


def test_a_foreign_surname_jieba_lists_as_a_town_speaks_once_found_a_person():
    text = "阿根廷经济学家马丁内斯对本报记者说：“中国的发展提供了新的机遇。”"
    assert said(text) == []  # without the name finder, 马丁内斯/ns is a town
    assert said(text, persons={0: [Entity(7, 11, "马丁内斯", "PERSON")]}) == [(1, "马丁内斯", "direct", "中国的发展提供了新的机遇。")]
