"""The one place where an error becomes the words a user reads (plain Python, no Qt).

`error_words(error)` is a sentence about what happened and what to do; with a `subject`
("Ticket #5") it also says what became of the act (`failed`: "was not changed"), except when the
act is not lost: a write kept in the outbox (`Queued`) says so instead of "not changed".

A bug (any exception that is not a TicketFlowError) gets short, generic words: the crash dialog,
which ui/ops.py opens for every bug, has the details.
"""

from __future__ import annotations

from ticketflow_desktop.domain import Conflict, NotFound, StorageUnavailable, TicketFlowError, ValidationError
from ticketflow_desktop.domain.attachments import AttachmentNotFound
from ticketflow_desktop.domain.errors import Cancelled, PermissionDenied, SchemaBehind
from ticketflow_desktop.services.outbox import Queued

BUG_WORDS = "Something went wrong inside TicketFlow; the error report has the details."
UNREACHABLE = "the database is unreachable."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", "…")) else f"{text}."


def conflict_fields(error: Conflict) -> str:
    return ", ".join(f.capitalize() for f in error.conflicting_fields) or "It"


def error_words(error: BaseException, subject: str = "", failed: str = "was not saved") -> str:
    """What a user reads about `error`; see the module's docstring for `subject` and `failed`."""
    if isinstance(error, Queued):
        # Not a failure: the write is safe on this computer (the outbox's own words say when it goes).
        words = _sentence(str(error))
        return f"{subject}: {words}" if subject else words
    if isinstance(error, Conflict):
        if subject:
            return (
                f"{subject} was changed by someone else meanwhile ({conflict_fields(error)}); "
                "your change was not saved."
            )
        return f"Someone else changed it meanwhile ({conflict_fields(error)}); your change was not saved."
    if isinstance(error, ValidationError):
        words = "; ".join(e.message for e in error.errors) or str(error)
    elif isinstance(error, StorageUnavailable):
        detail = _sentence(str(error))
        words = f"{UNREACHABLE} {detail}" if subject else detail
    elif isinstance(error, PermissionDenied | SchemaBehind):
        words = _sentence(str(error))  # they name the role or schema and who can help
    elif isinstance(error, AttachmentNotFound):
        words = f"{error}."
    elif isinstance(error, NotFound):
        words = f"Ticket #{error.ticket_id} does not exist (any more)."
    elif isinstance(error, Cancelled):
        words = "Stopped."
    elif isinstance(error, TicketFlowError):
        words = _sentence(str(error))
    else:
        words = BUG_WORDS
    return f"{subject} {failed}: {words}" if subject else words
