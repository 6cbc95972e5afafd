"""The ``pipeline`` command line: run, eval, repair, diff, report, numbers, bench.

Exit codes: 0 success; 1 some documents failed (the others were processed and
written); 2 the command could not run at all (bad paths or options), with a
one-line message and no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Repair OCR'd Chinese newspaper pages and extract entities, dates, claims, quotes and credits as CSV.",
)


class _LazyConsole:
    """A rich Console made on first use: importing rich is a sixth of a rerun with nothing to do."""

    def __init__(self, **options) -> None:
        self._options = options
        self._console: Console | None = None

    def get(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


err = _LazyConsole(stderr=True, highlight=False)
#: tables of figures are wide: when output is piped, do not wrap them at 80 columns
out = _LazyConsole(highlight=False, width=None if sys.stdout.isatty() else 140)


class OutputFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def say(message: str) -> None:
    """One unwrapped line on stderr (messages are read by people and by scripts)."""
    typer.echo(message, err=True)


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--reference-date {value!r} is not a date in the form YYYY-MM-DD")
    return None


@app.command()
def run(
    corpus: Path = typer.Argument(..., help="Folder of .txt articles (read recursively)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder for the tables."),
    reference_date: str | None = typer.Option(
        None, help="YYYY-MM-DD for dates without a year, when metadata.csv does not list the document."
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (one document each); Dask: LocalCluster workers."),
    fresh: bool = typer.Option(False, help="Process every document again, ignoring results stored in OUT/.cache."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.csv, "--format", help="Tables as CSV, or Parquet with typed columns."
    ),
    engine: Engine = typer.Option(Engine.local, help="Run documents on this machine, or as Dask tasks."),
    scheduler: str | None = typer.Option(
        None, help="Dask scheduler address (tcp://HOST:PORT); without it, a LocalCluster of --jobs workers."
    ),
) -> None:
    """Repair, segment and extract every article of CORPUS into tables under OUT.

    Incremental: only new and changed files are processed, removed ones leave the
    tables, and a rerun with nothing changed writes nothing. A run killed at any
    point resumes where it stopped when run again.
    """
    from pipeline.run import RunError
    from pipeline.run import run as run_corpus
    from pipeline.run.progress import Bar, Lines
    from pipeline.run.quick import summary_text

    date = parse_date(reference_date)
    if scheduler and engine is not Engine.dask:
        fail("--scheduler needs --engine dask")
    progress = Bar(err.get()) if sys.stderr.isatty() else Lines(say)
    try:
        summary = run_corpus(corpus, out, date, jobs, fresh, output_format.value, engine.value, scheduler, progress)
    except RunError as e:
        fail(str(e))
    except KeyboardInterrupt:
        say(f"interrupted: documents already processed are kept in {out / '.cache'}; run the same command to resume")
        raise typer.Exit(130) from None
    finally:
        progress.close()
    for path, reason in summary.errors:
        say(f"error: {corpus / path}: {reason}")
    say(summary_text(summary, out, output_format.value))
    if summary.errors:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    out_dir: Path | None = typer.Argument(None, help="Output folder of `pipeline run` (for .gold.json)."),
    gold: Path | None = typer.Option(None, help="A .gold.json page annotation, or the 1998 corpus (.jsonl.gz)."),
    doc: str | None = typer.Option(None, help="doc_id the gold file describes (default: by file name)."),
    limit: int | None = typer.Option(None, help="1998 corpus: score only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    ocr_pages: int = typer.Option(0, help="Draw N 1998 articles per split as pages, read them with tesseract, score repair."),
    ocr_split: str = typer.Option("both", help="With --ocr-pages: dev (days 1-5), test (days 6-10) or both."),
    ocr_layout: int = typer.Option(1, help="With --ocr-pages: draw the same articles with the N-th random layout."),
) -> None:
    """Score extraction against a gold file (a hand-annotated page, or People's Daily 1998), or repair on OCR pages."""
    if ocr_pages:
        report = _ocr_report(ocr_pages, ocr_split, ocr_layout)
    elif gold is None:
        fail("give --gold FILE, or --ocr-pages N")
    elif not gold.is_file():
        fail(f"gold file {gold} does not exist")
    elif gold.name.endswith((".jsonl", ".jsonl.gz")):
        from pipeline.evaluate.pfr import score_pfr

        report = score_pfr(gold, limit)
    else:
        from pipeline.evaluate.gold import score
        from pipeline.evaluate.gold_files import EvalError

        if out_dir is None:
            fail("give the output folder to score, e.g. `pipeline eval outputs --gold page.gold.json`")
        try:
            report = score(out_dir, gold, doc)
        except EvalError as e:
            fail(str(e))
    if as_json:
        out.print_json(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        from pipeline.evaluate.report import render

        render(report, out)


def _ocr_report(n: int, split: str, layout: int = 1):
    from pipeline.evaluate.ocr_eval import score_ocr
    from pipeline.evaluate.ocr_pages import SPLITS

    splits = tuple(SPLITS) if split == "both" else (split,)
    if any(s not in SPLITS for s in splits):
        fail(f"--ocr-split {split!r}: use dev, test or both")
    if layout < 1:
        fail(f"--ocr-layout {layout}: layouts are numbered from 1")
    try:
        return score_ocr(n, splits, layout=layout)
    except RuntimeError as e:
        fail(str(e))


@app.command()
def repair(
    file: Path = typer.Argument(..., help="A raw OCR text file."),
    diff: bool = typer.Option(False, "--diff", help="Show the edits instead of the repaired text."),
) -> None:
    """Print the repaired text of FILE (blocks separated by blank lines), or its edits."""
    from pipeline.corpus import UnreadableDocument, decode
    from pipeline.repair import repair as repair_text

    if not file.is_file():
        fail(f"{file} is not a file")
    try:
        raw, _ = decode(file.read_bytes())
    except UnreadableDocument as e:
        fail(f"{file}: {e}", 1)
    result = repair_text(raw)
    if not diff:
        for block in result.blocks:
            flag = "" if block.quality == "ok" else f"  [{block.quality}]"
            out.print(f"[dim]{block.kind}{flag}[/dim]", markup=True)
            out.print(block.text + "\n", markup=False, soft_wrap=True)
        return
    for edit in result.edits:
        line = raw.count("\n", 0, edit.raw_start) + 1
        out.print(
            f"{line:>4}:{edit.raw_start:<6} {edit.kind:<16} {edit.before!r} -> {edit.after!r}"
            + (f"  (confidence {edit.confidence:g})" if edit.confidence < 1 else ""),
            markup=False,
        )


@app.command()
def diff(
    old: Path = typer.Argument(..., help="An output folder (the baseline)."),
    new: Path = typer.Argument(..., help="Another output folder (the change)."),
    table: list[str] = typer.Option([], "--table", "-t", help="Only these tables (repeatable)."),
    limit: int = typer.Option(20, help="Example rows shown per table and kind of change (0: the summary only)."),
) -> None:
    """What changed between two output folders: rows added, removed, changed and moved, table by table.

    Rows are matched on what they say (document, text, label, and which occurrence
    of it in the document), so rows that only shifted are reported as moved. Exit
    code 0 when the tables are equal, 1 when they differ, 2 when they cannot be read.
    """
    from pipeline.diff import DiffError, diff_folders, render_diff

    try:
        changes = diff_folders(old, new, table or None, limit)
    except DiffError as e:
        fail(str(e))
    render_diff(changes, out)
    if any(c.differs for c in changes):
        raise typer.Exit(1)


@app.command()
def report(
    out_dir: Path = typer.Argument(..., help="Output folder of `pipeline run` (any version: only its CSV tables are read)."),
    html: Path = typer.Option(..., "--html", help="Folder for the static HTML report (replaced if an earlier report wrote it)."),
    corpus: Path | None = typer.Option(None, help="The corpus folder the run read, to show each raw text beside its repairs."),
    top: int = typer.Option(10, min=1, help="Entities listed per label on the overview."),
) -> None:
    """Write a static HTML report of OUT_DIR: overview, one page per document, search."""
    from pipeline.report import ReportError, build_report

    try:
        summary = build_report(out_dir, html, corpus, top)
    except ReportError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot write the report into {html}: {e.strerror or e}")
    shown = f", raw text beside {summary.with_raw}" if corpus else ""
    say(f"report of {summary.documents} documents{shown}: {summary.index}")


@app.command()
def numbers(
    text: str = typer.Argument(..., help="Chinese text, e.g. '增长百分之三十五，两万四千人'."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers and claims as JSON."),
) -> None:
    """Print the numbers layer of TEXT (every numeral but dates) and the claims built on it."""
    from pipeline.extract.claims import find_claims
    from pipeline.extract.dates import find_dates, number_skips
    from pipeline.extract.numbers import find_numbers
    from pipeline.extract.words import Words
    from pipeline.output import cell

    dates = number_skips(find_dates(text))
    words = Words(text)
    found = find_numbers(text, words, dates)
    claims = find_claims(text, dates, words, found)
    if as_json:
        rows = {"numbers": [n._asdict() for n in found], "claims": [c._asdict() for c in claims]}
        plain = {k: [{f: v if isinstance(v, (int, str)) else cell(v) for f, v in row.items()} for row in rows[k]] for k in rows}
        out.print_json(json.dumps(plain, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("start", "end", "text", "value", "low", "high", "kind", title="numbers")
    for n in found:
        table.add_row(str(n.start), str(n.end), n.text, cell(n.value), cell(n.value_low), cell(n.value_high), n.kind)
    out.print(table)
    table = Table("text", "value", "unit", "qualifier", "object", "low", "high", title="claims")
    for c in claims:
        table.add_row(c.text, cell(c.value), c.unit, c.qualifier, c.object, cell(c.value_low), cell(c.value_high))
    out.print(table)


@app.command()
def bench(
    limit: int | None = typer.Option(200, help="Articles of the 1998 corpus to time (0: all)."),
    repeat: int = typer.Option(3, help="Timing repetitions; the best is kept."),
) -> None:
    """Time the pipeline stages against bare jieba.lcut over the same 1998 text."""
    from pipeline.evaluate.bench import render_bench, run_bench

    render_bench(run_bench(limit or None, repeat), out)


def main() -> None:  # console-script entry point
    sys.exit(app())
