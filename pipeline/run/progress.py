"""Progress of a run: a bar on a terminal, plain lines every few seconds anywhere else.

A nightly job's log (cron, CI, a file) gets a line when the run starts, one
every :data:`EVERY` seconds while documents are processed, one per stage,
and the closing summary, which the command prints either way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from pipeline.run.worker import DocResult

#: seconds between two progress lines in a log
EVERY = 5.0


class Plan(NamedTuple):
    documents: int
    todo: int  # documents to process
    todo_bytes: int
    reused: int
    workers: str  # "2 local worker processes", "Dask scheduler tcp://…"


class Tally:
    """Documents processed so far, and the rates they give."""

    def __init__(self, plan: Plan, clock: Callable[[], float] = time.monotonic) -> None:
        self.plan, self.clock = plan, clock
        self.started = clock()
        self.done = self.failed = self.chars = self.bytes = 0
        self.first: tuple[float, int] | None = None  # (time, bytes) at the first result: the rate excludes start-up

    def add(self, result: DocResult) -> None:
        if self.first is None:
            self.first = (self.clock(), result.size)
        self.done += 1
        self.failed += result.status != "ok"
        self.chars += result.n_chars
        self.bytes += result.size

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """The bytes still to process at the bytes per second since the first result (documents differ in
        size; the workers' start-up, loading dictionaries, is not part of the rate)."""
        if self.first is None:
            return None
        seconds, size = self.clock() - self.first[0], self.bytes - self.first[1]
        if seconds <= 0 or size <= 0:
            return None
        return max(self.plan.todo_bytes - self.bytes, 0) / (size / seconds)


def size_text(size: int) -> str:
    """
    >>> size_text(512), size_text(43_008), size_text(5_300_000_000)
    ('512 bytes', '42.0 KiB', '4.9 GiB')
    """
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KiB", "MiB", "GiB"):
        size /= 1024
        if size < 1024 or unit == "GiB":
            break
    return f"{size:,.1f} {unit}"


def clock_text(seconds: float | None) -> str:
    """
    >>> clock_text(75.2), clock_text(3725), clock_text(None)
    ('1:15', '1:02:05', '?')
    """
    if seconds is None:
        return "?"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class Silent:
    """No progress (the library default)."""

    def start(self, plan: Plan) -> None:
        pass

    def advance(self, result: DocResult) -> None:
        pass

    def stage(self, message: str) -> None:
        pass

    def close(self) -> None:
        pass


class Lines(Silent):
    """Plain lines for logs: one at the start, one every ``every`` seconds, one per stage."""

    def __init__(self, write: Callable[[str], None], every: float = EVERY, clock: Callable[[], float] = time.monotonic):
        self.write, self.every, self.clock = write, every, clock
        self.tally: Tally | None = None

    def start(self, plan: Plan) -> None:
        self.tally = Tally(plan, self.clock)
        self.last = self.tally.started
        self.write(
            f"{plan.documents:,} documents: {plan.todo:,} to process ({size_text(plan.todo_bytes)}), "
            f"{plan.reused:,} reused from an earlier run; {plan.workers}"
        )

    def advance(self, result: DocResult) -> None:
        assert self.tally is not None
        self.tally.add(result)
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            t = self.tally
            self.write(
                f"[{clock_text(t.elapsed)}] {t.done:,}/{t.plan.todo:,} documents processed, {t.failed:,} failed, "
                f"{t.chars_per_second:,.0f} chars/s, about {clock_text(t.seconds_left)} left"
            )

    def stage(self, message: str) -> None:
        prefix = f"[{clock_text(self.tally.elapsed)}] " if self.tally else ""
        self.write(prefix + message)


class Bar(Silent):
    """The rich progress bar on a terminal: documents done and failed, characters per second, time left."""

    def __init__(self, console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]}"), TextColumn("{task.fields[speed]}"),
            TimeElapsedColumn(), TextColumn("{task.fields[left]}"),
            console=console, transient=True,
        )
        self.tally: Tally | None = None

    def start(self, plan: Plan) -> None:
        self.tally = Tally(plan)
        self.progress.start()
        self.bar = self.progress.add_task("documents", total=plan.todo, failed="", speed="", left="")

    def advance(self, result: DocResult) -> None:
        assert self.tally is not None
        self.tally.add(result)
        t = self.tally
        self.progress.update(
            self.bar, advance=1, failed=f"{t.failed:,} failed" if t.failed else "",
            speed=f"{t.chars_per_second:,.0f} chars/s", left=f"{clock_text(t.seconds_left)} left",
        )

    def stage(self, message: str) -> None:
        self.progress.update(self.bar, description=message)

    def close(self) -> None:
        self.progress.stop()
