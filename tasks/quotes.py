"""Direct quotations in news-wire text and who said them.

    find_quotes(text, entities) -> list[Quote]    sorted by start

`entities` is `tasks.entities.find_entities(text)`; speakers come out as the entity's canonical
`name` ("Stoltenberg" -> "Jens Stoltenberg").

How it works:
1. Quote marks are paired paragraph by paragraph: curly quotes and guillemets by direction,
   straight quotes alternately. A quote still open at the end of a paragraph continues in the
   next paragraph when that one opens with a quote mark (the wire style for long quotes).
2. Sentences are cut on a copy of the text with the quoted words masked, so a full stop
   inside a quote does not split its attribution off.
3. Attribution, first that applies:
   after the quote, in the same sentence: '"...," Stoltenberg added.', '"...," he said.',
   '"...," said the NATO chief.', '"...," according to officials.';
   before it, in the same sentence: 'Stoltenberg said: "..."', 'He told reporters that "..."',
   'Stoltenberg said ..., adding that the group "..."' (a verb with no subject of its own takes
   the subject of an earlier one); a paragraph ending in a colon introduces the next;
   otherwise a quote inherits the speaker of the quote it continues or of the quote just
   before it in the same or the previous paragraph.
4. The speaker as written is resolved to a canonical name: a PERSON (else ORG) entity inside
   it; "he"/"she" -> the most recent PERSON before it, "it" -> the most recent ORG; a definite
   description ("the NATO chief", "the minister") -> the most recent PERSON whose role has its
   words ("NATO Secretary General": "chief", "head" and "leader" fit any role), else the
   most recent ORG whose name has them ("the ministry" -> "Foreign Ministry").
Quotes of fewer than three words ("scare quotes", titles) are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tasks.entities import Entity

__all__ = ["Quote", "find_quotes"]


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the quoted words, quote marks excluded
    end: int  # exclusive; text[start:end] == self.text
    text: str  # the quoted words; a trailing comma (attribution punctuation) is left out
    speaker: str | None  # canonical entity name, or None when unknown or unnamed
    speaker_text: str | None  # the speaker as written: "Stoltenberg", "he", "a spokesman"
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None  # the attribution verb as written, lower case: "said", "according to"
    full_sentence: bool  # starts with a capital and ends the sentence (or a paragraph of one)


_MIN_WORDS = 3
_MAX_SUBJECT_WORDS = 7  # "NATO Secretary General Jens Stoltenberg" fits
_MASK = "\u00b7"  # stands in for quoted characters: not a letter, space or sentence mark
_OPENERS = "“«"  # closing marks are any other mark while a quote is open
_MARKS = re.compile(r'["“”«»]')
_VERBS = (
    r"said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|stressed|stresses"
    r"|explained|explains|insisted|insists|warned|warns|declared|declares|announced|asked|asks"
    r"|replied|wrote|writes|tweeted|argued|argues|claimed|claims|commented|continued|recalled"
    r"|remarked|urged|urges|acknowledged|admitted|affirmed|cautioned|conceded|emphasized"
    r"|emphasised|observed|pointed out|quipped|responded|reiterated|underlined|underscored"
    r"|maintained|called|described|according to|saying|adding|noting|stressing|telling"
    r"|warning|insisting|explaining|describing|calling|urging|asking"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
# What may stand between a subject and its verb: "Stoltenberg also said", "he told Xinhua".
_GAP = (
    r"(?:also|later|then|further|again|previously|earlier|once|had|has|have|would|will|did"
    r"|does|was quoted as|is quoted as|[a-z]+ly|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|in a statement|in an interview|\(\d+\)|\d+)"
)
_GAP_AT_END = re.compile(rf"(?:[\s,]+{_GAP})*[\s,]*$")
_NP = r"(?:[^,;:!?.\n\"“”«»·]|\.(?=\w|\s+[a-z]))"  # a phrase; "U.S. envoy" keeps its dots
_AFTER_VERB_FIRST = re.compile(rf"[\s,]*(?P<verb>{_VERBS})\s+(?P<subj>{_NP}{{1,80}})",
                               re.IGNORECASE)
_AFTER_SUBJECT_FIRST = re.compile(
    rf"[\s,]*(?P<subj>{_NP}{{1,80}}?)(?:[\s,]+{_GAP})*\s+(?P<verb>{_VERBS})\b"
)
_PRONOUN = re.compile(r"\b(?P<p>he|she|it|they|we|i)$", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"(?:^|(?<=[\s(]))(?P<np>(?:the|a|an|its|his|her|their)\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,4})$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset("the a an its his her their".split())
_DEFINITE = frozenset("the its his her their".split())
_ANY_ROLE = frozenset("chief head leader boss".split())  # fit any title: "the NATO chief"
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr brig rev hon pres st mt ft"
    " jr sr co corp inc ltd jan feb mar apr jun jul aug sep sept oct nov dec no vs".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”»’)]*(?=\s)")


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    """Direct quotations in `text`, each with its speaker's canonical name where known."""
    pieces = _quote_pieces(text)
    masked = _masked(text, pieces)
    bounds = _sentence_bounds(masked)
    people = _Mentions(entities, {"PERSON"})
    orgs = _Mentions(entities, {"ORG"})
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_paragraph, paragraph, counted_to = -1, 0, 0
    for open_mark, close_mark, continues in pieces:
        paragraph += text.count("\n", counted_to, open_mark)  # counted once: linear overall
        counted_to = open_mark
        start, end = _trim(text, open_mark + 1, close_mark)
        if len(text[start:end].split()) < _MIN_WORDS:
            continue
        last_mark = text[open_mark + 1:close_mark].rstrip()[-1:]
        sentence_start, sentence_end = _sentence_around(bounds, open_mark, len(text))
        found = None
        if last_mark in ",!?" or masked[close_mark + 1:close_mark + 2] == ",":
            found = _attribution_after(masked, close_mark + 1, sentence_end, people, orgs)
        found = found or _attribution_before(masked, sentence_start, open_mark, people, orgs)
        if found is None and previous and (continues or paragraph - previous_paragraph <= 2):
            found = (previous.speaker, previous.speaker_text, previous.speaker_start,
                     previous.speaker_end, previous.verb)
        speaker, speaker_text, speaker_start, speaker_end, verb = found or (None,) * 5
        quote = Quote(start, end, text[start:end], speaker, speaker_text, speaker_start,
                      speaker_end, verb, _is_full_sentence(text[start:end], last_mark, continues))
        quotes.append(quote)
        if speaker_text:
            previous, previous_paragraph = quote, paragraph
    return quotes


