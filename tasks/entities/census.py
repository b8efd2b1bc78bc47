"""First names and surnames from the 1990 US Census lists, as shipped by the `names` package.

    first_names() -> frozenset[str]     "Glenda", "Norman", ... (title case)
    surnames() -> frozenset[str]        "Caplan", "Nolan", ... (the 30,000 most common)

Names that are also ordinary English words ("May", "Rich", "Young", "Will") are left out: a
word counts as ordinary when it is in data/ordinary_words.txt (the lower-case words of the NER
training text, a fixed list: not the model.words each training run writes, which depends on these
names through the generated wire text, so that a retrain reproduces the shipped model).
The lists are public-domain Census data; the `names` package that ships them is MIT-licensed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import names

_DATA = Path(names.__file__).resolve().parent
_COMMON_WORDS = Path(__file__).resolve().parent / "data" / "ordinary_words.txt"
# Census surnames by frequency rank: the tail is long and ever more word-like and foreign.
SURNAME_RANKS = 30_000


def _read(file: str, limit: int | None = None) -> list[str]:
    out = []
    with open(_DATA / file, encoding="ascii") as fh:
        for line in fh:
            name = line.split(" ", 1)[0]
            if name:
                out.append(name.title())
            if limit and len(out) >= limit:
                break
    return out


@cache
def _ordinary_words() -> frozenset[str]:
    try:
        lines = _COMMON_WORDS.read_text(encoding="utf-8").splitlines()
        return frozenset(w for line in lines if not line.startswith("#") for w in line.split())
    except OSError:
        return frozenset()


def without_ordinary_words(found) -> frozenset[str]:
    """Names that are not also ordinary lower-case words ("May", "Rich"), of 3+ letters."""
    common = _ordinary_words()
    return frozenset(n for n in found if len(n) > 2 and n.lower() not in common)


@cache
def first_names() -> frozenset[str]:
    return without_ordinary_words(_read("dist.male.first") + _read("dist.female.first"))


@cache
def surnames() -> frozenset[str]:
    return without_ordinary_words(_read("dist.all.last", SURNAME_RANKS))
