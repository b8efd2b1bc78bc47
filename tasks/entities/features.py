"""CRF features of each token: the word, its shape and affixes, gazetteer membership, known
phrases, the rule-based recogniser's label, neighbours, and whether the document also writes the
word in lower case.

The rule labels (rules.py) and the word lists (data/, via gazetteer.py and lexicon.py) are
features: the shipped model was trained on them as they were, so a change to the rules, the
lists or these features needs the model retrained (`python -m tasks.entities.training.train`).

    document_features(text, spans, sents, rule_entities) -> one list of feature lists per sentence

Word-level features are cached per word form (the same few thousand words recur in wire copy),
so a token costs a few list concatenations.
"""

from __future__ import annotations

from tasks.entities import gazetteer
from tasks.entities.lexicon import PHRASE_MAXLEN, PHRASES

_CACHE_LIMIT = 200_000
_word_cache: dict[str, tuple[list[str], list[str], list[str], str]] = {}
# Lower-case words of the training text (written by training/train.py beside the model): a
# capitalised word whose lower-case form is not among them is likely a name ("oov").
_common: frozenset[str] = frozenset()
_common_from: str | None = None


def set_common(words) -> None:
    global _common
    _common = frozenset(words)
    _word_cache.clear()


def load_common(path) -> None:
    """Load the word list once per path (a missing file leaves the feature off)."""
    global _common_from
    if _common_from == str(path):
        return
    try:
        words = path.read_text(encoding="utf-8").split()
    except OSError:
        words = []
    set_common(words)
    _common_from = str(path)


def _words(phrases) -> frozenset[str]:
    return frozenset(w for p in phrases for w in p.replace("-", " - ").split())


_TITLE_WORDS = _words(gazetteer.TITLES) - {"of", "the", "-"}
_LOWER_TITLE_WORDS = _words(gazetteer.LOWER_TITLES) - {"of", "the", "-"}
_SURNAME_SUFFIXES = gazetteer.SURNAME_SUFFIXES


def _shape(word: str) -> str:
    """Short word shape, runs of a class collapsed: "Al-Sarraj" -> "Xx-Xx", "U.S." -> "X.X."."""
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _gaz_flags(word: str) -> list[str]:
    """Single-word gazetteer memberships (case as written, plus title case of ALL-CAPS words)."""
    flags = []
    forms = (word, word.title()) if word.isupper() and len(word) > 3 else (word,)
    for w in forms:
        if w in gazetteer.FIRST_NAMES:
            flags.append("fn")
        if w in gazetteer.SURNAMES or (len(w) > 4 and w.endswith(_SURNAME_SUFFIXES)):
            flags.append("sn")
        if w in _TITLE_WORDS:
            flags.append("tw")
        if w in gazetteer.ORG_HEADS:
            flags.append("oh")
        if w in gazetteer.LOC_HEADS:
            flags.append("lh")
        if w in gazetteer.LOC_PREFIXES:
            flags.append("lp")
        if w in gazetteer.MISC_HEADS:
            flags.append("mh")
        if w in gazetteer.NON_ENTITY_WORDS:
            flags.append("ne")
        if w in gazetteer.CALENDAR_WORDS:
            flags.append("cal")
        if w in gazetteer.NON_ENTITY_ACRONYMS:
            flags.append("nea")
        if w in gazetteer.NATIONALITIES:
            flags.append("nat")
    if word in _LOWER_TITLE_WORDS:
        flags.append("lt")
    return flags


def _word_features(word: str):
    """(own features, as left neighbour, as right neighbour, shape) of a word form, cached."""
    cached = _word_cache.get(word)
    if cached is not None:
        return cached
    low = word.lower()
    shape = _shape(word)
    flags = _gaz_flags(word)
    own = ["b", "w=" + low, "s=" + shape, "x2=" + low[-2:], "x3=" + low[-3:], "p2=" + low[:2]]
    if word[:1].isupper():
        own.append("cap")
        if word.isupper() and len(word) > 1:
            own.append("allcap")
        if _common and low.isalpha():
            own.append("oov" if low not in _common else "common")
    own += ["g=" + f for f in flags]
    left = ["-w=" + low, "-s=" + shape] + ["-g=" + f for f in flags]
    right = ["+w=" + low, "+s=" + shape] + ["+g=" + f for f in flags]
    if len(_word_cache) > _CACHE_LIMIT:
        _word_cache.clear()
    cached = _word_cache[word] = (own, left, right, low)
    return cached


def _phrase_tags(words: list[str]) -> list[str | None]:
    """Longest known place/organisation/nationality phrase at each capitalised token: "LOC-B" ..."""
    n = len(words)
    tags: list[str | None] = [None] * n
    i = 0
    while i < n:
        w = words[i]
        maxlen = PHRASE_MAXLEN.get(w) if w[:1].isupper() else None
        if maxlen:
            for length in range(min(maxlen, n - i), 0, -1):
                kind = PHRASES.get(tuple(words[i : i + length]))
                if kind is not None:
                    tags[i] = kind + "-B"
                    for k in range(i + 1, i + length):
                        tags[k] = kind + "-I"
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return tags


def rule_tags(spans: list[tuple[int, int]], entities) -> list[str | None]:
    """The rule-based label of each token: "B-PERSON", "I-ORG" ... or None."""
    tags: list[str | None] = [None] * len(spans)
    if not entities:
        return tags
    k = 0
    ents = list(entities)
    for i, (s, e) in enumerate(spans):
        while k < len(ents) and ents[k].end <= s:
            k += 1
        if k == len(ents):
            break
        ent = ents[k]
        if ent.start <= s and e <= ent.end:
            tags[i] = ("B-" if s == ent.start else "I-") + ent.type
    return tags


def document_features(text, spans, sents, rule_entities) -> list[list[list[str]]]:
    words = [text[s:e] for s, e in spans]
    rules = rule_tags(spans, rule_entities)
    lower_seen = {w for w in words if w.islower()}
    out = []
    for i0, j0 in sents:
        sw = words[i0:j0]
        infos = [_word_features(w) for w in sw]
        phrases = _phrase_tags(sw)
        srules = rules[i0:j0]
        n = len(sw)
        seq = []
        for i in range(n):
            own, _, _, low = infos[i]
            f = list(own)
            if i == 0:
                f.append("bos")
            else:
                f += infos[i - 1][1]
                if i >= 2:
                    f.append("--w=" + infos[i - 2][3])
            if i + 1 < n:
                f += infos[i + 1][2]
                if i + 2 < n:
                    f.append("++w=" + infos[i + 2][3])
            else:
                f.append("eos")
            if phrases[i]:
                f.append("ph=" + phrases[i])
            # The rules' labels feed the CRF here: change rules.py and the model must be
            # retrained (python -m tasks.entities.training.train; see training/train.py).
            if srules[i]:
                f.append("r=" + srules[i])
            if i and srules[i - 1]:
                f.append("-r=" + srules[i - 1])
            if i + 1 < n and srules[i + 1]:
                f.append("+r=" + srules[i + 1])
            if low in lower_seen and not sw[i].islower():
                f.append("lowseen")
                if i == 0:
                    f.append("bos_lowseen")
            seq.append(f)
        out.append(seq)
    return out
