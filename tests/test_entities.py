"""Entities on real text: the shared OCR page (repaired as the repair stage gives it) and 1998 paragraphs."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from pipeline.evaluate.pfr_entities import gold_spans, ours, ours_article, read_articles, score_gold_entities
from pipeline.extract.entities import find_document_entities, find_entities

SHARED = Path(os.environ.get("PIPELINE_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
PAGE = SHARED / "corpus" / "wic2023-wuzhen.txt"
GOLD = SHARED / "gold" / "wic2023-wuzhen.gold.json"
PFR = SHARED / "pfr1998" / "dev.spans.jsonl.gz"
_HAN = r"[\u4e00-\u9fff]"
_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})


def approx_repaired_page() -> list[str]:
    """The shared page as repair should give it, approximated: paragraphs rejoined, spaces
    inside Chinese removed, 一 between names → —, ASCII punctuation folded to full width."""
    raw = PAGE.read_text(encoding="utf-8")
    head, tail = raw.split("拉斐尔·伊万格利 过去10年中")
    moved = re.search(r"\n斯塔说.*?\n", tail, re.S).group()
    tail = tail.replace(moved, "\n")
    raw = head + "拉斐尔·伊万格利" + moved.strip() + "\n过去10年中" + tail
    raw = raw.replace("新机\n\n\n\n\n\n遇", "新机遇").replace("全球数字\n\n治理", "全球数字治理")
    paras = []
    for line in raw.splitlines():
        if "责编" not in line:  # the editors' line keeps the spaces between names
            line = re.sub(rf"(?<={_HAN}) +(?={_HAN})", "", line.strip())
        line = line.strip().lstrip("> ").translate(_PUNCT)
        line = re.sub(r'"([^"]*)"', r"“\1”", line)
        line = re.sub(r"中国一(?=东盟|中东欧|中亚)", "中国—", line)
        if line:
            paras.append(line)
    return paras


def labels(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


needs_page = pytest.mark.skipif(not GOLD.exists(), reason="../shared (the shared page and its gold) is missing")
needs_pfr = pytest.mark.skipif(not PFR.exists(), reason="../shared/pfr1998 is missing")


def test_transliterated_speaker_after_nested_org():
    text = "巴西互联网指导委员会董事会成员拉斐尔·伊万格利斯塔说，构建网络空间命运共同体理念得到广泛认同"
    got = labels(text)
    assert ("巴西互联网指导委员会", "ORG") in got
    assert ("拉斐尔·伊万格利斯塔", "PERSON") in got
    assert not any(t.startswith("巴西互联网指导委员会董事会") for t, _ in got)


def test_org_with_officer_and_role_before_name():
    got = labels("巴基斯坦“读懂中国”论坛理事长扎法尔·马赫默德说，在新技术、新形势下")
    assert ("扎法尔·马赫默德", "PERSON") in got
    assert any(lab == "ORG" and "读懂中国" in t and t.endswith("论坛") for t, lab in got)


def test_event_by_head_is_one_span():
    got = labels("11月9日，世界互联网大会乌镇峰会青年与数字未来论坛在乌镇云舟宾客中心举行。")
    assert ("世界互联网大会乌镇峰会青年与数字未来论坛", "EVENT") in got
    assert ("乌镇云舟宾客中心", "FAC") in got


def test_dash_joined_places_and_abbreviations_normalized():
    ents = find_entities("与东盟国家共同建设中国—东盟信息港，推动二十国集团、亚太经合组织、金砖国家、世贸组织等多边框架下的合作")
    norm = {e.text: e.normalized for e in ents if e.label == "ORG"}
    assert norm.get("世贸组织") == "世界贸易组织"
    assert norm.get("东盟") == "东南亚国家联盟"
    assert {"二十国集团", "亚太经合组织", "金砖国家"} <= set(norm)


def test_titles_with_inner_quotes():
    got = labels("同阿拉伯国家联盟、中亚五国发表《中阿数据安全合作倡议》《“中国+中亚五国”数据安全合作倡议》")
    assert ("阿拉伯国家联盟", "ORG") in got
    assert ("中阿数据安全合作倡议", "WORK_OF_ART") in got
    assert ("“中国+中亚五国”数据安全合作倡议", "WORK_OF_ART") in got


def test_credit_lines_keep_names_apart():
    assert labels("本版责编：韩秉宸 张远南 李安琪 版式设计：张芳曼") == [
        ("韩秉宸", "PERSON"), ("张远南", "PERSON"), ("李安琪", "PERSON"), ("张芳曼", "PERSON")]
    got = labels("姚颖康摄（影像中国） 图②：7月21日，墨西哥留学生在位于新疆克拉玛依市的祝融航天科普基地沉浸式感受。 本报记者 张博岚摄")
    assert ("姚颖康", "PERSON") in got and ("张博岚", "PERSON") in got
    assert ("墨西哥", "GPE") in got and ("新疆", "GPE") in got and ("祝融航天科普基地", "FAC") in got
    assert any(t.startswith("克拉玛依") and lab == "GPE" for t, lab in got)


def test_role_before_chinese_name_and_cue_after():
    got = labels("“13项精品案例从多元角度，展示了各方对构建网络空间命运共同体理念的积极响应与深刻践行。”世界互联网大会秘书长任贤良说。")
    assert ("任贤良", "PERSON") in got


def test_junk_gives_nothing():
    for junk in ["", "   ", "……", "1234567", "。。。，，"]:
        assert find_entities(junk) == []


@needs_page
def test_shared_page_f1():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    preds = [(e.text, e.label) for p in approx_repaired_page() for e in find_entities(p)]
    score = score_gold_entities(gold, preds)
    assert score["micro"]["f1"] >= 0.90, (score["missed"], score["false_positives"])


@needs_pfr
def test_pfr_sample_beats_floor_and_offsets_hold():
    """First 60 articles of the 1998 dev split: spans index the text, and most gold names are found."""
    tp = fp = fn = 0
    for article in read_articles(PFR, limit_articles=60):
        for rec in article:
            for e in find_entities(rec["text"]):
                assert rec["text"][e.start:e.end] == e.text
            gold, pred = gold_spans(rec), ours(rec["text"])
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.85  # 0.894 when last measured


@needs_pfr
def test_pfr_paragraph_with_leaders_and_places():
    """A 1998 paragraph read at run time: the leaders after 国家主席 / in a list are persons."""
    for article in read_articles(PFR, limit_articles=3):
        for rec in article:
            if "国家主席江泽民" in rec["text"]:
                got = {(e.text, e.label) for e in find_entities(rec["text"])}
                assert ("江泽民", "PERSON") in got
                return
    pytest.skip("no 国家主席江泽民 paragraph in the first articles")


def test_surname_with_title_or_honorific_is_the_name():
    """1998 style: 任组长 / 韩教授 / 毛主席 give the surname as the person; 侯老 keeps 老."""
    assert ("任", "PERSON") in labels("记者到5楼找到负责人任组长。任组长问明来意后立即放下手")
    assert ("韩", "PERSON") in labels("韩教授的观点与著名学者孙")
    assert ("毛", "PERSON") in labels("瞻仰毛主席遗容是二老一生最大的心愿")


def test_surname_joined_to_given_name_token():
    """jieba cuts 李/红梅: the surname and the given name are one person (own article, heritage-shanxi)."""
    assert labels("高级工程师李红梅介绍") == [("李红梅", "PERSON")]


def test_plausible_given_name_without_context():
    got = labels("侯赛因国王首先对钱其琛的到访表示感谢")
    assert ("钱其琛", "PERSON") in got
    assert not any(lab == "PERSON" for _, lab in labels("加强古建筑保护"))  # 古 + 建筑 is no name


def test_cue_glued_to_reporter_name():
    assert ("吴振华", "PERSON") in labels("本报北京3月12日讯记者吴振华报道：国家统计局")
    assert ("刘军", "PERSON") in labels("本报太原4月9日电记者刘军报道：面对")


def test_transliterated_name_right_edge():
    assert ("约翰·施特劳斯", "PERSON") in labels("约翰·施特劳斯的传世名曲《维也纳森林的故事》")
    assert ("哈利德·卡杜尔", "PERSON") in labels("叙利亚人民议会议长哈利德·卡杜尔结束对越南的访问")
    assert ("颂萨·翁猜", "PERSON") in labels("泰国数字经济促进局局长颂萨·翁猜则认为，数字基础设施")


def test_towns_and_villages_by_suffix():
    got = labels("山西省孝义市柳林镇南柳村年轻农家妇女")
    assert ("柳林镇", "GPE") in got and ("南柳村", "GPE") in got


def test_teams_and_firms_by_head():
    assert ("中国队", "ORG") in labels("看台上的小球迷挥舞国旗为中国队加油")
    assert ("李宁公司", "ORG") in labels("李宁公司还在器材赞助、赛事宣传")
    assert not any(lab == "ORG" for _, lab in labels("中央政府将继续全力支持特区政府依法施政"))


def test_document_names_mark_bare_mentions():
    """A name vouched for once (方志敏 同志) marks its other mentions, where the paragraph alone gives no
    evidence, and its bare given name (志敏)."""
    doc = ["方志敏同志是伟大的无产阶级革命家。", "1956年秋，方志敏向无锡县委提出", "志敏的母亲早逝"]
    ents = [[(e.text, e.label) for e in es] for es in find_document_entities(doc)]
    assert ("方志敏", "PERSON") in ents[0] and ("方志敏", "PERSON") in ents[1]
    assert ("志敏", "PERSON") in ents[2]
    assert ("方志敏", "PERSON") not in labels(doc[1])  # the paragraph alone gives no evidence
    assert find_document_entities([]) == [] and find_document_entities(["", "  "]) == [[], []]


@needs_pfr
def test_pfr_articles_through_document_level_beat_paragraph_level():
    """The first 60 articles scored per article (as the pipeline runs) do at least as well as per paragraph."""
    def f1(pairs):
        tp = sum(len(g & p) for g, p in pairs)
        return 2 * tp / (2 * tp + sum(len(p - g) + len(g - p) for g, p in pairs))
    arts = list(read_articles(PFR, limit_articles=60))
    doc = [(gold_spans(r), p) for art in arts for r, p in zip(art, ours_article([r["text"] for r in art]), strict=True)]
    para = [(gold_spans(r), ours(r["text"])) for art in arts for r in art]
    assert f1(doc) >= f1(para) and f1(doc) >= 0.87  # 0.903 and 0.894 when last measured


# Rules of the second round, each on the sentence (from the project's own articles, repaired
# form, or a 1998 paragraph) that made it.


@pytest.mark.parametrize("text, word", [
    ("让古建筑在数字世界“活”起来", "古建筑"),
    ("培育高素质农民2万人以上。", "高素质"),
    ("在村口开农家乐的村民肖桂兰说。", "农家乐"),
    ("让农民钱袋子鼓起来", "钱袋子"),
    ("北京3月5日电（记者李晓明、韩雨桐）记者从农业农村部获悉：", "从农业农"),
    ("与人类有关的许多古老的秘密很可能埋在地下", "古老"),
    ("加快了山区小康建设的步伐。", "小康"),
    ("制企业有了三千“党代表”", "党"),
])
def test_dictionary_words_after_a_surname_are_not_names(text, word):
    assert (word, "PERSON") not in labels(text)


def test_person_with_surname_from_the_modern_list():
    assert ("肖桂兰", "PERSON") in labels("在村口开农家乐的村民肖桂兰说。")


def test_org_left_edge_never_crosses_a_sentence_or_a_verb():
    got = labels("“村里有产业，日子才有奔头。”桃源村村民委员会主任说")
    assert ("桃源村村民委员会", "ORG") in got
    got = labels("走进太原市的山西省古建筑数字保护中心，工作人员正在整理五台山佛光寺东大殿的数据")
    assert ("山西省古建筑数字保护中心", "ORG") in got
    assert ("五台山佛光寺东大殿", "FAC") in got


@pytest.mark.parametrize("text, name", [
    ("马来西亚数字经济发展局首席执行官法里德·阿兹曼说", "马来西亚数字经济发展局"),
    ("“印度尼西亚通信和信息部副部长苏珊蒂·哈迪约诺说", "印度尼西亚通信和信息部"),
    ("泰国数字经济促进局局长颂萨·翁猜表示", "泰国数字经济促进局"),
    ("农业农村部科技教育司有关负责人表示", "农业农村部科技教育司"),
    ("联合国亚洲及太平洋经济社会委员会副执行秘书安娜·科瓦尔斯卡说", "联合国亚洲及太平洋经济社会委员会"),
    ("中国国际经济交流中心副理事长韦建华说", "中国国际经济交流中心"),
    ("——记中国科学院遗传与发育生物学研究所耐盐碱水稻研究团队", "中国科学院遗传与发育生物学研究所"),
    ("“兴国县长冈乡富民蔬菜专业合作社的刘经理笑着说", "兴国县长冈乡富民蔬菜专业合作社"),
    ("婺源县茶叶协会会长程立新告诉记者", "婺源县茶叶协会"),
])
def test_agencies_with_a_country_province_or_body_before_them(text, name):
    assert (name, "ORG") in labels(text)


def test_conjunction_does_not_join_two_countries_or_two_bodies():
    assert ("中国和印度外交部", "ORG") not in labels("中国和印度外交部发表声明")
    got = labels("华盛顿召开了世界银行和国际货币基金组织理事会会议")
    assert not any("和" in t for t, lab in got if lab == "ORG")


def test_center_by_what_it_does_or_what_it_is():
    assert ("中国国际经济交流中心", "ORG") in labels("中国国际经济交流中心副理事长韦建华说")
    assert ("广西南宁国际会展中心", "FAC") in labels("论坛在广西南宁国际会展中心开幕。")


def test_names_joined_by_a_dash():
    assert ("中国—东盟数字人才培养对接会", "EVENT") in labels("还举办了中国—东盟数字人才培养对接会和成果展")
    assert ("2024中国—东盟数字经济合作论坛", "EVENT") in labels("2024中国—东盟数字经济合作论坛在广西南宁开幕")
    assert ("中国—意大利文化遗产保护论坛", "EVENT") in labels("在不久前举行的中国—意大利文化遗产保护论坛上，这一做法")


def test_heritage_sites_and_landforms():
    got = labels("观众足不出户就能“走进”应县木塔、晋祠圣母殿等名胜")
    assert ("应县木塔", "FAC") in got and ("晋祠圣母殿", "FAC") in got
    assert ("南禅寺", "FAC") in labels("文物保护员张德福已守护南禅寺26年。")
    assert ("清真寺", "FAC") not in labels("开罗最大的清真寺叫伊本清真寺。")
    assert ("黄河三角洲", "LOC") in labels("5月的黄河三角洲，微风拂过")
    assert ("黄河口", "LOC") in labels("陈立群来到黄河口，第一次见到大片盐碱地")
    assert ("赣南", "LOC") in labels("早春时节，赣南大地处处生机勃勃")


def test_place_with_its_unit_written_after_it():
    got = labels("在吉安市遂川县高坪镇桃源村，昔日的贫困村")
    assert ("高坪镇", "GPE") in got and ("高坪", "GPE") not in got


def test_name_lists_separated_by_dunhao():
    got = labels("国务委员张万年、罗干、姜春云等出席")
    assert [t for t, lab in got if lab == "PERSON"] == ["张万年", "罗干", "姜春云"]
    assert not [t for t, lab in labels("建设富强、民主、文明的社会主义现代化国家") if lab == "PERSON"]


def test_foreign_names_without_a_dot_next_to_a_title_or_cue():
    assert ("克林顿", "PERSON") in labels("认真做好克林顿总统访问上海的各项准备")
    assert ("内塔尼亚胡", "PERSON") in labels("与阿拉法特总统、内塔尼亚胡总理举行会谈")
    assert not [t for t, lab in labels("克罗地亚总统访华") if lab == "PERSON"]


def test_ministry_before_a_title_and_named_banks():
    assert ("地质部", "ORG") in labels("他是卓越的领导人，原地质部副部长、党组书记")
    assert ("英格兰银行", "ORG") in labels("经过初步调查，英格兰银行认为问题严重")
    assert ("人民政府", "ORG") not in labels("人民政府为人民")


def test_press_country_names():
    got = labels("他认为，印尼经济在新的一年里会好转；前苏联流通的卢布")
    assert ("印尼", "GPE") in got
    assert any(t.endswith("苏联") and lab == "GPE" for t, lab in got)


def test_missions_teams_and_party_committees():
    assert ("中华人民共和国驻南非共和国大使馆", "ORG") in labels("中华人民共和国驻南非共和国大使馆举行国庆招待会")
    assert ("四川蓝剑队", "ORG") in labels("以85∶92负于四川蓝剑队后，只能继续留在")
    assert ("忻州地委", "ORG") in labels("在忻州地委、行署的支持下")
    got = labels("贵阳1月3日电贵阳市委、市政府通过多种形式")
    assert ("贵阳市委", "ORG") in got and not any(t.startswith("日电") for t, _ in got)


def test_name_mentioned_after_a_glued_preposition():
    got = find_document_entities(["南非外交部部长恩佐出席。", "他说，他刚刚同恩佐分别代表本国政府签署了协议。"])
    assert [e.text for e in got[1]] == ["恩佐"]


def test_name_before_a_brand_word_is_not_a_person():
    assert not [t for t, lab in labels("1995年又一家李宁牌专卖店在上海开张") if lab == "PERSON"]
    assert ("李鹏", "PERSON") in labels("国务院总理李鹏号召全国人民")  # 号召 is a word, not 号


def test_hong_kong_name_with_a_husbands_surname():
    got = find_document_entities(["，政务司司长陈方安生担任筹备委员会主席", "唐家璇会见陈方安生"])
    assert [e.text for e in got[0] if e.label == "PERSON"] == ["陈方安生"]
    assert [e.text for e in got[1]] == ["唐家璇", "陈方安生"]


def test_authorities_and_a_leaders_government():
    assert labels("我们敦促台湾当局顺应民意") == [("台湾", "GPE")]
    assert ("克林顿", "PERSON") in labels("克林顿政府表示") and ("克林顿政府", "ORG") not in labels("克林顿政府表示")
    assert ("中国政府", "ORG") in labels("中国政府表示")


def test_bare_surname_before_a_title_or_a_form_of_address():
    assert ("刘", "PERSON") in labels("到税务局找办公室刘副主任询问情况")
    assert ("郭", "PERSON") in labels("并不分管此事的郭副科长连忙起身热情接待")
    assert ("董", "PERSON") in labels("来到敬老院帮助90多岁的董奶奶包汤圆。")
    assert not [t for t, lab in labels("会谈取得积极成果乌外长：两国合作前景广阔") if lab == "PERSON"]  # a country's abbreviation


def test_surname_alone_after_the_full_name_in_the_document():
    got = find_document_entities(["其兄孙德明称孙外出。孙的车内及院里放着", "李子熟了"])
    assert [e.text for e in got[0]] == ["孙德明", "孙", "孙"] and got[1] == []


def test_prefecture_written_with_diqu_and_dot_name_before_a_companion_word():
    assert ("沧州地区", "GPE") in labels("短短三年，河北省沧州地区“巾帼建功活动”")
    assert ("卡尔·贝尔纳", "PERSON") in labels("国际移民研究所所长卡尔·贝尔纳今天在记者会上表示")
    assert ("马克·范德堡", "PERSON") in labels("会见了比利时经济大臣马克·范德堡一行。")


def test_frequent_dictionary_names_in_a_list_of_leaders():
    names = [t for t, lab in labels("党和国家领导人江泽民、李鹏、乔石、朱镕基、李瑞环出席") if lab == "PERSON"]
    assert names == ["江泽民", "李鹏", "乔石", "朱镕基", "李瑞环"]
    assert [t for t, lab in labels("毛泽东、周恩来、朱德、邓小平等老一辈") if lab == "PERSON"] == ["毛泽东", "周恩来", "朱德", "邓小平"]


def test_institutions_that_jiebas_dictionary_lists_by_name():
    assert ("清华大学", "ORG") in labels("清华大学教授")
    assert ("人民出版社", "ORG") in labels("该书已由人民出版社出版发行")
    assert ("人民政府", "ORG") not in labels("人民政府为人民")  # a kind of body, not a name


def test_rare_transliteration_vouched_for_by_a_title_marks_later_mentions():
    got = find_document_entities(["以色列外长利维5日抵达开罗", "随后，利维又在议会发表讲话"])
    assert [e.text for e in got[1]] == ["利维"]


def test_two_character_transliteration_cut_before_a_title():
    assert [t for t, lab in labels("居功至伟的科雷先生，受到中国人民的尊敬") if lab == "PERSON"] == ["科雷"]
    assert ("李", "PERSON") in labels("的李先生说")


# Rules of the third round (session 3), each on a sentence written here in the style of the page.


def labels_doc(texts):
    return [{(e.text, e.label) for e in es} for es in find_document_entities(texts)]


def test_names_inside_titles_and_events_are_reported_beside_them():
    got = set(labels("他读了《邓小平文选》第三卷，又参观了首届中国农业博览会。"))
    assert {("邓小平文选", "WORK_OF_ART"), ("邓小平", "PERSON"), ("中国农业博览会", "EVENT"), ("中国", "GPE")} <= got
    assert ("第二届国家公园", "FAC") not in labels("第二届国家公园论坛在西宁举行。")


def test_place_of_a_dateline_even_when_the_gazetteer_lacks_it():
    assert ("蒙巴萨", "GPE") in labels("本报蒙巴萨3月5日电 记者报道：")
    assert ("悉尼", "GPE") in labels("本报澳大利亚悉尼3月7日电")


def test_nationality_with_its_country_beside_it():
    got = set(labels("不少美国人和日本人也赶来参观，中国人民热情接待。"))
    assert {("美国人", "NORP"), ("美国", "GPE"), ("日本人", "NORP")} <= got
    assert not any(lab == "NORP" for _, lab in got if _ == "中国人")


def test_byline_of_names_run_together_is_split():
    assert {("王建华", "PERSON"), ("刘洋", "PERSON")} <= set(labels("两地的情谊。（王建华刘洋）"))
    assert {("周建国", "PERSON"), ("李红梅", "PERSON")} <= set(labels("获奖名单。（周建国李红梅）"))
    assert ("王涛", "PERSON") in labels("孩子们在课堂上。（王涛摄）")
    assert not any(lab == "PERSON" for _, lab in labels("护好青山！（浙江安吉县张丽华）") if _.startswith("江西"))


def test_rare_word_after_a_title_is_the_persons_name():
    assert ("次仁多吉", "PERSON") in labels("自治区政府副主席次仁多吉今天在拉萨接受记者采访。")
    assert not any(lab == "PERSON" for _, lab in labels("江泽民总书记今天下午在人民大会堂会见外宾。") if _ == "今天下午")


def test_one_character_first_part_of_a_dot_name_after_a_title():
    assert ("阮·明", "PERSON") in labels("越南总理阮·明1日晚发表电视讲话。")
    assert {("约翰·肯尼迪", "PERSON"), ("杰奎琳·肯尼迪", "PERSON")} <= set(labels("美国前总统约翰·肯尼迪的夫人杰奎琳·肯尼迪出席了仪式。"))


def test_kinds_of_place_are_not_places():
    got = set(labels("全国一些大中城市和沿海地区的农民新村"))
    assert not any(lab in ("GPE", "LOC") for _, lab in got)
    assert ("大连港", "LOC") in labels("大连港去年吞吐量创新高。")


def test_a_places_body_by_a_short_word_and_generic_trades_are_no_names():
    assert ("青海省科委", "ORG") in labels("青海省科委副主任介绍了情况。")
    assert not any(lab == "ORG" for _, lab in labels("不少体育中介公司开始承接赛事"))
    assert not any(lab == "ORG" for _, lab in labels("为人民军队的建设作出贡献"))


def test_a_division_after_a_whole_body_starts_the_next_name():
    got = set(labels("获奖单位：湖南省话剧院江西省科委"))
    assert {("湖南省话剧院", "ORG"), ("江西省科委", "ORG")} <= got
    assert ("中国人民银行湖北宜昌市分行", "ORG") in labels("（中国人民银行湖北宜昌市分行王建）")


def test_verbs_and_time_words_end_an_organizations_left_edge():
    assert ("国家技术监督局", "ORG") in labels("国家技术监督局日前组织检查。")
    assert not any(_.endswith("办事处") and len(_) > 5 for _, lab in labels("准备在广州设立办事处") if lab == "ORG")


def test_facilities_jieba_keeps_whole_and_places_without_former_or_around():
    assert ("人民大会堂", "FAC") in labels("李鹏今天下午在人民大会堂会见外宾。")
    assert ("苏联", "GPE") in labels("同前苏联和东欧国家一样")
    assert ("渤海", "LOC") in labels("环渤海区域经济发展研讨会")


def test_author_line_alone_is_a_person():
    assert labels_doc(["春天的故事", "刘心武", "正文从这里开始。"])[1] == {("刘心武", "PERSON")}


def test_county_short_names_that_are_ordinary_words_need_a_place_context():
    assert not any(lab == "GPE" for _, lab in labels("一幢幢新建的楼房拔地而起，坚持平原游击战争。"))
    assert ("新建", "GPE") in labels("记者来到南昌新建，走访农户。")  # after the city: its district
    assert ("昌平", "GPE") in labels("部队驻北京昌平某营区")


def test_ordinary_words_jieba_tags_as_names():
    """温馨/nr and 和睦/nr are words the dictionary defines, so jieba's tag alone makes no person; a title still does."""
    assert labels("社会向和睦与和解迈出步伐。") == []
    assert ("温馨", "PERSON") not in labels("这里的气氛十分温馨，大家都很满意。")
    assert ("温馨", "PERSON") in labels("局长温馨说，今年很好。")


