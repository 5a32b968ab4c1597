"""The test oracle for the resolution-time histogram: the exact median from the full history."""

from __future__ import annotations

from sqlalchemy import Connection, Float, cast, func, select

from ticketflow_desktop.storage import analytics
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.tables import ticket_table


def exact_median_resolution_seconds(executor: Connection) -> float | None:
    """The median time to first resolution, from a scan of every status event."""
    dialect = dialect_of(executor)
    first = analytics.first_resolutions()
    if dialect is Dialect.POSTGRESQL:
        epoch = func.extract("epoch", first.c.at - ticket_table.c.created_at)
        query = select(func.percentile_cont(0.5).within_group(epoch)).select_from(
            first.join(ticket_table, ticket_table.c.id == first.c.ticket_id)
        )
        value = executor.execute(query).scalar_one()
        return None if value is None else float(value)
    seconds = (func.julianday(first.c.at) - func.julianday(ticket_table.c.created_at)) * 86400.0
    durations = (
        select(cast(seconds, Float).label("s"))
        .select_from(first.join(ticket_table, ticket_table.c.id == first.c.ticket_id))
        .subquery()
    )
    n = executor.execute(select(func.count()).select_from(durations)).scalar_one()
    if n == 0:
        return None
    ordered = select(durations.c.s).order_by(durations.c.s)
    middle = executor.execute(ordered.limit(2 - n % 2).offset((n - 1) // 2)).scalars().all()
    return float(sum(middle) / len(middle))
