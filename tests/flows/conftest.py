"""Fixtures the flow tests share."""

import shutil

import pytest

from tests.conftest import FIXTURES


@pytest.fixture
def source(tmp_path):
    """A copy of the mini corpus, for a test to change as it likes."""
    src = tmp_path / "raw"
    shutil.copytree(FIXTURES / "raw_mini", src)
    return src
