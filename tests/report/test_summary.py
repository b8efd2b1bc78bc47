"""The run summary `wirelake run` prints: its time is the command's wall time, split into parts
that add up; every count says what it counts; its figures are those `wirelake status` shows."""

from datetime import datetime, timedelta, timezone
import re
import subprocess
import sys
import time

from flows.run_steps import RunSummary, format_summary
from tasks import report
from tasks.lake.runs import write_run_report

STARTED = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


def summary(**changes) -> RunSummary:
    fields = dict(
        source="raw", lake="lake", run_id="20240501T120000Z-abcdef12", started_at=STARTED,
        files_seen=10, files_parsed=7, files_rejected=2, files_duplicate=1, bytes_read=2_000_000,
        articles_parsed=12, articles=11, rejects_by_reason={"sniff: unknown format": 2},
        formats={"page_text": 6, "gzip": 2, "nitf": 3}, agencies={"AP": 11}, reject_rows=3, batches=2,
        articles_new=11, entities=40, partitions=5, rows_written={"articles": 11, "entities": 40, "rejects": 3},
        finished_at=STARTED + timedelta(seconds=9.4), commit_s=1.26, elapsed_s=8.54, processing_s=7.28, workers=2,
        wall_s=18.63)
    return RunSummary(**{**fields, **changes})


def line(text: str, label: str) -> str:
    return next(row for row in text.splitlines() if row.startswith(f"  {label} "))


def seconds(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"([\d.]+) s\b", text)]


def test_the_time_line_is_the_wall_time_split_into_parts_that_add_up():
    time_line = line(format_summary(summary()), "time")
    wall, startup, processing, commit = seconds(time_line)
    assert (wall, processing, commit) == (18.6, 7.3, 1.3)
    assert startup == 10.0 and round(startup + processing + commit, 1) == wall
    assert "start-up (imports, workers, Prefect)" in time_line and "(2 batches on 2 worker processes)" in time_line


def test_parts_add_up_after_rounding():
    for wall, processing, commit in [(10.04, 3.04, 3.04), (9.96, 4.95, 4.96), (0.31, 0.14, 0.14)]:
        total, startup, *parts = seconds(line(format_summary(summary(wall_s=wall, processing_s=processing,
                                                                     commit_s=commit)), "time"))
        assert round(startup + sum(parts), 1) == total and startup >= 0


def test_without_the_cli_the_time_is_processing_and_commit():
    time_line = line(format_summary(summary(wall_s=None)), "time")
    assert seconds(time_line) == [8.6, 7.3, 1.3] and "start-up" not in time_line


def test_every_count_says_what_it_counts():
    text = format_summary(summary())
    assert line(text, "files").strip() == "files     10 seen = 7 parsed + 2 rejected + 1 duplicate"
    assert "11 written (12 read - 1 repeat) to 5 pub_date partitions; 11 rows new to the lake" in line(text, "articles")
    assert line(text, "rows").endswith("written to the lake: articles 11, entities 40, rejects 3")
    assert "files and bundle members read, by format: page_text 6, gzip 2, nitf 3" in line(text, "formats")
    assert line(text, "rejects").strip() == "rejects   2 files: sniff: unknown format (2)"
    assert "and 1 stories or members refused inside files" in text
    assert "1.4 files/s, 1.6 articles/s, 0.27 MB/s read (over the processing time)" in line(text, "speed")


def test_the_summary_shows_what_status_shows_for_the_run(tmp_path):
    run = summary()
    write_run_report(str(tmp_path), run.as_dict())  # what the commit writes into the lake
    status_text = report.format_status(report.lake_status(str(tmp_path)))
    row = next(r for r in status_text.splitlines() if r.startswith(run.run_id)).split()
    # run_id, started_at, run time, mode, status, seen, parsed, rejected, dup, written
    run_time, counts = row[2], row[4:]
    text = format_summary(run)
    assert f"run time in `wirelake status`: {run_time} " in text and run_time == "9.4s"
    assert counts == ["completed", "10", "7", "2", "1", "11"]
    assert f"{counts[1]} seen = {counts[2]} parsed + {counts[3]} rejected + {counts[4]} duplicate" in text
    assert line(text, "articles").split()[1] == counts[5]


def test_the_wall_time_counts_from_the_process_start_not_from_an_import():
    # The child sleeps before importing anything of wirelake: its figure must include the sleep.
    code = ("import time; time.sleep(1.0)\n"
            "from flows.run_steps import seconds_since_process_start\n"
            "print(seconds_since_process_start())")
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    outside = time.perf_counter() - began
    inside = float(done.stdout.strip())
    assert 1.0 <= inside <= outside + 0.05  # clock ticks are 10 ms
