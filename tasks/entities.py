"""Named entities (PERSON, ORG, LOC, MISC) in English news-wire copy.

    find_entities(text) -> list[Entity]    sorted by start, non-overlapping

Three stages and a reconciliation:
1. `tasks.ner.rules` reads the text with gazetteers, titles and context cues (see there).
2. A CRF (`tasks.ner.tagger`, model trained on UNER EWT plus generated wire copy by
   `tasks.ner.train`) tags PERSON/ORG/LOC on UD-style tokens, the rule labels among its features.
   The CRF spans win; rule entities that overlap none of them are kept (MISC words such as
   "Libyan", names the CRF missed).
3. `tasks.ner.document` corrects the spans with what the whole text says (surnames, places
   acting as organisations, "City, State", names with complements; see there).
Canonical names and roles are then settled over the text: a span the rules found identically
keeps their name and role ("NATO Secretary General"); a surname alone takes the full name seen
elsewhere; "Islamic State (IS)" makes every "IS" that organisation; country spellings and
organisation aliases map to one name ("U.S." -> "United States"); a person's first role is
inherited by later mentions. Words capitalised only because they open a sentence are dropped.
"""

from __future__ import annotations

import re

from tasks import gazetteer as gz
from tasks.ner import document, rules
from tasks.ner.entity import Entity
from tasks.ner.tagger import tag_spans

__all__ = ["Entity", "find_entities"]

_TYPED = ("PERSON", "ORG", "LOC")
# A generic organisation word alone is not a name, capitalised or not ("the Government will
# have to ...", "the Court ruled"): UNER EWT leaves such words untagged.
_GENERIC_HEADS = frozenset(
    "Government Administration Ministry Department Court Police Army Navy Congress Senate"
    " Parliament Cabinet Commission Council Committee Company Bank Party Union Agency Office"
    " Board Bureau Authority Assembly Legislature Club University School College Hospital"
    " Church Corps Force Forces Service".split()
)


def _canonical_places_and_orgs() -> dict[str, str]:
    canon: dict[str, str] = {name: name for name in gz.COUNTRIES.values()}
    canon.update(gz.COUNTRY_VARIANTS)
    for name, aliases in gz.ORGANIZATIONS.items():
        canon[name] = name
        for alias in aliases:
            canon[alias] = name
    return canon


_CANON = _canonical_places_and_orgs()


def find_entities(text: str) -> list[Entity]:
    """Named entities of an article body, sorted by start and non-overlapping."""
    if not text or not any(ch.isupper() for ch in text):
        return []
    ruled = rules.find_entities(text)
    spans = tag_spans(text, ruled)
    merged = [m for m in _merge(spans, ruled) if not _generic(text, m)]
    merged = document.correct(text, merged, ruled)
    ruled_at = {(e.start, e.end): e for e in ruled}
    return [e for e in _resolve(text, merged, ruled_at) if not _capitalised_opener(text, e, ruled_at)]


def _merge(spans, ruled) -> list[tuple[int, int, str]]:
    """CRF spans, plus the rule entities that overlap none of them; sorted by start.

    A CRF span inside a longer rule MISC name is dropped: "Paris" of "the Paris Agreement"
    is part of the agreement's name, not a place mentioned."""
    misc = [(r.start, r.end) for r in ruled if r.type == "MISC" and " " in r.text]
    if misc:
        spans = [sp for sp in spans if not _inside(sp, misc)]
    out = list(spans)
    k = 0
    for e in ruled:
        while k < len(spans) and spans[k][1] <= e.start:
            k += 1
        if k < len(spans) and spans[k][0] < e.end:
            continue  # overlaps a CRF span
        out.append((e.start, e.end, e.type))
    out.sort()
    return out


def _generic(text, span) -> bool:
    """A lone generic head word ("Government"), or one after "the" inside the span."""
    s, e, kind = span
    if kind != "ORG":
        return False
    word = text[s:e]
    if word[:4] in ("the ", "The "):
        word = word[4:]
    return word in _GENERIC_HEADS


_GROUP_NOUN_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "ees", "eers")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201d\u2019]\s+|\n\s*)[\"\u201c\u2018']?$")


def _capitalised_opener(text, entity, ruled_at) -> bool:
    """A word that is capitalised only because it opens a sentence ("Schools were closed",
    "Traders said", "Investments were up"): a one-word PERSON (or an ORG that looks like a
    plural noun), no known name, not part of a longer name, nowhere else in the text, and
    either unseen by the rules or a group noun."""
    if entity.type not in ("PERSON", "ORG") or " " in entity.text or entity.name != entity.text:
        return False
    if entity.type == "ORG" and not entity.text.endswith(_GROUP_NOUN_ENDINGS):
        return False  # "Investments in this area were up": a plural noun opening a sentence
    if entity.text in gz.FIRST_NAMES or entity.text in gz.SURNAMES or entity.text in _CANON:
        return False  # a known name ("Reuters said ...")
    if (entity.start, entity.end) in ruled_at and not entity.text.endswith(_GROUP_NOUN_ENDINGS):
        return False  # the rules saw a name ("Jutting said"); group nouns ("Traders said") are not
    if not _SENTENCE_START.search(text[max(0, entity.start - 4):entity.start]):
        return False
    return text.count(entity.text) == 1


_OPENING_ROLE = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"\u201c]?([A-Z][a-z]+) $")


def _opening_role(text, start) -> str | None:
    """"Striker Lionel Messi scored": the role word that opens the sentence before a name."""
    m = _OPENING_ROLE.search(text, max(0, start - 20), start)
    return m.group(1) if m and m.group(1).lower() in document.ROLE_WORDS else None


def _inside(span, outer) -> bool:
    s, e, _ = span
    return any(a <= s and e <= b and (a, b) != (s, e) for a, b in outer)


def _resolve(text, merged, ruled_at) -> list[Entity]:
    aliases = _acronym_definitions(text, merged)
    persons = _person_names(text, merged, ruled_at)
    roles: dict[str, str] = {}
    entities = []
    for s, e, kind in merged:
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
        entities.append([s, e, kind, surface, name, role])
    out = []
    for s, e, kind, surface, name, role in entities:
        if kind == "PERSON" and role is None:
            role = roles.get(name)
        out.append(Entity(s, e, kind, surface, name, role))
    return out


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


def _person_names(text, merged, ruled_at) -> dict[str, str]:
    """Surface form -> full name, for single names that a longer name in the text explains."""
    full_by_key: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for s, e, kind in merged:
        if kind != "PERSON":
            continue
        rule = ruled_at.get((s, e))
        full = rule.name if rule is not None and rule.type == "PERSON" else text[s:e]
        words = [w for w in full.split() if not (len(w) == 2 and w.endswith("."))]
        if len(words) < 2:
            continue
        names[text[s:e]] = full
        keys = {words[-1], words[0]}
        for prefix in ("al-", "Al-", "el-", "El-"):
            if words[-1].startswith(prefix):
                keys.add(words[-1][len(prefix):])
        for key in keys:
            prev = full_by_key.get(key, full)
            full_by_key[key] = full if prev == full else None  # None: two people share it
    for key, full in full_by_key.items():
        if full is not None:
            names.setdefault(key, full)
    return names
