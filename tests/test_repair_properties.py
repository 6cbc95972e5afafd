"""Damage, then repair, gives back the original: properties on real 1998 paragraphs.

The paragraphs come from the first articles of the People's Daily 1998 dev file
(``../shared/pfr1998``); each damage kind of :mod:`pipeline.evaluate.damage` is
tried on its own, at a rate high enough that nearly every example is damaged.
Kinds the repair does not yet handle in full are marked ``xfail(strict=True)``
with the failing case, so the mark must go when the repair is fixed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.evaluate.damage import (
    ALL_KINDS,
    COLUMN_BREAK,
    DEFAULT_KINDS,
    damage,
    is_body,
    looks_like_caption,
)
from pipeline.evaluate.pfr import dev_path, read_paragraphs
from pipeline.evaluate.repair_metrics import article_texts
from pipeline.repair.width import fold_width

ARTICLES = 120
PATH = dev_path()
if not PATH.exists():
    pytest.skip(f"1998 corpus not found at {PATH} (set PIPELINE_SHARED)", allow_module_level=True)

PROPERTY = settings(
    derandomize=True,
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


NAME_DASH = re.compile(r"(?<=[\u4e00-\u9fff])—(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def articles() -> list[tuple[str, str]]:
    return list(article_texts(PATH, ARTICLES))


def paragraphs() -> list[str]:
    return [p for _, text in articles() for p in text.split("\n\n")]


def _repaired(raw: str) -> str:
    from pipeline.repair import repair

    return repair(raw).text


def _name_dash_paragraphs() -> list[str]:
    """Paragraphs whose every dash between Han characters joins two gold names (LOC/ORG)."""
    found = []
    for record in read_paragraphs(PATH):
        dashes = [m.start() for m in NAME_DASH.finditer(record["text"])]
        names = [(s, e) for s, e, label, _ in record["spans"] if label in ("LOC", "ORG")]
        if dashes and all(any(e == i for _, e in names) and any(s == i + 1 for s, _ in names) for i in dashes):
            found.append(record["text"])
    return found


# --- the simulator ---


def test_same_seed_same_damage():
    text = articles()[0][1]
    assert damage(text, seed=7) == damage(text, seed=7)
    assert damage(text, seed="0:19980101-01-001") == damage(text, seed="0:19980101-01-001")


def test_different_seeds_different_damage():
    text = articles()[0][1]
    assert damage(text, seed=1).text != damage(text, seed=2).text


def test_reference_is_the_width_folded_clean_text():
    text = articles()[0][1]
    assert damage(text, seed=3).reference == fold_width(text)
    assert "１９９８" in text and "1998" in damage(text, seed=3).reference


def test_default_damage_touches_every_article_kind_on_the_sample():
    sites = {}
    for article_id, text in articles():
        for kind, n in damage(text, seed=f"0:{article_id}").counts.items():
            sites[kind] = sites.get(kind, 0) + n
    assert set(sites) == set(DEFAULT_KINDS)


@given(paragraph=st.sampled_from(paragraphs()), seed=st.integers(0, 10**6))
@PROPERTY
def test_spaces_are_the_only_thing_spacing_adds(paragraph, seed):
    d = damage(paragraph, seed, kinds=("spaces_in_chinese", "spaced_heading"), rates={"spaces_in_chinese": 0.2})
    assert d.text.replace(" ", "") == d.reference


@given(article=st.sampled_from([t for _, t in articles()]), seed=st.integers(0, 10**6))
@PROPERTY
def test_a_column_break_only_adds_blank_lines(article, seed):
    d = damage(article, seed, kinds=("column_break",), rates={"column_break": 0.5})
    assert d.text.replace(COLUMN_BREAK, "") == d.reference


def test_a_displaced_tail_moves_behind_the_caption_and_glues_the_next_paragraph():
    first = "今年全国粮食总产量再创历史新高，农民收入继续增加，农村面貌发生新变化。"
    second = "专家认为，明年农业生产的形势依然很好，但是要防止出现新的卖粮难问题。"
    caption = "农民在田间劳作。（新华社记者王建明摄）"
    assert is_body(first) and is_body(second) and looks_like_caption(caption)
    d = damage("\n\n".join([first, second, caption]), seed=0, kinds=("displaced_tail",), rates={"displaced_tail": 1.0})
    assert d.counts == {"displaced_tail": 1}
    glued, moved = d.text.split(COLUMN_BREAK)
    head = glued.split(" ")[0]
    assert glued == f"{head} {second}\n\n{caption}"
    assert head + moved == first and 0 < len(head) < len(first)


# --- damage, then repair, gives back the original ---

PARAGRAPH_CASES = {
    "spaces_in_chinese": {"spaces_in_chinese": 0.2},
    "spaced_heading": {"spaced_heading": 1.0},
    "full_width": {"full_width": 1.0},
    "half_width_punctuation": {"half_width_punctuation": 1.0},
    "straight_quotes": {"straight_quotes": 1.0},
}


@pytest.mark.parametrize("kind", list(PARAGRAPH_CASES))
@given(paragraph=st.sampled_from(paragraphs()), seed=st.integers(0, 10**6))
@PROPERTY
def test_paragraph_damage_is_repaired(kind, paragraph, seed):
    d = damage(paragraph, seed, kinds=(kind,), rates=PARAGRAPH_CASES[kind])
    assert _repaired(d.text) == d.reference


@pytest.mark.xfail(strict=True, reason="五羊一本田, 格鲁吉亚一阿布哈兹 keep the misread 一")
@given(paragraph=st.sampled_from(_name_dash_paragraphs()))
@PROPERTY
def test_dash_between_gold_names_is_repaired(paragraph):
    d = damage(paragraph, 0, kinds=("dash_as_yi",))
    assert d.counts and _repaired(d.text) == d.reference


@pytest.mark.xfail(
    strict=True,
    reason="a short head before a column break is taken for a heading and not joined "
    "('前文结束。\\n\\n中国和巴西签署科技合作协\\n\\n\\n\\n议，是两国合作的新起点。')",
)
@given(article=st.sampled_from([t for _, t in articles()]), seed=st.integers(0, 10**6))
@PROPERTY
def test_column_break_is_joined(article, seed):
    d = damage(article, seed, kinds=("column_break",), rates={"column_break": 0.5})
    assert _repaired(d.text) == _repaired(d.reference)


#: damage the simulator produced on 1998 text, cut down to a minimal raw string, that
#: repair now undoes: (raw, expected repaired text)
REPAIRED_EXAMPLES = {
    "short head before a column break is not a heading": (
        "前文结束。\n\n中国和巴西签署科技合作协\n\n\n\n议，是两国合作的新起点。",
        "前文结束。\n\n中国和巴西签署科技合作协议，是两国合作的新起点。",
    ),
    "lone half-width paren whose mate is full-width": (
        "日电（记者孟庆林)中共中央政治局委员。",
        "日电（记者孟庆林）中共中央政治局委员。",
    ),
    "paragraph ending in an unconverted paren is complete": (
        "新气象。（王立群摄)\n\n3、稻谷满仓笑开颜。",
        "新气象。（王立群摄）\n\n3、稻谷满仓笑开颜。",
    ),
    "parens around Latin and Chinese punctuation only": ("(A、B)\n\n李鹏说。", "（A、B）\n\n李鹏说。"),
    "year apostrophe is a closing quote": ("欣赏了'98春季民乐演奏会。", "欣赏了’98春季民乐演奏会。"),
    "dash between a country and a transliterated region": ("对塞尔维亚一科索沃冲突", "对塞尔维亚—科索沃冲突"),
}
LEAD_IN = (
    "走进她们的工作间，看到她们手中所编织的图案，所描绘的山水，所寄托的心愿，不妨略举几例———"
    "\n\n有记录山村教师的平凡日子，讲述“一支粉笔的故事”；"
)
#: clean 1998 text that repair once changed (harm) and must leave alone: (raw, expected)
UNHARMED_EXAMPLES = {
    "paragraph ending in a lead-in dash is complete": (LEAD_IN, LEAD_IN),
    "a real 一 (一地方法院) after a place name": (
        "美国纽约一地方法院日前裁定这种做法违法。",
        "美国纽约一地方法院日前裁定这种做法违法。",
    ),
    "rows of a table of figures": ("６８２０４１５９\n\n４１６３．２０８", "68204159\n\n4163.208"),
    "a sign-off after a dash": ("欢迎读者来信。———编者\n\n（图为原载《城乡漫画》）", "欢迎读者来信。———编者\n\n（图为原载《城乡漫画》）"),
}


@pytest.mark.parametrize(
    "raw, expected",
    [pytest.param(*case, id=name) for name, case in {**REPAIRED_EXAMPLES, **UNHARMED_EXAMPLES}.items()],
)
def test_repaired_examples(raw, expected):
    assert _repaired(raw) == expected


#: damage repair does not yet undo: (raw, expected repaired text)
KNOWN_FAILURES = {
    "displaced tail cut at a word boundary": (
        "这些企业只负责 此外，新材料对工艺的要求很高，而这恰是我国工程人员的长处。"
        "\n\n（新华社记者王建明摄）\n\n\n\n设计产品，开展技术合作。",
        "这些企业只负责设计产品，开展技术合作。\n\n此外，新材料对工艺的要求很高，"
        "而这恰是我国工程人员的长处。\n\n（新华社记者王建明摄）",
    ),
}


@pytest.mark.parametrize("raw, expected", [pytest.param(*case, id=name) for name, case in KNOWN_FAILURES.items()])
@pytest.mark.xfail(strict=True, reason="known repair bug; move the case to REPAIRED_EXAMPLES once fixed")
def test_known_repair_bugs(raw, expected):
    assert _repaired(raw) == expected


def test_all_kinds_are_named_functions():
    import pipeline.evaluate.damage as module

    assert all(callable(getattr(module, kind)) for kind in ALL_KINDS)
