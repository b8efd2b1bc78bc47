"""Corrections over a whole document's entity spans, after the CRF and the rules.

    correct(text, spans, ruled) -> spans     [(start, end, type)], sorted, non-overlapping

A tagger reads one sentence at a time; these passes use what the rest of the text and the
annotation guidelines (Universal NER, after NorNE) say. In order:

1. Drop and trim: event and treaty names are no places ("the Paris Agreement", "Rugby
   Championship"); people by nationality ("Australians") and ministers' portfolios ("Minister
   for Justice") are no names; a span never starts with a preposition ("In Hong Kong's High
   Court") or a sentence-opening role ("Striker Lionel Messi"), stops at a possessive after a
   name in its own right ("Apple's Siri") and does not end in plain lower-case words.
2. Join: "Plano, Texas" is one LOC; a place or nationality word before a multi-word
   organisation belongs to it ("U.S. Environmental Protection Agency", "Russian Secret
   Service"); so does the complement of an organisation or place head ("International
   Organization for Renewable Energies", "Community of Madrid"); so does an epithet ("Lucas
   Cranach the Elder").
3. One name, one type: the surname or first name of a person named in full is that person
   wherever it stands alone; so is the surname of a person in the news ("Trudeau will ...");
   an organisation or place found once is found at its other mentions too.
4. Places acting as organisations: a country, state or city that acts or owns stands for its
   government or team and is ORG ("Russia announced", "China will impose", "Russia's
   actions", "beating England", "for Beijing to demonstrate"); where it is a place it stays
   LOC ("in Russia", "Libya's capital", "Italy has fewer metro lines").
   So does a place coordinated with one that acts ("Britain and Norway signed"). A one-word
   "person" that is a known place after "in", "near", "west of" ... is the place ("west of
   Prescott").
5. Facilities: a name ending in Street, House, Square, Tower ... is a LOC ("White House").
"""

from __future__ import annotations

import re

from tasks import gazetteer as gz
from tasks.places import locate

_PREPOSITIONS = frozenset(
    "In At On From For By With After Before During Under Over Since To Of Into Near Across".split()
)
ROLE_WORDS = frozenset(t for t in gz.LOWER_TITLES if t.isalpha())  # one-word roles: striker
_POSSESSIVE = re.compile(r"['’]s\b")
_GPE_KINDS = frozenset({"country", "state", "city", "region"})  # region: "England", "Crimea"
# A place that does these is a government (or a team) acting. "has", "is" and "can" are left
# out: "Italy has fewer km of metro", "Britain can get chilly" are places.
_ACTING_VERBS = frozenset(
    """said says announced announces warned warns accused accuses agreed agrees rejected
    rejects demanded demands urged urges threatened threatens denied denies insisted insists
    believes signed signs imposed imposes launched launches responded responds condemned
    condemns refused refuses decided ordered orders approved approves voted votes vowed vows
    pledged pledges retaliated protested blamed blames expelled expels recognised recognized
    sanctioned summoned summons beat beats defeated defeats passed will would won't wouldn't
    doesn't didn't does did""".split()
)
# "Russia's actions", "Australia's position": the place's government or team; "China's
# growing middle class", "London's landmark" stay places.
_ACTOR_NOUNS = frozenset(
    """government governments actions action position stance policy policies decision
    decisions response move moves officials leaders leadership president presidency prime
    foreign defence defense military army navy forces troops police court courts parliament
    ministry ministers diplomats ambassador envoy authorities regime intervention sanctions
    demands proposal plan plans strategy team squad coach captain players""".split()
)
_ACTED_AGAINST = re.compile(r"(?:\bbeating|\bbeat|\bdefeating|\bdefeated)[ \u00a0]+$", re.IGNORECASE)
_SUBJECT_OF_INFINITIVE = re.compile(r"\bfor[ \u00a0]$")
_TO_VERB = re.compile(r"[ \u00a0]to[ \u00a0](?!the\b|a\b|an\b|be\b)[a-z]+\b")
_TEAM_NOUNS = frozenset("side team squad xi captain coach players".split())
_FACILITY_HEADS = frozenset(
    "Street Avenue Road Square Boulevard Plaza Bridge Tower House Palace Building Stadium"
    " Arena Airport Station Lane Highway Motorway Park Gardens Cathedral Mosque Temple".split()
)
_CITY_STATE = re.compile(r",[ \u00a0]")


