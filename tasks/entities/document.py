"""Corrections over a whole document's entity spans, after the CRF and the rules.

    correct(text, spans, ruled) -> spans     [(start, end, type)], sorted, non-overlapping

A tagger reads one sentence at a time; these passes use what the rest of the text and the
annotation guidelines (Universal NER, after NorNE) say. In order:

("Plano, Texas" is two LOCs, as UNER EWT, GUM and CoNLL annotate it; names.py gives the city
the name "Plano, Texas", so that it is placed in Texas.)

1. Trim and drop: a span does not start with a stance ("pro-Beijing", "anti-Pyongyang": no
   names) or end in a caption's credit label ("Washington D.C. Image: ..."); it does not
   start with a preposition ("In Hong Kong's High Court") or, for a person, with a role capitalised to open the sentence ("Striker Lionel Messi"), stops
   at a possessive after a name in its own right ("Apple's Siri") and does not end in plain
   lower-case words. A place in a treaty's name is none ("the Paris Agreement"); an event's
   name is MISC ("Rugby Championship"); people by nationality ("Australians"), ministers'
   portfolios ("Minister for Justice"), ordinary words in capitals ("is NOT a country"),
   a currency's letters ("US$ 20,000") and Roman numerals ("part XVII") are no names.
2. Join: a place or nationality word before a multi-word organisation belongs to it ("U.S. Environmental Protection Agency", "Russian Secret
   Service"); so do the complements of an organisation or place head ("International
   Organization for Renewable Energies", "Department of Forestry and Fire Management").
   An award's title is MISC and the name just before it the awarding sponsor or body, an ORG
   ("the Zentro Man of the Match award").
3. One name, one type: the surname or first name of a person named in full is that person
   where it stands alone, and so is the surname of a person in the news ("Trudeau will ...");
   an organisation or place found once is found at its other mentions too; an epithet belongs
   to the name ("Lucas Cranach the Elder"); a one-word "person" that is a known place after
   "in", "near", "west of" ... is the place; a person's surname that is a place ("Valeska
   Paris") is the person where no preposition makes it the place; "the Church" after "the Church of Scientology"
   is that organisation. A one-word name nothing typed is an organisation at every mention when
   the text names its officials, members, website or reporters ("Velmora officials", "members
   of Quintarism", "Corvanet has learned"), or is the X of a "Church of X" named here.
4. Places acting as organisations: a country, state or city that acts or owns stands for its
   government or team and is ORG ("Russia announced", "Britain and Norway signed", "China will
   impose", "Russia's actions", "beating England", "for Beijing to demonstrate"); where it is
   a place it stays LOC ("in Russia and China", "Libya's capital", "London will see rain").
5. Facilities: a name ending in Street, House, Square, Tower, Museum, Hotel, Hall ... is a LOC
   ("on Wall Street", "the Museum of Flight", "Johnson Space Center", as UNER and GUM annotate
   buildings), unless it is a known organisation that acts there ("Chatham House said") or a
   centre that is an institute ("National Hurricane Center").
6. Sports copy (sports.py): a city or country named as a side is its team, an ORG, at every
   mention ("Leeds beat Arsenal", "Barcelona 2 Sevilla 1", standings rows).
7. Craft: a ship or spacecraft named after its kind ("Space Shuttle Orion", "the rover
   Kestrel") is MISC at every mention, no person.
"""

from __future__ import annotations

import re

from tasks.entities import gazetteer, sports
from tasks.entities.names import full_name_keys
from tasks.entities.places import locate

_PREPOSITIONS = frozenset(
    "In At On From For By With After Before During Under Over Since To Of Into Near Across".split()
)
_NAME_PARTICLES = frozenset("al el de da di du del der den van von bin ibn la le dos das".split())
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_GPE_KINDS = frozenset({"country", "state", "city", "region"})  # region: "England", "Crimea"

# A place that does these is a government (or a team) acting ("has", "is", "can" are left out:
# "Italy has fewer km of metro", "Britain can get chilly" are places).
_ACTING_VERBS = frozenset(
    """said says announced announces warned warns accused accuses agreed agrees rejected
    rejects demanded demands urged urges threatened threatens denied denies insisted insists
    believes signed signs imposed imposes launched launches responded responds condemned
    condemns refused refuses decided ordered orders approved approves voted votes vowed vows
    pledged pledges retaliated protested blamed blames expelled expels recognised recognized
    sanctioned summoned summons beat beats defeated defeats passed stated states fired fires
    attacked attacks invaded invades deployed deploys evacuated exchanged""".split()
)
# After "will", "would", "does" ...: what a place undergoes rather than does.
_MODALS = frozenset("will would won't wouldn't does did doesn't didn't".split())
_UNDERGOES = frozenset(
    "see get experience face become remain feel need enjoy suffer look seem stay".split())
