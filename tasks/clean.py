"""Bytes to clean text: charset detection, mojibake repair, Unicode and white-space normalisation.

Wire files arrive in whatever charset the sender's system used (UTF-8, cp1252, Latin-1,
UTF-16), sometimes already garbled by a wrong decode upstream. Every reader goes through
`decode_text` so that all stories reach the parser as NFC text with plain spaces and
"\\n" line ends.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from tasks.records import Reject

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, FF, CR: a text file has (almost) none of them.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_MAX_CONTROL_SHARE = 0.02

# Every kind of horizontal space (NBSP, thin space, ideographic space, tabs ...) becomes " ".
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width marks, soft hyphen
_BLANK_RUNS = re.compile(r"\n{3,}")
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# The mark of UTF-8 read as cp1252/Latin-1: a lead byte (Â Ã â ...) followed by a
# continuation byte shown as Latin-1 or cp1252 ("Ã©", "â€œ"). Only then is ftfy's
# (slow) repair worth running.
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
               "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]")


def detect_charset(data: bytes) -> str:
    """Name the codec that decodes `data`: BOM first, then UTF-16 without BOM, UTF-8, then a guess."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, str | None]:
    """(codec, text) where detection already decoded the bytes (UTF-8), else (codec, None)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, None
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16, None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data or _control_share(data) > _MAX_CONTROL_SHARE:
        raise Reject("decode", "binary content", "control bytes or NUL in what should be text")
    if _looks_western(data):
        return ("cp1250" if _central_european(data) else "cp1252"), None
    best = from_bytes(data[:65536]).best()
    if best is None:
        raise Reject("decode", "unknown charset", "no charset decodes these bytes")
    return best.encoding, None


def decode_text(data: bytes) -> str:
    """Decode raw bytes to normalised text, or raise Reject(stage="decode")."""
    if not data.strip():
        raise Reject("decode", "empty file", f"{len(data)} bytes of white space or nothing")
    codec, text = _decode(data)
    try:
        text = text if text is not None else data.decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise Reject("decode", "undecodable bytes", f"{codec}: {exc}") from None
    text = text.lstrip("\ufeff")
    if "\x00" in text or _control_share(text.encode("utf-8", "replace")) > _MAX_CONTROL_SHARE:
        raise Reject("decode", "binary content", f"control characters after decoding as {codec}")
    text = normalise_text(text)
    if not text:  # a BOM, or white space in UTF-16: nothing left once decoded
        raise Reject("decode", "empty file", f"{len(data)} bytes, no text once decoded as {codec}")
    return text


def normalise_text(text: str) -> str:
    """Repair mojibake, NFC-normalise, unify line ends and spaces; keep blank-line structure.

    Idempotent: normalise_text(normalise_text(t)) == normalise_text(t). One pass is not:
    dropping a control or invisible mark can join a letter to a combining accent (not NFC
    until the next pass) or two halves of a mojibake pair, so passes repeat until stable.
    """
    for _ in range(_MAX_PASSES):
        cleaned = _normalise_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


_MAX_PASSES = 4


def _normalise_once(text: str) -> str:
    text = _SURROGATES.sub("\ufffd", text)  # lone surrogates ("\\ud800" in JSON) cannot be UTF-8
    if _MOJIBAKE.search(text):
        # Quotes stay as the agency wrote them; ftfy would straighten them by default.
        text = ftfy.fix_text(text, normalization="NFC", unescape_html=False, uncurl_quotes=False)
    else:
        text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > 0.4 * len(zeros) and other.count(0) < 0.05 * len(other):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _looks_western(data: bytes) -> bool:
    """Most non-UTF-8 wire copy is cp1252/Latin-1: single accented letters among ASCII.

    Statistical detectors misjudge short Western texts (as cp1250 or cp1251, say). In
    Latin-script languages a non-ASCII letter rarely follows another; in Cyrillic or Greek
    text decoded as cp1252 it mostly does.
    """
    try:
        text = data[:65536].decode("cp1252")
    except UnicodeDecodeError:
        return False
    foreign = [i for i, c in enumerate(text) if c >= "\x80" and c.isalpha()]
    in_runs = sum(1 for i in foreign if i and text[i - 1] >= "\x80" and text[i - 1].isalpha())
    return in_runs <= 0.3 * len(foreign)


# Bytes that are letters in cp1250 (Polish, Czech, Slovak ...) but symbols, or unused, in
# cp1252: ą ł ź Ł Ą Ż ť Ť ľ Ľ ż (as ¹ ³ Ÿ £ ¥ ¯ - - ¾ ¼ ¿). Next to a letter they are words.
_CE_LETTER_BYTES = frozenset(b"\xb9\xb3\x9f\xa3\xa5\xaf\x9d\x8d\xbe\xbc")
# ě and ů inside a word: Czech all the time; Italian ì and French ù end their words.
_CE_INNER_BYTES = frozenset(b"\xec\xf9")


def _central_european(data: bytes) -> bool:
    """Single-byte Central European copy (ČTK, PAP, MTI ...) is cp1250, not cp1252.

    The two agree on ASCII and on many accented letters; they differ on letters such as ą ł ż
    ě ů, which cp1252 reads as symbols or as letters that do not sit inside words. Counted
    only next to letters, so "¿Qué", "£5" and "cœur" stay Western.
    """
    sample = data[:65536]
    letter = lambda b: 65 <= b <= 90 or 97 <= b <= 122 or b >= 0xC0  # noqa: E731
    signals = 0
    for i, byte in enumerate(sample):
        if byte < 0x80:
            continue
        before = i > 0 and letter(sample[i - 1])
        after = i + 1 < len(sample) and letter(sample[i + 1])
        if byte in _CE_LETTER_BYTES and (before or after):
            signals += 1
        elif byte == 0xBF and before:  # ż after a letter; Spanish ¿ opens a question
            signals += 1
        elif byte in _CE_INNER_BYTES and before and after:
            signals += 1
    return signals >= 2


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = len(data) - len(data.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    return controls / len(data)
