"""Rule-based named entities (PERSON, ORG, LOC, MISC) in English news-wire copy.

Used by tasks.entities twice: its labels are CRF features, and its roles, MISC words and
acronym definitions complete the CRF output.

RETRAIN AFTER A CHANGE HERE: the label this module gives each token is a feature of the CRF
(features.py, "r=" features), so a change to these rules, or to the word lists they read
(data/), changes what the shipped model sees from what it was trained on. Retrain with
`python -m tasks.entities.training.train` (it writes model/model.crfsuite and model.words;
see training/train.py) and compare `bench/bench_entities.py` before and after.

    find_entities(text) -> list[Entity]    sorted by start, non-overlapping

How it works, in one pass over the text and one over the mentions found:
1. Candidates are runs of capitalised tokens ("Fayez Al-Sarraj", "U.S.", "J.", "Dr.") joined by
   single spaces and name connectors ("of", "the", "and", "de", "von", "bin", "al" ...).
2. Each run is cut left to right by the longest phrase known to `gazetteer.py` (places,
   organisations, nationality words, titles); what is left are unknown chunks. Sentence-initial
   common words and month/weekday names are dropped; a possessive "'s" ends a name and is
   left out of its span; "UN-backed" yields "UN".
3. Cues type the chunks: an organisation head ("Coast Guard", "Ministry of ...") makes an ORG
   and absorbs the place or nationality before it ("Libyan Coast Guard"); a place head or
   "in X" makes a LOC; a title before a name makes a PERSON and becomes its `role` (so does a
   one-word role capitalised to open a sentence: "Analyst Pieter de Jong"); so do a known
   first name or surname (name particles aside), a well-known person's full name (data/people.txt:
   "Jude Law" is no law), "said"/"told"/"added"/", who" or "(45)" after. A US place followed by
   a state's postal code is one place ("Washington DC"). An unknown
   acronym is an ORG. Nationality words ("Libyan") and names of events, laws and the like
   ("... Cup", "... Act") are MISC; so is a mid-sentence capitalised word nothing explains.
   A sentence-initial word nothing explains is dropped.
4. Canonical names are settled over the whole text: a surname or first name alone resolves
   to the full name seen elsewhere, "Islamic State (IS)" makes "IS" that organisation,
   country spellings and organisation aliases map to one name ("U.S." -> "United States").

`role` is the whole title phrase as written with the modifiers before it, e.g.
"NATO Secretary General", "Libyan Prime Minister", "NATO chief"; later mentions of the same
person that carry no title of their own inherit the first role seen.
"""

from __future__ import annotations

import re

from tasks.entities import gazetteer
from tasks.entities.entity import Entity
from tasks.entities.names import NAME_PARTICLES, is_initial, mention_keys

__all__ = ["find_entities"]


# --- Tables built once at import (read-only afterwards) -------------------------------------

_NAT, _LOC, _ORG, _MISC, _TITLE, _PERSON = "NAT", "LOC", "ORG", "MISC", "TITLE", "PERSON"
_UNK, _SKIP, _CONN = "UNK", "SKIP", "CONN"

_UP = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_ABBR = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Brig|Rev|Hon|Pres|St|Mt|Ft"
    "|Jr|Sr|Co|Corp|Inc|Ltd|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Tues|Thurs"
)
_TOK = (
    rf"(?:[{_UP}]\.){{2,}}(?:-[a-z]+)*"  # U.S.  U.N.  U.S.-led
    rf"|(?:{_ABBR})\.(?![^\W_])"  # Dr.  Gen.  Sept.
    rf"|(?:al|el|ad|ar|as|ash|at|az|ul|bin|ibn|abu)-[{_UP}][^\W_]*(?:['’-][^\W_]+)*"  # al-Sarraj
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # J. (an initial)
    rf"|[{_UP}][^\W_]*(?:['’&-][^\W_]+)*"  # NATO  Al-Sarraj  O'Brien  AT&T  UN-backed  NATO's
    r"|dpa(?![^\W_])"  # the German agency writes itself in lower case
)
_CONNECTORS = (
    "of|the|for|and|&|on|de|del|della|di|da|do|dos|das|du|des|van|von|der|den|la|le|les|bin|ibn"
    "|al|el|bint|y|zu|ter|ten"
)
# A run: capitalised tokens separated by one space, with up to three connectors between them.
_RUN = re.compile(
    rf"(?<![^\W_])(?:{_TOK})(?:[ \u00a0](?:(?:{_CONNECTORS})[ \u00a0]){{0,3}}(?:{_TOK}))*"
)
_PIECE = re.compile(rf"(?P<t>{_TOK})|(?P<c>{_CONNECTORS})(?=[ \u00a0])")

