"""Score an output folder against a hand-annotated gold page (``pipeline eval``).

The gold format is that of ``../shared/gold/wic2023-wuzhen.gold.json``; its
``about`` field sets the matching rules, applied here in one place (``fold``):
texts are compared after NFKC folding and removing spaces and quote marks.
Entities and claims are scored as sets; ``alt`` / ``alt_types`` / ``alt_labels``
are accepted alternatives; ``optional_*`` items are neutral (neither hit nor
false positive).

Choices the gold file leaves open, made here and kept stable:

* entity precision counts distinct (folded text, label) pairs; a pair is a hit
  when it matches any gold item (text or alt, type or alt_type), neutral when
  its text is an optional entity (any label), otherwise a false positive.
  Per label, gold items count under their primary type; a predicted pair
  that hits counts under the type of the item it hits (a LAW pair hitting a
  WORK_OF_ART item is a WORK_OF_ART hit), a false positive under its own label.
* dates and claims match on folded text exactly first; only when no exact
  match exists, on containment (either text inside the other).  Claims are
  matched one to one, so one long predicted row cannot satisfy two gold claims.
  Value / unit / qualifier / object accuracy is measured over matched claims;
  a gold claim without an ``object`` key is left out of object accuracy.
* the garbled-paragraph check needs ``repair.garbled_contains`` (a string or a
  list); without it the check is skipped and a note says so.

Extra fields of the project's own golds (``tests/gold``), all optional:

* headings: ``optional_headings`` are neutral for precision.
* dates: ``alt`` texts and ``alt_values`` are accepted; DATE precision counts distinct
  predicted texts, with ``optional_dates`` (and ``optional_entities``) neutral.
* claims: ``alt`` texts are matched like ``text``; a null ``value`` (a range) compares
  ``value_low`` / ``value_high`` only.
* quotes: ``alt_speakers`` are accepted; ``contains_all`` fragments may be spread over
  consecutive rows of the speaker; ``optional`` quotes are neutral; ``kind`` and ``role``
  give accuracy rows over the quotes found (a printed role may add leading modifiers).
* captions: ``agency`` gives an accuracy row over the captions found.
* ``credits`` ({role, name}) are scored per role like ``page_credits``; ``dateline.date``
  against documents.csv ``dateline_date`` (skipped with a note when absent or not ISO).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from pipeline.evaluate.report import Report, Row, Section

#: quote marks the gold's ``about`` field says to drop before comparing (after NFKC)
QUOTE_MARKS = "\"'“”‘’「」"
_DROP = re.compile(f"[\\s{re.escape(QUOTE_MARKS)}]")
_DROP_KEEP_NEWLINE = re.compile(f"[^\\S\\n]|[{re.escape(QUOTE_MARKS)}]")

#: gold ``page_credits`` key -> credits.csv role
CREDIT_ROLES = {
    "editors": "editor",
    "layout": "layout",
    "reporters": "reporter",
    "photographers": "photographer",
    "correspondents": "correspondent",
}


class EvalError(ValueError):
    """The gold file or the output folder cannot be scored (message fit for one line)."""


def fold(text: object, keep_newlines: bool = False) -> str:
    """The comparison form of a text: NFKC, no spaces, no quote marks.

    >>> fold("2023年世界互联网大会“互 联网之光”博览会")
    '2023年世界互联网大会互联网之光博览会'
    >>> fold("新机遇，拓展") == fold("新机遇,拓展")
    True
    >>> fold("「中文联盟」　"), fold(None), fold(126)
    ('中文联盟', '', '126')
    >>> fold("新机 \\n遇", keep_newlines=True)
    '新机\\n遇'
    """
    if text is None:
        return ""
    normal = unicodedata.normalize("NFKC", str(text))
    return (_DROP_KEEP_NEWLINE if keep_newlines else _DROP).sub("", normal)


def to_decimal(value: object) -> Decimal | None:
    """A Decimal from a CSV cell or a JSON number, None for junk.

    >>> to_decimal("200000.0") == to_decimal(200000)
    True
    >>> to_decimal("0.50") == Decimal("0.5"), to_decimal(""), to_decimal("abc"), to_decimal("NaN")
    (True, None, None, None)
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def load_gold(path: Path | str) -> dict:
    """Read a gold file; numbers stay exact (floats parse as Decimal)."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except OSError as err:
        raise EvalError(f"cannot read gold file {path}: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise EvalError(f"gold file {path} is not valid UTF-8 JSON: {err}") from None
    if not isinstance(gold, dict):
        raise EvalError(f"gold file {path} must hold a JSON object")
    return gold


# ---------------------------------------------------------------- output folder


@dataclass
class _Output:
    """The CSV tables of one output folder, read once, filtered to one document."""

    out_dir: Path
    missing: list[str] = field(default_factory=list)
    _cache: dict[str, list[dict]] = field(default_factory=dict)

    def table(self, name: str) -> list[dict]:
        if name not in self._cache:
            path = self.out_dir / f"{name}.csv"
            try:
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    self._cache[name] = [{k: v or "" for k, v in row.items() if k} for row in csv.DictReader(handle)]
            except (OSError, UnicodeDecodeError, csv.Error):
                self.missing.append(f"{name}.csv")
                self._cache[name] = []
        return self._cache[name]

    def rows(self, name: str, doc_id: str) -> list[dict]:
        return [row for row in self.table(name) if row.get("doc_id") == doc_id]


def _para_key(row: dict) -> tuple[int, str]:
    number = to_decimal(row.get("para_no"))
    return (int(number) if number is not None else 0, row.get("para_no", ""))


def find_doc_id(output: _Output, gold: dict, doc_id: str | None = None) -> str:
    """The doc_id the gold describes: ``doc_id`` if given, else the one named like the gold's file."""
    documents = output.table("documents") or [
        {"doc_id": d, "path": d + ".txt"}
        for d in dict.fromkeys(r.get("doc_id", "") for r in output.table("paragraphs"))
    ]
    known = [d.get("doc_id", "") for d in documents]
    if doc_id is not None:
        if doc_id in known:
            return doc_id
        raise EvalError(f"document {doc_id!r} is not in {output.out_dir} (known: {', '.join(known) or 'none'})")
    target = PurePosixPath(str(gold.get("document", "")).replace("\\", "/"))
    if not target.name:
        if len(known) == 1:
            return known[0]
        raise EvalError("the gold names no document and the output holds several: pass --doc")

    def path_of(d: dict) -> PurePosixPath:
        return PurePosixPath((d.get("path") or d.get("doc_id", "")).replace("\\", "/"))

    hits = [
        d for d in documents if path_of(d).stem == target.stem or PurePosixPath(d.get("doc_id", "")).name == target.stem
    ]
    if len(hits) > 1:  # prefer the one whose path ends with the gold's whole relative path
        hits = [d for d in hits if str(path_of(d)).endswith("/" + str(target)) or path_of(d) == target] or hits
    if len(hits) == 1:
        return hits[0]["doc_id"]
    if not hits:
        raise EvalError(f"no document named {target.stem!r} in {output.out_dir} (pass --doc)")
    raise EvalError(
        f"several documents named {target.stem!r} in {output.out_dir}: {', '.join(h['doc_id'] for h in hits)}"
    )


