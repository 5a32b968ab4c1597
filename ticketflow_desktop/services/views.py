"""Saved views: a name for a filter, a sort and columns; personal (the owner's alone) or shared with the
team. On PostgreSQL the database decides who sees and changes which (storage/team_sql: RLS on
saved_views, the owner set by a trigger); on SQLite there is one person, who owns every view."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, case, delete, func, insert, select, update

from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.views import SavedView, ViewSpec, decode_view, encode_view, view_name_error
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import saved_view_table
from ticketflow_desktop.storage.team import agent_login, local_login

log = logging.getLogger(__name__)


def _view(row: Row[Any]) -> SavedView:
    decoded = decode_view(row.spec)
    if decoded.skipped:
        log.warning("saved view %r: could not read %s", row.name, ", ".join(decoded.skipped))
    return SavedView(row.id, row.name, row.owner, bool(row.shared), decoded.spec, row.position, decoded.skipped)


def _name(name: str) -> str:
    message = view_name_error(name)
    if message:
        raise ValidationError([FieldError("name", message)])
    return name.strip()


@dataclass(frozen=True)
class ViewService:
    database: Database

    def available(self) -> list[SavedView]:
        """The views this login may use: their own and the shared ones; own first, then by position."""
        with self.database.reading() as session:
            me = agent_login(session)
            mine_first = case((saved_view_table.c.owner == me, 0), else_=1)
            rows = session.execute(
                select(saved_view_table).order_by(
                    mine_first, saved_view_table.c.position, saved_view_table.c.name, saved_view_table.c.id
                )
            )
            views = []
            for row in rows:
                try:
                    views.append(_view(row))
                except ValueError:  # not a view at all (a hand-edited row): left out, never a crash
                    log.warning("saved view %r is unreadable", row.name)
            return views

    def find(self, name: str) -> SavedView:
        """The view called `name` (case-insensitively): one's own before a shared one."""
        wanted = name.strip().casefold()
        for view in self.available():
            if view.name.casefold() == wanted:
                return view
        raise ValidationError([FieldError("view", f"There is no saved view called {name.strip()!r}.")])

    def save(self, name: str, spec: ViewSpec, *, shared: bool = False) -> SavedView:
        """Save `spec` as `name`: a new view, or the new content of one's own view of that name."""
        name = _name(name)
        with self.database.writing() as session:
            me = agent_login(session)
            existing = session.execute(
                select(saved_view_table.c.id).where(saved_view_table.c.owner == me, saved_view_table.c.name == name)
            ).scalar_one_or_none()
            values: dict[str, object] = {"name": name, "shared": shared, "spec": encode_view(spec)}
            if existing is not None:
                session.execute(update(saved_view_table).where(saved_view_table.c.id == existing).values(values))
                return _view(_stored(session, existing))
            values["position"] = _next_position(session)
            if not self.database.enforces_team_rules:  # PostgreSQL sets the owner itself
                values["owner"] = local_login()
            new_id = session.execute(
                insert(saved_view_table).values(values).returning(saved_view_table.c.id)
            ).scalar_one()
            return _view(_stored(session, new_id))

    def rename(self, view_id: int, new_name: str) -> SavedView:
        return self._change(view_id, name=_name(new_name))

    def share(self, view_id: int, shared: bool) -> SavedView:
        return self._change(view_id, shared=shared)

    def move(self, view_id: int, position: int) -> SavedView:
        return self._change(view_id, position=position)

    def remove(self, view_id: int) -> None:
        with self.database.writing() as session:
            gone = session.execute(
                delete(saved_view_table).where(saved_view_table.c.id == view_id).returning(saved_view_table.c.id)
            ).first()
        if not gone:  # absent, or (PostgreSQL) someone else's that this login may not remove
            raise ValidationError([FieldError("view", "That saved view is gone, or is not yours to remove.")])

    def _change(self, view_id: int, **values: object) -> SavedView:
        with self.database.writing() as session:
            if "name" in values:
                taken = session.execute(
                    select(saved_view_table.c.id).where(
                        saved_view_table.c.owner == agent_login(session),
                        saved_view_table.c.name == values["name"],
                        saved_view_table.c.id != view_id,
                    )
                ).first()
                if taken:
                    raise ValidationError([FieldError("name", f"You have a view called {values['name']!r} already.")])
            changed = session.execute(
                update(saved_view_table)
                .where(saved_view_table.c.id == view_id)
                .values(values)
                .returning(saved_view_table.c.id)
            ).first()
            if changed is None:
                raise ValidationError([FieldError("view", "That saved view is gone, or is not yours to change.")])
            return _view(_stored(session, view_id))


def _stored(session: Connection, view_id: int) -> Row[Any]:
    """A view as stored now (its owner set by the database on PostgreSQL)."""
    return session.execute(select(saved_view_table).where(saved_view_table.c.id == view_id)).one()


def _next_position(session: Connection) -> int:
    return int(session.execute(select(func.coalesce(func.max(saved_view_table.c.position), -1) + 1)).scalar_one())