# Connectors that may continue an organisation/place name after its head ("Ministry of ...").
_COMPLEMENT_CONN = frozenset({"of", "for", "on"})
# Last words of a hyphenated modifier ("UN-backed", "Paris-based", "Russian-speaking").
_ADJ_WORDS = frozenset(
    "born era style run wide type like made bound centric level class free friendly specific"
    " only proof based".split()
)
_SKIP_PREFIXES = frozenset("Pro Anti Non Ex Mid Post Pre Neo Semi Multi".split())  # "Pro-Russian"
_HEAD_MODIFIERS = {"ORG": ("LOC", "NAT", "ORG"), "LOC": ("LOC",)}
_ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())
_ACRONYM = re.compile(rf"(?:[{_UP}]\.){{2,}}$|[{_UP}][{_UP}&]{{1,5}}$")


def _build_phrases() -> dict[tuple[str, ...], tuple[str, str]]:
    """Every known phrase, as a tuple of tokens -> (kind, canonical name). Later kinds win."""
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(phrase: str, kind: str, canon: str) -> None:
        toks = tuple(p.group() for p in _PIECE.finditer(phrase))
        if toks and "".join(toks) == phrase.replace(" ", ""):
            phrases[toks] = (kind, canon)

    for nat in gazetteer.NATIONALITIES:
        add(nat, _NAT, nat)
    for name in gazetteer.REGIONS:
        add(name, _LOC, name)
    for name in gazetteer.US_STATES:
        add(name, _LOC, name)
    for name in gazetteer.CITIES:
        add(name, _LOC, name)
    for name in gazetteer.COUNTRIES.values():
        add(name, _LOC, name)
    for variant, name in gazetteer.COUNTRY_VARIANTS.items():
        add(variant, _LOC, name)
    for canon, aliases in gazetteer.ORGANIZATIONS.items():
        add(canon, _ORG, canon)
        for alias in aliases:
            add(alias, _ORG, canon)
    for title in gazetteer.TITLES:
        add(title, _TITLE, title)
    return phrases


def _longest_by_first_token(phrases) -> dict[str, int]:
    longest: dict[str, int] = {}
    for key in phrases:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


_PHRASES = _build_phrases()
_FIRST_MAXLEN = _longest_by_first_token(_PHRASES)  # phrase-starting token -> longest length
_PHRASE_TOKENS = frozenset(t for key in _PHRASES for t in key)

_HONORIFICS = gazetteer.HONORIFICS
_SKIP_WORDS = gazetteer.NON_ENTITY_WORDS | gazetteer.CALENDAR_WORDS
_CUE_ONLY_LOWER = frozenset(
    {"counterpart", "colleague", "rival", "challenger", "incumbent", "successor", "predecessor"}
)
_LOWER_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:"
    + "|".join(re.escape(t) for t in sorted(gazetteer.LOWER_TITLES, key=len, reverse=True))
    + r")[ \u00a0]$"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says)[ \u00a0]$")
_LOC_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|across|capital|city of|town of|village of|province of|region of"
    r"|county of|island of|state of|capital of|district of)|\bthe (?:city|town|village|capital))"
    r"[ \u00a0]$"
)
_PERSON_AFTER = re.compile(
    r"(?:,?[ \u00a0](?:also |further |later |then |previously |earlier |has |had |was |is )?"
    r"(?:said|says|told|tells|added|adds|noted|notes|stated|explained|wrote|writes|tweeted"
    r"|stressed|argued|insisted|warned|claimed|recalled|replied|announced|confirmed|urged"
    r"|underlined|emphasized|emphasised|commented|observed|acknowledged|admitted|declared"
    r"|asked|believes|thinks|recalls|thought|explains|dismisses|dismissed|described|describes"
    r"|laughs|laughed|smiles|smiled|shrugs|shrugged|joked|jokes)\b"
    r"|,?[ \u00a0]who(?:se)?\b|[ \u00a0](?:himself|herself)\b|[ \u00a0]*\(\d{1,3}\)"
    r"|,[ \u00a0](?:now |aged )?\d{1,3},)"
)
_LOC_AFTER = re.compile(
    r"[ \u00a0](?:province|city|county|region|district|prefecture|state|village|town|river"
    r"|island|islands|port|municipality|governorate|oblast|neighbourhood|neighborhood)\b"
)
_ACRONYM_AFTER = re.compile(rf"[ \u00a0]\(((?:[{_UP}]\.){{2,}}|[{_UP}][{_UP}a-z&]{{1,7}})\)")
_NOT_ROLES = frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Sir", "Dame"})
_SENTENCE_END = frozenset("\n.!?:;•|")
_OPENERS = frozenset(" \t\u00a0\"“‘'([")


