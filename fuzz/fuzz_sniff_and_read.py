#!/usr/bin/env python3
"""Atheris (libFuzzer) harness over the format sniffer, every reader and `process_file`.

How to run
----------
From the repository root, with the project's virtualenv (atheris is installed there):

    .venv/bin/python fuzz/fuzz_sniff_and_read.py --target=TARGET [CORPUS_DIR ...] [libFuzzer flags]

TARGET is one of

    sniff       reader_for + every reader's sniff(): must return a reader or raise Reject
    pipeline    process_file on the bytes (the default): it must end in articles or rejects,
                never in an "unexpected error" reject; every entity / quote / amount offset
                must index the body, and the article rows must fit tasks.lake.schema.ARTICLES
    all         reader_for, then the chosen reader's read() (generator drained)
    <reader>    one reader's read() called directly on the bytes, sniff bypassed:
                anpa, iptc7901, ninjs, nitf, newsml_g2, newsml12, feeds, html, page_text,
                warc, gzip, zip, tar (see tasks.formats.READERS)

A reader may only refuse input by raising (or yielding) `Reject`; any other exception is a
finding. Every run seeds itself from tests/fixtures
(formats/, raw_mini/, fuzz/; WIRELAKE_FUZZ_SEED_DIRS=dir1:dir2 replaces them) and uses the
dictionary fuzz/wirelake.dict; the first CORPUS_DIR (default: a fresh temporary directory)
receives the inputs libFuzzer finds interesting. fuzz/session.sh runs every target in turn.

Useful libFuzzer flags:

    -max_total_time=600   stop after 10 minutes       -runs=N         stop after N inputs
    -timeout=10           an input taking >10 s is a hang (a finding)
    -rss_limit_mb=2048    -max_len=65536              -artifact_prefix=fuzz/out/
    -dict=fuzz/wirelake.dict (added by default: format tokens and past troublemakers)

Examples:

    .venv/bin/python fuzz/fuzz_sniff_and_read.py --target=pipeline -max_total_time=600
    .venv/bin/python fuzz/fuzz_sniff_and_read.py --target=nitf /tmp/nitf-corpus -max_total_time=60
    # replay one crash input (no fuzzing; prints the traceback):
    .venv/bin/python fuzz/fuzz_sniff_and_read.py --target=pipeline tests/fixtures/fuzz/some-input.bin

A crash writes `crash-<sha1>` (or `timeout-...`) into the working directory (or
-artifact_prefix). Minimise it with `-minimize_crash=1 -runs=10000 crash-...`, then keep it
as tests/fixtures/fuzz/<what-it-caught>.bin: tests/test_fuzz_regressions.py replays every
file there through process_file. CI runs this harness for 10 seconds
(tests/test_fuzz_regressions.py::test_short_fuzz_session, marker `fuzz`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["tasks"]):
    from tasks.formats import READERS, reader_for
    from tasks.pipeline import process_file
    from tasks.records import RawFile, Reject

import pyarrow as pa

from tasks.lake.schema import ARTICLES

FIXTURES = ROOT / "tests" / "fixtures"
# WIRELAKE_FUZZ_SEED_DIRS (os.pathsep-separated) replaces these; CI leaves out fuzz/, whose
# inputs still waiting for a reader fix would stop the run at once.
SEED_DIRS = [Path(d) for d in os.environ.get("WIRELAKE_FUZZ_SEED_DIRS", "").split(os.pathsep) if d] or [
    FIXTURES / "formats", FIXTURES / "raw_mini", FIXTURES / "fuzz"
]
INGESTED_AT = datetime(2024, 6, 12, 8, 0, tzinfo=timezone.utc)
MODIFIED_AT = datetime(2024, 6, 11, 22, 50, tzinfo=timezone.utc)
BY_NAME = {reader.NAME: reader for reader in READERS}
TARGETS = ("sniff", "pipeline", "all", *BY_NAME)


class Finding(AssertionError):
    """An invariant broken without an exception (an offset off the body, a schema misfit)."""


def raw_of(data: bytes) -> RawFile:
    return RawFile("fuzz://input", data, MODIFIED_AT)


def drain(reader, raw: RawFile) -> None:
    """Read everything the reader yields; Reject (raised or yielded) is the only refusal."""
    try:
        for item in reader.read(raw):
            if not isinstance(item, (RawFile, Reject)) and type(item).__name__ != "Story":
                raise Finding(f"{reader.NAME}.read yielded a {type(item).__name__}")
    except Reject:
        pass


def check_sniff(data: bytes) -> None:
    head = data[:4096]
    for reader in READERS:
        if reader.sniff(head) not in (True, False):
            raise Finding(f"{reader.NAME}.sniff returned a non-bool")
    try:
        reader_for(raw_of(data))
    except Reject:
        pass


def check_rows(rows) -> None:
    """The pipeline's promises: an outcome, no unexpected error, offsets index the body, schema fits."""
    if not rows.articles and not rows.rejects:
        raise Finding("process_file: no article and no reject (the file vanished)")
    for reject in rows.rejects:
        if reject["reason"] == "unexpected error":
            raise Finding(f"process_file: unexpected error at stage {reject['stage']}: {reject['detail']}")
    bodies = {a["article_id"]: a["body"] for a in rows.articles}
    for kind, table in (("entity", rows.entities), ("quote", rows.quotes), ("amount", rows.amounts)):
        for row in table:
            body = bodies[row["article_id"]]
            start, end = row["start"], row["end"]
            if not (0 <= start <= end <= len(body)) or body[start:end] != row["text"]:
                raise Finding(f"{kind} offsets {start}:{end} do not index {row['text']!r} in the body")
    if rows.articles:
        pa.Table.from_pylist(rows.articles, schema=ARTICLES)


def one_input(target: str):
    if target == "sniff":
        return check_sniff
    if target == "pipeline":
        return lambda data: check_rows(process_file(raw_of(data), INGESTED_AT))
    if target == "all":
        def run_all(data: bytes) -> None:
            raw = raw_of(data)
            try:
                reader = reader_for(raw)
            except Reject:
                return
            drain(reader, raw)
        return run_all
    reader = BY_NAME[target]
    return lambda data: drain(reader, raw_of(data))


def main(argv: list[str]) -> None:
    target = os.environ.get("WIRELAKE_FUZZ_TARGET", "pipeline")
    args = [argv[0]]
    for arg in argv[1:]:
        if arg.startswith("--target="):
            target = arg.split("=", 1)[1]
        else:
            args.append(arg)
    if target not in TARGETS:
        sys.exit(f"unknown target {target!r}; one of {', '.join(TARGETS)}")
    inputs = [a for a in args[1:] if not a.startswith("-")]
    replay = inputs and all(Path(a).is_file() for a in inputs)
    if not replay:  # fuzzing: first dir collects the corpus, the fixtures seed it
        if not inputs:
            args.append(tempfile.mkdtemp(prefix=f"wirelake-fuzz-{target}-"))
        args += [str(d) for d in SEED_DIRS if d.is_dir()]
        if not any(a.startswith("-max_len=") for a in args):
            args.append("-max_len=65536")
        if not any(a.startswith("-dict=") for a in args):
            args.append(f"-dict={Path(__file__).with_name('wirelake.dict')}")
    atheris.Setup(args, one_input(target))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
