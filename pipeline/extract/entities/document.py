"""Entities of a whole document: per block, plus the names the document vouches for spread to
their other mentions, and the names inside titles, events and nationalities.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from pipeline.extract import gazetteer as gz
from pipeline.extract.entities.bodies import _proper_prefix
from pipeline.extract.entities.country_bodies import country_bodies, short_names
from pipeline.extract.entities.heads import ORG_HEADS
from pipeline.extract.entities.lexicon import dictionary, surname_len
from pipeline.extract.entities.mentions import name_mentions
from pipeline.extract.entities.paragraph import parse_paragraph, resolve, to_entities
from pipeline.extract.entities.sites import is_site
from pipeline.extract.entities.tokens import T_GAZ, T_PER, T_TAG, Cand
from pipeline.extract.entities.translit import rare_transliteration
from pipeline.extract.entities.world import place_mentions, place_seeds
from pipeline.records import Entity
from pipeline.segment import Token, segment


def find_entities(text: str) -> list[Entity]:
    """Named entities in one repaired paragraph, sorted by start.

    They do not overlap, except the names inside a title, which are reported beside it.

    >>> [(e.text, e.label) for e in find_entities("他读了《邓小平文选》和《中国统计年鉴》")]
    [('邓小平', 'PERSON'), ('邓小平文选', 'WORK_OF_ART'), ('中国', 'GPE'), ('中国统计年鉴', 'WORK_OF_ART')]
    """
    toks, cands = parse_paragraph(text)
    return to_entities(text, cands + _title_names(text, toks, cands))


#: the kinds of name reported again inside a longer name (《周恩来传》, 《中国统计年鉴》)
_NESTABLE = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


def _title_names(
    text: str, toks: Sequence[Token], cands: list[Cand], seeds: dict[str, str] | None = None
) -> list[Cand]:
    """Names inside the titles, event names and nationalities among ``cands``: a title is one
    WORK_OF_ART, an event one EVENT and 美国人 one NORP, but the people and places they name are
    mentions too (analysts count 周恩来 in 《周恩来书信选集》, 中国 in 中国农业博览会, 美国 in 美国人).
    The longer name's own tokens are read again, not its text segmented again."""
    out = []
    for c in cands:
        site = c.label == "LOC" and is_site(text[c.start:c.end])  # 巫山|大溪遗址: the county in a site's name
        if c.label not in ("WORK_OF_ART", "LAW", "EVENT", "NORP") and not site:
            continue
        inner = text[c.start:c.end]
        inside = _inner_tokens(toks, c.start, c.end)
        toks_in, found = _parse_inner(inner, c.label in ("EVENT", "NORP") or site, inside and tuple(inside))  # 《刘志丹》 is a person's name as well
        if seeds:
            found = resolve(found + name_mentions(inner, toks_in, seeds))
        kinds = _NESTABLE - {"FAC"} if c.label == "EVENT" else _NESTABLE  # 第二届国家公园|论坛 is no facility
        kinds = {"GPE"} if site else kinds
        out += [f._replace(start=f.start + c.start, end=f.end + c.start) for f in found
                if f.label in kinds and not (site and f.start)]  # a site's place is the one it starts with, not its own name (大溪)
        if c.label == "NORP" and not found:
            out += demonym_place(inner, c.start)
    return out


@lru_cache(maxsize=4096)
def _parse_inner(text: str, inside: bool, tokens: tuple[Token, ...] | None) -> tuple[list[Token], list[Cand]]:
    """:func:`parse_paragraph` of a longer name's text, kept: the same titles, events and nationalities
    (美国人, 中国共产党第十五次全国代表大会) recur across a run's documents.  The lists are shared: read them only."""
    return parse_paragraph(text, inside, tokens)


