"""The command line contract: help, errors as one line with exit 1, a summary at the end."""

import os
import re
import subprocess
import sys

import pytest

from flows.cli import build_parser, main

from tests.conftest import FIXTURES


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["synth", "--help"]])
def test_help_explains_itself(argv, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "usage: wirelake" in out
    assert len(out.splitlines()) > 5


def test_run_options_are_documented():
    text = build_parser().format_help() + build_parser()._subparsers._group_actions[0].choices["run"].format_help()
    for option in ("--source", "--lake", "--workers"):
        assert option in text


def test_missing_source_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["run", "--source", str(tmp_path / "nope"), "--lake", str(tmp_path / "lake")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("wirelake: error: source") and "not found" in err and "\n" not in err


def test_unwritable_lake_is_one_line_and_exit_1(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", "--source", str(FIXTURES / "raw_mini"), "--lake", str(blocker / "lake")]) == 1
    err = capsys.readouterr().err.strip()
    assert "not writable" in err and "\n" not in err


def test_run_starts_no_workers_when_it_cannot_run(tmp_path, capsys, monkeypatch):
    from flows import compute

    opened = []
    real = compute.worker_pool
    monkeypatch.setattr(compute, "worker_pool", lambda workers: opened.append(workers) or real(workers))
    assert main(["run", "--source", str(tmp_path / "nope"), "--lake", str(tmp_path / "lake"), "--workers", "2"]) == 1
    assert opened == [] and compute._open is None  # the checks come first: nothing to stop
    assert main(["run", "--source", str(FIXTURES / "raw_mini"), "--lake", str(tmp_path / "lake"),
                 "--dask-address", "tcp://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("wirelake: error: dask scheduler tcp://127.0.0.1:9 does not answer")
    assert opened == []


def test_workers_are_capped_at_the_batches_and_small_runs_stay_in_one_process(monkeypatch):
    from flows.runners import SMALL_RUN_FILES, plan_workers

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert plan_workers(58, None) == (1, None)  # under SMALL_RUN_FILES: the flow process alone
    assert plan_workers(SMALL_RUN_FILES, None) == (2, None)
    workers, warning = plan_workers(58, 16)  # 58 files make 3 batches of 20
    assert workers == 3 and "16 workers asked, 3 used" in warning and "3 workers on 2 cores" in warning
    assert plan_workers(5000, 2) == (2, None)


def test_user_errors_end_in_one_line_without_secrets(tmp_path):
    (tmp_path / "a-file").write_text("x")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    cases = [
        (["synth", "--n", "3", "--out", tmp_path / "a-file"], "synth: cannot write to", {}),
        (["run", "--source", FIXTURES / "raw_mini", "--lake", "s3://bucket/lake"], "not writable",
         {"AWS_EC2_METADATA_DISABLED": "true"}),
        (["run", "--source", "s3://AKIDEXAMPLE:wJalr/K7MDENG+bPxRfiCY@bucket/raw", "--lake", tmp_path / "lake"],
         "wirelake: error:", {"AWS_EC2_METADATA_DISABLED": "true"}),
        (["status", "--lake", tmp_path], "not a wirelake lake", {}),
    ]
    for argv, expected, extra in cases:
        done = subprocess.run([sys.executable, "-m", "flows.cli", *map(str, argv)], capture_output=True, text=True,
                              timeout=120, env={**env, **extra})
        assert done.returncode == 1, (argv, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (argv, done.stderr)
        for secret in ("wJalr", "K7MDENG+bPxRfiCY", "AKIDEXAMPLE"):
            assert secret not in done.stderr + done.stdout
        named = re.search(r"details: (\S+)\)", lines[0])
        if named:  # the traceback went to the log file the line names, masked too
            log = open(named.group(1)).read()
            assert "Traceback" in log and not any(s in log for s in ("wJalr", "K7MDENG+bPxRfiCY"))


def test_bad_worker_count_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["run", "--source", "x", "--lake", "y", "--workers", "0"])
    assert done.value.code == 2


def test_console_script_is_installed():
    done = subprocess.run([sys.executable, "-m", "flows.cli", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "run" in done.stdout and "synth" in done.stdout


@pytest.mark.prefect
def test_run_prints_summary(prefect_harness, tmp_path, capsys):
    assert main(["run", "--source", str(FIXTURES / "raw_mini"), "--lake", str(tmp_path / "lake"), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "7 seen = 5 parsed + 1 rejected + 1 duplicate" in out
    assert "articles/s" in out and "MB/s" in out and "entities" in out


def test_synth_writes_a_deterministic_corpus(tmp_path, capsys):
    assert main(["synth", "--n", "25", "--out", str(tmp_path / "a"), "--seed", "4"]) == 0
    assert re.search(r"wrote \d+ files", capsys.readouterr().out)
    main(["synth", "--n", "25", "--out", str(tmp_path / "b"), "--seed", "4"])
    a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert 0 < len(a) <= 25 and a == b  # some files hold several stories
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in a)


def test_a_failing_run_exits_1_with_one_line(tmp_path, capsys, monkeypatch):
    import flows.ingest

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(flows.ingest, "run_flow", disk_full)
    assert main(["run", "--source", str(FIXTURES / "raw_mini"), "--lake", str(tmp_path / "lake")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("wirelake: error: run failed (OSError") and "rerun" in err[-1]
