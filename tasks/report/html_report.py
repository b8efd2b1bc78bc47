"""The lake as one self-contained HTML page: inline CSS and hand-made SVG, no scripts, fonts
or network. It reads only the columns each section needs, through fsspec and pyarrow.dataset.

Every piece of lake text (headlines, entity names, URIs) is hostile input and goes through
`html.escape` before it reaches the page.

What the page claims must be what a reader takes from it at a glance: stories dated only by
their file (date_source "file") stay out of the time charts and the latest headlines (their
pub_date is when a file was written, not when a story was published), every chart has axis
titles and a scale, and the page fits a 1280 px wide window (tests/report/test_browser.py
renders it in headless Chromium to check).
"""

from __future__ import annotations

import html
import math
import posixpath
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from tasks.lake.layout import Lake
from tasks.lake.schema import DATASETS, Dataset
from tasks.lake.writer import partition_values
from tasks.report.status import count_text, duration_text, human_bytes, lake_status
from tasks.storage import open_url

# (run table column, header): the runs table must fit the page, so only these, in this order
RUN_TABLE = (("run_id", "run"), ("started_at", "started (UTC)"), ("duration_s", "run time"), ("mode", "mode"),
             ("status", "status"), ("files_seen", "files seen"), ("files_parsed", "parsed"),
             ("files_rejected", "rejected"), ("files_duplicate", "duplicate"),
             ("articles_written", "articles written"), ("source", "source"), ("error", "error"))
ENTITY_TYPES = ("PERSON", "ORG", "LOC")
TOP_ENTITIES = 10
MAX_AGENCIES = 9  # more series than this would make the chart unreadable: the rest are "other"
LATEST_HEADLINES = 15
REJECT_EXAMPLES = 3
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
UNKNOWN = "(none)"
LONG_TOKEN = 24  # characters: a longer unbroken word (URI, run id, hostile text) may wrap anywhere
FILE_DATED = "file"  # date_source of a story that states no date: its pub_date is its file's


def write_report(lake: str, out_path: str) -> None:
    """Write `build_report(lake)` to a local path or fsspec URL."""
    fs, path = open_url(out_path)
    parent = posixpath.dirname(path)
    if parent:
        fs.makedirs(parent, exist_ok=True)
    fs.pipe_file(path, build_report(lake).encode("utf-8"))


