"""No entry of a source can stop or stall a run, and a read that fails for a reason that can
pass is read again by the next run (tasks/sources.py, tasks/batch.py, tasks/lake/ledger.py).

Real entries on a real file system: FIFOs, sockets, links to devices, names that are not
UTF-8, a modification time in year 11476, a lake inside its source, folders and files root
cannot hide from itself (checked as the unprivileged user `nobody`), paths over PATH_MAX.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pyarrow.parquet as pq
import pytest

from flows.run_steps import commit_and_record, new_run_id, split_batches, summarise
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.lake.ledger import files_to_read, read_ledger
from tasks.records import Reject
from tasks.settings import LIMITS
from tasks.records import TRANSIENT_READ, SourceFile, uri_name
from tasks.sources import list_source, read_file
from tests import hostile

STORY = hostile.base("page_text", 7)
YEAR_11476 = int((11476 - 1970) * 365.2425 * 86400)


def _by_name(files: list[SourceFile]) -> dict[str, SourceFile]:
    return {f.uri.rsplit("/", 1)[-1]: f for f in files}


def _special_entries(src: Path) -> None:
    """A FIFO, a socket, links to a device, to a FIFO and to a folder, a broken link."""
    os.mkfifo(src / "pipe.xml")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(src / "socket.xml"))
    server.close()
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "to-pipe.txt").symlink_to(src / "pipe.xml")
    (src / "to-folder").symlink_to("/etc")
    (src / "dangling.txt").symlink_to(src / "nowhere")


def test_only_regular_files_are_opened(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_bytes(STORY)
    (src / "link-to-good.txt").symlink_to(src / "good.txt")
    _special_entries(src)

    files = _by_name(list_source(str(src)))
    problems = {name: f.problem.split(":")[0] for name, f in files.items() if f.problem}
    assert problems == {"pipe.xml": "not a regular file", "socket.xml": "not a regular file",
                        "zero.txt": "not a regular file", "to-pipe.txt": "not a regular file",
                        "to-folder": "link to a folder, not followed", "dangling.txt": "broken link"}
    assert "FIFO" in files["pipe.xml"].problem and "character device" in files["zero.txt"].problem
    for name, reason in problems.items():  # rejected from the listing, never opened
        with pytest.raises(Reject) as caught:
            read_file(str(src), files[name])
        assert (caught.value.stage, caught.value.reason) == ("read", reason)
    assert read_file(str(src), files["link-to-good.txt"]).data == STORY  # links to files are read


def test_a_fifo_swapped_in_after_listing_is_refused_without_blocking(tmp_path):
    (tmp_path / "a.xml").write_bytes(STORY)
    [file] = list_source(str(tmp_path))
    (tmp_path / "a.xml").unlink()
    os.mkfifo(tmp_path / "a.xml")  # no writer: a blocking open would wait forever
    clock = time.monotonic()
    with pytest.raises(Reject, match="not a regular file"):
        read_file(str(tmp_path), file)
    assert time.monotonic() - clock < 5


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(LIMITS, "max_file_bytes", 1000)
    with open(tmp_path / "sparse.txt", "wb") as handle:  # 2 GB on paper, nothing on disk
        handle.truncate(2 * 2**30)
    [file] = list_source(str(tmp_path))
    with pytest.raises(Reject, match="file over size limit"):
        read_file(str(tmp_path), file)
    # A file that grew after listing is read to the limit and no further.
    (tmp_path / "sparse.txt").write_bytes(b"x" * 500)
    [small] = list_source(str(tmp_path))
    (tmp_path / "sparse.txt").write_bytes(b"x" * 5000)
    with pytest.raises(Reject, match="5,000 bytes|1,001 bytes"):
        read_file(str(tmp_path), small)


def test_names_that_are_not_utf8_are_kept_losslessly(tmp_path):
    root = os.fsencode(tmp_path)
    names = [b"caf\xe9.txt", b"100%.txt", "na\u00efve-\u00e9t\u00e9.txt".encode(), b"caf%E9.txt"]
    for name in names:
        with open(os.path.join(root, name), "wb") as handle:
            handle.write(STORY)
    files = list_source(str(tmp_path))
    uris = [f.uri for f in files]
    assert len(set(uris)) == len(names)  # "caf\xe9" and a literal "caf%E9" stay apart
    assert {unquote_to_bytes(u.rsplit("/", 1)[-1]) for u in uris} == set(names)
    assert all(u.encode("utf-8") for u in uris)  # storable as Parquet strings
    assert all(read_file(str(tmp_path), f).data == STORY for f in files)


def test_tar_member_with_a_latin1_name():
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w", format=tarfile.GNU_FORMAT, encoding="latin-1") as archive:
        info = tarfile.TarInfo("m\u00fcnchen-\u00e9t\u00e9.txt")
        info.size = len(STORY)
        archive.addfile(info, io.BytesIO(STORY))
    from tasks.pipeline import process_file
    from tasks.records import RawFile

    out = process_file(RawFile("/src/a.tar", tar.getvalue()), hostile.INGESTED_AT)
    assert out.rejects == [] and len(out.articles) == 1
    uri = out.articles[0]["source_uri"]
    assert uri == "/src/a.tar!/m%FCnchen-%E9t%E9.txt"
    assert unquote_to_bytes(uri.split("!/")[1]) == "m\u00fcnchen-\u00e9t\u00e9.txt".encode("latin-1")


def test_uri_name_escapes_only_what_it_must():
    assert uri_name("a b/ü.txt") == "a b/ü.txt"
    assert uri_name("50%") == "50%25"
    assert uri_name(os.fsdecode(b"\xff\xfe")) == "%FF%FE"


def test_a_modification_time_in_year_11476_is_clamped():
    import shutil

    # ext4 stores times up to 2446 only; tmpfs (/dev/shm) keeps year 11476 as given.
    folder = Path(tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    try:
        path = folder / "far.txt"
        path.write_bytes(STORY)
        os.utime(path, (YEAR_11476, YEAR_11476))
        if os.stat(path).st_mtime < 253402300800:
            pytest.skip("no file system here keeps a modification time past year 9999")
        [file] = list_source(str(folder))
        assert file.modified_at == datetime.max.replace(tzinfo=timezone.utc)
        assert read_file(str(folder), file).data == STORY
    finally:
        shutil.rmtree(folder)


def test_a_lake_inside_its_source_is_not_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "lake" / "_state").mkdir(parents=True)
    (tmp_path / "lake" / "articles" / "pub_date=2024-01-01").mkdir(parents=True)
    (tmp_path / "lake" / "articles" / "pub_date=2024-01-01" / "part-0.parquet").write_bytes(b"PAR1")
    assert [f.uri.rsplit("/", 1)[-1] for f in list_source(str(tmp_path))] == ["a.txt"]


def test_one_canonical_name_however_the_source_is_given(tmp_path, monkeypatch):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(STORY)
    (tmp_path / "via-link").symlink_to(src)
    monkeypatch.chdir(tmp_path)
    ways = [str(src), f"{tmp_path}/./src/", str(tmp_path / "via-link"), "src", f"file://{src}"]
    listings = {tuple(f.uri for f in list_source(way)) for way in ways}
    assert listings == {(f"{os.path.realpath(src)}/sub/a.txt",)}


def test_a_path_longer_than_path_max_is_listed_as_a_reject(tmp_path):
    (tmp_path / "a.txt").write_bytes(STORY)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 folders of 250 characters: over PATH_MAX (4096)
            os.mkdir("d" * 250, dir_fd=fd)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "wb") as handle:
            handle.write(STORY)
    finally:
        os.close(fd)
    files = list_source(str(tmp_path))
    [deep] = [f for f in files if f.problem]
    assert deep.problem.startswith("path too long") and len(files) == 2


_AS_NOBODY = """
import os, sys, json
from tasks.sources import list_source
os.setgid(65534); os.setuid(65534)  # after the imports: `nobody` may not read the interpreter's files
print(json.dumps([(f.uri, f.problem) for f in list_source(sys.argv[1])]))
"""


def _shared_tmp() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="wirelake-sources-"))
    folder.chmod(0o755)
    return folder


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become the unprivileged user `nobody`")
def test_an_unreadable_folder_is_listed_as_a_reject():
    import json
    import shutil

    src = _shared_tmp()
    try:
        (src / "a.txt").write_bytes(STORY)
        (src / "locked").mkdir()
        (src / "locked" / "b.txt").write_bytes(STORY)
        (src / "locked").chmod(0)
        result = subprocess.run([sys.executable, "-c", _AS_NOBODY, str(src)], capture_output=True, text=True,
                                timeout=120, env={**os.environ, "PYTHONPATH": os.getcwd()})
        assert result.returncode == 0, result.stderr
        listed = dict(json.loads(result.stdout))
        assert listed[f"{src}/a.txt"] is None
        assert listed[f"{src}/locked"].startswith("unreadable folder: PermissionError")
    finally:
        (src / "locked").chmod(0o755)
        shutil.rmtree(src)


# --- transient failures are read again ------------------------------------------------------


def _run(source: str, lake: str, files: list[SourceFile]) -> None:
    """One run as the flow does it, without Prefect: batches, summary, commit."""
    started_at = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started_at)
    lake_writer.claim_staging(lake, run_id)
    batches = [run_batch(source, batch, lake, run_id, n, started_at).to_dict()
               for n, batch in enumerate(split_batches(files, 10))]
    summary = summarise(batches, source=source, lake=lake, run_id=run_id, mode="run", started_at=started_at)
    commit_and_record(lake, run_id, summary)
    time.sleep(1.1)  # run ids have a resolution of a second


def _ledger(lake: str) -> dict[str, dict]:
    return {row["source_uri"].rsplit("/", 1)[-1]: row for row in read_ledger(lake).to_pylist()}


def test_a_file_that_vanished_during_the_run_is_read_by_the_next(tmp_path):
    src, lake = tmp_path / "src", str(tmp_path / "lake")
    src.mkdir()
    for seed in (1, 2):
        (src / f"s{seed}.txt").write_bytes(hostile.base("page_text", seed))
    listed = list_source(str(src))
    moved = tmp_path / "aside.txt"
    os.rename(src / "s2.txt", moved)  # moved away after listing, back after the run
    _run(str(src), lake, listed)
    os.rename(moved, src / "s2.txt")
    ledger = _ledger(lake)
    assert ledger["s2.txt"]["reject"] == f"read: {TRANSIENT_READ}"
    assert ledger["s1.txt"]["status"] == "parsed"

    again = files_to_read(list_source(str(src)), lake)
    assert [f.uri.rsplit("/", 1)[-1] for f in again] == ["s2.txt"]  # same size and mtime: still retried
    _run(str(src), lake, again)
    assert _ledger(lake)["s2.txt"]["status"] == "parsed"
    assert files_to_read(list_source(str(src)), lake) == []


def test_special_entries_are_rejected_once_and_not_retried(tmp_path):
    src, lake = tmp_path / "src", str(tmp_path / "lake")
    src.mkdir()
    (src / "good.txt").write_bytes(STORY)
    _special_entries(src)
    _run(str(src), lake, files_to_read(list_source(str(src)), lake))
    ledger = _ledger(lake)
    assert ledger["good.txt"]["status"] == "parsed"
    assert ledger["pipe.xml"]["reject"] == "read: not a regular file"
    assert files_to_read(list_source(str(src)), lake) == []  # permanent outcomes: not read again


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become the unprivileged user `nobody`")
def test_permission_denied_is_read_again_once_permitted():
    import shutil

    src = _shared_tmp()
    lake = str(src / "lake")
    try:
        (src / "raw").mkdir()
        (src / "raw" / "a.txt").write_bytes(STORY)
        (src / "raw" / "a.txt").chmod(0)
        Path(lake).mkdir()
        Path(lake).chmod(0o777)  # the unprivileged run writes the lake
        script = ("import os, sys; sys.path.insert(0, os.getcwd());"
                  "from tests.test_sources import _run; from tasks.sources import list_source;"
                  "import tasks.pipeline; tasks.pipeline.warm_up();"  # loaded while root may read them
                  "os.setgid(65534); os.setuid(65534);"
                  "_run(sys.argv[1], sys.argv[2], list_source(sys.argv[1]))")
        result = subprocess.run([sys.executable, "-c", script, str(src / "raw"), lake], capture_output=True,
                                text=True, timeout=300, env={**os.environ, "PYTHONPATH": os.getcwd()})
        assert result.returncode == 0, result.stderr[-2000:]
        assert _ledger(lake)["a.txt"]["reject"] == f"read: {TRANSIENT_READ}"
        (src / "raw" / "a.txt").chmod(0o644)  # permission given back; size and mtime unchanged
        again = files_to_read(list_source(str(src / "raw")), lake)
        assert len(again) == 1
        _run(str(src / "raw"), lake, again)
        assert _ledger(lake)["a.txt"]["status"] == "parsed"
    finally:
        shutil.rmtree(src, ignore_errors=True)


def test_reject_rows_of_a_run_are_storable(tmp_path):
    """Entries with names that are not UTF-8 reach the rejects dataset (a FIFO named so)."""
    src, lake = tmp_path / "src", str(tmp_path / "lake")
    src.mkdir()
    os.mkfifo(os.path.join(os.fsencode(src), b"pipe-\xe9.xml"))
    (src / "good.txt").write_bytes(STORY)
    _run(str(src), lake, list_source(str(src)))
    rejects = pq.read_table(next(Path(lake, "rejects").rglob("*.parquet"))).to_pylist()
    assert [r["source_uri"].rsplit("/", 1)[-1] for r in rejects] == ["pipe-%E9.xml"]
