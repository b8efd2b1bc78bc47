"""Amounts: every rule with the wire-style sentence that motivated it."""

from __future__ import annotations

import pytest

from tasks.amounts import Amount, find_amounts
from tests.conftest import shared_file


def amounts(text: str) -> list[tuple[str, float, str | None, str]]:
    found = find_amounts(text)
    for amount in found:
        assert text[amount.start:amount.end] == amount.text
    return [(a.text, a.value, a.unit, a.kind) for a in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. private sector adds 246,000 jobs in January: ADP",
         ("246,000 jobs", 246_000, "jobs", "count")),
        ("Sirte, located 450 km east the capital Tripoli", ("450 km", 450, "km", "measure")),
        ("The company said it would invest $1.2 billion in the plant.",
         ("$1.2 billion", 1.2e9, "USD", "money")),
        ("GDP grew 3.5 percent in the third quarter.", ("3.5 percent", 3.5, "%", "percent")),
        ("Shares rose 2.1% on Monday.", ("2.1%", 2.1, "%", "percent")),
        ("The county will spend 20 million yuan on the project.",
         ("20 million yuan", 2e7, "CNY", "money")),
        ("China's reserves stood at 1.5 trillion U.S. dollars.",
         ("1.5 trillion U.S. dollars", 1.5e12, "USD", "money")),
        ("Two dozen soldiers were wounded.", ("Two dozen soldiers", 24, "soldiers", "count")),
        ("The firm raised €3bn from investors.", ("€3bn", 3e9, "EUR", "money")),
        ("He paid HK$5.2 million for the flat.", ("HK$5.2 million", 5.2e6, "HKD", "money")),
        ("Fines of 12 Libyan dinars were imposed.", ("12 Libyan dinars", 12, "LYD", "money")),
        ("The bank paid 5 million pounds.", ("5 million pounds", 5e6, "GBP", "money")),
        ("The baby weighed 5 pounds.", ("5 pounds", 5, "lb", "measure")),  # not sterling
        ("The state has a population of 1.2 million.", ("1.2 million", 1.2e6, None, "number")),
        ("Employers added 246,000 new jobs.", ("246,000 new jobs", 246_000, "jobs", "count")),
        ("About 30 people died in the blast.", ("30 people", 30, "people", "count")),
        ("twenty-five children were rescued", ("twenty-five children", 25, "children", "count")),
        ("Support rose by 10-15 percent.", ("15 percent", 15, "%", "percent")),
        ("The bill costs RMB 20 million.", ("RMB 20 million", 2e7, "CNY", "money")),
        ("Unemployment fell 0.3 percentage points.",
         ("0.3 percentage points", 0.3, "percentage points", "percent")),
    ],
)
def test_one_amount(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The war ended in 2017 and the 2016 elections were close.",  # years
        "BEIJING, Feb. 2 (Xinhua) -- on February 2, 2017",  # dates
        "The meeting starts at 10:30 a.m. and ends at 3 p.m., 0800 GMT.",  # times
        "He finished 1st and she came 2nd in the 3rd round.",  # ordinals
        "Call +49 30 1234567 or (202) 555-0100 for details.",  # phone numbers
        "1. Sanctions\n2) Boeing 737 jets and Article 5 forces",  # list numbers, names
        "The G20 leaders discussed COVID-19 cases and F-16 fighters.",  # glued to names
        "A 45-year-old man, 57, was held.",  # ages
        "The team won 3-1, scoring 5m from goal.",  # scores, "5m" without a currency
    ],
)
def test_not_amounts(text):
    assert amounts(text) == []


def test_dpa_paragraph_with_several_amounts():
    text = ("BERLIN (dpa) - Germany will send 1,200 soldiers and 3.2 billion euros in aid, the "
            "government said on March 3, adding that 40 percent of the money would go to "
            "schools within 250 kilometres of the border.")
    assert amounts(text) == [
        ("1,200 soldiers", 1200, "soldiers", "count"),
        ("3.2 billion euros", 3.2e9, "EUR", "money"),
        ("40 percent", 40, "%", "percent"),
        ("250 kilometres", 250, "km", "measure"),
    ]


