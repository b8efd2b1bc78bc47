"""Checks a run's rows must pass before the commit writes anything (pure).

`article_id` is unique across the lake only if no run writes one id into two pub_date
partitions: the merge is keyed per partition, so such a pair would land twice and the
summary would count it once written and twice new ("1,915 written (1,916 new to the lake)").
"""

from __future__ import annotations

from collections import defaultdict

from tasks.errors import ConservationError


def articles_in_several_days(outcomes: list[dict], only: list[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """article_id -> [(pub_date, source uri), ...] for every id the run would write into two
    days (`only`: the days a backfill writes; None: all)."""
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for outcome in sorted(outcomes, key=lambda o: o["uri"]):
        for article, day in zip(outcome["article_ids"], outcome["article_days"]):
            if only is None or day in only:
                seen[article].setdefault(day, outcome["uri"])
    return {article: sorted(days.items()) for article, days in sorted(seen.items()) if len(days) > 1}


def check_one_day_per_article(outcomes: list[dict], only: list[str] | None = None) -> None:
    """Fail the run, before any partition is written, if one article_id would go to two days.

    Since stubs without text hash their story and day (tasks/identity.py), only the same
    agency, headline and body dated two ways by two deliveries can do it: a conflict in the
    input that no rule here may settle silently (which day is right?). The error names the
    files so the operator can drop or fix one; the run leaves the lake as it was."""
    if conflicts := articles_in_several_days(outcomes, only):
        article, places = next(iter(conflicts.items()))
        where = "; ".join(f"{day} from {uri}" for day, uri in places)
        raise ConservationError(
            f"{len(conflicts)} article_id(s) would be written into two pub_date partitions, e.g. {article}: "
            f"{where}. The same text is dated two ways; remove or correct one of the files and run again.")