def build_report(lake: str) -> str:
    """The lake as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    status = lake_status(lake)
    store = Lake.at(lake)
    sections = [_overview_section(status)]
    if status["datasets"]:
        articles = _read(store, DATASETS["articles"], ["article_id", "agency", "source_format"],
                         optional=("date_source",))
        entities = _read(store, DATASETS["entities"], ["article_id", "name", "type"],
                         pc.field("type").isin(list(ENTITY_TYPES)))
        rejects = _read(store, DATASETS["rejects"], ["source_uri", "stage", "reason"])
        dated_articles, file_dated = _split_file_dated(articles)
        dated_entities = _without_articles(entities, file_dated)
        buckets = _time_buckets(dated_articles, dated_entities)
        sections += [
            _volume_section(dated_articles, buckets, len(file_dated)),
            _agency_format_section(articles),
            _latest_section(store, len(file_dated)),
            _entities_section(entities, dated_entities, buckets, len(file_dated)),
            _rejects_section(rejects),
        ]
    sections.append(_runs_section(status["runs"]))
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>wirelake report: {_e(lake)}</title><style>{CSS}</style></head>\n<body>\n"
        f"<h1>wirelake report</h1><p class=\"meta\">Lake <code>{_e(lake)}</code>, generated {generated}</p>\n"
        + "\n".join(s for s in sections if s) + "\n</body></html>\n"
    )


# max-width and td.wrap (a cell with a long unbroken token may break anywhere) keep every
# table inside a 1280 px window; charts scale with the page.
CSS = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1180px;color:#222;padding:0 1em}
h1{margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #ddd}.meta,.note{color:#666}
table{border-collapse:collapse;margin:.5em 0;max-width:100%}
th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}td.wrap{overflow-wrap:anywhere}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.legend span{display:inline-block;margin-right:1em}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}
.empty{padding:1em;background:#fff7e0;border:1px solid #f0d890}
.types{display:flex;flex-wrap:wrap;gap:1.5em}ul.examples{margin:0;padding-left:1.2em;font-size:12px;word-break:break-all}
svg.chart{width:100%;height:auto;max-width:960px}svg text{font:11px system-ui,sans-serif;fill:#555}
svg.spark text{font-size:9px}svg .axis-title{fill:#222}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _read(lake: Lake, declared: Dataset, columns: list[str], filter=None, optional: tuple[str, ...] = ()) -> pa.Table | None:
    """The needed columns of a dataset (and the optional ones it has), its partition key as a
    string; None if the dataset or a needed column is absent."""
    path, partition = lake.dataset_dir(declared.name), declared.partition
    if not lake.fs.isdir(path):
        return None
    partitioning = pads.partitioning(pa.schema([(partition, pa.string())]), flavor="hive")
    dataset = pads.dataset(path, filesystem=lake.fs, format="parquet", partitioning=partitioning)
    if not set(columns) <= set(dataset.schema.names):
        return None
    columns = [*columns, *(c for c in optional if c in dataset.schema.names)]
    table = dataset.to_table(columns=[*columns, partition], filter=filter)
    # Null labels would vanish from group-bys; show them as "(none)".
    for column in columns:
        if pa.types.is_string(table.schema.field(column).type) and column != "article_id":
            table = table.set_column(table.schema.get_field_index(column), column, pc.fill_null(table[column], UNKNOWN))
    return table if table.num_rows else None


def _split_file_dated(articles: pa.Table | None) -> tuple[pa.Table | None, set[str]]:
    """Articles with a stated date, and the ids of those dated only by their file."""
    if articles is None or "date_source" not in articles.column_names:
        return articles, set()
    from_file = pc.equal(articles["date_source"], FILE_DATED)
    ids = set(articles.filter(from_file)["article_id"].to_pylist())
    dated = articles.filter(pc.invert(from_file))
    return (dated if dated.num_rows else None), ids


def _without_articles(table: pa.Table | None, article_ids: set[str]) -> pa.Table | None:
    if table is None or not article_ids:
        return table
    kept = table.filter(pc.invert(pc.is_in(table["article_id"], value_set=pa.array(sorted(article_ids), pa.string()))))
    return kept if kept.num_rows else None


def _file_dated_note(count: int, where: str) -> str:
    if not count:
        return ""
    return (f"<p class=\"note\">Not in {where}: {count:,} article{'s' if count != 1 else ''} that state no date of "
            f"their own (date_source = \"{FILE_DATED}\"): their pub_date is the day their file was written, "
            "not a publication day.</p>")


# --- time buckets ---


def _time_buckets(*tables: pa.Table | None) -> list[str]:
    """Consecutive days, weeks or months (by span) from the first to the last pub_date."""
    days = [date.fromisoformat(d) for t in tables if t is not None
            for d in pc.unique(t["pub_date"]).to_pylist() if d]
    if not days:
        return []
    first, last = min(days), max(days)
    unit = _bucket_unit(first, last)
    buckets, current = [], _bucket_start(first, unit)
    while current <= last:
        buckets.append(current.isoformat())
        current = _next_bucket(current, unit)
    return buckets


def _bucket_unit(first: date, last: date) -> str:
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 3 * 366 else "month"


def _bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day


def _next_bucket(start: date, unit: str) -> date:
    if unit == "month":
        return (start + timedelta(days=32)).replace(day=1)
    return start + timedelta(days=7 if unit == "week" else 1)


def _unit_of(buckets: list[str]) -> str:
    if len(buckets) < 2:
        return "day"
    return {1: "day", 7: "week"}.get((date.fromisoformat(buckets[1]) - date.fromisoformat(buckets[0])).days, "month")


def _bucket_of(buckets: list[str]):
    """A function mapping a pub_date string to its bucket label."""
    unit = _unit_of(buckets)
    return lambda day: _bucket_start(date.fromisoformat(day), unit).isoformat()


def _bucket_caption(buckets: list[str]) -> str:
    return {"week": "week (from Monday)"}.get(_unit_of(buckets), _unit_of(buckets))


def _bucket_labels(buckets: list[str]) -> list[str]:
    """What a reader sees under a bar: the day, the week's Monday, or the month (2024-05)."""
    return [b[:7] for b in buckets] if _unit_of(buckets) == "month" else list(buckets)