def correct(text: str, spans, ruled) -> list[tuple[int, int, str]]:
    spans = [_trim(text, s) for s in spans if not _names_a_document(text, s)]
    spans = sorted(s for s in spans
                   if s[0] < s[1] and not _portfolio(text, s) and not _nationality(text, s))
    spans = _join_complements(text, _join_modified_orgs(text, _join_city_state(text, spans)))
    spans = _outermost([_epithet(text, s) for s in _one_name_one_type(text, spans, ruled)])
    keys = _person_keys(text, spans)
    spans = [_facility(text, _metonym(text, _place_not_person(text, s, keys))) for s in spans]
    return _coordinated_actors(text, spans)


_DOCUMENT_AFTER = re.compile(
    r"[ \u00a0]+(?:agreement|accord|accords|amendment|treaty|convention|protocol|declaration"
    r"|pact|charter|consensus|doctrine|summit|climate deal)\b",
    re.IGNORECASE,
)


# Names of events, laws and documents: not PERSON/ORG/LOC (UNER has no MISC to put them in).
_EVENT_HEADS = gz.MISC_HEADS - {"Empire", "Dynasty", "Era", "Spring", "Day", "Year"}


def _names_a_document(text, span) -> bool:
    """"the Paris Agreement", "the Kigali Amendment": the place is part of a name of its own;
    "Rugby Championship", "Mountain View Summit": the span is an event's name."""
    s, e, kind = span
    if kind == "LOC" and _DOCUMENT_AFTER.match(text, e):
        return True
    words = text[s:e].split()
    return len(words) > 1 and words[-1] in _EVENT_HEADS


def _join_modified_orgs(text, spans):
    """"U.S." + "Environmental Protection Agency", "Glasgow" + "School of Art": one ORG; so is
    a nationality word before a multi-word organisation ("Russian" + "Secret Service")."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        s, e, kind = span
        if kind == "ORG" and " " in text[s:e]:
            if (prev and prev[2] == "LOC" and text[prev[1]:s] == " "):
                out[-1] = (prev[0], e, "ORG")
                continue
            nat = _NATIONALITY_BEFORE.search(text, max(0, s - 20), s)
            if nat and nat.group(1) in gz.NATIONALITIES:
                if prev and prev[:2] == nat.span(1):
                    out.pop()  # the nationality word alone, as MISC
                if not out or out[-1][1] <= nat.start(1):
                    span = (nat.start(1), e, "ORG")
        out.append(span)
    return out


_NATIONALITY_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]$")
_COMPLEMENT = re.compile(r"[ \u00a0](?:for|of(?:[ \u00a0]the)?)[ \u00a0]")


def _join_complements(text, spans):
    """"International Organization" + "for" + "Renewable Energies", "Community" + "of" +
    "Madrid": a name whose head is an organisation or place word goes on with its complement,
    unless that is a name of its own ("support from the European Union for the Libyan Coast
    Guard")."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and _second_complement(text, prev, span):
            out[-1] = (prev[0], span[1], prev[2])
            continue
        if prev and _COMPLEMENT.fullmatch(text, prev[1], span[0]):
            head = text[prev[0]:prev[1]].rsplit(" ", 1)[-1]
            complement = text[span[0]:span[1]]
            own_name = complement.rsplit(" ", 1)[-1] in gz.ORG_HEADS or (
                text[prev[1]:span[0]].strip() == "for" and _is_known(complement))
            if (head in gz.ORG_HEADS or head in gz.LOC_HEADS) and not own_name:
                out[-1] = (prev[0], span[1], "LOC" if head in gz.LOC_HEADS else "ORG")
                continue
        out.append(span)
    return out


_AND_BETWEEN = re.compile(r"[ \u00a0](?:and|&)[ \u00a0]")


def _second_complement(text, prev, span) -> bool:
    """"Department of Forestry" + "and" + "Fire Management": a second complement of an
    organisation's name, not a name of its own."""
    if prev[2] != "ORG" or " of " not in text[prev[0]:prev[1]] or span[2] == "PERSON":
        return False
    return bool(_AND_BETWEEN.fullmatch(text, prev[1], span[0])) and not _is_known(
        text[span[0]:span[1]])


_PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministry|Secretary|Department)[ \u00a0](?:of|for)"
                               r"[ \u00a0](?:the[ \u00a0])?$")


def _nationality(text, span) -> bool:
    """"Australians", "Latin Americans": people by nationality are not names (UNER)."""
    word = text[span[0]:span[1]]
    return word[-1:] == "s" and word[:-1] in gz.NATIONALITIES and locate(word) is None


def _portfolio(text, span) -> bool:
    """"the Minister of Defense": the word after is a portfolio, not a person."""
    s, e, kind = span
    return kind == "PERSON" and " " not in text[s:e] and bool(
        _PORTFOLIO_BEFORE.search(text, max(0, s - 30), s))


_EPITHET_AFTER = re.compile(r"[ \u00a0]the[ \u00a0](?:Elder|Younger|Great)\b")


