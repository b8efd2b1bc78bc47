"""Filling templates: the slot values of one story (people, organisations, places, dates,
numbers, quotes).

`StoryContext` is the dict a template is formatted with (`template.format_map(ctx)`); a
slot it lacks is resolved by `SLOTS[name](ctx)` on first use. Entity slots keep their
value for the whole story (first mention: title and full name; then the family name);
number slots draw afresh each time, except the STICKY ones while a headline and its lead
are filled (the lead repeats the headline's figure). A new slot is one entry in SLOTS;
tests check every template's slots are known.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from tasks.synth.draw import Cursor, int_between, pick
from tasks.synth.reference import (
    COMMODITIES, COMPANY_NAMES, COMPANY_SECTORS, COMPANY_SUFFIXES, COUNTRIES, COURTS, DISEASES, INSTITUTE_ROLES,
    INSTITUTES, MONTHS, NAME_POOLS, NUMBER_WORDS, ORDINALS, ORGS, PARTIES, QUARTERS, SECTORS, UNIVERSITY_ROLES,
    WEEKDAYS, Agency, Country, Org, make_name,
)
from tasks.synth.templates import ADDENDA, Topic


@dataclass(slots=True)
class Person:
    name: str
    last: str
    female: bool
    full: str  # first mention: "Libyan Prime Minister Fayez Saleh"


_PRONOUNS = {False: ("he", "He", "his", "him"), True: ("she", "She", "her", "her")}


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def bare(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


class StoryContext(dict):
    """Slot values of one story. Missing keys are resolved by `SLOTS` on first use."""

    def __init__(self, rng: random.Random, agency: Agency, topic: Topic, country: Country, city: str,
                 dt: datetime | None, allow_euro: bool):
        super().__init__()
        self.rng = rng
        self.rand = rng.random
        self.agency = agency
        self.pct_unit = "%" if agency.percent == "%" else " " + agency.percent
        self.quotes = topic.quotes
        self.last_quote = ""
        self.quote_cursor: Cursor | None = None
        self.topic = topic
        self.country = country
        self.country2: Country | None = None
        self.city = city
        self.dt = dt
        self.allow_euro = allow_euro
        self.persons: dict[str, Person] = {}
        self.mentioned: set[str] = set()
        self.speaker = "P"
        self.org: Org | None = None
        self.company: tuple[str, str] | None = None
        self.people: dict[str, None] = {}
        self.orgs: dict[str, None] = {}
        self.places: dict[str, None] = {city: None}
        self.headline_mode = False
        self.sticky = False
        self.sticky_keys: list[str] = []
        self.curly = False
        self.dash = "--"
        self.t_end = dt
        self.body: tuple[str, ...] = ()
        self.lead = ""
        # the day things happened: the publication day, or the day before
        if dt is not None:
            wd = dt.weekday() if rng.random() < 0.8 else (dt.weekday() - 1) % 7
        else:
            wd = int(rng.random() * 7)
        self.weekday = WEEKDAYS[wd]
        self["day"] = self.weekday if agency.name == "AP" else "on " + self.weekday
        self["city"] = city
        self["adj"] = self["Adj"] = country.adj
        self["region"] = country.region
        self["agency_name"] = agency.long_name

    def __missing__(self, key: str) -> str:
        value = SLOTS[key](self)
        if self.sticky and key in STICKY:  # (only while a headline and its lead are filled)
            self[key] = value
            self.sticky_keys.append(key)
        return value

    def unstick(self) -> None:
        self.sticky = False
        for key in self.sticky_keys:
            self.pop(key, None)
        self.sticky_keys.clear()

    def fill(self, template: str) -> str:
        return template.format_map(self)

    # -- entities ---------------------------------------------------------------------
    def get_country2(self) -> Country:
        c2 = self.country2
        if c2 is None:
            while True:
                c2 = pick(self.rng, COUNTRIES)
                if c2 is not self.country:
                    break
            self.country2 = c2
        return c2

    def get_org(self) -> Org:
        if self.org is None:
            self.org = ORGS[pick(self.rng, self.topic.orgs)]
        return self.org

    def get_company(self) -> tuple[str, str]:
        if self.company is None:
            rng = self.rng
            sector = self.topic.company_sector or pick(rng, COMPANY_SECTORS)
            short = pick(rng, COMPANY_NAMES)
            self.company = (f"{short} {pick(rng, COMPANY_SUFFIXES[sector])}", short)
            self.orgs[self.company[0]] = None
        return self.company

    def person(self, key: str) -> Person:
        p = self.persons.get(key)
        if p is None:
            p = self.persons[key] = _make_person(self, key)
            self.people[p.name] = None
        return p

    def ref(self, key: str) -> str:
        """First mention: title and full name; later: the family name (then cached as
        the slot's value, with the pronouns)."""
        p = self.person(key)
        if key in self.mentioned:
            return p.last
        self.mentioned.add(key)
        pro = _PRONOUNS[p.female]
        self[key] = self[key + "_last"] = p.last
        self[key + "_he"] = pro[0]
        self[key + "_his"] = pro[2]
        return p.full

    def pronoun(self, key: str, form: int) -> str:
        if key in self.mentioned:
            return _PRONOUNS[self.person(key).female][form]
        return self.ref(key)

    def place(self, name: str) -> str:
        self.places[bare(name)] = None
        return name


def name_pool(ctx: StoryContext, country: Country) -> str:
    return country.names if ctx.rng.random() < 0.85 else pick(ctx.rng, NAME_POOLS)


def _new_name(ctx: StoryContext, pool: str) -> tuple[str, str, bool]:
    """A name whose family name no other person in the story has ("Wafula said" must be
    unambiguous)."""
    name = make_name(ctx.rng, pool)
    if ctx.persons:  # compare last words too: "Cruz" and "Dela Cruz" would read alike
        taken = [p.last.rsplit(" ", 1)[-1] for p in ctx.persons.values()]
        for _ in range(8):
            if name[1].rsplit(" ", 1)[-1] not in taken:
                break
            name = make_name(ctx.rng, pool)
    return name


def _make_person(ctx: StoryContext, key: str) -> Person:
    rng = ctx.rng
    topic = ctx.topic
    country = ctx.country
    if key == "P" or key == "P2":
        kind, title = pick(rng, topic.person_roles)
        if key == "P2":  # the counterpart from the other country
            country = ctx.get_country2()
            if kind not in ("gov", "sport"):
                kind, title = "gov", "Foreign Minister" if topic.name == "diplomacy" else "Minister"
            if kind == "gov" and topic.name == "diplomacy" and rng.random() < 0.5:
                title = "Foreign Minister"
        if kind == "org":
            org = ctx.get_org()
            name, last, female = _new_name(ctx, pick(rng, NAME_POOLS))
            ctx.orgs[bare(org.long)] = None
            return Person(name, last, female, f"{org.short} {org.head} {name}")
        name, last, female = _new_name(ctx, name_pool(ctx, country))
        if kind == "gov":
            if title == "@leader":
                title = country.leader
            return Person(name, last, female, f"{country.adj} {title} {name}")
        if kind == "corp":
            company = ctx.get_company()[0]
            return Person(name, last, female, f"{company} {title} {name}")
        if kind == "sport":
            return Person(name, last, female, f"{country.adj} {title} {name}")
        if kind == "party":
            party = ctx["party"]
            return Person(name, last, female, f"{party} leader {name}")
        # inst
        role = pick(rng, UNIVERSITY_ROLES)
        uni = f"University of {ctx.city}"
        ctx.orgs[uni] = None
        return Person(name, last, female, f"{uni} {role} {name}")
    name, last, female = _new_name(ctx, name_pool(ctx, country))
    if key == "Q":
        kind = topic.quoted_expert
        if kind in ("researcher", "scientist"):
            uni = f"University of {pick(rng, country.cities)}"
            ctx.orgs[uni] = None
            return Person(name, last, female, f"{uni} {kind} {name}")
        if kind == "doctor":
            return Person(name, last, female, f"{ctx.city} doctor {name}")
        if kind == "commentator":
            return Person(name, last, female, f"{country.adj} television commentator {name}")
        inst = bare(pick(rng, INSTITUTES))
        ctx.orgs[inst] = None
        role = kind if kind != "analyst" else pick(rng, INSTITUTE_ROLES)
        return Person(name, last, female, f"{inst} {role} {name}")
    if key == "R":
        ministry = f"{country.adj} {topic.ministry}"
        ctx.orgs[ministry] = None
        return Person(name, last, female, f"{ministry} spokesperson {name}")
    # W: a witness / member of the public
    return Person(name, last, female, f"{ctx.city} {topic.witness_role} {name}")


def _scaled(x: float) -> str:
    """1_234_000_000 -> '1.2 billion'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if x >= size:
            v = x / size
            return f"{v:,.0f} {word}" if v >= 100 else f"{v:.1f} {word}".replace(".0 ", " ")
    return f"{round(x, -3):,.0f}"


def _money(ctx: StoryContext) -> str:
    rng = ctx.rng
    usd = (int_between(rng, 12, 950) * 1e6) if rng.random() < 0.4 else (int_between(rng, 11, 950) * 1e8)
    country = ctx.country
    agency = ctx.agency.name
    if country.euro and agency in ("dpa", "AFP", "Reuters") and rng.random() < 0.7:
        amount = _scaled(usd / 1.1)
        return f"\u20ac{amount}" if ctx.allow_euro and rng.random() < 0.5 else f"{amount} euros"
    if country.currency and rng.random() < 0.3 and usd / country.usd_rate < 1e14:
        local = f"{_scaled(usd / country.usd_rate)} {country.currency}"
        if agency == "Xinhua" and rng.random() < 0.5:
            return f"{local} (about {_scaled(usd)} U.S. dollars)"
        return local
    if agency == "Xinhua":
        return f"{_scaled(usd)} U.S. dollars"
    return f"${_scaled(usd)}"


def _quote(ctx: StoryContext) -> str:
    """The topic's quotes in a per-story order: no quote twice until all were used."""
    cur = ctx.quote_cursor
    if cur is None:
        cur = ctx.quote_cursor = Cursor(ctx.quotes, ctx.rand)
    q = cur.next()
    if q is None:
        q = ctx.quotes[int(ctx.rand() * len(ctx.quotes))]
    ctx.last_quote = q
    return q


def _quote2(ctx: StoryContext) -> str:
    """Another quote than the one just used."""
    first = ctx.last_quote
    q = _quote(ctx)
    if q == first:
        quotes = ctx.quotes
        q = ctx.last_quote = quotes[(quotes.index(q) + 1) % len(quotes)]
    return q


_YEARS = tuple(f"{NUMBER_WORDS[k - 2] if k < 10 else k} years" for k in range(2, 16))


def _years(ctx: StoryContext) -> str:
    return _YEARS[int(ctx.rand() * len(_YEARS))]


def _n_people(ctx: StoryContext) -> str:
    rng = ctx.rng
    x = int_between(rng, 12, 2500) * (10 if rng.random() < 0.6 else 100)
    return f"{x:,} people"


def _in_month(ctx: StoryContext) -> str:
    if ctx.dt is None:
        return "last month"
    return "in " + MONTHS[ctx.dt.month - 2]  # the previous month (index -1 wraps to December)


def _hmonth(ctx: StoryContext) -> str:
    return "past month" if ctx.dt is None else MONTHS[ctx.dt.month - 2]


def _in_year_past(ctx: StoryContext) -> str:
    if ctx.dt is None:
        return "several years ago"
    return f"in {ctx.dt.year - int_between(ctx.rng, 1, 9)}"


def _year_future(ctx: StoryContext) -> str:
    if ctx.dt is None:
        return "the next decade"
    return str(ctx.dt.year + int_between(ctx.rng, 2, 12))


def _day(ctx: StoryContext) -> str:
    return ctx.weekday if ctx.agency.name == "AP" else "on " + ctx.weekday


def _country2(ctx: StoryContext) -> str:
    c2 = ctx.get_country2()
    ctx.places[bare(c2.name)] = None
    ctx["country2"] = c2.name
    return c2.name


def _city2(ctx: StoryContext) -> str:
    cities = ctx.country.cities
    c = pick(ctx.rng, cities)
    if c == ctx.city and len(cities) > 1:
        c = cities[(cities.index(c) + 1) % len(cities)]
    ctx.places[c] = None
    ctx["city2"] = c
    return c


def _org_ref(ctx: StoryContext) -> str:
    org = ctx.get_org()
    if "org" in ctx.mentioned:
        return org.ref
    ctx.mentioned.add("org")
    ctx.orgs[bare(org.long)] = None
    ctx["org"] = org.ref
    ctx["Org"] = cap(org.ref)
    return f"{org.long} ({org.short})" if org.abbr else org.long


def _ministry(ctx: StoryContext) -> str:
    if "ministry" in ctx.mentioned:
        return "the ministry"
    ctx.mentioned.add("ministry")
    ctx["ministry"] = "the ministry"
    ctx["Ministry"] = "The ministry"
    m = f"{ctx.country.adj} {ctx.topic.ministry}"
    ctx.orgs[m] = None
    return "the " + m


def _company(ctx: StoryContext) -> str:
    return ctx.get_company()[0]


def _cached(key: str, fn: Callable[[StoryContext], str]) -> Callable[[StoryContext], str]:
    def resolve(ctx: StoryContext) -> str:
        value = ctx[key] = fn(ctx)
        return value
    return resolve


def _country_slot(ctx: StoryContext) -> str:
    ctx["country"] = ctx.place(ctx.country.name)
    return ctx.country.name


# number slots that keep their first value while a headline and its lead are filled
STICKY = frozenset({"jobs", "pct", "pct_big", "money", "n_small", "n_k", "n_word", "magnitude", "temp", "score",
                    "mw", "ordinal", "years", "year_future", "months_n", "n_people", "quarter", "hours_n", "bpd",
                    "oil_price", "kmh", "km_sq", "tcf", "n_injured"})

# people (first mention: title and full name; then the family name)
_PEOPLE: dict[str, Callable[[StoryContext], str]] = {
    "P": lambda c: c.ref("P"),
    "P_last": lambda c: c.person("P").last if c.headline_mode else c.ref("P"),
    "P_he": lambda c: c.pronoun("P", 0),
    "P_his": lambda c: c.pronoun("P", 2) if "P" in c.mentioned else "the",
    "P2": lambda c: c.ref("P2"),
    "P2_last": lambda c: c.person("P2").last if c.headline_mode else c.ref("P2"),
    "Q": lambda c: c.ref("Q"),
    "R": lambda c: c.ref("R"),
    "W": lambda c: c.ref("W"),
    "W_he": lambda c: c.pronoun("W", 0),
    "W_his": lambda c: c.pronoun("W", 2) if "W" in c.mentioned else "the",
    "S": lambda c: c.ref(c.speaker),
    "S_he": lambda c: c.pronoun(c.speaker, 0),
    "S_his": lambda c: c.pronoun(c.speaker, 2) if c.speaker in c.mentioned else "the",
}

# organisations
_ORGANISATIONS: dict[str, Callable[[StoryContext], str]] = {
    "org": _org_ref,
    "Org": lambda c: cap(_org_ref(c)),
    "org_short": lambda c: c.get_org().short,
    "ministry": _ministry,
    "Ministry": lambda c: cap(_ministry(c)),
    "company": _company,
    "Company": _company,
    "company_short": lambda c: c.get_company()[1],
    "party": _cached("party", lambda c: pick(c.rng, PARTIES)),
    "court": lambda c: pick(c.rng, COURTS),
    "stat_office": _cached("stat_office", lambda c: c.country.stat_office),
    "agency_name": lambda c: c.agency.long_name,
}

# places
_PLACES: dict[str, Callable[[StoryContext], str]] = {
    "country": _country_slot,
    "Country": lambda c: cap(_country_slot(c)),
    "hcountry": _cached("hcountry", lambda c: c.place(c.country.short) and c.country.short),
    "adj": _cached("adj", lambda c: c.country.adj),
    "Adj": _cached("Adj", lambda c: c.country.adj),
    "country2": _country2,
    "Country2": lambda c: cap(_country2(c)),
    "hcountry2": _cached("hcountry2", lambda c: c.place(c.get_country2().short)),
    "adj2": _cached("adj2", lambda c: c.get_country2().adj),
    "city": lambda c: c.city,
    "city2": _city2,
    "region": _cached("region", lambda c: c.country.region),
}

# things, then time
_THINGS_AND_TIME: dict[str, Callable[[StoryContext], str]] = {
    "commodity": _cached("commodity", lambda c: pick(c.rng, COMMODITIES)),
    "commodity_cap": lambda c: cap(c["commodity"]),
    "disease": _cached("disease", lambda c: pick(c.rng, DISEASES)),
    "sector": lambda c: pick(c.rng, SECTORS),
    "day": _day,
    "in_month": _in_month,
    "since_month": lambda c: "since last month" if c.dt is None else "since " + MONTHS[c.dt.month - 2],
    "hmonth": _hmonth,
    "in_year_past": _in_year_past,
    "year_future": _year_future,
    "quarter": lambda c: QUARTERS[int(c.rand() * 4)],
    "years": _years,
    "months_n": lambda c: f"{pick(c.rng, ('two', 'three', 'six', 'nine', 'four'))} months",
    "hours_n": lambda c: pick(c.rng, ("two", "three", "four", "five", "six")),
}

# numbers, then words
_NUMBERS_AND_WORDS: dict[str, Callable[[StoryContext], str]] = {
    "ordinal": lambda c: ORDINALS[int(c.rand() * len(ORDINALS))],
    "n": lambda c: str(3 + int(c.rand() * 38)),
    "n_small": lambda c: str(2 + int(c.rand() * 59)),
    "n_word": lambda c: NUMBER_WORDS[int(c.rand() * 8)],
    "n_k": lambda c: f"{(12 + int(c.rand() * 589)) * 100:,}",
    "n_injured": lambda c: str(int_between(c.rng, 5, 150)),
    "n_people": _n_people,
    "n_digit": lambda c: str(int(c.rng.random() * 10)),
    "jobs": lambda c: f"{int_between(c.rng, 8, 420) * 1000:,} jobs",
    "pct": lambda c: f"{(1 + int(c.rand() * 99)) / 10}{c.pct_unit}",
    "pct_big": lambda c: f"{10 + int(c.rand() * 66)}{c.pct_unit}",
    "money": _money,
    "km": lambda c: f"{int_between(c.rng, 20, 2000):,} km",
    "km_small": lambda c: f"{int_between(c.rng, 2, 80)} km",
    "km_sq": lambda c: f"{int_between(c.rng, 5, 900) * 100:,} square km",
    "kmh": lambda c: f"{int_between(c.rng, 12, 26) * 10} km per hour",
    "temp": lambda c: f"{int_between(c.rng, 38, 49)} degrees Celsius",
    "magnitude": lambda c: f"{int_between(c.rng, 40, 79) / 10}",
    "score": lambda c: f"{int_between(c.rng, 1, 4)}-{int_between(c.rng, 0, 1)}",
    "mw": lambda c: f"{int_between(c.rng, 2, 300) * 10:,} megawatts",
    "bpd": lambda c: f"{int_between(c.rng, 5, 30) / 10} million barrels per day",
    "tcf": lambda c: f"{int_between(c.rng, 5, 120) / 10} trillion cubic feet",
    "oil_price": lambda c: f"${int_between(c.rng, 4500, 11000) / 100:.2f}",
    "gold_price": lambda c: f"${int_between(c.rng, 110000, 260000) / 100:,.2f}",
    "minute": lambda c: f"{int_between(c.rng, 50, 89)}th",
    "quote": _quote,
    "quote2": _quote2,
    "addendum": lambda c: ADDENDA[int(c.rand() * len(ADDENDA))],
}

# slot name -> resolver (StoryContext.__missing__ calls it on first use)
SLOTS: dict[str, Callable[[StoryContext], str]] = {
    **_PEOPLE, **_ORGANISATIONS, **_PLACES, **_THINGS_AND_TIME, **_NUMBERS_AND_WORDS,
}
