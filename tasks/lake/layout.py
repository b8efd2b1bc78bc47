"""Where everything lives in a lake: every path of it is spelled here, and only here.

    articles/pub_date=YYYY-MM-DD/part-0.parquet      one file per partition (a dataset's
    entities/pub_date=YYYY-MM-DD/part-0.parquet      folder is its declared name, see schema.py)
    rejects/run_date=YYYY-MM-DD/part-0.parquet
    entity_index/part-0.parquet                      a derived index: one file, no partitions
    _staging/<run_id>/_owner                         who staged it ("host pid time")
    _staging/<run_id>/<dataset>/batch-NNNNN.parquet  a run's batches until commit
    _staging/<run_id>/_outcomes/batch-NNNNN.jsonl    their per-file outcomes (outcomes.py)
    _staging/<run_id>/_commit/...                    the commit's new files, as the lake will hold them,
                                                     until each is renamed into place (writer.py)
    _staging/.claim-<run_id>, .done-<run_id>         a claim being made, a staging being deleted
    _state/lock                                      held by the committing run
    _state/ledger.parquet                            every raw file taken in
    _state/entity_months/<YYYY-MM>.parquet           a derived index's day summaries, a month per file
    _state/article_ids.parquet                       article_id -> the pub_date that holds it
    _state/article_ids.in-commit                     a commit is swapping partitions: rebuild the ids
    _state/backfill-<start>-<end>.json               the days a backfill range has finished
    _runs/<run_id>.parquet                           one report per run
    _quarantine/<lake path>                          unreadable files `wirelake repair` moved aside

Folders and files starting with "_" or "." are ignored by pyarrow, pandas and DuckDB
readers, so everything that is not data starts with one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import fsspec
from fsspec.implementations.local import LocalFileSystem

from tasks.storage import open_url

if TYPE_CHECKING:
    from tasks.lake.schema import Dataset

PART_FILE = "part-0.parquet"
STAGING = "_staging"
COMMIT_FOLDER = "_commit"
STATE = "_state"
RUN_REPORTS = "_runs"
QUARANTINE = "_quarantine"
OWNER_FILE = "_owner"
OUTCOMES = "_outcomes"  # a run's per-file outcomes, beside its staged datasets
LOCK_FILE = "lock"
ENTITY_MONTHS = "entity_months"  # the entity index's day summaries, a file per month (entity_index.py)
# _state/ folders of earlier versions, rebuilt under another name: a commit removes them.
RETIRED_STATE = ("entity_days",)  # a file per day, until 2026-12
PARTITIONS_FILE = "partitions.parquet"  # _state/partitions.parquet: rows of every partition at its last commit
ARTICLE_IDS_FILE = "article_ids.parquet"  # every article_id of the lake with its day (article_ids.py)
ARTICLE_IDS_IN_COMMIT = "article_ids.in-commit"  # present while a commit may have left the ids behind
LEDGER_STEM = "ledger"  # _state/ledger.parquet (status also counts any ledger* beside it)
CLAIMING = ".claim-"  # prefixes of staging folders that hold no live run's batches
DELETING = ".done-"
HIDDEN_PREFIXES = ("_", ".")  # what readers skip: not data


def is_hidden(name: str) -> bool:
    """A file or folder name readers skip (state, staging, run reports, temporaries)."""
    return name.startswith(HIDDEN_PREFIXES)


def partition_folder(dataset: Dataset, value: str) -> str:
    """`pub_date=2017-02-02`: hive style, so readers get the partition key back as a column."""
    return f"{dataset.partition}={value}"


def partition_value(dataset: Dataset, folder: str) -> str | None:
    """The value a partition folder's name holds ('2017-02-02'); None for any other folder."""
    prefix = f"{dataset.partition}="
    return folder[len(prefix):] if folder.startswith(prefix) else None


