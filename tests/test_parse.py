from datetime import date, datetime, timezone

import pytest

from tasks.parse import (
    canonical_agency, date_near, dateline_place, detect_language, find_date, find_month_day, finish_story,
    split_dateline, split_slugs, strip_end_mark,
)
from tasks.records import Reject, Story


@pytest.mark.parametrize("headline, clean, kind, version", [
    ("1st LD Writethru: EU, Mexico agree to accelerate trade talks", "EU, Mexico agree to accelerate trade talks", "writethru", 2),
    ("2nd LD Writethru: Quake toll rises", "Quake toll rises", "writethru", 3),
    ("2nd LD: Quake toll rises", "Quake toll rises", "writethru", 3),
    ("Urgent: U.S. travel ban \"not the best way\"", "U.S. travel ban \"not the best way\"", "urgent", 1),
    ("Roundup: Chinese ambassador urges efforts", "Chinese ambassador urges efforts", "roundup", 1),
    ("Interview: Hamas will boycott elections", "Hamas will boycott elections", "interview", 1),
    ("Commentary: A bridge too far", "A bridge too far", "commentary", 1),
    ("Feature: Life on the Mekong", "Life on the Mekong", "feature", 1),
    ("Spotlight: Rising seas", "Rising seas", "spotlight", 1),
    ("UPDATE 2-Oil prices fall", "Oil prices fall", "update", 3),
    ("Urgent: 1st LD Writethru: Blast hits port", "Blast hits port", "urgent", 2),
    ("NATO chief, Libyan PM discuss security", "NATO chief, Libyan PM discuss security", "story", 1),
    ("Urgent:", "Urgent:", "story", 1),  # nothing but a slug: keep it as the headline
    ("Feature film wins award", "Feature film wins award", "story", 1),  # a word, not a slug
])
def test_desk_slugs(headline, clean, kind, version):
    slugs = split_slugs(headline)
    assert (slugs.headline, slugs.kind, slugs.version) == (clean, kind, version)


@pytest.mark.parametrize("paragraph, dateline, place, agency, when, rest", [
    ("BEIJING, Feb. 2 (Xinhua) -- NATO chief said", "BEIJING, Feb. 2 (Xinhua)", "BEIJING", "Xinhua", "Feb. 2", "NATO chief said"),
    ("WASHINGTON (AP) -- The Senate voted", "WASHINGTON (AP)", "WASHINGTON", "AP", None, "The Senate voted"),
    ("LOS ANGELES (Reuters) - Shares rose", "LOS ANGELES (Reuters)", "LOS ANGELES", "Reuters", None, "Shares rose"),
    ("Berlin (dpa) - Die Regierung", "Berlin (dpa)", "Berlin", "dpa", None, "Die Regierung"),
    ("PARIS, Aug 29, 2014 (AFP) - France said", "PARIS, Aug 29, 2014 (AFP)", "PARIS", "AFP", "Aug 29, 2014", "France said"),
    ("SÃO PAULO, March 3 (Reuters) - Brazil", "SÃO PAULO, March 3 (Reuters)", "SÃO PAULO", "Reuters", "March 3", "Brazil"),
    ("UNITED NATIONS (AP) — The council", "UNITED NATIONS (AP)", "UNITED NATIONS", "AP", None, "The council"),
    ("WASHINGTON -- The president", "WASHINGTON", "WASHINGTON", None, None, "The president"),
    # agencies without round brackets, or several in one mark
    ("SEOUL, Nov 26 AFP - North Korea fired", "SEOUL, Nov 26 AFP", "SEOUL", "AFP", "Nov 26", "North Korea fired"),
    ("San Diego (tca/dpa) - The zoo said", "San Diego (tca/dpa)", "San Diego", "dpa", None, "The zoo said"),
    ("Paris (ats afp) Le gouvernement a", "Paris (ats afp)", "Paris", "ATS", None, "Le gouvernement a"),
    ("London (CNN) The prime minister", "London (CNN)", "London", "CNN", None, "The prime minister"),
    ("MOSCOW, January 21. /TASS/. The Kremlin said", "MOSCOW, January 21. /TASS/", "MOSCOW", "TASS", "January 21.",
     "The Kremlin said"),
    ("Aarhus /ritzau/: Politiet efterlyser", "Aarhus /ritzau/", "Aarhus", "Ritzau", None, "Politiet efterlyser"),
    # a US state after the place is part of the place, not a date
    ("FORT WASHINGTON, Pa. (AP) — A company", "FORT WASHINGTON, Pa. (AP)", "FORT WASHINGTON, Pa.", "AP", None, "A company"),
])
def test_datelines(paragraph, dateline, place, agency, when, rest):
    found = split_dateline(paragraph)
    assert (found.text, found.place, found.agency, found.when, found.rest) == (dateline, place, agency, when, rest)


