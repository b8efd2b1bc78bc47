"""Amounts in news-wire text: money, percentages, measures and counts of things.

    find_amounts(text, country=None) -> list[Amount]    sorted by start, non-overlapping

    "$1.2 billion"              -> value 1.2e9,  unit "USD",  kind "money"
    "1.5 trillion U.S. dollars" -> value 1.5e12, unit "USD",  kind "money"
    "20 million yuan"           -> value 2e7,    unit "CNY",  kind "money"
    "3.6 trillion birr"         -> value 3.6e12, unit "ETB",  kind "money"
    "5 million pesos" (Mexico)  -> value 5e6,    unit "MXN",  kind "money"
    "3.5 percent"               -> value 3.5,    unit "%",    kind "percent"
    "19 basis points"           -> value 19,     unit "bp",   kind "percent"
    "450 km"                    -> value 450,    unit "km",   kind "measure"
    "246,000 jobs"              -> value 246000, unit "jobs", kind "count"
    "two dozen soldiers"        -> value 24,     unit "soldiers", kind "count"
    "1.2 million"               -> value 1.2e6,  unit None,   kind "number"

Currencies come from tasks/data/currencies.tsv (ISO 4217 code, signs, words, plurals, the
qualifiers and countries that pick one of several "pesos", and the usual meaning of a bare
word): a word one currency uses is its code; a qualifier ("Norwegian kroner") or the
story's country (the dateline's, passed by the pipeline) picks among several; with neither,
the word itself stays the unit rather than a guessed code.

One regular-expression scan finds numbers (digits or number words, with an optional currency
sign before and a scale word after); a second, anchored match reads what follows: percent,
currency word, unit of measure or the counted noun (a plural, possibly after one adjective:
"246,000 new jobs"). A number with none of these and no scale word is dropped: bare numbers
are mostly ages, scores, clause numbers and names ("Boeing 737"). Also dropped: years
(1000-2199 without a currency or unit), dates ("Feb. 2"), clock times ("10:30", "3 p.m."),
ordinals ("1st"), phone numbers, numbers glued to names ("G20", "COVID-19", "F-16") or right
after a mid-sentence capitalised word ("Article 5", "Boeing 737 jets"), and list numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Amount", "find_amounts"]

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Amount:
    start: int  # character offset into text
    end: int  # exclusive; text[start:end] == self.text
    text: str  # as written, e.g. "1.5 trillion U.S. dollars"
    value: float  # the full magnitude: "$1.2 billion" -> 1.2e9
    unit: str | None  # ISO 4217 code, "%", a unit symbol ("km") or the counted noun ("jobs")
    kind: str  # "money", "percent", "measure", "count" or "number"


# --- Tables ----------------------------------------------------------------------------------

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
         " fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}

@dataclass(frozen=True, slots=True)
class Currencies:
    """tasks/data/currencies.tsv, indexed for reading amounts."""

    signs: dict[str, str]  # "HK$" -> "HKD", "USD" -> "USD"
    codes_of_word: dict[str, tuple[str, ...]]  # "pesos" -> ("MXN", "ARS", ...), "birr" -> ("ETB",)
    qualified: dict[tuple[str, str], str]  # ("mexican", "pesos") -> "MXN"
    of_country: dict[tuple[str, str], str]  # ("pesos", "MX") -> "MXN"
    default: dict[str, str]  # "dollars" -> "USD"


def load_currencies(path: Path = _DATA / "currencies.tsv") -> Currencies:
    signs, codes_of_word, qualified, of_country, default = {}, {}, {}, {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, sign_list, words, plurals, qualifiers, countries, defaults = (
            [item for item in column.split("|") if item] for column in line.split("\t"))
        code = code[0]
        signs.update({sign: code for sign in sign_list if sign not in signs})
        for word in {w.lower() for w in words + plurals}:
            codes_of_word.setdefault(word, ())
            codes_of_word[word] += (code,)
            qualified.update({(q.lower(), word): code for q in qualifiers})
            of_country.update({(word, country): code for country in countries if (word, country) not in of_country})
        default.update({word.lower(): code for word in defaults})
    return Currencies(signs, codes_of_word, qualified, of_country, default)


CURRENCIES = load_currencies()
_QUALIFIERS = sorted({q for q, _ in CURRENCIES.qualified}, key=len, reverse=True)
# Currency words that are also English words: money only after a scale word ("2 billion won")
# or a qualifier ("5 Czech crowns"): "Team 2 won", "5 pounds of rice", "three crowns".
_WORDS_NEEDING_SCALE = frozenset("pound pounds won crown crowns real sol colon dram drams som kip".split())

# Units of measure (singular and plural spellings) -> symbol.
_MEASURES = {
    "km": "km", "kms": "km", "kilometer": "km", "kilometre": "km", "kilometers": "km",
    "kilometres": "km", "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2",
    "km2": "km2", "mile": "mi", "miles": "mi", "square miles": "mi2", "m": "m", "meter": "m",
    "metre": "m", "meters": "m", "metres": "m", "cm": "cm", "centimeters": "cm",
    "centimetres": "cm", "mm": "mm", "millimeters": "mm", "millimetres": "mm", "ft": "ft",
    "foot": "ft", "feet": "ft", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilos": "kg",
    "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "metric tons": "t", "hectare": "ha",
    "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre", "liters": "l", "litres": "l",
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "degrees celsius": "°C", "°c": "°C",
    "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "pound": "lb", "pounds": "lb", "lb": "lb",
    "lbs": "lb",
}
# Plural nouns that do not end in "s".
_IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel staff cattle sheep livestock aircraft feet"
    " fish deer".split()
)
# Words after a number that are not the thing counted.
_NOT_NOUNS = frozenset(
    "of to in and or the a an was were is are be been from on at per by for with as than that"
    " this these those its his her their our when after before while since during into over"
    " under about has had have who which whereas across less unless plus thus us yes always"
    " perhaps sometimes besides towards afterwards news gmt".split()
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Words that, capitalised, open a sentence before a number ("About 30 people ...").
_FUNCTION_WORDS = _NOT_NOUNS | frozenset(
    "some nearly almost around only just more fewer up another all least approximately roughly"
    " below above but yet so then there those these its their his her our".split()
)

# --- Patterns --------------------------------------------------------------------------------

_SIGN = "|".join(re.escape(s) for s in sorted(CURRENCIES.signs, key=len, reverse=True))
_SIGN_STARTS = "".join(sorted({s[0] for s in CURRENCIES.signs if not s[0].isascii()} | {"$"}))
_WORD_NUMBER = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[1:10])}))?|{'|'.join(_ONES[1:])}"
)
_AMOUNT = re.compile(
    r"(?<![\w.,:/])"  # only at the start of a word: fails fast inside words
    rf"(?=[\d.{_SIGN_STARTS}]|[A-Z][A-Za-z.]{{0,3}}[$₵/\s\d]|U\.S\.|(?i:[efnost]))"  # a digit, sign or number word
    rf"(?P<cur>(?:{_SIGN})\s?|U\.S\.\s\$)?"
    rf"(?<![\w.,:/])(?<![^\W\d_]-)(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?i:{_WORD_NUMBER})(?![\w-]))"
    r"(?:(?P<attached>bn|mn|mln|bln|tn|trn|m|b|k)|[\s-](?P<scale>thousand|million|billion"
    r"|trillion|mln|bln|bn|mn|tn|trn))?(?:\s(?P<dozen>dozen))?(?![\w])"
)
_PERCENT = re.compile(r"\s?%|\s(?:percent|per cent|pct)\b")
_POINTS = re.compile(r"\s(?:percentage points?)\b")
_BASIS_POINTS = re.compile(r"\s(?:(?i:basis[\s-]points?)|bps?)\b")  # "19 basis points", "25 bps": unit "bp"
_CURRENCY_AFTER = re.compile(
    rf"\s(?:(?P<dem>{'|'.join(re.escape(q) for q in _QUALIFIERS)})\s)?"
    rf"(?P<word>{'|'.join(re.escape(w) for w in sorted(CURRENCIES.codes_of_word, key=len, reverse=True))})(?![\w])",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    rf"[\s-](?P<m>{'|'.join(re.escape(m) for m in sorted(_MEASURES, key=len, reverse=True))})"
    r"(?![\w/])",
    re.IGNORECASE,
)
_NOUNS = re.compile(r"\s(?P<w1>[a-z][a-z'-]*)(?:\s(?P<w2>[a-z][a-z'-]*))?")
_CLOCK = re.compile(r":\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*)\s$")
_PHONE = re.compile(
    r"(?=[+(\d])(?:\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s?\d{3,4}[-.\s]\d{3,4}"
    r"|(?<![\w.-])\d{3}[-.]\d{3}[-.]\d{4})"
)
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*\(?\d{1,2}[.)][ \t]")


def find_amounts(text: str, country: str | None = None) -> list[Amount]:
    """Every money amount, percentage, measure and count of things in `text`, in order.

    `country` (ISO 3166-1 alpha-2: the dateline's) picks the currency of a bare "pesos" or
    "dinars"; without it those keep their word as unit when no qualifier says which."""
    skipped = [m.span() for m in _PHONE.finditer(text)]
    skipped += [m.span() for m in _LIST_NUMBER.finditer(text)]
    skipped.sort()
    found, next_skip = [], 0
    for match in _AMOUNT.finditer(text):
        start = match.start("num")
        while next_skip < len(skipped) and skipped[next_skip][1] <= start:
            next_skip += 1  # both lists are in text order: one pass over each
        if next_skip < len(skipped) and skipped[next_skip][0] <= start:
            continue
        if amount := _read(text, match, country):
            found.append(amount)
    return found


def _read(text: str, match: re.Match, country: str | None = None) -> Amount | None:
    """The Amount a number match stands for, or None when it is not one."""
    num, cur, scale = match["num"], match["cur"], match["scale"] or match["attached"]
    if match["attached"] and not cur:
        return None  # "5m" with no currency: metres or a model name, not millions
    if _is_date_or_time(text, match):
        return None
    value = _number_value(num) * _SCALES.get((scale or "").lower(), 1.0)
    if match["dozen"]:
        value *= 12
    end = match.end()
    unit, kind = None, "number"
    if cur:
        unit, kind = CURRENCIES.signs.get(cur.strip().replace(" ", ""), cur.strip()), "money"
    elif (found := _unit_after(text, end, bool(scale), country)) is not None:
        unit, kind, end = found
    if kind in ("number", "count"):
        if _looks_like_year(num, scale) or _follows_name(text, match.start()):
            return None
        if kind == "number" and not scale:
            return None  # a bare number: an age, score or clause number more often than not
    start = match.start()
    return Amount(start, end, text[start:end], value, unit, kind)


def _number_value(num: str) -> float:
    if num[0].isdigit() or num[0] == ".":
        return float(num.replace(",", ""))
    tens, _, ones = num.lower().partition("-")
    return float(_WORD_VALUES[tens] + (_WORD_VALUES[ones] if ones else 0))


def _unit_after(text: str, pos: int, scaled: bool, country: str | None = None) -> tuple[str | None, str, int] | None:
    """(unit, kind, end) for what follows a number at `pos`, or None if nothing fits."""
    if m := _PERCENT.match(text, pos):
        return "%", "percent", m.end()
    if m := _POINTS.match(text, pos):
        return "percentage points", "percent", m.end()
    if m := _BASIS_POINTS.match(text, pos):
        return "bp", "percent", m.end()
    if (m := _CURRENCY_AFTER.match(text, pos)) and (code := _currency(m, scaled, country)):
        return code, "money", m.end()
    if m := _MEASURE.match(text, pos):
        return _MEASURES[m["m"].lower()], "measure", m.end()
    if m := _NOUNS.match(text, pos):
        first, second = m["w1"], m["w2"]
        if _is_plural_noun(first):
            return first, "count", m.end("w1")
        if first not in _NOT_NOUNS and second and _is_plural_noun(second):
            return second, "count", m.end("w2")  # "246,000 new jobs"
    return None


def _currency(match: re.Match, scaled: bool, country: str | None) -> str | None:
    """ISO 4217 code for "<qualifier> <currency word>" or a currency word alone: the one currency
    of that name, else the one of the story's country, else the word's usual meaning
    ("dollars": USD); None for what is not money here ("5 pounds" of rice)."""
    word = match["word"].lower()
    codes = CURRENCIES.codes_of_word.get(word)
    if not codes:
        return None
    if match["dem"] and (code := CURRENCIES.qualified.get((match["dem"].lower(), word))):
        return code
    if word in _WORDS_NEEDING_SCALE and not scaled:
        return None
    if len(set(codes)) == 1:
        return codes[0]
    if country and (code := CURRENCIES.of_country.get((word, country.upper()))):
        return code
    return CURRENCIES.default.get(word, word)  # "pesos" with no country: the word stays


def _is_plural_noun(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in _NOT_NOUNS


def _is_date_or_time(text: str, match: re.Match) -> bool:
    """ "Feb. 2", "10:30", "3 p.m.", "0800 GMT", "1st" (ordinals never match the pattern)."""
    if match["cur"] or match["scale"]:
        return False
    if _CLOCK.match(text, match.end("num")):
        return True
    return bool(_MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()))


def _looks_like_year(num: str, scale: str | None) -> bool:
    return not scale and num.isdigit() and len(num) == 4 and 1000 <= int(num) <= 2199


def _follows_name(text: str, start: int) -> bool:
    """A capitalised word right before the number: "Article 5", "Boeing 737", "In 2017"."""
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not word or not word.group(1)[0].isupper():
        return False
    return word.group(1).lower() not in _FUNCTION_WORDS  # "About 30 people" opens a sentence
