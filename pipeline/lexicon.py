"""Word lists drawn from jieba's own dictionary, read once.

jieba ships a part-of-speech tagged dictionary (``dict.txt``: word, frequency,
tag); its place (``ns``), organization (``nt``) and abbreviation (``j``) words
are a broad, well-kept list of names that repair rules can lean on.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path
from types import ModuleType

#: place names, abbreviations (东盟, 欧盟) and transliterated names (琼斯, 阿布哈兹); not
#: organizations (nt), whose generic entries (地方法院) would turn 伦敦一地方法院 into a dash
NAME_TAGS = frozenset({"ns", "j", "nrt"})


def jieba_folder() -> Path:
    """Where jieba's package and data files are, found without importing it: a run reads only its
    data (importing it costs a worker a tenth of a second, most of it ``pkg_resources``)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed: pip install jieba")
    return Path(spec.origin).parent


def quiet_jieba() -> ModuleType:
    """jieba itself, imported where a stage needs its code, its loading chatter off the log."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def dictionary_path() -> Path:
    """jieba's bundled dictionary, ``dict.txt``."""
    return jieba_folder() / "dict.txt"


@lru_cache(maxsize=1)
def jieba_dictionary() -> dict[str, tuple[int, str]]:
    """word -> (frequency, tag) from jieba's bundled dictionary, through the derived-data cache (its
    pickle loads in two thirds of the time of parsing the text)."""
    from pipeline.derived import derived

    return derived("jieba_dictionary", _read_jieba_dictionary, [dictionary_path()])


def _read_jieba_dictionary() -> dict[str, tuple[int, str]]:
    """One tuple per distinct (frequency, tag), shared by its words: 17,000 tuples for 350,000 words, which
    the pickle then stores once each, so that it loads in three quarters of the time (and 20 MB less)."""
    entries: dict[str, tuple[int, str]] = {}
    shared: dict[tuple[int, str], tuple[int, str]] = {}
    with dictionary_path().open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                entry = (int(parts[1]), parts[2])
                entries[parts[0]] = shared.setdefault(entry, entry)
    return entries


@lru_cache(maxsize=1)
def jieba_total() -> int:
    """The sum of the frequencies of jieba's dictionary, every line counted as jieba counts it (``B超`` is
    listed twice), through the derived-data cache: the denominator of jieba's route probabilities."""
    from pipeline.derived import derived

    return derived("jieba_total", _read_jieba_total, [dictionary_path()])


def _read_jieba_total() -> int:
    with dictionary_path().open(encoding="utf-8") as f:
        return sum(int(line.strip().split(" ")[1]) for line in f)


@lru_cache(maxsize=1)
def place_and_org_names() -> frozenset[str]:
    """:func:`_collect_place_and_org_names`, from the derived-data cache (a tenth of a second to collect)."""
    from pipeline.derived import derived

    return derived("place_and_org_names", _collect_place_and_org_names, [dictionary_path()])


def _collect_place_and_org_names() -> frozenset[str]:
    """Names a dash can join: jieba's ns/j/nrt words plus the project's place and organization gazetteers."""
    from pipeline.extract.gazetteer import orgs, places

    names = {w for w, (_, tag) in jieba_dictionary().items() if tag in NAME_TAGS}
    return frozenset(names | set(places()) | set(orgs()))
