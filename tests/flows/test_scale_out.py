"""The two ways a team outgrows one folder: an object-store lake (S3) and a Dask cluster.

S3 runs against moto's standalone server on 127.0.0.1 (a real S3 HTTP API, credentials from
the environment as in production); Dask runs a real local cluster of two worker processes.
"""

import logging
import os
import shutil
import socket
import time

import fsspec
import pandas as pd
import pytest

from flows.ingest import run_flow
from tasks.lake.ledger import read_ledger

from tests.conftest import FIXTURES

pytestmark = pytest.mark.prefect


SECRET = "wirelake-test-secret-2f9c"  # must never show up in the lake


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3(monkeypatch):
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": SECRET,
                        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}"}.items():
        monkeypatch.setenv(name, value)
    fsspec.config.conf.pop("s3", None)
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    for bucket in ("raw", "lake"):
        fs.mkdir(bucket)
    yield fs
    fsspec.filesystem("s3").clear_instance_cache()
    server.stop()


def _frame(lake: str, dataset: str, **storage) -> pd.DataFrame:
    frame = pd.read_parquet(f"{lake}/{dataset}", **storage).drop(columns="ingested_at", errors="ignore")
    for partition in ("pub_date", "run_date"):
        if partition in frame:
            frame[partition] = frame[partition].astype(str)
    return frame.sort_values(list(frame.columns[:4])).reset_index(drop=True)


def test_s3_source_and_lake_round_trip(prefect_harness, s3, tmp_path):
    for path in sorted((FIXTURES / "raw_mini").rglob("*")):
        if path.is_file():
            s3.pipe_file(f"raw/feed/{path.relative_to(FIXTURES / 'raw_mini')}", path.read_bytes())
    first = run_flow("s3://raw/feed", "s3://lake/wl", workers=1)
    assert first.files_seen == 7 and first.articles == 5
    assert s3.exists("lake/wl/articles/pub_date=2022-03-03/part-0.parquet")
    assert not s3.exists("lake/wl/_state/lock") and not s3.glob("lake/wl/_staging/*/*/*")

    # The same lake read back by an analyst, through s3fs, equals a local run of the same files.
    local = run_flow(str(FIXTURES / "raw_mini"), str(tmp_path / "local"), workers=1)
    assert local.articles == first.articles
    on_s3 = _frame("s3://lake/wl", "articles").drop(columns="source_uri")
    on_disk = _frame(str(tmp_path / "local"), "articles").drop(columns="source_uri")
    pd.testing.assert_frame_equal(on_s3, on_disk)

    ledger = read_ledger("s3://lake/wl").to_pandas()
    assert ledger["etag"].notna().all() and len(ledger) == 7

    # Incremental by ETag: an object rewritten with new content is taken again, the rest skipped.
    body = s3.cat_file("raw/feed/ap-denver.txt").replace(b"231 people", b"230 people")
    s3.pipe_file("raw/feed/ap-denver.txt", body)
    second = run_flow("s3://raw/feed", "s3://lake/wl", workers=1)
    assert second.files_seen == 1 and second.files_skipped == 6
    denver = pd.read_parquet("s3://lake/wl/articles/pub_date=2021-01-09/part-0.parquet")
    assert len(denver) == 2 and denver["body"].str.contains("230 people").sum() == 1  # partition swapped

    # Credentials came from the environment and went nowhere: not in any object of the lake.
    assert not [key for key in s3.find("lake/wl") if SECRET.encode() in s3.cat_file(key)]


def test_dask_cluster_gives_the_same_lake_as_local_processes(prefect_harness, tmp_path):
    from distributed import Client, LocalCluster
    from prefect.settings import PREFECT_API_URL

    source = tmp_path / "raw"
    shutil.copytree(FIXTURES / "raw_mini", source)
    # Workers must report to the same Prefect API as the flow (in production: their env).
    os.environ["PREFECT_API_URL"] = PREFECT_API_URL.value()
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            started = time.perf_counter()
            on_dask = run_flow(str(source), str(tmp_path / "dask"), batch_size=2, dask_address=cluster.scheduler_address)
            assert len(client.scheduler_info()["workers"]) == 2
        assert on_dask.batches == 4 and time.perf_counter() - started < 300
    finally:
        os.environ.pop("PREFECT_API_URL", None)
    local = run_flow(str(source), str(tmp_path / "local"), workers=2, batch_size=2)
    assert (on_dask.files_seen, on_dask.articles) == (local.files_seen, local.articles)
    for dataset in ("articles", "entities", "rejects"):
        pd.testing.assert_frame_equal(_frame(str(tmp_path / "dask"), dataset), _frame(str(tmp_path / "local"), dataset))
