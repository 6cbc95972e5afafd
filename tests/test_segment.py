"""One segmentation: the compiled engine gives jieba.posseg's words and tags, exactly."""

from __future__ import annotations

import re
import shutil

import pytest

from pipeline import segment as sg
from pipeline.evaluate.pfr import dev_path, read_paragraphs
from pipeline.repair.width import fold_width


def _tagged(engine, text: str) -> list[tuple[str, str]]:
    out = []
    for start, end, tag in sg._pieces(text):
        out += engine.cut(text[start:end]) if tag is None else [(text[start:end], tag)]
    return out


@pytest.fixture(scope="module")
def engines():
    pytest.importorskip("rjieba", reason="the compiled engine is not installed; pure jieba is in use")
    return sg._PurePython(), sg._Compiled()


def test_identical_words_and_tags_on_every_1998_paragraph(engines):
    """Every paragraph of the ten 1998 days, width-folded as the pipeline sees it, and the first 300 as printed
    (full-width digits): the same (word, tag) list from pure jieba.posseg and from rjieba + the numpy HMM."""
    if not dev_path().is_file():
        pytest.skip(f"{dev_path()} is not there (../shared or $PIPELINE_SHARED)")
    pure, compiled = engines
    records = list(read_paragraphs(dev_path()))
    texts = [fold_width(r["text"]) for r in records] + [r["text"] for r in records[:300]]
    differing = [t for t in texts if _tagged(pure, t) != _tagged(compiled, t)]
    assert differing == [], f"{len(differing)} of {len(texts)} paragraphs differ, first: {differing[0][:60]}"


def test_jieba_rs_ships_jiebas_dictionary(engines):
    """The compiled engine and the repair's junction test start from jieba-rs's bundled dictionary instead
    of adding jieba's dict.txt word by word: every listed word is there, and jieba.cut and jieba-rs cut
    every 12-character window of the 1998 paragraphs alike, with and without the HMM (so the frequencies
    and the total agree too)."""
    if not dev_path().is_file():
        pytest.skip(f"{dev_path()} is not there (../shared or $PIPELINE_SHARED)")
    import jieba
    import rjieba

    from pipeline.lexicon import jieba_dictionary

    bundled = rjieba.Jieba()
    assert [w for w in jieba_dictionary() if not bundled.has_word(w)] == []
    windows = [t[i : i + 12] for r in read_paragraphs(dev_path()) for t in [fold_width(r["text"])] for i in range(0, len(t), 12)]
    differing = [(w, hmm) for w in windows for hmm in (False, True)
                 if (not hmm or not re.search("[A-Za-z0-9]", w)) and list(jieba.cut(w, HMM=hmm)) != bundled.cut(w, hmm)]
    assert differing == [], f"{len(differing)} of {2 * len(windows)} cuts differ, first: {differing[0]}"


def test_the_junction_cut_is_jiebas_own_without_its_tables():
    """:mod:`pipeline.repair.jieba_cut` cuts every 12-character window of the 1998 paragraphs (as printed and
    width-folded: ASCII digits and letters, where jieba-rs differs) as ``jieba.cut`` does with its HMM, through
    the same DAG and the same route probabilities, to the last bit."""
    if not dev_path().is_file():
        pytest.skip(f"{dev_path()} is not there (../shared or $PIPELINE_SHARED)")
    import jieba

    from pipeline.lexicon import jieba_total
    from pipeline.repair import jieba_cut

    texts = [t for r in read_paragraphs(dev_path()) for t in {r["text"], fold_width(r["text"])}]
    windows = [t[i : i + 12] for t in texts for i in range(0, len(t), 12)]
    jieba.dt.check_initialized()
    assert jieba_total() == jieba.dt.total
    assert [w for w in windows if jieba_cut.cut(w) != list(jieba.cut(w))] == []

    def jiebas_route(text: str) -> list[tuple[float, int]]:
        dag, route = jieba.dt.get_DAG(text), {}
        jieba.dt.calc(text, dag, route)
        return [route[k] for k in range(len(text) + 1)]

    assert [w for w in windows[::7] if jieba_cut.route(w) != jiebas_route(w)] == []


@pytest.mark.parametrize("text", [
    "荷花坪中天建筑开发公司推出《学人文库》",  # listed words the user words re-weigh (jieba-rs totals differ)
    "灭人之国者必先去其史",
    "陈方说：“A股和B股1.3nm，#话题&讨论_2024.”",
    "  空格\r\n换行\t制表 ",
    "",
])
def test_identical_on_edge_cases(engines, text):
    pure, compiled = engines
    assert _tagged(pure, text) == _tagged(compiled, text)


def test_offsets_cover_the_text():
    text = "新华社北京1月5日电 王小明说，GDP增长7.5%。"
    tokens = sg.segment(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.start for t in tokens[1:]] == [t.end for t in tokens[:-1]]


@pytest.fixture(scope="module", params=["jit", "ahead of time"])
def kernel(request, tmp_path_factory):
    """posseg_hmm's kernel as numba compiles it when used, and as built ahead of time (pipeline.posseg_aot)."""
    from pipeline import posseg_aot, posseg_hmm

    numba = pytest.importorskip("numba", reason="no numba: the kernel runs as plain Python")
    if request.param == "jit":
        return numba.njit(cache=True)(posseg_hmm.viterbi_steps)
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler to build the kernel ahead of time")
    folder = tmp_path_factory.mktemp("kernel")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PIPELINE_CACHE_DIR", str(folder))
        posseg_aot.build(posseg_hmm.viterbi_steps)
        compiled = posseg_aot.load(posseg_hmm.viterbi_steps)
    assert compiled is not None
    return compiled


def test_the_compiled_hmm_gives_posseg_paths_on_every_unknown_run_of_1998(engines, kernel, monkeypatch):
    """Every run of single characters the dictionary route leaves in the 1998 paragraphs (where posseg's
    HMM decides), and a few hundred random runs: the same state path as jieba.posseg's own Viterbi, from
    either compiled kernel."""
    import random

    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    from pipeline import posseg_hmm

    if not dev_path().is_file():
        pytest.skip(f"{dev_path()} is not there (../shared or $PIPELINE_SHARED)")
    route = engines[1]._route
    runs: set[str] = set()
    for record in read_paragraphs(dev_path()):
        run = ""
        for word in route.cut(fold_width(record["text"]), hmm=False) + [""]:
            if len(word) == 1 and "\u4e00" <= word <= "\u9fd5":
                run += word
                continue
            if len(run) > 1:
                runs.add(run)
            run = ""
    rng = random.Random(0)
    chars = sorted(char_state_tab_P)
    runs |= {"".join(rng.choice(chars) for _ in range(rng.randint(1, 8))) for _ in range(300)}
    expected = {r: viterbi(r, char_state_tab_P, start_P, trans_P, emit_P)[1] for r in runs}
    monkeypatch.setattr(posseg_hmm, "_kernel", lambda: kernel)
    differing = [r for r in runs if posseg_hmm.viterbi(r) != expected[r]]
    assert len(runs) > 5000 and differing == [], differing[:5]