# --- Quote marks -----------------------------------------------------------------------------


def _quote_pieces(text: str) -> list[tuple[int, int, bool]]:
    """(open mark, close mark or paragraph end, continues previous piece) per quoted stretch."""
    pieces: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    carried = False  # the last paragraph ended inside a quote
    paragraph_start = 0
    for line in text.split("\n"):
        line_end = paragraph_start + len(line)
        continues = False
        for mark in _MARKS.finditer(line):
            at = paragraph_start + mark.start()
            char = mark.group()
            if open_at is None and (char in _OPENERS or (char == '"' and _may_open(text, at))):
                open_at = at
                continues = carried and not line[:mark.start()].strip()
                carried = False
            elif open_at is not None and char not in _OPENERS:
                pieces.append((open_at, at, continues))
                open_at, continues = None, False
        if open_at is not None:  # runs on to the paragraph's end
            pieces.append((open_at, line_end, continues))
            open_at = None
            carried = True
        elif line.strip():
            carried = False
        paragraph_start = line_end + 1
    return pieces


def _may_open(text: str, at: int) -> bool:
    """A straight quote after a digit is an inch mark (5'10"), not a quotation."""
    return at == 0 or not text[at - 1].isdigit()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces and without a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _masked(text: str, pieces: list[tuple[int, int, bool]]) -> str:
    """The text with quoted characters masked, keeping a final . ! ? so the sentence ends."""
    parts, done = [], 0
    for open_mark, close_mark, _ in pieces:
        inner = text[open_mark + 1:close_mark]
        words = len(inner.rstrip())
        if words and inner[words - 1] in ".!?":
            inner = _MASK * (words - 1) + inner[words - 1] + _MASK * (len(inner) - words)
        else:
            inner = _MASK * len(inner)
        parts += [text[done:open_mark + 1], inner]
        done = close_mark
    parts.append(text[done:])
    return "".join(parts)


