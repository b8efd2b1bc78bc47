"""CRF tagging of a whole text into PERSON/ORG/LOC character spans.

    tag_spans(text, rule_entities) -> [(start, end, type)]     sorted, non-overlapping

The model (model/model.crfsuite, trained by tasks.entities.training.train) is opened once per
thread: a crfsuite Tagger is not safe to share between threads. Its word list (model.words)
is loaded with it. WIRELAKE_NER_MODEL=/path/x.crfsuite selects another model (held-out runs).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pycrfsuite

from tasks.entities import features
from tasks.entities.features import document_features
from tasks.entities.tokens import sentences, tokenize
from tasks.settings import SETTINGS

MODEL_PATH = Path(__file__).resolve().parent / "model" / "model.crfsuite"
# another model (and its word list beside it) for held-out evaluation: bench, experiments
_MODEL = Path(SETTINGS.ner_model or MODEL_PATH)
_local = threading.local()


def _tagger() -> pycrfsuite.Tagger:
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        features.load_common(words_path(_MODEL))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(_MODEL))
        _local.tagger = tagger
    return tagger


def tag_spans(text: str, rule_entities, model: pycrfsuite.Tagger | None = None):
    spans = tokenize(text)
    if not spans:
        return []
    tagger = model or _tagger()  # first: loading it loads the word list the features use
    sents = sentences(text, spans)
    feats = document_features(text, spans, sents, rule_entities)
    out = []
    for (i0, _), xseq in zip(sents, feats):
        if not _has_capital(text, spans, i0, len(xseq)):
            continue  # no capitalised token: nothing to find, skip the CRF
        labels = tagger.tag(xseq)
        out += labels_to_spans(labels, spans[i0 : i0 + len(labels)])
    return out


def words_path(model: Path) -> Path:
    """The common-word list trained with a model: model.crfsuite -> model.words."""
    return Path(model).with_suffix(".words")


def _has_capital(text, spans, i0, n) -> bool:
    return any(text[spans[k][0]].isupper() for k in range(i0, i0 + n))


def labels_to_spans(labels, spans):
    """BIO labels to (start, end, type); an I- that does not continue its type starts a span."""
    out = []
    cur = None
    for label, (s, e) in zip(labels, spans):
        if label == "O":
            cur = None
            continue
        kind = label[2:]
        if label[0] == "I" and cur is not None and cur[2] == kind:
            cur[1] = e
        else:
            cur = [s, e, kind]
            out.append(cur)
    return [tuple(c) for c in out]
