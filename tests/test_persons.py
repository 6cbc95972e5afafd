"""Persons on pages nobody tuned for: the failure classes of the names issue, on sentences written here."""

from __future__ import annotations

import pytest

from pipeline.extract.entities import find_document_entities


def persons(*paragraphs: str) -> list[list[str]]:
    return [[e.text for e in found if e.label == "PERSON"] for found in find_document_entities(list(paragraphs))]


@pytest.mark.parametrize("text, name", [
    ("学生阿米娜今年16岁，她在学校学习中文。", "阿米娜"),  # a role before, an age after; jieba cuts 阿米|娜
    ("博士生卡马尔在实验室工作了三年。", "卡马尔"),  # 卡马|尔
    ("一位名叫萨米尔的司机把我们送到了车站。", "萨米尔"),
    ("来自叙利亚的难民萨米拉今年12岁。", "萨米拉"),  # 萨米/nrt 拉/v: a verb's character last, an age after it
    ("难民拉希达说，她想回家。", "拉希达"),  # 拉希/nrt 达/v
])
def test_transliterated_names_jieba_cuts_are_found_by_their_cue(text, name):
    assert name in persons(text)[0]


def test_kinship_terms_introduce_persons():
    assert persons("姐姐萨拉、妹妹莉娜都喜欢跳舞。") == [["萨拉", "莉娜"]]


def test_a_name_found_once_is_found_again_without_its_cue():
    assert persons("学生阿米娜今年16岁。", "阿米娜说，她想去中国留学。") == [["阿米娜"], ["阿米娜"]]


def test_a_first_name_alone_refers_to_the_dotted_name():
    assert persons("阿米娜·哈桑是一名教师。", "阿米娜说，孩子们很喜欢中文课。") == [["阿米娜·哈桑"], ["阿米娜"]]


@pytest.mark.parametrize("text", [
    "受厄尔尼诺现象影响，今冬气温偏高。",  # a phenomenon named like a person
    "新版卢布一月起流通，卢布对美元的汇率趋稳。",  # a currency jieba tags as a name
    "新年的钟声刚刚敲响，人们互致问候。",
    "大使用流利的中文主持了招待会。",  # a language before a cue, jieba's nz
    "她是一位著名的华文女作家。",  # 华 a surname, 女作家 a title after: the language still
    "这家公司和爱立信签订了合作协议。",  # a company CC-CEDICT glosses as one (Ericsson)
])
def test_things_named_like_persons_are_not_persons(text):
    assert persons(text) == [[]]


def test_a_title_less_subject_with_a_name_is_a_person():
    assert "李鹏" in persons("参观结束后，李鹏又来到退休职工家中。")[0]


@pytest.mark.parametrize("text, name", [
    ("日本前首相岸田文雄表示，两国应加强合作。", "岸田文雄"),  # a title before
    ("会后，渡边浩二表示，两国应加强交流。", "渡边浩二"),  # no Chinese surname; a cue after
    ("日本外相岸田文雄与韩国外长会谈。", "岸田文雄"),  # a Japanese minister's title before, no cue after
])
def test_japanese_names_by_their_characters_and_context(text, name):
    assert name in persons(text)[0]


def test_four_character_phrases_are_not_japanese_names():
    assert persons("他侧目远眺，秋波千里，红叶飘动。") == [[]]


def test_transliterated_names_in_a_list_with_a_found_person():
    found = persons("这些名家，如克莱伯、马泽尔、拉图尔，都曾来过这里。")[0]  # 马泽尔 found by its surname 马
    assert {"克莱伯", "马泽尔", "拉图尔"} <= set(found)


def test_a_list_of_brands_is_no_list_of_persons():
    assert persons("街上跑着卡迪拉克、雪佛莱、道奇等各种汽车。") == [[]]


def test_a_brand_after_a_title_is_the_person():
    assert persons("墨西哥总统福克斯表示欢迎。") == [["福克斯"]]  # 福克斯 is a brand too (Fox)


def test_a_surname_and_home_is_no_person():
    assert "刘家" not in persons("县长先后走访了刘家和马家。")[0]  # the Liu family's home
