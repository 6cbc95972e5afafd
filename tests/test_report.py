"""`pipeline report`: the HTML report of an output folder, checked in a real browser.

The browser tests open the report of the bundled `outputs/` in Debian's chromium
(headless, driven by Playwright without a browser download of its own) and compare
what the pages show with counts the test takes from the CSV tables itself. Screenshots
are saved under build/test-artifacts/. Without chromium (or Playwright) those tests
skip with the reason; the other tests need no browser.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import ReportError, build_report

REPO = Path(__file__).resolve().parents[1]
OUTPUTS, CORPUS = REPO / "outputs", REPO / "corpus"
ARTIFACTS = REPO / "build" / "test-artifacts"
DOC = "2024-heritage-shanxi"  # the bundled article with a displaced tail, captions and credits
runner = CliRunner()


def read(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(out: Path, table: str, rows: list[dict[str, str]], columns: list[str]) -> None:
    with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("report") / "html"
    result = runner.invoke(app, ["report", str(OUTPUTS), "--html", str(target), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    n = len(read(OUTPUTS, "documents"))
    assert f"report of {n} documents, raw text beside {n}:" in result.stderr
    return target


# --- in the browser ---------------------------------------------------------------------


def chromium_path() -> str | None:
    for candidate in (os.environ.get("PIPELINE_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (`make test` installs it with apt-get when it can)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        yield browser
        browser.close()


class Page:
    """A browser page that records console errors, uncaught exceptions and any non-local request."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.problems.append(f"network: {r.url}"))

    def open(self, path: Path, anchor: str = ""):
        self.page.goto(path.as_uri() + anchor)
        self.page.wait_for_load_state("load")
        return self.page

    def figure(self, key: str) -> int:
        return int(self.page.locator(f'[data-figure="{key}"] .value').inner_text().replace(",", ""))

    def bars(self, chart_heading: str) -> dict[str, int]:
        section = self.page.locator("section", has=self.page.locator("h2", has_text=chart_heading))
        return {
            g.get_attribute("data-label"): int(g.get_attribute("data-value"))
            for g in section.locator("svg.chart g.bar").all()
        }


def test_overview_loads_cleanly_and_shows_the_folder_counts(report: Path, browser):
    page = Page(browser)
    tab = page.open(report / "index.html")
    documents, paragraphs = read(OUTPUTS, "documents"), read(OUTPUTS, "paragraphs")
    expected = {
        "documents": len(documents),
        "documents-ok": sum(d["status"] == "ok" for d in documents),
        "documents-failed": sum(d["status"] == "error" for d in documents),
        "paragraphs": len(paragraphs),
        "flagged": sum(p["quality"] != "ok" for p in paragraphs),
        **{table: len(read(OUTPUTS, table)) for table in ("entities", "claims", "quotes", "repairs")},
    }
    assert {key: page.figure(key) for key in expected} == expected
    assert expected["documents"] >= 7 and expected["entities"] > 100  # the bundled corpus, not an empty folder
    labels = Counter(e["label"] for e in read(OUTPUTS, "entities"))
    assert page.bars("Entities by label") == dict(labels)
    assert page.bars("Repairs by kind") == dict(Counter(r["kind"] for r in read(OUTPUTS, "repairs")))
    records = page.bars("Records per table")
    assert records["tokens"] == len(read(OUTPUTS, "tokens")) and records["credits"] == len(read(OUTPUTS, "credits"))
    top_gpe = tab.locator('.label-group[data-label="GPE"] li').first.inner_text()
    assert top_gpe.startswith(Counter(e["normalized"] or e["text"] for e in read(OUTPUTS, "entities") if e["label"] == "GPE").most_common(1)[0][0])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=ARTIFACTS / "report-overview.png", full_page=True)
    assert page.problems == []


def test_document_page_highlights_entities_and_marks_every_repair(report: Path, browser):
    page = Page(browser)
    tab = page.open(report / "doc" / f"{DOC}.html")
    entities = [e for e in read(OUTPUTS, "entities") if e["doc_id"] == DOC]
    spans = {(e["para_no"], int(e["start"]), int(e["end"])) for e in entities}
    outermost = [
        s for s in spans
        if not any(o != s and o[0] == s[0] and o[1] <= s[1] and s[2] <= o[2] for o in spans)
    ]
    assert tab.locator(".paragraph mark.entity").count() == len(outermost) > 20
    repairs = [r for r in read(OUTPUTS, "repairs") if r["doc_id"] == DOC]
    marked = {int(n) for n in tab.locator(".raw-text [data-repair]").evaluate_all("els => els.map(e => e.dataset.repair)")}
    assert marked == set(range(len(repairs)))
    raw_shown = tab.locator(".raw-text").evaluate_all("cells => cells.map(c => c.textContent).join('')")
    assert raw_shown.replace("↵", "").replace("⁁", "") == (CORPUS / f"{DOC}.txt").read_text(encoding="utf-8")
    displaced = tab.locator(".raw-text mark.rp-displaced_tail")
    assert displaced.count() == 1 and displaced.get_attribute("title").startswith("displaced_tail: 则。")
    claims = [c for c in read(OUTPUTS, "claims") if c["doc_id"] == DOC]
    assert tab.locator("section.claims tbody tr").count() == len(claims)
    assert tab.locator("section.quotes blockquote").count() == sum(q["doc_id"] == DOC for q in read(OUTPUTS, "quotes"))
    tab.screenshot(path=ARTIFACTS / "report-document.png")
    raw = tab.locator("#raw").bounding_box()
    tab.screenshot(path=ARTIFACTS / "report-document-raw.png", full_page=True, clip={**raw, "height": 720})
    tab.locator("#show-edits").check()
    assert "show-edits" in tab.locator("body").get_attribute("class")
    assert page.problems == []


