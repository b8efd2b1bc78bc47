"""The lake as one self-contained HTML page: inline CSS and hand-made SVG, no scripts, fonts
or network. It reads only the columns each section needs, through fsspec and pyarrow.dataset.

Every piece of lake text (headlines, entity names, URIs) is hostile input and goes through
`html.escape` before it reaches the page.
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
from tasks.report.status import count_text, duration_text, human_bytes, lake_status
from tasks.storage import open_url

RUN_COLUMNS = ("run_id", "started_at", "finished_at", "mode", "status", "files_seen", "files_parsed",
               "files_rejected", "files_duplicate", "articles_written")
ENTITY_TYPES = ("PERSON", "ORG", "LOC")
TOP_ENTITIES = 10
MAX_AGENCIES = 9  # more series than this would make the chart unreadable: the rest are "other"
LATEST_HEADLINES = 15
REJECT_EXAMPLES = 3
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
UNKNOWN = "(none)"


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
        articles = _read(store, DATASETS["articles"], ["agency", "source_format"])
        entities = _read(store, DATASETS["entities"], ["article_id", "name", "type"],
                         pc.field("type").isin(list(ENTITY_TYPES)))
        rejects = _read(store, DATASETS["rejects"], ["source_uri", "stage", "reason"])
        buckets = _time_buckets(articles, entities)
        sections += [
            _volume_section(articles, buckets),
            _agency_format_section(articles),
            _latest_section(store, status),
            _entities_section(entities, buckets),
            _rejects_section(rejects),
        ]
    sections.append(_runs_section(status["runs"]))
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>wirelake report: {_e(lake)}</title><style>{CSS}</style></head>\n<body>\n"
        f"<h1>wirelake report</h1><p class=\"meta\">Lake <code>{_e(lake)}</code>, generated {generated}</p>\n"
        + "\n".join(s for s in sections if s) + "\n</body></html>\n"
    )


CSS = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}
h1{margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #ddd}.meta,.note{color:#666}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.legend span{display:inline-block;margin-right:1em}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}
.empty{padding:1em;background:#fff7e0;border:1px solid #f0d890}
.types{display:flex;flex-wrap:wrap;gap:1.5em}ul.examples{margin:0;padding-left:1.2em;font-size:12px;word-break:break-all}
svg text{font:11px system-ui,sans-serif;fill:#555}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _read(lake: Lake, declared: Dataset, columns: list[str], filter=None) -> pa.Table | None:
    """Only the needed columns of a dataset, its partition key as a string; None if absent."""
    path, partition = lake.dataset_dir(declared.name), declared.partition
    if not lake.fs.isdir(path):
        return None
    partitioning = pads.partitioning(pa.schema([(partition, pa.string())]), flavor="hive")
    dataset = pads.dataset(path, filesystem=lake.fs, format="parquet", partitioning=partitioning)
    if not set(columns) <= set(dataset.schema.names):
        return None
    table = dataset.to_table(columns=[*columns, partition], filter=filter)
    # Null labels would vanish from group-bys; show them as "(none)".
    for column in columns:
        if pa.types.is_string(table.schema.field(column).type) and column != "article_id":
            table = table.set_column(table.schema.get_field_index(column), column, pc.fill_null(table[column], UNKNOWN))
    return table if table.num_rows else None


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


def _bucket_of(buckets: list[str]):
    """A function mapping a pub_date string to its bucket label."""
    if len(buckets) < 2:
        return lambda _day: buckets[0]
    unit = {1: "day", 7: "week"}.get((date.fromisoformat(buckets[1]) - date.fromisoformat(buckets[0])).days, "month")
    return lambda day: _bucket_start(date.fromisoformat(day), unit).isoformat()


def _bucket_caption(buckets: list[str]) -> str:
    if len(buckets) < 2:
        return "day"
    gap = (date.fromisoformat(buckets[1]) - date.fromisoformat(buckets[0])).days
    return {1: "day", 7: "week (from Monday)"}.get(gap, "month")


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


def _volume_section(articles: pa.Table | None, buckets: list[str]) -> str:
    if articles is None:
        return _empty_section("volume", "Article volume", "No articles in the lake.")
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
    return (f"<section id=\"volume\"><h2>Article volume per {_e(_bucket_caption(buckets))} by agency</h2>"
            f"{stacked_bars_svg(buckets, series, colors)}<div class=\"legend\">{legend}</div></section>")


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


def _latest_section(lake: Lake, status: dict) -> str:
    last = (status["datasets"].get("articles") or {}).get("last")
    if not last:
        return ""
    path = lake.partition_dir(DATASETS["articles"], last)
    dataset = pads.dataset(path, filesystem=lake.fs, format="parquet")
    wanted = [c for c in ("published_at", "agency", "kind", "headline", "source_format") if c in dataset.schema.names]
    table = dataset.to_table(columns=wanted)
    if "published_at" in wanted:
        table = table.sort_by([("published_at", "descending")])
    rows = [[_clock(r.get("published_at")), r.get("agency"), r.get("kind"), r.get("headline"), r.get("source_format")]
            for r in table.slice(0, LATEST_HEADLINES).to_pylist()]
    return (f"<section id=\"latest\"><h2>Latest headlines ({_e(last)})</h2>"
            f"{_html_table(['published (UTC)', 'agency', 'kind', 'headline', 'format'], rows)}</section>")


def _entities_section(entities: pa.Table | None, buckets: list[str]) -> str:
    if entities is None:
        return _empty_section("entities", "Top entities", "No PERSON, ORG or LOC entities in the lake.")
    entities = entities.filter(pc.field("name") != UNKNOWN)
    # One row per (entity, article): the count is of articles, not of mentions.
    mentions = entities.group_by(["type", "name", "article_id", "pub_date"]).aggregate([])
    top = top_entities(mentions)
    to_bucket = _bucket_of(buckets)
    index = {b: i for i, b in enumerate(buckets)}
    wanted = pc.is_in(mentions["name"], value_set=pa.array(sorted({n for names in top.values() for n, _ in names}), pa.string()))
    series = defaultdict(lambda: [0] * len(buckets))
    for row in mentions.filter(wanted).to_pylist():
        series[(row["type"], row["name"])][index[to_bucket(row["pub_date"])]] += 1
    blocks = []
    for kind in ENTITY_TYPES:
        rows = [[i + 1, name, count, _Raw(sparkline_svg(series[(kind, name)], f"{name} per {_bucket_caption(buckets)}"))]
                for i, (name, count) in enumerate(top.get(kind, []))]
        body = _html_table(["#", "name", "articles", f"per {_bucket_caption(buckets)}"], rows) if rows else "<p class=\"note\">none</p>"
        blocks.append(f"<div class=\"type\"><h3>{_e(kind)}</h3>{body}</div>")
    span = f"{buckets[0]} to {buckets[-1]}" if buckets else ""
    return (f"<section id=\"entities\"><h2>Top entities by article count</h2><p class=\"note\">{_e(span)}</p>"
            f"<div class=\"types\">{''.join(blocks)}</div></section>")


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
    extra = sorted({k for r in runs for k in r} - set(RUN_COLUMNS) - {"duration_s"})
    headers = [c for c in RUN_COLUMNS if any(c in r for r in runs) and c != "finished_at"] + ["took", *extra]
    rows = [[duration_text(r.get("duration_s")) if h == "took" else r.get(h) for h in headers] for r in runs]
    return f"<section id=\"runs\"><h2>Recent runs</h2>{_html_table(headers, rows)}</section>"


def _empty_section(anchor: str, title: str, message: str) -> str:
    return f"<section id=\"{anchor}\"><h2>{_e(title)}</h2><p class=\"note\">{_e(message)}</p></section>"


def _clock(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else "-"


class _Raw(str):
    """Markup this module generated itself (SVG, lists of escaped items): not escaped again."""


def _html_table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    def cell(value) -> str:
        if isinstance(value, _Raw):
            return f"<td>{value}</td>"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"<td class=\"n\">{value:,}</td>"
        return f"<td>{_e(value)}</td>"
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
                     width: int = 960, height: int = 280) -> str:
    """A stacked bar chart: one bar per label, one colour per series; <title> tooltips."""
    left, bottom, top, right = 48, 36, 10, 10
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    y_max = nice_ceiling(max(totals, default=0))
    slot = plot_w / max(len(labels), 1)
    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" "
             f"viewBox=\"0 0 {width} {height}\" role=\"img\">"]
    for tick in range(5):
        value = y_max * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(f"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:.1f}\" y2=\"{y:.1f}\" stroke=\"#e5e5e5\"/>"
                     f"<text x=\"{left - 6}\" y=\"{y + 4:.1f}\" text-anchor=\"end\">{value:,.0f}</text>")
    for i, label in enumerate(labels):
        x, base = left + i * slot, top + plot_h
        for name, values in series.items():
            if not values[i]:
                continue
            h = plot_h * values[i] / y_max
            base -= h
            parts.append(f"<rect x=\"{x + slot * 0.1:.1f}\" y=\"{base:.1f}\" width=\"{max(slot * 0.8, 0.5):.1f}\" "
                         f"height=\"{h:.1f}\" fill=\"{colors[name]}\"><title>{_e(label)} {_e(name)}: {values[i]:,}</title></rect>")
    step = max(1, math.ceil(len(labels) / 8))
    for i in range(0, len(labels), step):
        parts.append(f"<text x=\"{left + (i + 0.5) * slot:.1f}\" y=\"{height - bottom + 16}\" "
                     f"text-anchor=\"middle\">{_e(labels[i])}</text>")
    parts.append("</svg>")
    return "".join(parts)


def sparkline_svg(values: list[int], title: str, width: int = 180, height: int = 28) -> str:
    """Tiny bars, one per time bucket, scaled to the series' own peak."""
    peak = max(values, default=0) or 1
    slot = width / max(len(values), 1)
    bars = "".join(f"<rect x=\"{i * slot:.1f}\" y=\"{height - height * v / peak:.1f}\" width=\"{max(slot * 0.85, 0.5):.1f}\" "
                   f"height=\"{height * v / peak:.1f}\" fill=\"#4e79a7\"/>" for i, v in enumerate(values) if v)
    return (f"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" width=\"{width}\" height=\"{height}\" "
            f"viewBox=\"0 0 {width} {height}\" role=\"img\"><title>{_e(title)}: peak {max(values, default=0):,}</title>{bars}</svg>")