# "Russia's actions", "Australia's position": the place's government or team; "China's
# growing middle class", "London's landmark" stay places. An office-holder's title
# ("Malaysia's Prime Minister", "Thailand's foreign minister") leaves the place a place, as in
# "US President".
_ACTOR_NOUNS = frozenset(
    """government governments actions action position stance policy policies decision
    decisions response move moves officials leaders leadership defence defense military
    army navy forces troops police court courts parliament ministry diplomats authorities
    regime intervention sanctions demands proposal plan plans strategy team squad coach
    captain players""".split()
)
_TEAM_NOUNS = frozenset("side team squad xi".split())  # "this Australia side"
_ACTED_AGAINST = re.compile(r"\b(?:beating|beat|defeating|defeated)[ \u00a0]+$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\b(\w+)[ \u00a0]for[ \u00a0]$")
_MOTION = frozenset("left leave leaves leaving headed heading head flew fly flying bound "
                    "departed sailed set".split())  # "left for Paris to attend": a place
_TO_VERB = re.compile(r"[ \u00a0]to[ \u00a0](?!the\b|a\b|an\b|be\b)[a-z]+\b")
_FACILITY_HEADS = frozenset(
    "Street Avenue Road Square Boulevard Plaza Bridge Tower House Palace Building Stadium"
    " Arena Airport Station Lane Highway Motorway Park Gardens Cathedral Mosque Temple"
    " Museum Gallery Planetarium Hotel Hall Memorial Complex Facility Base Center Centre".split()
)
# A centre that is an institute, not a building: "Hurricane Center", "Policy Centre".
_INSTITUTE_CENTRE_WORDS = frozenset(
    "Research Policy Studies Action Hurricane Information Data Cancer Documentation Monitoring"
    " Prediction Resource Resources Law Legal Rights Strategic Analysis Coordination Operations"
    " Command Training Health".split())
_COMMA = re.compile(r",[ \u00a0]")
_AND = re.compile(r"[ \u00a0](?:and|&)[ \u00a0]")
_LIST_SEPARATOR = re.compile(r"(?:,|,?[ \u00a0]and)[ \u00a0]")
_COMPLEMENT = re.compile(r"[ \u00a0](?:for|of)(?:[ \u00a0]the)?[ \u00a0]")


def correct(text: str, spans, ruled) -> list[tuple[int, int, str]]:
    spans = _whole_words(text, spans)
    spans = [_drop_or_retype_event(text, _trim(text, span)) for span in spans]
    spans = sorted(span for span in spans if span and span[0] < span[1]
                   and not _portfolio(text, span) and not _nationality(text, span)
                   and not _shouted(text, span) and not _unit(text, span)
                   and not _currency_or_numeral(text, span)
                   and not _portfolio_before_title(text, span))
    spans = _awards(text, _join_complements(text, _join_modified_orgs(text, spans)))
    spans = [_not_a_person(text, span) for span in _firms(text, _names_around_places(text, spans))]
    spans = _bodies(text, _person_named_after_place(text, spans))
    keys = full_name_keys(text, spans)
    spans = _outermost([_epithet(text, s) for s in _one_name_one_type(text, spans, ruled, keys)])
    spans = _metonyms(text, [_place_not_person(text, s, keys) for s in _head_alone(text, spans)])
    return _craft(text, sports.teams(text, _market_names(text, [_facility(text, span) for span in spans])))


# --- 0. whole words ---------------------------------------------------------------------------

# The lower-case tail of a hyphenated modifier: "UN-backed", "Paris-based", "Russian-speaking".
_MODIFIER_TAIL = re.compile(r"-[a-z]+(?:ed|ing)\b|-(?:born|era|style|run|wide|type|like|made|bound"
                            r"|centric|level|class|free|friendly|specific|only|proof|wide)\b")
_PARTICLE_PREFIX = re.compile(r"(?:^|(?<=[^\w-]))(?:al|el|ad|ar|as|ash|at|az|ul|bin|ibn|abu)-$")


def _whole_words(text, spans):
    """A span never starts or ends inside a word: a name cut at a hyphen by the tagger's
    tokens ("Shira Ben" + "David", "Kang Seo" of "Kang Seo-yeon") takes the whole word; spans
    that then overlap become one (a person if either was one). A modifier's tail ("UN-backed")
    and a lower-case prefix ("anti-Trump") stay outside."""
    out = []
    for s, e, kind in spans:
        while s > 1 and text[s - 1] == "-" and text[s - 2].isalnum():
            head = re.search(r"[\w'’]+-$", text[max(0, s - 20):s])
            if head is None or not (head.group()[0].isupper() or _PARTICLE_PREFIX.search(text, max(0, s - 6), s)):
                break  # "anti-Trump": the name starts after the prefix
            s -= len(head.group())
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        while e + 1 < len(text) and text[e] == "-" and text[e + 1].isalnum() and not _MODIFIER_TAIL.match(text, e):
            e += 1
            while e < len(text) and text[e].isalnum():
                e += 1
        if out and s < out[-1][1]:
            ps, pe, pkind = out[-1]
            out[-1] = (min(ps, s), max(pe, e), "PERSON" if "PERSON" in (pkind, kind) else pkind)
        else:
            out.append((s, e, kind))
    return out


# --- 1. trim and drop -------------------------------------------------------------------------

_STANCE_PREFIX = re.compile(r"(?:[Pp]ro|[Aa]nti)-")
_STANCE_BEFORE = re.compile(r"(?<![\w-])(?:[Pp]ro|[Aa]nti)-$")
# "Washington Image: ...": a caption's credit label is not part of the name before it.
_CREDIT_LABEL = re.compile(r"[ \u00a0](?:Image|Photo|Picture|Video|File|Credit)(?=:)")


