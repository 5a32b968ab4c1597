"""Before an owner upgrades a shared schema, the app says who would be locked out."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import make_url

from tests.team.conftest import Team
from ticketflow_desktop.domain import SchemaBehind
from ticketflow_desktop.services.team import upgrade_database, upgrade_impact
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.migrate import head_revision

pytestmark = pytest.mark.postgresql


def test_the_owner_sees_who_an_upgrade_locks_out_and_upgrades(team: Team) -> None:
    from alembic import command

    from ticketflow_desktop.storage.migrate import alembic_config

    with team.owner.engine.begin() as connection:  # the database as the previous TicketFlow left it
        command.downgrade(alembic_config(connection), "0004_external_id")
    dsn = make_url(team.urls["other"]).set(drivername="postgresql").render_as_string(hide_password=False)
    old_app = psycopg2.connect(dsn, application_name="ticketflow-desktop 0.1.0")  # a colleague's older app
    try:
        with pytest.raises(SchemaBehind):
            open_database(team.urls["agent"]).dispose()
        agent_view = upgrade_impact(team.urls["agent"])
        assert (agent_view.current, agent_view.wanted, agent_view.may_upgrade) == (
            "0004_external_id",
            head_revision(),
            False,
        )
        owner_view = upgrade_impact(team.owner.url)
        assert owner_view.may_upgrade
        assert owner_view.locked_out == (f"{team.logins['other']} (TicketFlow 0.1.0)",)
        upgrade_database(team.owner.url)
        open_database(team.urls["agent"]).dispose()  # opens again
    finally:
        old_app.close()
        upgrade_database(team.owner.url)
