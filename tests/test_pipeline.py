"""One raw file through every stage to rows (no Prefect, no lake)."""

from datetime import datetime, timezone

from tasks.pipeline import process_file
from tasks.records import RawFile

from tests.conftest import FIXTURES, shared_file

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_rows_follow_the_contract():
    raw = RawFile("src/ap.txt", (FIXTURES / "raw_mini" / "ap-denver.txt").read_bytes())
    out = process_file(raw, NOW)
    assert out.status == "parsed" and not out.rejects
    [article] = out.articles
    assert article["article_id"] == article["content_sha256"][:16]
    assert article["body"] == "\n\n".join(article["paragraphs"])
    assert article["word_count"] == len(article["body"].split())
    assert article["pub_date"] == "2021-01-09" and article["date_source"] == "content"
    assert article["source_uri"] == "src/ap.txt" and article["ingested_at"] == NOW
    for entity in out.entities:
        assert article["body"][entity["start"]:entity["end"]] == entity["text"]
        assert entity["text"] in article["paragraphs"][entity["paragraph"]]


def test_same_content_same_ids_whatever_the_file():
    data = (FIXTURES / "raw_mini" / "ap-denver.txt").read_bytes()
    one = process_file(RawFile("a.txt", data), NOW).articles[0]
    two = process_file(RawFile("b/c.dat", data.replace(b"\n", b"\r\n")), NOW).articles[0]
    assert (one["article_id"], one["story_id"]) == (two["article_id"], two["story_id"])


def test_undated_story_takes_the_file_date():
    data = b"Quake shakes capital\n\nReuters Adjust font size:\n\nTOKYO (Reuters) - A strong quake shook Tokyo.\n"
    modified = datetime(2023, 6, 5, 23, 0, tzinfo=timezone.utc)
    [article] = process_file(RawFile("x", data, modified), NOW).articles
    assert (article["pub_date"], article["date_source"], article["published_at"]) == ("2023-06-05", "file", None)


def test_file_date_fallback_is_bounded_like_stated_dates():
    data = b"Quake shakes capital\n\nReuters Adjust font size:\n\nTOKYO (Reuters) - A strong quake shook Tokyo.\n"
    for clock in (datetime(2446, 5, 1, tzinfo=timezone.utc), datetime(1800, 1, 1, tzinfo=timezone.utc)):
        [article] = process_file(RawFile("x", data, clock), NOW).articles
        assert (article["pub_date"], article["date_source"]) == ("2026-01-01", "file")  # the run's day


def test_only_web_addresses_are_stored_as_url():
    data = b"Quake shakes capital\n\nReuters Adjust font size:\n\nTOKYO (Reuters) - A strong quake shook Tokyo.\n"
    for url, stored in (("javascript:alert(1)", None), ("data:text/html,x", None),
                        ("https://example.org/a", "https://example.org/a"), ("HTTP://example.org/b", "HTTP://example.org/b")):
        [article] = process_file(RawFile("x", data, url=url), NOW).articles
        assert article["url"] == stored


def test_dateline_place_and_its_country():
    data = (b"Company recalls heaters\n\nAP Adjust font size:\n\n"
            b"FORT WASHINGTON, Pa. (AP) -- A company recalled heaters on Monday, 5 March 2024.\n")
    [article] = process_file(RawFile("x", data), NOW).articles
    assert (article["dateline"], article["dateline_place"], article["dateline_country_code"]) == (
        "FORT WASHINGTON, Pa. (AP)", "FORT WASHINGTON, Pa.", "US")


def test_dateline_without_year_is_placed_near_the_file_date():
    data = b"Nile talks resume\n\nXinhua Adjust font size:\n\nCAIRO, March 3 (Xinhua) -- Talks resumed on Sunday.\n"
    [article] = process_file(RawFile("x", data, datetime(2020, 3, 5, tzinfo=timezone.utc)), NOW).articles
    assert article["pub_date"] == "2020-03-03" and article["date_source"] == "file"


def test_failures_become_reject_rows_not_exceptions(monkeypatch):
    out = process_file(RawFile("junk", bytes(range(256)) * 8), NOW)
    assert out.status == "rejected" and out.rejects[0]["stage"] == "sniff"

    import tasks.entities
    monkeypatch.setattr(tasks.entities, "find_entities", lambda text: 1 / 0)
    out = process_file(RawFile("ap.txt", (FIXTURES / "raw_mini" / "ap-denver.txt").read_bytes()), NOW)
    assert out.status == "rejected" and not out.articles
    assert out.rejects[0]["stage"] == "entities" and out.rejects[0]["reason"] == "unexpected error"
    assert "ZeroDivisionError" in out.rejects[0]["detail"]


def test_shared_xinhua_sample_end_to_end():
    path = shared_file("samples/text/xinhua-china-org-cn-2017-02-02.txt")
    out = process_file(RawFile(str(path), path.read_bytes()), NOW)
    [article] = out.articles
    assert article["headline"] == "NATO chief, Libyan PM discuss security situation in Libya"
    assert (article["agency"], article["pub_date"]) == ("Xinhua", "2017-02-02")
    assert len(article["paragraphs"]) == 7 and len(article["related_headlines"]) == 10
    found = {(e["name"], e["type"]) for e in out.entities}
    for expected in [("Jens Stoltenberg", "PERSON"), ("Fayez Al-Sarraj", "PERSON"), ("NATO", "ORG"),
                     ("Libya", "LOC"), ("Sirte", "LOC"), ("Tripoli", "LOC")]:
        assert expected in found
    for expected in [("Islamic State", "ORG"), ("European Union", "ORG")]:
        assert expected in found
    roles = {e["name"]: e["role"] for e in out.entities if e["role"]}
    assert roles["Jens Stoltenberg"] == "NATO Secretary General"
    assert {e["country_code"] for e in out.entities if e["name"] in ("Libya", "Sirte", "Tripoli")} == {"LY"}
    full_quotes = [q for q in out.quotes if q["full_sentence"]]
    assert len(full_quotes) >= 2 and {q["speaker"] for q in full_quotes} == {"Jens Stoltenberg"}
    assert [(a["text"], a["value"], a["unit"]) for a in out.amounts] == [("450 km", 450.0, "km")]
    assert all(article["body"][q["start"]:q["end"]] == q["text"] for q in out.quotes)
