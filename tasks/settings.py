"""Every setting of wirelake, read once from the environment when this module is imported.

    WIRELAKE_BATCH_TIMEOUT_S   seconds one batch may run before its worker is killed (3600)
    WIRELAKE_LOCK_TIMEOUT_S    seconds a run waits for another run's lake lock (600)
    WIRELAKE_NER_MODEL         another CRF model file (held-out runs); unset: the shipped model
    WIRELAKE_MAX_*             the bounds in `Limits` (WIRELAKE_MAX_FILE_BYTES=...)

`PREFECT_DEFAULTS` are the Prefect settings (and other environment defaults) the CLI sets
when the user has not.

`LIMITS` keep one hostile file from taking the run down (sizes, nesting, expansion). Defaults
suit wire copy with a wide margin; a site with unusual files raises one through the environment
instead of patching code. It is one shared, mutable object: every module reads `LIMITS.<field>`
at call time, so tests lower a limit with `monkeypatch.setattr(LIMITS, "max_file_bytes", ...)`.
The other settings are frozen; a test swaps `tasks.settings.SETTINGS` for a `dataclasses.replace`d copy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

# Quiet, offline-friendly Prefect: no analytics, warnings only, and time for a first start
# of the temporary server (it creates its database). Anything the user set wins.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # numpy's OpenBLAS starts a thread per core in every worker and commit process, and after
    # each small product (language identification) they spin: on 2 cores, alternating runs of
    # 5,000 stories took 0.8-1.2 s longer to process and 0.4-0.6 s longer to commit.
    "OPENBLAS_NUM_THREADS": "1",
}


@dataclass
class Limits:
    max_file_bytes: int = 256 * 2**20  # one raw file as delivered
    max_unpacked_bytes: int = 512 * 2**20  # everything unpacked from one delivered file
    max_member_bytes: int = 64 * 2**20  # one member of an archive / one WARC record
    max_compression_ratio: int = 200  # text deflates ~5:1; zeros (bombs) ~1000:1
    max_members: int = 100_000  # members of one archive
    max_container_depth: int = 4  # zip in tar.gz in ... (each level counts)
    max_xml_depth: int = 256  # element nesting (libxml2 itself stops at 256 without XML_PARSE_HUGE)
    max_json_depth: int = 100  # array / object nesting in a JSON document (ninjs)
    max_story_chars: int = 1_000_000  # headline + body of one story, in characters

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"WIRELAKE_{f.name.upper()}")
            if raw:
                values[f.name] = int(raw)
        return cls(**values)


@dataclass(frozen=True)
class Settings:
    batch_timeout_s: float = 3600.0  # a batch past this is stopped (its worker killed) and retried
    lock_timeout_s: float = 600.0  # a second writer waits this long for the lake's lock, then fails
    ner_model: Path | None = None  # None: tasks/entities/model/model.crfsuite
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        return cls(
            batch_timeout_s=float(env.get("WIRELAKE_BATCH_TIMEOUT_S", cls.batch_timeout_s)),
            lock_timeout_s=float(env.get("WIRELAKE_LOCK_TIMEOUT_S", cls.lock_timeout_s)),
            ner_model=Path(env["WIRELAKE_NER_MODEL"]) if env.get("WIRELAKE_NER_MODEL") else None,
            limits=Limits.from_env(),
        )


SETTINGS = Settings.from_env()
LIMITS = SETTINGS.limits
