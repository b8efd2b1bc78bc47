"""Tests of the template and reference data (tasks/synth/data/, templates.py, reference.py)."""

from __future__ import annotations

import string

from tasks.synth.reference import COUNTRIES, NAMES
from tasks.synth.slots import SLOTS
from tasks.synth.templates import ADDENDA, GENERAL_BODY, GENERAL_CLOSERS, QUOTE_WRAPPERS, TOPICS


def _all_templates() -> list[str]:
    out = [*QUOTE_WRAPPERS, *ADDENDA, *GENERAL_BODY, *GENERAL_CLOSERS]
    for t in TOPICS:
        out += [h for h, _, _ in t.pairs] + [lead for _, lead, _ in t.pairs] + list(t.body) + list(t.quotes)
    return out


def test_every_template_slot_is_known():
    unknown = set()
    for tpl in _all_templates():
        for _, field, _, _ in string.Formatter().parse(tpl):
            if field is not None and field not in SLOTS:
                unknown.add((field, tpl))
    assert not unknown


def test_text_data_survives_single_byte_charsets():
    """Names, places and templates must encode in latin-1 (and so cp1252), or the
    cp1252 / latin-1 variants could not be written."""
    texts = _all_templates()
    for males, females, lasts in NAMES.values():
        texts += [*males, *females, *lasts]
    for c in COUNTRIES:
        texts += [c.name, c.short, c.adj, *c.cities, c.stat_office]
    for text in texts:
        text.encode("latin-1")


def test_there_are_hundreds_of_templates():
    assert len(_all_templates()) >= 500