# --- sections ---


def _overview_section(status: dict) -> str:
    datasets = status["datasets"]
    if not datasets:
        return ("<section id=\"overview\"><h2>Lake contents</h2><p class=\"empty\">This lake has no datasets yet: "
                "nothing has been ingested. Run <code>wirelake run --source SRC --lake LAKE</code> first.</p></section>")
    rows = [[name, (s["partition_key"] or "-"), s["partitions"], s["files"], s["rows"], human_bytes(s["bytes"]),
             s["first"] or "-", s["last"] or "-"] for name, s in datasets.items()]
    table = _html_table(["dataset", "partitioned by", "partitions", "files", "rows", "size", "first", "last"], rows)
    ledger = status.get("ledger")
    note = (f"<p class=\"note\">Ledger: {_e(count_text(ledger['rows']))} rows, {_e(human_bytes(ledger['bytes']))}</p>"
            if ledger else "")
    return f"<section id=\"overview\"><h2>Lake contents</h2>{table}{note}</section>"


def _volume_section(articles: pa.Table | None, buckets: list[str], file_dated: int) -> str:
    note = _file_dated_note(file_dated, "this chart")
    if articles is None:
        return _empty_section("volume", "Article volume", "No dated articles in the lake.", note)
    to_bucket = _bucket_of(buckets)
    counts = articles.group_by(["pub_date", "agency"]).aggregate([("pub_date", "count")]).to_pylist()
    totals = defaultdict(int)
    for row in counts:
        totals[row["agency"]] += row["pub_date_count"]
    ranked = sorted(totals, key=lambda a: (-totals[a], a))
    shown = ranked[:MAX_AGENCIES] + (["other"] if len(ranked) > MAX_AGENCIES else [])
    series = {agency: [0] * len(buckets) for agency in shown}
    index = {b: i for i, b in enumerate(buckets)}
    for row in counts:
        agency = row["agency"] if row["agency"] in ranked[:MAX_AGENCIES] else "other"
        series[agency][index[to_bucket(row["pub_date"])]] += row["pub_date_count"]
    colors = {agency: PALETTE[i % len(PALETTE)] for i, agency in enumerate(shown)}
    legend = "".join(f"<span><i class=\"swatch\" style=\"background:{colors[a]}\"></i>{_e(a)} ({totals.get(a, sum(series[a])):,})</span>"
                     for a in shown)
    unit = _bucket_caption(buckets)
    chart = stacked_bars_svg(_bucket_labels(buckets), series, colors,
                             x_title=f"pub_date, per {unit}", y_title=f"articles per {_unit_of(buckets)}")
    return (f"<section id=\"volume\"><h2>Article volume per {_e(unit)} by agency</h2>"
            f"{chart}<div class=\"legend\">{legend}</div>{note}</section>")


def _agency_format_section(articles: pa.Table | None) -> str:
    if articles is None:
        return ""
    counts = articles.group_by(["agency", "source_format"]).aggregate([("pub_date", "count")]).to_pylist()
    formats = sorted({r["source_format"] for r in counts})
    table = defaultdict(lambda: defaultdict(int))
    for r in counts:
        table[r["agency"]][r["source_format"]] += r["pub_date_count"]
    agencies = sorted(table, key=lambda a: (-sum(table[a].values()), a))
    rows = [[a, *(table[a][f] or "" for f in formats), sum(table[a].values())] for a in agencies]
    rows.append(["total", *(sum(table[a][f] for a in agencies) for f in formats), sum(r[-1] for r in rows)])
    return (f"<section id=\"formats\"><h2>Articles per agency and source format</h2>"
            f"{_html_table(['agency', *formats, 'total'], rows)}</section>")


def _latest_section(lake: Lake, file_dated: int) -> str:
    rows = latest_headlines(lake)
    if not rows:
        return ""
    table = [[_published(r), r.get("agency"), r.get("kind"), r.get("headline"), r.get("source_format")] for r in rows]
    return (f"<section id=\"latest\"><h2>Latest headlines</h2>"
            f"<p class=\"note\">The {len(rows)} most recently published stories, newest first.</p>"
            f"{_html_table(['published (UTC)', 'agency', 'kind', 'headline', 'format'], table)}"
            f"{_file_dated_note(file_dated, 'this list')}</section>")


