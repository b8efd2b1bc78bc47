"""The run steps without Prefect: the run summary's counts and shape, the conservation check."""

import pytest

from flows.run_steps import RunSummary, check_articles_conserved, judged, summarise, validate_parameters
from tasks.errors import ConservationError, TerminalError

# `wirelake run --json` prints these keys, in this order (scripts read them).
JSON_KEYS = [
    "source", "lake", "run_id", "mode", "started_at", "files_listed", "files_skipped", "status", "files_seen",
    "files_parsed", "files_rejected", "files_duplicate", "bytes_read", "articles_parsed", "articles",
    "rejects_by_reason", "formats", "agencies", "reject_stages", "reject_rows", "batches", "articles_new",
    "entities", "partitions", "rows_written", "finished_at", "commit_s", "elapsed_s", "processing_s", "workers",
    "wall_s",
]


def test_summarise_counts_duplicates_in_uri_order():
    batches = [
        {"files": [{"uri": "b", "status": "parsed", "n_bytes": 1, "article_ids": ["x"], "reject": None}], "formats": {}},
        {"files": [{"uri": "a", "status": "parsed", "n_bytes": 1, "article_ids": ["x"], "reject": None},
                   {"uri": "c", "status": "rejected", "n_bytes": 1, "article_ids": [], "reject": "read: empty file"}],
         "formats": {}},
    ]
    summary = summarise(batches)
    assert (summary.files_parsed, summary.files_duplicate, summary.files_rejected) == (1, 1, 1)
    assert summary.articles == 1 and summary.articles_parsed == 2


def test_the_summary_as_a_dict_keeps_the_json_keys_and_drops_the_file_detail():
    summary = summarise([{"files": [{"uri": "a", "status": "parsed", "n_bytes": 3, "article_ids": ["x"],
                                     "reject": None, "article_days": ["2024-01-01"]}]}], run_id="r", mode="run")
    assert [(o["uri"], status) for o, status in judged(summary.outcomes)] == [("a", "parsed")]
    assert list(summary.as_dict()) == JSON_KEYS
    assert summary.without_file_detail().outcomes == [] and summary.outcomes  # a copy: the original keeps them


def test_a_run_that_loses_articles_is_a_terminal_error():
    outcomes = [{"article_ids": ["a", "b"], "article_days": ["2024-01-01", "2024-01-02"]},
                {"article_ids": ["a"], "article_days": ["2024-01-01"]}]  # a duplicate of "a"
    summary = RunSummary(outcomes=outcomes)
    check_articles_conserved(summary, written=2)
    check_articles_conserved(summary, written=1, only=["2024-01-02"])
    with pytest.raises(ConservationError, match="3 parsed - 1 duplicates = 2 expected, 1 written") as raised:
        check_articles_conserved(summary, written=1)
    assert isinstance(raised.value, TerminalError) and isinstance(raised.value, RuntimeError)


def test_parameters_that_cannot_work_are_refused_together():
    with pytest.raises(ValueError, match="source is empty; workers must be at least 1, got 0"):
        validate_parameters(" ", "lake", workers=0)
