"""Reference data stories are made of: agencies, countries, name pools, organisations and
the slot vocabulary, loaded once from tasks/synth/data/*.json.

Lists stay in file order (tuples): the generator draws by index, so reordering a data
file changes the corpus. Text must stay Latin-1, so stories survive cp1252 / ISO-8859-1.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from tasks.synth.draw import pick


def load(name: str) -> dict[str, Any]:
    """One data file of tasks/synth/data/ (UTF-8 JSON)."""
    return json.loads(files("tasks.synth").joinpath("data", name).read_text(encoding="utf-8"))


def tuples(value: Any) -> Any:
    """JSON lists as (nested) tuples: long-lived and hashable, like the tables they replace."""
    return tuple(tuples(v) for v in value) if isinstance(value, list) else value


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # as on the source line: Xinhua, AP, Reuters, AFP, dpa
    key: str  # file-name prefix
    long_name: str  # for "said in an interview with ..."
    weight: float
    home: str  # home country
    home_share: float
    percent: str  # "percent" | "%" | "per cent"
    end_markers: tuple[str, ...]
    date_styles: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # in running text, with article where English needs one
    short: str  # in headlines
    adj: str
    cities: tuple[str, ...]  # capital first
    names: str  # key of NAMES
    region: str
    leader: str  # "President" | "Prime Minister" | "Chancellor" ...
    currency: str  # "" = quote U.S. dollars
    stat_office: str
    euro: bool = False
    usd_rate: float | None = None  # U.S. dollars per unit of `currency`


@dataclass(frozen=True, slots=True)
class Org:
    long: str  # first mention, with article if English needs one
    ref: str  # later mentions
    short: str  # headlines and title prefix
    head: str  # title of its chief
    abbr: bool  # first mention adds "(SHORT)"


AGENCIES: tuple[Agency, ...] = tuple(
    Agency(**{k: tuples(v) for k, v in a.items()}) for a in load("agencies.json")["agencies"])
AGENCY_WEIGHTS = tuple((a, a.weight) for a in AGENCIES)
AGENCY_BY_NAME = {a.name: a for a in AGENCIES}

COUNTRIES: tuple[Country, ...] = tuple(
    Country(**{k: tuples(v) for k, v in c.items()}) for c in load("countries.json")["countries"])
COUNTRY_BY_NAME = {c.name: c for c in COUNTRIES}
COUNTRY_BY_NAME["United States"] = COUNTRY_BY_NAME["the United States"]

# AP datelines: these US cities stand alone, others carry the state (AP style).
AP_STATES = {"Sacramento": "Calif.", "Austin": "Texas", "Columbus": "Ohio", "Phoenix": "Ariz."}

# Given names (male, female) and family names per naming tradition.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    pool: (tuples(p["male"]), tuples(p["female"]), tuples(p["family"]))
    for pool, p in load("names.json")["pools"].items()
}
NAME_POOLS = tuple(NAMES)

_organisations = load("organisations.json")
ORGS: dict[str, Org] = {key: Org(**o) for key, o in _organisations["international"].items()}
COMPANY_NAMES: tuple[str, ...] = tuples(_organisations["company_names"])
COMPANY_SUFFIXES: dict[str, tuple[str, ...]] = {k: tuples(v) for k, v in _organisations["company_suffixes"].items()}
COMPANY_SECTORS = tuple(COMPANY_SUFFIXES)
INSTITUTES: tuple[str, ...] = tuples(_organisations["institutes"])
INSTITUTE_ROLES: tuple[str, ...] = tuples(_organisations["institute_roles"])
UNIVERSITY_ROLES: tuple[str, ...] = tuples(_organisations["university_roles"])
PARTIES: tuple[str, ...] = tuples(_organisations["parties"])
COURTS: tuple[str, ...] = tuples(_organisations["courts"])

_vocabulary = load("vocabulary.json")
COMMODITIES: tuple[str, ...] = tuples(_vocabulary["commodities"])
DISEASES: tuple[str, ...] = tuples(_vocabulary["diseases"])
SECTORS: tuple[str, ...] = tuples(_vocabulary["sectors"])
QUARTERS: tuple[str, ...] = tuples(_vocabulary["quarters"])
ORDINALS: tuple[str, ...] = tuples(_vocabulary["ordinals"])
NUMBER_WORDS: tuple[str, ...] = tuples(_vocabulary["number_words"])
SITE_SECTIONS: dict[str, tuple[str, ...]] = {k: tuples(v) for k, v in _vocabulary["site_sections"].items()}
EDITOR_NAME_POOLS: tuple[str, ...] = tuples(_vocabulary["editor_name_pools"])

# Calendar words, in the spellings datelines and source lines use.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
AFP_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def make_name(rng: random.Random, pool: str) -> tuple[str, str, bool]:
    """(full name, family name, female) from one naming tradition of NAMES."""
    males, females, lasts = NAMES[pool]
    female = rng.random() < 0.4
    given = pick(rng, females if female else males)
    last = pick(rng, lasts)
    if pool in ("chinese", "korean", "vietnamese"):
        return f"{last} {given}", last, female
    return f"{given} {last}", last, female