def _is_full_sentence(quoted: str, last_mark: str, continues: bool) -> bool:
    """Starts like a sentence (or continues one from the last paragraph) and ends like one;
    a comma before the closing mark stands for the full stop: '"We are ready," he said.'"""
    first = quoted.lstrip(".…[(")[:1]
    return (first.isupper() or first.isdigit() or continues) and last_mark in ".!?…,"


# --- Sentences -------------------------------------------------------------------------------


def _sentence_bounds(masked: str) -> list[int]:
    """Offsets where sentences start: after . ! ? (not an abbreviation) and at paragraphs."""
    bounds = [0]
    for match in _SENTENCE_END.finditer(masked):
        word = masked[max(0, match.start() - 6):match.start()].split()[-1:] or [""]
        word = re.split(r"[^\w.]", word[0])[-1]
        if word.lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):
            continue  # "Gen. Haftar", "U.S. officials", "J. Smith"
        nxt = masked[match.end():match.end() + 3].lstrip()[:1]
        if nxt and nxt.islower():
            continue
        bounds.append(match.end())
    for match in re.finditer(r"(?P<colon>:?)[ \t]*\n+", masked):
        if not match["colon"]:  # "He said:\n\n" introduces the quote that follows
            bounds.append(match.end())
    return sorted(bounds)


def _sentence_around(bounds: list[int], at: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, at)
    return bounds[i - 1], bounds[i] if i < len(bounds) else length


# --- Attribution -----------------------------------------------------------------------------


class _Mentions:
    """Entities of some types, for "the one ending here" and "the last one before here"."""

    def __init__(self, entities: list[Entity], types: set[str]):
        self.items = sorted((e for e in entities if e.type in types), key=lambda e: e.start)
        self.starts = [e.start for e in self.items]

    def inside(self, start: int, end: int) -> list[Entity]:
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.items) and self.items[i].end <= end:
            found.append(self.items[i])
            i += 1
        return found

    def last_before(self, at: int) -> Entity | None:
        i = bisect.bisect_left(self.starts, at)
        return self.items[i - 1] if i else None


_Attribution = tuple  # (speaker, speaker_text, speaker_start, speaker_end, verb)


def _attribution_after(masked: str, lo: int, hi: int, people: _Mentions,
                       orgs: _Mentions) -> _Attribution | None:
    """'"...," Stoltenberg added.' / '"...," said the NATO chief.' / '..., according to X'."""
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SUBJECT_FIRST):
        match = pattern.match(masked, lo, hi)
        if not match:
            continue
        start, end = _strip_span(masked, match.start("subj"), match.end("subj"))
        if pattern is _AFTER_VERB_FIRST:
            end = _phrase_end(masked, start, end)
        elif len(masked[start:end].split()) > _MAX_SUBJECT_WORDS:
            continue  # a clause, not a subject: '"...," and the talks, he said'
        if start < end:
            return _resolve(masked, start, end, match["verb"], people, orgs)
    return None


