"""Organisations the text itself reveals, and things that are no person or organisation:
unknown names with officials, members, a website or reporters; the X of a "Church of X";
award titles after a sponsor; spacecraft. Sentences and names invented for these tests."""

from __future__ import annotations

import pytest

from tasks.entities import find_entities


def typed(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in find_entities(text)}


def types_of(text: str, name: str) -> set[str]:
    return {e.type for e in find_entities(text) if e.text == name}


@pytest.mark.parametrize(
    "text, name",
    [
        ("The plan was dropped on Monday after Velmora officials objected. A week later, the "
         "Velmora website was taken down and a Velmora spokesman declined to comment.", "Velmora"),
        ("Several former members of Quintarism described strict rules. Critics of Quintarism say "
         "the group controls its followers.", "Quintarism"),
        ("The minister resigned on Friday, Corvanet has learned. The decision came after weeks of "
         "pressure.", "Corvanet"),  # an outlet naming itself
        ("In 2019 the band played a festival. The Telvana website lists dates in May, and Telvana "
         "staff said tickets sold out.", "Telvana"),
    ],
)
def test_unknown_name_with_staff_or_site_is_an_organisation(text, name):
    assert types_of(text, name) == {"ORG"}


def test_church_of_x_makes_x_alone_the_organisation():
    text = ("The Church of Ordovism owns the ship. Lawyers say Ordovism has never paid tax on it, "
            "and the ship is registered abroad.")
    assert {("Church of Ordovism", "ORG"), ("Ordovism", "ORG")} <= typed(text)


def test_church_of_a_place_leaves_the_place_alone():
    text = "The Church of Scotland has 300,000 members. Most of them live in Scotland."
    assert ("Scotland", "LOC") in typed(text)


def test_award_title_is_no_part_of_the_sponsor_and_no_place():
    found = typed("Kovac scored twice and won the Zentro Man of the Match award after the game in Leeds.")
    assert ("Zentro", "ORG") in found
    assert not {t for n, t in found if "Man" in n} - {"MISC"}
    assert ("Man", "LOC") not in typed("Defender Tomas Brenner was named Man of the Match.")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Space Shuttle Orion lifted off from Florida in 1994. Orion flew 30 missions before NASA "
         "retired it, and Orion will go on display in Ohio.", "Orion"),
        ("The Mars rover Kestrel sent back images on Monday. Kestrel has driven 20 km.", "Kestrel"),
    ],
)
def test_spacecraft_are_no_person_or_organisation(text, name):
    assert types_of(text, name) == {"MISC"}
