"""Sports copy: a city or country named as a side is its team, an ORG.

    teams(text, spans) -> spans     [(start, end, type)], sorted, non-overlapping

Match reports, results and tables name their sides by city or country ("Leeds beat Arsenal",
"Barcelona 2 Sevilla 1", "Belgium 3-0 Panama", a table row "Arsenal 10 7 2 1 20 8 23"). A side
is a team (ORG, as UNER and GUM annotate it) at every mention in the story, except where the
name is a place again: after "in", "at", "near", "from" ("in Sochi", "at Leeds").

Sides are found only in sports copy: a story with a score line or a table row naming a side, a
known club beaten, drawn or faced, or three different words of data/sports_words.txt. A side
is a place (places.locate), a known organisation or club (organizations.tsv,
data/sports_clubs.txt), or a name the earlier steps typed ORG; a PERSON stays one (a tennis
player beats another). Runs after the other corrections (document.py), so the CRF's features
do not depend on it.
"""

from __future__ import annotations

import re

from tasks.entities import gazetteer
from tasks.entities.places import locate

_SP = r"[ \u00a0]+"
_NAME = r"[A-Z][\w.'’&-]*(?:[ \u00a0][A-Z][\w.'’&-]*){0,3}"
_DASH = r"[ \u00a0]*[-–—:][ \u00a0]*"
# "Belgium 3-0 Panama", "Tunisia 1 – 2 England", "Barcelona 2 Sevilla 1".
_SCORE_LINES = (
    re.compile(rf"(?P<a>{_NAME}){_SP}\d{{1,2}}{_DASH}\d{{1,2}}{_SP}(?P<b>{_NAME})"),
    re.compile(rf"(?P<a>{_NAME}){_SP}\d{{1,2}}{_SP}(?P<b>{_NAME}){_SP}\d{{1,2}}\b(?![.,]?\d)"),
)
# A standings row: an optional rank, the name, then at least three numbers.
_TABLE_ROW = re.compile(rf"^[ \t]*(?:\d{{1,2}}[.)]?[ \t]+)?(?P<a>{_NAME})(?:[ \t]+[-+]?\d{{1,3}}){{3,}}[ \t]*$",
                        re.MULTILINE)
_SIDE_VERBS_AFTER = re.compile(
    r"[ \u00a0]+(?:beat|beats|defeated|defeats|drew|draw|draws|lost|loses|faced|faces|edged"
    r"|thrashed|hammered|routed|overcame|eliminated|knocked|held|won|wins|scored|led|leads"
    r"|trailed|trail|trails)\b")
_SIDE_WORDS_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|defeat|faced|facing|face|faces|against|drew with"
    r"|draw with|draws with|lost to|losing to|loss to|victory over|win over|wins over|v|vs\.?"
    r"|versus|eliminated|edged|thrashed|hammered|routed)[ \u00a0]+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|outside)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
_SPORTS_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(gazetteer.SPORTS_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE)
_WORDS_FOR_SPORTS_COPY = 3
_FUNCTION_WORDS = frozenset("In At On The A An After Before Then But And For With From To Of By".split())


def teams(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    sides = _sides(text, spans)
    if not sides:
        return spans
    out = [span for span in spans]
    for s, e in _mentions(text, sides):
        if _PLACE_BEFORE.search(text, max(0, s - 12), s):
            continue
        inside = [k for k, (ps, pe, _) in enumerate(out) if ps < e and s < pe]
        if any(out[k][0] < s or out[k][1] > e for k in inside):
            continue  # part of a longer name ("Belgium Football Association")
        if any(out[k][2] == "PERSON" for k in inside) and not _club(text[s:e]):
            continue
        out = [span for k, span in enumerate(out) if k not in inside] + [(s, e, "ORG")]
    return sorted(out)


def _sides(text, spans) -> set[str]:
    """The names of the sides in sports copy; none in other copy."""
    scored, found, by_club = set(), set(), False
    for pattern in _SCORE_LINES:
        for m in pattern.finditer(text):
            scored.update(n for n in (_side_ending(text, spans, m.start("a"), m.end("a")),
                                      _side_starting(text, spans, m.start("b"), m.end("b"))) if n)
    rows = {side for m in _TABLE_ROW.finditer(text) if (side := _side_ending(text, spans, m.start("a"), m.end("a")))}
    for s, e, kind in spans:
        name = text[s:e]
        if kind == "PERSON" and not _club(name) or not _side_name(name, kind):
            continue
        if _SIDE_VERBS_AFTER.match(text, e) or _SIDE_WORDS_BEFORE.search(text, max(0, s - 20), s):
            found.add(name)
            by_club = by_club or _club(name)
    # A score line is sports copy; a table of sides is one under a word of sports ("Standings").
    table = len(rows) >= 3 and _sports_words(text, 1)
    if scored or by_club or table or (found or rows) and _sports_words(text, _WORDS_FOR_SPORTS_COPY):
        return scored | found | rows
    return set()


def _sports_words(text, at_least: int) -> bool:
    return len({m.group().lower() for m in _SPORTS_WORD.finditer(text)}) >= at_least


def _side_ending(text, spans, s, e) -> str | None:
    """The side whose name ends at e: the span there, else the longest known name ending there."""
    for ps, pe, kind in spans:
        if pe == e and ps >= s - 40:
            return text[ps:pe] if _side_name(text[ps:pe], kind) else None
    words = text[s:e].split()
    for k in range(len(words)):
        name = " ".join(words[k:])
        if words[k] not in _FUNCTION_WORDS and _side_name(name, None):
            return name
    return None


def _side_starting(text, spans, s, e) -> str | None:
    for ps, pe, kind in spans:
        if ps == s:
            return text[ps:pe] if _side_name(text[ps:pe], kind) else None
    words = text[s:e].split()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if _side_name(name, None):
            return name
    return None


def _side_name(name: str, kind: str | None) -> bool:
    if kind == "PERSON":
        return _club(name)
    if kind == "ORG" or _club(name):
        return True
    place = locate(name)
    return place is not None and place.kind in ("country", "state", "city", "region")


def _club(name: str) -> bool:
    return name in gazetteer.SPORTS_CLUBS or name in gazetteer.ORGANIZATION_NAMES


def _mentions(text, names) -> list[tuple[int, int]]:
    """Whole-word mentions of the names, longest first where they overlap."""
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in found):
                found.append(m.span())
    return sorted(found)
