"""The gazetteer files: provenance headers, coverage of whole classes, jieba agreement, and the
classes of place they add found in 1998 People's Daily paragraphs (read at run time)."""

from __future__ import annotations

from functools import lru_cache

import jieba
import pytest

from pipeline.evaluate import pfr
from pipeline.extract import gazetteer as gz
from pipeline.extract.entities import find_entities
from pipeline.extract.speakers import split_speaker
from pipeline.extract.speakers.names import surname_of


def test_every_file_names_its_source_and_licence():
    for name in gz.FILES:
        head = (gz.DATA / name).read_text(encoding="utf-8").splitlines()[:5]
        assert any(line.startswith("# source:") for line in head), name
        assert any(line.startswith("# licence:") for line in head), name


def test_countries_by_common_and_official_name():
    places = gz.places()
    for official, common in [("中华人民共和国", "中国"), ("大韩民国", "韩国"), ("肯尼亚共和国", "肯尼亚"), ("巴基斯坦伊斯兰共和国", "巴基斯坦")]:
        assert places[official] == ("GPE", common)
    # every member of the UN-sized class, not a handful
    assert sum(1 for lab, norm in places.values() if lab == "GPE") > 3000
    assert places["非洲"][0] == "LOC" and places["东南亚"][0] == "LOC"


def test_chinese_divisions_with_aliases():
    places = gz.places()
    assert places["浙江"] == ("GPE", "浙江省")
    assert places["克拉玛依"] == ("GPE", "克拉玛依市")
    assert places["新疆"][1].startswith("新疆")
    assert "和平" not in places  # 和平区's alias is an ordinary word: not kept


def test_organizations_abbreviations_map_to_full_names():
    orgs = gz.orgs()
    assert orgs["世贸组织"] == "世界贸易组织"
    assert orgs["上合组织"] == "上海合作组织"
    assert orgs["东盟"] == "东南亚国家联盟"
    assert orgs["二十国集团"] == "二十国集团"


def test_jieba_user_words_keep_names_whole():
    tok = jieba.Tokenizer()
    for word, freq, tag in gz.jieba_user_words():
        tok.add_word(word, freq, tag)
    words = list(tok.cut("同阿拉伯国家联盟、中亚五国发表倡议，克拉玛依市的亚太经合组织会议"))
    assert "阿拉伯国家联盟" in words and "亚太经合组织" in words and "克拉玛依市" in words


def test_fingerprint_is_stable_and_covers_the_files():
    fp = gz.gazetteer_fingerprint()
    assert fp == gz.gazetteer_fingerprint() and len(fp) == 64


def test_surnames_beyond_the_hundred_families_from_the_character_dictionary():
    sn = gz.surnames()
    assert {"迟", "尉", "隋"} <= set(sn)  # 迟浩田, 尉健行: the sense 姓 in the character dictionary
    assert not {"但", "由", "修", "智", "阿"} & set(sn)  # function words, verbs, frequent words, transliteration


def test_surnames_jieba_knows_only_as_names_are_common_and_shared_with_the_speaker_code():
    """谌, 冼, 亓: too rare to lead five names in jieba's dictionary, but nothing else either; the
    quote code reads the same table (there is no second surname list)."""
    sn = gz.surnames()
    assert {sn["谌"], sn["冼"], sn["亓"]} == {"common"} and sn["迟"] == "ambiguous"
    assert [e.text for e in find_entities("贵州省省长谌贻琴说，") if e.label == "PERSON"] == ["谌贻琴"]
    assert surname_of("亓振宇") == "亓"
    assert split_speaker("富民蔬菜专业合作社的冼经理").name == "冼经理"


PFR_DEV = pfr.dev_path()
needs_pfr = pytest.mark.skipif(not PFR_DEV.exists(), reason="../shared/pfr1998 is missing")


@lru_cache(maxsize=1)
def pfr_places() -> tuple[tuple[str, int, int, str], ...]:
    """(paragraph, start, end, name) for every gold place of the 1998 dev paragraphs, read at run time."""
    return tuple((r["text"], s, e, name) for r in pfr.read_paragraphs(PFR_DEV) for s, e, label, name in r["spans"] if label == "LOC")


def found_in_1998(names: set[str]) -> dict[str, list[tuple[str, str] | None]]:
    """For each gold place among ``names``: the (label, normalized) we give that exact span, or None."""
    out: dict[str, list[tuple[str, str] | None]] = {}
    for text, start, end, name in pfr_places():
        if name in names:
            hit = [(e.label, e.normalized) for e in find_entities(text) if (e.start, e.end) == (start, end)]
            out.setdefault(name, []).append(hit[0] if hit else None)
    return out


def test_county_aliases_that_jieba_tags_as_names():
    places = gz.places()
    assert places["延吉"] == ("GPE", "延吉市") and places["昌平"] == ("GPE", "昌平区")  # 延吉/nr 33, 昌平/nr 171
    assert places["绥德"] == ("GPE", "绥德县")  # 绥德/nrt 27
    # an alias jieba often reads as a name or mistags as one is an ordinary word or a person
    assert not {"友谊", "武功", "凤山", "和平", "新华"} & set(places)


