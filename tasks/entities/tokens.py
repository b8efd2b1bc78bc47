"""Tokens with character offsets, cut like Universal Dependencies English (the training data).

    tokenize(text) -> list[(start, end)]
    sentences(text, spans) -> list[(i, j)]     token index ranges, one per sentence

Hyphens, possessive "'s" and other clitics are tokens of their own ("UN-backed" -> UN - backed,
"NATO's" -> NATO 's), as in UD, so that entity spans exclude them; "U.S.", "Dr." and initials
keep their dot.
"""

from __future__ import annotations

import re

_ABBR = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Brig|Rev|Hon|Pres|St|Mt|Ft"
    "|Jr|Sr|Co|Corp|Inc|Ltd|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Tues|Thurs"
    "|No|Nos|vs|etc|approx|Ave|Blvd|Rd|Dept|Univ|Mass|Calif|Fla|Ill|Pa|Va|Wash|Mich|Ariz"
)
_TOKEN = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}(?![^\W_])"  # U.S.  U.N.  e.g.
    rf"|(?:{_ABBR})\.(?![^\W_])"  # Dr.  Gen.  Sept.
    r"|[A-Z]\.(?=\s+[A-Z])"  # J. (an initial)
    r"|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|m|bn|km|kg)?(?![^\W_])"  # 1,000  3.5  1990s  21st
    r"|['’](?:s|S|re|ll|ve|d|m|t)(?![^\W_])"  # clitics: 's 're 'll ...
    r"|n['’]t(?![^\W_])"
    r"|[^\W_]+?(?=n['’]t(?![^\W_]))"  # "do" of "don't"
    r"|[^\W_]+(?:['’](?!(?:s|S|re|ll|ve|d|m|t)(?![^\W_]))[^\W_]+)*"  # words, O'Brien
    r"|\S",  # any other character
)
_SENT_END = frozenset({".", "!", "?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})


def tokenize(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def sentences(text: str, spans: list[tuple[int, int]], max_len: int = 120) -> list[tuple[int, int]]:
    """Cut after . ! ? (and closing quotes after them) before a non-lower-case token, at line
    breaks, and every max_len tokens so that tagging time stays linear."""
    out = []
    n = len(spans)
    begin = 0
    i = 0
    while i < n:
        s, e = spans[i]
        cut = False
        if i + 1 < n:
            ns = spans[i + 1][0]
            if "\n" in text[e:ns]:
                cut = True
            elif text[s:e] in _SENT_END or (
                text[s:e] in _CLOSERS and i > begin and _word(text, spans[i - 1]) in _SENT_END
            ):
                nxt = text[ns:spans[i + 1][1]]
                attached_closer = nxt in _CLOSERS and ns == e  # 'said."' but not '. "Yes'
                if not nxt[:1].islower() and nxt not in _SENT_END and not attached_closer:
                    cut = True
        if cut or i + 1 - begin >= max_len or i + 1 == n:
            out.append((begin, i + 1))
            begin = i + 1
        i += 1
    return out
