"""The command line contract: help, errors as one line with exit 1, a summary at the end."""

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


def test_run_starts_its_workers_first_and_stops_them_when_it_cannot_run(tmp_path, capsys, monkeypatch):
    from flows import compute

    opened = []

    def spy(workers):
        opened.append(workers)
        return real(workers)

    real = compute.worker_pool
    monkeypatch.setattr(compute, "worker_pool", spy)
    assert main(["run", "--source", str(tmp_path / "nope"), "--lake", str(tmp_path / "lake"), "--workers", "2"]) == 1
    assert opened == [2] and compute._open is None  # started before the checks, stopped after the error
    assert main(["run", "--source", "x", "--lake", str(tmp_path / "lake"), "--dask-address", "tcp://nowhere:1"]) == 1
    assert opened[-1] == 0  # on a Dask cluster the workers are Dask's


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