def _trim(text, span):
    s, e, kind = span
    words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    if not words:
        return None
    while len(words) > 1 and _plain_lower(text[words[-1][0]:words[-1][1]]):
        words.pop()  # "Metro station": names end in a name word
    first = text[words[0][0]:words[0][1]]
    if _STANCE_PREFIX.match(first) or _STANCE_BEFORE.search(text, max(0, s - 5), s):
        if len(words) == 1:
            return None  # "pro-Beijing camp", "anti-Pyongyang propaganda": a stance, no name
        words.pop(0)  # "Pro-Beijing DAB": the party
        first = text[words[0][0]:words[0][1]]
    if len(words) > 1 and first in _PREPOSITIONS:
        words.pop(0)
    elif (len(words) > 1 and kind in ("PERSON", "MISC") and first.lower() in gazetteer.ROLE_WORDS
          and _opens_sentence(text, s) and not _is_known(text[s:e])
          and (kind == "PERSON" or text[words[1][0]:words[1][1]] in gazetteer.FIRST_NAMES)):
        words.pop(0)  # "Striker Lionel Messi scored": a role, capitalised to open
        kind = "PERSON"
    s, e = words[0][0], words[-1][1]
    label = _CREDIT_LABEL.search(text, s, e + 1)
    if label and label.end() == e:
        e = label.start()
    m = _POSSESSIVE.search(text, s, e)
    if m and m.end() < e and _is_known(text[s:m.start()]):
        e = m.start()
    return (s, e, kind)


def _plain_lower(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in _NAME_PARTICLES


def _is_known(name: str) -> bool:
    """A known organisation or place (GeoNames' alternate names aside: "Google" is no city)."""
    if name in gazetteer.ORGANIZATION_NAMES or name in gazetteer.LOC_CODES:
        return True
    place = locate(name)
    return place is not None and place.kind != "city"


_DOCUMENT_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:[Aa]greements?|[Aa]ccords?|[Aa]mendment|[Tt]reaty|[Pp]rotocol|[Pp]act)\b"
    r"|(?:Convention|Declaration|Charter|Consensus|Doctrine|Summit)\b)"
)
# Names of events, laws and documents: MISC, not ORG or LOC ("Rugby Championship"); the
# unmistakable ones not PERSON either ("Davis Cup", but "Jude Law").
_EVENT_HEADS = gazetteer.MISC_HEADS - {"Empire", "Dynasty", "Era", "Spring", "Day", "Year"}
_SURE_EVENT_HEADS = frozenset(
    "Cup Olympics Paralympics Games Prize Award Awards Festival Championship Championships"
    " Marathon Prix Oscars Expo Summit Biennale".split())


def _drop_or_retype_event(text, span):
    """"the Paris Agreement": the place is part of a treaty's name (None); "Rugby
    Championship", "Mountain View Summit": an event's name, MISC."""
    if span is None or span[2] == "MISC":
        return span
    s, e, kind = span
    if kind == "LOC" and _DOCUMENT_AFTER.match(text, e):
        return None
    words = text[s:e].split()
    heads = _SURE_EVENT_HEADS if kind == "PERSON" else _EVENT_HEADS
    if len(words) > 1 and words[-1] in heads and not _is_known(text[s:e]):
        return (s, e, "MISC")
    return span


def _nationality(text, span) -> bool:
    """"Australians", "Latin Americans": people by nationality are not names (UNER)."""
    word = text[span[0]:span[1]]
    return word[-1:] == "s" and word[:-1] in gazetteer.NATIONALITIES and locate(word) is None


_CAPS_WORD_NEAR = re.compile(r"[A-Z]{2,}\b")
# Frequent English words: written in capitals they are shouted, not acronyms ("is NOT").
_FREQUENT_WORDS = frozenset(
    """the and for not but you your yours our ours his her hers its their they them she him
    who whom whose what why how when where which that this these those there here have has
    had was were are been being will would can could should shall must may might does did
    done doing get got too very all any some many much more most less few one two three four
    five six seven eight nine ten only also just even still yet now then than out off over
    into onto from with without about again never ever always every each both either neither
    good bad best worst great big small new old free help please thanks thank yes okay sure
    really ask want wants need needs know make made take took come came give gave tell told
    say said see saw look find found think use used work day days time week year today
    tomorrow love like hate stop read note notice warning text file info home news live
    sale buy sold unless until because although though whether while since before after
    except instead however""".split())


def _shouted(text, span) -> bool:
    """"Iguazu is NOT a country", "WHO WANTS TO HELP": an ordinary word in capitals is no
    acronym; a known one ("WHO") is none either among other words in capitals."""
    s, e, _ = span
    word = text[s:e]
    if not (word.isupper() and word.isalpha() and word.lower() in _FREQUENT_WORDS):
        return False
    if word not in gazetteer.ORGANIZATION_NAMES:
        return True
    return bool(_CAPS_WORD_NEAR.match(text, e + 1)) or bool(
        re.search(r"\b[A-Z]{2,} $", text[max(0, s - 20):s]))


_PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministry|Secretary|Department)[ \u00a0](?:of|for)"
                               r"[ \u00a0](?:the[ \u00a0])?$")


