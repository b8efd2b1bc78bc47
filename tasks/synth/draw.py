"""Cheap random draws the story model, the slots, the renderers and the generator share.

Each takes one `rng.random()` per draw (cheaper than `choice` / `randint`). The corpus's
bytes depend on the exact order and number of draws: changing a call here changes every file.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from math import gcd
from typing import Any, Callable, Sequence


def pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[int(rng.random() * len(seq))]


_CUMULATIVE: dict[int, tuple[Sequence[tuple[Any, float]], list[Any], list[float], float]] = {}


def pick_weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    """One item of ((item, weight), ...) by weight. `pairs` should be a long-lived tuple."""
    entry = _CUMULATIVE.get(id(pairs))
    if entry is None or entry[0] is not pairs:
        cum, total = [], 0.0
        for _, w in pairs:
            total += w
            cum.append(total)
        entry = _CUMULATIVE[id(pairs)] = (pairs, [item for item, _ in pairs], cum, total)
    _, items, cum, total = entry
    return items[bisect_right(cum, rng.random() * total)]


def int_between(rng: random.Random, a: int, b: int) -> int:
    """An int in [a, b] (a cheaper randint)."""
    return a + int(rng.random() * (b - a + 1))


_STEPS: dict[int, tuple[int, ...]] = {}


class Cursor:
    """A story's walk through one template pool: a random start and a random stride
    coprime to the pool size, so no template repeats until the pool is spent (cheaper
    than drawing and remembering used ones)."""

    __slots__ = ("pool", "n", "pos", "step", "left")

    def __init__(self, pool: Sequence[str], rand: Callable[[], float]):
        n = self.n = self.left = len(pool)
        self.pool = pool
        self.pos = int(rand() * n)
        steps = _STEPS.get(n)
        if steps is None:
            steps = _STEPS[n] = tuple(k for k in range(1, max(n, 2)) if gcd(k, n) == 1) or (1,)
        self.step = steps[int(rand() * len(steps))]

    def next(self) -> str | None:
        if not self.left:
            return None
        self.left -= 1
        self.pos = p = (self.pos + self.step) % self.n
        return self.pool[p]


class StyleBits:
    """Uniform draws in [0, 1) from the bits of a seed: a renderer's layout choices,
    cheaper than a random.Random per file. Each draw uses 8 bits (64 bits: 8 draws)."""

    __slots__ = ("v",)

    def __init__(self, seed: int):
        self.v = seed

    def random(self) -> float:
        x = (self.v & 0xFF) / 256.0
        self.v >>= 8
        return x