def latest_headlines(lake: Lake, limit: int = LATEST_HEADLINES) -> list[dict]:
    """The `limit` stories with the latest publication (pub_date, then time; a story with a day
    and no time after the timed ones of its day), leaving out those dated only by their file.

    Partitions are read newest first and the reading stops once `limit` stories are found:
    a partition is a publication day, so older ones hold only older stories."""
    articles = DATASETS["articles"]
    found: list[dict] = []
    for day in sorted(partition_values(lake, articles.name), reverse=True):
        dataset = pads.dataset(lake.partition_dir(articles, day), filesystem=lake.fs, format="parquet")
        names = dataset.schema.names
        columns = [c for c in ("published_at", "agency", "kind", "headline", "source_format") if c in names]
        dated = pc.field("date_source") != FILE_DATED if "date_source" in names else None
        # A null date_source is not "file": keep it (compare fills null with true).
        if dated is not None:
            dated = dated | ~pc.field("date_source").is_valid()
        found += [{**row, "pub_date": day} for row in dataset.to_table(columns=columns, filter=dated).to_pylist()]
        if len(found) >= limit:
            break
    found.sort(key=lambda r: (r["pub_date"], r.get("published_at") is not None, r.get("published_at") or 0), reverse=True)
    return found[:limit]


def _entities_section(entities: pa.Table | None, dated_entities: pa.Table | None, buckets: list[str],
                      file_dated: int) -> str:
    if entities is None:
        return _empty_section("entities", "Top entities", "No PERSON, ORG or LOC entities in the lake.")
    entities = entities.filter(pc.field("name") != UNKNOWN)
    # One row per (entity, article): the count is of articles, not of mentions.
    mentions = entities.group_by(["type", "name", "article_id", "pub_date"]).aggregate([])
    top = top_entities(mentions)
    series = _entity_series(dated_entities, top, buckets)
    unit = _unit_of(buckets)
    ends = (_bucket_labels(buckets)[0], _bucket_labels(buckets)[-1]) if buckets else None
    blocks = []
    for kind in ENTITY_TYPES:
        rows = [[i + 1, name, count,
                 _Raw(sparkline_svg(series.get((kind, name), [0] * len(buckets)), f"{name}: articles per {unit}", x_labels=ends))]
                for i, (name, count) in enumerate(top.get(kind, []))]
        body = (_html_table(["#", "name", "articles", f"articles per {unit}"], rows) if rows
                else "<p class=\"note\">none</p>")
        blocks.append(f"<div class=\"type\"><h3>{_e(kind)}</h3>{body}</div>")
    span = f"{buckets[0]} to {buckets[-1]}" if buckets else ""
    return (f"<section id=\"entities\"><h2>Top entities by article count</h2>"
            f"<p class=\"note\">{_e(span)}. Each small chart is scaled to its own peak (the number at its top left).</p>"
            f"<div class=\"types\">{''.join(blocks)}</div>{_file_dated_note(file_dated, 'the small charts')}</section>")


def _entity_series(dated_entities: pa.Table | None, top: dict, buckets: list[str]) -> dict:
    """(type, name) -> articles per time bucket, for the top names, from dated articles only."""
    series = defaultdict(lambda: [0] * len(buckets))
    if dated_entities is None or not buckets:
        return series
    names = sorted({n for names in top.values() for n, _ in names})
    wanted = dated_entities.filter(pc.is_in(dated_entities["name"], value_set=pa.array(names, pa.string())))
    to_bucket, index = _bucket_of(buckets), {b: i for i, b in enumerate(buckets)}
    for row in wanted.group_by(["type", "name", "article_id", "pub_date"]).aggregate([]).to_pylist():
        series[(row["type"], row["name"])][index[to_bucket(row["pub_date"])]] += 1
    return series


def top_entities(mentions: pa.Table, limit: int = TOP_ENTITIES) -> dict[str, list[tuple[str, int]]]:
    """Per type, the `limit` names in the most articles (ties by name), from (type, name, article_id) rows."""
    counts = mentions.group_by(["type", "name"]).aggregate([("article_id", "count_distinct")])
    counts = counts.sort_by([("article_id_count_distinct", "descending"), ("name", "ascending")])
    top: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in counts.to_pylist():
        if len(top[row["type"]]) < limit:
            top[row["type"]].append((row["name"], row["article_id_count_distinct"]))
    return dict(top)


