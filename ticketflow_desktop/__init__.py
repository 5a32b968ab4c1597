"""TicketFlow Desktop: a support-ticket desktop client on SQLite or PostgreSQL."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ticketflow-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.2.0"
