"""Organisations by category (religious bodies, political parties, advocacy groups), and the
capitalised things that are no organisation (measures, technologies, honours after a name,
currency letters, Roman numerals, programmes). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tasks.entities import find_entities


def typed(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in find_entities(text)}


@pytest.mark.parametrize(
    "text, name",
    [
        ("A spokesman for the Church of Jesus Christ of Latter-day Saints declined to comment.",
         "Church of Jesus Christ of Latter-day Saints"),
        ("The Southern Baptist Convention voted on the motion in Dallas.", "Southern Baptist Convention"),
        ("Opus Dei runs two schools in the city, officials said.", "Opus Dei"),
        ("The World Council of Churches held its assembly in Geneva.", "World Council of Churches"),
    ],
)
def test_religious_bodies_are_organisations(text, name):
    assert (name, "ORG") in typed(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Economic Freedom Fighters walked out of parliament in Cape Town.", "Economic Freedom Fighters"),
        ("Plaid Cymru and the Liberal Democrats formed a pact in Cardiff.", "Plaid Cymru"),
        ("Fine Gael lost two seats to Sinn Fein in Dublin.", "Fine Gael"),
        ("The United Malays National Organisation returned to government.",
         "United Malays National Organisation"),
    ],
)
def test_political_parties_are_organisations(text, name):
    assert (name, "ORG") in typed(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Children who lack iodine lose about 12 IQ points, researchers said.", "IQ"),
        ("The page was rebuilt in HTML by the web team in Denver.", "HTML"),
        ("Defence counsel Mark Ellison, QC, told the court in Sydney the claim was false.", "QC"),
        ("He was freed on US$ 15,000 bail in Los Angeles on Friday.", "US"),
        ("The fine was set at NZ$ 500 by the court in Auckland.", "NZ"),
        ('"Rovers against the bank, part XIV", the blogger in Leeds wrote.', "XIV"),
        ("Nobody may leave, UNLESS the mayor of Boston signs the order.", "UNLESS"),
    ],
)
def test_common_capitalised_words_are_no_names(text, word):
    assert word not in {name for name, _ in typed(text)}


def test_roman_numeral_in_a_name_stays_with_the_name():
    found = typed("Louis XIV lived at Versailles, and the Mayor of Washington DC visited it.")
    assert ("Louis XIV", "PERSON") in found
    assert ("Washington DC", "LOC") in found


def test_a_programme_is_no_organisation_but_a_known_one_is():
    found = typed("Funding for the Lunar Gateway Program was cut, the World Food Programme said.")
    assert ("Lunar Gateway Program", "ORG") not in found
    assert ("World Food Programme", "ORG") in found


@pytest.mark.parametrize(
    "text, place, kind",
    [
        ("Malaysia's Prime Minister said the boats would be turned back.", "Malaysia", "LOC"),
        ("Kerry called Thailand's foreign minister about the camps on Monday.", "Thailand", "LOC"),
        ("The talks stalled after Chile's government rejected the offer.", "Chile", "ORG"),
    ],
)
def test_a_country_before_an_office_holders_title_stays_a_place(text, place, kind):
    assert (place, kind) in typed(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Diocese of Brooklyn said it would close three schools.", "Diocese of Brooklyn"),
        ("The Greek Orthodox Archdiocese of America issued a statement.", "Greek Orthodox Archdiocese of America"),
        ("The Methodist Church of Southern Africa signed the letter.", "Methodist Church of Southern Africa"),
    ],
)
def test_dioceses_and_churches_by_their_heads_are_organisations(text, name):
    assert (name, "ORG") in typed(text)
