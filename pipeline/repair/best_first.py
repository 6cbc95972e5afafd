"""Cut-off blocks matched to their continuations best-first, once the clear links are made.

A block that stops mid-sentence and a block that continues one are a match
when a dictionary word runs across the cut (:func:`~pipeline.repair.junction_bits.route_gain`).
Judged one pair at a time, a match must beat every other block that could
take either side; judged over the page, a block already matched is no
competitor any more.  So the pairs are taken best-first: the strongest word
across goes first, and each next pair is taken when its word is worth at
least ``MATCH_BITS`` and beats by ``MATCH_MARGIN`` every pair left that shares
one of its blocks.  Pairs the engine printed side by side need no move and are
skipped (they still compete).  On the pages of days 1-5 drawn in two layouts
(60 each), 8 bits and a margin of 3 moved the most layout damage with no page
made worse (6 bits: one page worse in layout 2; 10 and 12 bits: less removed).

>>> tails, heads = {0: "两国签署了合作协", 2: "今天天气很好，我们"}, {1: "议，是新的起点。", 3: "一起去公园。"}
>>> best_first_links(tails, heads, adjacent=set())
{0: 1}
>>> best_first_links(tails, heads, adjacent={(0, 1)})  # printed side by side: nothing to move
{}

Limits: a cut at a word boundary or after a mark gives no word across, and
stays unmatched here.
"""

from __future__ import annotations

from pipeline.repair.junction_bits import route_gain

MATCH_BITS = 8.0
MATCH_MARGIN = 3.0


def best_first_links(
    tails: dict[int, str], heads: dict[int, str], adjacent: set[tuple[int, int]], linked: dict[int, int] | None = None
) -> dict[int, int]:
    """Block -> its continuation, from ``tails`` (block -> its last line) and ``heads`` (block -> its
    first line) still unmatched; ``adjacent`` holds the pairs the engine printed side by side, and
    no pair may close a loop with the ``linked`` blocks."""
    gain = {(a, b): route_gain(tail, head) for a, tail in tails.items() for b, head in heads.items() if a != b}
    strong = sorted(((g, pair) for pair, g in gain.items() if g >= MATCH_BITS), reverse=True)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    chain = dict(linked or {})  # the links made and matched so far
    for g, (a, b) in strong:
        if a in matched or b in taken or reaches(chain, b, a):
            continue
        rivals = [v for (x, y), v in gain.items() if (x == a) != (y == b) and x not in matched and y not in taken]
        if g - max(rivals, default=0.0) >= MATCH_MARGIN:
            matched[a] = chain[a] = b
            taken.add(b)
    return {a: b for a, b in matched.items() if (a, b) not in adjacent}


def reaches(successor: dict[int, int], start: int, goal: int) -> bool:
    """Does following the links from ``start`` lead to ``goal``? (Linking ``goal`` to ``start`` would close a loop.)"""
    seen: set[int] = set()
    j: int | None = start
    while j is not None and j not in seen:
        if j == goal:
            return True
        seen.add(j)
        j = successor.get(j)
    return False
