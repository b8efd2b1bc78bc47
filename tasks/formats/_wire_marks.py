"""What agencies write around a story that is not the story: marks at its top and its end.

Pure functions over a story's paragraphs, shared by every reader:

- at the top, an advisory to editors ("(Adds comments, detail)", "(Berichtigung: ...)") and
  a byline ("By Jane Doe", "Von Max Muster, dpa");
- at the end, sign-offs and editors' initials ("AAP RTV ar", "dpa abc de", "ab/de/dl",
  "(SDA/xx)", "/ritzau/", "EFE"), lone end marks ("ends", "END", "^END<"), reporting credits
  ("(Reporting by ...; Editing by ...)"), contributor lines after a "___" rule, and taglines
  ("This report by The Canadian Press was first published ...").

`split_marks` returns them apart (WireMarks) so that they can go to their own columns;
`apply_marks` is what a reader calls on its finished Story: the body loses them, the byline
fills Story.byline when the format gave none, the agency gets its canonical short name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.agencies import canonical_agency, short_names
from tasks.records import Story

# --- the end ------------------------------------------------------------------------------

_END_MARK = re.compile(r"^\^?(?:ends?|endit|enditem|end|-+\s*30\s*-+|#{3})<?\.?$", re.I)
_ROLE_INITIALS = re.compile(r"^[a-zäöüåøæé]{1,4}\d?(?:/[a-zäöüåøæé]{1,4}\d?)+$")  # "ab/de/dl/hmw"
_BRACKETED_INITIALS = re.compile(r"^\((?:[A-Za-z]{2,6}/)+[\w-]{1,8}\)$")  # "(SDA/xx)", "(ats/afp/ab)"
_SLASHED_AGENCY = re.compile(r"^/[a-z]{2,10}/$", re.I)  # "/ritzau/"
_INITIAL_TOKEN = re.compile(r"^[\w/]{1,6}$")
_CREDIT_OPENERS = (
    r"(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|"
    r"edited\s+by|graphics?\s+by|research\s+by|with\s+reporting\s+(?:by|from)"
)
_CREDIT = re.compile(rf"^\(?\s*(?:{_CREDIT_OPENERS})\b.*\)?$", re.I | re.S)
_INLINE_CREDIT = re.compile(rf"\s+\(\s*(?:{_CREDIT_OPENERS})\b[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.I)
_TAGLINE = re.compile(
    r"^(?:this\s+(?:report|story|article)\s+(?:by\s+.{2,60}?\s+)?was\s+"
    r"(?:first\s+published|generated|produced|written|created)\b"
    r"|.{0,80}\b(?:contributed|contributing)\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)\b"
    r"|.{0,80}\bwriters?\s+.{2,120}\bcontributed\b)",
    re.I | re.S,
)
_RULE = re.compile(r"^[_\-–—=*~ ]{3,}$")  # "___", "* * *", "------"
_INLINE_ROLE_INITIALS = re.compile(r"(?<=[.!?\"”»])\s+(?:[a-z]{1,4}\d?/)+[a-z]{1,4}\d?\s*$")
_INLINE_SLASHED_AGENCY = re.compile(r"(?<=[.!?\"”»)])\s+/[a-z]{2,10}/\s*$", re.I)
_INLINE_BRACKETED_INITIALS = re.compile(r"\s+\((?:[A-Za-z]{2,6}/)+[\w-]{1,8}\)\s*$")
_GLUED_TAIL = re.compile(r"[.!?\"”»)]\s+(?P<tail>(?:\S+\s+){0,6}\S+)\s*$")  # what follows the last sentence
_MAX_TAIL = 6  # paragraphs looked at from the end
_MAX_CREDIT_CHARS = 400


def _is_signoff(paragraph: str) -> bool:
    """'AAP RTV ar', 'dpa kre/su yysw a3 lön mda', 'EFE', 'ab/de/dl/hmw', '(SDA/xx)', '/ritzau/'."""
    text = paragraph.strip()
    if _ROLE_INITIALS.match(text) or _BRACKETED_INITIALS.match(text) or _SLASHED_AGENCY.match(text):
        return True
    words = text.split()
    if not words or len(words) > 7 or words[0].strip("()") not in _SIGNERS:
        return False
    rest = words[1:]
    return all(_INITIAL_TOKEN.match(w) and (w.islower() or w.isupper() or not w.isalpha()) for w in rest)


_SIGNERS = frozenset(
    {name for name in short_names() if len(name) <= 6}
    | {name.lower() for name in short_names() if len(name) <= 6}
    | {name.upper() for name in short_names() if len(name) <= 6}
    | {"sid", "epd", "kna", "ots", "apa", "ats", "sda"}
)


def _strip_inline_signoff(paragraph: str) -> tuple[str, str | None]:
    """A sign-off glued to the last sentence: '... abuse. AAP RTV ar', '... Politi. /ritzau/'."""
    for pattern in (_INLINE_SLASHED_AGENCY, _INLINE_BRACKETED_INITIALS, _INLINE_ROLE_INITIALS):
        if match := pattern.search(paragraph):
            return paragraph[: match.start()].rstrip(), match.group(0).strip()
    tail = _GLUED_TAIL.search(paragraph)
    if tail and _is_signoff(tail["tail"]):
        return paragraph[: tail.start("tail")].rstrip(), tail["tail"].strip()
    return paragraph, None


# --- the top ------------------------------------------------------------------------------

_ADVISORY_WORDS = (
    "adds|add|updates|update|updating|corrects|correcting|correction|corrected|recasts|refiles|"
    "refiling|repeats|repeating|rewrites|writes|changes|fixes|removes|inserts|moves|new|recasting|"
    "clarifies|releases|embargoed|advisory|eds|editors|note|changing|deletes|restores|"
    "berichtigung|korrektur|korr|eil|wiederholung|neu|aktualisiert|ergänzt|überarbeitet|"
    "sperrfrist|achtung|rectificatif|rectification|précision|corrige|ajoute|mise à jour"
)
_ADVISORY = re.compile(rf"^\((?:{_ADVISORY_WORDS})\b[^\n]*\)$", re.I | re.S)
_BYLINE_WORD = (
    r"(?i:by|von|par|por|av|af)"
)
_NAME_WORD = r"[A-ZÀ-ÞŁŚŻ][\w.'’\-]*"
_BYLINE = re.compile(
    rf"^{_BYLINE_WORD}\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|und|et|y|e|og|och|en|van|von|de|der|la|le|du|da|di|dos|del),?)*"
    rf"(?:\s*,\s*[\w .'’&-]{{2,60}})?)$"
)
_BYLINE_TITLE = re.compile(r"\b(?:writer|correspondent|editor|reporter|columnist|staff)\b", re.I)
_MAX_BYLINE_CHARS = 120


def _byline(paragraph: str) -> str | None:
    text = paragraph.strip()
    if len(text) > _MAX_BYLINE_CHARS or text.endswith((".", "!", "?", ":")) and not text.endswith(("Jr.", "Sr.")):
        return None
    match = _BYLINE.match(text)
    return match["name"].strip(" ,") if match else None


# --- together -----------------------------------------------------------------------------


@dataclass(slots=True)
class WireMarks:
    paragraphs: list[str]  # the story alone
    credits: list[str] = field(default_factory=list)  # reporting credits, contributor lines, taglines
    advisory: str | None = None  # "(Adds comments, detail)"
    byline: str | None = None  # "Jane Doe" ("By " taken off)
    signoff: list[str] = field(default_factory=list)  # sign-offs, initials, end marks, rules


def split_marks(paragraphs: list[str]) -> WireMarks:
    """The paragraphs with the marks at their top and end taken off, and the marks apart."""
    body = [p for p in (p.strip() for p in paragraphs) if p]
    marks = WireMarks(body)
    # the top: an advisory, then a byline (either order), at most one of each
    for _ in range(2):
        if len(body) > 1 and marks.advisory is None and _ADVISORY.match(body[0]) and len(body[0]) < 400:
            marks.advisory = body.pop(0)
        elif len(body) > 1 and marks.byline is None and (name := _byline(body[0])):
            marks.byline = name
            body.pop(0)
            if len(body) > 1 and len(body[0]) < 60 and _BYLINE_TITLE.search(body[0]) and not body[0].endswith("."):
                body.pop(0)  # the writer's title: "AP Sports Writer"
    # the end: whole paragraphs first, then a sign-off glued to the last sentence
    looked = 0
    while body and looked < _MAX_TAIL:
        last = body[-1]
        looked += 1
        if _END_MARK.match(last) or _is_signoff(last) or _RULE.match(last):
            marks.signoff.insert(0, body.pop())
        elif len(last) <= _MAX_CREDIT_CHARS and (_CREDIT.match(last) or _TAGLINE.match(last)):
            marks.credits.insert(0, body.pop())
        elif len(body) > 2 and _RULE.match(body[-2]) and len(last) <= _MAX_CREDIT_CHARS:
            marks.credits.insert(0, body.pop())  # a short line after "___": contributors
            marks.signoff.insert(0, body.pop())
        else:
            break
    if body and (credit := _INLINE_CREDIT.search(body[-1])) and credit.start() > 0:
        marks.credits.insert(0, credit.group(0).strip())
        body[-1] = body[-1][: credit.start()].rstrip()
    if body:
        body[-1], glued = _strip_inline_signoff(body[-1])
        if glued:
            marks.signoff.insert(0, glued)
        if not body[-1]:
            body.pop()
    marks.paragraphs = body
    return marks


def apply_marks(story: Story) -> WireMarks:
    """Take the marks out of `story`'s body (in place) into its byline, credits and advisory
    columns; canonical agency. Sign-offs and end marks carry nothing an analyst counts: dropped.
    """
    marks = split_marks(story.paragraphs)
    if marks.paragraphs:  # a story that is nothing but marks keeps its text
        story.paragraphs = marks.paragraphs
        story.credits = [*story.credits, *marks.credits]
        story.advisory = story.advisory or marks.advisory
    if marks.byline and not story.byline:
        story.byline = marks.byline
    story.agency = canonical_agency(story.agency)
    return marks
