"""Train tasks/entities/model/model.crfsuite from UNER EWT (dev + test) and generated wire sentences.

    .venv/bin/python -m tasks.entities.training.train      # writes tasks/entities/model/model.crfsuite
    .venv/bin/python -m tasks.entities.training.train --heldout ewt-test --out /tmp/ho.crfsuite
        # train on the rest, score ewt-test (CRF alone); then the whole stage, held out:
    WIRELAKE_NER_MODEL=/tmp/ho.crfsuite .venv/bin/python bench/bench_entities.py --data ewt-test

Retrain after any change to tasks/entities/rules.py, the word lists it reads (data/) or the
features (features.py): the rule labels and the lists are CRF features.

Each run writes the model and, beside it, its word list (model.words: lower-case words of
the training text, see tasks.entities.features). To replace the shipped model, train to a
temporary path and move both files into tasks/entities/model/ (words first).

The UNER files are read from ../shared/eval/ner (CC BY-SA 4.0, see model/ATTRIBUTION.md); wire
sentences come from training/wiresynth.py with a fixed seed, so a run is reproducible: the same
code, data files and packages give the same model and word list byte for byte (whatever
PYTHONHASHSEED; the trainer adds sentences in a fixed order, L-BFGS has no randomness). The shipped
model/model.crfsuite and model.words are the output of the first command above, unchanged.
(census.py reads its ordinary words from data/ordinary_words.txt, not from model.words: the
names feed the generated text whose words model.words lists, so reading it back made each retrain
differ from the last.)
Each document is tokenised and featurised exactly as at run time (rule-based labels included),
and gold character spans are projected onto the tokens as BIO labels.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from collections import Counter

from tasks.entities import features, rules
from tasks.entities.training import wiresynth
from tasks.entities.features import document_features
from tasks.entities.tagger import MODEL_PATH, labels_to_spans, words_path
from tasks.entities.tokens import sentences, tokenize
from tasks.entities.training.uner import documents, read_iob2

SHARED = Path(__file__).resolve().parents[4] / "shared" / "eval" / "ner"
EWT = {"ewt-dev": "en_ewt-ud-dev.iob2", "ewt-test": "en_ewt-ud-test.iob2"}
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def bio_labels(spans, gold) -> list[str]:
    """Token labels from gold character spans; a token straddling a span border is O."""
    labels = ["O"] * len(spans)
    for gs, ge, kind in gold:
        first = True
        for i, (s, e) in enumerate(spans):
            if s >= gs and e <= ge:
                labels[i] = ("B-" if first else "I-") + kind
                first = False
    return labels


def examples(docs):
    """(feature sequence, label sequence) per sentence of each (text, gold spans) document."""
    for text, gold in docs:
        spans = tokenize(text)
        if not spans:
            continue
        sents = sentences(text, spans)
        feats = document_features(text, spans, sents, rules.find_entities(text))
        labels = bio_labels(spans, sorted(gold))
        for (i, j), xseq in zip(sents, feats):
            yield xseq, labels[i:j]


def ewt_docs(names):
    return [d for name in names for d in documents(read_iob2(SHARED / EWT[name]))]


def common_words(docs, min_count: int = 1) -> list[str]:
    """Words written in lower case at least min_count times in the training texts."""
    counts = Counter()
    for text, _ in docs:
        for s, e in tokenize(text):
            w = text[s:e]
            if w.islower() and w.isalpha():
                counts[w] += 1
    return sorted(w for w, c in counts.items() if c >= min_count)


def train(docs, out: Path, params=PARAMS) -> None:
    words = common_words(docs)
    features.set_common(words)
    words_path(out).write_text("\n".join(words) + "\n", encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in examples(docs):
        trainer.append(xseq, yseq)
        n += 1
    trainer.set_params(params)
    t0 = time.time()
    trainer.train(str(out))
    print(f"trained on {n} sentences in {time.time() - t0:.0f} s -> {out}")


def evaluate(model: Path, docs) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp = fp = fn = 0
    for text, gold in docs:
        spans = tokenize(text)
        sents = sentences(text, spans)
        feats = document_features(text, spans, sents, rules.find_entities(text))
        pred = set()
        for (i, _), xseq in zip(sents, feats):
            pred.update(labels_to_spans(tagger.tag(xseq), spans[i : i + len(xseq)]))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"held-out: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--heldout", choices=list(EWT), help="leave this EWT part out and score it")
    ap.add_argument("--synth", type=int, default=wiresynth.DEFAULT_DOCS,
                    help="generated wire documents")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularisation")
    args = ap.parse_args()
    names = [n for n in EWT if n != args.heldout]
    docs = ewt_docs(names) + wiresynth.documents(args.synth, seed=0)
    out = args.out
    if args.heldout and out == MODEL_PATH:  # never overwrite the shipped model with a test one
        out = Path("/tmp/wirelake-ner-heldout.crfsuite")
    train(docs, out, {**PARAMS, "c1": args.c1, "c2": args.c2})
    if args.heldout:
        evaluate(out, ewt_docs([args.heldout]))


if __name__ == "__main__":
    main()