@pytest.mark.parametrize("paragraph", [
    "The United Nations (UN) said on Monday it would send aid.",
    "Stoltenberg said NATO stands ready -- and meant it.",
    "BEIJING, Feb. 2 (Xinhua) -- ",  # a dateline with nothing after it is not a story start
    "The committee (which met twice) said no.",  # an unknown bracket without a separator is prose
    "2014-07-16 13:00:03 GMT+00:00 - Markets",  # a timestamp is never a dateline
])
def test_prose_is_not_a_dateline(paragraph):
    assert split_dateline(paragraph) is None


@pytest.mark.parametrize("text, day, moment", [
    ("Xinhua, February 2, 2017 Adjust font size:", date(2017, 2, 2), None),
    ("AP, Jan. 9, 2021 Adjust font size:", date(2021, 1, 9), None),
    ("AFP, 3 May 2018 Adjust font size:", date(2018, 5, 3), None),
    ("dpa, 21. Juli 2020", date(2020, 7, 21), None),
    ("dpa, 2020-07-21 14:05 GMT Adjust font size:", date(2020, 7, 21), datetime(2020, 7, 21, 14, 5, tzinfo=timezone.utc)),
    ("Updated: 2017-02-02T10:31:22+08:00", date(2017, 2, 2), datetime(2017, 2, 2, 2, 31, 22, tzinfo=timezone.utc)),
    ("March 3, 2019 at 4:15 p.m. EST", date(2019, 3, 3), datetime(2019, 3, 3, 21, 15, tzinfo=timezone.utc)),
])
def test_find_date(text, day, moment):
    found = find_date(text)
    assert found.day == day
    assert found.moment == moment


@pytest.mark.parametrize("text", ["Reuters Adjust font size:", "February 30, 2017", "in 2017 the"])
def test_no_full_date(text):
    assert find_date(text) is None


def test_month_day_without_year_lands_near_the_file_date():
    assert find_month_day("CAIRO, March 3 (Xinhua)") == (3, 3)
    assert date_near(3, 3, date(2019, 3, 4)) == date(2019, 3, 3)
    assert date_near(12, 31, date(2020, 1, 2)) == date(2019, 12, 31)  # across new year
    assert date_near(2, 30, date(2020, 3, 1)) is None


@pytest.mark.parametrize("paragraphs, kept", [
    (["One.", "Two for almost a year. Endit"], ["One.", "Two for almost a year."]),
    (["One.", "Two.", "ENDS", "Share this story"], ["One.", "Two."]),
    (["One.", "Two. (END)"], ["One.", "Two."]),
    (["One.", "-- 30 --"], ["One."]),
    (["One.", "###"], ["One."]),
    (["The legend never ENDS well", "Two."], ["The legend never ENDS well", "Two."]),
    (["Eins.", "Zwei.", "dpa grj rmo"], ["Eins.", "Zwei."]),  # editors' initials sign off
    (["dpa", "Two."], ["dpa", "Two."]),
])
def test_end_marks(paragraphs, kept):
    assert strip_end_mark(paragraphs)[0] == kept


@pytest.mark.parametrize("name, canonical", [
    ("The Associated Press", "AP"), ("xinhua", "Xinhua"), ("Agence France-Presse", "AFP"),
    ("DPA", "dpa"), ("Some Local Wire", "Some Local Wire"), (None, None), ("", None),
])
def test_agency_names(name, canonical):
    assert canonical_agency(name) == canonical


@pytest.mark.parametrize("text, lang", [
    ("The minister said on Monday that the talks with the union would go on.", "en"),
    ("Die Regierung hat am Montag mit den Ländern über die neuen Regeln gesprochen, sagte ein Sprecher.", "de"),
    ("Le président a annoncé lundi que les discussions avec les syndicats se poursuivront dans la semaine.", "fr"),
    ("El gobierno dijo que las negociaciones con los sindicatos continuarán la próxima semana.", "es"),
    ("Il governo ha detto che i negoziati con i sindacati continueranno la prossima settimana.", "it"),
    ("Regeringen meddelte mandag, at forhandlingerne med fagforeningerne fortsætter i næste uge.", "da"),
    ("新华社北京十二月四日电 国务院总理周四在北京会见了来访的外国代表团。", "zh"),
    ("東京株式市場で日経平均株価は続伸し、終値は前日比三百円高となった。", "ja"),
    ("Правительство заявило в понедельник, что переговоры с профсоюзами продолжатся.", "ru"),
    ("Xyz.", None),
    ("Anna Berg", None),
])
def test_language(text, lang):
    assert detect_language(text) == lang


def test_finish_story_takes_agency_and_date_from_dateline():
    story = finish_story(Story(
        headline="2nd LD Writethru: Storm hits coast",
        paragraphs=["MANILA, Aug 29, 2014 (AFP) - A storm hit the coast on Friday, officials said.", "More."],
        source_format="test",
    ))
    assert story.headline == "Storm hits coast"
    assert (story.kind, story.version, story.agency) == ("writethru", 3, "AFP")
    assert story.dateline == "MANILA, Aug 29, 2014 (AFP)"
    assert story.paragraphs[0].startswith("A storm hit")
    assert story.published_on == date(2014, 8, 29) and story.date_source == "content"
    assert story.language == "en"


