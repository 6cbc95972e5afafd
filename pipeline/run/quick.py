"""``pipeline run`` with nothing changed since the last run, answered before the command line loads.

A nightly job reruns ``pipeline run`` over folders that mostly did not change.
Loading the full command line (typer, which builds a pydantic validator for
every option, and rich) took four times as long as checking the manifest; so
``python -m pipeline`` and the ``pipeline`` command first read the arguments of
a ``run`` with the small parser below and, when the last complete run's
manifest says nothing changed, print what ``pipeline run`` prints and exit.
Anything else (another command, ``--help``, ``--fresh``, an option or value
this parser does not take, something changed, an error) goes to the full
command line, which does the work or reports the problem.  A test holds this
parser to the options of the typer command.  A run that will need local workers
starts their fork server at once (:func:`pipeline.run.engines.start_workers`), so
that it loads the NLP stack while the command line loads and the corpus is scanned.

>>> read_run_arguments(["run", "corpus", "-o", "tables", "--jobs=2", "--format", "parquet"])  # doctest: +NORMALIZE_WHITESPACE
RunArguments(corpus=PosixPath('corpus'), out=PosixPath('tables'), reference_date=None, output_format='parquet',
             fresh=False, jobs=2, engine='local')
>>> read_run_arguments(["run", "corpus", "--reference-date", "1998-01-06", "-j2", "--fresh"])[2:]
(datetime.date(1998, 1, 6), 'csv', True, 2, 'local')
>>> [read_run_arguments(argv) for argv in (["run", "--help"], ["run", "a", "b"], ["run", "corpus", "--jobs", "0"],
...  ["run", "corpus", "--scheduler", "tcp://h:1"], ["eval", "x"], ["run"])]
[None, None, None, None, None, None]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import NamedTuple

#: the run command's options that take a value -> their field (``--jobs`` and ``--engine`` only steer the work)
VALUED = {
    "--out": "out", "-o": "out", "--reference-date": "reference_date", "--jobs": "jobs", "-j": "jobs",
    "--format": "output_format", "--engine": "engine", "--scheduler": "scheduler",
}
FLAGS = {"--fresh": True, "--no-fresh": False}
FORMATS = ("csv", "parquet")
ENGINES = ("local", "dask")


class RunArguments(NamedTuple):
    corpus: Path
    out: Path
    reference_date: dt.date | None
    output_format: str
    fresh: bool
    jobs: int
    engine: str


def read_run_arguments(argv: list[str]) -> RunArguments | None:
    """The arguments of ``pipeline run``, or None when the full command line must read them."""
    if not argv or argv[0] != "run":
        return None
    values: dict[str, str] = {"out": "outputs", "output_format": "csv", "engine": "local", "jobs": "1"}
    positional: list[str] = []
    fresh = False
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--":
            positional.extend(rest)
        elif arg in FLAGS:
            fresh = FLAGS[arg]
        elif arg.startswith("--") and "=" in arg and arg.split("=", 1)[0] in VALUED:
            name, value = arg.split("=", 1)
            values[VALUED[name]] = value
        elif arg in VALUED:
            value = next(rest, None)
            if value is None:
                return None
            values[VALUED[arg]] = value
        elif arg[:2] in VALUED and not arg.startswith("--"):  # -j2, -otables
            values[VALUED[arg[:2]]] = arg[2:]
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            positional.append(arg)
    if len(positional) != 1 or not _valid(values):
        return None
    date = dt.date.fromisoformat(values["reference_date"]) if "reference_date" in values else None
    return RunArguments(
        Path(positional[0]), Path(values["out"]), date, values["output_format"], fresh, int(values["jobs"]), values["engine"]
    )


def _valid(values: dict[str, str]) -> bool:
    if values["output_format"] not in FORMATS or values["engine"] not in ENGINES:
        return False
    if "scheduler" in values and values["engine"] != "dask":
        return False
    if not values["jobs"].isdigit() or int(values["jobs"]) < 1:
        return False
    if "reference_date" in values:
        try:
            dt.date.fromisoformat(values["reference_date"])
        except ValueError:
            return False
    return True


def answer_unchanged(arguments: RunArguments) -> int | None:
    """Print what ``pipeline run`` prints when nothing changed and return its exit code; None: not this case."""
    if arguments.fresh:
        return None
    from pipeline.run import RunError, unchanged

    try:
        summary = unchanged(arguments.corpus, arguments.out, arguments.reference_date, arguments.output_format)
    except RunError:  # reported by the full command line
        return None
    if summary is None:
        return None
    for path, reason in summary.errors:
        sys.stderr.write(f"error: {arguments.corpus / path}: {reason}\n")
    sys.stderr.write(summary_text(summary, arguments.out, arguments.output_format) + "\n")
    return 1 if summary.errors else 0


def summary_text(summary, out: Path, output_format: str) -> str:
    """The closing lines of a run: documents, rows per table, speed."""
    from pipeline.output import TABLES

    ok = summary.documents - len(summary.errors)
    counts = f"{ok:,} ok, {len(summary.errors):,} failed"
    rows = "rows: " + ", ".join(f"{table} {summary.rows[table]:,}" for table in TABLES if table in summary.rows)
    if summary.unchanged:
        return (
            f"nothing changed since the last run ({summary.documents:,} documents, same code and options): "
            f"{out} left as it was\n{counts}\n{rows}"
        )
    if summary.processed:
        speed = summary.n_chars / summary.seconds if summary.seconds > 0 else 0
        work = (
            f"processed {summary.processed:,} {_plural(summary.processed, 'document')} ({summary.n_chars:,} characters) "
            f"in {summary.seconds:.1f} s: {speed:,.0f} chars/s"
        )
    else:
        work = "no document needed processing"
    return (
        f"{summary.documents:,} {_plural(summary.documents, 'document')}: {counts}, {summary.reused:,} reused from an earlier run\n"
        f"{work}\n{rows}\ntables written to {out} ({output_format})"
    )


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"
