"""All candidates of one block, their resolution into non-overlapping entities, and normalization.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.credits import author_line, credit_names
from pipeline.extract.entities.damaged import damaged_places
from pipeline.extract.entities.date_teams import date_teams
from pipeline.extract.entities.dictionary_names import dictionary_places, famous_names
from pipeline.extract.entities.dot_bodies import dot_bodies
from pipeline.extract.entities.given_places import drop_given_name_places
from pipeline.extract.entities.glued_names import glued_cue_names
from pipeline.extract.entities.japanese import japanese_names
from pipeline.extract.entities.marks import marked_tokens
from pipeline.extract.entities.member_lists import member_lists
from pipeline.extract.entities.minister_titles import minister_titles
from pipeline.extract.entities.name_lists import name_lists
from pipeline.extract.entities.named_things import named_thing, phrase_edge
from pipeline.extract.entities.org_edges import division_bodies, sector_words
from pipeline.extract.entities.organizations import head_names, tagged_orgs
from pipeline.extract.entities.persons import chinese_names
from pipeline.extract.entities.places import datelines, gazetteer_names, tagged_places
from pipeline.extract.entities.runs import name_runs
from pipeline.extract.entities.settlements import settlements, streets
from pipeline.extract.entities.sites import heritage_sites
from pipeline.extract.entities.surname_mentions import familiar_names, surname_mentions
from pipeline.extract.entities.titled_runs import titled_runs
from pipeline.extract.entities.titles import quoted_titles
from pipeline.extract.entities.tokens import T_CREDIT, T_GAZ, T_PER, Cand
from pipeline.extract.entities.translit import (
    dot_names,
    foreign_names,
    rulers,
    tagged_persons,
    titled_names,
    translit_runs,
)
from pipeline.extract.entities.world import context_places, unit_places, world_names
from pipeline.extract.norp import find_norp
from pipeline.records import Entity
from pipeline.segment import Token, segment


def resolve(cands: list[Cand]) -> list[Cand]:
    """The candidates that win their overlaps (lower tier, then longer, then earlier), by start."""
    if len(cands) < 2:
        return list(cands)  # nothing to overlap
    taken: list[Cand] = []
    used = bytearray(max(c.end for c in cands))  # 1 where a taken candidate lies
    for c in sorted(cands, key=lambda c: (c.tier, c.start - c.end, c.start)):
        if used.find(1, c.start, c.end) != -1:
            continue
        used[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def parse_paragraph(
    text: str, inside: bool | None = None, tokens: Sequence[Token] | None = None
) -> tuple[list[Token], list[Cand]]:
    """Rule tokens and the resolved candidates of one paragraph; ``inside`` marks the text of a longer
    name (True: candidates covering all of it are dropped, so that the names within it show);
    ``tokens`` is the paragraph's segmentation when the caller has it."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    toks, marks = marked_tokens(segment(text) if tokens is None else tokens)
    cands = quoted_titles(text) + dot_names(text, toks) + credit_names(text, toks) + datelines(text)
    cands += [Cand(T_GAZ, n.start, n.end, "NORP", n.normalized) for n in find_norp(text)]
    if inside is None:
        cands += author_line(text)
    cands += head_names(toks, marks) + gazetteer_names(toks, marks) + chinese_names(toks, marks) + glued_cue_names(text, toks, marks)
    cands += famous_names(toks, marks) + dictionary_places(toks, marks)
    cands += tagged_persons(toks, marks) + tagged_places(toks, marks) + tagged_orgs(toks, marks)
    cands += foreign_names(toks, marks) + translit_runs(text, toks, marks) + rulers(toks, marks) + titled_names(toks, marks) + titled_runs(text, toks, marks)
    cands += japanese_names(text, toks, marks) + surname_mentions(text, toks) + familiar_names(text, toks)
    cands += settlements(text, toks) + streets(toks, marks) + world_names(text, toks, marks) + heritage_sites(toks, marks)
    cands += unit_places(toks, marks) + context_places(toks, marks) + damaged_places(text, toks, marks) + date_teams(text)
    cands = dot_bodies(text, cands)
    cands += name_lists(text, toks, cands) + member_lists(text, toks)
    cands += name_runs(toks, cands)
    cands = sector_words(text, toks, division_bodies(toks, cands))
    cands = [c for c in cands if not (c.label == "PERSON" and c.tier == T_PER and phrase_edge(text[c.start:c.end]))]
    if any(c.label == "PERSON" for c in cands):
        after = {t.start: t.text for t in toks}
        cands = [c for c in cands if not (c.label == "PERSON" and c.tier != T_CREDIT and named_thing(text[c.start:c.end], after.get(c.end, "")))]
    cands = minister_titles(text, toks, drop_given_name_places(toks, cands))
    if inside:
        cands = [c for c in cands if c.end - c.start < len(text)]
    return toks, resolve(cands)


def to_entities(text: str, cands: list[Cand]) -> list[Entity]:
    out = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        span = text[c.start:c.end]
        if span.strip():
            out.append(Entity(c.start, c.end, span, c.label, c.normalized or _normalize(span, c.label)))
    return out


def _normalize(span: str, label: str) -> str:
    """The canonical name for a known place or organization, else the text itself."""
    if label == "ORG" and span in gz.orgs():
        return gz.orgs()[span]
    if span in gz.places():
        return gz.places()[span][1]
    return span
