"""Tags of the selected tickets (Ctrl+T in the table): what they carry now, tags to add (completed from
the tags in use, most used first) and tags to remove, for one ticket or many in one transaction. A bad
tag is said under its field and nothing is stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ticketflow_desktop.domain import Ticket
from ticketflow_desktop.domain.tags import split_tags
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.words import error_words

KNOWN_TAGS = 200  # offered for completion


class ListCompleter(QCompleter):
    """Completes the last item of a comma-separated list, keeping the items before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        done = widget.text().split(",")[:-1] if isinstance(widget, QLineEdit) else []
        return ", ".join([*(d.strip() for d in done if d.strip()), str(index.data())]) + ", "


def _completing(field: QLineEdit, words: Iterable[str]) -> QStringListModel:
    model = QStringListModel(list(words), field)
    completer = ListCompleter(model, field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)  # most used first
    field.setCompleter(completer)
    return model


class TagDialog(QDialog):
    def __init__(self, context: AppContext, tickets: list[Ticket], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.tickets = context, tickets
        self.setWindowTitle("Tags" if len(tickets) == 1 else f"Tags of {len(tickets)} tickets")
        self.setMinimumWidth(440)  # a refusal's words fit on two lines
        form = QFormLayout(self)
        carried = Counter(tag for t in tickets for tag in t.tags)
        now = ", ".join(tag if n == len(tickets) else f"{tag} ({n})" for tag, n in sorted(carried.items()))
        self.current = QLabel(now or "none", self)
        self.current.setWordWrap(True)
        self.current.setAccessibleName("Tags now")
        form.addRow("Now:", self.current)
        self.add = QLineEdit(self)
        self.add.setPlaceholderText("vip, billing-dispute")
        self.add.setAccessibleName("Tags to add")
        add_label = QLabel("&Add:", self)
        add_label.setBuddy(self.add)
        form.addRow(add_label, self.add)
        self.remove = QLineEdit(self)
        self.remove.setAccessibleName("Tags to remove")
        remove_label = QLabel("&Remove:", self)
        remove_label.setBuddy(self.remove)
        form.addRow(remove_label, self.remove)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form.addRow(buttons)
        self.known = _completing(self.add, ())
        _completing(self.remove, sorted(carried))
        service = context.service
        if service is not None:
            tags = TagService(service.database)
            context.ops.read(self, tags.known, "", KNOWN_TAGS, on_done=self._known, on_failed=ignore, key="known-tags")

    def _known(self, known: list[tuple[str, int]]) -> None:
        self.known.setStringList([tag for tag, _n in known])

    def save(self) -> None:
        try:
            adding, removing = split_tags(self.add.text()), split_tags(self.remove.text())
        except ValueError as error:
            self._say(str(error))
            return
        if not adding and not removing:
            self._say("Type tags to add or to remove, separated by commas.")
            return
        service = self.context.service
        if service is None:
            return
        ids = [t.id for t in self.tickets]
        self.save_button.setEnabled(False)
        self.context.ops.write(
            self,
            TagService(service.database, self.context.clock).change,
            ids,
            adding,
            removing,
            on_done=lambda _tickets: self.accept(),
            on_failed=self._failed,
            change=Change.of(set(ids), ChangeKind.UPDATED),
        )

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say(error_words(error, "The tags", "were not saved"))

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
