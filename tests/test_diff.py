"""`pipeline diff`: rows matched on what they say, moved rows apart from changed ones, diff's exit codes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.diff import diff_document, diff_folders
from pipeline.output import TABLES

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
COLUMNS = ["doc_id", "para_no", "start", "end", "text", "label", "normalized"]


def entity(para: int, start: int, text: str, label: str = "GPE", normalized: str = "") -> dict[str, str]:
    return dict(zip(COLUMNS, ["d", str(para), str(start), str(start + len(text)), text, label, normalized or text]))


def kinds(old: list[dict], new: list[dict]) -> dict[str, int]:
    return {kind: len(rows) for kind, rows in diff_document("entities", COLUMNS, old, new).items() if rows}


def test_rows_shifted_by_an_edit_are_moved_not_removed_and_added():
    old = [entity(1, 0, "北京"), entity(1, 5, "上海"), entity(2, 0, "广州")]
    new = [entity(1, 3, "北京"), entity(1, 8, "上海"), entity(2, 0, "广州")]
    assert kinds(old, new) == {"moved": 2, "unchanged": 1}


def test_a_label_changed_where_the_row_stands_is_one_change():
    old = [entity(1, 0, "长江", "LOC"), entity(1, 4, "黄河", "LOC")]
    new = [entity(1, 0, "长江", "ORG"), entity(1, 4, "黄河", "LOC")]
    result = diff_document("entities", COLUMNS, old, new)
    assert [(o["label"], n["label"]) for o, n in result["changed"]] == [("LOC", "ORG")]
    assert not result["added"] and not result["removed"]


def test_the_same_mention_with_another_normalization_is_changed_even_when_it_moved():
    old = [entity(1, 0, "浙江", normalized="浙江")]
    new = [entity(1, 2, "浙江", normalized="浙江省")]
    result = diff_document("entities", COLUMNS, old, new)
    assert [(o["normalized"], n["normalized"]) for o, n in result["changed"]] == [("浙江", "浙江省")]


def test_occurrences_pair_in_order_and_the_extra_one_is_added():
    old = [entity(1, 0, "中国"), entity(3, 0, "中国")]
    new = [entity(1, 0, "中国"), entity(2, 0, "中国"), entity(3, 0, "中国")]
    result = diff_document("entities", COLUMNS, old, new)
    assert len(result["unchanged"]) == 2 and [r["para_no"] for r in result["added"]] == ["2"]


def test_a_mention_found_no_more_is_removed():
    old = [entity(1, 0, "中国"), entity(1, 9, "东盟", "ORG")]
    new = [entity(1, 0, "中国")]
    assert kinds(old, new) == {"removed": 1, "unchanged": 1}


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled corpus, and the same with a word put before one paragraph (a repair rule's kind of change)."""
    root = tmp_path_factory.mktemp("diff")
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    assert runner.invoke(app, ["run", str(corpus), "--out", str(root / "before")]).exit_code == 0
    page = corpus / "2024-rural-jiangxi.txt"
    paragraphs = page.read_text(encoding="utf-8").split("\n\n")
    paragraphs[3] = "据悉，" + paragraphs[3]
    page.write_text("\n\n".join(paragraphs), encoding="utf-8")
    assert runner.invoke(app, ["run", str(corpus), "--out", str(root / "after")]).exit_code == 0
    return root / "before", root / "after"


def test_an_early_edit_shows_as_moved_rows_and_one_changed_paragraph(before_and_after):
    before, after = before_and_after
    diffs = {d.table: d for d in diff_folders(before, after)}
    paragraphs, entities = diffs["paragraphs"].counts, diffs["entities"].counts
    assert (paragraphs["changed"], paragraphs["added"], paragraphs["removed"]) == (1, 0, 0)
    assert paragraphs["moved"] > 0  # later paragraphs start later in the raw file
    assert entities["moved"] > 0 and entities["added"] + entities["removed"] <= 2
    assert diffs["tokens"].counts["added"] >= 1 and diffs["tokens"].counts["removed"] == 0
    assert not diffs["captions"].differs


def test_diff_prints_a_summary_per_table_and_exits_like_diff(before_and_after):
    before, after = before_and_after
    same = runner.invoke(app, ["diff", str(before), str(before)])
    assert same.exit_code == 0 and same.stdout.count("no change") == len(TABLES)
    changed = runner.invoke(app, ["diff", str(before), str(after), "--limit", "1"])
    assert changed.exit_code == 1
    summary = next(line for line in changed.stdout.splitlines() if line.startswith("paragraphs"))
    assert "+0 added, -0 removed, ~1 changed" in summary and "moved" in summary
    assert "[-][+据悉，]" in changed.stdout  # the changed text shown where it differs
    quiet = runner.invoke(app, ["diff", str(before), str(after), "--limit", "0", "--table", "paragraphs"])
    assert len(quiet.stdout.strip().splitlines()) == 1


def test_a_column_on_one_side_only_is_named_and_is_a_difference(before_and_after, tmp_path: Path):
    before, _ = before_and_after
    new = tmp_path / "new"
    shutil.copytree(before, new)
    with (before / "credits.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with (new / "credits.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [*rows[0], "seq"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, "seq": "1"} for row in rows)
    result = runner.invoke(app, ["diff", str(before), str(new), "--table", "credits"])
    assert result.exit_code == 1 and "no change" in result.stdout and "columns only in NEW: seq" in result.stdout


@pytest.mark.parametrize(
    "prepare, message",
    [
        (lambda old, new: shutil.rmtree(new), "is not an output folder"),
        (lambda old, new: (new / "entities.csv").write_text((old / "entities.csv").read_text(encoding="utf-8").replace(
            "2024-ecology", "zzz", 1), encoding="utf-8"), "not in doc_id order"),
        (lambda old, new: (new / "quotes.csv").write_text("doc_id,text\nd\n", encoding="utf-8"), "line 2: 1 cells"),
    ],
)
def test_folders_that_cannot_be_compared_exit_2(before_and_after, tmp_path: Path, prepare, message):
    before, _ = before_and_after
    new = tmp_path / "new"
    shutil.copytree(before, new)
    prepare(before, new)
    result = runner.invoke(app, ["diff", str(before), str(new)])
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_an_unknown_table_is_refused(before_and_after):
    before, after = before_and_after
    result = runner.invoke(app, ["diff", str(before), str(after), "--table", "entitites"])
    assert result.exit_code == 2 and "unknown table(s): entitites" in result.stderr
