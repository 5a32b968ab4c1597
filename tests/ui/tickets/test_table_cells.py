"""What the table's painting delegate is given for each cell: it asks a cell's roles all at once
(QAbstractItemModel.multiData), and must get what each role answers alone."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import load_all
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.theme import ThemeManager
from ticketflow_desktop.ui.tickets.model import COL_ID, COL_PRIORITY, COL_SLA, COL_TITLE, HEADERS


class Delegate(QStyledItemDelegate):
    def option_for(self, index) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initStyleOption(option, index)  # Qt asks the model's multiData here, as when it paints
        return option


def test_each_painted_cell_gets_its_text_alignment_colour_and_mark_in_one_request(
    qtbot: QtBot, open_app, service: TicketService, clock: FixedClock, round_the_clock: SlaService
) -> None:
    sla = round_the_clock
    sla.set_policy(SlaPolicy(Priority.CRITICAL, 30, 4 * 60))
    late = service.create(TicketDraft("Late ✈️ שלום", "x", Category.TECHNICAL, Priority.CRITICAL))
    calm = service.create(TicketDraft("No policy", "x", Category.BILLING, Priority.LOW))
    clock.advance(timedelta(minutes=45))

    app = open_app()
    model = app.model
    load_all(qtbot, model)
    delegate = Delegate()
    cells = {}
    for row in range(model.rowCount()):
        for column in range(len(HEADERS)):
            index = model.index(row, column)
            option = delegate.option_for(index)
            assert option.text == (index.data() or ""), (row, HEADERS[column])
            cells[model.ticket_id(row), column] = option

    assert {cells[late.id, COL_TITLE].text, cells[calm.id, COL_TITLE].text} == {"Late ✈️ שלום", "No policy"}
    assert cells[late.id, COL_ID].text == str(late.id)
    assert cells[late.id, COL_ID].displayAlignment & Qt.AlignmentFlag.AlignRight
    assert not cells[late.id, COL_TITLE].displayAlignment & Qt.AlignmentFlag.AlignRight
    assert cells[late.id, COL_SLA].text == "breached 15m"
    breached = model.index(0 if model.ticket_id(0) == late.id else 1, COL_SLA).data(Qt.ItemDataRole.ForegroundRole)
    assert cells[late.id, COL_SLA].palette.color(QPalette.ColorRole.Text) == breached
    assert cells[calm.id, COL_SLA].text == ""
    # The priority's coloured mark, and the title's unread mark (blank: nothing unread here), are drawn.
    assert not cells[late.id, COL_PRIORITY].icon.isNull()
    assert cells[late.id, COL_PRIORITY].features & QStyleOptionViewItem.ViewItemFeature.HasDecoration


def test_a_rows_repaint_paints_that_row_alone_not_the_window_beneath(
    qtbot: QtBot, make_app, seed, themed: ThemeManager
) -> None:
    """A selection or a live change repaints one row: the table's viewport is opaque, so nothing under
    it (the main window, the tab, the panels) is painted first (a style-sheet border on the views made
    it see-through, and each row's repaint a repaint of every ancestor)."""
    seed(5)
    app = make_app(tab="tickets", theme=themed)  # the theme's style sheet, as the app always has it
    load_all(qtbot, app.model)
    table = app.tab.table
    qtbot.waitExposed(table)
    qtbot.wait(300)  # the first paints after showing are done
    painted: list[QObject] = []

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    spy = Painted()
    QApplication.instance().installEventFilter(spy)
    try:
        row = table.visualRect(app.model.index(1, COL_TITLE))
        table.viewport().update(row.adjusted(-table.viewport().width(), 0, table.viewport().width(), 0))
        qtbot.waitUntil(lambda: bool(painted), timeout=5_000)
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(spy)
    ancestors = []
    parent = table.viewport().parentWidget()
    while parent is not None:
        ancestors.append(parent)
        parent = parent.parentWidget()
    assert table.viewport() in painted
    assert not [w for w in painted if w in ancestors], [type(w).__name__ for w in painted]