def test_demonym_names_its_country_and_word_like_district_needs_context():
    assert ("法国", "GPE") in labels("很多法国人认为这样不对。")
    assert ("城区", "GPE") not in labels("加强城区道路管理。")
    assert ("海淀区", "GPE") in labels("北京市海淀区的学校")


def test_role_noun_before_a_name_is_person_context():
    """业主, 订户: nouns for people that no title list holds introduce a name like a title does."""
    assert ("刘全顺", "PERSON") in labels("接着，检查组来到业主刘全顺的门店。")
    assert ("李森林", "PERSON") in labels("老订户李森林打来电话。")


def test_place_after_former_glued_by_jieba():
    """原苏联/ns is one token: the place is found one character in."""
    assert ("苏联", "GPE") in labels("他欠原苏联的债务。")


def test_city_people_jieba_keeps_whole():
    """天津人/nr: the city's people name the city, as 北京/人 does."""
    assert ("天津", "GPE") in labels("爱读报刊的天津人真是福气。")


def test_short_name_defined_in_brackets_spreads_over_the_document():
    got = find_document_entities(["国际商业信贷银行（以下简称国商银行）宣布倒闭。", "后来，国商银行的业务被关闭。"])
    assert [(e.text, e.label, e.normalized) for e in got[1]] == [("国商银行", "ORG", "国际商业信贷银行")]