def demonym_place(demonym: str, start: int = 0) -> list[Cand]:
    """The place a demonym or a citizenship that jieba keeps whole (法国人/n, 英国人/nz, 德国籍/nr) names:
    its stem before 人 or 籍, when the gazetteer lists it (whole demonyms that jieba cuts, 美国/人, are
    read on their tokens).

    >>> [(c.start, c.end, c.label) for c in demonym_place("法国人", 2)], demonym_place("穆斯林"), len(demonym_place("德国籍"))
    ([(2, 4, 'GPE')], [], 1)
    """
    stem = demonym[:-1]
    if not demonym.endswith(("人", "籍")) or stem not in gz.places():
        return []
    return [Cand(T_GAZ, start, start + len(stem), gz.places()[stem][0], gz.places()[stem][1])]


_START, _END = attrgetter("start"), attrgetter("end")


def _inner_tokens(toks: Sequence[Token], start: int, end: int) -> list[Token] | None:
    """The tokens of ``start:end`` counted from ``start``, when the span lies on token boundaries
    (titles between 《》 and names grown from tokens do); None otherwise, to segment it alone.

    >>> from pipeline.extract.entities.tokens import tokenize
    >>> [t.text for t in _inner_tokens(tokenize("他读了《周恩来传》"), 4, 8)], _inner_tokens(tokenize("美国人民"), 0, 3)
    (['周恩来', '传'], None)
    """
    # the tokens run in order, end to end: those inside lie between two searches
    inner = toks[bisect_left(toks, start, key=_START) : bisect_right(toks, end, key=_END)]
    if not inner or inner[0].start != start or inner[-1].end != end:
        return None
    return [t._replace(start=t.start - start, end=t.end - start) for t in inner]


def _seed_names(texts: Sequence[str], found: list[list[Cand]]) -> dict[str, str]:
    """Names a document vouches for (name -> its surname, '' for a foreign name): every
    person found by a rule other than jieba's bare tag, and the given names of three-character
    Chinese names, which later mentions use alone (恩来 after 周恩来)."""
    seeds: dict[str, str] = {}
    lex = dictionary()
    for text, cands in zip(texts, found, strict=False):
        for c in cands:
            name = text[c.start:c.end]
            if c.label != "PERSON" or c.tier == T_TAG or len(name) < 2:
                continue
            k = surname_len(name)
            if len(name) == 2 and name in lex and lex[name][1] != "nrt" and not rare_transliteration(name):
                continue  # 卢布/nr: a dictionary word vouched for once is not vouched for everywhere
            seeds[name] = name[:k] if k and len(name) <= 4 and "·" not in name else ""
            for part in name.split("·") if "·" in name else ():
                if len(part) >= 2 and (part not in lex or lex[part][1] == "nrt" or rare_transliteration(part)):
                    seeds.setdefault(part, "")  # 阿米娜 after 阿米娜·哈桑, 哈桑 after it too
            given = name[k:]
            if k and len(name) == 3 and lex.get(given, (0, "nr"))[1] in ("nr", "nrfg", "nrt"):
                seeds.setdefault(given, "")
    return seeds


def _speakers(texts: Sequence[str], tokens: Sequence[Sequence[Token]]) -> list[list[tuple[int, int]]]:
    """The names in a quotation's speaker position (萨拉对记者说：“…”): the quotes read them by the
    structure of the sentence, whatever the names look like."""
    from pipeline.extract.quotes import speaker_spans  # the quotes read this package's names too

    return speaker_spans(texts, tokens)


def _with_speakers(text: str, cands: list[Cand], spans: Sequence[tuple[int, int]]) -> list[Cand]:
    """A paragraph's candidates with its speakers as persons: a speaker's span takes the place of the
    shorter persons inside it (萨米|拉 read short), and yields to any other name it overlaps.

    A place that is the speaker's given name (王|桂林) gives way to the speaker.  A transliterated
    speaker is a name the document vouches for, so its bare mentions elsewhere are
    persons too (jieba knows few foreign names); a Chinese one is not, since the surname rules find
    those and a wrong speaker spread over a document costs more than it brings (measured on 1998)."""
    spans = [(s, e) for s, e in spans if text[s:e] not in gz.name_tagged_words()]  # 保姆说: a role, not a name
    if not spans:
        return cands
    from pipeline.extract.speakers.names import looks_translit

    kept = [c for c in cands if not (c.label == "PERSON" and any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in spans))
            and not any(_given_name_place(text, c, s, e) for s, e in spans)]
    return resolve(kept + [Cand(T_PER if looks_translit(text[s:e]) else T_TAG, s, e, "PERSON", "") for s, e in spans])


