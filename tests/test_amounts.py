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
