"""The queue row on a narrow window: no button's text is cut; the counts step aside into the tooltips."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import load_all
from ticketflow_desktop.ui.theme import ThemeManager
from ticketflow_desktop.ui.tickets.queues import Queue, QueueBar


def test_queue_buttons_name_their_counts_when_there_is_room_and_are_never_cut(
    qtbot: QtBot, make_app, seed, themed: ThemeManager
) -> None:
    seed(1_001)  # "Unassigned · 1,000+": the longest a count gets
    app = make_app(tab="tickets", theme=themed)
    load_all(qtbot, app.model)
    holder = QWidget()  # a row of its own, as narrow as a small window's
    qtbot.addWidget(holder)
    bar = QueueBar(app.context, holder)
    column = QVBoxLayout(holder)
    column.addWidget(bar)
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # as narrow as asked, as a crowded window
    holder.resize(1200, 60)
    holder.show()
    unassigned = bar.buttons[Queue.UNASSIGNED]
    qtbot.waitUntil(lambda: unassigned.text() == "Unassigned · 1,000+", timeout=10_000)
    shown = [button for button in bar.buttons.values() if not button.isHidden()]
    wide = [button.text() for button in shown]
    assert any(text.startswith("All open · ") for text in wide), wide

    margins = column.contentsMargins()
    holder.resize(bar.sizeHint().width() - 30 + margins.left() + margins.right(), 60)  # too narrow for the counts
    QApplication.processEvents()
    qtbot.waitUntil(lambda: unassigned.text() == "Unassigned", timeout=5_000)
    assert [button.text() for button in shown] == [text.split(" · ")[0] for text in wide]
    assert unassigned.toolTip().startswith("Tickets assigned to nobody: 1,000+ (")
    assert unassigned.accessibleDescription() == unassigned.toolTip()
    for button in shown:
        assert button.width() >= button.sizeHint().width(), (button.text(), button.width())

    holder.resize(1200, 60)
    qtbot.waitUntil(lambda: unassigned.text() == "Unassigned · 1,000+", timeout=5_000)