@pytest.mark.parametrize("text, name", [
    ("记者从石油工业部获悉，新油田已投产。", "石油工业部"),
    ("新闻出版署日前发出通知。", "新闻出版署"),
])
def test_a_ministry_jieba_lists_whole_by_its_one_character_head(text, name):
    """bodies.listed_body: a body of five characters or more that jieba's dictionary lists as ``nt``
    and that ends in a one-character head (部, 署) is a name however common its words."""
    assert (name, "ORG") in labels(text)


@pytest.mark.parametrize("text, names", [
    ("左权县桐峪镇坪头村的果园", ["左权县", "桐峪镇", "坪头村"]),
    ("汾阳市前堡村的养殖户", ["汾阳市", "前堡村"]),
])
def test_a_settlement_after_its_division_is_read_whole(text, names):
    """settlements: a town and village named after their county outweigh a county's short name read
    across them (镇坪, a county in Shaanxi, in 桐峪镇|坪头村), and a stem jieba cut into frequent single
    characters (前/f 堡) is still a stem."""
    assert [e.text for e in find_entities(text) if e.label == "GPE"] == names


def test_a_town_jieba_lists_whole_is_a_place_without_its_county():
    """settlements.listed_settlements: 厚街镇/n and 前童镇/n are towns though jieba lists them as common
    nouns and no county stands before them; 示范村 and 异国他乡 are no places."""
    assert labels("厚街镇的工厂今年扩建，前童镇的古建筑也已修缮。") == [("厚街镇", "GPE"), ("前童镇", "GPE")]
    assert not [e for e in find_entities("建设示范村的人们生活在异国他乡") if e.label == "GPE"]


