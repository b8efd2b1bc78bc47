"""HTML extraction over the test pages: 4-gram F1 against the hand-made bodies and ms/page,
for wirelake's html reader and for trafilatura with its defaults.

    .venv/bin/python bench/bench_extraction.py

The page set and the measure live here; tests/formats/test_html.py loads this file to hold
the reader to them (tests import bench, never the other way round).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.formats import html  # noqa: E402
from tasks.records import RawFile  # noqa: E402

# The html fixtures that come with a hand-made body (<page>.expected.txt) are the article pages.
HTML_DIR = ROOT / "tests" / "fixtures" / "formats" / "html"
ARTICLE_PAGES = sorted(p.stem for p in HTML_DIR.glob("*.html") if (HTML_DIR / f"{p.stem}.expected.txt").exists())


def four_gram_f1(predicted: str, expected: str) -> float:
    """Word 4-gram overlap F1, the measure of the public extraction benchmark."""
    def grams(text: str) -> Counter:
        words = re.findall(r"\w+", text.casefold())
        return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))
    got, want = grams(predicted), grams(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def main(rounds: int = 5) -> None:
    rows = []
    for name in ARTICLE_PAGES:
        data = (HTML_DIR / f"{name}.html").read_bytes()
        expected = (HTML_DIR / f"{name}.expected.txt").read_text(encoding="utf-8")
        start = time.perf_counter()
        for _ in range(rounds):
            story = next(html.read(RawFile(name, data)))
        ours_ms = (time.perf_counter() - start) * 1000 / rounds
        start = time.perf_counter()
        for _ in range(rounds):
            default = trafilatura.extract(html.decode_html(data)) or ""
        default_ms = (time.perf_counter() - start) * 1000 / rounds
        rows.append((name, four_gram_f1("\n".join(story.paragraphs), expected), ours_ms,
                     four_gram_f1(default, expected), default_ms))
    print(f"{'page':32} {'F1':>6} {'ms':>6} {'default F1':>11} {'ms':>6}")
    for name, f1, ms, d_f1, d_ms in rows:
        print(f"{name:32} {f1:6.3f} {ms:6.1f} {d_f1:11.3f} {d_ms:6.1f}")
    n = len(rows)
    print(f"{'mean':32} {sum(r[1] for r in rows) / n:6.3f} {sum(r[2] for r in rows) / n:6.1f}"
          f" {sum(r[3] for r in rows) / n:11.3f} {sum(r[4] for r in rows) / n:6.1f}")


if __name__ == "__main__":
    main()
