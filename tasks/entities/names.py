"""Names: the keys a person is found by, and the canonical names and roles of a text's entities.

Person keys. A person named in full ("Fayez al-Sarraj") is found again by a word of their name
standing alone ("Sarraj", "Fayez"). Three steps of the stage ask for these keys, and their
rules differ on purpose; one function builds the keys (`_first_and_last`), and each step's
choice of words is a named function here:

    mention_keys(tokens)                  rules.py: a PERSON mention's tokens, case-folded,
                                          initials and name particles left out; a one-word
                                          name is its own key; "al-Sarraj" also gives "sarraj"
    full_name_keys(text, spans)           document.py: the words of people named in full (two
                                          words of three letters or more, as written, no bare
                                          surname), months and common words left out
    full_names(text, spans, ruled_at)     the names step below: surface -> full name, for a
                                          first name or surname that one person named in full
                                          here explains ("Sarraj" -> "Fayez al-Sarraj")

Canonical names and roles (step 4 of the stage, `name_entities`) are settled over the text: a
span the rules found identically keeps their name and role ("NATO Secretary General"); a
surname alone takes the full name seen elsewhere; "Islamic State (IS)" makes every "IS" that
organisation; country spellings and organisation aliases map to one name ("U.S." -> "United
States"); a person's first role is inherited by later mentions. Words capitalised only because
they open a sentence are dropped.
"""

from __future__ import annotations

import re

from tasks.entities import gazetteer
from tasks.entities.entity import Entity
from tasks.entities.places import locate

# Lower-case words inside a person's name ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = frozenset(
    "de del della di da do dos das du des van von der den la le les bin ibn al el bint y zu ter ten"
    .split()
)
# The Arabic article before a surname: "al-Sarraj" is also found as "Sarraj".
_ARTICLE_PREFIXES = ("al-", "Al-", "el-", "El-")


def is_initial(word: str) -> bool:
    """"J.", "W.": an initial, no key of its own."""
    return len(word) == 2 and word[1] == "."


def _first_and_last(words: list[str], bare_surname: bool = True) -> list[str]:
    """Keys of a person named by `words`: the surname, the surname without its article
    ("Sarraj" of "al-Sarraj", when `bare_surname`), and the first name of two words or more."""
    if not words:
        return []
    keys = [words[-1]]
    if bare_surname and words[-1].startswith(_ARTICLE_PREFIXES):
        keys.append(words[-1][len("al-"):])
    if len(words) >= 2:
        keys.append(words[0])
    return keys


def mention_keys(tokens: list[str]) -> list[str]:
    """Keys, case-folded, under which a single-word mention may refer to the person whose
    tokens these are (rules.py): initials and name particles are not keys."""
    return _first_and_last([t.casefold() for t in tokens if not is_initial(t) and t not in NAME_PARTICLES])


def full_name_keys(text: str, spans) -> set[str]:
    """First names and surnames, as written, of the people named in full among the spans
    (document.py): words of three letters or more, capitalised, not ending in a dot; two of
    them at least; months, weekdays and common capitalised words are no keys."""
    keys = set()
    for s, e, kind in spans:
        if kind != "PERSON":
            continue
        words = [w for w in text[s:e].split() if len(w) > 2 and w[0].isupper() and w[-1] != "."]
        if len(words) >= 2:
            keys.update(_first_and_last(words, bare_surname=False))
    return keys - gazetteer.CALENDAR_WORDS - gazetteer.NON_ENTITY_WORDS


def full_names(text: str, spans, ruled_at) -> dict[str, str]:
    """Surface form -> full name, for single names that a longer name in the text explains
    (the names step): a name of two words or more besides initials, as the rules canonicalised
    it; a key two people share explains nothing."""
    full_by_key: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for s, e, kind in spans:
        if kind != "PERSON":
            continue
        rule = ruled_at.get((s, e))
        full = rule.name if rule is not None and rule.type == "PERSON" else text[s:e]
        words = [w for w in full.split() if not is_initial(w)]
        if sum(w.lower() not in NAME_PARTICLES for w in words) < 2:
            continue  # "de Jong" is a surname, not a full name
        names[text[s:e]] = full
        for key in _first_and_last(words) + _particle_surnames(words):
            prev = full_by_key.get(key, full)
            full_by_key[key] = full if prev == full else None  # None: two people share it
    for key, full in full_by_key.items():
        if full is not None:
            names.setdefault(key, full)
    return names


def _particle_surnames(words: list[str]) -> list[str]:
    """"de Jong" and "De Jong" (opening a sentence) of "Pieter de Jong", "van der Berg" of
    "Anna van der Berg": the surname with its particles is a key too."""
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
    if k == len(words) - 1:
        return []
    surname = " ".join(words[k:])
    return [surname, surname[0].upper() + surname[1:]]


# --- canonical names and roles (step 4) ------------------------------------------------------

def _canonical_places_and_orgs() -> dict[str, str]:
    canon: dict[str, str] = {name: name for name in gazetteer.COUNTRIES.values()}
    canon.update(gazetteer.COUNTRY_VARIANTS)
    for name, aliases in gazetteer.ORGANIZATIONS.items():
        canon[name] = name
        for alias in aliases:
            canon[alias] = name
    return canon


_CANON = _canonical_places_and_orgs()


