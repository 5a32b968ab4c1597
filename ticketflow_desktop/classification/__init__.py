"""Smart classification: a language model when configured, a local model otherwise. No Qt here.

Heavy libraries (openai, numpy) are imported only when a suggestion is first needed.
"""

from __future__ import annotations

from ticketflow_desktop.classification.errors import ClassificationError, ErrorKind
from ticketflow_desktop.config import LlmSettings


def check_connection(settings: LlmSettings) -> str:
    """For the settings dialog's Test button: the model's name, or ClassificationError(kind, message)."""
    from ticketflow_desktop.classification.llm import check_connection as check

    return check(settings)


__all__ = ["ClassificationError", "ErrorKind", "check_connection"]
