"""Saving the dashboard: its numbers as CSV, a chart as PNG. Plain functions, so tests need no dialogs."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ticketflow_desktop.domain import SuggestionSource
from ticketflow_desktop.domain.analytics import Dashboard, range_label
from ticketflow_desktop.domain.sla import Attainment
from ticketflow_desktop.services.suggestion_outcomes import WeekAcceptance


def dashboard_rows(d: Dashboard) -> list[tuple[str, str, str]]:
    """One (section, name, value) row per number on the dashboard, zeros included."""
    median = "" if d.median_resolution_seconds is None else f"{d.median_resolution_seconds / 3600:.2f}"
    rows: list[tuple[str, str, str]] = [
        ("summary", "today", d.today.isoformat()),
        ("summary", "range", range_label(d.range_days)),
        ("summary", "total", str(d.total)),
        ("summary", "avg_created_per_day", f"{d.avg_created_per_day:.2f}"),
        ("summary", "median_resolution_hours", median),
    ]
    for source in SuggestionSource:
        accepted, offered = d.suggestions[source]
        rows.append(("suggestions_accepted", source.value, str(accepted)))
        rows.append(("suggestions_offered", source.value, str(offered)))
    rows += [("status", s.value, str(n)) for s, n in d.by_status.items()]
    rows += [("priority", p.value, str(n)) for p, n in d.by_priority.items()]
    rows += [("category", c.value, str(n)) for c, n in d.by_category.items()]
    per = d.bucket.replace(" ", "_")  # day, week, month, year, or "10_years" on a very long span
    for day, created, resolved, backlog in zip(d.days, d.created, d.resolved, d.backlog, strict=True):
        rows.append((f"created_per_{per}", day.isoformat(), str(created)))
        rows.append((f"resolved_per_{per}", day.isoformat(), str(resolved)))
        rows.append(("open_backlog", day.isoformat(), str(backlog)))
    return rows


def sla_rows(a: Attainment) -> list[tuple[str, str, str]]:
    """SLA attainment: met and settled per week and per agent ("" is nobody's)."""
    rows: list[tuple[str, str, str]] = []
    for week, met, settled in zip(a.weeks, a.met_per_week, a.settled_per_week, strict=True):
        rows.append(("sla_met_per_week", week.isoformat(), str(met)))
        rows.append(("sla_settled_per_week", week.isoformat(), str(settled)))
    for who, met, settled in a.per_agent:
        rows.append(("sla_met_per_agent", who, str(met)))
        rows.append(("sla_settled_per_agent", who, str(settled)))
    return rows


def acceptance_rows(weeks: Sequence[WeekAcceptance]) -> list[tuple[str, str, str]]:
    """Suggestions kept and made per week and source, named "WEEK source"."""
    rows: list[tuple[str, str, str]] = []
    for w in weeks:
        name = f"{w.week.isoformat()} {w.source.value}"
        rows.append(("suggestions_kept_per_week", name, str(w.kept)))
        rows.append(("suggestions_made_per_week", name, str(w.suggested)))
    return rows


def export_csv(
    d: Dashboard,
    path: str | Path,
    attainment: Attainment | None = None,
    acceptance: Sequence[WeekAcceptance] = (),
) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("section", "name", "value"))
        writer.writerows(dashboard_rows(d))
        if attainment is not None:
            writer.writerows(sla_rows(attainment))
        writer.writerows(acceptance_rows(acceptance))


def export_png(widget: QWidget, path: str | Path) -> None:
    """Save what the chart shows (its card, title included) as a PNG."""
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"Could not write {path}")