# ---------------------------------------------------------------- helpers


def _ratio(hits: int, total: int) -> float | None:
    return None if total == 0 else hits / total


def _f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when nothing was predicted for gold that exists, None when there is no gold.

    >>> _f1(0.5, 1.0), _f1(None, 0.0), _f1(1.0, None), _f1(0.0, 0.0)
    (0.6666666666666666, 0.0, None, 0.0)
    """
    if precision is None and recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _misses(items: Iterable[str], limit: int = 12) -> str:
    items = list(items)
    shown = "; ".join(items[:limit])
    return shown + (f"; … (+{len(items) - limit})" if len(items) > limit else "")


def _strings(value: object) -> list[str]:
    """A gold field that may be a string or a list of strings, as a list."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _texts(item: dict, key: str = "text", alt: str = "alt") -> set[str]:
    return {fold(t) for t in _strings(item.get(key)) + _strings(item.get(alt))} - {""}


def _contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


# ---------------------------------------------------------------- sections


def score_repair(gold: dict, paragraphs: list[dict], report: Report) -> Section:
    """must_contain / must_not_contain on the joined paragraph text, paragraph starts, garbled flag."""
    section = Section("repair")
    repair = gold.get("repair") or {}
    joined = "".join(fold(p.get("text"), keep_newlines=True) + "\n" for p in paragraphs)
    starts = [fold(p.get("text")) for p in paragraphs]
    checks: list[tuple[str, list[tuple[str, bool]]]] = [
        ("must_contain", [(s, fold(s, keep_newlines=True) in joined) for s in _strings(repair.get("must_contain"))]),
        (
            "must_not_contain",
            [(s, fold(s, keep_newlines=True) not in joined) for s in _strings(repair.get("must_not_contain"))],
        ),
        (
            "paragraph_starts",
            [(s, any(p.startswith(fold(s)) for p in starts)) for s in _strings(repair.get("paragraph_starts"))],
        ),
    ]
    garbled = _strings(repair.get("garbled_contains"))
    if garbled:
        results = []
        for fragment in garbled:
            holders = [p for p in paragraphs if fold(fragment) in fold(p.get("text"))]
            results.append((fragment, any(p.get("quality", "ok") not in ("", "ok") for p in holders)))
        checks.append(("garbled_flagged", results))
    else:
        report.notes.append("garbled-paragraph check skipped: the gold has no repair.garbled_contains")
    passed = total = 0
    for name, results in checks:
        if not results:
            continue
        ok = sum(1 for _, good in results if good)
        passed, total = passed + ok, total + len(results)
        section.add(
            name,
            _ratio(ok, len(results)),
            f"{ok}/{len(results)}"
            + ("  failed: " + _misses(repr(s) for s, good in results if not good) if ok < len(results) else ""),
        )
    section.rows.insert(0, Row("passed", _ratio(passed, total), f"{passed}/{total}"))
    return section