class _Mention:
    """A candidate entity while the text is being read (local to one call)."""

    __slots__ = (
        "start", "end", "kind", "text", "name", "role", "cue", "initial", "cores", "weak"
    )

    def __init__(self, start, end, kind, text, name, cores, initial, role=None):
        self.start = start
        self.end = end
        self.kind = kind  # a final type, or UNK / NAT until resolved
        self.text = text
        self.name = name
        self.role = role
        self.cue = None  # what the context says an unknown chunk is (see _cue)
        self.initial = initial  # first word of a sentence
        self.cores = cores  # its tokens, possessive and modifier tails cut off
        self.weak = False  # a lone head word ("Navy"), kept only in a few cases


# --- Reading one run -------------------------------------------------------------------------


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j < 0:
        return True
    ch = text[j]
    if ch in _SENTENCE_END:
        return True
    return ch in "—–-" and j + 1 < pos and text[j + 1] in " \u00a0"


def _tokens(text: str, start: int, end: int):
    """Tokens of one run: parallel lists of core text, start, end, and flags."""
    cores, starts, ends, kinds = [], [], [], []  # kinds: None token, "conn", "poss", "adj"
    for m in _PIECE.finditer(text, start, end):
        raw = m.group().replace("’", "'")
        s, e = m.span()
        if m.lastgroup == "c":
            cores.append(raw), starts.append(s), ends.append(e), kinds.append("conn")
            continue
        flag = None
        if raw[-2:] == "'s" and len(raw) > 2 and raw not in _PHRASE_TOKENS:
            raw, e, flag = raw[:-2], e - 2, "poss"
        elif "-" in raw and raw not in _PHRASE_TOKENS:
            cut = _adjective_cut(raw)
            if cut:
                raw, e, flag = raw[:cut], s + cut, "adj"
        if raw not in _PHRASE_TOKENS and len(raw) > 3 and raw.isupper():
            titled = raw.title()
            if titled in _PHRASE_TOKENS:
                raw = titled
        cores.append(raw), starts.append(s), ends.append(e), kinds.append(flag)
    return cores, starts, ends, kinds


def _adjective_cut(raw: str) -> int:
    """Length of the name in a hyphenated modifier ("UN-backed" -> 2), else 0.

    The lower-case tail must end in a modifier word, so that "Moon Jae-in" stays a name.
    """
    parts = raw.split("-")
    k = len(parts)
    while k > 1 and parts[k - 1].isascii() and parts[k - 1].isalpha() and parts[k - 1].islower():
        k -= 1
    if k == len(parts):
        return 0
    last = parts[-1]
    if (
        last in _ADJ_WORDS
        or (len(last) > 2 and last.endswith("ed"))
        or (len(last) > 3 and last.endswith("ing"))
    ):
        return len(raw) - len("-".join(parts[k:])) - 1
    return 0


def _phrase_at(cores, kinds, i, n):
    """Longest known phrase starting at token i: (length, (kind, canon)) or (0, None).

    A phrase may end on a possessive or hyphen-adjective token but not run past it.
    """
    maxlen = _FIRST_MAXLEN.get(cores[i], 0)
    if not maxlen:
        return 0, None
    lim = i  # last token the phrase may include
    stop = min(n - 1, i + maxlen - 1)
    while lim < stop and kinds[lim] not in ("poss", "adj"):
        lim += 1
    for length in range(lim - i + 1, 0, -1):
        val = _PHRASES.get(tuple(cores[i : i + length]))
        if val is not None:
            return length, val
    return 0, None


