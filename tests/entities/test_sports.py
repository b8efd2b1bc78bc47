"""Sports copy (tasks.entities.sports): a city or country named as a side is its team, an ORG."""

from __future__ import annotations

import pytest

from tasks.entities import find_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in find_entities(text)]


@pytest.mark.parametrize(
    "text, teams",
    [
        ("Leeds beat Arsenal 2-1 at Elland Road on Saturday.", ["Leeds", "Arsenal"]),
        ("Leeds beat Arsenal.", ["Leeds", "Arsenal"]),
        ("Results on Sunday: Barcelona 2 Sevilla 1, Valencia 0 Getafe 0.", ["Barcelona", "Sevilla", "Valencia", "Getafe"]),
        ("Group B - Portugal 3-3 Spain. Spain had more of the ball.", ["Portugal", "Spain"]),
        ("Standings:\n1. Leeds 10 7 2 1 23\n2. Burnley 10 6 3 1 21\n3. Coventry 10 6 2 2 20\n",
         ["Leeds", "Burnley", "Coventry"]),
    ],
)
def test_sides_named_after_their_city_or_country_are_teams(text, teams):
    kinds = dict(found(text))
    assert {name: kinds.get(name) for name in teams} == {name: "ORG" for name in teams}


def test_a_side_stays_a_team_at_every_mention_and_its_city_a_place():
    text = ("Norway defeated Iceland 3-1 in the qualifier on Tuesday. The striker put Norway ahead "
            "after ten minutes, and Iceland's goalkeeper was sent off. The match was played in Norway.")
    assert found(text).count(("Norway", "ORG")) == 2
    assert ("Norway", "LOC") in found(text)
    assert ("Iceland", "ORG") in found(text)


def test_places_outside_sports_copy_and_tables_of_figures_stay_places():
    assert ("Germany", "LOC") in found("Exports, in billions:\nGermany 120 130 140\nFrance 80 90 95\nItaly 50 55 60\n")
    assert ("Kenya", "LOC") in found("Floods hit Kenya and 12 people died, officials said on Monday.")
    # a player beating another stays a person
    assert ("Rafael Nadal", "PERSON") in found("Rafael Nadal beat Novak Djokovic 6-3 6-4 in the final.")
