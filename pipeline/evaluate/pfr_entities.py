"""Score PER / place / ORG on the People's Daily 1998 corpus (PFR), against two taggers.

The 1998 gold tags countries, cities, rivers and buildings alike as ``ns``, so
GPE, LOC and FAC all count as ``place``.  Matching is exact on the span; INNER_*
spans (a name inside a longer bracketed name) are ignored, as flat scoring does.
The references run on the same folded text: jieba's ``posseg`` (nr, ns, nt) and
THULAC (np, ns, ni) when it is installed.

The corpus derives PER from runs of ``nr`` tokens, so names whose separating spaces it
dropped (credit lines, lists of leaders) became one "person" (江泽民李鹏乔石…); every
system is scored against the runs cut into persons (:func:`split_person_run`), and the
report also gives our micro F1 against the runs as they are.  Names that the pipeline
reports inside a title, an event name or a nationality (周恩来 in 《周恩来传》) count like
any other, since the corpus tags them in place.

>>> _prf(8, 2, 2)
{'p': 0.8, 'r': 0.8, 'f1': 0.8, 'tp': 8, 'fp': 2, 'fn': 2}
>>> _prf(0, 0, 0)['f1']
0.0
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from pipeline.evaluate import pfr
from pipeline.repair.width import fold_width

LABELS = ("PER", "place", "ORG")
_GOLD = {"PER": "PER", "LOC": "place", "ORG": "ORG"}
_OURS = {"PERSON": "PER", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "ORG"}
_JIEBA = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "place", "nt": "ORG"}
_THULAC = {"np": "PER", "ns": "place", "ni": "ORG"}

Span = tuple[int, int, str]


def read_articles(path: Path, limit_articles: int | None = None, split: str | None = None) -> Iterator[list[dict]]:
    """Paragraph records grouped by article (ids share ``YYYYMMDD-PP-AAA``), text width-folded."""
    for _, records in pfr.read_articles(path, limit_articles, split):
        yield [{**record, "text": fold_width(record["text"])} for record in records]


def gold_spans(rec: dict, split_persons: bool = True) -> set[Span]:
    """PER / place / ORG spans of one paragraph (INNER_* dropped), PER runs split into persons
    unless ``split_persons`` is false."""
    out = set()
    for s, e, lab, *_ in rec["spans"]:
        if lab == "PER" and split_persons and "tokens" in rec:
            out.update((a, b, "PER") for a, b in split_person_run(rec["tokens"], s, e))
        elif lab in _GOLD:
            out.add((s, e, _GOLD[lab]))
    return out


#: two-character surnames that PFR tags as one token before the given name (欧阳/nr 修/nr)
_COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "端木", "长孙", "宇文", "独孤"})


def split_person_run(tokens: Sequence[Sequence[str]], start: int, end: int) -> list[tuple[int, int]]:
    """The persons in one gold PER span.

    The corpus derives PER from a run of ``nr`` tokens, and a Chinese name is two
    tokens there (江/nr 泽民/nr).  Where the source separated names by spaces that
    the corpus dropped (credit lines, leaders' lists), the run holds several
    persons; it is cut after each surname + given-name pair.

    >>> toks = [["（", "w"], ["冯", "nr"], ["天林", "nr"], ["董", "nr"], ["毅敏", "nr"], ["）", "w"]]
    >>> split_person_run(toks, 1, 7)
    [(1, 4), (4, 7)]
    >>> split_person_run([["李", "nr"], ["鹏", "nr"], ["乔", "nr"], ["石", "nr"]], 0, 4)
    [(0, 2), (2, 4)]
    >>> split_person_run([["克林顿", "nr"], ["说", "v"]], 0, 3), split_person_run([["欧阳", "nr"], ["修", "nr"]], 0, 3)
    ([(0, 3)], [(0, 3)])
    """
    spans, pos = [], 0
    inside = []
    for word, _tag in tokens:
        if pos >= start and pos + len(word) <= end:
            inside.append((pos, pos + len(word), word))
        pos += len(word)
    if not inside or inside[0][0] != start or inside[-1][1] != end:
        return [(start, end)]
    k = 0
    while k < len(inside):
        s, e, word = inside[k]
        if k + 1 < len(inside) and (len(word) == 1 or word in _COMPOUND_SURNAMES):
            e = inside[k + 1][1]
            k += 1
        spans.append((s, e))
        k += 1
    return spans


def ours(text: str) -> set[Span]:
    """Spans from :func:`pipeline.extract.entities.find_entities` (one paragraph alone)."""
    from pipeline.extract.entities import find_entities

    return {(e.start, e.end, _OURS[e.label]) for e in find_entities(text) if e.label in _OURS}


def ours_article(texts: Sequence[str]) -> list[set[Span]]:
    """Spans of every paragraph of one article, through the document-level
    :func:`pipeline.extract.entities.find_document_entities`, as the pipeline runs it."""
    from pipeline.extract.entities import find_document_entities

    return [{(e.start, e.end, _OURS[e.label]) for e in ents if e.label in _OURS} for ents in find_document_entities(texts)]


def _from_tokens(pairs: Iterable[tuple[str, str]], table: dict[str, str]) -> set[Span]:
    out, i = set(), 0
    for word, tag in pairs:
        if tag in table:
            out.add((i, i + len(word), table[tag]))
        i += len(word)
    return out


def _jieba() -> Callable[[str], set[Span]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return lambda text: _from_tokens(((p.word, p.flag) for p in tok.cut(text)), _JIEBA)


def _thulac() -> Callable[[str], set[Span]]:
    import thulac  # optional: large, used only for this comparison

    with contextlib.redirect_stdout(sys.stderr):  # THULAC announces itself on stdout
        model = thulac.thulac()
    return lambda text: _from_tokens(((w, t) for w, t in model.cut(text)), _THULAC)


_REFERENCES = {"jieba": _jieba, "thulac": _thulac}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _score(pairs: list[tuple[set[Span], set[Span]]]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    out = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    out["micro"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def score_pfr_entities(path: Path, limit_articles: int | None = None, references: Sequence[str] = ("jieba", "thulac")) -> dict:
    """Micro P/R/F1 per label and overall for ours and each available reference.

    Returns ``{"articles", "paragraphs", "chars", "systems": {name: scores}, "notes": [...]}``.
    """
    articles = list(read_articles(Path(path), limit_articles))
    recs = [r for art in articles for r in art]
    systems: dict[str, Callable[[str], set[Span]]] = {}
    notes = []
    for name in references:
        try:
            systems[name] = _REFERENCES[name]()
        except (ImportError, KeyError) as exc:
            notes.append(f"{name} skipped: {exc}")
    golds = [gold_spans(r) for r in recs]
    as_printed = [gold_spans(r, split_persons=False) for r in recs]
    result = {"articles": len({r["id"].rsplit("-", 1)[0] for r in recs}), "paragraphs": len(recs),
              "chars": sum(len(r["text"]) for r in recs), "systems": {}, "notes": notes}
    predicted = [s for art in articles for s in ours_article([r["text"] for r in art])]
    result["systems"]["ours"] = _score(list(zip(golds, predicted, strict=True)))
    for split in pfr.SPLITS:  # the days errors were read on, and the days kept for measuring
        part = [(g, p) for g, p, r in zip(golds, predicted, recs, strict=True) if pfr.in_split(r["id"], split)]
        if part and len(part) < len(recs):
            result["systems"][f"ours, days {split}"] = _score(part)
    unsplit = _score(list(zip(as_printed, predicted, strict=True)))["micro"]
    notes.append(f"gold PER runs are split into persons (split_person_run); with the corpus's runs as they are, ours micro F1 {unsplit['f1']:.3f}")
    for name, fn in systems.items():
        result["systems"][name] = _score([(g, fn(r["text"])) for g, r in zip(golds, recs, strict=False)])
    return result


def _page_key(text: str) -> str:
    """Gold comparison form: NFKC, no spaces, no quote marks."""
    import unicodedata

    return re.sub(r"[\s\"'“”‘’「」]", "", unicodedata.normalize("NFKC", text))


def score_gold_entities(gold: dict, entities: Iterable[tuple[str, str]]) -> dict:
    """Set-based P/R/F1 over (text, label) against a hand annotation like the shared page's gold.

    A gold item is found when a prediction matches its text or one of its
    ``alt`` texts with its type or one of its ``alt_types``; a prediction that
    matches no gold item and no ``optional_entities`` text is a false positive.

    >>> g = {"entities": [{"type": "GPE", "text": "乌镇", "alt": ["浙江乌镇"]}], "optional_entities": ["本报"]}
    >>> s = score_gold_entities(g, [("浙江乌镇", "GPE"), ("本报", "ORG"), ("巴西", "GPE")])
    >>> s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"], s["false_positives"]
    (1, 1, 0, [('巴西', 'GPE')])
    """
    preds = {(_page_key(t), lab) for t, lab in entities}
    optional = {_page_key(t) for t in gold.get("optional_entities", [])}
    matched: set[tuple[str, str]] = set()
    per: dict[str, Counter] = {}
    missed = []
    for item in gold["entities"]:
        texts = {_page_key(t) for t in [item["text"], *item.get("alt", [])]}
        types = {item["type"], *item.get("alt_types", [])}
        hits = {p for p in preds if p[0] in texts and p[1] in types}
        c = per.setdefault(item["type"], Counter())
        if hits:
            matched |= hits
            c["tp"] += 1
        else:
            c["fn"] += 1
            missed.append((item["text"], item["type"]))
    extra = sorted(p for p in preds - matched if p[0] not in optional)
    for _, lab in extra:
        per.setdefault(lab, Counter())["fp"] += 1
    out = {lab: _prf(c["tp"], c["fp"], c["fn"]) for lab, c in sorted(per.items())}
    out["micro"] = _prf(sum(c["tp"] for c in per.values()), len(extra), len(missed))
    out["false_positives"] = extra
    out["missed"] = missed
    return out
