"""Read-side reporting: what is in the lake (status.py) and a self-contained HTML report
(html_report.py). Both read the lake where tasks/lake/layout.py says things are.
"""

from tasks.report.html_report import (
    MAX_AGENCIES,
    build_report,
    latest_headlines,
    nice_ceiling,
    sparkline_svg,
    stacked_bars_svg,
    top_entities,
    write_report,
)
from tasks.report.status import format_status, human_bytes, lake_status, recent_runs

__all__ = [
    "MAX_AGENCIES", "build_report", "format_status", "human_bytes", "lake_status", "latest_headlines",
    "nice_ceiling", "recent_runs", "sparkline_svg", "stacked_bars_svg", "top_entities", "write_report",
]