@pytest.mark.parametrize("headline, paragraphs, reason", [
    ("RYRYRYRYRY", ["RYRYRYRYRYRYRYRYRYRY RYRYRYRYRY", "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG 1234567890"], "line test"),
    ("TEST", ["test test test"], "line test"),
    ("Copyright", ["(c) 2024 Some Agency. All rights reserved."], "copyright notice only"),
    ("SERVICE MESSAGE", ["The 1400 GMT file will be delayed by ten minutes."], "service message"),
    ("Please ignore", ["Sent in error."], "service message"),
])
def test_non_stories_are_refused_with_a_reason(headline, paragraphs, reason):
    with pytest.raises(Reject) as refused:
        finish_story(Story(headline=headline, paragraphs=paragraphs, source_format="page_text"))
    assert refused.value.reason == "not a story" and refused.value.detail.startswith(reason)


@pytest.mark.parametrize("headline, paragraphs", [
    ("Test results due", ["Officials said the test of the new rocket engine would take place on Monday."]),
    ("Court rules on copyright", ["A court ruled on Tuesday that copyright in the photograph belongs to its maker."]),
    ("Quick brown fox", ["A fox was seen in the city centre, officials said, and caught by wardens."]),
])
def test_stories_about_tests_and_copyright_stay_stories(headline, paragraphs):
    assert finish_story(Story(headline=headline, paragraphs=paragraphs, source_format="page_text")).headline == headline


@pytest.mark.parametrize("dateline, place", [
    ("FORT WASHINGTON, Pa., March 3 (AP)", "FORT WASHINGTON, Pa."),
    ("BERLIN", "BERLIN"),
    ("Peine (dpa/lni)", "Peine"),
    ("MOSCOW, January 21. /TASS/", "MOSCOW"),
    ("SEOUL, Nov 26 AFP", "SEOUL"),
    ("2014-07-16 13:00:03 GMT+00:00", None),  # a timestamp is no dateline
    ("12 March 2024", None),
    ("", None),
])
def test_dateline_place(dateline, place):
    assert dateline_place(dateline) == place


def test_a_timestamp_in_the_dateline_field_gives_way_to_the_body_dateline():
    story = finish_story(Story(headline="Stocks rise", dateline="2014-07-16 13:00:03 GMT+00:00", source_format="newsml_g2",
                               paragraphs=["NEW YORK, July 16 (Reuters) - Stocks rose on Wednesday.", "More."]))
    assert story.dateline == "NEW YORK, July 16 (Reuters)" and story.paragraphs[0] == "Stocks rose on Wednesday."


@pytest.mark.parametrize("byline, publisher, agency", [
    ("Associated Press", None, "AP"),
    ("The Daily Courier", "The Daily Courier", "The Daily Courier"),
])
def test_an_organisation_in_the_byline_is_the_agency_not_a_person(byline, publisher, agency):
    story = finish_story(Story(headline="Storm hits coast", byline=byline, publisher=publisher, source_format="html",
                               paragraphs=["A storm hit the coast on Friday, officials said."]))
    assert (story.byline, story.agency) == (None, agency)


def test_an_outlet_without_agency_credit_is_the_agency():
    story = finish_story(Story(headline="Council votes on budget", publisher="Springfield Gazette", source_format="html",
                               paragraphs=["The council voted on the budget on Tuesday."]))
    assert (story.agency, story.publisher, story.byline) == ("Springfield Gazette", "Springfield Gazette", None)


def test_a_dateline_after_highlight_bullets():
    story = finish_story(Story(headline="Asian shares wobble", source_format="newsml_g2", paragraphs=[
        "* MSCI index flat", "* Tech results disappoint",
        "SINGAPORE, Oct 26 (Reuters) - Asian shares wobbled on Friday.", "More."]))
    assert story.dateline == "SINGAPORE, Oct 26 (Reuters)"
    assert story.paragraphs == ["* MSCI index flat", "* Tech results disappoint", "Asian shares wobbled on Friday.", "More."]


def test_a_short_editors_line_above_an_agency_dateline_is_the_advisory():
    story = finish_story(Story(headline="Union calls strikes", source_format="newsml12", paragraphs=[
        "Nieuw bericht, vervangt: Bond stelt ultimatum", "Utrecht (ANP) - De bond kondigt acties aan.", "Meer."]))
    assert (story.dateline, story.advisory) == ("Utrecht (ANP)", "Nieuw bericht, vervangt: Bond stelt ultimatum")
    assert story.paragraphs == ["De bond kondigt acties aan.", "Meer."]


def test_a_short_first_paragraph_stays_when_no_agency_dateline_follows():
    paragraphs = ["The vote was close.", "WASHINGTON -- The Senate voted on Tuesday.", "More."]
    story = finish_story(Story(headline="Senate votes", source_format="page_text", paragraphs=list(paragraphs)))
    assert story.paragraphs == paragraphs and story.advisory is None