def _first_name_before(segs, cores, kinds, i):
    """True when token i directly follows a first name inside an open unknown chunk."""
    return (
        bool(segs)
        and segs[-1][0] == _UNK
        and segs[-1][2] == i
        and kinds[i - 1] is None
        and cores[i - 1] in gazetteer.FIRST_NAMES
    )


def _segment(cores, kinds, n, role_first=False):
    """Cut a run into segments [kind, i, j, canon] covering tokens i..j-1.

    role_first: the first token is a role word capitalised to open a sentence ("Analyst
    Pieter de Jong"): a title, not the start of the name after it."""
    segs = []
    i = 0
    if role_first:
        segs.append([_TITLE, 0, 1, cores[0]])
        i = 1
    while i < n:
        core, flag = cores[i], kinds[i]
        if flag == "conn":
            segs.append([_CONN, i, i + 1, core])
            i += 1
            continue
        length, val = _phrase_at(cores, kinds, i, n)
        if length == 1 and val[0] in (_LOC, _NAT, _ORG) and flag is None:
            if _first_name_before(segs, cores, kinds, i):
                length = 0  # "Michael Jordan", "Lloyd Austin": a surname that is also a place
            elif (
                core in gazetteer.FIRST_NAMES
                and i + 1 < n
                and kinds[i + 1] is None
                and cores[i + 1] not in _FIRST_MAXLEN
                and cores[i + 1] not in _SKIP_WORDS
            ):
                length = 0  # "Christian Lindner": a first name that is also a place word
        if (length and val[0] == _LOC and i + length < n and kinds[i + length - 1] is None
                and kinds[i + length] in (None, "poss") and cores[i + length] in gazetteer.US_POSTAL_CODES
                and gazetteer.country_code(val[1]) == "US"):
            length += 1  # "Washington DC", "Austin TX": a US place and its state's postal code
        if length:
            segs.append([val[0], i, i + length, val[1]])
            i += length
            continue
        if core in _SKIP_WORDS or ("-" in core and core.split("-", 1)[0] in _SKIP_PREFIXES):
            # "Theresa May": a month right after a first name stays in the name
            if not (core in gazetteer.CALENDAR_WORDS and _first_name_before(segs, cores, kinds, i)):
                segs.append([_SKIP, i, i + 1, None])
                i += 1
                continue
        if flag == "adj":
            segs.append([_UNK, i, i + 1, None])
            i += 1
            continue
        # an unknown token extends the unknown chunk just before it, across name particles
        # ("Ursula von der Leyen"), unless that chunk ended on a possessive
        back = len(segs)
        while back > 0 and segs[back - 1][0] == _CONN and segs[back - 1][3] in NAME_PARTICLES:
            back -= 1
        prev = segs[back - 1] if back > 0 else None
        if prev is not None and prev[0] == _UNK and kinds[prev[2] - 1] is None:
            del segs[back:]
            prev[2] = i + 1
        else:
            segs.append([_UNK, i, i + 1, None])
        i += 1
    return segs


def _head_kind(core):
    if core in gazetteer.ORG_HEADS:
        return _ORG
    if core in gazetteer.LOC_HEADS:
        return _LOC
    if core in gazetteer.MISC_HEADS:
        return _MISC
    return None


