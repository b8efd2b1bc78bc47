"""One article_id, one pub_date partition, across the lake; one delivery per article's rows.
Settled before the commit writes anything.

The merge is keyed per partition, so one id dated two ways by two deliveries of the same
text (a copy whose date was not trusted and fell back to the file's, a local date beside a
UTC timestamp) would land in both days: `article_id` would not be unique across the lake
and the summary would count it once written and twice new ("1,915 written (1,916 new to
the lake)"). Stubs without text cannot collide so (tasks/identity.py hashes their story and
day), so what is left is a conflict in the input, and bad input must not fail a run.

The rule, deterministic and the same whichever run a copy comes in:
1. An article the lake already holds keeps its day. Its copy in this run on another day is a
   duplicate: dropped with all its rows (articles, entities, quotes, amounts), counted as a
   repeat, not written. Why the existing row and not the newer copy: a day partition an
   analyst has read keeps its rows (a rerun or a late re-delivery never moves an article out
   of a day already queried), the commit rewrites only the days the run staged, and which copy
   wins does not depend on how deliveries were cut into runs. A staged copy on the lake's own
   day is kept and replaces the lake's row, as any re-delivery does (merge.py).
   The lake's days come from `_state/article_ids.parquet` (article_ids.py), read once; a claim
   is checked against its partition before it drops anything, and claims on days the run
   replaces (a backfill) do not count: those days become what the run writes.
2. An article new to the lake, dated differently by files of this run: the copy from the
   first file (in uri order) keeps it, the rule the merge already applies within a day.
3. One article staged twice on its day (two deliveries: two formats of one text, a
   re-delivery after a model change): its child rows (entities, quotes, amounts) come as a set
   from the delivery whose article row wins (the first source_uri, merge.py), never as a union
   of two deliveries' spans ("Guo" 0-3 from one, "Guo Jun" 0-7 from the other). Child rows are
   staged with their article's source_uri for this (schema.Dataset.child_of_article).

The run's summary counts the same way (`Settlement.file_status`, `articles_written`), so
written and new agree: an article dropped by rule 1 is neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from tasks.lake.layout import Lake
from tasks.lake.writer import Staged
from tasks.lake.schema import DELIVERY, PUB_DATE, Dataset

_SEP = "\x1f"  # joins day, article_id and source_uri into one comparable key


@dataclass
class StagedCopies:
    """Where a run staged each article: read from the per-file outcomes in one pass."""

    days: dict[str, dict[str, str]] = field(default_factory=dict)  # article_id -> day -> first uri with it
    repeated: set[tuple[str, str]] = field(default_factory=set)  # (day, article_id) staged more than once


@dataclass
class Settlement:
    """What a run writes of each article it staged, and what it drops (see the module's rules)."""

    kept: dict[str, str]  # article_id -> the day this run writes it on
    drop: dict[str, set[str]]  # day -> article_ids whose staged copy on that day is dropped
    held_elsewhere: set[str]  # articles the lake holds on another day: nothing of them written
    written_from: dict[str, str]  # article_id -> the file whose copy is written (first in uri order on its day)
    repeated: set[tuple[str, str]] = field(default_factory=set)  # (day, article_id) from several deliveries

    @property
    def articles_written(self) -> int:
        return len(self.kept)

    def file_status(self, outcome: dict, status: str) -> str:
        """A file read without error is parsed when the copy of at least one of its articles is
        the one written, else a duplicate: every article of it came in an earlier file of its
        day, or is held by the lake on another day (pure). Articles the run does not write
        (outside a backfill's day) leave the status as summarise judged it."""
        if status == "rejected" or not outcome["article_ids"]:
            return status
        uri = outcome.get("uri", "")
        for article in outcome["article_ids"]:
            if article not in self.written_from and article not in self.held_elsewhere:
                return status  # not settled by this run
            if self.written_from.get(article) == uri:
                return "parsed"
        return "duplicate"


def staged_copies(outcomes: Iterable[dict], only: Iterable[str] | None = None) -> StagedCopies:
    """The days each article is staged on, with the first file (uri order) staging it there (pure,
    one pass over the outcomes, in any order). `only`: the days a backfill writes (None: all)."""
    only = set(only) if only is not None else None
    copies = StagedCopies()
    for outcome in outcomes:
        uri = outcome.get("uri", "")
        for article, day in zip(outcome["article_ids"], outcome["article_days"]):
            if only is not None and day not in only:
                continue
            days = copies.days.setdefault(article, {})
            if day in days:
                copies.repeated.add((day, article))
                days[day] = min(days[day], uri)
            else:
                days[day] = uri
    return copies


def claims_to_check(copies: StagedCopies, lake_ids: dict[str, str], replace: Iterable[str] = ()) -> dict[str, str]:
    """The lake's days (article_id -> day) that would drop a staged copy: an article staged on a
    day other than the one the lake holds it on; days the run replaces hold no claim (pure)."""
    replace = set(replace)
    claims = {}
    for article, days in copies.days.items():
        day = lake_ids.get(article)
        if day is not None and day not in replace and set(days) != {day}:
            claims[article] = day
    return claims


def settle(copies: StagedCopies, lake_days: dict[str, str]) -> Settlement:
    """Apply the rules (pure). `lake_days`: article_id -> the day the lake holds it on, for the
    conflicting articles (claims_to_check, confirmed against the partitions)."""
    kept: dict[str, str] = {}
    drop: dict[str, set[str]] = defaultdict(set)
    held_elsewhere: set[str] = set()
    written_from = {}
    for article, days in copies.days.items():
        day = lake_days.get(article)
        if day is not None and day not in days:
            held_elsewhere.add(article)  # rule 1: every staged copy is a repeat of the lake's row
        else:
            kept[article] = day if day is not None else min(days, key=lambda d: (days[d], d))  # rule 1, 2
            written_from[article] = days[kept[article]]
        for staged_day in days:
            if staged_day != kept.get(article):
                drop[staged_day].add(article)
    repeated = {(day, article) for day, article in copies.repeated if kept.get(article) == day}
    return Settlement(kept, dict(drop), held_elsewhere, written_from, repeated)


@dataclass(frozen=True)
class StagedDrops:
    """The staged rows a settlement drops, as "day, article_id" pairs (rule 1, 2: an article's
    copy on a day not kept) and, for the children of an article staged by several deliveries
    (rule 3), the winning "day, article_id, source_uri". The commit applies them to the rows
    it reads (`keep`, pure), so the staging itself is never rewritten and a retried commit
    applies the same drops to the same rows."""

    dropped: pa.Array
    repeated: pa.Array
    winners: pa.Array

    def keep(self, dataset: Dataset, rows: pa.Table) -> pa.Table:
        """A staged table of `dataset` without the rows that lose."""
        if dataset.partition != PUB_DATE or dataset.group != "article_id" or rows.num_rows == 0:
            return rows
        # Articles: the merge itself keeps the first source_uri's row; their children need telling.
        losing = _losing(rows, self.dropped, self.repeated, self.winners, dataset.child_of_article)
        return rows.filter(pc.invert(losing))


def staged_drops(lake: str | Lake, run_id: str, settlement: Settlement) -> StagedDrops | None:
    """What the commit must drop of the run's staged rows for this settlement; None if nothing.
    Only the staged articles of repeated days are read (to find each one's winning delivery)."""
    from tasks.lake.writer import staged_datasets

    if not settlement.drop and not settlement.repeated:
        return None
    dropped = pa.array(sorted(f"{day}{_SEP}{article}" for day, articles in settlement.drop.items()
                              for article in articles), pa.string())
    repeated = pa.array(sorted(f"{day}{_SEP}{article}" for day, article in settlement.repeated), pa.string())
    articles = next((s for s in staged_datasets(lake, run_id) if s.dataset.name == "articles"), None)
    winners = _winning_deliveries(articles, repeated) if articles is not None else pa.array([], pa.string())
    return StagedDrops(dropped, repeated, winners)


def _losing(keys: pa.Table, dropped: pa.Array, repeated: pa.Array, winners: pa.Array, children: bool) -> pa.Array:
    """Rows of a staged batch that lose (pure): their (day, article) is dropped, or, for the
    `children` of an article, it was staged by several deliveries and the row is not from the
    winning one."""
    pair = pc.binary_join_element_wise(keys[PUB_DATE], keys["article_id"], _SEP)
    losing = pc.is_in(pair, value_set=dropped)
    if children and len(repeated):
        triple = pc.binary_join_element_wise(pair, pc.fill_null(keys[DELIVERY], ""), _SEP)
        other_delivery = pc.and_(pc.is_in(pair, value_set=repeated), pc.invert(pc.is_in(triple, value_set=winners)))
        losing = pc.or_(losing, other_delivery)
    return pc.fill_null(losing, False)


def _winning_deliveries(articles: Staged, repeated: pa.Array) -> pa.Array:
    """"day, article_id, source_uri" of the article row the merge keeps for each repeated
    (day, article): the first source_uri, as merge.py orders a run's duplicates."""
    days = {value.split(_SEP, 1)[0] for value in repeated.to_pylist()}
    pieces = []
    for file_no in range(len(articles.files)) if days else ():
        rows = articles.read_file(file_no, days, [PUB_DATE, "article_id", DELIVERY])
        if rows is None:
            continue
        pair = pc.binary_join_element_wise(rows[PUB_DATE], rows["article_id"], _SEP)
        pieces.append(pa.table({"pair": pair, "source_uri": pc.fill_null(rows[DELIVERY], "")})
                      .filter(pc.is_in(pair, value_set=repeated)))
    if not pieces:
        return pa.array([], pa.string())
    first = pa.concat_tables(pieces).group_by("pair", use_threads=False).aggregate([("source_uri", "min")])
    return pc.binary_join_element_wise(first["pair"], first["source_uri_min"], _SEP)


def overlapping_spans(entities: pa.Table) -> list[tuple[str, int, int, int, int]]:
    """Entity rows of one article whose spans overlap or nest, as (article_id, start, end,
    next start, next end) (pure). One span, one row, one type: the lake should hold none."""
    if entities.num_rows < 2:
        return []
    rows = entities.select(["article_id", "start", "end"]).sort_by(
        [("article_id", "ascending"), ("start", "ascending"), ("end", "descending")])
    found = []
    article_ids, starts, ends = (rows[c].to_pylist() for c in ("article_id", "start", "end"))
    reach_article, reach_start, reach_end = None, 0, -1
    for article, start, end in zip(article_ids, starts, ends):
        if article == reach_article and start < reach_end:
            found.append((article, reach_start, reach_end, start, end))
        if article != reach_article or end > reach_end:
            reach_article, reach_start, reach_end = article, start, end
    return found