@dataclass(frozen=True)
class Lake:
    """A lake root on any fsspec file system: a local folder, file://, s3://, gs:// ..."""

    url: str
    fs: fsspec.AbstractFileSystem
    root: str

    @classmethod
    def at(cls, url: str | Lake) -> Lake:
        if isinstance(url, Lake):
            return url
        fs, root = open_url(str(url))
        return cls(str(url), fs, root.rstrip("/") or "/")

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    # --- data: what readers see ---

    def dataset_dir(self, name: str) -> str:
        return self.path(name)

    def partition_dir(self, dataset: Dataset, value: str) -> str:
        return self.path(dataset.name, partition_folder(dataset, value))

    def partition_file(self, dataset: Dataset, value: str) -> str:
        return self.path(dataset.name, partition_folder(dataset, value), PART_FILE)

    def index_file(self, name: str) -> str:
        """A derived index: one file, no partitions."""
        return self.path(name, PART_FILE)

    # --- staging: a run's batches until its commit ---

    def staging_root(self) -> str:
        return self.path(STAGING)

    def staging_dir(self, run_id: str) -> str:
        return self.path(STAGING, run_id)

    def staging_owner(self, run_id: str) -> str:
        return self.path(STAGING, run_id, OWNER_FILE)

    def claiming_dir(self, run_id: str) -> str:
        """A run's staging folder while it is being made (renamed to staging_dir when ready)."""
        return self.path(STAGING, f"{CLAIMING}{run_id}")

    def deleting_dir(self, run_id: str) -> str:
        """A run's staging folder renamed away to be deleted."""
        return self.path(STAGING, f"{DELETING}{run_id}")

    def commit_dir(self, run_id: str) -> str:
        """Where a local commit writes its new files before renaming them into the lake."""
        return self.path(STAGING, run_id, COMMIT_FOLDER)

    def staged_batch(self, run_id: str, dataset_name: str, batch_no: int) -> str:
        return self.path(STAGING, run_id, dataset_name, f"batch-{batch_no:05d}.parquet")

    def staged_batches(self, run_id: str, dataset_name: str) -> str:
        """A glob of a dataset's staged batches."""
        return self.path(STAGING, run_id, dataset_name, "batch-*.parquet")

    def staged_outcomes(self, run_id: str, batch_no: int) -> str:
        """One batch's per-file outcomes, JSON lines in uri order (tasks/lake/outcomes.py)."""
        return self.path(STAGING, run_id, OUTCOMES, f"batch-{batch_no:05d}.jsonl")

    def staged_outcomes_files(self, run_id: str) -> str:
        """A glob of a run's staged outcomes."""
        return self.path(STAGING, run_id, OUTCOMES, "batch-*.jsonl")

    # --- state: kept by the writer and the flows, never read as data ---

    def state_dir(self) -> str:
        return self.path(STATE)

    def state_glob(self, stem: str) -> str:
        return self.path(STATE, f"{stem}*")

    def lock_file(self) -> str:
        return self.path(STATE, LOCK_FILE)

    def ledger_file(self) -> str:
        return self.path(STATE, f"{LEDGER_STEM}.parquet")

    def partitions_file(self) -> str:
        """What the writer committed: dataset, partition value, rows (a deleted partition shows)."""
        return self.path(STATE, PARTITIONS_FILE)

    def article_ids_file(self) -> str:
        """Every article_id of the lake with the pub_date that holds it (derived from the partitions)."""
        return self.path(STATE, ARTICLE_IDS_FILE)

    def article_ids_in_commit(self) -> str:
        """A marker written before a commit swaps partitions, removed once the ids are recorded."""
        return self.path(STATE, ARTICLE_IDS_IN_COMMIT)

    def summary_file(self, folder: str, group: str) -> str:
        """A derived index's summaries of one group of partitions (folder: the index's declared
        `summaries`; group: its `summary_group` of their values)."""
        return self.path(STATE, folder, f"{group}.parquet")

    def retired_state(self) -> list[str]:
        """Folders of earlier versions' state (RETIRED_STATE)."""
        return [self.path(STATE, name) for name in RETIRED_STATE]

    def summary_files(self, folder: str) -> str:
        """A glob of a derived index's summaries."""
        return self.path(STATE, folder, "*.parquet")

    def backfill_state_file(self, start: date, end: date) -> str:
        return self.path(STATE, f"backfill-{start.isoformat()}-{end.isoformat()}.json")

    def quarantine_file(self, path: str) -> str:
        """Where `wirelake repair` moves an unreadable file of the lake (its lake path kept)."""
        return self.path(QUARANTINE, path[len(self.root):].lstrip("/"))

    # --- run reports ---

    def run_report_file(self, run_id: str) -> str:
        return self.path(RUN_REPORTS, f"{run_id}.parquet")

    def run_reports(self) -> str:
        """A glob of every run report."""
        return self.path(RUN_REPORTS, "*.parquet")

