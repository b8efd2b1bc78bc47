"""The README's "The lake" recipes, read from the README itself, and a small lake to run them on."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from tasks import lake as lake_writer
from tasks.lake.schema import DATASETS
from tasks.pipeline import FileRows

README = Path(__file__).resolve().parents[1] / "README.md"


def lake_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## The lake\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def recipes(language: str) -> list[str]:
    """The fenced code blocks of that language in "The lake", in order."""
    return re.findall(rf"```{language}\n(.*?)```", lake_section(), re.DOTALL)


def run_python_recipes(lake: Path) -> dict:
    """Execute every python recipe as written (only the lake's path changed); its variables."""
    names: dict = {}
    for code in recipes("python"):
        exec(compile(code.replace("data/lake", str(lake)), "README.md", "exec"), names)
    return names


def duckdb_latest(lake: Path):
    """The README's DuckDB recipe as written (only the lake's path changed): the latest view."""
    import duckdb

    [sql] = recipes("sql")
    connection = duckdb.connect()
    statements = [s.strip() for s in sql.replace("data/lake", str(lake)).split(";") if s.strip()]
    for statement in statements:
        connection.execute(statement)
    return connection.execute("SELECT * FROM latest").df(), connection


def commit_rows(lake: Path, results: list[FileRows], run_id: str = "r1") -> None:
    """Stage every file's rows as one batch and commit them, as a run does."""
    rows = {name: [row for result in results for row in getattr(result, name)] for name in DATASETS}
    lake_writer.stage_batch(lake, run_id, 0, rows)
    lake_writer.commit_run(lake, run_id)


NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)
