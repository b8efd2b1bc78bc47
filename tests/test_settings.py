"""Every WIRELAKE_* setting in one place: read once from the environment, the same defaults."""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.settings import LIMITS, PREFECT_DEFAULTS, SETTINGS, Limits, Settings


def test_defaults_without_the_environment(monkeypatch):
    for name in ("WIRELAKE_BATCH_TIMEOUT_S", "WIRELAKE_LOCK_TIMEOUT_S", "WIRELAKE_NER_MODEL", "WIRELAKE_MAX_FILE_BYTES"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_env()
    assert (settings.batch_timeout_s, settings.lock_timeout_s, settings.ner_model) == (3600.0, 600.0, None)
    assert settings.limits == Limits() and settings.limits.max_file_bytes == 256 * 2**20


def test_each_setting_comes_from_its_variable(monkeypatch):
    monkeypatch.setenv("WIRELAKE_BATCH_TIMEOUT_S", "90")
    monkeypatch.setenv("WIRELAKE_LOCK_TIMEOUT_S", "1.5")
    monkeypatch.setenv("WIRELAKE_NER_MODEL", "/tmp/ho.crfsuite")
    monkeypatch.setenv("WIRELAKE_MAX_MEMBERS", "50")
    settings = Settings.from_env()
    assert (settings.batch_timeout_s, settings.lock_timeout_s) == (90.0, 1.5)
    assert settings.ner_model == Path("/tmp/ho.crfsuite") and settings.limits.max_members == 50


def test_settings_are_frozen_and_the_limits_are_theirs():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SETTINGS.lock_timeout_s = 1
    assert LIMITS is SETTINGS.limits


def test_the_cli_prefect_defaults_are_quiet_and_offline():
    assert PREFECT_DEFAULTS["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert PREFECT_DEFAULTS["PREFECT_LOGGING_LEVEL"] == "WARNING"


def test_reading_the_settings_loads_nothing_else():
    check = "import sys, tasks.settings; assert 'prefect' not in sys.modules and 'pyarrow' not in sys.modules"
    subprocess.run([sys.executable, "-c", check], check=True, timeout=60)
