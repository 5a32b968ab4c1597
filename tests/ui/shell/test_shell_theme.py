"""Themes: contrast of every text/background pair, a live switch that reaches every kind of widget,
the OS scheme followed, the choice remembered, icons tinted."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import SettingsDialog
from ticketflow_desktop.ui.resources import APP_ICON_SIZES, app_icon, resource_path
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import (
    CONTRAST_PAIRS,
    DARK,
    LIGHT,
    THEMES,
    WCAG_AA,
    ThemeManager,
    contrast_ratio,
    palette_for,
    style_plot,
)

# The offscreen platform says this whenever a dialog's size limits change; it means nothing there.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
ROLE = QPalette.ColorRole
PALETTE_PAIRS = (
    (ROLE.WindowText, ROLE.Window),
    (ROLE.Text, ROLE.Base),
    (ROLE.Text, ROLE.AlternateBase),
    (ROLE.PlaceholderText, ROLE.Base),
    (ROLE.ButtonText, ROLE.Button),
    (ROLE.HighlightedText, ROLE.Highlight),
    (ROLE.ToolTipText, ROLE.ToolTipBase),
    (ROLE.Link, ROLE.Base),
)


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
def test_every_token_pair_meets_wcag_aa(tokens) -> None:
    ratios = {f"{fg}/{bg}": contrast_ratio(getattr(tokens, fg), getattr(tokens, bg)) for fg, bg in CONTRAST_PAIRS}
    failing = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < WCAG_AA}
    assert not failing, f"{tokens.name}: below {WCAG_AA}:1: {failing}"


@pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("group", [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive])
def test_palette_text_roles_meet_wcag_aa(tokens, group) -> None:
    palette = palette_for(tokens)
    for fg, bg in PALETTE_PAIRS:
        ratio = contrast_ratio(palette.color(group, fg).name(), palette.color(group, bg).name())
        assert ratio >= WCAG_AA, f"{tokens.name} {fg.name}/{bg.name}: {ratio:.2f}"


def test_switch_reaches_window_dialog_table_and_chart(qtbot: QtBot, settings: Settings, theme: ThemeManager) -> None:
    context, window = build_window(settings, theme=theme)
    qtbot.addWidget(window)
    window.show()
    dialog = SettingsDialog(context, theme, window)
    dialog.show()
    table = QTableView()
    qtbot.addWidget(table)
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    style_plot(plot, theme.tokens)
    theme.changed.connect(lambda tokens: style_plot(plot, tokens))
    window.toasts.show("Saved", "success")
    toast_label = window.toasts._toasts[-1].label

    def colours() -> dict[str, str]:
        toast_label.ensurePolished()
        return {
            "window": window.palette().color(ROLE.Window).name(),
            "tab": window.tabs.currentWidget().palette().color(ROLE.Window).name(),
            "dialog": dialog.palette().color(ROLE.Window).name(),
            "dialog field": dialog.model_name.palette().color(ROLE.Base).name(),
            "table": table.palette().color(ROLE.Base).name(),
            "table text": table.palette().color(ROLE.Text).name(),
            "plot": plot.backgroundBrush().color().name(),
            "plot axis": plot.getPlotItem().getAxis("left").textPen().color().name(),
            "toast text": toast_label.palette().color(ROLE.WindowText).name(),
        }

    light = colours()
    assert light == {
        "window": LIGHT.window,
        "tab": LIGHT.window,
        "dialog": LIGHT.window,
        "dialog field": LIGHT.surface,
        "table": LIGHT.surface,
        "table text": LIGHT.text,
        "plot": LIGHT.surface,
        "plot axis": LIGHT.text_muted,
        "toast text": LIGHT.toast_text,
    }
    with qtbot.waitSignal(theme.changed) as emitted:
        window.set_theme("dark")
    assert emitted.args == [DARK]
    assert colours() == {
        "window": DARK.window,
        "tab": DARK.window,
        "dialog": DARK.window,
        "dialog field": DARK.surface,
        "table": DARK.surface,
        "table text": DARK.text,
        "plot": DARK.surface,
        "plot axis": DARK.text_muted,
        "toast text": DARK.toast_text,
    }
    checked = [a.data() for a in window._theme_menu.actions() if a.isChecked()]
    assert checked == ["dark"]
    dialog.close()
    context.close()


def test_choosing_the_same_theme_again_emits_nothing(qtbot: QtBot, theme: ThemeManager) -> None:
    with qtbot.assertNotEmitted(theme.changed):
        theme.set_choice("light")
    with pytest.raises(ValueError, match="unknown theme"):
        theme.set_choice("sepia")


def test_follow_the_system_switches_live(qtbot: QtBot, theme: ThemeManager) -> None:
    hints = QGuiApplication.styleHints()
    theme.set_choice("system")
    with qtbot.waitSignal(theme.changed) as emitted:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the OS switching to dark looks like to Qt
    assert emitted.args == [DARK]
    assert QApplication.palette().color(ROLE.Window).name() == DARK.window
    with qtbot.waitSignal(theme.changed) as emitted:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert emitted.args == [LIGHT]
    # A pinned theme ignores the OS.
    theme.set_choice("dark")
    with qtbot.assertNotEmitted(theme.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.tokens is DARK


def test_choice_persists_across_restart(qtbot: QtBot, settings_file: Path, theme: ThemeManager, qapp) -> None:
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    context, window = build_window(settings, theme=theme)
    qtbot.addWidget(window)
    window.set_theme("dark")
    window.close()
    context.close()
    # "Restart": new settings object on the same file, new manager from the stored choice.
    restarted = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert restarted.get("theme") == "dark"
    second = ThemeManager(qapp, restarted.get("theme"))
    assert second.tokens is DARK
    assert second.choice == "dark"
    second.setParent(None)


def _opaque_colours(icon_pixmap) -> set[str]:
    image: QImage = icon_pixmap.toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_bound_icons_are_retinted_on_switch(qtbot: QtBot, theme: ThemeManager) -> None:
    action = QAction("Settings")
    theme.bind_icon(action, "settings")
    assert _opaque_colours(action.icon().pixmap(32, 32)) == {LIGHT.text}
    theme.set_choice("dark")
    assert _opaque_colours(action.icon().pixmap(32, 32)) == {DARK.text}
    disabled = action.icon().pixmap(32, 32, QIcon.Mode.Disabled)
    assert _opaque_colours(disabled) == {DARK.text_muted}


def test_every_ui_icon_is_a_valid_tintable_svg() -> None:
    folder = resource_path("icons/settings.svg").parent
    names = sorted(p.stem for p in folder.glob("*.svg"))
    assert len(names) >= 15
    for name in names:
        text = (folder / f"{name}.svg").read_text()
        assert "currentColor" in text, name
        assert "#" not in text, f"{name} has a fixed colour and would not follow the theme"
        assert QSvgRenderer(text.encode()).isValid(), name


def test_app_icon_has_every_size_and_the_platform_files() -> None:
    icon = app_icon()
    sizes = sorted(s.width() for s in icon.availableSizes())
    assert sizes == list(APP_ICON_SIZES)
    for name in ("app/ticketflow.svg", "app/ticketflow.ico", "app/ticketflow.icns"):
        assert resource_path(name).stat().st_size > 0
    assert resource_path("app/ticketflow.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert resource_path("app/ticketflow.icns").read_bytes()[:4] == b"icns"
    with pytest.raises(FileNotFoundError):
        resource_path("icons/no-such-icon.svg")


@pytest.mark.parametrize("name", sorted(THEMES))
def test_style_sheet_renders_for_every_theme(name: str, theme: ThemeManager) -> None:
    theme.set_choice(name)
    assert QApplication.instance().styleSheet().count("{") > 20
    assert THEMES[name].toast_bg in QApplication.instance().styleSheet()
