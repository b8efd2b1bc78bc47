"""Structured fields of the wrong type reject the story, naming the field (issue 19, item 9):
a ninjs body_text that is a number must not become the body "12345"."""

from __future__ import annotations

import json

import pytest

from tasks.formats import ninjs
from tasks.pipeline import process_file
from tasks.records import RawFile, Reject
from tests.hostile import INGESTED_AT


@pytest.mark.parametrize("field, value, named", [
    ("body_text", 12345, "body_text is a number"),
    ("headline", {"main": "x"}, "headline is an object"),
    ("uri", True, "uri is a boolean"),
    ("body_html", ["<p>x</p>"], "body_html is an array"),
    ("bodies", [{"contenttype": "text/plain", "value": 12345}], "bodies[0].value is a number"),
    ("headlines", [{"role": "main", "value": ["a"]}], "headlines[0].value is an array"),
])
def test_a_ninjs_text_field_of_the_wrong_type_rejects_the_story_naming_it(field, value, named):
    item = {"uri": "u", "headline": "Typed fields", "body_text": "Read as text.", field: value}
    [outcome] = list(ninjs.read(RawFile("a.json", json.dumps(item).encode())))
    assert isinstance(outcome, Reject)
    assert (outcome.stage, outcome.reason) == ("parse", "field of wrong type") and named in outcome.detail


def test_only_the_mistyped_story_of_a_file_is_rejected():
    good = {"uri": "a", "headline": "Floods close schools", "body_text": "Schools closed on Monday after floods."}
    bad = {"uri": "b", "headline": "Numbers", "body_text": 12345}
    out = process_file(RawFile("two.json", json.dumps([good, bad]).encode()), INGESTED_AT)
    assert [a["headline"] for a in out.articles] == ["Floods close schools"]
    assert [(r["reason"], r["detail"]) for r in out.rejects] == [("field of wrong type", "body_text is a number, not text")]
    assert not any("12345" in a["body"] for a in out.articles)