def test_a_person_named_by_the_surname_and_xing():
    """surname_mentions: 一名王姓男子 and 姓张的 name a person by the surname alone; 王姓人口 names nobody."""
    assert labels("警方拘留了一名王姓男子，这名姓张的司机作了证。") == [("王", "PERSON"), ("张", "PERSON")]
    assert labels("王姓人口最多。") == []


def test_a_name_whose_last_character_jieba_glued_to_the_verb():
    """glued_names: 丁贵|明说/v after a title and before a comma is the name 丁贵明 and the verb 说;
    an adverb before 说 (再说) stays out.  japanese: the verb after a Japanese name is no part of it."""
    assert ("丁贵明", "PERSON") in labels("石油管理局局长丁贵明说，今年产量增加。")
    assert ("王林", "PERSON") in labels("局长王林再说，产量增加。")
    assert not [e for e in find_entities("世界卫生组织总干事中岛宏说，疫情已控制。") if e.text.endswith("说")]


@pytest.mark.parametrize("text, name", [
    ("村民张秀英家里养了二十头猪。", "张秀英"),
    ("副省长张文山出席了会议。", "张文山"),
    ("工人陈东川说：“今年好。”", "陈东川"),
])
def test_a_given_name_that_is_a_county_short_name(text, name):
    """given_places: after a title or a noun for a person, a surname and a county's short name
    (秀英, 文山, 东川) are a person, and no place is reported inside."""
    assert labels(text) == [(name, "PERSON")]