def _rejects_section(rejects: pa.Table | None) -> str:
    if rejects is None:
        return _empty_section("rejects", "Rejects", "No rejected files.")
    groups = rejects.group_by(["stage", "reason"]).aggregate(
        [("source_uri", "count"), ("source_uri", "distinct"), ("run_date", "max")])
    groups = groups.sort_by([("source_uri_count", "descending"), ("stage", "ascending"), ("reason", "ascending")])
    rows = []
    for g in groups.to_pylist():
        examples = sorted(u for u in g["source_uri_distinct"] if u is not None)[:REJECT_EXAMPLES]
        items = "".join(f"<li>{_e(u)}</li>" for u in examples)
        rows.append([g["stage"], g["reason"], g["source_uri_count"], len(g["source_uri_distinct"]), g["run_date_max"],
                     _Raw(f"<ul class=\"examples\">{items}</ul>")])
    return (f"<section id=\"rejects\"><h2>Rejects by stage and reason</h2>"
            f"{_html_table(['stage', 'reason', 'rejects', 'files', 'last run date', 'examples'], rows)}</section>")


def _runs_section(runs: list[dict]) -> str:
    if not runs:
        return ""
    columns = [(key, header) for key, header in RUN_TABLE if any(r.get(key) is not None for r in runs)]
    rows = [[_run_cell(key, r.get(key)) for key, _ in columns] for r in runs]
    note = ("<p class=\"note\">Run time: from the run's start to its commit, as <code>wirelake status</code> shows it "
            "(the command's start-up, printed in its summary, is not included).</p>")
    return f"<section id=\"runs\"><h2>Recent runs</h2>{_html_table([h for _, h in columns], rows)}{note}</section>"


def _run_cell(key: str, value):
    if key == "duration_s":
        return duration_text(value)
    if key == "started_at" and isinstance(value, str):
        return value[:19].replace("T", " ")
    return value


def _empty_section(anchor: str, title: str, message: str, extra: str = "") -> str:
    return f"<section id=\"{anchor}\"><h2>{_e(title)}</h2><p class=\"note\">{_e(message)}</p>{extra}</section>"


def _published(row: dict) -> str:
    value = row.get("published_at")
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else f"{row['pub_date']} (day only)"


class _Raw(str):
    """Markup this module generated itself (SVG, lists of escaped items): not escaped again."""


def _html_table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    def cell(value) -> str:
        if isinstance(value, _Raw):
            return f"<td>{value}</td>"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"<td class=\"n\">{value:,}</td>"
        text = "" if value is None else str(value)
        long_token = max(map(len, text.split()), default=0) > LONG_TOKEN
        return f"<td class=\"wrap\">{_e(text)}</td>" if long_token else f"<td>{_e(text)}</td>"
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- SVG ---


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above value (axis maximum)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def stacked_bars_svg(labels: list[str], series: dict[str, list[int]], colors: dict[str, str],
                     width: int = 960, height: int = 300, x_title: str = "", y_title: str = "") -> str:
    """A stacked bar chart: one bar per label, one colour per series, <title> tooltips; both
    axes drawn, with tick labels and titles (classes x/y, axis-title)."""
    left, bottom, top, right = 64, 50, 10, 10
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    y_max = nice_ceiling(max(totals, default=0))
    slot = plot_w / max(len(labels), 1)
    base_y = top + plot_h
    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" "
             f"viewBox=\"0 0 {width} {height}\" role=\"img\">"]
    intervals = _tick_intervals(y_max)
    for tick in range(intervals + 1):
        value = y_max * tick / intervals
        y = base_y - plot_h * tick / intervals
        parts.append(f"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:.1f}\" y2=\"{y:.1f}\" stroke=\"#e5e5e5\"/>"
                     f"<text class=\"tick y\" x=\"{left - 6}\" y=\"{y + 4:.1f}\" text-anchor=\"end\">{_number(value)}</text>")
    for i, label in enumerate(labels):
        x, stack = left + i * slot, base_y
        for name, values in series.items():
            if not values[i]:
                continue
            h = plot_h * values[i] / y_max
            stack -= h
            parts.append(f"<rect x=\"{x + slot * 0.1:.1f}\" y=\"{stack:.1f}\" width=\"{max(slot * 0.8, 0.5):.1f}\" "
                         f"height=\"{h:.1f}\" fill=\"{colors[name]}\"><title>{_e(label)} {_e(name)}: {values[i]:,}</title></rect>")
    parts.append(f"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{base_y}\" stroke=\"#999\"/>"
                 f"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{base_y}\" y2=\"{base_y}\" stroke=\"#999\"/>")
    step = max(1, math.ceil(len(labels) / 8))
    for i in range(0, len(labels), step):
        parts.append(f"<line x1=\"{left + (i + 0.5) * slot:.1f}\" x2=\"{left + (i + 0.5) * slot:.1f}\" y1=\"{base_y}\" "
                     f"y2=\"{base_y + 4}\" stroke=\"#999\"/><text class=\"tick x\" x=\"{left + (i + 0.5) * slot:.1f}\" "
                     f"y=\"{base_y + 16}\" text-anchor=\"middle\">{_e(labels[i])}</text>")
    parts.append(f"<text class=\"axis-title x\" x=\"{left + plot_w / 2:.1f}\" y=\"{height - 6}\" "
                 f"text-anchor=\"middle\">{_e(x_title)}</text>"
                 f"<text class=\"axis-title y\" x=\"{-(top + plot_h / 2):.1f}\" y=\"14\" transform=\"rotate(-90)\" "
                 f"text-anchor=\"middle\">{_e(y_title)}</text></svg>")
    return "".join(parts)