def _outermost(spans):
    """Drop spans inside an earlier, longer one (an epithet swallowed "Elder")."""
    out = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def _epithet(text, span):
    """"Lucas Cranach the Elder", "Alexander the Great": the epithet is part of the name."""
    s, e, kind = span
    m = _EPITHET_AFTER.match(text, e) if kind == "PERSON" else None
    return (s, m.end(), kind) if m else span


# plain lower-case words at the end ("Metro station"), not name particles ("al-Jadaan", "de")
_TRAILING_LOWER = re.compile(
    r"(?:[ \u00a0]+(?!(?:al|el|de|da|di|du|del|der|den|van|von|bin|ibn|la|le|dos|das)\b)"
    r"[a-z]+)+$"
)


def _trim(text, span):
    s, e, kind = span
    tail = _TRAILING_LOWER.search(text, s, e)
    if tail:
        e = tail.start()  # "Metro station": names end in a name word
    first = text[s:e].split(" ", 1)
    if len(first) == 2 and first[0] in _PREPOSITIONS:
        s += len(first[0]) + 1
    elif len(first) == 2 and first[0].lower() in ROLE_WORDS and _opens_sentence(text, s):
        s += len(first[0]) + 1  # "Striker Lionel Messi scored": a role, capitalised to open
        kind = "PERSON" if kind == "MISC" else kind
    m = _POSSESSIVE.search(text, s, e)
    if m and m.end() < e and _is_known(text[s:m.start()]):
        e = m.start()
    return (s, e, kind)


def _is_known(name: str) -> bool:
    return name in gz.ORGANIZATIONS or name in gz.LOC_CODES or locate(name) is not None


def _join_city_state(text, spans):
    out = []
    for k, span in enumerate(spans):
        after = spans[k + 1] if k + 1 < len(spans) else None
        if out and _is_city_state(text, out[-1], span, after):
            out[-1] = (out[-1][0], span[1], "LOC")
        else:
            out.append(span)
    return out


def _is_city_state(text, a, b, after) -> bool:
    if a[2] != "LOC" or b[2] != "LOC" or not _CITY_STATE.fullmatch(text, a[1], b[0]):
        return False
    if after is not None and _CITY_STATE.fullmatch(text, b[1], after[0]):
        return False  # "Paris, Lyon, Marseille": a list
    city, region = locate(text[a[0]:a[1]]), locate(text[b[0]:b[1]])
    if region is None or region.kind not in ("state", "country"):
        return False
    return city is None or city.kind in ("city", "region")  # not "France, Germany"


def _one_name_one_type(text, spans, ruled):
    keys = _person_keys(text, spans)
    out = []
    for s, e, kind in spans:
        word = text[s:e]
        if kind != "PERSON" and (word in keys and not _is_country_or_state(word)
                                 or _first_name_and_surname(word)):
            kind = "PERSON"  # "Barroso" after "José Manuel Barroso"; "Ángel Pintado"
        out.append((s, e, kind))
    taken = [(s, e) for s, e, _ in out] + [(r.start, r.end) for r in ruled if r.type == "MISC"]
    out += _famous_surnames(text, taken)
    wanted = {text[s:e]: kind for s, e, kind in out if e - s > 2}
    wanted.update((k, "PERSON") for k in keys)
    if not wanted:
        return sorted(out)
    names = "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
    added = []
    for m in re.finditer(r"(?<![\w'’-])(?:" + names + r")(?![\w-])", text):
        if not _overlaps(m.span(), taken) and _stands_alone(text, m.start(), m.end()):
            added.append((m.start(), m.end(), wanted[m.group()]))
    return sorted(out + added)


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w-])")


def _famous_surnames(text, taken) -> list[tuple[int, int, str]]:
    """Surnames of people in the news that nothing tagged, standing alone ("Trudeau will
    extend the invitation"); taken grows with them."""
    found = []
    for m in _CAPITALISED.finditer(text):
        if m.group() in gz.FAMOUS_SURNAMES and not _overlaps(m.span(), taken) \
                and _stands_alone(text, m.start(), m.end()):
            found.append((m.start(), m.end(), "PERSON"))
            taken.append(m.span())
    return found


