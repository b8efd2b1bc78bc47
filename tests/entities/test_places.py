"""Place lookup: every precedence rule with the wire-copy names that motivated it."""

from __future__ import annotations

import pytest

from tasks.entities.places import Place, locate
from tests.conftest import shared_file

# A Reuters-style paragraph's places, as the entity stage would hand them over.
REUTERS = (
    "WASHINGTON (Reuters) - U.S. and British officials met in Paris on Tuesday, while envoys "
    "from Russia, Georgia and Texas-based firms flew to Kiev and the Middle East."
)


@pytest.mark.parametrize(
    "name, code",
    [
        ("Libya", "LY"), ("Sirte", "LY"), ("Tripoli", "LY"),  # the Xinhua story
        ("U.S.", "US"), ("US", "US"), ("United States", "US"), ("USA", "US"),
        ("Britain", "GB"), ("UK", "GB"), ("Russia", "RU"),
        ("the Netherlands", "NL"), ("Cote d’Ivoire", "CI"),  # "the", curly apostrophe, no accent
    ],
)
def test_countries_and_their_aliases(name, code):
    assert locate(name).country_code == code


def test_a_country_is_a_country_without_coordinates():
    libya = locate("Libya")
    assert (libya.name, libya.kind, libya.lat, libya.lon) == ("Libya", "country", None, None)
    assert locate("U.S.") is locate("United States")  # one shared object per place


def test_country_beats_a_same_named_state_or_town():
    assert locate("Georgia").country_code == "GE"  # not the US state
    assert locate("Lebanon").country_code == "LB"  # not Lebanon, Pennsylvania
    assert locate("Jordan").country_code == "JO"


def test_ambiguous_city_is_the_most_populous():
    tripoli = locate("Tripoli")  # Libya's capital (1.3 M) over Tripoli, Lebanon (0.2 M)
    assert (tripoli.kind, tripoli.country_code) == ("city", "LY")
    assert tripoli.lat == pytest.approx(32.89, abs=0.05)
    assert tripoli.lon == pytest.approx(13.19, abs=0.05)
    assert locate("Paris").country_code == "FR"  # not Paris, Texas
    assert locate("London").country_code == "GB"  # not London, Ontario


def test_city_with_coordinates():
    sirte = locate("Sirte")
    assert (sirte.name, sirte.kind, sirte.country_code) == ("Sirte", "city", "LY")
    assert sirte.lat == pytest.approx(31.21, abs=0.05)
    assert sirte.lon == pytest.approx(16.59, abs=0.05)
    assert sirte.geonameid == 2210554


def test_us_states_are_us_but_new_york_and_washington_are_cities():
    assert locate("Texas") == Place("Texas", "state", "US", None, None, 4736286)
    assert locate("New York").kind == "city"
    assert locate("Washington").kind == "city"
    assert locate("Washington").lat == pytest.approx(38.9, abs=0.1)


def test_regions_and_continents_carry_no_country_unless_in_one():
    assert locate("Middle East") == Place("Middle East", "region", None)
    assert locate("West Bank").country_code == "PS"  # lies in one territory
    europe = locate("Europe")
    assert (europe.kind, europe.country_code) == ("continent", None)
    assert europe.lat is not None


def test_other_spellings_of_cities():
    assert locate("Kiev").name == "Kyiv"  # gazetteer spelling, GeoNames coordinates
    assert locate("Bombay").name == "Mumbai"  # a GeoNames alternate name
    assert locate("Peking").country_code == "CN"
    assert locate("Sao Paulo").name == "São Paulo"  # accents optional
    assert locate("san jose").country_code == "CR"  # gazetteer's capital over San Jose, US


def test_unknown_or_non_place_names_give_none():
    assert locate("Stoltenberg") is None
    assert locate("Libyan") is None  # nationality words are not places
    assert locate("") is None


def test_reuters_paragraph_places():
    names = ["WASHINGTON", "U.S.", "Paris", "Russia", "Georgia", "Texas", "Kiev", "Middle East"]
    assert [locate(n).country_code for n in names] == ["US", "US", "FR", "RU", "GE", "US", "UA",
                                                       None]
    assert all(n in REUTERS for n in names)


def test_xinhua_sample_places():
    text = shared_file("samples/text/xinhua-china-org-cn-2017-02-02.txt").read_text("utf-8")
    for name in ("Libya", "Sirte", "Tripoli"):
        assert name in text
        assert locate(name).country_code == "LY"
