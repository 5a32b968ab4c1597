"""Saved views: a name for a filter, a sort and columns; personal (the owner's alone) or shared with the
team. On PostgreSQL the database decides who sees and changes which (storage/team_sql: RLS on
saved_views, the owner set by a trigger); on SQLite there is one person, who owns every view."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.views import SavedView, ViewSpec, decode_view, encode_view, view_name_error
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import SavedViewRow, table_of
from ticketflow_desktop.storage.team import agent_login, local_login

log = logging.getLogger(__name__)


def _view(row: SavedViewRow) -> SavedView:
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
            mine_first = case((SavedViewRow.owner == me, 0), else_=1)
            rows = session.execute(
                select(SavedViewRow).order_by(mine_first, SavedViewRow.position, SavedViewRow.name, SavedViewRow.id)
            ).scalars()
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
        views = table_of(SavedViewRow)
        with self.database.writing() as session:
            me = agent_login(session)
            existing = session.execute(
                select(SavedViewRow.id).where(SavedViewRow.owner == me, SavedViewRow.name == name)
            ).scalar_one_or_none()
            values: dict[str, object] = {"name": name, "shared": shared, "spec": encode_view(spec)}
            if existing is not None:
                session.execute(update(views).where(views.c.id == existing).values(values))
                row = session.get(SavedViewRow, existing)
                assert row is not None
                session.refresh(row)
                return _view(row)
            values["position"] = _next_position(session)
            if not self.database.enforces_team_rules:  # PostgreSQL sets the owner itself
                values["owner"] = local_login()
            new_id = session.execute(insert(views).values(values).returning(views.c.id)).scalar_one()
            row = session.get(SavedViewRow, new_id)
            assert row is not None
            return _view(row)

    def rename(self, view_id: int, new_name: str) -> SavedView:
        return self._change(view_id, name=_name(new_name))

    def share(self, view_id: int, shared: bool) -> SavedView:
        return self._change(view_id, shared=shared)

    def move(self, view_id: int, position: int) -> SavedView:
        return self._change(view_id, position=position)

    def remove(self, view_id: int) -> None:
        with self.database.writing() as session:
            gone = session.execute(
                delete(SavedViewRow).where(SavedViewRow.id == view_id).returning(SavedViewRow.id)
            ).first()
        if not gone:  # absent, or (PostgreSQL) someone else's that this login may not remove
            raise ValidationError([FieldError("view", "That saved view is gone, or is not yours to remove.")])

    def _change(self, view_id: int, **values: object) -> SavedView:
        with self.database.writing() as session:
            if "name" in values:
                taken = session.execute(
                    select(SavedViewRow.id).where(
                        SavedViewRow.owner == agent_login(session),
                        SavedViewRow.name == values["name"],
                        SavedViewRow.id != view_id,
                    )
                ).first()
                if taken:
                    raise ValidationError([FieldError("name", f"You have a view called {values['name']!r} already.")])
            views = table_of(SavedViewRow)
            changed = session.execute(
                update(views).where(views.c.id == view_id).values(values).returning(views.c.id)
            ).first()
            if changed is None:
                raise ValidationError([FieldError("view", "That saved view is gone, or is not yours to change.")])
            row = session.get(SavedViewRow, view_id)
            assert row is not None
            return _view(row)


def _next_position(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(SavedViewRow.position), -1) + 1)).scalar_one())