def _portfolio(text, span) -> bool:
    """"the Minister of Defense": the one word after is a portfolio, not a name."""
    s, e, _ = span
    return " " not in text[s:e] and bool(_PORTFOLIO_BEFORE.search(text, max(0, s - 30), s))


# --- 2. join ----------------------------------------------------------------------------------

_NATIONALITY_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]$")


# An award's title: "Man of the Match", "Player of the Year", "Coach of the Month".
_AWARD = re.compile(
    r"(?<![\w-])(?:Man|Woman|Player|Coach|Manager|Goalkeeper|Rookie|Driver|Athlete)[ \u00a0]of[ \u00a0]the"
    r"[ \u00a0](?:Match|Year|Month|Week|Season|Series|Tournament|Race|Game)\b")


def _awards(text, spans):
    """An award's title is MISC, no part of a name ("Man" is no Isle of Man); the one name just
    before it gives the award, a sponsor or body: "the Zentro Man of the Match award" (ORG)."""
    if "of the" not in text:
        return spans
    out = list(spans)
    for m in _AWARD.finditer(text):
        s, e = m.span()
        kept = []
        for span in out:
            if span[1] <= s or span[0] >= e:
                kept.append(span)
            elif span[0] < s:  # "Zentro Man": the name before the title
                cut = text[span[0]:s].rstrip()
                kept.append((span[0], span[0] + len(cut), span[2]))
        before = [k for k, span in enumerate(kept) if span[1] <= s and not text[span[1]:s].strip()]
        if before:
            k = before[-1]
            name = text[kept[k][0]:kept[k][1]]
            if kept[k][2] == "ORG" or (name not in gazetteer.NATIONALITIES and not _is_known(name)):
                kept[k] = (kept[k][0], kept[k][1], "ORG")
        out = sorted(kept + [(s, e, "MISC")])
    return out


def _join_modified_orgs(text, spans):
    """"U.S." + "Environmental Protection Agency", "Glasgow" + "School of Art": one ORG; so is
    a nationality word before a multi-word organisation ("Russian" + "Secret Service")."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        s, e, kind = span
        if kind == "ORG" and " " in text[s:e]:
            if prev and prev[2] == "LOC" and text[prev[1]:s] == " ":
                out[-1] = (prev[0], e, "ORG")
                continue
            nat = _NATIONALITY_BEFORE.search(text, max(0, s - 20), s)
            if nat and nat.group(1) in gazetteer.NATIONALITIES:
                if prev and prev[:2] == nat.span(1):
                    out.pop()  # the nationality word alone, as MISC
                if not out or out[-1][1] <= nat.start(1):
                    span = (nat.start(1), e, "ORG")
        out.append(span)
    return out


def _join_complements(text, spans):
    """"International Organization" + "for" + "Renewable Energies", "Community" + "of" +
    "Madrid", "Department of Forestry" + "and" + "Fire Management": a name whose head is an
    organisation or place word goes on with its complements, unless they are names of their
    own ("support from the European Union for the Libyan Coast Guard")."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and _second_complement(text, prev, span):
            out[-1] = (prev[0], span[1], prev[2])
            continue
        if prev and span[2] != "PERSON" and _COMPLEMENT.fullmatch(text, prev[1], span[0]):
            head = text[prev[0]:prev[1]].rsplit(" ", 1)[-1]
            complement = text[span[0]:span[1]]
            own_name = complement.rsplit(" ", 1)[-1] in gazetteer.ORG_HEADS or (
                text[prev[1]:span[0]].strip() == "for" and _is_known(complement))
            if (head in gazetteer.ORG_HEADS or head in gazetteer.LOC_HEADS) and not own_name:
                out[-1] = (prev[0], span[1], "LOC" if head in gazetteer.LOC_HEADS else "ORG")
                continue
        out.append(span)
    return out


def _second_complement(text, prev, span) -> bool:
    """"Department of Forestry" + "and" + "Fire Management", but not "Ministry of Health" +
    "and" + "Ministry of Finance" or "... and Sotheby's"."""
    if prev[2] != "ORG" or " of " not in text[prev[0]:prev[1]] or span[2] == "PERSON":
        return False
    name = text[span[0]:span[1]]
    words = name.split()
    return (bool(_AND.fullmatch(text, prev[1], span[0])) and not _is_known(name)
            and " of " not in name and words[0] not in gazetteer.ORG_HEADS
            and words[-1] not in gazetteer.ORG_HEADS and not _POSSESSIVE.match(text, span[1]))


# --- 3. one name, one type --------------------------------------------------------------------

