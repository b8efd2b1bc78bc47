"""A dataset is its declaration: the writer knows none by name, every lake path is spelled in
layout.py, and a declared dataset that nothing fills fails at import, not silently."""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from tasks import lake
from tasks.lake import layout, schema
from tasks.lake.schema import DATASETS, Merge, rows_for_each_dataset

from tests.conftest import ROOT

T0 = datetime(2024, 5, 1, tzinfo=timezone.utc)


def test_a_dataset_declared_without_rows_fails_loudly(monkeypatch):
    from tasks.pipeline import FileRows

    assert rows_for_each_dataset(FileRows) is FileRows  # as shipped: one list per dataset
    monkeypatch.setitem(schema.DATASETS, "tables", dataclasses.replace(DATASETS["quotes"], name="tables"))
    with pytest.raises(TypeError, match="no rows for tables"):
        rows_for_each_dataset(FileRows)


def test_rows_of_no_declared_dataset_fail_loudly():
    fields = [(name, list, dataclasses.field(default_factory=list)) for name in [*DATASETS, "tables"]]
    with pytest.raises(TypeError, match="rows of no declared dataset: tables"):
        rows_for_each_dataset(dataclasses.make_dataclass("Rows", fields))


def _reject(detail: str, when: datetime = T0) -> dict:
    return {"source_uri": "a.txt", "stage": "decode", "reason": "binary", "detail": detail, "ingested_at": when}


def test_merge_follows_the_declaration_not_the_name():
    history = dataclasses.replace(DATASETS["rejects"], name="history")  # KEEP_RECORDED, as rejects
    existing = pa.Table.from_pylist([_reject("old")], schema=history.schema)
    staged = pa.Table.from_pylist([_reject("old", T0.replace(day=2)), _reject("new")], schema=history.schema)
    merged, run_rows, new_rows = lake.merge_partition(history, existing, staged)
    assert (merged.num_rows, run_rows, new_rows) == (2, 2, 1)
    assert merged.filter(pa.compute.equal(merged["detail"], "old"))["ingested_at"].to_pylist()[0] == T0  # kept

    regrouped = dataclasses.replace(history, merge=Merge.REPLACE_GROUP, group="source_uri")
    merged, _, _ = lake.merge_partition(regrouped, existing, staged)
    assert sorted(merged["detail"].to_pylist()) == ["new", "old"]
    assert merged.filter(pa.compute.equal(merged["detail"], "old"))["ingested_at"].to_pylist()[0] == T0.replace(day=2)


def test_only_declarations_carry_a_merge_policy_and_an_index():
    assert {name for name, d in DATASETS.items() if d.merge is Merge.KEEP_RECORDED} == {"rejects"}
    assert {name: d.index.name for name, d in DATASETS.items() if d.index} == {"entities": "entity_index"}
    assert {d.first_seen for d in DATASETS.values()} == {"ingested_at", None}


# A lake folder as a path part, or a file name pattern of the lake.
LAKE_PATH = re.compile(r"(^|/)(_staging|_state|_runs|_owner|entity_days|entity_months)(/|$)|part-0|^batch-|ledger\.parquet|"
                       r"^backfill-$|^\.claim-|^\.done-")


def _string_literals(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_lake_paths_are_spelled_in_layout_only():
    spelled = Path(layout.__file__).resolve()
    found = [f"{path.relative_to(ROOT)}: {text!r}" for folder in ("tasks", "flows")
             for path in sorted((ROOT / folder).rglob("*.py"))
             if path.resolve() != spelled
             for text in _string_literals(path) if LAKE_PATH.search(text)]
    assert found == []


def test_the_backfill_state_file_is_where_backfills_keep_it(tmp_path):
    from datetime import date

    path = lake.Lake.at(str(tmp_path)).backfill_state_file(date(2024, 5, 1), date(2024, 5, 3))
    assert path == f"{tmp_path}/_state/backfill-2024-05-01-2024-05-03.json"


def test_one_span_is_one_entity_row_and_the_agency_markup_wins():
    from tasks.lake.merge import merge_partition

    dataset = DATASETS["entities"]
    span = {"article_id": "a1", "text": "Israel", "name": "Israel", "start": 10, "end": 16, "paragraph": 0}
    staged = pa.Table.from_pylist([  # two deliveries of one article: the model's guess first
        {**span, "type": "ORG", "source": "model"},
        {**span, "type": "LOC", "source": "agency", "country_code": "IL"},
        {**span, "start": 30, "end": 36, "type": "LOC", "source": "model"},
    ], schema=dataset.schema)
    merged, run_rows, _ = merge_partition(dataset, None, staged)
    assert run_rows == 2
    assert sorted((r["start"], r["type"], r["source"]) for r in merged.to_pylist()) == [
        (10, "LOC", "agency"), (30, "LOC", "model")]
