"""How much OCR damage repair removes, and how much harm it does to clean text.

Two measurements over the 1998 People's Daily articles (paragraphs sharing a
``YYYYMMDD-PP-AAA`` id, joined by a blank line):

* damage removed: each article is damaged by :mod:`pipeline.evaluate.damage`
  (seeded per article, so a subset gets the same damage as the full run), then
  repaired; the character error rate (Levenshtein distance / reference length)
  of damaged and of repaired text against the reference, and the share of damage
  removed, ``1 - CER_after / CER_before``.  Once with every kind together, then
  once per kind on its own.  ``removed_net_of_harm`` sets aside the distance
  repair leaves on the same article undamaged, so that a rare kind is not
  blamed for harm done elsewhere in its articles.
* harm done: repair runs on the clean article as printed (full-width digits);
  against the width-folded article, any difference is harm.  The edits in the
  log that are not width folds are the false edits, counted by kind.

An identity "repair" removes no damage; folding the width alone does no harm:

>>> measure_repair(_tiny_corpus(), repair_fn=lambda raw: raw)["damage"]["all"]["removed"]
0.0
>>> measure_repair(_tiny_corpus(), repair_fn=fold_width)["harm"]["share_changed"]
0.0
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from pipeline.evaluate.damage import ALL_KINDS, DEFAULT_KINDS, damage
from pipeline.evaluate.pfr import dev_path, read_articles
from pipeline.repair.width import fold_width

EXAMPLES_PER_KIND = 5
CONTEXT = 8


def article_texts(path: Path, limit_articles: int | None = None) -> Iterator[tuple[str, str]]:
    """(article id, text) in file order; an article's paragraphs joined by a blank line."""
    for article, records in read_articles(path, limit_articles):
        yield article, "\n\n".join(r["text"] for r in records)


def project_repair(raw: str):
    """The project's repair (a result with ``.text`` and ``.edits``)."""
    from pipeline.repair import repair

    return repair(raw)


def _text_and_edits(result) -> tuple[str, list]:
    """A repair function may return plain text, or a result with ``.text`` and ``.edits``."""
    return (result, []) if isinstance(result, str) else (result.text, list(result.edits))


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 6) if den else None


def _diff_examples(reference: str, output: str, limit: int) -> list[dict[str, str]]:
    """The first differences between reference and output, with a little context."""
    examples = []
    for op in Levenshtein.opcodes(reference, output):
        if op.tag == "equal":
            continue
        examples.append(
            {
                "expected": reference[max(0, op.src_start - CONTEXT) : op.src_end + CONTEXT],
                "got": output[max(0, op.dest_start - CONTEXT) : op.dest_end + CONTEXT],
            }
        )
        if len(examples) >= limit:
            break
    return examples


def _damage_run(
    articles: list[tuple[str, str]], seed: int, kinds: tuple[str, ...], repair_fn: Callable, rates: dict | None
) -> dict:
    ref_chars = before = after = baseline = exact = 0
    sites: Counter[str] = Counter()
    failures = []
    for article_id, clean in articles:
        d = damage(clean, f"{seed}:{article_id}", kinds=kinds, rates=rates)
        out, _ = _text_and_edits(repair_fn(d.text))
        undamaged, _ = _text_and_edits(repair_fn(d.reference))
        harm = Levenshtein.distance(undamaged, d.reference)
        baseline += harm
        ref_chars += len(d.reference)
        before += Levenshtein.distance(d.text, d.reference)
        dist = Levenshtein.distance(out, d.reference)
        after += dist
        sites.update(d.counts)
        if dist == 0:
            exact += 1
        elif dist > harm and len(failures) < EXAMPLES_PER_KIND:  # damage left, not only harm
            failures.append({"article": article_id, "diff": _diff_examples(d.reference, out, 2)})
    cer_before, cer_after = _ratio(before, ref_chars), _ratio(after, ref_chars)
    return {
        "sites": dict(sites),
        "distance_before": before,
        "distance_after": after,
        "cer_before": cer_before,
        "cer_after": cer_after,
        "removed": round(1 - after / before, 6) if before else None,
        # what repair would get wrong on the undamaged article anyway (harm), set aside:
        "distance_undamaged": baseline,
        "removed_net_of_harm": round(1 - (after - baseline) / before, 6) if before else None,
        "articles_exact": exact,
        "failures": failures,
    }


def _is_width_fold(raw: str, edit) -> bool:
    """Is ``edit`` what folding the width does there (with one character of context, for ２．３)?"""
    lo = max(0, edit.raw_start - 1)
    window = fold_width(raw[lo : edit.raw_end + 1])
    return edit.before != edit.after and window[edit.raw_start - lo : edit.raw_end - lo] == edit.after


def _harm_run(articles: list[tuple[str, str]], repair_fn: Callable) -> dict:
    chars = changed = 0
    false_edits: Counter[str] = Counter()
    examples: dict[str, list[dict[str, str]]] = {}
    for article_id, clean in articles:
        reference = fold_width(clean)
        out, edits = _text_and_edits(repair_fn(clean))
        chars += len(reference)
        changed += Levenshtein.distance(out, reference)
        for e in edits:
            if e.before == e.after or _is_width_fold(clean, e):
                continue
            false_edits[e.kind] += 1
            shown = examples.setdefault(e.kind, [])
            if len(shown) < EXAMPLES_PER_KIND:
                context = clean[max(0, e.raw_start - CONTEXT) : e.raw_end + CONTEXT]
                shown.append({"article": article_id, "context": context, "before": e.before, "after": e.after})
    return {
        "chars": chars,
        "changed_chars": changed,
        "share_changed": _ratio(changed, chars),
        "false_edits": dict(false_edits.most_common()),
        "examples": examples,
    }


def measure_repair(
    path: Path | list[tuple[str, str]] | None = None,
    limit_articles: int | None = None,
    seed: int = 0,
    repair_fn: Callable | None = None,
    per_kind: bool = True,
    rates: dict[str, float] | None = None,
) -> dict:
    """Damage removed (all kinds, then each alone) and harm done on clean text.

    ``path`` is a ``*.spans.jsonl.gz`` file (default: the 1998 dev file) or a list
    of (article id, text); ``repair_fn`` maps raw text to repaired text, or to a
    result with ``.text`` and ``.edits`` (default: the project's repair, whose edit
    log then names the false edits); ``rates`` overrides the damage rates.
    """
    if path is None:
        path = dev_path()
    articles = list(path) if isinstance(path, list) else list(article_texts(Path(path), limit_articles))
    articles = articles[:limit_articles] if limit_articles is not None else articles
    fn = repair_fn or project_repair
    result = {
        "articles": len(articles),
        "seed": seed,
        "damage": {"all": _damage_run(articles, seed, DEFAULT_KINDS, fn, rates)},
        "harm": _harm_run(articles, fn),
    }
    if per_kind:
        result["damage"]["per_kind"] = {k: _damage_run(articles, seed, (k,), fn, rates) for k in ALL_KINDS}
    return result


def _tiny_corpus() -> list[tuple[str, str]]:
    """Two articles for the doctest."""
    return [
        ("a1", "中国—东盟合作取得新进展\n\n１９９８年，双方贸易额增长１２．３％，“成果丰硕”。"),
        ("a2", "标题\n\n他说：我们将继续努力（见图）。这是一个很长的段落，用来检验分栏。"),
    ]


if __name__ == "__main__":
    import sys

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    print(json.dumps(measure_repair(limit_articles=limit), ensure_ascii=False, indent=1))
