"""Organizations, events and facilities by their head word: one sentence per class (written for these tests)."""

import pytest

from pipeline.extract.entities import find_entities


def labels(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a body named by a place and a descriptive name: the place is part of the name
    ("昨天，嘉兴机动车拍卖中心拍出一批旧车。", ("嘉兴机动车拍卖中心", "ORG")),
    ("他把书赠送给衢州市少年军校学员。", ("衢州市少年军校", "ORG")),
    ("他生前所在的保定一棉厂的领导常来看望。", ("保定一棉厂", "ORG")),
    ("浙江隆中机械制造有限公司今年扩大了生产。", ("浙江隆中机械制造有限公司", "ORG")),
    # bodies named after a person
    ("她把十万元捐给了马海德基金会。", ("马海德基金会", "ORG")),
    ("始创于1990年的李宁体育用品有限公司发展很快。", ("李宁体育用品有限公司", "ORG")),
    # a body's unit named after it
    ("北京大学化学系教授出席。", ("北京大学化学系", "ORG")),
    # a centre after the work it does is a body; a library is an institution
    ("深圳交通监控中心发布了路况。", ("深圳交通监控中心", "ORG")),
    ("西藏图书馆成立一年来收集了大量古籍。", ("西藏图书馆", "ORG")),
])
def test_named_bodies(text, expected):
    assert expected in labels(text)


@pytest.mark.parametrize(("text", "generic"), [
    ("中国愿意加强同其他国际组织的协调。", "国际组织"),
    ("高速公路工程常年被外国公司垄断。", "外国公司"),
    ("政府允许外资参股印尼国营银行。", "印尼国营银行"),
    ("瑞士三大银行中的两家宣布合并。", "瑞士三大银行"),
    ("近年来，贵州省各级党委和政府重视扶贫。", "贵州省各级党委"),
    ("农业正在形成新格局。", "新格局"),
    ("中国始终积极参与亚太经合组织的活动。", "中国始终积极参与亚太经合组织"),
])
def test_kinds_of_body_are_no_names(text, generic):
    assert generic not in [t for t, _ in labels(text)]


def test_a_gathering_is_an_event_and_its_host_is_reported():
    found = labels("他在全国政协新年茶话会上讲话。")
    assert ("全国政协新年茶话会", "EVENT") in found and ("全国政协", "ORG") in found


def test_a_conjunction_never_joins_two_whole_names():
    found = [t for t, _ in labels("将召开第九届全国人民代表大会第一次会议和中国人民政治协商会议第九届全国委员会第一次会议。")]
    assert not any("和中国人民政治协商会议" in t for t in found)


def test_a_venue_centre_stays_a_facility():
    assert ("宁波国际会展中心", "FAC") in labels("展会在宁波国际会展中心举行。")


@pytest.mark.parametrize(("text", "expected"), [
    ("他曾在约翰·霍普金斯大学任教多年。", ("约翰·霍普金斯大学", "ORG")),
    ("伤员被送往沃尔特·里德陆军医疗中心治疗。", ("沃尔特·里德陆军医疗中心", "FAC")),
    ("他在乔治·华盛顿大学医院接受治疗。", ("乔治·华盛顿大学医院", "ORG")),
])
def test_a_body_named_after_a_dotted_name_is_the_body(text, expected):
    found = labels(text)
    assert expected in found and not any(label == "PERSON" for _, label in found)


def test_a_government_named_after_its_leader_keeps_the_leader():
    assert ("比尔·克林顿", "PERSON") in labels("比尔·克林顿政府宣布了新措施。")


@pytest.mark.parametrize("text, team", [
    ("八一队以89比80战胜了辽宁队。", "八一队"),  # jieba: 八一队/m
    ("八一男篮在主场卫冕成功。", "八一男篮"),  # jieba: 八一男篮/nz
])
def test_a_team_named_by_a_date_is_a_body(text, team):
    assert (team, "ORG") in labels(text)


def test_the_items_of_a_list_of_companies_are_companies():
    """A list that names its kind after 等 (等400余家企业): 特斯拉/nrt was a person, 京东/ns a place (a
    2022 page written here); trades (家电、五金等企业) and a list of people (等企业家) are not bodies."""
    from pipeline.extract.entities import find_document_entities

    def found(text):
        return [(e.text, e.label) for e in find_document_entities([text])[0]]

    assert found("本届大会吸引了华为、阿里巴巴、腾讯、特斯拉、京东等400余家企业参展。") == [
        ("华为", "ORG"), ("阿里巴巴", "ORG"), ("腾讯", "ORG"), ("特斯拉", "ORG"), ("京东", "ORG")]
    assert found("这座小镇有五金、家具、纺织等企业。") == []
    assert found("王明、李强等企业家出席了会议。") == [("王明", "PERSON"), ("李强", "PERSON")]