def _apply_heads(segs, cores, kinds):
    """Type unknown chunks by their head word and merge modifiers and "of ..." complements."""
    out = []
    k = 0
    nseg = len(segs)
    while k < nseg:
        seg = segs[k]
        if seg[0] != _UNK:
            out.append(seg)
            k += 1
            continue
        i, j = seg[1], seg[2]
        last = j - 1
        while last > i and cores[last] in _ROMAN:
            last -= 1
        head = _head_kind(cores[last]) if kinds[j - 1] != "adj" else None
        if head is not None and " ".join(cores[i:j]) in gazetteer.PEOPLE:
            head = None  # "Jude Law", "Margaret Court": a well-known person, not a law or a court
        if head is None and j - i >= 2 and cores[i] in gazetteer.LOC_PREFIXES:
            head = _LOC
        if head is None and j - i == 1 and cores[i] in gazetteer.LOC_PREFIXES and k + 1 < nseg:
            nxt = segs[k + 1]
            if nxt[1] == j and nxt[0] in (_LOC, _UNK) and kinds[i] is None:
                # "Lake Victoria", "Mount Sinai"
                out.append([_LOC, i, nxt[2], None])
                k += 2
                continue
        if head is None:
            out.append(seg)
            k += 1
            continue
        # absorb adjacent modifiers before the head: "Libyan Coast Guard", "U.S. Army"
        modifiers = _HEAD_MODIFIERS.get(head, ())
        while out and out[-1][0] in modifiers and kinds[i - 1] is None:
            i = out.pop()[1]
        new = [head, i, j, None]
        k += 1
        # "Ministry of Foreign Affairs", "University of North Carolina", "Gulf of Aden"
        if kinds[j - 1] is None:
            k = _absorb_complement(new, segs, k, cores, kinds)
        if new[2] - new[1] == 1:
            new[0] = _UNK  # a lone head word ("Navy", "Street") is typed later, weakly
        out.append(new)
    # "Procter & Gamble": unknown chunks joined by "&" name one organisation
    merged = []
    for seg in out:
        if (
            len(merged) >= 2
            and seg[0] == _UNK
            and merged[-1][0] == _CONN
            and merged[-1][3] == "&"
            and merged[-2][0] in (_UNK, _ORG)  # "Kirk & Ellis & Bowe"; not a known ORG:
            and merged[-2][3] is None  # "Apple & Google" stay two
            and kinds[merged[-2][2] - 1] is None
        ):
            left = merged[-2]
            del merged[-2:]
            seg = [_ORG, left[1], seg[2], None]
        merged.append(seg)
    return merged


def _absorb_complement(new, segs, k, cores, kinds):
    nseg = len(segs)
    first = True
    while k + 1 < nseg:
        conn = segs[k]
        if conn[0] != _CONN:
            break
        word = conn[3]
        if first and word not in _COMPLEMENT_CONN:
            break
        if not first and word not in ("of", "for", "on", "and", "&"):
            break
        m = k + 1
        if m < nseg and segs[m][0] == _CONN and segs[m][3] == "the" and word not in ("and", "&"):
            m += 1
        if m >= nseg:
            break
        tgt = segs[m]
        allowed = (_UNK,) if word in ("and", "&") else (_UNK, _LOC, _ORG, _NAT)
        if tgt[0] not in allowed:
            break
        new[2] = tgt[2]
        k = m + 1
        first = False
        # adjacent words continue the same name: "Association of Muslim Scholars"
        while k < nseg and segs[k][0] in (_UNK, _LOC, _NAT) and kinds[new[2] - 1] is None:
            new[2] = segs[k][2]
            k += 1
        if kinds[new[2] - 1] is not None:
            break
    return k


# --- The whole text --------------------------------------------------------------------------