def test_a_ministers_title_jieba_cut_after_the_ministry():
    """minister_titles: 美国财政部/nt 长/a is the country and the minister's title, not the ministry;
    the ministry by itself stays a body."""
    assert labels("美国财政部长鲁宾说，美元将保持坚挺。") == [("美国", "GPE"), ("鲁宾", "PERSON")]
    assert ("美国财政部", "ORG") in labels("美国财政部发表声明。")


def test_a_given_name_jieba_reads_as_an_unlisted_place():
    """persons.chinese_names: a surname jieba tags nr and a given name it tags ns that no gazetteer
    lists (李/nr 桂兰/ns) are one name, context or not."""
    assert labels("今年58岁的李桂兰是村里的致富能手。") == [("李桂兰", "PERSON")]
    assert labels("提起王德顺，村里人都竖起大拇指。") == [("王德顺", "PERSON")]


def test_a_person_called_familiarly_by_the_surname():
    """surname_mentions.familiar_names: 老张 and 小刘 before a reporting verb are persons, however
    jieba cut them; 老师 and 老总 are words."""
    assert labels("老张说，这几年日子越过越好。") == [("老张", "PERSON")]
    assert ("小刘", "PERSON") in labels("小刘告诉记者，活儿不累。")
    assert labels("老师说，考试推迟。") == []


