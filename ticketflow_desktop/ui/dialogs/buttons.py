"""The row every settings-like dialog ends with: Save (the primary button) and Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from ticketflow_desktop.ui.theme import set_style_property


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """Save calls `save` (which closes the dialog when it is done); Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    set_style_property(save_button, "primary", True)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button
