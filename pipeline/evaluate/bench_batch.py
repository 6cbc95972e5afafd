"""Batch runs at archive scale, measured: workers, memory, reruns, the Dask engine, the run's own cost.

``python -m pipeline.evaluate.bench_batch`` (run by ``make bench``) writes the
1998 articles out as files, once and four times over, into a temporary
folder, and runs ``pipeline run`` on them as a nightly job would (a separate
process, no terminal).  Every figure is a ratio between runs of this one
benchmark, on the same machine at the same time (machines here are shared
and noisy): two workers against one, peak memory at 4× against 1×, a rerun
with nothing changed against the full run, the Dask engine against the local
one; and what the run adds per document (its rows rendered, stored and merged
into the tables) against bare ``jieba.lcut`` over the same characters.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

from rich.console import Console
from rich.table import Table

from pipeline.evaluate.bench import best
from pipeline.evaluate.pfr import dev_path, read_articles
from pipeline.evaluate.pfr_files import Written, write_articles

#: seconds between two samples of the run's memory
SAMPLE_EVERY = 0.05


class Timed(NamedTuple):
    label: str
    seconds: float  # wall time of the whole command
    peak_bytes: int  # largest sum of the proportional memory (PSS) of the run's processes
    characters: int  # processed by the run (0 for a rerun that had nothing to do)
    cpu_seconds: float = 0.0  # user + system time of the run's processes
    load: float = 0.0  # the machine's 1-minute load average when the run started


def timed_run(
    label: str, corpus: Path, out: Path, *options: str, characters: int = 0, env: dict[str, str] | None = None
) -> Timed:
    """``python -m pipeline run`` as a job runs it, its memory and CPU time sampled with its workers'."""
    import psutil

    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), *options]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    usage = _Usage()
    sampler = threading.Thread(target=_sample, args=(psutil.Process(process.pid), process, usage), daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return Timed(label, seconds, usage.peak, characters, sum(usage.cpu.values()), load)


def installed_environment(folder: Path) -> dict[str, str]:
    """The environment of the timed runs: Python's bytecode kept (under ``folder``) and written before the
    first run, as for an installed package.  Without it (``PYTHONDONTWRITEBYTECODE``, as some shells and
    CI set, with an editable install) every run compiles the package from source first, 0.15 s of
    start-up per process that no installed nightly job pays."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True, stdout=subprocess.DEVNULL)
    # posseg's kernel built ahead of time, as make's setup builds it (else every process loads numba)
    subprocess.run([sys.executable, "-m", "pipeline.posseg_aot"], env=env, check=False, stdout=subprocess.DEVNULL)
    return env


#: a fresh process up to its first document processed (the warm-up page, as a worker loads)
_LOAD_PROBE = (
    "import time\n"
    "from pipeline.run.worker import warm_up\n"
    "warm_up()\n"
    "print(time.time(), time.process_time())\n"
)


class Load(NamedTuple):
    seconds: float  # wall time from starting the interpreter to its first document processed
    cpu_seconds: float  # CPU time of that process up to then
    load: float  # the machine's 1-minute load average before the fastest probe


def measure_load(env: dict[str, str] | None = None, repeat: int = 5) -> Load:
    """What every run pays before its first document, serially whatever the workers (the fork server
    loads before forking them): the fastest of ``repeat`` fresh processes (the first also fills the
    derived-data cache and numba's cache when they are stale)."""
    probes = []
    for _ in range(repeat):
        load = os.getloadavg()[0]
        started = time.time()
        done = subprocess.run([sys.executable, "-c", _LOAD_PROBE], env=env, check=True, capture_output=True, text=True)
        finished, cpu = map(float, done.stdout.split())
        probes.append(Load(finished - started, cpu, load))
    return min(probes)


class _Usage:
    def __init__(self) -> None:
        self.peak = 0
        self.cpu: dict[int, float] = {}  # pid -> user + system seconds, as last seen


def _sample(root, process: subprocess.Popen, usage: _Usage) -> None:
    """Every :data:`SAMPLE_EVERY`: memory summed over the run's processes as PSS (pages shared by workers
    forked from one server counted once, not once per worker), and each process's CPU time."""
    import psutil

    while process.poll() is None:
        total = 0
        try:
            for member in [root, *root.children(recursive=True)]:
                try:
                    with member.oneshot():
                        total += member.memory_full_info().pss
                        times = member.cpu_times()
                    usage.cpu[member.pid] = times.user + times.system
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        usage.peak = max(usage.peak, total)
        time.sleep(SAMPLE_EVERY)


class Overhead(NamedTuple):
    articles: int
    characters: int
    rows: int
    jieba: float  # seconds of jieba.lcut over the articles
    process: float  # seconds of pipeline.document.process
    encode: float  # rows sorted and rendered as fragment bytes
    store: float  # fragments written, a pack of a local batch's documents at a time (temporary file and rename)
    assemble: float  # the tables merged from the fragments


def measure_overhead(limit: int = 300, repeat: int = 3) -> Overhead:
    """What the run adds per document, timed apart from the processing itself (best of ``repeat``)."""
    import jieba

    from pipeline.document import process
    from pipeline.run import fragments
    from pipeline.run.assemble import assemble
    from pipeline.run.engines import BATCH_DOCUMENTS

    texts = ["\n\n".join(p["text"] for p in paragraphs) for _, paragraphs in read_articles(dev_path(), limit)]
    data = [t.encode("utf-8") for t in texts]
    jieba.lcut("预热")
    process("warm", "", data[0], None, None)
    started = time.perf_counter()
    rows = [process(f"d{i:04}", f"d{i:04}.txt", d, None, None) for i, d in enumerate(data)]
    processing = time.perf_counter() - started
    jieba_seconds = _best(lambda: [jieba.lcut(t) for t in texts], repeat)
    encode_seconds = _best(lambda: [fragments.encode(f"d{i:04}", r) for i, r in enumerate(rows)], repeat)
    blobs = [fragments.encode(f"d{i:04}", r) for i, r in enumerate(rows)]
    with tempfile.TemporaryDirectory() as tmp:
        store, out = Path(tmp) / "store", Path(tmp) / "out"
        out.mkdir()
        members = [(f"{i:064x}", blob) for i, blob in enumerate(blobs)]
        batches = [members[i : i + BATCH_DOCUMENTS] for i in range(0, len(members), BATCH_DOCUMENTS)]
        locations: dict[str, fragments.Location] = {}
        store_seconds = _best(lambda: [locations.update(fragments.write_pack(store, batch)) for batch in batches], repeat)

        def assembled() -> dict[str, int]:  # as the run reads them: through one Reader
            with fragments.Reader(store) as reader:
                return assemble(out, (reader.read(locations[key]) for key, _ in members), "csv")

        assemble_seconds = _best(assembled, repeat)
    n_rows = sum(len(table) for r in rows for table in r.values())
    return Overhead(len(texts), sum(map(len, texts)), n_rows, jieba_seconds, processing, encode_seconds, store_seconds, assemble_seconds)


def _best(fn, repeat: int) -> float:
    """Wall time: storing and assembling are file work as much as CPU work."""
    return best(fn, repeat, time.perf_counter)


class BatchBench(NamedTuple):
    single: Written
    quadruple: Written
    runs: dict[str, Timed]
    overhead: Overhead
    load: Load


def one_against_two(
    repeat: int, name: str, corpus: Path, root: Path, characters: int, env: dict[str, str] | None = None
) -> list[Timed]:
    """Full runs (``--fresh``: everything processed each time) with one worker and with two, alternated
    ``repeat`` times so that other jobs on a shared machine slow both alike; the fastest of each counts
    (the one least slowed by others), with the highest memory of its kind."""
    runs: dict[str, list[Timed]] = {}
    for _ in range(repeat):
        for jobs in ("1", "2"):
            label = f"{name}, --jobs {jobs}"
            runs.setdefault(label, []).append(
                timed_run(
                    label, corpus, root / f"out-{name}-{jobs}", "--jobs", jobs, "--fresh", characters=characters, env=env
                )
            )
    return [_best_run(timed) for timed in runs.values()]


def rerun(name: str, corpus: Path, root: Path, env: dict[str, str] | None = None, repeat: int = 3) -> Timed:
    """The fastest of ``repeat`` reruns of the two-worker run with nothing changed."""
    label = f"{name}, --jobs 2, rerun, nothing changed"
    return _best_run([timed_run(label, corpus, root / f"out-{name}-2", "--jobs", "2", env=env) for _ in range(repeat)])


def _best_run(runs: list[Timed]) -> Timed:
    return min(runs, key=lambda r: r.seconds)._replace(peak_bytes=max(r.peak_bytes for r in runs))


def run_batch_bench(dask: bool = True, overhead_articles: int = 300, repeat: int = 2) -> BatchBench:
    with tempfile.TemporaryDirectory(prefix="bench_batch.") as tmp:
        root = Path(tmp)
        single, quadruple = write_articles(root / "x1"), write_articles(root / "x4", copies=4)
        env = installed_environment(root / "pycache")
        load = measure_load(env)
        runs = [
            *one_against_two(repeat, "1x", root / "x1", root, single.characters, env),
            rerun("1x", root / "x1", root, env),
            *one_against_two(repeat, "4x", root / "x4", root, quadruple.characters, env),
            rerun("4x", root / "x4", root, env),
        ]
        if dask:
            runs.append(timed_run(
                "1x, --engine dask (LocalCluster, 2 workers)", root / "x1", root / "outd", "--engine", "dask", "--jobs", "2",
                characters=single.characters, env=env,
            ))
    return BatchBench(single, quadruple, {r.label: r for r in runs}, measure_overhead(overhead_articles), load)


def render_batch_bench(bench: BatchBench, console: Console) -> None:
    runs = bench.runs
    table = Table(title=(
        f"pipeline run over the 1998 articles as files: 1x = {bench.single.files:,} files, {bench.single.characters:,} "
        f"characters; 4x = {bench.quadruple.files:,} files (wall time of the command, CPU time and memory (PSS) "
        f"of all its processes, load average when it started)"
    ))
    for column in ("run", "seconds", "CPU s", "chars/s", "peak memory", "load"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for r in runs.values():
        speed = f"{r.characters / r.seconds:,.0f}" if r.characters else "—"
        table.add_row(
            r.label, f"{r.seconds:.2f}", f"{r.cpu_seconds:.2f}", speed, f"{r.peak_bytes / 2**20:,.0f} MiB", f"{r.load:.2f}"
        )
    console.print(table)

    one, two = runs["1x, --jobs 1"], runs["1x, --jobs 2"]
    four = runs["4x, --jobs 2"]
    targets = Table(title="targets (issue 13)")
    for column in ("figure", "measured", "target", "met"):
        targets.add_column(column)
    rows = [
        ("two workers against one (1x)", one.seconds / two.seconds, "≥ 1.7×", lambda v: v >= 1.7, "{:.2f}×"),
        ("two workers against one (4x)", runs["4x, --jobs 1"].seconds / four.seconds, "≥ 1.7×", lambda v: v >= 1.7, "{:.2f}×"),
        ("peak memory 4x against 1x (--jobs 2)", four.peak_bytes / two.peak_bytes, "≤ 1.2×", lambda v: v <= 1.2, "{:.2f}×"),
        ("rerun, nothing changed, against the full run (1x)", runs["1x, --jobs 2, rerun, nothing changed"].seconds / two.seconds,
         "≤ 2%", lambda v: v <= 0.02, "{:.1%}"),
        ("rerun, nothing changed, against the full run (4x)", runs["4x, --jobs 2, rerun, nothing changed"].seconds / four.seconds,
         "≤ 2%", lambda v: v <= 0.02, "{:.1%}"),
    ]
    o = bench.overhead
    added = (o.encode + o.store + o.assemble) / o.jieba
    rows.append(("run's own cost per document ÷ jieba.lcut", added, "≈ 0.1×", lambda v: v <= 0.1, "{:.2f}×"))
    rows.append(("a fresh process to its first document, seconds (CPU)", bench.load.seconds, "≈ 1.5 s",
                 lambda v: v <= 1.5, f"{{:.2f}} ({bench.load.cpu_seconds:.2f}, load {bench.load.load:.2f})"))
    for label, value, target, met, fmt in rows:
        targets.add_row(label, fmt.format(value), target, "yes" if met(value) else "NO")
    for name in ("1x", "4x"):
        cpu_one, cpu_two = runs[f"{name}, --jobs 1"].cpu_seconds, runs[f"{name}, --jobs 2"].cpu_seconds
        if cpu_one:  # the work two workers do against one: what each pays for on its own (loading, caches)
            targets.add_row(f"CPU time, two workers against one ({name})", f"{cpu_two / cpu_one:.2f}×", "—", "—")
    if "1x, --engine dask (LocalCluster, 2 workers)" in runs:
        d = runs["1x, --engine dask (LocalCluster, 2 workers)"]
        targets.add_row("Dask engine throughput against local --jobs 2 (1x)", f"{two.seconds / d.seconds:.2f}×", "—", "—")
    console.print(targets)

    detail = Table(title=(
        f"what the run adds per document, {o.articles} articles, {o.characters:,} characters, {o.rows:,} rows "
        f"(best of 3, as × jieba.lcut over the same text)"
    ))
    for column in ("step", "seconds", "× jieba.lcut"):
        detail.add_column(column, justify="left" if column == "step" else "right")
    for label, seconds in (
        ("jieba.lcut (reference)", o.jieba), ("pipeline.document.process (for scale)", o.process),
        ("rows sorted and rendered (fragment bytes)", o.encode), ("fragments written (a pack per batch: temporary file, rename)", o.store),
        ("tables merged from the fragments", o.assemble),
    ):
        detail.add_row(label, f"{seconds:.3f}", f"{seconds / o.jieba:.3f}")
    console.print(detail)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument("--overhead-articles", type=int, default=300, help="articles for the per-document cost")
    parser.add_argument(
        "--repeat", type=int, default=2, help="full runs per corpus and number of workers, alternated (the fastest counts)"
    )
    args = parser.parse_args(argv)
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    render_batch_bench(run_batch_bench(not args.no_dask, args.overhead_articles, args.repeat), console)


if __name__ == "__main__":
    main()
