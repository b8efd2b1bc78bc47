"""Canonical agency names from one data file, tasks/data/agencies.tsv (the one table of agencies).

'Australian Associated Press' -> 'AAP', 'THE CANADIAN PRESS' -> 'CP', 'PA Sport' -> 'PA'.
dpa's regional and desk services ('lni', 'dpa-spe', 'dpa/lsw') are dpa: their codes are
in the header where the agency would be, and the credit an analyst counts is dpa's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

AGENCIES_TSV = Path(__file__).resolve().parent / "data" / "agencies.tsv"

# dpa's regional services (landesdienste): "lni" Niedersachsen, "lsw" Südwest ...
_DPA_REGIONAL = frozenset("lnw lni lno lsw lby lhe lrs lth lsa lsn lmv lbn lhb bb".split())
_DPA_SERVICE = re.compile(r"^dpa\s*[-/]\s*(?!afx\b)[a-z]{2,5}$", re.I)


def _key(name: str) -> str:
    return " ".join(name.strip(" .,;:-()").split()).casefold()


@cache
def agency_table() -> dict[str, str]:
    """Every variant spelling (case-folded) -> its canonical name."""
    table: dict[str, str] = {}
    for line in AGENCIES_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        canonical = canonical.strip()
        for variant in (canonical, *variants.split("|")):
            if variant.strip():
                table[_key(variant)] = canonical
    return table


def known_canonical(name: str | None) -> str | None:
    """The canonical name when `name` is a known agency spelling or dpa service code, else None."""
    if not name:
        return None
    key = _key(name)
    if not key:
        return None
    if key in _DPA_REGIONAL or _DPA_SERVICE.match(key):
        return "dpa"
    return agency_table().get(key)


def canonical_agency(name: str | None) -> str | None:
    """'Press Association' -> 'PA'; an unknown name is kept as written (trimmed); blank -> None."""
    if not name:
        return None
    return known_canonical(name) or " ".join(name.strip(" .,-").split()) or None


def short_names() -> frozenset[str]:
    """Canonical names without spaces (AAP, dpa, EFE ...), as agencies sign off with them."""
    return frozenset(name for name in set(agency_table().values()) if " " not in name)
