"""Hand-written SVG bar charts: no library, no script, nothing fetched; they print too.

Each bar carries ``data-label`` and ``data-value``, so a test (or a reader's script)
can check a chart against the tables.
"""

from __future__ import annotations

from html import escape
from unicodedata import east_asian_width

from markupsafe import Markup

#: layout in CSS pixels
WIDTH, ROW, LABEL_WIDTH, VALUE_WIDTH = 560, 24, 150, 70
DEFAULT_COLOR = "#8fa7c9"
#: the bar that sums the labels past the chart's rows (see figures.ranked)
OTHER_COLOR = "#c8ccd1"


def bar_chart(items: list[tuple[str, int]], title: str, colors: dict[str, str] | None = None) -> Markup:
    """Horizontal bars, one per (label, value), scaled to the largest value.

    >>> svg = bar_chart([("GPE", 12), ("ORG", 3)], "Entities by label")
    >>> svg.count('class="bar"'), 'data-label="GPE" data-value="12"' in svg
    (2, True)
    >>> "<script" in bar_chart([("<script>", 1)], "escaped")
    False
    >>> "no data" in bar_chart([], "Empty")
    True
    """
    colors = colors or {}
    if not items:
        return Markup(f'<p class="empty">{escape(title)}: no data</p>')
    largest = max(value for _, value in items) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW * len(items) + 4
    bars = []
    for i, (label, value) in enumerate(items):
        y = 2 + i * ROW
        length = max(1.0, span * value / largest) if value else 0.0
        color = colors.get(label, OTHER_COLOR if label.startswith("other (") else DEFAULT_COLOR)
        bars.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f'<title>{escape(label)}: {value:,}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + ROW / 2}" text-anchor="end" dominant-baseline="central">'
            f"{escape(_clip(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" rx="3" fill="{escape(color)}"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + ROW / 2}" dominant-baseline="central" class="value">'
            f"{value:,}</text></g>"
        )
    return Markup(
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}">'
        + "".join(bars)
        + "</svg>"
    )


def _clip(label: str, limit: int = 20) -> str:
    """A label short enough for the label column, wide characters counting two (the full
    label is in the bar's title).

    >>> _clip("平方公里"), _clip("a" * 30), _clip("中华人民共和国国家统计局")
    ('平方公里', 'aaaaaaaaaaaaaaaaaaa…', '中华人民共和国国家…')
    """
    if sum(_width(char) for char in label) <= limit:
        return label
    kept, used = [], 0
    for char in label:
        used += _width(char)
        if used > limit - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _width(char: str) -> int:
    return 2 if east_asian_width(char) in "WF" else 1
