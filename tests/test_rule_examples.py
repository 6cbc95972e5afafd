"""The rules' examples are sentences written for them, not 1998 text (its licence keeps it out of the
repository, and a rule shown on the page it was mined from proves nothing about other pages)."""

import ast
import re
from pathlib import Path

import pytest

from pipeline.evaluate.pfr import dev_path
from pipeline.evaluate.pfr_entities import gold_spans, read_articles

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline" / "extract"
RULE_FILES = [*sorted((PACKAGE / "entities").glob("*.py")), *sorted((PACKAGE / "quotes").glob("*.py")), *sorted((PACKAGE / "speakers").glob("*.py")), PACKAGE / "norp.py"]
#: a run of this many Han characters and Chinese marks from a 1998 paragraph is copied text, unless it
#: is one name the annotation marks (a body's or a place's name is a fact, not the page's text)
COPIED = 8


def _examples(path: Path) -> set[str]:
    """The Chinese runs of the string constants (doctests included) of one module."""
    runs = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for line in node.value.splitlines():
                for text in re.findall(r'"([^"]+)"', line) or [line]:
                    run = re.sub(r"[^\u4e00-\u9fff，。、：“”]", "", text)
                    if len(run) >= COPIED:
                        runs.add(run)
    return runs


@pytest.mark.skipif(not dev_path().exists(), reason="../shared/pfr1998 is missing")
def test_no_rule_example_is_a_1998_sentence():
    records = [record for article in read_articles(dev_path()) for record in article]
    corpus = "\n".join(record["text"] for record in records)
    names = {record["text"][start:end] for record in records for start, end, _ in gold_spans(record, split_persons=False)}
    copied = {f"{path.name}: {run}" for path in RULE_FILES for run in _examples(path) if run in corpus and run not in names}
    assert not copied, sorted(copied)
