"""Story templates, loaded once from tasks/synth/data/topics.json and templates.json.

A topic holds (headline, lead, tag) pairs, body sentences ("[tag] ..." lines only go with
stories of that tag), quotes and the roles of the people it names. Templates are
str.format strings whose {slots} slots.py fills. Pools stay in file order: the story model
draws by index.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Sequence

from tasks.synth.reference import load, tuples


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    section: str
    pairs: tuple[tuple[str, str, str], ...]  # (headline, lead, tag): the lead tells the headline's news
    body: tuple[str, ...]  # "[tag] ..." lines only go with pairs of that tag
    quotes: tuple[str, ...]
    orgs: tuple[str, ...]  # keys of reference.ORGS
    person_roles: tuple[tuple[str, str], ...]  # (kind, title): kind gov | org | corp | sport | inst | party
    ministry: str
    quoted_expert: str  # analyst | economist | doctor | researcher ...
    witness_role: str  # resident, farmer ...
    company_sector: str  # "" = any
    speakers: str  # persons who may be quoted: P, 2 (= P2), Q, R, W; repeats weight
    weight: float
    countries: tuple[str, ...] = ()  # where such stories happen (empty: anywhere)

    @property
    def headlines(self) -> tuple[str, ...]:
        return tuple(h for h, _, _ in self.pairs)


def _topic(t: dict) -> Topic:
    pairs = tuple((s["headline"], s["lead"], s.get("tag", "")) for s in t["stories"])
    return Topic(t["name"], t["section"], pairs, tuples(t["body"]), tuples(t["quotes"]), tuples(t["orgs"]),
                 tuples(t["person_roles"]), t["ministry"], t["quoted_expert"], t["witness_role"],
                 t["company_sector"], t["speakers"], t["weight"], tuples(t.get("countries", [])))


def tagged_pool(lines: Sequence[str], tag: str) -> tuple[str, ...]:
    """Body lines for a story with `tag`: the untagged ones and those tagged '[tag] '."""
    out = []
    for line in lines:
        if line.startswith("["):
            t, _, text = line[1:].partition("] ")
            if t == tag:
                out.append(text)
        else:
            out.append(line)
    return tuple(out)


_shared = load("templates.json")
QUOTE_WRAPPERS: tuple[str, ...] = tuples(_shared["quote_wrappers"])
ADDENDA: tuple[str, ...] = tuples(_shared["addenda"])
GENERAL_BODY: tuple[str, ...] = tuples(_shared["general_body"])
GENERAL_CLOSERS: tuple[str, ...] = tuples(_shared["general_closers"])

TOPICS: tuple[Topic, ...] = tuple(_topic(t) for t in load("topics.json")["topics"])
TOPIC_WEIGHTS = tuple((t, t.weight) for t in TOPICS)
HEADLINES = {t.name: t.headlines for t in TOPICS}
BODIES = {(t.name, tag): tagged_pool(t.body, tag) for t in TOPICS for tag in {p[2] for p in t.pairs}}
TOPIC_BY_NAME = {t.name: t for t in TOPICS}


# About how many words a filled template has (the story model sizes paragraphs with it),
# and the templates without slots (no need to fill them).
WORDS: dict[str, int] = {}
CONSTANT: dict[str, str] = {}
_FORMATTER = string.Formatter()
_SLOT_WORDS = {"quote": 11, "quote2": 11, "addendum": 9, "P": 3, "P2": 3, "Q": 4, "R": 4, "W": 3, "S": 3,
               "org": 3, "Org": 3, "money": 2, "ministry": 3, "Ministry": 3}


def template_words(t: str) -> int:
    """About how many words a filled template has."""
    n = WORDS.get(t)
    if n is None:
        n = t.count(" ") + 1
        for _, slot, _, _ in _FORMATTER.parse(t):
            if slot is not None:
                n += _SLOT_WORDS.get(slot, 1)
        WORDS[t] = n
    return n


for _pool in (QUOTE_WRAPPERS, GENERAL_BODY, GENERAL_CLOSERS, *(t.body for t in TOPICS)):
    for _t in _pool:
        _t = _t.partition("] ")[2] if _t.startswith("[") else _t
        template_words(_t)
        if "{" not in _t:
            CONSTANT[_t] = _t
