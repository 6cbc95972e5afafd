"""The narrator of an interview: 我 in the answers is the one interviewed, not the writer.

An article is an interview when the reporter asks in it (记者问, 问：), its answers are marked
(答：) or it says someone was interviewed (接受本报记者专访, 采访了).  There the 我 of a statement
is the person the narration before it is about, as for 他, unless 我 asks; elsewhere 我 stays
the narrator.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract.speakers import Speaker

#: paragraph openings of a question and an answer in an interview printed as one
_MARKED = ("问：", "答：", "问:", "答:")
#: words that say the article reports an interview
_INTERVIEWED = ("采访", "专访", "访谈")
#: the asker's role and the cue of a question
_REPORTER = "记者"
_ASKS = "问"


def is_interview(texts: Sequence[str], printed: Sequence[tuple[Speaker, str]]) -> bool:
    """Whether the article is an interview: a paragraph marked 问： or 答：, one that says someone was
    interviewed, or a reporter who asks (``printed``: each statement's printed speaker and cue).

    >>> is_interview(["问：您怎么看？", "答：很好。"], []), is_interview(["他说，很好。"], [(Speaker("他", "", "pronoun"), "说")])
    (True, False)
    >>> is_interview(["……"], [(Speaker("记者", "记者", "source"), "问")])
    True
    """
    return any(t.lstrip().startswith(_MARKED) or any(w in t for w in _INTERVIEWED) for t in texts) or any(
        s.role.endswith(_REPORTER) and cue.startswith(_ASKS) for s, cue in printed
    )


def answers(printed: Speaker, cue: str) -> bool:
    """Whether a statement is the narrator 我 answering, not asking (我问他).

    >>> me = Speaker("我", "", "narrator"); answers(me, "认为"), answers(me, "问"), answers(Speaker("李明", "", "named"), "说")
    (True, False, False)
    """
    return printed.kind == "narrator" and not cue.startswith(_ASKS)
