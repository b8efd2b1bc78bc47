import codecs
import random

import pytest

from tasks.clean import decode_text, detect_charset, normalise_text
from tasks.records import Reject

STORY = "Grüße aus München: “Wir sind bereit,” sagte der Minister — am Montag in Köln."


@pytest.mark.parametrize("codec", ["utf-8", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_every_charset_decodes_to_the_same_text(codec):
    assert decode_text(STORY.encode(codec)) == STORY


def test_latin1_german_is_not_mistaken_for_cyrillic():
    text = "Die Bundesregierung hält an ihrem Kurs fest, sagte Regierungssprecher Müller."
    assert decode_text(text.encode("latin-1")) == text


def test_cyrillic_legacy_charset_is_detected():
    text = "Президент России заявил сегодня, что переговоры продолжатся на следующей неделе."
    assert decode_text(text.encode("cp1251")) == text


def test_mojibake_is_repaired():
    import ftfy.bad_codecs  # noqa: F401  registers the "sloppy" codecs browsers use

    garbled = STORY.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")
    assert "â€œ" in garbled.decode("utf-8")
    assert decode_text(garbled) == STORY


def test_utf8_bom_is_dropped():
    assert decode_text(codecs.BOM_UTF8 + b"Headline\n\nBody.") == "Headline\n\nBody."


def test_white_space_is_unified_but_blank_lines_kept():
    raw = "Head\u00a0\u00a0line\t here \r\n\r\n\r\n\r\nFirst\u200b para.\rSecond line"
    assert normalise_text(raw) == "Head line here\n\nFirst para.\nSecond line"


def test_normalise_is_idempotent():
    once = normalise_text("A\u00a0b  \r\n\n\n\nc\u0301 “q”")
    assert normalise_text(once) == once
    assert "ć" in once  # NFC composes c + combining acute


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\n", "empty file"),
    (random.Random(7).randbytes(4000), "binary content"),
    (b"PK\x03\x04\x00\x00\x00\x08" + bytes(200), "binary content"),
])
def test_unreadable_bytes_are_rejected_with_reason(data, reason):
    with pytest.raises(Reject) as caught:
        decode_text(data)
    assert caught.value.stage == "decode"
    assert caught.value.reason == reason


def test_detect_charset_prefers_bom():
    assert detect_charset(codecs.BOM_UTF16_LE + "x".encode("utf-16-le")) == "utf-16-le"


@pytest.mark.parametrize("text", [
    "Prezydent powiedział, że Polska będzie wspierać sąsiadów. Łódź i Kraków są gotowe na zmiany.",
    "Řidiči v Praze musí počítat s uzavírkami, řekl mluvčí. Něco se změní na mostě.",
    "Minister pověřil úřad, aby během měsíce předložil zprávu o stavu silnic.",
])
def test_central_european_copy_in_cp1250_is_read_as_cp1250(text):
    assert decode_text(text.encode("cp1250")) == text


@pytest.mark.parametrize("text", [
    "¿Qué pasará mañana? El señor García habló en Málaga. Costó £5 y 3¾ horas.",
    "Le cœur de la ville: où est la sœur du maître? Così è più bello, già.",
    "Københavns borgmester sagde, at søndagens møde går godt. Ærø og Ålborg følger.",
    "Der Bürgermeister sagte, die Straße über die Brücke bleibt geöffnet.",
])
def test_western_copy_stays_cp1252(text):
    assert decode_text(text.encode("cp1252")) == text
