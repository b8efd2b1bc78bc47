"""Reading UNER IOB2 files (Universal NER over UD treebanks) into texts with character spans.

    read_iob2(path, id_prefix) -> [(doc id, sentence text, [(start, end, type)])]
    read_gum(path, doc_names) -> the same for the GUM-news NER file (TOKEN<TAB>TAG lines)
    documents(sentences) -> [(text, {(start, end, type)})]   sentences of a doc joined by spaces

Types are mapped to ours (PER -> PERSON). Used by training/train.py and bench/bench_entities.py;
the files themselves stay in ../shared.
"""

from __future__ import annotations

from pathlib import Path

GOLD_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


def read_iob2(path: Path, id_prefix: str = "") -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Sentences as (doc id, text, gold spans (start, end, type)); offsets found in `# text`."""
    sentences = []
    doc = sent_id = text = None
    rows: list[tuple[str, str]] = []

    def flush():
        if text is not None and sent_id.startswith(id_prefix):
            sentences.append((doc, text, _gold_spans(text, rows)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            doc = line[14:].strip()
        elif line.startswith("# sent_id = "):
            sent_id = line[12:].strip()
            doc = doc or sent_id
        elif line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            flush()
            text, rows = None, []
        elif not line.startswith("#"):
            cols = line.split("\t")
            rows.append((cols[1], cols[2]))
    flush()
    return sentences


def read_gum(path: Path, doc_names: tuple[str, ...] = ()) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Sentences of the GUM-news NER file as read_iob2 gives them; only `doc_names` if given.

    Its token lines are TOKEN<TAB>TAG and may start with "#" ("#IStandWithAhmed"): a line with
    a TAB is a token line. There are no newdoc lines: the document is the sent_id without its
    "-N" ("GUM_news_nasa-12" -> "GUM_news_nasa").
    """
    sentences = []
    sent_id = text = None
    rows: list[tuple[str, str]] = []

    def flush():
        doc = sent_id.rpartition("-")[0] if sent_id else ""
        if text is not None and (not doc_names or doc.removeprefix("GUM_news_") in doc_names):
            sentences.append((doc, text, _gold_spans(text, rows)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            token, label = line.split("\t")[:2]
            rows.append((token, label))
        elif line.startswith("# sent_id = "):
            sent_id = line[12:].strip()
        elif line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            flush()
            text, rows = None, []
    flush()
    return sentences


def _gold_spans(text: str, rows: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Align tokens to the sentence text left to right and collect B-/I- runs as char spans."""
    spans: list[list] = []
    pos = 0
    for token, label in rows:
        at = text.find(token, pos)
        if at < 0 or at - pos > 10:  # a word form not in the surface text: keep the cursor
            start = end = pos
        else:
            start, end = at, at + len(token)
            pos = end
        if label.startswith("B-") or (label.startswith("I-") and not spans):
            spans.append([start, end, GOLD_TYPE[label[2:]]])
        elif label.startswith("I-"):
            spans[-1][1] = end
    return [tuple(s) for s in spans]


def documents(sentences) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Join the sentences of each document with one space, shifting gold offsets."""
    docs: dict[str, tuple[list[str], set]] = {}
    for doc, text, gold in sentences:
        parts, spans = docs.setdefault(doc, ([], set()))
        offset = sum(len(p) + 1 for p in parts)
        parts.append(text)
        spans.update((s + offset, e + offset, t) for s, e, t in gold)
    return [(" ".join(parts), spans) for parts, spans in docs.values()]