def name_entities(text: str, spans, ruled_at) -> list[Entity]:
    """The corrected spans as entities with canonical names and roles; words capitalised only
    because they open a sentence dropped. `ruled_at`: (start, end) -> the rules' entity there."""
    return [e for e in _resolve(text, spans, ruled_at) if not _capitalised_opener(text, e, ruled_at)]


_GROUP_NOUN_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "ees", "eers")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201d\u2019]\s+|\n\s*)[\"\u201c\u2018']?$")


def _capitalised_opener(text, entity, ruled_at) -> bool:
    """A word that is capitalised only because it opens a sentence ("Schools were closed",
    "Traders said", "Investments were up"): a one-word PERSON (or an ORG that looks like a
    plural noun), no known name, not part of a longer name, nowhere else in the text, and
    either unseen by the rules or a group noun."""
    if entity.type not in ("PERSON", "ORG") or " " in entity.text or entity.name != entity.text:
        return False
    if entity.type == "ORG" and not entity.text.endswith(_GROUP_NOUN_ENDINGS) and not (
            entity.text in gazetteer.ORG_HEADS and entity.text not in _CANON):
        return False  # "Investments in this area were up", "Coalition talks": common nouns opening a sentence
    if entity.text in gazetteer.FIRST_NAMES or entity.text in gazetteer.SURNAMES or entity.text in _CANON:
        return False  # a known name ("Reuters said ...")
    if (entity.start, entity.end) in ruled_at and not entity.text.endswith(_GROUP_NOUN_ENDINGS):
        return False  # the rules saw a name ("Jutting said"); group nouns ("Traders said") are not
    if not _SENTENCE_START.search(text[max(0, entity.start - 4):entity.start]):
        return False
    return _only_opens_sentences(text, entity.text)


def _only_opens_sentences(text, word) -> bool:
    """Every capitalised mention of `word` opens a sentence ("Traders said ... Traders
    expect ..."): a common noun, capitalised by its place only."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if whole and not _SENTENCE_START.search(text[max(0, at - 4):at]):
            return False
        at = text.find(word, at + 1)
    return True


_OPENING_ROLE = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"\u201c]?([A-Z][a-z]+) $")


def _opening_role(text, start) -> str | None:
    """"Striker Lionel Messi scored": the role word that opens the sentence before a name."""
    m = _OPENING_ROLE.search(text, max(0, start - 20), start)
    return m.group(1) if m and m.group(1).lower() in gazetteer.ROLE_WORDS else None


def _resolve(text, merged, ruled_at) -> list[Entity]:
    aliases = _acronym_definitions(text, merged)
    persons = full_names(text, merged, ruled_at)
    roles: dict[str, str] = {}
    entities = []
    for k, (s, e, kind) in enumerate(merged):
        surface = text[s:e]
        rule = ruled_at.get((s, e))
        role = None
        if surface in aliases and kind != "PERSON" or (surface in aliases and rule is None):
            kind, name = aliases[surface]
        elif kind == "PERSON":
            name = persons.get(surface) or (rule.name if rule and rule.type == kind else surface)
            role = rule.role if rule is not None else _opening_role(text, s)
            if role and name not in roles:
                roles[name] = role
        elif rule is not None and rule.type == kind:
            name = rule.name
        else:
            name = _CANON.get(surface, surface)
        if kind == "LOC" and _is_city_state(text, merged, k):
            name = text[s:merged[k + 1][1]]  # "Plano, Texas": the Plano in Texas
        entities.append([s, e, kind, surface, name, role])
    out = []
    for s, e, kind, surface, name, role in entities:
        if kind == "PERSON" and role is None:
            role = roles.get(name)
        out.append(Entity(s, e, kind, surface, name, role))
    return out


_COMMA = re.compile(r",[ \u00a0]")


def _is_city_state(text, spans, k) -> bool:
    """"Plano, Texas", "Paris, France", "Hamilton, Ontario": the LOC at k is a city and the
    next one its state, country or region (not a list: "Paris, Lyon, Marseille", "France,
    Germany")."""
    if k + 1 >= len(spans):
        return False
    a, b = spans[k], spans[k + 1]
    if b[2] != "LOC" or not _COMMA.fullmatch(text, a[1], b[0]):
        return False
    if k + 2 < len(spans) and _COMMA.fullmatch(text, b[1], spans[k + 2][0]):
        return False
    if k > 0 and _COMMA.fullmatch(text, spans[k - 1][1], a[0]):
        return False
    city, region = locate(text[a[0]:a[1]]), locate(text[b[0]:b[1]])
    if region is None or region.country_code is None or region.kind not in ("state", "country", "region"):
        return False
    return city is None or city.kind in ("city", "region")


def _acronym_definitions(text, merged) -> dict[str, tuple[str, str]]:
    """"Islamic State (IS)": acronym -> (type, name) of the multi-word name before it."""
    aliases: dict[str, tuple[str, str]] = {}
    for s, e, kind in merged:
        if kind not in ("ORG", "LOC") or " " not in text[s:e]:
            continue
        if text.startswith(" (", e):
            close = text.find(")", e + 2, e + 12)
            acr = text[e + 2 : close] if close > 0 else ""
            if acr and acr.replace(".", "").replace("&", "").isupper() and " " not in acr:
                aliases.setdefault(acr, (kind, _CANON.get(text[s:e], text[s:e])))
    return aliases
