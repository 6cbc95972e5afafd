"""A static HTML report of an output folder: what was found, where, and what was repaired.

``pipeline report OUT --html DIR`` reads only OUT's CSV tables (and, with ``--corpus``,
the raw files they came from) and writes an overview, one page per document and a
search page that open from disk with no network.
"""

from pipeline.report.site import Summary, build_report
from pipeline.report.tables import ReportError

__all__ = ["ReportError", "Summary", "build_report"]