@needs_pfr
def test_county_aliases_found_in_1998_text():
    found = found_in_1998({"延吉", "昌平", "永清"})
    assert set(found) == {"延吉", "昌平", "永清"}
    assert all(hit and hit[0] == "GPE" and hit[1][-1] in "市区县" for hits in found.values() for hit in hits), found


def test_geographic_features_from_jieba_place_words():
    places = gz.places()
    assert places["洱海"] == ("LOC", "洱海") and places["约旦河"][0] == "LOC" and places["八达岭"][0] == "LOC"
    # common nouns of the same shape stay out: two landform characters, adjective, verb or numeral first
    assert not {"海洋", "江湖", "山河", "一马平川", "信口开河", "大海", "深山", "登山", "四海", "上山", "直属机关"} & set(places)


@needs_pfr
def test_geographic_features_found_in_1998_text():
    names = {"洱海", "苍山", "漓江", "汾河", "约旦河"}
    found = found_in_1998(names)
    assert set(found) == names
    assert all(hit and hit[0] == "LOC" for hits in found.values() for hit in hits), found


def test_old_names_map_to_the_current_division():
    places = gz.places()
    assert places["襄樊"] == ("GPE", "襄阳市") and places["襄樊市"] == ("GPE", "襄阳市")  # renamed 2010
    assert places["滦县"] == ("GPE", "滦州市")
    assert places["那曲地区"] == ("GPE", "那曲市") and places["广东地区"] == ("GPE", "广东省")  # division + 地区


@needs_pfr
def test_old_names_and_prefectures_as_diqu_found_in_1998_text():
    found = found_in_1998({"襄樊", "吕梁地区", "那曲地区", "晋中地区"})
    assert set(found) == {"襄樊", "吕梁地区", "那曲地区", "晋中地区"}
    assert found["襄樊"][0] == ("GPE", "襄阳市")
    assert all(hit and hit[1].endswith("市") for name in ("吕梁地区", "那曲地区", "晋中地区") for hit in found[name]), found


def test_lists_read_from_a_word_dictionary_keep_people_places_and_ordinary_words_apart():
    """CC-CEDICT's lists (tools/build_name_models.py, tools/build_dictionary_places.py): people with
    dates, not a sheep, an empire, a wall or a city; places by their kind, not a general with a
    prefecture in his gloss, a language or a township named after its county; ordinary words."""
    assert {"鲁迅", "雨果", "拿破仑", "郑成功"} <= gz.famous_persons()
    assert not {"多利", "罗马帝国", "民主墙", "华盛顿", "阿里"} & gz.famous_persons()
    assert {"秦岭", "渭水", "君士坦丁堡", "奥斯曼帝国"} <= gz.dictionary_places().keys()
    assert not {"孙坚", "撒拉语", "田中", "北京", "鲁迅"} & gz.dictionary_places().keys()
    assert gz.dictionary_places()["渭水"][0] == "LOC" and gz.dictionary_places()["君士坦丁堡"][0] == "GPE"
    assert {"祝贺", "保姆", "关怀", "贺词"} <= gz.name_tagged_words()
    assert not {"李鹏", "米老鼠", "江泽民"} & gz.name_tagged_words()


def test_landforms_hold_no_ordinary_word_and_ordinary_county_names_need_context():
    """tools/build_gazetteers.py: a word CC-CEDICT gives only as an ordinary word is no landform (崇洋,
    攸关, 喜洋洋 were, for their last character); a county name it also gives an ordinary sense is a
    place only in a place context (牡丹 the flower, 大关 'a milestone', 钟楼 'a bell tower')."""
    kinds = gz.place_kinds()
    assert not {"崇洋", "攸关", "喜洋洋", "跑江湖", "三角洲"} & kinds.keys()
    assert {"洱海", "京城", "八达岭"} <= {w for w, k in kinds.items() if "landform" in k}
    assert all("ordinary_word" in kinds[w] for w in ("牡丹", "大关", "钟楼", "滨江"))
    assert not any("ordinary_word" in kinds[w] for w in ("昌平", "大理", "海口", "怀柔区"))
    labels = lambda text: [(e.text, e.label) for e in find_entities(text)]  # noqa: E731
    assert labels("他只画牡丹和芍药") == []
    assert ("牡丹区", "GPE") in labels("山东菏泽牡丹区的花农")
    assert labels("总产值突破百亿元大关") == []


def test_places_abroad_as_a_word_dictionary_glosses_them():
    """tools/build_dictionary_places.py: CC-CEDICT glosses a place abroad by its kind in brackets
    (Mombasa (city in Kenya)), by its country after a comma (Medina, Saudi Arabia), or a country's
    other name by the country (法兰西 France); not a bank in a city, a word jieba tags as a foreign
    person's name (贝拉 Beira, also Bella) nor a Chinese name glossed only as a country (乔丹 Jordan)."""
    assert {"蒙巴萨", "麦地那", "法兰西", "海牙", "丹佛"} <= gz.dictionary_places().keys()
    assert not {"恒生银行", "贝拉", "乔丹", "中华", "玛利亚"} & gz.dictionary_places().keys()
    labels = {(e.text, e.label) for e in find_entities("货轮从蒙巴萨启航；法兰西的葡萄酒运抵海牙。")}
    assert {("蒙巴萨", "GPE"), ("法兰西", "GPE"), ("海牙", "GPE")} <= labels, labels