def test_a_leader_is_a_title_before_a_foreign_name():
    """gaz_titles.tsv: 领袖 and 领导人 stand before a name as a title does, with no reporting verb after."""
    assert ("布莱尔", "PERSON") in labels("英国工党领袖布莱尔赢得大选。")
    assert ("瓦杰帕伊", "PERSON") in labels("印度人民党领导人瓦杰帕伊。")


def test_a_court_with_its_grade_after_its_city():
    """organizations.head_names: a grade right before the head (中级/b 人民法院/nt) is part of the name."""
    assert labels("邯郸市中级人民法院日前作出判决。") == [("邯郸市中级人民法院", "ORG")]


def test_a_titled_persons_act_is_no_part_of_a_body():
    """organizations.head_names: a verb after a titled person (参议员|多尔|批评|政府) ends a body's name
    there; a body named after a person keeps its verb (秀兰|联合|医院)."""
    assert labels("美国共和党参议员多尔批评政府。") == [("美国共和党", "ORG"), ("多尔", "PERSON")]
    assert labels("他专程到秀兰联合医院求治。") == [("秀兰联合医院", "ORG")]


@pytest.mark.parametrize("text, names", [
    ("会议决定，林德昌任副市长，周永福任秘书长。", ["林德昌", "周永福"]),
    ("经研究，由郑培根担任总经理。", ["郑培根"]),
])
def test_a_name_before_a_post_it_takes(text, names):
    """person_cues.named_to_post: 任, 担任, 出任 and a title after a name vouch for a person, also
    for a surname that is a common word (林) and a given name that is a county's (德昌, 永福)."""
    assert labels(text) == [(name, "PERSON") for name in names]


def test_a_given_name_that_is_an_everyday_word_in_a_list_of_persons():
    """name_lists.word_named_item: 陈|建军 after 记者刘亮明、 is a person (the list's first item is one);
    a list of everyday words is no list of names."""
    assert labels("本报记者刘亮明、陈建军报道") == [("刘亮明", "PERSON"), ("陈建军", "PERSON")]
    assert labels("提高素质、建军节、国庆节") == []
