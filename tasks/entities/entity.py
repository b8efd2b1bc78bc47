"""The value find_entities returns (its own module, so that every step of the stage can use it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # character offset into text
    end: int  # exclusive; text[start:end] == self.text
    type: str  # "PERSON", "ORG", "LOC" or "MISC"
    text: str  # as written
    name: str  # canonical name within this text
    role: str | None = None  # title/role seen with a PERSON, e.g. "NATO Secretary General"
