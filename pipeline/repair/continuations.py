"""Which engine block continues which: the evidence for moving blocks of a page in columns.

A block that stops mid-sentence is linked to the block that continues it only
where the evidence is clear: a dictionary word runs across the cut
(:func:`~pipeline.repair.junction_bits.route_gain`, at least ``MIN_BITS``), that
block reads on from it better than any other block by ``MARGIN_BITS``, and no
other block leads into it as well.  Where the engine printed the continuation
before the block it continues (a column top read before the bottom of the
column on its left), the continuation moves down after that block, and brings
along the blocks the engine printed after it while a dictionary word runs
across (:func:`carried_along`).  Where it printed the continuation later, which
of the two is out of place is told by their neighbours (the seams of
:mod:`~pipeline.repair.block_shapes`): a continuation behind a paragraph that
ends is moved up when its head sits where it was read (the block before leads
into it), and the head goes down right before its continuation when it makes a
seam itself (:func:`heads_down`).  A continuation printed later that no seam
marks is moved up only on a word of ``MIN_BITS``, when its head is anchored and
it leaves no block behind that goes on from it (:func:`loose_links`), and only
if the page then has no more seams; otherwise both stay.  The blocks these rules
leave are then matched best-first over the page (:mod:`~pipeline.repair.best_first`),
where a block already matched no longer competes.

Limits: a paragraph cut where no word spans the cut (``…的发展。`` / ``新的…``,
a cut after a mark), and a continuation printed after its head where neither
block makes a seam with the block printed before it, are left as printed.
"""

from __future__ import annotations

from pipeline.layout import ends_sentence
from pipeline.repair.best_first import best_first_links, reaches
from pipeline.repair.block_shapes import RunShape, may_continue, may_run_on, mismatch
from pipeline.repair.junction_bits import route_gain

#: a continuation is taken when the word cut across the junction is worth this many bits, and
#: this many more than with any other block.  A common short word whose first character is a
#: word too (这|个, 我|们, 其|中, 存|在) is worth 6-9 bits: 5 of the 8 wrong links on days 1-5
#: (both layouts, 178 pages each) against 4 of 41 right ones; at 9 bits no page of days 1-5 is
#: made worse in either layout (at 6, one).
MIN_BITS = 9.0
MARGIN_BITS = 4.0
#: enough when the continuation also sits behind a paragraph that ends (a seam says it is out of
#: place): on days 1-5 (178 pages x 2 layouts) 9 -> 6 bits made 3 more pages better, none worse
DETACHED_BITS = 6.0


def continuation_links(shapes: list[RunShape]) -> dict[int, int]:
    """Block -> the block that continues it, to be moved down after it.

    A continuation printed earlier (the top of the next column, read before the bottom of
    this one) is moved down.  One printed later is moved up only when it is *detached* from
    the block printed before it (that block ends its paragraph, the continuation starts on a
    full line: a seam) and the block it continues is *anchored* where it was printed (the
    block before it leads into it).  Moving every later continuation up made 7 of 178 pages
    of days 1-5 worse, since the block cut off was itself printed too early as often as
    not: that case is :func:`heads_down`; and see :func:`loose_links`.
    """
    return links_and_heads(shapes)[0]


def heads_down(shapes: list[RunShape]) -> dict[int, int]:
    """Block printed too early -> the block it goes right before: the head of a paragraph whose
    continuation was printed later, detached from the block before it, where the head makes a
    seam with the block printed before it (a paragraph start after a block that runs on: it
    was read before the paragraph that ends in front of it).

    >>> on = RunShape("on", "on", "", "", 3, 10.0, False)
    >>> shapes = [on._replace(tail="天气很好我们"), on._replace(starts="new", tail="今天大家去看湖边的柳"),
    ...           on._replace(ends="end", tail="大家都很高兴。"), on._replace(head="树长出了嫩芽")]
    >>> heads_down(shapes), continuation_links(shapes)
    ({1: 3}, {})
    >>> continuation_links(shapes[1:])  # the first block printed: where it is, its continuation comes up
    {0: 2}
    """
    return links_and_heads(shapes)[1]


def loose_links(shapes: list[RunShape]) -> dict[int, int]:
    """Block -> a continuation printed later that is not behind a seam, where the head is
    anchored where it was read and the continuation can leave without the block printed
    after it (it ends a sentence, or that block does not go on from it).  Weaker than
    :func:`continuation_links`: ``columns`` keeps them only in an order with no more seams.

    >>> on = RunShape("on", "on", "", "", 3, 10.0, False)
    >>> shapes = [on._replace(starts="new", tail="今天大家去看湖边的柳"), on._replace(tail="我们一"),
    ...           on._replace(head="树长出了嫩芽", ends="end", tail="很美。"), on._replace(head="起去")]
    >>> loose_links(shapes), continuation_links(shapes)
    ({0: 2}, {})
    """
    return links_and_heads(shapes)[2]