#: places whose names parents give children (桂林, 长春), unlike a country's or a province's
_NAMESAKE_KINDS = frozenset({"prefecture", "county", "city"})
#: the given-name odds (gz.given_name_score) from which a place's characters read as a given name
_NAMESAKE_SCORE = 1.0


def _given_name_place(text: str, c: Cand, start: int, end: int) -> bool:
    """A city that is a speaker's given name after the surname (王|桂林对记者说), not a country after
    a word that is also a surname (连|美国: even America).  After a title the paragraph's rules read
    the same class (:mod:`~pipeline.extract.entities.given_places`); a speaker needs no title.

    >>> place = lambda s, e: Cand(T_GAZ, s, e, "GPE", "")
    >>> _given_name_place("王桂林说", place(1, 3), 0, 3), _given_name_place("桂林说", place(0, 2), 0, 2), _given_name_place("连美国都说", place(1, 3), 0, 3)
    (True, False, False)
    """
    place = text[c.start:c.end]
    return (c.label in ("GPE", "LOC") and c.end == end and 0 < c.start - start <= 2 and text[start:c.start] in gz.surnames()
            and bool(gz.place_kinds().get(place, frozenset()) & _NAMESAKE_KINDS) and gz.given_name_score(place) >= _NAMESAKE_SCORE)


