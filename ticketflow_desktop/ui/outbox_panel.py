"""The outbox in the status bar: "N pending" while writes wait for the database, and a popup list
to retry or discard each of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import OutboxKind, StorageUnavailable
from ticketflow_desktop.services.outbox import CONFLICT, FAILED, OutboxItem
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.notices import Severity
from ticketflow_desktop.ui.words import error_words

_STATE_TEXT = {"pending": "waiting", CONFLICT: "conflict", FAILED: "refused"}


def indicator_text(items: list[OutboxItem]) -> str:
    problems = sum(1 for i in items if i.state != "pending")
    text = f"{len(items)} pending"
    return f"{text} ({problems} need attention)" if problems else text


class OutboxPopup(QFrame):
    """The list of waiting writes, with Retry and Discard."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.context = context
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        heading = QLabel("Waiting to be sent to the database", self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Outbox")
        self.detail = QLabel("", self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote ticket text
        self.detail.setWordWrap(True)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton("&Retry", self)
        self.discard_button = QPushButton("&Discard", self)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.set_items([])

    def set_items(self, items: list[OutboxItem]) -> None:
        selected = self.selected()
        self.list.clear()
        for item in items:
            row = QListWidgetItem(f"{item.summary} — {_STATE_TEXT.get(item.state, item.state)}")
            row.setData(Qt.ItemDataRole.UserRole, item)
            self.list.addItem(row)
            if selected is not None and selected.id == item.id:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    def selected(self) -> OutboxItem | None:
        row = self.list.currentItem()
        return None if row is None else row.data(Qt.ItemDataRole.UserRole)

    def _show_selected(self) -> None:
        item = self.selected()
        self.retry_button.setEnabled(item is not None)
        self.discard_button.setEnabled(item is not None)
        if item is None:
            self.detail.setText("Nothing is waiting.")
            return
        # For a conflict, "retry" means: apply my values on top of the colleague's version.
        anyway = "Send &mine anyway" if item.kind is OutboxKind.MESSAGE else "Apply &mine anyway"
        self.retry_button.setText(anyway if item.state == CONFLICT else "&Retry")
        self.detail.setText(item.message or "Will be sent as soon as the database answers.")

    def retry_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.context.writes.retry(self, item.id, mine_anyway=item.state == CONFLICT, on_failed=self._retry_failed)

    def _retry_failed(self, error: BaseException) -> None:
        # Said even while the database is away: the user asked for this retry and waits for its answer.
        severity = Severity.INFO if isinstance(error, StorageUnavailable) else Severity.ERROR
        self.context.notices.post(error_words(error), severity)

    def discard_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.context.writes.discard(self, item.id)


class OutboxIndicator(QToolButton):
    """ "N pending" in the status bar; hidden while the outbox is empty."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[OutboxItem] = []
        self.setAutoRaise(True)
        self.setAccessibleName("Writes waiting for the database")
        self.setToolTip("Tickets and changes kept locally until the database answers; click to retry or discard")
        self.popup = OutboxPopup(context, self)
        self.clicked.connect(self.show_popup)
        # Methods, not lambdas: Qt drops the connections with the widget.
        context.outbox_changed.connect(self.reload)
        context.database_opened.connect(self._database_opened)
        self.setVisible(False)
        self.reload()

    def _database_opened(self, _service: object) -> None:
        self.reload()

    def reload(self) -> None:
        # The window may be gone when the answer comes (a test's teardown, a closing app): ops drops it then.
        self.context.writes.load_outbox(self, self.set_items)

    def set_items(self, items: list[OutboxItem]) -> None:
        self.items = items
        self.setText(indicator_text(items))
        self.setVisible(bool(items))
        self.popup.set_items(items)
        if not items:
            self.popup.hide()

    def show_popup(self) -> None:
        self.popup.adjustSize()
        corner = self.mapToGlobal(self.rect().topRight())
        self.popup.move(corner.x() - self.popup.width(), corner.y() - self.popup.height())
        self.popup.show()
