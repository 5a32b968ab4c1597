"""Customers (requesters) and assignees as stored: found, created and checked inside a write."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, func, insert, or_, select

from ticketflow_desktop.domain.conversation import Customer, Requester
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.search import like_pattern
from ticketflow_desktop.storage.tables import agent_table, customer_table
from ticketflow_desktop.storage.team import local_login

COMPLETIONS = 20


def customer_from_row(row: Row[Any]) -> Customer:
    return Customer(row.id, row.name, row.email, row.organisation)


def find_or_create_customer(session: Connection, requester: Requester) -> Customer:
    """One record per email, matched case-insensitively; a known customer keeps their stored name."""
    found = session.execute(
        select(customer_table).where(customer_table.c.email_key == requester.email_key)
    ).one_or_none()
    if found is not None:
        return customer_from_row(found)
    values = {
        "name": requester.name,
        "email": requester.email,
        "email_key": requester.email_key,
        "organisation": requester.organisation,
    }
    new_id = session.execute(insert(customer_table).values(values).returning(customer_table.c.id)).scalar_one()
    return Customer(int(new_id), requester.name, requester.email, requester.organisation)


def customer_email(session: Connection, customer_id: int | None) -> str | None:
    if customer_id is None:
        return None
    return session.execute(
        select(customer_table.c.email).where(customer_table.c.id == customer_id)
    ).scalar_one_or_none()


def customer_of(session: Connection, customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    row = session.execute(select(customer_table).where(customer_table.c.id == customer_id)).one_or_none()
    return customer_from_row(row) if row is not None else None


def customer_by_email(session: Connection, email: str) -> Customer | None:
    row = session.execute(
        select(customer_table).where(customer_table.c.email_key == email.strip().casefold())
    ).one_or_none()
    return customer_from_row(row) if row is not None else None


def customers_matching(session: Connection, prefix: str, limit: int = COMPLETIONS) -> list[Customer]:
    """For completion on name or email as the agent types (a prefix, case-insensitively)."""
    key = prefix.strip().casefold()
    if not key:
        return []
    pattern = like_pattern(key, anywhere=False)
    rows = session.execute(
        select(customer_table)
        .where(
            or_(
                customer_table.c.email_key.like(pattern, escape="\\"),
                func.lower(customer_table.c.name).like(pattern, escape="\\"),
            )
        )
        .order_by(customer_table.c.name, customer_table.c.id)
        .limit(limit)
    )
    return [customer_from_row(r) for r in rows]


def check_assignee(session: Connection, login: str) -> str:
    """An active agent's login (PostgreSQL), or this computer's login (SQLite, one person)."""
    if session.engine.dialect.name == "sqlite":
        if login != local_login():
            raise ValidationError(
                [FieldError("assignee", f"On this computer's database only {local_login()} can own tickets.")]
            )
        return login
    active = session.execute(select(agent_table.c.active).where(agent_table.c.login == login)).scalar_one_or_none()
    if not active:
        raise ValidationError([FieldError("assignee", f"There is no active agent called {login!r}.")])
    return login