class _Covered:
    """Which characters of the text some span already covers: overlap checks in O(span)."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def add(self, s: int, e: int) -> None:
        self._mask[s:e] = b"\x01" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return any(self._mask[s:e])


def _one_name_one_type(text, spans, ruled, keys):
    persons_not_places = _surnames_never_places(text, spans, keys)
    out = []
    for s, e, kind in spans:
        word = text[s:e]
        if kind in ("ORG", "LOC") and word in keys and (
                _PERSON_VERB_AFTER.match(text, e) or word in persons_not_places) and not _is_country_or_state(
                word) and not _LOCATIVE_BEFORE.search(text, max(0, s - 12), s):
            kind = "PERSON"  # "Lima said" after "Gonçalo Lima": the person, not the city acting
        elif kind in ("ORG", "LOC") and not _is_known(word) and word not in gazetteer.NATIONALITIES and (
                word in keys and not _LOCATIVE_BEFORE.search(text, max(0, s - 12), s)
                or _first_name_and_surname(word) or _after_lower_title(text, s, word)):
            kind = "PERSON"  # "Barroso" after "José Manuel Barroso"; "Ángel Pintado"
        out.append((s, e, kind))
    covered = _Covered(len(text))
    for s, e in [(s, e) for s, e, _ in out] + [(r.start, r.end) for r in ruled if r.type == "MISC"]:
        covered.add(s, e)
    out += _famous_surnames(text, covered)
    wanted = {text[s:e]: kind for s, e, kind in out if e - s > 2 and kind != "MISC"}
    wanted.update((k, "PERSON") for k in keys)
    if not wanted:
        return sorted(out)
    for s, e in _whole_word_matches(text, wanted):
        if not covered.overlaps(s, e) and _stands_alone(text, s, e):
            out.append((s, e, wanted[text[s:e]]))
            covered.add(s, e)
    return sorted(out)


# An unknown name (MISC so far) with these after it is an organisation speaking or staffed:
# "Veltrana officials said", "a Veltrana attorney", "the Veltrana website", "Veltrana reporters".
_BODY_AFTER = frozenset(
    "officials spokesman spokeswoman spokesperson executives attorney attorneys lawyer lawyers"
    " staff staffers employees website homepage headquarters reporters correspondent"
    " correspondents".split())
_BODY_BEFORE = re.compile(
    r"\b(?:members?|critics|leaders?|founders?|attorneys?|lawyers?|spokes(?:man|woman|person))"
    r"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
_HAS_LEARNED = re.compile(r"[ \u00a0]+(?:has|have)[ \u00a0]+learned\b")  # an outlet: "Veltrana News has learned"
_CHURCH_OF = re.compile(r"Church of ([A-Z][a-z]+)$")  # "Church of Ordovism": "Ordovism" is that body


def _bodies(text, spans):
    """One-word names that nothing typed (MISC) but that the text shows to be an organisation: its
    officials, members, website or reporters, or the X of a "Church of X" named here. Every
    mention of such a name is then the organisation."""
    names = set()
    for s, e, kind in spans:
        word = text[s:e]
        if kind == "ORG":
            m = _CHURCH_OF.search(word)
            if m and not _is_known(m.group(1)):
                names.add(m.group(1))
        elif kind == "MISC" and " " not in word and word not in gazetteer.NATIONALITIES:
            # one word only: "the Brennan Valley Raceway website" is a venue's
            end = e + 2 if _POSSESSIVE.match(text, e) else e
            after = _NEXT_WORDS.match(text, end)
            if (after and after.group(1).lower() in _BODY_AFTER or _HAS_LEARNED.match(text, e)
                    or _BODY_BEFORE.search(text, max(0, s - 30), s)):
                names.add(word)
    if not names:
        return spans
    return [(s, e, "ORG") if kind != "ORG" and text[s:e] in names else (s, e, kind) for s, e, kind in spans]


_THE_HEAD = re.compile(r"(?<![\w'’-])[Tt]he[ \u00a0]([A-Z][a-z]+)(?![\w'’-])(?![ \u00a0](?:[A-Z]|of\b))")


def _head_alone(text, spans):
    """"the Church" after "the Church of Scientology", "the University" after "University of
    Kent": the capitalised head of an organisation named in full here, after "the" and
    standing alone, is that organisation."""
    heads = set()
    for s, e, kind in spans:
        words = text[s:e].split()
        if kind == "ORG" and len(words) > 1:
            heads.update(w for w in (words[0], words[-1]) if w in gazetteer.ORG_HEADS)
    if not heads:
        return spans
    out = list(spans)
    for m in _THE_HEAD.finditer(text):
        s, e = m.span(1)
        if m.group(1) in heads and not any(ps < e and s < pe for ps, pe, _ in spans):
            out.append((s, e, "ORG"))
    return sorted(out)


def _person_named_after_place(text, spans):
    """"Valeska" + "Paris": a person's name followed by a one-word place is one person whose
    surname is a place name (not where the place is a list item or a dateline: the two are
    joined by one space only)."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev and prev[2] == "PERSON" and span[2] == "LOC" and text[prev[1]:span[0]] == " "
                and " " not in text[span[0]:span[1]] and not _is_country_or_state(text[span[0]:span[1]])):
            out[-1] = (prev[0], span[1], "PERSON")
            continue
        out.append(span)
    return out


def _surnames_never_places(text, spans, keys) -> set[str]:
    """Surnames of people named in full here that are place names too ("Paris" of "Valeska
    Paris") and never follow a preposition of place in the text: the person at every mention."""
    found = set()
    for s, e, kind in spans:
        word = text[s:e]
        if kind == "PERSON" and " " in word:
            last = word.rsplit(" ", 1)[-1]
            if last in keys and locate(last) is not None and not any(
                    _after_preposition(text, at) for at, _ in _whole_word_matches(text, [last])):
                found.add(last)
    return found


def _is_country_or_state(name) -> bool:
    place = locate(name)
    return place is not None and place.kind in ("country", "state")


