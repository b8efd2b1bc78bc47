"""Quotes and speakers: every attribution rule with the wire-style paragraph that motivated it.

Most tests hand `find_quotes` entities built here (`mentions`), so they test the quote rules
alone; two tests run the real entity stage on the Xinhua sample.
"""

from __future__ import annotations

import re

from tasks.entities import Entity, find_entities
from tasks.quotes import Quote, find_quotes
from tests.conftest import shared_file

# Written form -> (type, canonical name, role), as the entity stage would report them.
PEOPLE = {
    "Jens Stoltenberg": ("PERSON", "Jens Stoltenberg", "NATO Secretary General"),
    "Stoltenberg": ("PERSON", "Jens Stoltenberg", "NATO Secretary General"),
    "Fayez Al-Sarraj": ("PERSON", "Fayez Al-Sarraj", "Libyan Prime Minister"),
    "Ana Silva": ("PERSON", "Ana Silva", "Mayor"),
    "Silva": ("PERSON", "Ana Silva", "Mayor"),
    "Olaf Berger": ("PERSON", "Olaf Berger", None),
    "Berger": ("PERSON", "Olaf Berger", None),
    "NATO": ("ORG", "NATO", None),
    "Foreign Ministry": ("ORG", "Foreign Ministry", None),
    "European Union": ("ORG", "European Union", None),
}


def mentions(text: str) -> list[Entity]:
    """Every whole-word occurrence of a PEOPLE key, longest first where they overlap."""
    found = [
        Entity(m.start(), m.end(), kind, written, name, role)
        for written, (kind, name, role) in PEOPLE.items()
        for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", text)
    ]
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if not kept or entity.start >= kept[-1].end:
            kept.append(entity)
    return kept


def quotes(text: str) -> list[Quote]:
    found = find_quotes(text, mentions(text))
    for quote in found:
        assert text[quote.start:quote.end] == quote.text
        if quote.speaker_text is not None:
            assert text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
    return found


def test_attribution_after_with_name():
    text = ('BRUSSELS (Reuters) - "We are ready to help Libya build its security forces," '
            "Stoltenberg added.")
    [quote] = quotes(text)
    assert quote.text == "We are ready to help Libya build its security forces"  # no comma
    assert (quote.speaker, quote.speaker_text, quote.verb) == (
        "Jens Stoltenberg", "Stoltenberg", "added")
    assert quote.full_sentence


def test_pronoun_takes_the_most_recent_person():
    text = ("Al-Sarraj met Jens Stoltenberg on Wednesday.\n\n"
            '"Our cooperation will now move forward quickly," he said.')
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text, quote.verb) == ("Jens Stoltenberg", "he", "said")


def test_verb_before_speaker_and_description_by_role():
    text = ("NATO Secretary General Jens Stoltenberg arrived in Tripoli on Monday.\n\n"
            '"Libya needs a single, unified army," said the NATO chief.')
    [quote] = quotes(text)
    assert quote.speaker == "Jens Stoltenberg"  # "NATO chief" fits "NATO Secretary General"
    assert (quote.speaker_text, quote.verb) == ("the NATO chief", "said")


def test_verb_first_with_name_and_apposition():
    text = ('"The talks were frank and useful," said Jens Stoltenberg, NATO\'s secretary '
            "general, after the meeting.")
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text) == ("Jens Stoltenberg", "Jens Stoltenberg")


def test_attribution_before_with_colon_and_curly_quotes():
    text = "Silva told dpa: “The harbour will be rebuilt within two years.”"
    [quote] = quotes(text)
    assert quote.text == "The harbour will be rebuilt within two years."
    assert (quote.speaker, quote.verb, quote.full_sentence) == ("Ana Silva", "told", True)


def test_attribution_before_with_told_reporters_that():
    text = ("Berger arrived late. He told reporters that \"the budget cannot be cut any "
            'further this year."')
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text, quote.verb) == ("Olaf Berger", "He", "told")
    assert not quote.full_sentence  # a partial quote, kept but flagged


def test_participle_takes_the_subject_of_an_earlier_verb():
    text = ("Speaking at the joint press conference, Stoltenberg said he was encouraged by "
            'the progress, adding that the group "has been driven out of its former '
            'stronghold of Sirte."')
    [quote] = quotes(text)
    assert (quote.speaker, quote.verb, quote.full_sentence) == (
        "Jens Stoltenberg", "adding", False)


def test_paragraph_ending_in_a_colon_introduces_the_quote():
    text = 'Mayor Ana Silva said on Tuesday:\n\n"Nobody will be left without a roof this winter."'
    [quote] = quotes(text)
    assert quote.speaker == "Ana Silva"


def test_multi_paragraph_quote_keeps_its_speaker():
    text = (
        'KIEL, Germany (AP) - "We lost the whole pier in one night," Silva said. "The water '
        "came faster than anyone expected.\n\n"
        '"But we have rebuilt before, and we will rebuild again."\n\n'
        "Officials put the damage at 12 million euros."
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "We lost the whole pier in one night",
        "The water came faster than anyone expected.",
        "But we have rebuilt before, and we will rebuild again.",
    ]
    assert [q.speaker for q in found] == ["Ana Silva"] * 3
    assert all(q.full_sentence for q in found)


def test_split_quote_around_its_attribution():
    text = '"We are ready," Berger said, "to talk to anyone who wants peace."'
    found = quotes(text)
    assert [q.speaker for q in found] == ["Olaf Berger", "Olaf Berger"]
    assert found[1].text == "to talk to anyone who wants peace."


def test_according_to_and_organisation_speakers():
    text = ("The Foreign Ministry summoned the ambassador. "
            '"The measures violate international law," the ministry said in a statement. '
            '"Talks are still possible," according to NATO.')
    first, second = quotes(text)
    assert (first.speaker, first.speaker_text) == ("Foreign Ministry", "the ministry")
    assert (second.speaker, second.verb) == ("NATO", "according to")


def test_it_said_is_the_most_recent_organisation():
    text = 'NATO issued a statement. "All allies stand together on this," it said.'
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text) == ("NATO", "it")


def test_unnamed_speaker_is_kept_as_written():
    text = '"We expect more arrests in the coming days," a police spokesman told dpa.'
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text, quote.verb) == (None, "a police spokesman", "told")


def test_scare_quotes_and_titles_are_not_quotes():
    text = ('The so-called "Islamic State" lost ground, the "Sirte" operation ended and '
            'a 5\'10" man was arrested.')
    assert quotes(text) == []


def test_unattributed_quote_has_no_speaker():
    text = 'The banner read "No more war in our streets" in three languages.'
    [quote] = quotes(text)
    assert (quote.speaker, quote.verb) == (None, None)


def _xinhua_body() -> str:
    text = shared_file("samples/text/xinhua-china-org-cn-2017-02-02.txt").read_text("utf-8")
    return text.split("Xinhua, February 2, 2017 Adjust font size:")[1].split("Endit")[0]


def _check_xinhua(found: list[Quote]) -> None:
    full = [q for q in found if q.full_sentence]
    assert [q.text[:30] for q in full] == [
        "During our meeting today, we d", "If requested, we could also su"]
    assert all(q.speaker == "Jens Stoltenberg" for q in found)
    assert [q.verb for q in full] == ["said", "added"]
    assert any(q.text.startswith("has been driven out") for q in found)


def test_xinhua_sample_with_hand_made_entities():
    body = _xinhua_body()
    _check_xinhua(quotes(body))


def test_xinhua_sample_with_the_entity_stage():
    body = _xinhua_body()
    _check_xinhua(find_quotes(body, find_entities(body)))
