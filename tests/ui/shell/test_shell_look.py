"""What the window looks like: the app's own icons instead of Qt's stock ones (tinted per theme, crisp at
2x), disabled fields that look disabled, file dialogs in the documents folder, a saved geometry that
never comes back larger than the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QStyle, QWidget
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import SettingsDialog
from ticketflow_desktop.ui.files import documents_dir
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import DARK, LIGHT, ThemeManager

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
SP = QStyle.StandardPixmap
DIALOG_BUTTON_ICONS = (
    SP.SP_DialogSaveButton, SP.SP_DialogCloseButton, SP.SP_DialogCancelButton, SP.SP_DialogDiscardButton,
    SP.SP_DialogApplyButton, SP.SP_DialogOkButton, SP.SP_DialogResetButton, SP.SP_DialogYesButton,
    SP.SP_DialogNoButton, SP.SP_DialogHelpButton, SP.SP_DialogOpenButton, SP.SP_LineEditClearButton,
)  # fmt: skip
MESSAGE_ICONS = {
    SP.SP_MessageBoxCritical: "danger",
    SP.SP_MessageBoxWarning: "warning",
    SP.SP_MessageBoxInformation: "accent",
    SP.SP_MessageBoxQuestion: "accent",
}


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, theme: ThemeManager) -> Iterator[MainWindow]:
    context, window = build_window(settings, theme=theme)
    qtbot.addWidget(window)
    window.show()
    yield window
    context.close()


def _opaque(pixmap: QPixmap) -> set[str]:
    image: QImage = pixmap.toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


@pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
def test_qts_stock_icons_are_the_apps_own_tinted_for_the_theme_and_crisp_at_2x(
    qtbot: QtBot, window: MainWindow, theme: ThemeManager, tokens
) -> None:
    theme.set_choice(tokens.name)
    style = QApplication.style()
    for standard in DIALOG_BUTTON_ICONS:
        icon = style.standardIcon(standard)
        expected = {tokens.text_muted if standard == SP.SP_LineEditClearButton else tokens.text}
        assert _opaque(icon.pixmap(32, 32)) == expected, standard
        sharp = icon.pixmap(QSize(16, 16), 2.0)  # a 16 px icon on a scale-2 screen: drawn at 32 px, not blown up
        assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (32, 32, 2.0)
        assert _opaque(sharp) == expected
        assert _opaque(icon.pixmap(QSize(16, 16), 1.0, QIcon.Mode.Disabled)) == {tokens.text_muted}
    for standard, role in MESSAGE_ICONS.items():
        assert _opaque(style.standardIcon(standard).pixmap(48, 48)) == {getattr(tokens, role)}, standard

    # F1's Close (black on black before) and every icon any button of the window or its dialogs shows.
    window.show_shortcuts()
    window.show_about()
    window.open_settings()
    close = window.shortcuts_dialog.close_button
    assert _opaque(close.style().standardIcon(SP.SP_DialogCloseButton, None, close).pixmap(24, 24)) == {tokens.text}
    theme_colours = set(asdict(tokens).values())
    owners: list[QWidget] = [window, window.shortcuts_dialog, window.about_dialog, window.settings_dialog]
    for owner in owners:
        for button in owner.findChildren(QAbstractButton):
            if not button.icon().isNull():
                assert _opaque(button.icon().pixmap(24, 24)) <= theme_colours, (button.objectName(), button.text())
    for owner in owners[1:]:
        owner.close()


def _colours_in(image: QImage, rect: QRect) -> set[str]:
    xs, ys = range(rect.left(), rect.right()), range(rect.top(), rect.bottom())
    return {QColor(image.pixel(x, y)).name() for x in xs for y in ys}


def _indicator(button: QAbstractButton) -> QImage:
    image = button.grab().toImage()
    return image.copy(0, 0, image.height(), image.height())  # the indicator, left of the label


@pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
def test_disabled_fields_look_disabled_and_a_disabled_choice_still_shows_its_mark(
    qtbot: QtBot, window: MainWindow, theme: ThemeManager, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tokens
) -> None:
    # The environment decides the database: the dialog shows SQLite chosen, and every database field disabled.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'from-env.sqlite3'}")
    theme.set_choice(tokens.name)
    dialog = SettingsDialog(window.context, theme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.model_name.setText("gpt-4.1-mini")
    assert not dialog.sqlite_path.isEnabled() and dialog.model_name.isEnabled()
    enabled, disabled = dialog.model_name.grab().toImage(), dialog.sqlite_path.grab().toImage()
    text_area = QRect(8, 4, 60, enabled.height() - 8)
    assert tokens.text in _colours_in(enabled, text_area)
    assert tokens.text not in _colours_in(disabled, text_area) and tokens.text_muted in _colours_in(disabled, text_area)
    inside = (disabled.width() - 10, disabled.height() // 2)  # right of the text, inside the border
    assert QColor(enabled.pixel(*inside)).name() == tokens.surface
    assert QColor(disabled.pixel(*inside)).name() == tokens.window
    # Disabled and chosen must not look like disabled and not chosen.
    assert dialog.sqlite_radio.isChecked() and not dialog.sqlite_radio.isEnabled()
    assert not dialog.postgres_radio.isChecked() and not dialog.postgres_radio.isEnabled()
    assert _indicator(dialog.sqlite_radio) != _indicator(dialog.postgres_radio)
    dialog.offline.setChecked(True)
    dialog.offline.setEnabled(False)
    checked = _indicator(dialog.offline)
    dialog.offline.setChecked(False)
    assert checked != _indicator(dialog.offline)
    dialog.close()


def test_the_file_dialog_opens_in_the_documents_folder(qtbot: QtBot, window: MainWindow) -> None:
    documents = Path(os.environ["HOME"]) / "Documents"  # HOME is a fresh folder per test
    documents.mkdir()
    assert documents_dir() == documents
    window.open_settings()
    dialog = window.settings_dialog
    dialog.sqlite_radio.setChecked(True)
    dialog.sqlite_path.clear()
    dialog.browse_button.click()
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert Path(chooser.directory().absolutePath()) == documents
    assert Path(chooser.directory().absolutePath()) != Path.cwd()
    chooser.fileSelected.emit(str(documents / "team.sqlite3"))  # what choosing a file and Save do
    assert dialog.sqlite_path.text() == str(documents / "team.sqlite3")
    chooser.reject()
    dialog.reject()


RESTORE_AT_SCALE_2 = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings
app = QApplication([])
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
context, window = build_window(settings)
window.show()
app.processEvents()
area = window.screen().availableGeometry()
frame = window.frameGeometry()
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}))
context.close()
"""


def test_a_geometry_saved_at_scale_1_never_comes_back_larger_than_the_screen(
    qtbot: QtBot, window: MainWindow, settings_file: Path
) -> None:
    window.setGeometry(40, 40, 1280, 800)  # as on a 1920x1080 screen at scale 1
    window.close()  # saves it
    assert window.context.settings.geometry("main") is not None
    # The same settings at scale 2: the offscreen screen is 400x400 logical pixels, below the minimum size.
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    result = subprocess.run(
        [sys.executable, "-c", RESTORE_AT_SCALE_2, str(settings_file)],
        env=environment, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    area, frame = QRect(*shown["area"]), QRect(*shown["frame"])
    assert area.width() < 760  # the case that matters: smaller than the window's usual minimum
    assert frame.width() <= area.width() and frame.height() <= area.height(), shown
    assert area.contains(frame), shown  # and not off its edges
