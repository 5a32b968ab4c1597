"""TicketFlow Desktop: a support-ticket desktop client on SQLite or PostgreSQL."""


def __getattr__(name: str) -> str:
    # `__version__` is looked up when asked for: importlib.metadata costs 20 ms of every CLI call's start.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ticketflow-desktop")
    except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
        return "0.2.0"