def find_entities(text: str) -> list[Entity]:
    """Named entities of an article body, sorted by start and non-overlapping."""
    if not text:
        return []
    mentions: list[_Mention] = []
    prev_end = -10
    prev_mod_start = None  # start of the trailing modifier chain of the previous run
    for run in _RUN.finditer(text):
        rs, re_ = run.span()
        cores, starts, ends, kinds = _tokens(text, rs, re_)
        n = len(cores)
        if not n:
            continue
        initial = _sentence_initial(text, rs)
        segs = _apply_heads(_segment(cores, kinds, n, initial and _opening_role(cores, kinds, n)),
                            cores, kinds)
        # a lower-case title just before the run: "NATO chief Jens Stoltenberg"
        lower_role = None
        lower_cue = False
        if not initial:
            lt = _LOWER_TITLE_BEFORE.search(text, max(0, rs - 40), rs)
            if lt is not None:
                lower_cue = True
                word = lt.group().strip()
                if word not in _CUE_ONLY_LOWER:
                    lower_role = word
                    if prev_mod_start is not None and prev_end == lt.start() - 1:
                        lower_role = text[prev_mod_start : rs].strip()
        chain = None  # first token of the current modifier/title chain ("NATO Secretary General")
        title_end = None  # token after the chain's last title; None while no title is seen
        for k, (kind, i, j, canon) in enumerate(segs):
            if kind == _SKIP or kind == _CONN:
                if not (kind == _CONN and title_end is not None and canon in ("of", "the")):
                    chain = title_end = None
                continue
            if kind == _TITLE:
                if chain is None:
                    chain = i
                title_end = j
                continue
            s, e = starts[i], ends[j - 1]
            seg_cores = cores[i:j]
            at_start = initial and i == 0
            role = None
            person = False
            if title_end is not None:
                if segs[k - 1][0] == _CONN and kind in (_LOC, _ORG):
                    # "Prime Minister of Israel ...": the complement belongs to the title
                    mentions.append(_Mention(s, e, kind, text[s:e], _canon(kind, canon, seg_cores),
                                             seg_cores, at_start))
                    title_end = j
                    continue
                honorific = cores[title_end - 1] in _HONORIFICS  # "Mr. Jordan"
                if kind == _UNK or (j - i == 1 and kind in (_LOC, _NAT, _ORG) and honorific):
                    person = True
                    role = text[starts[chain] : ends[title_end - 1]]
                    if role in _NOT_ROLES:
                        role = None
            elif k == 0 and lower_cue and kind == _UNK:
                person = True
                role = lower_role
            etext = text[s:e]
            if person:
                m = _Mention(s, e, _PERSON, etext, None, seg_cores, at_start, role=role)
            elif kind == _UNK:
                m = _Mention(s, e, _UNK, etext, None, seg_cores, at_start)
                m.cue = _cue(text, s, e, kinds[j - 1])
                m.weak = j - i == 1 and _head_kind(cores[i]) is not None
            else:
                m = _Mention(s, e, kind, etext, _canon(kind, canon, seg_cores), seg_cores, at_start)
            mentions.append(m)
            if not person and (kind in (_LOC, _NAT, _ORG) or kinds[j - 1] == "adj"):
                # this segment may modify a title that follows
                if chain is None or title_end is not None:
                    chain = i
                title_end = None
            else:
                chain = title_end = None
        # remember the trailing modifier chain for a lower-case title after this run
        prev_end = re_
        prev_mod_start = None
        if segs and segs[-1][0] in (_LOC, _NAT, _ORG):
            t = len(segs) - 1
            while t > 0 and segs[t - 1][0] in (_LOC, _NAT, _ORG) and segs[t - 1][2] == segs[t][1]:
                t -= 1
            prev_mod_start = starts[segs[t][1]]
    return _resolve(text, mentions)


def _opening_role(cores, kinds, n):
    """"Analyst Pieter de Jong said", "Striker Lionel Messi scored": a one-word role (a lower-case
    title, data/lower_titles.txt) capitalised to open a sentence, before a name; not a known
    phrase's first word nor a first name itself ("Dean Smith")."""
    first = cores[0]
    return (n >= 2 and kinds[0] is None and kinds[1] is None and first[1:].islower()
            and first.lower() in gazetteer.ROLE_WORDS and first not in _FIRST_MAXLEN
            and first not in gazetteer.FIRST_NAMES)


def _canon(kind, canon, cores):
    return canon if canon is not None and kind in (_LOC, _ORG) else " ".join(cores)


def _cue(text, s, e, last_flag):
    """What the words around an unknown chunk say it is: "PERSON", "LOC", "said", "adj" or None."""
    if last_flag == "adj":
        return _LOC if text.startswith("-based", e) else "adj"
    if _PERSON_AFTER.match(text, e):
        return _PERSON
    if last_flag != "poss" and _LOC_BEFORE.search(text, max(0, s - 20), s):
        return _LOC
    if _LOC_AFTER.match(text, e):
        return _LOC
    if _SAID_BEFORE.search(text, max(0, s - 10), s):
        return "said"
    return None


def _surname_like(word):
    return word in gazetteer.SURNAMES or (len(word) > 4 and word.endswith(gazetteer.SURNAME_SUFFIXES))


def _is_acronym(cores):
    return len(cores) == 1 and _ACRONYM.match(cores[0]) is not None