def find_document_entities(
    texts: Sequence[str], tokens: Sequence[Sequence[Token]] | None = None
) -> list[list[Entity]]:
    """Entities of every paragraph of one document (index i: entities of ``texts[i]``; ``tokens[i]``
    its segmentation when the caller has it).

    A name found with evidence in one paragraph (a title, a cue, a credit, a ·, a
    quotation's speaker position) marks its bare mentions everywhere in the document,
    where jieba alone would miss them (周恩来/t) or a paragraph gives no context.

    >>> [[e.text for e in es] for es in find_document_entities(["外交部长钱其琛说", "其后钱其琛离开", ""])]
    [['钱其琛'], ['钱其琛'], []]
    >>> [[e.text for e in es] for es in find_document_entities(["卡马尔对记者说：“天很冷。”", "卡马尔笑了。"])]
    [['卡马尔'], ['卡马尔']]
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    if tokens is None:
        tokens = [segment(t) for t in texts]
    parsed = [parse_paragraph(t, None, tokens[i]) for i, t in enumerate(texts)]
    parsed = [(toks, _with_speakers(t, cands, spans)) for t, (toks, cands), spans in zip(texts, parsed, _speakers(texts, tokens), strict=True)]
    seeds = _seed_names(texts, [c for _, c in parsed])
    places = place_seeds(texts, [c for _, c in parsed])  # 斯塔万格市 once: 斯塔万格 is the city, not a person
    places.update(alias_seeds(texts, [c for _, c in parsed]))  # …银行（以下简称国商银行）: the short name throughout
    places.update({name: seed for name, seed in body_seeds(texts, [c for _, c in parsed]).items() if name not in places})
    seeds = {name: sn for name, sn in seeds.items() if name not in places}
    shorts = short_names(texts, [c for _, c in parsed])  # 以色列 named: 以|农业部 is its ministry
    out = []
    for text, (toks, cands) in zip(texts, parsed, strict=False):
        extra = name_mentions(text, toks, seeds) if seeds else []
        extra += place_mentions(text, toks, places) if places else []
        extra += country_bodies(toks, cands, shorts)
        resolved = resolve(cands + extra) if extra else cands
        out.append(to_entities(text, resolved + _title_names(text, toks, resolved, seeds)))
    return out


#: a short name the text defines in brackets after the full one: （以下简称国商银行）, （简称“亚行”）, or
#: the Latin initials alone (国际货币基金组织（IMF）)
_ALIAS = re.compile(r"[（(](?:(?:以下)?简称[：:]?[“\"]?([\u4e00-\u9fffA-Za-z]{2,8})[”\"]?[）)，,；;]|([A-Z][A-Za-z&]{1,9})[）)])")


def alias_seeds(texts: Sequence[str], found: Sequence[Sequence[Cand]]) -> dict[str, tuple[str, str]]:
    """Short names a document defines for a name (X（以下简称Y）): Y is what X is, everywhere in the
    document, normalized to X.  X is the name found right before the bracket; without one, a short
    name that ends in a body's head (…（简称国商银行）) is an organization.

    >>> from pipeline.extract.entities.tokens import T_HEAD
    >>> texts = ["国际商业信贷银行（以下简称国商银行）倒闭。", "国商银行成立于1972年。"]
    >>> alias_seeds(texts, [[Cand(T_HEAD, 0, 8, "ORG", "")], []])
    {'国商银行': ('ORG', '国际商业信贷银行')}
    >>> alias_seeds(["他们（以下简称双方）同意"], [[]]), alias_seeds(["比赛（NBA）"], [[]])
    ({}, {})
    >>> alias_seeds(["国际货币基金组织（IMF）预测"], [[Cand(T_HEAD, 0, 8, "ORG", "")]])
    {'IMF': ('ORG', '国际货币基金组织')}
    """
    seeds: dict[str, tuple[str, str]] = {}
    for text, cands in zip(texts, found, strict=False):
        if "简称" not in text and "（" not in text and "(" not in text:
            continue
        for m in _ALIAS.finditer(text):
            alias = m.group(1) or m.group(2)
            full = next((c for c in cands if c.end == m.start() and c.label in _ALIASED), None)
            if full is not None:
                seeds.setdefault(alias, (full.label, text[full.start:full.end]))
            elif m.group(1) and alias.endswith(ORG_HEADS):
                seeds.setdefault(alias, ("ORG", alias))
    return seeds


#: the fewest characters of a body's name without its place for that name alone to be the body
_BODY_NAME_LENGTH = 4


#: whether a body's name without its place is a name of its own, remembered per name (a document repeats it)
_own_name = lru_cache(maxsize=1 << 14)(_proper_prefix)


def body_seeds(texts: Sequence[str], found: Sequence[Sequence[Cand]]) -> dict[str, tuple[str, str]]:
    """A body the document names once with its place (深圳|赛格集团, 浙江|海正药业公司) is the same body
    where it drops the place (赛格集团), as news does after the first mention; the rest must be a
    name of its own (赛格, not the 人民 of 人民政府) and four characters or more.

    >>> from pipeline.extract.entities.tokens import T_HEAD
    >>> body_seeds(["深圳赛格集团扩大投资", "赛格集团的产品"], [[Cand(T_HEAD, 0, 6, "ORG", "")], []])
    {'赛格集团': ('ORG', '深圳赛格集团')}
    >>> body_seeds(["湖南省人民政府决定"], [[Cand(T_HEAD, 0, 7, "ORG", "")]])
    {}
    """
    seeds: dict[str, tuple[str, str]] = {}
    places = gz.places()
    for text, cands in zip(texts, found, strict=False):
        for c in cands:
            if c.label != "ORG" or c.end - c.start < _BODY_NAME_LENGTH + 2:
                continue
            name = text[c.start:c.end]
            k = next((k for k in range(len(name) - _BODY_NAME_LENGTH, 1, -1) if name[:k] in places), 0)
            rest = name[k:]
            if k and rest.endswith(ORG_HEADS) and rest not in places and _own_name(rest):
                seeds.setdefault(rest, ("ORG", name))
    return seeds


#: the kinds of name a short name may stand for
_ALIASED = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"})
