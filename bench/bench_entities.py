"""Entity-stage benchmark: F1 per type on UNER news sentences, and words/s per core.

    .venv/bin/python bench/bench_entities.py                       # PUD news (ids "n...")
    .venv/bin/python bench/bench_entities.py --data ewt-dev --errors 40
    .venv/bin/python bench/bench_entities.py --data gum        # GUM news, whole; gum-test: nasa+sensitive
    .venv/bin/python bench/bench_entities.py --impl tasks.entities.rules:find_entities
    WIRELAKE_NER_MODEL=/tmp/ho.crfsuite .venv/bin/python bench/bench_entities.py --data ewt-test
        # with a model trained without ewt-test (python -m tasks.entities.training.train
        # --heldout ewt-test --out /tmp/ho.crfsuite): the shipped model has seen both EWT files

Quality: each document (sentences of one `newdoc`, or of one GUM document, joined by spaces, as in an article body) goes
through find_entities; a predicted PERSON/ORG/LOC counts when its character span and type equal
a gold one (gold PER -> PERSON; MISC predictions are ignored, the gold has none).
Speed: CPU time (time.process_time) of find_entities over article bodies made by
tasks.synth.make_story, reported as words per second of one core; then the same for the whole
entity stage as the pipeline runs it (entities with places, quotes, amounts). Not a test: the
figures depend on the machine. Reads ../shared (UNER, CC BY-SA 4.0); never copies it.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.entities.training.uner import documents, read_gum, read_iob2  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval" / "ner"
DATASETS = {
    "pud": ("en_pud-ud-test.iob2", "n"),
    "pud-wiki": ("en_pud-ud-test.iob2", "w"),
    "ewt-dev": ("en_ewt-ud-dev.iob2", ""),
    "ewt-test": ("en_ewt-ud-test.iob2", ""),
}
# GUM news (Wikinews, held out: evaluation only, never tuned on): the whole set, and GUM's
# official test and dev documents (README-GUM.md in ../shared/eval/ner).
GUM = "gum_news-ner.iob2"
GUM_SETS = {"gum": (), "gum-test": ("nasa", "sensitive"), "gum-dev": ("homeopathic", "iodine")}
TYPES = ("PERSON", "ORG", "LOC")


def score(find, docs, show_errors: int = 0) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 per type and overall ("ALL")."""
    tp = {t: 0 for t in TYPES}
    fp = dict(tp)
    fn = dict(tp)
    errors = []
    for text, gold in docs:
        pred = {(e.start, e.end, e.type) for e in find(text) if e.type in TYPES}
        for s in pred | gold:
            t = s[2]
            if s in pred and s in gold:
                tp[t] += 1
            elif s in pred:
                fp[t] += 1
                errors.append(("FP", text[s[0]:s[1]], t, _context(text, s)))
            else:
                fn[t] += 1
                errors.append(("FN", text[s[0]:s[1]], t, _context(text, s)))
    for err in errors[:show_errors]:
        print("  %s %-8s %-28r %s" % (err[0], err[2], err[1], err[3]))
    out = {t: _prf(tp[t], fp[t], fn[t]) for t in TYPES}
    out["ALL"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def _context(text, span, width=40):
    s, e, _ = span
    return text[max(0, s - width):s] + "[" + text[s:e] + "]" + text[e:e + width]


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speed_corpus(n_stories: int, seed: int = 0) -> list[str]:
    """Article bodies as the pipeline sees them: synthetic wire stories, paragraphs joined."""
    sys.path.insert(0, str(ROOT))
    from tasks.synth import make_story

    rng = random.Random(seed)
    return ["\n\n".join(make_story(rng, i).paragraphs) for i in range(n_stories)]


def words_per_second(find, bodies: list[str], repeat: int = 3) -> float:
    words = sum(len(b.split()) for b in bodies)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for body in bodies:
            find(body)
        best = min(best, time.process_time() - t0)
    return words / best


def whole_entity_stage(body: str) -> None:
    """What the pipeline runs per article body after parsing: entities, places, quotes, amounts."""
    from tasks.entities import entity_rows
    from tasks.pipeline import quote_and_amount_rows

    article = {"article_id": "a", "body": body, "paragraphs": body.split("\n\n"), "pub_date": None}
    quote_and_amount_rows(article, entity_rows(article))


def load(impl: str):
    sys.path.insert(0, str(ROOT))
    module, _, name = impl.partition(":")
    return getattr(importlib.import_module(module), name or "find_entities")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--impl", default="tasks.entities:find_entities")
    ap.add_argument("--data", default="pud", choices=[*DATASETS, *GUM_SETS, "none"])
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    ap.add_argument("--stories", type=int, default=300, help="synthetic bodies for speed (0: skip)")
    args = ap.parse_args()
    find = load(args.impl)
    if args.data != "none":
        if args.data in GUM_SETS:
            docs = documents(read_gum(SHARED / GUM, GUM_SETS[args.data]))
        else:
            file, prefix = DATASETS[args.data]
            docs = documents(read_iob2(SHARED / file, prefix))
        n_gold = sum(len(g) for _, g in docs)
        print(f"{args.data}: {len(docs)} documents, {n_gold} gold entities ({args.impl})")
        for t, (p, r, f) in score(find, docs, args.errors).items():
            print(f"  {t:<7} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.stories:
        bodies = speed_corpus(args.stories)
        find(bodies[0])  # warm-up: lazy model load
        wps = words_per_second(find, bodies)
        print(f"speed: {wps:,.0f} words/s per core (CPU time, {len(bodies)} synthetic bodies)")
        if args.impl == ap.get_default("impl"):
            whole_entity_stage(bodies[0])
            wps = words_per_second(whole_entity_stage, bodies)
            print(f"whole entity stage (entities, places, quotes, amounts): {wps:,.0f} words/s per core")


if __name__ == "__main__":
    main()