def _first_name_and_surname(name: str) -> bool:
    """Two or three capitalised words, the first a known first name, none an organisation or
    place word, the whole no known organisation or place: "Ángel Pintado"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0] not in gz.FIRST_NAMES or _is_known(name):
        return False
    return all(w[:1].isupper() and w not in gz.ORG_HEADS and w not in gz.LOC_HEADS
               for w in words)


def _person_keys(text, spans) -> set[str]:
    """First names and surnames of the people named in full (two words or more)."""
    keys: dict[str, int] = {}
    for s, e, kind in spans:
        if kind != "PERSON":
            continue
        words = [w for w in text[s:e].split() if len(w) > 2 and w[0].isupper() and w[-1] != "."]
        if len(words) < 2:
            continue
        for w in {words[0], words[-1]}:
            keys[w] = keys.get(w, 0) + 1
    return {w for w in keys if w not in gz.CALENDAR_WORDS and w not in gz.NON_ENTITY_WORDS}


def _is_country_or_state(word: str) -> bool:
    place = locate(word)
    return place is not None and place.kind in ("country", "state", "continent")


def _overlaps(span, taken) -> bool:
    s, e = span
    return any(a < e and s < b for a, b in taken)


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \u00a0]$")
_CAPITALISED_WORD_AFTER = re.compile(r"[ \u00a0][A-Z]")


def _stands_alone(text, s, e) -> bool:
    """Not glued to another capitalised word: "Cotton" but not "John Cotton" or "Cotton Club"
    (a capitalised word that opens the sentence does not count)."""
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, s - 30), s)
    ends_sentence = before is not None and before.group().rstrip().endswith(".") and len(
        before.group().strip()) > 4  # "Monday. Trudeau", not "Mr. Trudeau" or "J. Smith"
    if before and not ends_sentence and not _opens_sentence(text, before.start()):
        return False
    return not _CAPITALISED_WORD_AFTER.match(text, e)


def _opens_sentence(text, pos) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" \"“‘'(")
    return not head or head[-1] in ".!?:;\n"


_NEXT_WORD = re.compile(r"[ \u00a0]*([\w'’]+)")


def _metonym(text, span):
    s, e, kind = span
    if kind != "LOC":
        return span
    place = locate(text[s:e])
    if place is None or place.country_code is None or place.kind not in _GPE_KINDS:
        return span
    if _ACTED_AGAINST.search(text, max(0, s - 12), s):
        return (s, e, "ORG")
    if _SUBJECT_OF_INFINITIVE.search(text, max(0, s - 5), s) and _TO_VERB.match(text, e):
        return (s, e, "ORG")  # "an opportunity for Beijing to demonstrate"
    if _POSSESSIVE.match(text, e):
        after = _NEXT_WORD.match(text, e + 2)
        noun = after.group(1).lower() if after else ""
        return (s, e, "ORG") if noun in _ACTOR_NOUNS else span
    m = _NEXT_WORD.match(text, e)
    if not m:
        return span
    word = m.group(1).lower()
    if word in _TEAM_NOUNS:
        return (s, e, "ORG")
    if word in _ACTING_VERBS and not _after_preposition(text, s):
        return (s, e, "ORG")
    return span


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|to|from|into|near|across|around|throughout|of|for|on|visited|visit|visiting)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?$",
    re.IGNORECASE,
)


def _after_preposition(text, s) -> bool:
    """"in Russia will ..." : the place is where something happens, not who acts."""
    return bool(_PREPOSITION_BEFORE.search(text, max(0, s - 20), s))


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|across|around|towards?|(?:north|south|east|west|northeast|northwest|southeast|southwest) of)"
    r"[ \u00a0]$", re.IGNORECASE)  # not "to" or a bare "of": "according to Parker"


def _place_not_person(text, span, person_keys):
    """"residents west of Prescott": a one-word PERSON that is a known place, after a locative
    preposition and not the name of someone named in full here, is the place."""
    s, e, kind = span
    word = text[s:e]
    if kind != "PERSON" or " " in word or word in person_keys:
        return span
    place = locate(word)
    if place is None or place.kind not in _GPE_KINDS:
        return span
    return (s, e, "LOC") if _LOCATIVE_BEFORE.search(text, max(0, s - 12), s) else span


_AND = re.compile(r"(?:,|[ \u00a0]and)[ \u00a0]")


def _coordinated_actors(text, spans):
    """"Britain and Norway signed": a place coordinated with a place acting acts too."""
    out = list(spans)
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if (a[2] == "LOC" and b[2] == "ORG" and _AND.fullmatch(text, a[1], b[0])
                and _is_gpe(text[b[0]:b[1]]) and _is_gpe(text[a[0]:a[1]])):
            out[k] = (a[0], a[1], "ORG")
    return out


def _is_gpe(name: str) -> bool:
    place = locate(name)
    return place is not None and place.country_code is not None and place.kind in _GPE_KINDS


def _facility(text, span):
    s, e, kind = span
    if kind == "ORG" and text[s:e].rsplit(" ", 1)[-1] in _FACILITY_HEADS and " " in text[s:e]:
        return (s, e, "LOC")
    return span
