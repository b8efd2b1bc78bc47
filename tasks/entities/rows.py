"""From an article's entities to the entities dataset's rows (step 5 of the stage): the
agency's own mark-up found in the body, the language filter, places and paragraphs.

    locate_marked(body, marked) -> [Entity]         every place an agency-marked name occurs
    known_outside_english(entity) -> bool           kept in a non-English article?
    place_of(entity) -> Place | None                where a LOC (or a place acting as an ORG) is
    paragraph_index(paragraphs) -> (offset -> paragraph number)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tasks.entities import gazetteer, places
from tasks.entities.entity import Entity
from tasks.records import MarkedEntity


def known_outside_english(entity) -> bool:
    """The model reads English; in other languages every capitalised noun looks like a name
    ("Die Brücke", "Freitag"). There only what the gazetteers vouch for is kept: known places
    and organisations, and people whose first name is known ("Jürgen Köhler")."""
    if entity.type == "LOC":
        return places.locate(entity.name) is not None
    if entity.type == "ORG":
        return entity.name in gazetteer.ORGANIZATIONS
    if entity.type == "PERSON":
        words = entity.text.split()
        return len(words) >= 2 and words[0] in gazetteer.FIRST_NAMES and all(w[:1].isupper() for w in words)
    return False


def place_of(entity) -> places.Place | None:
    """Where a LOC is; for a place acting as an organisation ("Russia announced", "Beijing
    believes": ORG) the country, state or well-known city it stands for."""
    if entity.type == "LOC":
        return places.locate(entity.name)
    if entity.type != "ORG":
        return None
    place = places.locate(entity.name)
    if place and (place.kind in ("country", "state") or entity.name in gazetteer.CITIES):
        return place
    return None


def paragraph_index(paragraphs: list[str]):
    """offset in the body -> index of the paragraph it falls in (paragraphs joined by a blank line)."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2  # the blank line that joins paragraphs in body
    return lambda at: bisect_right(starts, at) - 1


def locate_marked(body: str, marked: list[MarkedEntity]) -> list[Entity]:
    """Every place in the body where an agency-marked name occurs, as an Entity of its type."""
    spans: list[Entity] = []
    for mark in marked:
        name = mark.text.strip()
        if not name:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", body):
            if not any(match.start() < e.end and e.start < match.end() for e in spans):
                spans.append(Entity(match.start(), match.end(), mark.type, name, name))
    return sorted(spans, key=lambda e: e.start)
