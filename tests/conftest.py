"""Shared test set-up: a private, quiet Prefect home, and paths to optional reference data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports prefect: never touch the user's ~/.prefect, stay quiet and offline.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="wirelake-prefect-")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRELAKE_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_file(relative: str) -> Path:
    """A file from ../shared, or skip the test: users' clones do not have that folder."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"reference data {relative} not available (no ../shared beside the repo)")
    return path


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for all flow tests (about 10 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield
