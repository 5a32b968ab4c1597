"""Alembic environment: always run on a connection the app hands over (never from alembic.ini)."""

from alembic import context

from ticketflow_desktop.storage.migrations.env_options import include_object
from ticketflow_desktop.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