def _whole_word_matches(text: str, names) -> list[tuple[int, int]]:
    """Where any of `names` stands as whole words, leftmost first, the longest at a place, none
    overlapping: what one regex alternation of them finds, but with str.find (a regex of a
    document's names is compiled anew for every document, and was a tenth of the entity stage)."""
    found = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not _WORD_BEFORE.match(text[at - 1])) and (end == len(text) or not _WORD_AFTER.match(text[end])):
                found.append((at, -end))
            at = text.find(name, at + 1)
    matches, reached = [], 0
    for at, minus_end in sorted(found):
        if at >= reached:
            matches.append((at, -minus_end))
            reached = -minus_end
    return matches


_WORD_BEFORE = re.compile(r"[\w'’-]")
_WORD_AFTER = re.compile(r"[\w-]")


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w-])")
_PERSON_VERB_AFTER = re.compile(
    r"[ \u00a0](?:said|says|told|added|will|would|has|had|is|was|announced|wrote|insisted"
    r"|warned|urged|signed|met|called)\b")


def _famous_surnames(text, covered) -> list[tuple[int, int, str]]:
    """Surnames of people in the news that nothing tagged, standing alone ("Trudeau will
    extend the invitation"); at a sentence start only before a verb a person does ("Silver
    rose" is a metal). Places are left to the place passes ("Coventry")."""
    found = []
    for m in _CAPITALISED.finditer(text):
        s, e = m.span()
        if (m.group() in gazetteer.FAMOUS_SURNAMES and not covered.overlaps(s, e)
                and _stands_alone(text, s, e) and locate(m.group()) is None
                and (not _opens_sentence(text, s) or _PERSON_VERB_AFTER.match(text, e))):
            found.append((s, e, "PERSON"))
            covered.add(s, e)
    return found


_LOWER_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in sorted(gazetteer.LOWER_TITLES, key=len, reverse=True))
    + r")[ \u00a0]$")


def _after_lower_title(text, s, name) -> bool:
    """"Foreign Ministry spokesperson Sakura Suzuki": two or three capitalised words after a
    lower-case title are a person, whatever places their words also name."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words)
            and not any(w in gazetteer.ORG_HEADS or w in gazetteer.LOC_HEADS for w in words)
            and name not in gazetteer.ORGANIZATION_NAMES and name not in gazetteer.LOC_CODES
            and bool(_LOWER_TITLE_BEFORE.search(text, max(0, s - 40), s)))


def _first_name_and_surname(name: str) -> bool:
    """Two or three capitalised words, the first a known first name, none an organisation or
    place word, the whole no known organisation or place: "Ángel Pintado"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0] not in gazetteer.FIRST_NAMES or _is_known(name):
        return False
    return all(w[:1].isupper() and w not in gazetteer.ORG_HEADS and w not in gazetteer.LOC_HEADS
               for w in words)


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


_EPITHET_AFTER = re.compile(r"[ \u00a0]the[ \u00a0](?:Elder|Younger|Great)\b")


def _epithet(text, span):
    """"Lucas Cranach the Elder", "Alexander the Great": the epithet is part of the name."""
    s, e, kind = span
    m = _EPITHET_AFTER.match(text, e) if kind == "PERSON" else None
    return (s, m.end(), kind) if m else span


def _outermost(spans):
    """Drop spans inside an earlier, longer one (an epithet swallowed "Elder")."""
    out = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|across|around|towards?"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest) of)[ \u00a0]$",
    re.IGNORECASE)  # not "to" or a bare "of": "according to Parker", "criticism of Clinton"


def _place_not_person(text, span, person_keys):
    """"residents west of Prescott": a one-word PERSON that is a known place, after a locative
    preposition and not the name of someone named in full here, is the place."""
    s, e, kind = span
    word = text[s:e]
    if kind != "PERSON" or " " in word or word in person_keys or not _is_gpe(word):
        return span
    return (s, e, "LOC") if _LOCATIVE_BEFORE.search(text, max(0, s - 12), s) else span


# --- 4. places acting as organisations --------------------------------------------------------

def _is_gpe(name: str) -> bool:
    place = locate(name)
    return place is not None and place.country_code is not None and place.kind in _GPE_KINDS


def _metonyms(text, spans):
    """Places that act are ORG; a list of places ("Britain and Norway signed") acts as one."""
    out = list(spans)
    k = 0
    while k < len(out):
        if out[k][2] != "LOC" or not _is_gpe(text[out[k][0]:out[k][1]]):
            k += 1
            continue
        j = k  # the list k..j of places joined by "," / "and"
        while (j + 1 < len(out) and out[j + 1][2] == "LOC" and _is_gpe(text[out[j + 1][0]:out[j + 1][1]])
               and _LIST_SEPARATOR.fullmatch(text, out[j][1], out[j + 1][0])):
            j += 1
        subject = _acts(text, out[j][1]) and not _after_preposition(text, out[k][0])
        for i in range(k, j + 1):
            s, e, _ = out[i]
            if subject or _acts_alone(text, s, e):
                out[i] = (s, e, "ORG")
        k = j + 1
    return out


_NEXT_WORDS = re.compile(r"[ \u00a0]*([\w'’]+)(?:[ \u00a0]+([\w'’]+))?(?:[ \u00a0]+([\w'’]+))?")


