"""Upgrading a shared database's schema: an administrator's decision, taken knowing who it locks out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ticketflow_desktop.services.team import UpgradeImpact, upgrade_database, upgrade_impact
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.words import error_words


def impact_text(impact: UpgradeImpact) -> str:
    if not impact.may_upgrade:
        return (
            f"This database is at schema {impact.current or 'none'}; this TicketFlow needs {impact.wanted}. "
            "Only its owner can upgrade it: ask an administrator to run `ticketflow db upgrade`."
        )
    who = (
        "Still connected with an older TicketFlow, and locked out until they update: " + ", ".join(impact.locked_out)
        if impact.locked_out
        else "Nobody is connected with an older TicketFlow right now."
    )
    return (
        f"Upgrade the team's database from schema {impact.current or 'none'} to {impact.wanted}? "
        f"Apps older than this one cannot use it afterwards.\n\n{who}"
    )


class UpgradeDialog(QDialog):
    """Reads what an upgrade would do (in a worker), says it, and upgrades only when the owner says so."""

    upgraded = Signal()

    def __init__(self, context: AppContext, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.url = context, url
        self.setWindowTitle("Upgrade the database")
        self.text = QLabel("Asking the database who is connected…", self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.upgrade_button = self.buttons.addButton("Upgrade now", QDialogButtonBox.ButtonRole.AcceptRole)
        self.upgrade_button.setEnabled(False)
        self.buttons.accepted.connect(self._upgrade)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(520, 220)
        context.ops.read(self, upgrade_impact, url, on_done=self._known, on_failed=self._failed, database=False)

    def _known(self, impact: UpgradeImpact) -> None:
        self.text.setText(impact_text(impact))
        self.upgrade_button.setEnabled(impact.may_upgrade)
        self.upgrade_button.setVisible(impact.may_upgrade)

    def _failed(self, error: BaseException) -> None:
        self.text.setText(error_words(error))

    def _upgrade(self) -> None:
        self.upgrade_button.setEnabled(False)
        self.text.setText("Upgrading…")
        self.context.ops.write(
            self, upgrade_database, self.url, on_done=self._done, on_failed=self._failed, database=False
        )

    def _done(self, _result: object) -> None:
        self.upgraded.emit()
        self.accept()
