"""Tags and multi-value filters at scale (PostgreSQL or SQLite): first page and capped count per filter,
and whether PostgreSQL's plan reaches the rows through indexes. Prints a table; never run as a test.

    python -m bench.views postgresql://postgres@127.0.0.1:5432/tf_views_bench
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import select, text

from ticketflow_desktop.domain import Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.tables import ticket_table

FILTERS = {
    "status open,in_progress": TicketFilter(status=(Status.OPEN, Status.IN_PROGRESS)),
    "priority high,critical + open": TicketFilter(priority=(Priority.HIGH, Priority.CRITICAL), status=Status.OPEN),
    "tag vip": TicketFilter(tags=("vip",)),
    "tag audit (rare)": TicketFilter(tags=("audit",)),
    "tags bug,outage + open,in_progress": TicketFilter(
        tags=("bug", "outage"), status=(Status.OPEN, Status.IN_PROGRESS)
    ),
}


def _ms(fn: object) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


def main(url: str) -> None:
    service = TicketService(open_database(url))
    postgres = not service.database.is_sqlite
    print(f"{'filter':<38} {'page ms':>8} {'count ms':>9} {'count':>8}  plan")
    for name, flt in FILTERS.items():
        page_ms, _ = _ms(lambda flt=flt: service.page(flt, Sort(SortKey.UPDATED), 50))
        count_ms, count = _ms(lambda flt=flt: service.count(flt))
        plan = ""
        if postgres:
            query = (
                select(ticket_table.c.id)
                .where(*service._conditions(flt))
                .order_by(ticket_table.c.updated_at.desc())
                .limit(51)
            )
            with service.database.reading() as session:
                compiled = query.compile(session.engine, compile_kwargs={"literal_binds": True})
                lines = session.execute(text(f"EXPLAIN {compiled}")).scalars().all()
            plan = "; ".join(sorted({w for line in lines for w in line.split() if w.startswith(("ix_", "pk_"))}))
            if any("Seq Scan" in line for line in lines):
                plan += " + Seq Scan"
        print(f"{name:<38} {page_ms:>8.1f} {count_ms:>9.1f} {count!s:>8}  {plan}")


if __name__ == "__main__":
    main(sys.argv[1])
