"""Which rule family found each entity, and how often each family fires on the two 1998 halves.

A family that fires far more often per character on days 1-5, the half whose errors were read,
than on days 6-10, or is right there in one or two articles only, has likely learned pages rather
than the language (issue 11).  Both halves give each family's right and wrong entities as counts
(no example of days 6-10 is printed), and ``--ablate`` the micro F1 of each half with the family
switched off: a family worth much on days 1-5 and little or less than nothing on days 6-10 learned
the mined half.

    python tools/entity_rules.py            # per family: found per 10k characters on each half, right/wrong on days 1-5
    python tools/entity_rules.py --ablate   # and days 1-5 micro F1 without each family
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable

from pipeline.evaluate import pfr_entities as pe
from pipeline.evaluate.pfr import dev_path
from pipeline.extract.entities import paragraph

#: the candidate families paragraph.parse_paragraph calls, by the name it imports them under
FAMILIES = (
    "quoted_titles", "dot_names", "credit_names", "datelines", "find_norp", "author_line", "head_names",
    "gazetteer_names", "chinese_names", "famous_names", "dictionary_places", "tagged_persons", "tagged_places", "tagged_orgs",
    "foreign_names", "translit_runs", "rulers", "titled_names", "japanese_names", "settlements", "streets",
    "world_names", "heritage_sites", "unit_places", "context_places", "damaged_places", "date_teams", "name_lists", "name_runs",
    "surname_mentions", "familiar_names", "glued_cue_names",
)


def _recording(name: str, found: Callable, seen: dict) -> Callable:
    def family(*args, **kwargs):
        out = found(*args, **kwargs)
        first = args[0]
        text = first if isinstance(first, str) else "".join(t.text for t in first)
        for c in out:
            seen.setdefault((text, (c.start, c.end, pe._OURS.get(getattr(c, "label", "NORP")))), name)
        return out
    return family


def _halves() -> dict[str, list[list[dict]]]:
    halves: dict[str, list[list[dict]]] = {"days1-5": [], "days6-10": []}
    for article in pe.read_articles(dev_path()):
        halves["days1-5" if article[0]["id"][:8] <= "19980105" else "days6-10"].append(article)
    return halves


def attribute(articles: list[list[dict]]) -> tuple[Counter, Counter, Counter, Counter, int]:
    """Entities per family over the articles, the right ones, the wrong ones, the articles with a right
    one (a family right in one or two articles only learned those pages), and the characters read."""
    found, right, wrong, spread = Counter(), Counter(), Counter(), Counter()
    chars = 0
    originals = {name: getattr(paragraph, name) for name in FAMILIES}
    for article in articles:
        texts = [r["text"] for r in article]
        seen: dict = {}
        for name in FAMILIES:
            setattr(paragraph, name, _recording(name, originals[name], seen))
        try:
            predicted = pe.ours_article(texts)
        finally:
            for name, fn in originals.items():
                setattr(paragraph, name, fn)
        helped = set()
        for record, spans in zip(article, predicted, strict=True):
            chars += len(record["text"])
            gold = pe.gold_spans(record)
            for span in spans:
                name = seen.get((record["text"], span), "document")
                found[name] += 1
                (right if span in gold else wrong)[name] += 1
                if span in gold:
                    helped.add(name)
        spread.update(helped)
    return found, right, wrong, spread, chars


def micro_without(articles: list[list[dict]], name: str | None) -> float:
    original = getattr(paragraph, name) if name else None
    if name:
        setattr(paragraph, name, lambda *a, **k: [])
    try:
        pairs = [(pe.gold_spans(r), s) for a in articles for r, s in zip(a, pe.ours_article([r["text"] for r in a]), strict=True)]
    finally:
        if name:
            setattr(paragraph, name, original)
    return pe._score(pairs)["micro"]["f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablate", action="store_true", help="days 1-5 micro F1 without each family")
    args = parser.parse_args()
    halves = _halves()
    mined, mined_right, mined_wrong, mined_spread, mined_chars = attribute(halves["days1-5"])
    held, held_right, held_wrong, _, held_chars = attribute(halves["days6-10"])
    base = {h: micro_without(halves[h], None) for h in halves} if args.ablate else None
    print(f"{'family':16} {'/10k 1-5':>8} {'/10k 6-10':>9} {'ratio':>6} {'right':>6} {'wrong':>6} {'articles':>8} {'right6-10':>9} {'wrong6-10':>9}"
          + ("  dF1 1-5 / 6-10 without" if base else ""))
    for name in sorted(set(mined) | set(held), key=lambda n: -mined[n]):
        a, b = 1e4 * mined[name] / mined_chars, 1e4 * held[name] / held_chars
        line = f"{name:16} {a:8.2f} {b:9.2f} {a / b if b else float('inf'):6.2f} {mined_right[name]:6d} {mined_wrong[name]:6d} {mined_spread[name]:8d} {held_right[name]:9d} {held_wrong[name]:9d}"
        if base is not None and name in FAMILIES:
            line += "  " + " / ".join(f"{micro_without(halves[h], name) - base[h]:+.4f}" for h in halves)
        print(line)


if __name__ == "__main__":
    main()
