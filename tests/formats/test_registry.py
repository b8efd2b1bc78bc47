"""The registry (tasks/formats/__init__.py): reader_for picks the reader by content."""

from __future__ import annotations

import pytest

from tasks.formats import reader_for

from tests.formats.helpers import FORMATS, raw_of


@pytest.mark.parametrize("path, name", [
    (FORMATS / "anpa" / "ap-capture-3-takes.anpa", "anpa"),
    (FORMATS / "iptc7901" / "dpa-2-stories-latin1.7901", "iptc7901"),
    (FORMATS / "ninjs" / "ninjs-2x.json", "ninjs"),
    (FORMATS / "ninjs" / "ninjs-3x.json", "ninjs"),
])
def test_registry_picks_the_wire_reader(path, name):
    assert reader_for(raw_of(path)).NAME == name
