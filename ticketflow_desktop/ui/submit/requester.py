"""The Submit form's requester field: completion on the stored customers' names and emails as the agent
types (debounced, read through ops), offered as "Name <email>", which is what the field accepts
(domain/conversation.py `parse_requester`, as is a bare address)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from ticketflow_desktop.domain.conversation import Customer
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore

COMPLETE_DELAY_MS = 250
PREFIX_MIN = 2  # one letter matches half the customers: wait for a second


def customer_text(customer: Customer) -> str:
    return f"{customer.name} <{customer.email}>"


class RequesterCompletion(QObject):
    """Fills `edit`'s completer with the customers matching what was typed."""

    def __init__(self, context: AppContext, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.context = context
        self.edit = edit
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, edit)
        # The database matched the prefix on the name or the email: show its answer as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(self.completer)
        self._timer = QTimer(self, singleShot=True, interval=COMPLETE_DELAY_MS)
        self._timer.timeout.connect(self._ask)
        edit.textEdited.connect(self._typed)  # typing only: not a restored draft, not a chosen completion

    def _typed(self, text: str) -> None:
        if text in self.model.stringList():  # a completion was chosen
            self._timer.stop()
            return
        self._timer.start()

    def _ask(self) -> None:
        prefix = self.edit.text().strip()
        service = self.context.service
        if service is None or len(prefix) < PREFIX_MIN or "<" in prefix:
            self.model.setStringList([])
            return
        customers = ConversationService(service.database, self.context.clock)
        self.context.ops.read(
            self,
            customers.customers,
            prefix,
            on_done=lambda found: self._found(prefix, found),
            on_failed=ignore,  # no completion; typing the address still works
            key="requester-completion",
        )

    def _found(self, prefix: str, found: list[Customer]) -> None:
        if self.edit.text().strip() != prefix:
            return  # typed on meanwhile: that text's answer is on its way
        self.model.setStringList([customer_text(c) for c in found])
        if found and self.edit.hasFocus() and not self.edit.isReadOnly():
            self.completer.setCompletionPrefix(prefix)
            self.completer.complete()
        elif not found and (popup := self.completer.popup()) is not None:
            popup.hide()
