"""Datelines that tasks.parse.split_dateline does not know yet, as agencies write them:

    "Peine (dpa/lni) - ..."           a service code after the agency
    "San Diego (tca/dpa) - ..."       a partner's credit before it
    "København /ritzau/: ..."         Ritzau's slashed credit
    "Paris (ats afp) ..."             two credits in one bracket

`split_agency_dateline` returns the dateline, its place and the canonical agency; readers
set Story.dateline with it, so finish_story keeps it (it only looks when there is none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.formats._agencies import canonical_agency, known_canonical

_PLACE = r"[^\W\d_][\w.'’\-]*(?:\s[^\W\d_][\w.'’\-]*){0,3}"
_BRACKETED = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE})(?:,\s*[^()]{{3,30}}?)?\s*\((?P<credit>[a-zA-Z][\w -]{{0,12}}(?:[/ ][\w-]{{1,12}}){{1,3}})\))"
    r"\s*(?:--|-|—|–|_|:)\s+"
)
_SLASHED = re.compile(rf"^(?P<dateline>(?P<place>{_PLACE})\s*/(?P<credit>[a-zA-Z]{{2,12}})/)\s*(?:[:\-—–]\s*)?(?=\S)")


@dataclass(frozen=True, slots=True)
class AgencyDateline:
    text: str  # "Peine (dpa/lni)"
    place: str  # "Peine"
    agency: str | None  # "dpa"
    rest: str  # the paragraph after the dateline


def split_agency_dateline(paragraph: str) -> AgencyDateline | None:
    """'Peine (dpa/lni) - Ein Baum ...' -> ('Peine (dpa/lni)', 'Peine', 'dpa', 'Ein Baum ...')."""
    for pattern in (_BRACKETED, _SLASHED):
        match = pattern.match(paragraph)
        if not match or match.end() >= len(paragraph):
            continue
        credits = re.split(r"[/ ]+", match["credit"].strip())
        agencies = [known_canonical(c) for c in credits]
        known = [a for a in agencies if a]
        if not known:
            continue
        # "tca/dpa": the agency is the last known one (the partner credit comes first);
        # "dpa/lni": the service code maps to dpa itself.
        return AgencyDateline(
            text=match["dateline"].strip(), place=match["place"].strip(),
            agency=canonical_agency(known[-1]), rest=paragraph[match.end():].strip(),
        )
    return None
