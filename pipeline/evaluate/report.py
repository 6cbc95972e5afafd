"""The scorer's result: named sections of (metric, value, detail) rows, as a table or JSON.

Kept apart from the scoring so that the CLI, the tests and later issues can read
figures by name (``report.value("entities", "overall F1")``) without parsing text.
A ``value`` is a ratio in [0, 1], or ``None`` when it is undefined (0/0); counts
and failure lists go in ``detail``.

>>> r = Report(gold="g.json", out_dir="out", doc_id="d",
...            sections=[Section("dates", [Row("accuracy", 0.5, "1/2")])])
>>> r.value("dates", "accuracy")
0.5
>>> r.value("dates", "nothing") is None
True
>>> r.to_dict()["sections"][0]["rows"][0]
{'metric': 'accuracy', 'value': 0.5, 'detail': '1/2'}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Row:
    """One figure: ``value`` is a ratio or None (undefined), ``detail`` the counts or misses."""

    metric: str
    value: float | None
    detail: str = ""


@dataclass
class Section:
    """A named group of rows (repair, headings, entities, dates, claims, ...)."""

    name: str
    rows: list[Row] = field(default_factory=list)

    def add(self, metric: str, value: float | None, detail: str = "") -> None:
        self.rows.append(Row(metric, value, detail))


@dataclass
class Report:
    """Everything ``score`` measured for one document against one gold file."""

    gold: str
    out_dir: str
    doc_id: str
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def row(self, section: str, metric: str) -> Row | None:
        found = self.section(section)
        if found is None:
            return None
        return next((r for r in found.rows if r.metric == metric), None)

    def value(self, section: str, metric: str) -> float | None:
        """The value of one metric, None when absent or undefined."""
        found = self.row(section, metric)
        return None if found is None else found.value

    def to_dict(self) -> dict:
        """A JSON-ready dict (plain str / float / None only)."""
        return {
            "gold": self.gold,
            "out_dir": self.out_dir,
            "doc_id": self.doc_id,
            "sections": [
                {"name": s.name, "rows": [{"metric": r.metric, "value": r.value, "detail": r.detail} for r in s.rows]}
                for s in self.sections
            ],
            "notes": list(self.notes),
        }


def format_value(value: float | None) -> str:
    """Three decimals, or a dash for an undefined figure.

    >>> format_value(2 / 3), format_value(None), format_value(1)
    ('0.667', '—', '1.000')
    """
    return "—" if value is None else f"{value:.3f}"


def render(report: Report, console: Console) -> None:
    """Print the report as one rich table, a ruled block per section, then its notes."""
    table = Table(title=f"{report.doc_id}  vs  {report.gold}", show_lines=False)
    table.add_column("section", style="bold")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("detail", overflow="fold")
    for i, section in enumerate(report.sections):
        if i:
            table.add_section()
        for j, row in enumerate(section.rows):
            table.add_row(section.name if j == 0 else "", row.metric, format_value(row.value), row.detail)
    console.print(table)
    for note in report.notes:
        console.print(f"note: {note}", style="yellow", markup=False)
