"""The gazetteer files: provenance headers, coverage of whole classes, and jieba agreement."""

from __future__ import annotations

import jieba

from pipeline.extract import gazetteer as gz


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