def _resolve(text, mentions):
    # Acronym definitions: "Islamic State (IS)" -> IS means the Islamic State.
    aliases: dict[str, _Mention] = {}
    for m in mentions:
        if m.kind in (_ORG, _LOC, _UNK) and len(m.cores) >= 2:
            a = _ACRONYM_AFTER.match(text, m.end)
            if a is not None:
                aliases.setdefault(a.group(1), m)

    # Multi-word unknowns: typed now, so that single words can resolve against them.
    lone_words = {m.cores[0] for m in mentions if m.kind == _UNK and len(m.cores) == 1}
    for m in mentions:
        if m.kind != _UNK or len(m.cores) < 2:
            continue
        cores = m.cores
        if (cores[0] in gazetteer.FIRST_NAMES or any(is_initial(c) for c in cores[:-1])
                or " ".join(cores) in gazetteer.PEOPLE):
            m.kind = _PERSON
        elif m.cue in (_PERSON, "said"):
            m.kind = _PERSON
        elif m.cue == _LOC:
            m.kind = _LOC
        elif all(c[:1].isupper() and not c.isupper() for c in cores if c not in NAME_PARTICLES) and (
            cores[-1] in lone_words or _surname_like(cores[-1])
        ):
            m.kind = _PERSON  # a known surname, or one that recurs alone elsewhere in the text
        else:
            m.kind = _MISC
        if m.kind != _PERSON:
            m.name = " ".join(cores)

    # People: full names and the single words that refer to them.
    persons: dict[str, str] = {}  # casefolded full name -> canonical
    by_key: dict[str, str | None] = {}  # first or last name -> canonical (None: ambiguous)
    roles: dict[str, str] = {}
    for m in mentions:
        if m.kind != _PERSON:
            continue
        full = " ".join(m.cores)
        # "Donald J. Trump" and "Donald Trump" are one person
        folded = " ".join(c for c in m.cores if not is_initial(c)).casefold()
        canon = persons.setdefault(folded, full)
        m.name = canon
        if len(m.cores) >= 2:
            for key in mention_keys(m.cores):
                prev = by_key.get(key, canon)
                by_key[key] = canon if prev == canon else None
        if m.role and canon not in roles:
            roles[canon] = m.role

    typed: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.kind in (_LOC, _ORG, _PERSON) and m.name:
            typed.setdefault(m.text, (m.kind, m.name))

    orgs_by_initials: dict[str, str] = {}
    for m in mentions:
        if m.kind == _ORG and len(m.cores) >= 2:
            initials = "".join(c[0] for c in m.cores if c[0].isupper())
            orgs_by_initials.setdefault(initials, m.name)

    mid_sentence = {m.text for m in mentions if not m.initial}

    entities: list[Entity] = []
    for m in mentions:
        kind = m.kind
        if kind == _NAT:
            entities.append(Entity(m.start, m.end, _MISC, m.text, m.name))
            continue
        if kind == _PERSON and len(m.cores) == 1:
            full = by_key.get(m.cores[0].casefold())
            if full:
                m.name = full
        elif kind == _UNK:
            kind = _type_single(m, aliases, by_key, typed, orgs_by_initials, mid_sentence)
            if kind is None:
                continue
        role = m.role
        if kind == _PERSON and role is None:
            role = roles.get(m.name)
        entities.append(Entity(m.start, m.end, kind, m.text, m.name or m.text, role))
    return entities


def _type_single(m, aliases, by_key, typed, orgs_by_initials, mid_sentence):
    """Type a one-word unknown mention; sets m.name. None: not an entity."""
    word = m.cores[0]
    target = aliases.get(word)
    if target is not None and target.kind in (_ORG, _LOC, _PERSON, _MISC):
        m.name = target.name
        return target.kind
    full = by_key.get(word.casefold())
    if full:
        m.name = full
        return _PERSON
    known = typed.get(word)
    if known is not None:
        m.name = known[1]
        return known[0]
    if _is_acronym(m.cores):
        if word in gazetteer.NON_ENTITY_ACRONYMS or word in _ROMAN:
            return None
        m.name = orgs_by_initials.get(word.replace(".", ""), word)
        return _ORG
    m.name = word
    if m.cue == "adj":
        return None
    if word in gazetteer.FIRST_NAMES:
        return _PERSON
    if m.weak:  # a lone head word: "... the Coast Guard and Navy"
        return _ORG if not m.initial and word in gazetteer.LONE_ORG_HEADS else None
    if m.cue == _PERSON:
        return _PERSON
    if m.cue == _LOC:
        return _LOC
    if m.initial and word not in mid_sentence:
        return None
    if word in gazetteer.SURNAMES:
        return _PERSON
    if word.islower() or any(ch.isdigit() for ch in word):
        return None
    return _PERSON if m.cue == "said" else _MISC