def links_and_heads(shapes: list[RunShape]) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """All at once: :func:`continuation_links`, :func:`heads_down` and :func:`loose_links`."""
    flow = [i for i, s in enumerate(shapes) if not s.floating]
    links: dict[int, int] = {}
    down: dict[int, int] = {}
    loose: dict[int, int] = {}
    for a in flow:
        if not may_run_on(shapes[a]):
            continue
        candidates = [b for b in flow if b != a and may_continue(shapes[b])]
        b, clear = _clear_best(shapes, a, candidates, forward=True, min_bits=DETACHED_BITS)
        placed = {*links.values(), *down.values(), *loose.values()}
        if not clear or b in placed or b == _next(flow, a):
            continue
        detached = _detached(shapes, flow, b)
        bits = DETACHED_BITS if detached else MIN_BITS
        if route_gain(shapes[a].tail, shapes[b].head) < bits:
            continue
        back, clear = _clear_best(shapes, b, [x for x in flow if x != b and shapes[x].ends != "end"], forward=False, min_bits=bits)
        if not clear or back != a or reaches({**links, **loose}, b, a):
            continue
        if b < a or detached and _anchored(shapes, flow, a):
            links[a] = b
        elif detached and _torn(shapes, flow, a):
            down[a] = b
        elif _anchored(shapes, flow, a) and _stands_alone(shapes, flow, b):
            loose[a] = b
    _add_best_first(shapes, flow, links, down, loose)
    return links, down, loose


def _add_best_first(shapes: list[RunShape], flow: list[int], links: dict, down: dict, loose: dict) -> None:
    """The blocks no clear link placed, matched best-first (:mod:`~pipeline.repair.best_first`); each
    pair placed by which block is out of place: a continuation printed earlier moves down, a head
    that makes a seam with the block before it goes down, an anchored head pulls its continuation up."""
    tails = {a: shapes[a].tail for a in flow if a not in links and a not in down and a not in loose and may_run_on(shapes[a])}
    placed = {*links.values(), *down.values(), *loose.values()}
    heads = {b: shapes[b].head for b in flow if b not in placed and may_continue(shapes[b])}
    for a, b in best_first_links(tails, heads, set(zip(flow, flow[1:])), {**links, **loose}).items():
        if b < a:
            links[a] = b
        elif _torn(shapes, flow, a):
            down[a] = b
        elif _anchored(shapes, flow, a):
            loose[a] = b


def _next(flow: list[int], a: int) -> int | None:
    """The block the engine printed after ``a``."""
    k = flow.index(a)
    return flow[k + 1] if k + 1 < len(flow) else None


def _stands_alone(shapes: list[RunShape], flow: list[int], b: int) -> bool:
    """Can ``b`` move without leaving behind the block printed after it: ``b`` ends a sentence,
    the next block does not go on from it (a seam), or it comes along (:func:`carried_along`,
    nothing printed between)?"""
    after = _next(flow, b)
    shape = shapes[b]
    if after is None or ends_sentence(shape.tail) or shape.ends == "end" or mismatch(shape, shapes[after]):
        return True
    return after == b + 1 and route_gain(shape.tail, shapes[after].head) >= MIN_BITS


def _detached(shapes: list[RunShape], flow: list[int], b: int) -> bool:
    """Does the block printed before ``b`` end its paragraph, where ``b`` starts on a full line?"""
    k = flow.index(b)
    return k > 0 and shapes[flow[k - 1]].ends == "end" and shapes[b].starts == "on"


def _torn(shapes: list[RunShape], flow: list[int], a: int) -> bool:
    """Does ``a`` make a seam with the block printed before it (so it was printed out of place)?"""
    k = flow.index(a)
    return k > 0 and mismatch(shapes[flow[k - 1]], shapes[a])


def _anchored(shapes: list[RunShape], flow: list[int], a: int) -> bool:
    """Does the block printed before ``a`` lead into it (a block that does not run on before an
    indented start, or a dictionary word across), or is ``a`` the first?"""
    k = flow.index(a)
    if k == 0:
        return True
    before, here = shapes[flow[k - 1]], shapes[a]
    return before.ends != "on" and here.starts == "new" or route_gain(before.tail, here.head) >= MIN_BITS


def carried_along(shapes: list[RunShape], links: dict[int, int]) -> dict[int, int]:
    """Block -> the engine's next block in the columns, where a dictionary word runs across
    from one to the other (``route_gain`` of ``MIN_BITS``): a continuation moved down brings
    along the rest of its column the engine printed after it, as far as the evidence goes.

    >>> on = RunShape("on", "on", "", "", 2, 10.0, False)
    >>> shapes = [on._replace(tail="湖边的柳"), on._replace(head="树长出了嫩", tail="老人们在亭子里下棋聊"), on._replace(head="天。")]
    >>> carried_along(shapes, {})
    {0: 1, 1: 2}
    >>> carried_along(shapes, {2: 1})  # a link's target is placed by its link
    {1: 2}
    """
    flow = [i for i, s in enumerate(shapes) if not s.floating]
    targets = set(links.values())
    return {
        x: y
        for x, y in zip(flow, flow[1:])
        if y not in targets and route_gain(shapes[x].tail, shapes[y].head) >= MIN_BITS
    }


def _clear_best(shapes: list[RunShape], fixed: int, others: list[int], forward: bool, min_bits: float = MIN_BITS) -> tuple[int, bool]:
    """The block that reads on best after (``forward``) or before ``fixed``, and whether clearly."""

    def gain(other: int) -> float:
        a, b = (fixed, other) if forward else (other, fixed)
        return route_gain(shapes[a].tail, shapes[b].head)

    scored = sorted(((gain(o), o) for o in others), reverse=True)
    if not scored:
        return -1, False
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][1], scored[0][0] >= min_bits and scored[0][0] - runner_up >= MARGIN_BITS
