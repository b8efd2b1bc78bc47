"""Page furniture that article extractors keep inside the main text, and how to drop it.

trafilatura finds the article's region; inside it, sites put things that are not the story:
teaser links ("Read more: ...", "LE PUEDE INTERESAR: ..."), promos (newsletter sign-ups,
subscription walls, "follow us on ...", "write to us at ..."), rights notices, video-player and
slideshow controls, share and comment counters, an author's bio under the story, numbered
slideshow captions ("3/50 ...") and, after the story, a heading ("You might also like",
"Related articles", "... in pictures") over a list of other stories. Each is a category
recognised by its shape or by the few words every site uses for it, in several languages;
a block is only dropped when it is short, so a paragraph that merely mentions a newsletter stays.
"""

from __future__ import annotations

import re

from tasks.parse import find_date

_MAX_FURNITURE_WORDS = 25  # a teaser line or a promo is a sentence or two, never a paragraph
_MAX_PROMO_WORDS = 45
_MAX_BIO_WORDS = 50
_TAIL_SHARE = 0.5  # a "related stories" heading counts only in the second half of the text

# Teasers that point to another story: a label, then (usually) the other story's headline.
_TEASER = re.compile(
    r"^(?:read more|read also|also read|related|see also|more on this|more from|watch|listen|click here"
    r"|à lire aussi|lire aussi|voir aussi|mehr zum thema|lesen sie auch|auch interessant|weitere informationen"
    r"|le puede interesar|te puede interesar|también te puede interesar|puedes ver|vea también|ver también"
    r"|lee también|lea también|mira|mire|leia também|veja também|leggi anche|potrebbe interessarti)\b\s*[:.›»-]?",
    re.I)
# Promos and notices, wherever they stand in a short block.
_PROMO = re.compile(
    r"\bsubscribe (?:now|today|to)\b|\balready a subscriber\b|\bto (?:view|read) the full story\b"
    r"|\bsign(?:ing)? up (?:for|to) (?:our|the)\b|\bnewsletter\b.*\b(?:sign up|subscribe|inbox)\b"
    r"|\bnever miss (?:the latest|a story)\b|\bfollow (?:us|the [\w ]{1,30}) on (?:twitter|facebook|instagram|x\b)"
    r"|\bsíg[uú]enos en\b|\bsuscr[ií]bete\b|\bhazte miembro\b|\babonnez-vous\b|\bjetzt abonnieren\b"
    r"|\bdownload the [\w ]{1,30} apps?\b|\bwe want to hear what you think\b|\bwrite to us at\b"
    r"|\bletters? to the editor\b.*\b(?:submit|send)\b|\bsubmit your letter\b|\bclick here to watch\b"
    r"|\btrust principles\b|\ball rights reserved\b|\bcopyrighted property of\b|\bwritten permission\b"
    r"|\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b|^(?:copyright\b|©|\(c\) )"
    r"|\bsupport (?:our|independent|quality) journalism\b|\bhacemos periodismo\b|\bcancela cuando quieras\b",
    re.I)
# Player, slideshow, share and comment widgets: the whole block is the widget's label.
_WIDGET = re.compile(
    r"(?:share(?: on| via)? (?:facebook|twitter|whatsapp|linkedin|email|e-mail|x)|share this(?: article)?"
    r"|\d[\d,.]* comments?|comments?|previous|next|previousnext|close|fullscreen|thumbnails|\d+ of \d+"
    r"|please wait\.*|this feature is temporarily unavailable\..*|thanks!|this is a modal window\..*"
    r"|(?:descriptions|subtitles|captions) off, selected|default, selected|chapters|now (?:watching|playing)"
    r"|next video starts in.*|unfortunately, this video is not available.*|view photo|video verfügbar bis .*"
    r"|(?:photo|image|credit|foto|bild)\s*:?|advertisement|anzeige|publicidad|tags?:.*|topics?:.*|temas"
    r"|from the section .*|today on .*|\.)",
    re.I)