def _acts(text, end) -> bool:
    """The words after a place make it the subject of an act ("Russia announced", "China will
    impose"), not of what happens to it ("London will see rain", "Italy has fewer lines")."""
    m = _NEXT_WORDS.match(text, end)
    if not m or _POSSESSIVE.match(text, end):
        return False
    words = [(w or "").lower().replace("’", "'") for w in m.groups()]
    if words[0] in _ACTING_VERBS:
        return True
    if words[0] not in _MODALS:
        return False
    verb, after = (words[2], "") if words[1] == "not" else (words[1], words[2])
    if verb == "be":
        return after.endswith("ing")  # "China will be presenting"
    if verb == "have":
        return after == "to"  # "the USA would have to withdraw", not "would have rain"
    return verb.isalpha() and verb not in _UNDERGOES


def _acts_alone(text, s, e) -> bool:
    """A place owning an act or a team, beaten, or the subject of "for X to do"."""
    if _ACTED_AGAINST.search(text, max(0, s - 12), s):
        return True
    before = _FOR_BEFORE.search(text, max(0, s - 20), s)
    if before and before.group(1).lower() not in _MOTION and _TO_VERB.match(text, e):
        return True  # "an opportunity for Beijing to demonstrate"
    if _POSSESSIVE.match(text, e):
        after = _NEXT_WORDS.match(text, e + 2)
        return bool(after) and after.group(1).lower() in _ACTOR_NOUNS
    after = _NEXT_WORDS.match(text, e)
    return bool(after) and after.group(1).lower() in _TEAM_NOUNS


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|to|from|into|near|across|around|throughout|of|for|on|between|among|visited"
    r"|visit|visiting)[ \u00a0]+(?:the[ \u00a0]+)?$",
    re.IGNORECASE,
)


def _after_preposition(text, s) -> bool:
    """"in Russia will ..." : the place is where something happens, not who acts."""
    return bool(_PREPOSITION_BEFORE.search(text, max(0, s - 20), s))


# --- names around places, firms, market names, units, portfolios ------------------------------

def _names_around_places(text, spans):
    """A place inside a longer capitalised name is part of it ("Oxford" + "Analytica",
    "Eurasia" + "Advisory", "Statistics" + "South Africa"): the whole is one organisation; so
    is a word before an organisation's name ("Social" + "Democrats").
    The other part is a one-word MISC (no nationality) next to the place, or a capitalised
    word nothing tagged before a place, the whole then acting ("Statistics South Africa said")."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and text[prev[1]:span[0]] == " " and (
                {prev[2], span[2]} == {"LOC", "MISC"} or (prev[2], span[2]) == ("MISC", "ORG")):
            misc = prev if prev[2] == "MISC" else span
            word = text[misc[0]:misc[1]]
            if (word.isalpha() and word[:1].isupper() and word[1:].islower()
                    and word not in gazetteer.NATIONALITIES and word not in gazetteer.CALENDAR_WORDS
                    and not _CREDIT_LABEL.match(text, misc[0] - 1, misc[1] + 1)):
                out[-1] = (prev[0], span[1], "ORG")
                continue
        if span[2] == "LOC" and " " in text[span[0]:span[1]] and _acts(text, span[1]):
            first, rest = text[span[0]:span[1]].split(" ", 1)
            if locate(text[span[0]:span[1]]) is None and _is_gpe(rest) and _plain_name_word(first):
                span = (span[0], span[1], "ORG")  # "Statistics South Africa said"
        if span[2] == "LOC":
            before = _CAPITALISED_WORD_BEFORE_PLACE.search(text, max(0, span[0] - 30), span[0])
            if (before and (not prev or prev[1] <= before.start(1)) and _plain_name_word(before.group(1))
                    and _acts(text, span[1])):
                span = (before.start(1), span[1], "ORG")
        out.append(span)
    return out


_CAPITALISED_WORD_BEFORE_PLACE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \u00a0]$")


def _plain_name_word(word) -> bool:
    """A capitalised word that could be part of a name: no preposition, article, title, role,
    month, adverb or common opener ("In", "The", "Minister", "Monday", "Naturally")."""
    return not (word.endswith("ly") or word in _PREPOSITIONS or word in gazetteer.NON_ENTITY_WORDS or word in gazetteer.CALENDAR_WORDS
                or word.lower() in gazetteer.ROLE_WORDS or word in _TITLE_WORDS
                or word in gazetteer.NATIONALITIES or word in gazetteer.FIRST_NAMES
                or word in ("The", "A", "An", "And", "But", "As", "If", "When", "While", "This", "That"))


_TITLE_WORDS = frozenset(w for t in gazetteer.TITLES for w in t.split() if w[:1].isupper())


def _firms(text, spans):
    """"Meridian Research", "Pinewood Asset Management", "Tavira Renewables": a name of two
    words or more ending in a firm's word (data/firm_heads.txt) is an organisation; so is a
    "person" whose first word is no first name."""
    out = []
    for s, e, kind in spans:
        words = text[s:e].split()
        if (kind in ("MISC", "LOC", "PERSON") and len(words) >= 2 and words[-1] in gazetteer.FIRM_HEADS
                and all(w[:1].isupper() for w in words)
                and not (kind == "PERSON" and words[0] in gazetteer.FIRST_NAMES)):
            kind = "ORG"
        out.append((s, e, kind))
    return out


def _not_a_person(text, span):
    """People's names hold no digits ("Dell Precision R7610" is a product: MISC) and are no
    acronyms ("RCMP said": an organisation)."""
    s, e, kind = span
    if kind != "PERSON":
        return span
    name = text[s:e]
    if any(ch.isdigit() for ch in name):
        return (s, e, "MISC")
    if " " not in name and len(name) >= 3 and name.isupper() and name.isalpha():
        return (s, e, "ORG")
    return span


_MARKET_NOUN_AFTER = re.compile(r"[ \u00a0]([a-z]+)\b")


def _market_names(text, spans):
    """"Brent crude", "Brent futures": a market benchmark, MISC, at every mention in the text
    ("Brent rose 2 percent"), never a place or a person."""
    benchmarks = set()
    for s, e, kind in spans:
        m = _MARKET_NOUN_AFTER.match(text, e)
        if (m and m.group(1) in gazetteer.MARKET_NOUNS and " " not in text[s:e] and "." not in text[s:e]
                and not _is_country_or_state(text[s:e])):  # "U.S. crude", "Texas crude": places
            benchmarks.add(text[s:e])
    if not benchmarks:
        return spans
    return [(s, e, "MISC") if text[s:e] in benchmarks else (s, e, kind) for s, e, kind in spans]


_MEASURE_BEFORE = re.compile(r"(?:\bdegrees?|\d|°)[ \u00a0]*$")


def _unit(text, span) -> bool:
    """"45 degrees Celsius": a unit named after a person is no entity."""
    s, e, _ = span
    return text[s:e] in gazetteer.UNIT_NAMES and bool(_MEASURE_BEFORE.search(text, max(0, s - 10), s))


# Letters that mark a dollar ("US$", "NZ$", "HK$", "A$"): part of the currency, no place.
_CURRENCY_LETTERS = re.compile(r"[A-Z]{1,3}")
# A numeral standing alone ("part XVII", "Rocky IV"); C, D and M are left out, they spell
# acronyms ("DC", "MD", "CD").
_ROMAN_NUMERAL = re.compile(r"(?=[IVXL]{2})(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def _currency_or_numeral(text, span) -> bool:
    """"US$ 20,000", "part XVII": a currency's letters or a Roman numeral is no name."""
    s, e, _ = span
    word = text[s:e]
    return (bool(_CURRENCY_LETTERS.fullmatch(word)) and text[e:e + 1] == "$") or bool(
        _ROMAN_NUMERAL.fullmatch(word))