def sparkline_svg(values: list[int], title: str, width: int = 230, height: int = 42,
                  x_labels: tuple[str, str] | None = None) -> str:
    """Tiny bars, one per time bucket, scaled to the series' own peak; the scale is written
    on it (the peak at the top and 0 at the bottom of the y axis; the first and the last
    bucket under the x axis) so that two sparklines are never compared by height alone."""
    left, bottom, top = 26, 12 if x_labels else 2, 4
    plot_w, plot_h = width - left - 2, height - top - bottom
    peak = max(values, default=0)
    scale = peak or 1
    slot = plot_w / max(len(values), 1)
    base_y = top + plot_h
    bars = "".join(f"<rect x=\"{left + i * slot:.1f}\" y=\"{base_y - plot_h * v / scale:.1f}\" "
                   f"width=\"{max(slot * 0.85, 0.5):.1f}\" height=\"{plot_h * v / scale:.1f}\" fill=\"#4e79a7\"/>"
                   for i, v in enumerate(values) if v)
    axes = (f"<line x1=\"{left - 1}\" x2=\"{left - 1}\" y1=\"{top}\" y2=\"{base_y}\" stroke=\"#bbb\"/>"
            f"<line x1=\"{left - 1}\" x2=\"{width - 2}\" y1=\"{base_y}\" y2=\"{base_y}\" stroke=\"#bbb\"/>"
            f"<text class=\"tick y\" x=\"{left - 4}\" y=\"{top + 7}\" text-anchor=\"end\">{_number(peak)}</text>"
            f"<text class=\"tick y\" x=\"{left - 4}\" y=\"{base_y}\" text-anchor=\"end\">0</text>")
    if x_labels:
        axes += (f"<text class=\"tick x\" x=\"{left}\" y=\"{height - 1}\">{_e(x_labels[0])}</text>"
                 f"<text class=\"tick x\" x=\"{width - 2}\" y=\"{height - 1}\" text-anchor=\"end\">{_e(x_labels[1])}</text>")
    return (f"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" width=\"{width}\" height=\"{height}\" "
            f"viewBox=\"0 0 {width} {height}\" role=\"img\"><title>{_e(title)}: peak {peak:,}</title>{axes}{bars}</svg>")


def _tick_intervals(y_max: float) -> int:
    """Steps of a y axis from 0 to a nice_ceiling that fall on whole numbers: 5 -> 5 steps of 1,
    20 -> 4 of 5, 50 -> 5 of 10."""
    if y_max <= 5:
        return int(y_max)
    return 4 if str(int(y_max))[0] == "2" else 5


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