# A heading over a list of other stories: everything after it goes.
_RELATED_HEADING = re.compile(
    r"(?:you (?:might|may) also (?:like|be interested in)|related (?:stories|articles|coverage|content|news|posts)"
    r"|recommended(?: for you| stories)?|most (?:read|popular|viewed)|more (?:stories|news|from [\w ]{1,40})"
    r"|other [\w ]{1,30} columns|featured (?:slide ?shows|stories|videos)|trending(?: now)?|top stories"
    r"|[\w ]{1,40} in pictures|notas relacionadas|noticias relacionadas|contenido relacionado|artículos relacionados"
    r"|más (?:sobre|noticias|en) [\w ]{1,40}|lo más (?:leído|visto)|mehr (?:zum thema|aus [\w ]{1,40})"
    r"|das könnte sie auch interessieren|sur le même sujet|à lire aussi|les plus lus)\s*[:›»]?",
    re.I)
_NUMERIC_DATE = re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?)?", re.I)
_SLIDE = re.compile(r"^(\d{1,3})/(\d{1,3})\s*\S")
# "Jane Doe is a reporter for ...", "Candice Sealey is the Founder ...", "Redakteur in der Wirtschaft."
_BIO = re.compile(
    r"^(?:[A-ZÀ-Þ][\w.'’-]+ ){1,3}(?:is|was) (?:a|an|the)\b.{0,80}\b(?:writer|journalist|reporter|correspondent"
    r"|editor|columnist|contributor|author|founder|producer|photographer|analyst)\b"
    r"|^(?:redakteur(?:in)?|korrespondent(?:in)?) (?:in|im|für)\b", re.I)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def drop_furniture(paragraphs: list[str], titles: tuple[str, ...] = ()) -> list[str]:
    """The story's blocks without teasers, promos, widgets, slideshows, bios and related lists.

    `titles` are the page's headline candidates: a block repeating one of them among the
    first blocks is the page's heading, not the story.
    """
    blocks = _drop_related_tail(paragraphs)
    blocks = _drop_slides(blocks)
    kept = []
    for index, block in enumerate(blocks):
        words = len(block.split())
        if index < 3 and any(_same_title(block, title) for title in titles):
            continue
        if _WIDGET.fullmatch(block.strip()) or _is_date_line(block):
            continue
        if words <= _MAX_FURNITURE_WORDS and _TEASER.match(block):
            continue
        if words <= _MAX_PROMO_WORDS and _PROMO.search(block):
            continue
        kept.append(block)
    while kept and len(kept[-1].split()) <= _MAX_BIO_WORDS and _BIO.search(kept[-1]):
        kept.pop()  # bios stand last, one per author
    return kept


def _drop_related_tail(blocks: list[str]) -> list[str]:
    """Cut at a 'You might also like' heading standing in the text's second half."""
    total = sum(len(b.split()) for b in blocks)
    seen = 0
    for index, block in enumerate(blocks):
        if seen >= total * _TAIL_SHARE and len(block.split()) <= 8 and _RELATED_HEADING.fullmatch(block.strip()):
            return blocks[:index]
        seen += len(block.split())
    return blocks


def _drop_slides(blocks: list[str]) -> list[str]:
    """Slideshow captions '1/50 ...', '2/50 ...' in a run of three or more go, with the run."""
    kept, run = [], []
    for block in blocks + [""]:
        match = _SLIDE.match(block)
        if match and (not run or int(match[1]) == int(_SLIDE.match(run[-1])[1]) + 1):
            run.append(block)
            continue
        kept.extend(run if len(run) < 3 else [])
        run = [block] if match else []
        if not match and block:
            kept.append(block)
    return kept


def _is_date_line(block: str) -> bool:
    """'24 July 2015', '08.04.2015 12:46': the page's date printed above or below the story."""
    if _NUMERIC_DATE.fullmatch(block.strip()):
        return True
    words = block.split()
    return len(words) <= 6 and not re.search(r"[.!?]\s*$|[a-z]{3,}\s+[a-z]{3,}", block) and find_date(block) is not None


def _same_title(block: str, title: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text.translate(_QUOTES)).casefold().strip()
    return bool(title) and key(block) == key(title)
