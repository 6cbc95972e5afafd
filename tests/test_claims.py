"""Claims on real text: the gold claims of the shared page, 1998 paragraphs, and the traps."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluate.pfr_numbers import score_pfr_numbers
from pipeline.extract.claims import find_claims
from pipeline.extract.dates import find_dates

REFERENCE = datetime.date(2023, 11, 20)


def page_paragraphs(raw: str) -> list[str]:
    """The page's paragraphs with the OCR spaces inside Chinese removed (what repair gives)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff0-9]) +(?=[\u4e00-\u9fff0-9])", "", raw)
    return [p.strip() for p in text.split("\n") if p.strip()]


@pytest.fixture(scope="module")
def page(page_raw, shared):
    gold = json.loads((shared / "gold" / "wic2023-wuzhen.gold.json").read_text(encoding="utf-8"))
    names = [e["text"] for e in gold["entities"]]
    claims = []
    for paragraph in page_paragraphs(page_raw):
        # skip spans as the pipeline gives them: dates and names
        skip = [(d.start, d.end) for d in find_dates(paragraph, REFERENCE)]
        skip += [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), paragraph)]
        claims += find_claims(paragraph, skip=skip)
    return gold, claims


def _match(gold_claim: dict, claims: list):
    return next((c for c in claims if c.text in gold_claim["text"] or gold_claim["text"] in c.text), None)


def test_page_recall_value_qualifier(page) -> None:
    gold, claims = page
    pairs = [(g, _match(g, claims)) for g in gold["claims"]]
    found = [(g, c) for g, c in pairs if c is not None]
    assert len(found) / len(pairs) >= 0.95, [g["text"] for g, c in pairs if c is None]
    value_ok = sum(c.value == Decimal(str(g["value"])) for g, c in found)
    qualifier_ok = sum(c.qualifier == g["qualifier"] for g, c in found)
    assert value_ok / len(found) >= 0.95
    assert qualifier_ok / len(found) >= 0.95
    unit_ok = sum(c.unit == g["unit"] for g, c in found)
    assert unit_ok / len(found) >= 0.9


def test_page_no_trap_claims(page) -> None:
    gold, claims = page
    optional = gold["optional_claims"]
    allowed = [g["text"] for g in gold["claims"]] + optional
    unexpected = [c.text for c in claims if not any(c.text in a or a in c.text for a in allowed)]
    assert unexpected == []
    texts = "|".join(c.text for c in claims)
    for trap in ("二十国", "中亚五国", "2023中国", "一方面", "统一", "一带一路", "1800多位嘉宾参加"):
        assert trap not in texts


def test_objects_on_the_page(page) -> None:
    gold, claims = page
    objects = {g["text"]: g.get("object", "") for g in gold["claims"]}
    right = sum(c.object == objects[g] for g in objects if (c := _match({"text": g}, claims)))
    assert right >= 13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过20万公里光纤", ("200000", "公里", "more_than", "光纤")),
        ("亿元: 工农业总产值达120亿元。", ("12000000000", "元", "exact", "工农业总产值")),
        ("新增会员1800多位", ("1800", "位", "more_than", "会员")),
        ("考生人数不足3万人", ("30000", "人", "less_than", "考生人数")),
        ("至多5个", ("5", "个", "at_most", "")),
        ("降低3个百分点", ("3", "个百分点", "exact", "")),
        ("面积4000平方米以下", ("4000", "平方米", "at_most", "面积")),
        ("占三分之一左右", ("0.333333333333333", "", "approx", "")),
    ],
)
def test_forms(text: str, expected: tuple) -> None:
    c = find_claims(text)[-1]
    assert (str(c.value), c.unit, c.qualifier, c.object) == expected


def test_skip_spans() -> None:
    text = "二十国集团成员有20个"
    assert [c.text for c in find_claims(text, skip=[(0, 5)])] == ["20个"]
    assert find_claims("中亚五国", skip=[(0, 4)]) == []


def test_pfr_numq_recall(pfr_path) -> None:
    figures = score_pfr_numbers(pfr_path, limit_articles=120)
    assert figures["numq_gold"] > 300
    assert figures["numq_recall"] >= 0.95  # measured 0.965


@given(
    st.text(alphabet="0123456789.,%万亿千百十一二两三四五六七八九半个年多余近约以上下左右至—成分之倍人家", max_size=24)
)
def test_never_raises(text: str) -> None:
    for c in find_claims(text):
        assert text[c.start : c.end] == c.text
        assert c.value is not None


