"""The CRF's spans and the rules' entities as one list (step 2 of the stage, after tagging).

    combine(text, crf_spans, ruled) -> [(start, end, type)]     sorted by start

The CRF spans win; rule entities that overlap none of them are kept (MISC words such as
"Libyan", names the CRF missed). A CRF span inside a longer rule MISC name is dropped, and so is
a generic organisation word standing alone ("the Government will ...").
"""

from __future__ import annotations

from tasks.entities.gazetteer import ROLE_WORDS

# A generic organisation word alone is not a name, capitalised or not ("the Government will
# have to ...", "the Court ruled"): UNER EWT leaves such words untagged.
_GENERIC_HEADS = frozenset(
    "Government Administration Ministry Department Court Police Army Navy Congress Senate"
    " Parliament Cabinet Commission Council Committee Company Bank Party Union Agency Office"
    " Board Bureau Authority Assembly Legislature Club University School College Hospital"
    " Church Corps Force Forces Service".split()
)


def combine(text: str, spans, ruled) -> list[tuple[int, int, str]]:
    return [m for m in _merge(spans, ruled) if not _generic(text, m)]


def _merge(spans, ruled) -> list[tuple[int, int, str]]:
    """CRF spans, plus the rule entities that overlap none of them; sorted by start.

    A CRF span inside a longer rule MISC name is dropped: "Paris" of "the Paris Agreement"
    is part of the agreement's name, not a place mentioned."""
    misc = [(r.start, r.end) for r in ruled if r.type == "MISC" and " " in r.text
            and r.text.split(" ", 1)[0].lower() not in ROLE_WORDS]  # "Analyst Pieter de Jong": a role and a name
    if misc:
        spans = [sp for sp in spans if not _inside(sp, misc)]
    out = list(spans)
    k = 0
    for e in ruled:
        while k < len(spans) and spans[k][1] <= e.start:
            k += 1
        if k < len(spans) and spans[k][0] < e.end:
            continue  # overlaps a CRF span
        out.append((e.start, e.end, e.type))
    out.sort()
    return out


def _generic(text, span) -> bool:
    """A lone generic head word ("Government"), or one after "the" inside the span."""
    s, e, kind = span
    if kind != "ORG":
        return False
    word = text[s:e]
    if word[:4] in ("the ", "The "):
        word = word[4:]
    return word in _GENERIC_HEADS


def _inside(span, outer) -> bool:
    s, e, _ = span
    return any(a <= s and e <= b and (a, b) != (s, e) for a, b in outer)