def score_headings(gold: dict, paragraphs: list[dict]) -> Section:
    """Precision / recall of paragraphs of kind heading; ``optional_headings`` are neutral for precision."""
    wanted = {fold(h) for h in _strings(gold.get("headings"))} - {""}
    optional = {fold(h) for h in _strings(gold.get("optional_headings"))} - wanted
    found = {fold(p.get("text")) for p in paragraphs if p.get("kind") == "heading"} - {""} - optional
    both = wanted & found
    section = Section("headings")
    section.add(
        "precision",
        _ratio(len(both), len(found)),
        f"{len(both)}/{len(found)}" + ("  extra: " + _misses(sorted(found - wanted)) if found - wanted else ""),
    )
    section.add(
        "recall",
        _ratio(len(both), len(wanted)),
        f"{len(both)}/{len(wanted)}" + ("  missed: " + _misses(sorted(wanted - found)) if wanted - found else ""),
    )
    return section


def _entity_matches(item: dict, text: str, label: str) -> bool:
    types = {item.get("type")} | set(_strings(item.get("alt_types")))
    return label in types and text in _texts(item)


def score_entities(gold: dict, entities: list[dict]) -> Section:
    """Set-based P/R/F1 over (folded text, label), per label and overall; DATE is scored apart."""
    items = [e for e in gold.get("entities") or [] if isinstance(e, dict) and _texts(e) and e.get("type")]
    optional = {fold(t) for t in _strings(gold.get("optional_entities"))}
    predicted = {
        (fold(e.get("text")), e.get("label", "")) for e in entities if e.get("label") != "DATE" and fold(e.get("text"))
    }
    hits = [any(_entity_matches(item, t, lab) for t, lab in predicted) for item in items]
    # pair -> (label it is filed under, hit?); a hit is filed under the type of the gold item it
    # matches (a LAW pair that hits a WORK_OF_ART item counts for WORK_OF_ART); neutral pairs are left out
    verdict: dict[tuple[str, str], tuple[str, bool]] = {}
    for text, label in sorted(predicted):
        item = next((i for i in items if _entity_matches(i, text, label)), None)
        if item is not None:
            verdict[(text, label)] = (item["type"], True)
        elif text not in optional:
            verdict[(text, label)] = (label, False)
    section = Section("entities")

    def add(name: str, gold_hits: list[bool], pred: list[bool], missed: list[str], wrong: list[str]) -> None:
        precision, recall = _ratio(sum(pred), len(pred)), _ratio(sum(gold_hits), len(gold_hits))
        section.add(
            f"{name} precision", precision, f"{sum(pred)}/{len(pred)}" + ("  FP: " + _misses(wrong) if wrong else "")
        )
        section.add(
            f"{name} recall",
            recall,
            f"{sum(gold_hits)}/{len(gold_hits)}" + ("  missed: " + _misses(missed) if missed else ""),
        )
        section.add(f"{name} F1", _f1(precision, recall))

    add(
        "overall",
        hits,
        [ok for _, ok in verdict.values()],
        [f"{i['text']}/{i['type']}" for i, h in zip(items, hits, strict=True) if not h],
        [f"{t}/{lab}" for (t, lab), (_, ok) in verdict.items() if not ok],
    )
    for label in sorted({i["type"] for i in items} | {filed for filed, _ in verdict.values()}):
        mine = [(i, h) for i, h in zip(items, hits, strict=True) if i["type"] == label]
        pred = [(text, ok) for (text, _), (filed, ok) in verdict.items() if filed == label]
        add(
            label,
            [h for _, h in mine],
            [ok for _, ok in pred],
            [i["text"] for i, h in mine if not h],
            [t for t, ok in pred if not ok],
        )
    return section


