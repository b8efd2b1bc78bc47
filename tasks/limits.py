"""Bounds that keep one hostile file from taking the run down (sizes, nesting, expansion).

Defaults suit wire copy with a wide margin; each can be changed through the environment
(`WIRELAKE_MAX_FILE_BYTES=...`) so a site with unusual files need not patch code.

`LIMITS` is one shared, mutable object: every module reads `LIMITS.<field>` at call time,
so tests lower a limit with `monkeypatch.setattr(tasks.limits.LIMITS, "max_file_bytes", ...)`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


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


LIMITS = Limits.from_env()