_TITLE_AFTER = re.compile(r"[ \u00a0](?:Minister|Secretary|Commissioner|Ministry|Department)\b")


def _portfolio_before_title(text, span) -> bool:
    """"Swedish Science Minister", "Emergency Management Minister": a portfolio before a
    title (MISC to the rules) is no name."""
    s, e, kind = span
    return kind == "MISC" and text[s:e] not in gazetteer.NATIONALITIES and bool(_TITLE_AFTER.match(text, e))


# --- 5. facilities ----------------------------------------------------------------------------

def _facility(text, span):
    """"on Wall Street", "candidate for the White House": a place; a known organisation named
    after its building stays one where it is not a place ("Chatham House said")."""
    s, e, kind = span
    name = text[s:e]
    head_words = name.split()
    before_of = name.split(" of ", 1)[0].split()
    if before_of[-1] in ("Museum", "Gallery"):  # "Museum of Flight"; not "House of Commons"
        head_words = before_of
    if kind not in ("ORG", "MISC") or " " not in name or head_words[-1] not in _FACILITY_HEADS:
        return span
    if head_words[-1] in ("Center", "Centre") and (
            len(head_words) < 2 or head_words[-2] in _INSTITUTE_CENTRE_WORDS or " of " in name):
        return span  # "National Hurricane Center", "Centre of Excellence": institutes
    if name in gazetteer.ORGANIZATION_NAMES and not _after_preposition(text, s):
        return span
    return (s, e, "LOC")


# --- 7. craft ---------------------------------------------------------------------------------

# A ship's or spacecraft's name follows its kind: "Space Shuttle Orion", "the rover Kestrel",
# "the tanker Sea Lark". Such names are MISC (UNER tags no vehicles), not people.
_CRAFT_PREFIX = re.compile(r"(?:Space[ \u00a0]+)?Shuttle[ \u00a0]+")
_CRAFT_BEFORE = re.compile(
    r"\b(?:[Ss]pace[ \u00a0]+)?(?:shuttle|orbiter|spacecraft|rover|lander|probe|capsule|ship|vessel"
    r"|yacht|ferry|tanker|freighter|frigate|destroyer|submarine)[ \u00a0]+$")  # no "carrier": airlines


def _craft(text, spans):
    """Craft named after their kind, and their other mentions, are MISC."""
    names = set()
    for s, e, kind in spans:
        m = _CRAFT_PREFIX.match(text, s, e)
        if m and m.end() < e:
            names.update((text[s:e], text[m.end():e]))
        elif _CRAFT_BEFORE.search(text, max(0, s - 20), s):
            names.add(text[s:e])
    if not names:
        return spans
    return [(s, e, "MISC") if text[s:e] in names else (s, e, kind) for s, e, kind in spans]