def _date_candidates(texts: set[str], predicted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Predicted (text, value) pairs for a gold date: exact text (or alt) first, else containment."""
    return [p for p in predicted if p[0] in texts] or [
        p for p in predicted if any(_contains_either(p[0], t) for t in texts)
    ]


def score_dates(gold: dict, entities: list[dict]) -> Section:
    """Gold dates found as a DATE entity with an accepted value; precision over distinct DATE texts.

    A gold date accepts its ``text`` or any ``alt`` text and its ``value`` or any ``alt_values``.
    A predicted DATE text is a hit when it matches a gold date's text (exact or containment), neutral
    when it matches an ``optional_dates`` or ``optional_entities`` text, else a false positive.
    """
    dates = [d for d in gold.get("dates") or [] if isinstance(d, dict) and _texts(d)]
    predicted = [(fold(e.get("text")), e.get("normalized", "").strip()) for e in entities if e.get("label") == "DATE"]
    predicted = [p for p in predicted if p[0]]
    found, misses = 0, []
    for date in dates:
        values = {str(v).strip() for v in [date.get("value"), *_strings(date.get("alt_values"))] if v is not None}
        candidates = _date_candidates(_texts(date), predicted)
        if any(v in values for _, v in candidates):
            found += 1
        else:
            got = ", ".join(sorted({f"{t}={v or '∅'}" for t, v in candidates})) or "not found"
            misses.append(f"{date.get('text')} (want {' or '.join(sorted(values))}; got {got})")
    gold_texts = set().union(*(_texts(d) for d in dates)) if dates else set()
    optional = {fold(t) for t in _strings(gold.get("optional_dates")) + _strings(gold.get("optional_entities"))}
    optional -= {""}
    distinct = sorted({t for t, _ in predicted})
    hits = [t for t in distinct if any(_contains_either(t, g) for g in gold_texts)]
    false_pos = [t for t in distinct if t not in hits and not any(_contains_either(t, o) for o in optional)]
    section = Section("dates")
    section.add(
        "accuracy",
        _ratio(found, len(dates)),
        f"{found}/{len(dates)}" + ("  missed: " + _misses(misses) if misses else ""),
    )
    counted = len(hits) + len(false_pos)
    section.add(
        "precision",
        _ratio(len(hits), counted),
        f"{len(hits)}/{counted} ({len(distinct) - counted} optional)"
        + ("  FP: " + _misses(false_pos) if false_pos else ""),
    )
    return section


def _match_claims(golds: list[dict], rows: list[dict]) -> dict[int, int]:
    """Gold index -> predicted row index, one to one: exact folded text first, then containment."""
    texts = [fold(r.get("text")) for r in rows]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for exact in (True, False):
        for g, claim in enumerate(golds):
            if g in pairs:
                continue
            wants = _texts(claim)
            for r, text in enumerate(texts):
                if r not in used and (text in wants if exact else any(_contains_either(text, w) for w in wants)):
                    pairs[g] = r
                    used.add(r)
                    break
    return pairs


def _same_value(claim: dict, row: dict) -> bool:
    """Value, value_low and value_high agree where the gold gives them; a null gold value (a range) is skipped."""
    for key in ("value", "value_low", "value_high"):
        if claim.get(key) is not None and to_decimal(claim[key]) != to_decimal(row.get(key)):
            return False
    return True


def _value_text(item: dict) -> str:
    """A claim's value as shown in a miss (gold item or CSV row): the value, or low–high for a range.

    >>> _value_text({"value": None, "value_low": 3, "value_high": 5}), _value_text({"value": "126"})
    ('3–5', '126')
    """
    low, high = item.get("value_low"), item.get("value_high")
    if low not in (None, "") or high not in (None, ""):
        return f"{'∅' if low in (None, '') else low}–{'∅' if high in (None, '') else high}"
    value = item.get("value")
    return "" if value is None else str(value)


def score_claims(gold: dict, claims: list[dict]) -> Section:
    """Recall and precision of claim texts, then value / qualifier / unit / object accuracy over matches."""
    golds = [c for c in gold.get("claims") or [] if isinstance(c, dict) and _texts(c)]
    optional = [fold(t) for t in _strings(gold.get("optional_claims"))]
    first: dict[str, dict] = {}  # set-based: one row per distinct folded text, the first printed
    for row in claims:
        first.setdefault(fold(row.get("text")), row)
    first.pop("", None)
    rows = list(first.values())
    pairs = _match_claims(golds, rows)
    unmatched = [r for i, r in enumerate(rows) if i not in set(pairs.values())]
    neutral = [r for r in unmatched if any(_contains_either(fold(r.get("text")), o) for o in optional)]
    false_pos = [r.get("text", "") for r in unmatched if r not in neutral]
    counted = len(rows) - len(neutral)
    section = Section("claims")
    section.add(
        "recall",
        _ratio(len(pairs), len(golds)),
        f"{len(pairs)}/{len(golds)}"
        + (
            "  missed: " + _misses(c["text"] for g, c in enumerate(golds) if g not in pairs)
            if len(pairs) < len(golds)
            else ""
        ),
    )
    section.add(
        "precision",
        _ratio(len(pairs), counted),
        f"{len(pairs)}/{counted} ({len(neutral)} optional)" + ("  FP: " + _misses(false_pos) if false_pos else ""),
    )
    checks = {
        "value": (lambda c: True, _same_value, _value_text),
        "qualifier": (
            lambda c: "qualifier" in c,
            lambda c, r: r.get("qualifier", "").strip() == str(c["qualifier"]),
            lambda x: str(x.get("qualifier", "")),
        ),
        "unit": (
            lambda c: "unit" in c,
            lambda c, r: fold(r.get("unit")) == fold(c["unit"]),
            lambda x: str(x.get("unit", "")),
        ),
        "object": (
            lambda c: "object" in c,
            lambda c, r: fold(r.get("object")) == fold(c["object"]),
            lambda x: str(x.get("object", "")),
        ),
    }
    for name, (applies, agrees, shown) in checks.items():
        judged = [(golds[g], rows[r]) for g, r in pairs.items() if applies(golds[g])]
        wrong = [f"{c['text']}: {shown(r) or '∅'} ≠ {shown(c)}" for c, r in judged if not agrees(c, r)]
        _add_accuracy(section, name, len(judged), wrong)
    return section


def _add_accuracy(section: Section, name: str, judged: int, wrong: list[str]) -> None:
    """A ``NAME accuracy`` row over ``judged`` matched items, listing the ``wrong`` ones."""
    good = judged - len(wrong)
    section.add(f"{name} accuracy", _ratio(good, judged), f"{good}/{judged}" + ("  wrong: " + _misses(wrong) if wrong else ""))


def _quote_order(row: dict) -> tuple[int, int]:
    start = to_decimal(row.get("start"))
    return (_para_key(row)[0], int(start) if start is not None else 0)


def _quote_window(quote: dict, rows: list[dict]) -> list[dict] | None:
    """The shortest run of consecutive rows by an accepted speaker holding every wanted fragment.

    Speakers accepted: ``speaker`` and ``alt_speakers``.  Fragments: ``contains`` and every
    ``contains_all`` item; each must lie inside one row, but they may be spread over consecutive
    rows of the same speaker (a quotation running over several paragraphs).  Earliest run wins a tie.
    """
    speakers = _texts(quote, "speaker", "alt_speakers")
    fragments = [
        f for f in (fold(t) for t in _strings(quote.get("contains")) + _strings(quote.get("contains_all"))) if f
    ]
    texts = [fold(r.get("text")) for r in rows]
    best: list[dict] | None = None
    for i in range(len(rows)):
        for j in range(i, len(rows)):
            if fold(rows[j].get("speaker")) not in speakers:
                break
            joined = "\n".join(texts[i : j + 1])
            if all(f in joined for f in fragments):
                if best is None or j + 1 - i < len(best):
                    best = rows[i : j + 1]
                break
    return best


def _role_agrees(gold_role: object, row: dict) -> bool:
    """The printed role may carry extra leading modifiers (place, unit): 东营市垦利区种粮大户 for 种粮大户.

    >>> _role_agrees("种粮大户", {"role": "东营市垦利区种粮大户"}), _role_agrees("局长", {"role": "长"})
    (True, False)
    >>> _role_agrees("", {"role": ""}), _role_agrees("", {"role": "教授"})
    (True, False)
    """
    want, got = fold(gold_role), fold(row.get("role"))
    return got.endswith(want) if want else not got


def score_quotes(gold: dict, quotes: list[dict]) -> Section:
    """Gold quotes found (right speaker, every fragment), then kind and role accuracy over those found.

    ``optional`` quotes are neutral: left out of ``found`` and of the accuracies.  Kind and role
    are read from the first row of the matching run and judged only where the gold gives them
    (no row at all when no gold quote has the field).
    """
    wanted = [q for q in gold.get("quotes") or [] if isinstance(q, dict) and fold(q.get("contains"))]
    counted = [q for q in wanted if q.get("optional") is not True]
    rows = sorted(quotes, key=_quote_order)
    windows = [_quote_window(q, rows) for q in counted]
    found = [w is not None for w in windows]
    optional_found = sum(1 for q in wanted if q.get("optional") is True and _quote_window(q, rows) is not None)
    section = Section("quotes")
    section.add(
        "found",
        _ratio(sum(found), len(counted)),
        f"{sum(found)}/{len(counted)} ({len(wanted) - len(counted)} optional, {optional_found} of them found;"
        f" {len(quotes)} rows)"
        + (
            "  missed: "
            + _misses(f"{q.get('speaker')}: {q['contains']}" for q, ok in zip(counted, found, strict=True) if not ok)
            if not all(found)
            else ""
        ),
    )
    matched = [(q, w[0]) for q, w in zip(counted, windows, strict=True) if w is not None]
    for name, agrees in (
        ("kind", lambda q, r: r.get("kind", "").strip() == str(q["kind"]).strip()),
        ("role", lambda q, r: _role_agrees(q["role"], r)),
    ):
        if not any(name in q for q in counted):
            continue  # a gold without kinds (roles) gets no row for them
        judged = [(q, r) for q, r in matched if name in q]
        wrong = [f"{q.get('speaker')}: {r.get(name) or '∅'} ≠ {q[name] or '∅'}" for q, r in judged if not agrees(q, r)]
        _add_accuracy(section, name, len(judged), wrong)
    return section


def score_captions(gold: dict, captions: list[dict]) -> Section:
    """Gold captions with a row of the right label (or alt label), text and photographer.

    Then agency accuracy over the captions found, when the gold gives agencies.
    """
    wanted = [c for c in gold.get("captions") or [] if isinstance(c, dict) and fold(c.get("contains"))]

    def ok(c: dict, r: dict) -> bool:
        labels = _texts(c, "label", "alt_labels")
        return (
            fold(c["contains"]) in fold(r.get("text"))
            and (not labels or fold(r.get("label")) in labels)
            and fold(r.get("photographer")) == fold(c.get("photographer"))
        )

    hits = [next((r for r in captions if ok(c, r)), None) for c in wanted]
    section = Section("captions")
    missed = [c for c, hit in zip(wanted, hits, strict=True) if hit is None]
    section.add(
        "found",
        _ratio(len(wanted) - len(missed), len(wanted)),
        f"{len(wanted) - len(missed)}/{len(wanted)} ({len(captions)} rows)"
        + ("  missed: " + _misses(f"{c.get('label')} {c.get('photographer')}" for c in missed) if missed else ""),
    )
    if not any("agency" in c for c in wanted):
        return section
    judged = [(c, r) for c, r in zip(wanted, hits, strict=True) if r is not None and "agency" in c]
    wrong = [
        f"{c.get('label')}: {r.get('agency') or '∅'} ≠ {c['agency'] or '∅'}"
        for c, r in judged
        if fold(r.get("agency")) != fold(c["agency"])
    ]
    _add_accuracy(section, "agency", len(judged), wrong)
    return section


def _gold_credits(gold: dict) -> dict[str, set[str]]:
    """credits.csv role -> gold names, from ``page_credits`` (editors, layout) and ``credits`` ({role, name})."""
    wanted: dict[str, set[str]] = {}
    page = gold.get("page_credits")
    for key, names in page.items() if isinstance(page, dict) else ():
        wanted.setdefault(CREDIT_ROLES.get(key, key), set()).update(fold(n) for n in _strings(names))
    for item in gold.get("credits") or []:
        if isinstance(item, dict) and isinstance(item.get("role"), str):
            wanted.setdefault(item["role"], set()).update(fold(n) for n in _strings(item.get("name")))
    return {role: names - {""} for role, names in wanted.items()}


def score_credits(gold: dict, credits: list[dict]) -> Section:
    """Per credited role the gold names: exact set match, precision and recall of names."""
    section = Section("credits")
    for role, wanted in _gold_credits(gold).items():
        found = {fold(r.get("name")) for r in credits if r.get("role") == role} - {""}
        both = wanted & found
        section.add(f"{role} exact", 1.0 if wanted == found else 0.0, f"got {'、'.join(sorted(found)) or '∅'}")
        section.add(
            f"{role} precision",
            _ratio(len(both), len(found)),
            f"{len(both)}/{len(found)}" + ("  extra: " + _misses(sorted(found - wanted)) if found - wanted else ""),
        )
        section.add(
            f"{role} recall",
            _ratio(len(both), len(wanted)),
            f"{len(both)}/{len(wanted)}" + ("  missed: " + _misses(sorted(wanted - found)) if wanted - found else ""),
        )
    return section


#: a dateline date the scorer can compare: ISO 8601 year, month or day
_ISO_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def score_dateline(gold: dict, document: dict, report: Report) -> Section | None:
    """The gold ``dateline.date`` against documents.csv ``dateline_date``; None when the gold has none.

    Skipped with a note when the output has no such column or writes it in another format.
    """
    dateline = gold.get("dateline")
    want = str(dateline.get("date") or "").strip() if isinstance(dateline, dict) else ""
    if not want:
        return None
    if "dateline_date" not in document:
        report.notes.append("dateline check skipped: documents.csv has no dateline_date column")
        return None
    got = document["dateline_date"].strip()
    if got and not _ISO_DATE.fullmatch(got):
        report.notes.append(f"dateline check skipped: dateline_date {got!r} is not an ISO date")
        return None
    section = Section("dateline")
    section.add("date", 1.0 if got == want else 0.0, f"got {got or '∅'}, want {want} ({dateline.get('text', '')})")
    return section


def score(out_dir: Path, gold_path: Path, doc_id: str | None = None) -> Report:
    """Score the document of ``out_dir`` that the gold file describes (or ``doc_id``)."""
    out_dir, gold_path = Path(out_dir), Path(gold_path)
    if not out_dir.is_dir():
        raise EvalError(f"output folder {out_dir} does not exist")
    gold = load_gold(gold_path)
    output = _Output(out_dir)
    doc = find_doc_id(output, gold, doc_id)
    report = Report(gold=str(gold_path), out_dir=str(out_dir), doc_id=doc)
    status = next((d for d in output.rows("documents", doc)), {})
    if status.get("status", "ok") not in ("", "ok"):
        report.notes.append(f"document status is {status.get('status')}: {status.get('error', '')}")
    paragraphs = sorted(output.rows("paragraphs", doc), key=_para_key)
    entities = output.rows("entities", doc)
    report.sections = [
        score_repair(gold, paragraphs, report),
        score_headings(gold, paragraphs),
        score_entities(gold, entities),
        score_dates(gold, entities),
        score_claims(gold, output.rows("claims", doc)),
        score_quotes(gold, output.rows("quotes", doc)),
        score_captions(gold, output.rows("captions", doc)),
        score_credits(gold, output.rows("credits", doc)),
    ]
    dateline = score_dateline(gold, status, report)
    if dateline is not None:
        report.sections.append(dateline)
    report.notes.extend(f"{name} missing or unreadable: scored as empty" for name in dict.fromkeys(output.missing))
    return report