def test_search_finds_documents_by_entity_and_links_to_them(report: Path, browser):
    page = Page(browser)
    tab = page.open(report / "index.html")
    tab.fill("header .search-box input", "南宁")
    tab.press("header .search-box input", "Enter")
    tab.wait_for_url(re.compile(r"search\.html#q="))
    mentioning = {e["doc_id"] for e in read(OUTPUTS, "entities") if "南宁" in (e["normalized"] or e["text"])}
    assert {a.inner_text() for a in tab.locator("#doc-results a").all()} == mentioning
    assert "南宁市" in tab.locator("#ent-results").inner_text()
    tab.locator("#doc-results a").first.click()
    tab.wait_for_load_state("load")
    assert tab.url.endswith(".html") and "/doc/" in tab.url
    tab.goto((report / "search.html").as_uri() + "#status=error")
    assert tab.locator("#doc-count").inner_text() == str(sum(d["status"] == "error" for d in read(OUTPUTS, "documents")))
    assert page.problems == []


# --- without a browser --------------------------------------------------------------------


def test_report_is_self_contained(report: Path):
    files = [p for p in report.rglob("*") if p.is_file()]
    assert {p.relative_to(report).as_posix() for p in files} >= {
        "index.html", "search.html", "assets/report.css", "assets/search-index.js", f"doc/{DOC}.html",
        "doc/world/2024-forum-nanning.html",
    }
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import""", text), file


def test_older_folder_without_a_table_or_column_and_with_a_newer_table(tmp_path: Path):
    old = tmp_path / "old"
    shutil.copytree(OUTPUTS, old, ignore=shutil.ignore_patterns(".cache", "quotes.csv", "run.json"))
    paragraphs = read(OUTPUTS, "paragraphs")
    write(old, "paragraphs", paragraphs, ["doc_id", "para_no", "kind", "text", "raw_start", "raw_end"])
    write(old, "numbers", [{"doc_id": DOC, "value": "1"}] * 3, ["doc_id", "value", "kind"])
    summary = build_report(old, tmp_path / "html")  # no corpus: raw text not shown
    assert summary.documents == len(read(OUTPUTS, "documents")) and summary.with_raw == 0
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "no <code>quotes.csv</code>" in index and "has no column quality" in index
    assert 'data-label="numbers" data-value="3"' in index
    page = (tmp_path / "html" / "doc" / f"{DOC}.html").read_text(encoding="utf-8")
    assert "raw text not shown: give the corpus folder with --corpus" in page
    repairs = sum(r["doc_id"] == DOC for r in read(OUTPUTS, "repairs"))
    assert page.count('<tr><td><span class="rp rp-') == repairs  # every repair listed instead


def test_entity_rows_that_do_not_fit_their_paragraph_are_counted_not_drawn(tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(OUTPUTS, out, ignore=shutil.ignore_patterns(".cache"))
    entities = read(OUTPUTS, "entities")
    first = next(i for i, e in enumerate(entities) if e["doc_id"] == DOC)
    entities[first] = {**entities[first], "start": "900", "end": "905"}
    write(out, "entities", entities, list(entities[0]))
    build_report(out, tmp_path / "html")
    page = (tmp_path / "html" / "doc" / f"{DOC}.html").read_text(encoding="utf-8")
    assert "1 entity rows do not match their paragraph&#39;s text and are not highlighted" in page


def test_a_changed_raw_file_is_not_marked_with_stale_offsets(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / f"{DOC}.txt").write_text("另一篇文章", encoding="utf-8")
    summary = build_report(OUTPUTS, tmp_path / "html", corpus)
    assert summary.with_raw == len(read(OUTPUTS, "documents")) - 1
    page = (tmp_path / "html" / "doc" / f"{DOC}.html").read_text(encoding="utf-8")
    assert "has changed since the run (sha256 differs)" in page and 'class="raw-text"' not in page


def test_rerun_replaces_its_own_report_and_refuses_other_folders(tmp_path: Path):
    target = tmp_path / "html"
    build_report(OUTPUTS, target)
    stale = target / "doc" / "gone.html"
    stale.write_text("a page of a document no longer in the folder", encoding="utf-8")
    build_report(OUTPUTS, target)
    assert not stale.exists() and (target / "index.html").is_file()
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["report", str(OUTPUTS), "--html", str(foreign)])
    assert result.exit_code == 2 and "holds no earlier report" in result.stderr
    assert [p.name for p in foreign.iterdir()] == ["keep.txt"]
    shutil.copytree(OUTPUTS, target / "out", ignore=shutil.ignore_patterns(".cache"))
    result = runner.invoke(app, ["report", str(target / "out"), "--html", str(target)])
    assert result.exit_code == 2 and "which the report reads" in result.stderr and (target / "index.html").is_file()


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda out: shutil.rmtree(out), "is not a folder"),
        (lambda out: (out / "entities.csv").write_bytes("doc_id,text\nx,\xff".encode("latin-1")), "entities.csv: not UTF-8 text"),
        (lambda out: (out / "claims.csv").write_text("text,value\n1,2\n", encoding="utf-8"), "claims.csv: no doc_id column"),
        (lambda out: [p.unlink() for p in out.glob("*.csv")], "has none of the tables of `pipeline run`"),
    ],
)
def test_unreadable_folders_stop_with_the_file_and_the_reason(tmp_path: Path, breakage, message):
    out = tmp_path / "out"
    shutil.copytree(OUTPUTS, out, ignore=shutil.ignore_patterns(".cache"))
    breakage(out)
    result = runner.invoke(app, ["report", str(out), "--html", str(tmp_path / "html")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert not (tmp_path / "html").exists()
    with pytest.raises(ReportError, match=re.escape(message)):
        build_report(out, tmp_path / "html")
