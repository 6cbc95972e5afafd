"""A rerun with nothing to do, answered before the command line loads: the same reading of the
arguments, the same words and exit code as the full command, and nothing else taken over."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run.quick import FLAGS, VALUED, answer_unchanged, read_run_arguments

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
RUN = get_command(app).commands["run"]


def test_the_quick_reader_knows_every_option_of_the_run_command():
    flags = {o for p in RUN.params if getattr(p, "is_flag", False) for o in (*p.opts, *p.secondary_opts)}
    valued = {o for p in RUN.params if not getattr(p, "is_flag", False) for o in p.opts if o.startswith("-")}
    assert flags == set(FLAGS) and valued == set(VALUED)


@pytest.mark.parametrize("args", [
    ["corpus"],
    ["corpus", "--out", "tables", "--reference-date", "1998-01-06"],
    ["-o", "tables", "corpus", "--format=parquet", "-j3"],
    ["corpus", "-otables", "--jobs", "2", "--engine", "dask", "--scheduler", "tcp://host:8786", "--no-fresh"],
    ["corpus", "--fresh", "-j", "4"],
    ["--", "-corpus-with-a-dash"],
])
def test_the_quick_reader_reads_what_the_command_line_reads(args):
    context = RUN.make_context("run", list(args))
    quick = read_run_arguments(["run", *args])
    assert quick is not None
    assert quick.corpus == context.params["corpus"] and quick.out == context.params["out"]
    assert quick.output_format == context.params["output_format"].value and quick.engine == context.params["engine"].value
    assert (quick.fresh, quick.jobs) == (context.params["fresh"], context.params["jobs"])
    assert str(quick.reference_date) == str(context.params["reference_date"])


@pytest.fixture()
def ran(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled corpus with a binary file (a failed document), run once."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out)]).exit_code == 1
    return corpus, out


def test_a_rerun_with_nothing_changed_says_what_the_full_command_says(ran, capsys):
    corpus, out = ran
    full = runner.invoke(app, ["run", str(corpus), "--out", str(out), "-j", "2"])
    assert "nothing changed since the last run" in full.stderr and "photo.txt: binary file" in full.stderr
    assert answer_unchanged(read_run_arguments(["run", str(corpus), "--out", str(out), "-j", "2"])) == full.exit_code == 1
    assert capsys.readouterr().err == full.stderr


def test_python_m_pipeline_answers_a_rerun_without_loading_the_command_line(ran):
    corpus, out = ran
    probe = (
        "import sys\n"
        "from pipeline.__main__ import main\n"
        f"sys.argv = ['pipeline', 'run', {str(corpus)!r}, '--out', {str(out)!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(sorted(m for m in ('typer', 'rich', 'pydantic', 'pipeline.cli', 'jieba', 'spacy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 1 and "nothing changed since the last run" in done.stderr
    assert done.stdout.strip() == "[]"


def _answer(*args: str) -> int | None:
    arguments = read_run_arguments(["run", *args])
    assert arguments is not None
    return answer_unchanged(arguments)


def test_anything_else_goes_to_the_full_command_line(ran):
    corpus, out = ran
    assert _answer(str(corpus), "--out", str(out), "--fresh") is None
    assert _answer(str(corpus), "--out", str(out), "--reference-date", "2024-05-01") is None  # other options
    assert _answer(str(corpus), "--out", str(out.parent / "elsewhere")) is None  # no run there yet
    assert _answer(str(corpus.parent / "missing"), "--out", str(out)) is None  # an error, reported in full
    (corpus / "photo.txt").write_text("新华社北京电 今天天气晴朗。\n", encoding="utf-8")
    assert _answer(str(corpus), "--out", str(out)) is None
    for argv in (["run", "--help"], ["run", str(corpus), "--verbose"], ["eval"], ["run", str(corpus), "--jobs", "two"]):
        assert read_run_arguments(argv) is None