def _attribution_before(masked: str, lo: int, hi: int, people: _Mentions,
                        orgs: _Mentions) -> _Attribution | None:
    """'Stoltenberg said: "..."', 'He told reporters that "..."', 'X said ..., adding that "..."'."""
    verbs = list(_VERB.finditer(masked, lo, hi))
    for verb in reversed(verbs):
        if verb.group().lower() == "according to":
            match = re.match(rf"\s+(?P<subj>{_NP}{{1,60}})", masked[verb.end():hi])
            if match:
                start = verb.end() + match.start("subj")
                end = _phrase_end(masked, start, verb.end() + match.end("subj"))
                return _resolve(masked, start, end, verbs[-1].group(), people, orgs)
            continue
        if verb.group().lower().endswith("ing"):
            continue  # "..., adding that": a participle shares the main clause's subject
        subject_end = _GAP_AT_END.search(masked, lo, verb.start()).start()
        span = _subject_ending(masked, lo, subject_end, people, orgs)
        if span:
            return _resolve(masked, *span, verbs[-1].group(), people, orgs)
    if verbs:  # a verb whose subject sits behind a clause: the sentence's last PERSON before it
        person = people.last_before(verbs[0].start())
        if person and person.start >= lo:
            return _resolve(masked, person.start, person.end, verbs[-1].group(), people, orgs)
    return None


def _subject_ending(masked: str, lo: int, end: int, people: _Mentions,
                    orgs: _Mentions) -> tuple[int, int] | None:
    """The span of the subject that ends at `end`: an entity, a pronoun or a description."""
    for mentions in (people, orgs):
        entity = mentions.last_before(end)
        if entity and entity.end == end and entity.start >= lo:
            return entity.start, entity.end
    window_start = max(lo, end - 60)
    if match := _PRONOUN.search(masked, max(lo, end - 5), end):
        return match.start(), match.end()
    if match := _DESCRIPTION.search(masked, window_start, end):
        return match.start("np"), match.end("np")
    return None


def _strip_span(masked: str, start: int, end: int) -> tuple[int, int]:
    while start < end and masked[start] in " ,":
        start += 1
    while end > start and masked[end - 1] in " ,":
        end -= 1
    return start, end


def _phrase_end(masked: str, start: int, end: int) -> int:
    """Cut "the NATO chief on Wednesday" / "Smith who ..." at the first preposition or clause."""
    cut = re.search(r"\s(?:on|in|at|during|after|before|who|which|when|while|as|to|from|of"
                    r"|that)\s", masked[start:end] + " ")
    return start + cut.start() if cut else end


def _resolve(masked: str, start: int, end: int, verb: str, people: _Mentions,
             orgs: _Mentions) -> _Attribution:
    """(canonical speaker or None, speaker as written, its offsets, verb) for a subject span."""
    written = masked[start:end]
    speaker = None
    named = people.inside(start, end) or orgs.inside(start, end)
    words = written.lower().split()
    if named and not (words[0] in _DETERMINERS and named[-1].end < end):
        speaker = named[-1].name  # "NATO Secretary General Jens Stoltenberg" -> the name
    elif len(words) == 1 and words[0] in ("he", "she"):
        person = people.last_before(start)
        speaker = person.name if person else None
    elif len(words) == 1 and words[0] == "it":
        org = orgs.last_before(start)
        speaker = org.name if org else None
    elif words and words[0] in _DEFINITE:
        speaker = _described(words[1:], start, people) or _described(words[1:], start, orgs)
    return speaker, written, start, end, verb.lower()


def _described(words: list[str], before: int, mentions: _Mentions) -> str | None:
    """The most recent entity a description fits: "the NATO chief" ~ a PERSON with role "NATO
    Secretary General", "the ministry" ~ the ORG "Foreign Ministry"."""
    content = [w.strip(".,'’") for w in words]
    content = [w for w in content if w and w not in ("'s", "s")]
    if not content:
        return None
    i = bisect.bisect_left(mentions.starts, before)
    for entity in mentions.items[:i][::-1] + mentions.items[i:]:
        label = entity.role if entity.type == "PERSON" else entity.name
        fits = set(re.split(r"[\s-]+", (label or "").lower()))
        if any(w in fits for w in content) and all(w in fits or w in _ANY_ROLE for w in content):
            return entity.name
    return None
