"""The command line end to end: tables, exit codes, errors per file, determinism, resume."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.output import TABLES, write_atomic

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


def read(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture()
def corpus(tmp_path: Path, page_raw: str) -> Path:
    """The shared page three ways (UTF-8, GB18030 in a subfolder, CRLF with BOM), an empty file, a PNG."""
    root = tmp_path / "corpus"
    (root / "gb").mkdir(parents=True)
    (root / "page.txt").write_text(page_raw, encoding="utf-8")
    (root / "gb" / "page.txt").write_bytes(page_raw.encode("gb18030"))
    (root / "crlf.txt").write_bytes(b"\xef\xbb\xbf" + page_raw.replace("\n", "\r\n").encode("utf-8"))
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return root


def test_run_writes_every_table_and_reports_the_bad_file(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--reference-date", "2023-11-20"])
    assert result.exit_code == 1, result.output
    assert "photo.txt: binary file (PNG image), not text" in result.stderr
    for table, columns in TABLES.items():
        with (out / f"{table}.csv").open(encoding="utf-8") as f:
            assert next(csv.reader(f)) == list(columns)
    documents = {row["doc_id"]: row for row in read(out, "documents")}
    assert set(documents) == {"crlf", "empty", "gb/page", "page", "photo"}
    assert documents["photo"]["status"] == "error" and "PNG" in documents["photo"]["error"]
    assert documents["empty"]["status"] == "ok"
    assert (documents["empty"]["n_chars"], documents["empty"]["n_paragraphs"]) == ("0", "0")
    assert documents["gb/page"]["encoding"] == "gb18030"
    assert documents["page"]["reference_date"] == "2023-11-20"
    paragraphs = read(out, "paragraphs")
    by_doc = {d: [p["text"] for p in paragraphs if p["doc_id"] == d] for d in ("page", "gb/page", "crlf")}
    assert by_doc["page"] == by_doc["gb/page"] == by_doc["crlf"]
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run_json["jieba_version"] == "0.42.1" and len(run_json["dictionary_sha256"]) == 64


def test_two_runs_give_byte_identical_tables(corpus: Path, tmp_path: Path):
    (corpus / "photo.txt").unlink()
    first, second = tmp_path / "first", tmp_path / "second"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(first)]).exit_code == 0
    assert runner.invoke(app, ["run", str(corpus), "--out", str(second), "--jobs", "2"]).exit_code == 0
    for table in [*TABLES, "run"]:
        name = f"{table}.json" if table == "run" else f"{table}.csv"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_an_interrupted_run_resumes_from_its_stored_documents(corpus: Path, tmp_path: Path):
    (corpus / "photo.txt").unlink()
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out)]).exit_code == 0
    complete = (out / "entities.csv").read_bytes()
    stored = sorted((out / ".cache" / "fragments").glob("*/*.frag"))
    assert len(stored) == 4
    stored[0].unlink()  # as if the run had died before this document
    (out / "entities.csv").unlink()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "3 reused" in result.stderr and "processed 1 document " in result.stderr
    assert (out / "entities.csv").read_bytes() == complete


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: tmp / "missing", "does not exist"),
        (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "has no .txt files"),
    ],
)
def test_unusable_corpus_is_a_one_line_error_with_exit_code_2(tmp_path: Path, make, message):
    result = runner.invoke(app, ["run", str(make(tmp_path)), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_path_that_is_a_file_is_refused(corpus: Path, tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_text("x")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(target)])
    assert result.exit_code == 2 and "is a file" in result.stderr


def test_bad_reference_date_is_refused(corpus: Path, tmp_path: Path):
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "o"), "--reference-date", "2023-02-30"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path):
    target = tmp_path / "entities.csv"
    write_atomic(target, "old\n")

    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type] - fails mid-write
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["entities.csv"]


def test_diff_shows_changed_rows_and_exits_1(corpus: Path, tmp_path: Path):
    (corpus / "photo.txt").unlink()
    old = tmp_path / "old"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(old)]).exit_code == 0
    new = tmp_path / "new"
    shutil.copytree(old, new)
    rows = read(new, "entities")
    rows[0]["label"] = "ORG" if rows[0]["label"] != "ORG" else "GPE"
    with (new / "entities.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    same = runner.invoke(app, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and re.search(r"entities +no change", same.stdout)
    changed = runner.invoke(app, ["diff", str(old), str(new), "--table", "entities"])
    assert changed.exit_code == 1 and "~1 changed" in changed.stdout


def test_repair_command_prints_text_and_edits(shared: Path):
    page = shared / "corpus" / "wic2023-wuzhen.txt"
    text = runner.invoke(app, ["repair", str(page)])
    assert text.exit_code == 0 and "中国—东盟信息港" in text.stdout
    edits = runner.invoke(app, ["repair", str(page), "--diff"])
    assert "displaced_tail" in edits.stdout and "'一' -> '—'" in edits.stdout


def test_bundled_outputs_match_the_code(tmp_path: Path):
    """outputs/ is what `make run` writes from corpus/, so a change in extraction shows in review."""
    result = runner.invoke(app, ["run", str(REPO / "corpus"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    for table in TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (REPO / "outputs" / f"{table}.csv").read_bytes(), table


def test_eval_scores_the_shared_page_from_a_run(shared: Path, tmp_path: Path):
    out = tmp_path / "seed"
    run = runner.invoke(app, ["run", str(shared / "corpus"), "--out", str(out), "--reference-date", "2023-11-20"])
    assert run.exit_code == 0, run.stderr
    result = runner.invoke(app, ["eval", str(out), "--gold", str(shared / "gold" / "wic2023-wuzhen.gold.json"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    figures = {(s["name"], r["metric"]): r["value"] for s in report["sections"] for r in s["rows"]}
    assert figures[("repair", "passed")] == 1.0
    assert figures[("dates", "accuracy")] == 1.0
    assert figures[("entities", "overall F1")] >= 0.9


def test_eval_on_the_1998_corpus_reports_every_section(pfr_path: Path):
    result = runner.invoke(app, ["eval", "--gold", str(pfr_path), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    names = [s["name"] for s in json.loads(result.stdout)["sections"]]
    assert [n.split(" ")[0] for n in names] == ["entities", "numerals", "repair"]


def test_eval_without_an_output_folder_for_a_page_gold_is_refused(shared: Path):
    result = runner.invoke(app, ["eval", "--gold", str(shared / "gold" / "wic2023-wuzhen.gold.json")])
    assert result.exit_code == 2 and "give the output folder" in result.stderr


def test_a_file_that_cannot_be_read_is_an_error_for_that_file_only(corpus: Path, tmp_path: Path, monkeypatch):
    (corpus / "photo.txt").unlink()
    read_bytes = Path.read_bytes

    def refuse_one(path: Path) -> bytes:
        if path.name == "crlf.txt":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_one)
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "crlf.txt: cannot read the file: Permission denied" in result.stderr
    assert "4 documents: 3 ok, 1 failed" in result.stderr


def test_bench_reports_every_stage_as_a_ratio_to_jieba(pfr_path: Path):
    from pipeline.evaluate.bench import run_bench

    chars, timings = run_bench(limit_articles=2, repeat=1, path=pfr_path)
    assert chars > 0 and timings[0].stage.startswith("jieba.lcut") and timings[0].ratio == 1.0
    assert [t.stage.split(" ")[0].rstrip(",") for t in timings[1:]] == [
        "repair", "segmentation", "segmentation", "entities", "dates", "whole", "whole"]
    assert all(t.seconds >= 0 for t in timings)


def test_numbers_command_prints_the_numbers_layer_and_its_claims():
    result = runner.invoke(app, ["numbers", "1998年，两万四千人参加，增长百分之三十五，打八折", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [(n["text"], n["value"], n["kind"]) for n in found["numbers"]] == [
        ("两万四千", "24000", "cardinal"), ("百分之三十五", "35", "percent"), ("八折", "80", "percent"),
    ]
    assert [(c["text"], c["unit"]) for c in found["claims"]] == [("两万四千人", "人"), ("百分之三十五", "%"), ("打八折", "%")]
    table = runner.invoke(app, ["numbers", "三分之一"])
    assert table.exit_code == 0 and "0.333333333333333" in table.stdout and "fraction" in table.stdout