def test_amount_fields():
    [amount] = find_amounts("They lost $5m.")
    assert amount == Amount(10, 13, "$5m", 5e6, "USD", "money")


def test_xinhua_sample_450_km():
    text = shared_file("samples/text/xinhua-china-org-cn-2017-02-02.txt").read_text("utf-8")
    body = text.split("Xinhua, February 2, 2017 Adjust font size:")[1].split("Endit")[0]
    assert amounts(body) == [("450 km", 450, "km", "measure")]


# --- currencies (tasks/data/currencies.tsv) and basis points ---------------------------------


@pytest.mark.parametrize(
    "text, country, expected",
    [
        # issue 18: these stayed words ("birr", unit None) and basis points were a unit "basis"
        ("Ethiopia's budget is 3.6 trillion birr.", None, ("3.6 trillion birr", 3.6e12, "ETB", "money")),
        ("The central bank raised rates by 19 basis points.", None, ("19 basis points", 19, "bp", "percent")),
        ("Yields rose 25 bps.", None, ("25 bps", 25, "bp", "percent")),
        ("Vietnam will spend 40 billion dong.", None, ("40 billion dong", 4e10, "VND", "money")),
        ("Equinor paid 200 million Norwegian kroner.", None, ("200 million Norwegian kroner", 2e8, "NOK", "money")),
        ("Volvo earned 2 billion Swedish kronor.", None, ("2 billion Swedish kronor", 2e9, "SEK", "money")),
        ("The fine was 3 million kronor.", None, ("3 million kronor", 3e6, "SEK", "money")),  # only Sweden's
        # a currency word several countries use: the story's (dateline) country decides
        ("The bank lent 5 million pesos.", "MX", ("5 million pesos", 5e6, "MXN", "money")),
        ("The bank lent 5 million pesos.", "AR", ("5 million pesos", 5e6, "ARS", "money")),
        ("Carlsberg paid 9 billion kroner.", "DK", ("9 billion kroner", 9e9, "DKK", "money")),
        ("Kuwait spent 2 billion dinars.", "KW", ("2 billion dinars", 2e9, "KWD", "money")),
        ("Prices reached 700 million rupees.", "PK", ("700 million rupees", 7e8, "PKR", "money")),
        # ... and without one the word stays: a wrong code would be summed with the wrong money
        ("The bank lent 5 million pesos.", None, ("5 million pesos", 5e6, "pesos", "money")),
        # a qualifier beats the country; the usual meaning of "dollars" is USD
        ("Grants of 5 million Mexican pesos.", "AR", ("5 million Mexican pesos", 5e6, "MXN", "money")),
        ("It raised 3 million dollars.", None, ("3 million dollars", 3e6, "USD", "money")),
        ("It raised 3 million dollars.", "AU", ("3 million dollars", 3e6, "AUD", "money")),
        # signs and codes before the number, from the same table
        ("Dangote raised ₦2 billion.", None, ("₦2 billion", 2e9, "NGN", "money")),
        ("Jakarta set aside Rp 30 billion.", None, ("Rp 30 billion", 3e10, "IDR", "money")),
        ("The loan is ETB 5 billion.", None, ("ETB 5 billion", 5e9, "ETB", "money")),
        ("Manila spent ₱5 million.", None, ("₱5 million", 5e6, "PHP", "money")),
    ],
)
def test_currencies_as_iso_codes(text, country, expected):
    found = find_amounts(text, country)
    assert [(a.text, a.value, a.unit, a.kind) for a in found] == [expected]


@pytest.mark.parametrize("text", ["Team 2 won the cup.", "She won three crowns.", "Bring 5 pounds of rice."])
def test_currency_words_that_are_english_words_need_a_scale(text):
    assert all(a.kind != "money" for a in find_amounts(text))


def test_currency_table_is_iso_4217_and_complete_enough():
    from tasks.amounts import CURRENCIES

    codes = set(CURRENCIES.signs.values()) | {c for cs in CURRENCIES.codes_of_word.values() for c in cs}
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert len(codes) >= 120  # the world's currencies, not a handful
    for word in ("pesos", "kroner", "kronor", "dinars", "birr", "dong", "rand", "naira", "shillings", "rupiah"):
        assert word in CURRENCIES.codes_of_word, word
