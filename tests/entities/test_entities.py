"""Entity recognition: rules and CRF together, each behaviour with the wire-style input that
motivated it; then the pieces of tasks.entities (tokeniser, BIO decoding, generated training data)."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
import pytest

from tasks.entities import Entity, find_entities, rules
from tasks.entities.gazetteer import country_code
from tasks.entities.training import wiresynth
from tasks.entities.tagger import labels_to_spans, tag_spans
from tasks.entities.tokens import sentences, tokenize
from tasks.entities.training.train import bio_labels
from tasks.entities.training.uner import documents, read_iob2
from tests.conftest import shared_file

ARTICLE = "\n\n".join([
    "NATO Secretary General Jens Stoltenberg on Tuesday met Libyan Prime Minister Fayez "
    "Al-Sarraj in Brussels to discuss security in Libya, saying NATO was ready to help Libya "
    "rebuild its armed forces.",
    "Speaking after the talks, Stoltenberg said the fight against the Islamic State (IS) had "
    "made progress, and that the extremist group had lost its hold on the coastal city of Sirte.",
    "During the meeting, the two sides also discussed support from the European Union for the "
    "Libyan Coast Guard, Stoltenberg's spokesman told reporters.",
    "IS fighters held Sirte, about 450 km east of the capital Tripoli, for more than a year. "
    "Al-Sarraj's government declared the city free in December.",
    "\"If we work together, NATO's partners can help,\" Stoltenberg added. The U.S. and the UN "
    "welcomed the talks. Stoltenberg is due to brief allies next week.",
])

OTHER_TEXTS = [
    "The US, the United States, USA and the U.S. all signed. UN and EU envoys watched.",
    "In May, Prime Minister Theresa May met Chinese President Xi Jinping in Beijing.",
    "BEIJING, Feb. 2 (Xinhua) -- Chinese Foreign Ministry spokesperson Hua Chunying said on "
    "Thursday that the Ministry of Foreign Affairs had summoned the envoy.",
    "The Libyan Investment Authority (LIA) said on Monday it would appeal. LIA lawyers declined "
    "to comment, and Sen. Elizabeth Warren and Mr. Jordan said nothing.",
    "Officials said the UN-backed government and Paris-based groups met Ursula von der Leyen.",
]

SAMPLE = "samples/text/xinhua-china-org-cn-2017-02-02.txt"


def by_text(entities: list[Entity], text: str) -> list[Entity]:
    return [e for e in entities if e.text == text]


def one(entities: list[Entity], text: str) -> Entity:
    found = by_text(entities, text)
    assert len(found) == 1, (text, found)
    return found[0]


# --- The article ------------------------------------------------------------------------------


def test_title_before_name_is_role_not_span():
    ents = find_entities(ARTICLE)
    nato = ents[0]
    assert (nato.start, nato.end, nato.type, nato.name) == (0, 4, "ORG", "NATO")
    jens = one(ents, "Jens Stoltenberg")
    assert jens.type == "PERSON"
    assert jens.role == "NATO Secretary General"
    assert jens.start == ARTICLE.index("Jens")
    sarraj = one(ents, "Fayez Al-Sarraj")
    assert sarraj.type == "PERSON" and sarraj.role == "Libyan Prime Minister"
    assert not [e for e in ents if "Secretary" in e.text or "Minister" in e.text]


def test_surname_alone_resolves_to_full_name():
    ents = find_entities(ARTICLE)
    later = by_text(ents, "Stoltenberg")
    assert len(later) == 4  # "said", possessive, "added" and the sentence-initial one
    assert {(e.type, e.name, e.role) for e in later} == {
        ("PERSON", "Jens Stoltenberg", "NATO Secretary General")
    }
    sarraj = one(ents, "Al-Sarraj")  # written "Al-Sarraj's", at a sentence start
    assert (sarraj.type, sarraj.name) == ("PERSON", "Fayez Al-Sarraj")


def test_acronym_defined_in_parentheses_resolves_later():
    ents = find_entities(ARTICLE)
    assert {(e.type, e.name) for e in by_text(ents, "Islamic State")} == {("ORG", "Islamic State")}
    mentions = by_text(ents, "IS")
    assert len(mentions) == 2  # "(IS)" and the sentence-initial "IS fighters"
    assert {(e.type, e.name) for e in mentions} == {("ORG", "Islamic State")}


def test_places_organisations_and_nationality_words():
    ents = find_entities(ARTICLE)
    assert {e.type for e in by_text(ents, "Libya")} == {"LOC"}
    assert len(by_text(ents, "Sirte")) == 2 and {e.type for e in by_text(ents, "Sirte")} == {"LOC"}
    assert one(ents, "Tripoli").type == "LOC"
    assert one(ents, "Brussels").type == "LOC"
    assert one(ents, "European Union").type == "ORG"
    assert (one(ents, "Libyan Coast Guard").type, one(ents, "Libyan").type) == ("ORG", "MISC")
    assert {e.type for e in by_text(ents, "NATO")} == {"ORG"}


def test_sentence_initial_common_words_and_dates_are_not_entities():
    ents = find_entities(ARTICLE)
    texts = {e.text for e in ents}
    for word in ("Speaking", "During", "If", "The", "Tuesday", "December", "He"):
        assert not [t for t in texts if word in t.split()], word
    assert find_entities("He said on Monday. During March, If and When were not names.") == []


def test_possessive_is_outside_the_span():
    ents = find_entities(ARTICLE)
    i = ARTICLE.index("NATO's")
    nato = [e for e in ents if e.start == i]
    assert len(nato) == 1 and nato[0].end == i + 4 and nato[0].text == "NATO"
    j = ARTICLE.index("Stoltenberg's")
    after = [(e.end, e.text) for e in ents if e.start == j]
    assert after == [(j + len("Stoltenberg"), "Stoltenberg")]


def test_offsets_are_exact_and_output_sorted_without_overlap():
    for text in [ARTICLE, *OTHER_TEXTS]:
        ents = find_entities(text)
        assert ents, text
        for e in ents:
            assert text[e.start : e.end] == e.text
            assert e.type in {"PERSON", "ORG", "LOC", "MISC"}
            assert e.text == e.text.strip() and e.text
        for a, b in zip(ents, ents[1:]):
            assert a.end <= b.start, (a, b)


# --- Aliases and cues -------------------------------------------------------------------------


def test_united_states_spellings_share_one_name():
    ents = find_entities(OTHER_TEXTS[0])
    us = [e for e in ents if e.text in {"US", "United States", "USA", "U.S."}]
    assert [e.text for e in us] == ["US", "United States", "USA", "U.S."]
    assert {(e.type, e.name) for e in us} == {("LOC", "United States")}
    assert (one(ents, "UN").name, one(ents, "EU").name) == ("United Nations", "European Union")


def test_month_is_not_an_entity_but_may_is_a_surname():
    ents = find_entities(OTHER_TEXTS[1])
    assert [(e.type, e.text) for e in ents] == [
        ("PERSON", "Theresa May"), ("MISC", "Chinese"), ("PERSON", "Xi Jinping"), ("LOC", "Beijing")
    ]
    assert one(ents, "Theresa May").role == "Prime Minister"
    assert one(ents, "Xi Jinping").role == "Chinese President"


def test_dateline_ministry_and_lower_case_title():
    ents = find_entities(OTHER_TEXTS[2])
    beijing = one(ents, "BEIJING")
    assert (beijing.type, beijing.name) == ("LOC", "Beijing")
    assert one(ents, "Xinhua").type == "ORG"
    assert one(ents, "Chinese Foreign Ministry").type == "ORG"
    hua = one(ents, "Hua Chunying")
    assert (hua.type, hua.role) == ("PERSON", "Chinese Foreign Ministry spokesperson")
    assert one(ents, "Ministry of Foreign Affairs").type == "ORG"


def test_new_acronym_and_honorifics():
    ents = find_entities(OTHER_TEXTS[3])
    assert one(ents, "Libyan Investment Authority").type == "ORG"
    lia = by_text(ents, "LIA")
    assert len(lia) == 2
    assert {(e.type, e.name) for e in lia} == {("ORG", "Libyan Investment Authority")}
    warren = one(ents, "Elizabeth Warren")
    assert (warren.type, warren.role) == ("PERSON", "Sen.")
    jordan = one(ents, "Jordan")  # a country name, but "Mr." makes it a person
    assert (jordan.type, jordan.role) == ("PERSON", None)


def test_acronym_that_is_not_the_initials_of_its_name():
    text = ("Output at the Libyan National Oil Corporation (NOC) fell in June. "
            "NOC engineers blamed the strike.")
    ents = find_entities(text)
    assert one(ents, "Libyan National Oil Corporation").type == "ORG"
    noc = {(e.type, e.name) for e in by_text(ents, "NOC")}
    assert noc == {("ORG", "Libyan National Oil Corporation")}
    assert len(by_text(ents, "NOC")) == 2


def test_title_with_surname_resolves_to_full_name():
    text = ("U.S. President Donald Trump spoke by phone with German Chancellor Angela Merkel. "
            "Mr. Trump later said Chancellor Merkel had agreed.")
    ents = find_entities(text)
    trump = [e for e in ents if e.type == "PERSON" and "Trump" in e.text]
    assert [(e.text, e.name, e.role) for e in trump] == [
        ("Donald Trump", "Donald Trump", "U.S. President"),
        ("Trump", "Donald Trump", "U.S. President"),  # "Mr." is no role: the first one is kept
    ]
    merkel = [(e.text, e.name, e.role) for e in ents if "Merkel" in e.text]
    assert merkel == [
        ("Angela Merkel", "Angela Merkel", "German Chancellor"),
        ("Merkel", "Angela Merkel", "Chancellor"),
    ]


def test_middle_initial_does_not_split_a_person():
    text = "George W. Bush met aides. Later, George Bush and Bush's staff left."
    ents = find_entities(text)
    assert [(e.text, e.type, e.name) for e in ents] == [
        ("George W. Bush", "PERSON", "George W. Bush"),
        ("George Bush", "PERSON", "George W. Bush"),
        ("Bush", "PERSON", "George W. Bush"),
    ]


def test_hyphenated_modifiers_and_name_particles():
    text = OTHER_TEXTS[4]
    ents = find_entities(text)
    un = one(ents, "UN")
    assert (un.start, un.type, un.name) == (text.index("UN-backed"), "ORG", "United Nations")
    assert one(ents, "Paris").type == "LOC"
    assert one(ents, "Ursula von der Leyen").type == "PERSON"
    assert not by_text(ents, "Officials")


def test_names_joined_by_ampersand_are_one_organisation():
    text = ("Ads by Procter & Gamble ran. Lawyers at Kirk & Ellis & Bowe said. "
            "Apple & Google did not.")
    assert [(e.text, e.type, e.name) for e in find_entities(text)] == [
        ("Procter & Gamble", "ORG", "Procter & Gamble"),
        ("Kirk & Ellis & Bowe", "ORG", "Kirk & Ellis & Bowe"),
        ("Apple", "ORG", "Apple"),
        ("Google", "ORG", "Google"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials named the victim as Pieter Vandersloot (34), a local teacher.",
         ("Pieter Vandersloot", "PERSON")),
        ("The report was welcomed by Zorba Kwiatek, who chairs the panel.",
         ("Zorba Kwiatek", "PERSON")),
        ("Fighting continued in Ajdabiya on Sunday, residents said.", ("Ajdabiya", "LOC")),
        ("The Ngong Hills Wildlife Association said it would sue.",
         ("Ngong Hills Wildlife Association", "ORG")),
    ],
)
def test_context_cues_type_unknown_names(text, expected):
    assert [(e.text, e.type) for e in find_entities(text)] == [expected]


def test_generic_organisation_word_alone_is_not_a_name():
    text = ("Furthermore, the Government will have to deal with the budget. The Court ruled on "
            "Monday that the Ministry of Finance must pay.")
    ents = find_entities(text)
    assert not by_text(ents, "Government") and not by_text(ents, "Court")
    assert one(ents, "Ministry of Finance").type == "ORG"


def test_model_word_list_loads_with_the_model():
    from tasks.entities import features
    from tasks.entities.tagger import MODEL_PATH, words_path

    find_entities("Stoltenberg met Al-Sarraj in Tripoli.")
    assert words_path(MODEL_PATH).exists()
    assert "the" in features._common and "said" in features._common


def test_empty_and_lower_case_text():
    assert find_entities("") == []
    assert find_entities("prices rose 3 percent in january, analysts said.\n\nno names here.") == []


def test_deterministic_and_thread_safe():
    first = find_entities(ARTICLE)
    assert find_entities(ARTICLE) == first
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(find_entities, [ARTICLE, *OTHER_TEXTS] * 5))
    assert results[0] == first
    assert results[1 : len(OTHER_TEXTS) + 1] == [find_entities(t) for t in OTHER_TEXTS]


def test_entity_is_a_frozen_value():
    e = find_entities(ARTICLE)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.name = "x"  # type: ignore[misc]
    assert Entity(0, 4, "ORG", "NATO", "NATO").role is None


def test_country_code_for_places():
    assert country_code("Sirte") == "LY"
    assert country_code("Tripoli") == "LY"
    assert country_code("Libya") == "LY"
    assert country_code("United States") == country_code("U.S.") == "US"
    assert country_code("Texas") == "US"
    assert country_code("Britain") == "GB"
    assert country_code("Gaza") == "PS"
    assert country_code("Middle East") is None
    assert country_code("Atlantis") is None


def test_sample_xinhua_page():
    text = shared_file(SAMPLE).read_text(encoding="utf-8")
    ents = find_entities(text)
    for e in ents:
        assert text[e.start : e.end] == e.text
    people = {(e.name, e.role) for e in ents if e.type == "PERSON"}
    assert ("Jens Stoltenberg", "NATO Secretary General") in people
    assert {e.name for e in ents if e.type == "PERSON"} == {"Jens Stoltenberg", "Fayez Al-Sarraj"}
    assert {e.name for e in ents if e.text == "IS"} == {"Islamic State"}
    assert {"Sirte", "Tripoli", "Libya"} <= {e.name for e in ents if e.type == "LOC"}
    assert country_code("Sirte") == "LY"


def test_sample_xinhua_organisations():
    text = shared_file(SAMPLE).read_text(encoding="utf-8")
    orgs = {e.name for e in find_entities(text) if e.type == "ORG"}
    assert {"NATO", "Islamic State", "European Union"} <= orgs


# --- tasks.entities pieces --------------------------------------------------------------


def test_tokens_keep_offsets_and_split_like_ud():
    text = "NATO's UN-backed envoy, Dr. J. Smith, don't pay $1,000.50 in the U.S. today."
    spans = tokenize(text)
    words = [text[s:e] for s, e in spans]
    assert words[:6] == ["NATO", "'s", "UN", "-", "backed", "envoy"]
    assert "Dr." in words and "J." in words and "U.S." in words and "1,000.50" in words
    assert words[words.index("do") + 1] == "n't"
    assert "".join(words) == "".join(text.split())  # nothing lost but spaces


def test_sentences_cut_at_full_stops_and_line_breaks():
    text = 'He left. "Yes." she said.\n\nNew paragraph without a stop'
    spans = tokenize(text)
    cuts = [" ".join(text[s:e] for s, e in spans[i:j]) for i, j in sentences(text, spans)]
    assert cuts == ["He left .", '" Yes . " she said .', "New paragraph without a stop"]


def test_bio_labels_and_back_to_spans():
    text = "Jens Stoltenberg met Al-Sarraj in New York."
    spans = tokenize(text)
    gold = [(0, 16, "PERSON"), (21, 30, "PERSON"), (34, 42, "LOC")]
    labels = bio_labels(spans, gold)
    assert labels[:6] == ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON"]
    assert labels_to_spans(labels, spans) == gold
    assert labels_to_spans(["I-ORG", "B-ORG", "I-LOC"], spans[:3]) == [
        (0, 4, "ORG"), (5, 16, "ORG"), (17, 20, "LOC")
    ]


def test_crf_model_loads_from_the_repo_and_tags():
    found = {(ARTICLE[s:e], t) for s, e, t in tag_spans(ARTICLE, rules.find_entities(ARTICLE))}
    assert ("Jens Stoltenberg", "PERSON") in found
    assert ("Tripoli", "LOC") in found


def test_crf_finds_a_name_that_no_list_knows():
    text = "\"We will appeal,\" said Zorvan Kulditsky, a lawyer for the family."
    assert [(e.text, e.type) for e in find_entities(text)] == [("Zorvan Kulditsky", "PERSON")]


def test_generated_training_documents_are_exact_and_deterministic():
    docs = wiresynth.documents(30, seed=3)
    assert docs == wiresynth.documents(30, seed=3)
    kinds = set()
    for text, spans in docs:
        ordered = sorted(spans)
        for (s, e, kind), nxt in zip(ordered, ordered[1:] + [None]):
            assert text[s:e] == text[s:e].strip() and text[s:e]
            assert nxt is None or e <= nxt[0]
            kinds.add(kind)
    assert kinds == {"PERSON", "ORG", "LOC"}


def test_uner_reader_aligns_gold_spans():
    sents = read_iob2(shared_file("eval/ner/en_pud-ud-test.iob2"), "n")
    assert len(sents) == 500
    text, gold = documents(sents[:1])[0]
    assert {(text[s:e], t) for s, e, t in gold} >= {("Kori Schulman", "PERSON"),
                                                     ("United States", "LOC")}


@pytest.mark.parametrize("text", [
    "Schools were closed across the province on Monday.",
    "Traders said prices rose for a third day.",
    "Engineers warned of cracks in the dam. Turnout was low.",
])
def test_words_capitalised_only_because_they_open_a_sentence_are_not_people(text):
    assert [e.text for e in find_entities(text) if e.type == "PERSON"] == []


def test_a_surname_opening_a_sentence_is_still_a_person():
    text = "Jutting said no. Later, Maria Jutting left."
    assert {e.name for e in find_entities(text) if e.type == "PERSON"} == {"Maria Jutting"}


def test_name_lists_do_not_read_the_word_list_training_writes():
    # census.py once read model/model.words, which each training run rewrites from text generated
    # with those very name lists: a retrain then could not reproduce the shipped model
    from tasks.entities import census, gazetteer
    from tasks.entities.tagger import MODEL_PATH, words_path

    assert census._COMMON_WORDS.resolve() != words_path(MODEL_PATH).resolve()
    assert census._COMMON_WORDS.parent == gazetteer.DATA
    ordinary = census._ordinary_words()
    assert {"may", "rich", "young"} <= ordinary and not any(w.startswith("#") for w in ordinary)
    assert "May" not in census.first_names() and "Young" not in census.surnames()