@pytest.mark.parametrize(
    ("sentence", "claim", "expected_object"),
    [
        # the measured thing before a measure verb (the project's own articles, corpus/*.txt)
        (
            "去年全省农林牧渔业总产值同比增长4.1%，农村居民人均可支配收入达到2万1358元，增长7.3%。",
            "4.1%",
            "农林牧渔业总产值",
        ),
        (
            "去年全省农林牧渔业总产值同比增长4.1%，农村居民人均可支配收入达到2万1358元，增长7.3%。",
            "2万1358元",
            "农村居民人均可支配收入",
        ),
        (
            "去年全省农林牧渔业总产值同比增长4.1%，农村居民人均可支配收入达到2万1358元，增长7.3%。",
            "7.3%",
            "农村居民人均可支配收入",
        ),
        ("这片土地曾经白茫茫一片，土壤含盐量超过0.6%，过去连芦苇都长不好。", "超过0.6%", "土壤含盐量"),
        ("2023年经专家现场测产，平均亩产达到605.4公斤。", "605.4公斤", "平均亩产"),
        ("展览上线不到一个月，访问量就突破了500万人次。", "突破了500万人次", "访问量"),
        ("去年两国跨境电商交易额同比增长近三成。", "近三成", "跨境电商交易额"),
        ("“去年每亩纯收入比种棉花多了400元左右，今年我又多包了一百亩。”", "400元左右", "每亩纯收入"),
        ("前期工作时间缩短了近一半。", "近一半", "前期工作时间"),
        ("全国约有15亿亩盐碱地，其中具备农业利用潜力的超过2亿亩。", "超过2亿亩", "盐碱地"),
        # a noun phrase the number directly follows
        ("本届论坛期间，中外企业共签约数字经济合作项目36个，总金额约420亿元。", "36个", "数字经济合作项目"),
        ("本届论坛期间，中外企业共签约数字经济合作项目36个，总金额约420亿元。", "约420亿元", "总金额"),
        (
            "来自韩国、澳大利亚等国家的政府官员、企业代表和专家学者约600人参会。",
            "约600人",
            "政府官员、企业代表和专家学者",
        ),
        ("去年全村接待游客约12万人次，旅游综合收入突破1500万元。", "约12万人次", "游客"),
        ("去年全村接待游客约12万人次，旅游综合收入突破1500万元。", "突破1500万元", "旅游综合收入"),
        ("江西省供销合作社联合社计划新建县级农产品集配中心30个。", "30个", "县级农产品集配中心"),
        # the following object stays first; a share takes what follows 的
        (
            "全省3万4000多个自然村完成村庄环境整治，一半以上的行政村建成了村级电商服务站点。",
            "一半以上的行政村",
            "行政村",
        ),
        (
            "完成300余处全国重点文物保护单位和省级文物保护单位的修缮。",
            "300余处全国重点文物保护单位和省级文物保护单位",
            "全国重点文物保护单位和省级文物保护单位",
        ),
        ("今年，江西省财政安排1.5亿元专项资金，支持高标准农田建设。", "1.5亿元专项资金", "专项资金"),
        # no object: a duration, a bare verb before the number
        ("忻州市五台县，63岁的文物保护员张德福已守护南禅寺26年。", "26年", ""),
        ("全球仍有近30亿人没有接入互联网", "近30亿人", "人"),
    ],
)
def test_objects_in_news_prose(sentence: str, claim: str, expected_object: str) -> None:
    found = {c.text: c.object for c in find_claims(sentence, skip=[(d.start, d.end) for d in find_dates(sentence)])}
    assert found[claim] == expected_object


@pytest.mark.parametrize(
    ("text", "claim", "qualifier"),
    [
        ("展览上线不到一个月，访问量就突破了500万人次。", "突破了500万人次", "more_than"),
        ("旅游综合收入突破1500万元。", "突破1500万元", "more_than"),
        ("据有关部门调查，全国约有15亿亩盐碱地", "约有15亿亩盐碱地", "approx"),
    ],
)
def test_verbal_qualifiers(text: str, claim: str, qualifier: str) -> None:
    assert {c.text: c.qualifier for c in find_claims(text)}[claim] == qualifier


def test_and_a_half() -> None:
    values = {c.text: (str(c.value), c.unit) for c in find_claims("用了两年半时间，3个半月，一个半导体厂")}
    assert values == {"两年半": ("2.5", "年"), "3个半月": ("3.5", "个月")}


def test_claims_read_words_from_the_given_tokens(monkeypatch) -> None:
    """With the block's tokens given, no stage segments the text again (jieba.cut and posseg are never called)."""
    import jieba
    import jieba.posseg

    from pipeline.segment import segment

    text = "去年全省农林牧渔业总产值同比增长4.1%，580余家企业参展，累计铺设超过20万公里光纤。"
    tokens = segment(text)

    def refuse(*args, **kwargs):
        raise AssertionError("segmented again")

    monkeypatch.setattr(jieba, "cut", refuse)
    monkeypatch.setattr(jieba.posseg, "cut", refuse)
    found = {c.text: c.object for c in find_claims(text, tokens=tokens)}
    assert found == {"4.1%": "农林牧渔业总产值", "580余家企业": "企业", "超过20万公里光纤": "光纤"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shares in one convention: percent, 成 and 折 are all a number of percent
        ("利润增长九成", ("90", "%", "exact")),
        ("全场商品打六点五折", ("65", "%", "exact")),
        ("合格率达到百分之九十", ("90", "%", "exact")),
        ("不良率降到千分之五", ("0.5", "%", "exact")),
        ("失业率下降了0.5个百分点", ("0.5", "个百分点", "exact")),
        # units and currencies from the data tables
        ("身高175公分", ("175", "公分", "exact")),
        ("车速每小时80km/h", ("80", "km/h", "exact")),
        ("最低气温零下十二摄氏度", ("-12", "摄氏度", "exact")),
        ("报价5000丹麦克朗", ("5000", "丹麦克朗", "exact")),
        ("售价3英镑20便士", ("3.2", "英镑", "exact")),
        ("门票€20", ("20", "€", "exact")),
        ("每斤一块五", ("1.5", "块", "exact")),
    ],
)
def test_shares_units_and_currencies(text: str, expected: tuple) -> None:
    c = find_claims(text)[-1]
    assert (str(c.value), c.unit, c.qualifier) == expected
