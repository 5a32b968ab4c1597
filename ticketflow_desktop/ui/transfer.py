"""File → Import CSV… and File → Export CSV…: the CLI's transfers, in the write worker, with progress.

The rules are the CLI's (cli/admin.py): an import checks the whole file before it stores anything, so a
file with one bad row stores nothing and the message names the line; an export writes
"<name>.partial" and renames it only once every row is written, so a failed export never leaves a
truncated file under the chosen name. Progress comes from the worker by a queued signal; Cancel
(or Esc) stops the work at its next progress report, which for an import rolls its one transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from ticketflow_desktop.domain import TicketFilter, TicketFlowError
from ticketflow_desktop.domain.errors import Cancelled
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.transfer import ImportFailed, ImportResult, export_file, import_csv
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.files import documents_dir
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.words import error_words

CSV_FILTER = "CSV files (*.csv);;All files (*)"
COUNT_DEBOUNCE_MS = 300

Progress = Callable[[int, int], None]
Job = Callable[[TicketService, Path, Progress], object]


class FileUnusable(TicketFlowError):
    """The chosen file cannot be read or written: the operating system's reason (not a bug)."""


def _file_errors_explained(job: Job) -> Job:
    """`job`, its OSError turned into FileUnusable in the worker (ui/ops.py treats any other exception
    as a bug and opens the crash dialog)."""

    def run(service: TicketService, file: Path, report: Progress) -> object:
        try:
            return job(service, file, report)
        except OSError as error:
            raise FileUnusable(str(error.strerror or error)) from error

    return run


def file_dialog(
    parent: QWidget, caption: str, name_filter: str, on_chosen: Callable[[str], None], *, save_as: str | None = None
) -> QFileDialog:
    """A window-modal file dialog in the documents folder, opened without a nested event loop.

    `save_as` (a file name) makes it a save dialog; otherwise it opens an existing file. The chosen
    path goes to `on_chosen` (tests may call `selectFile` and `accept` on the returned dialog).
    """
    dialog = QFileDialog(parent, caption, str(documents_dir()), name_filter)
    if save_as is not None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # Qt's own "replace it?" question runs a nested event loop: ours is opened like any dialog.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        suffix = Path(save_as).suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
        dialog.selectFile(save_as)
        dialog.fileSelected.connect(lambda path: confirm_replace(parent, path, on_chosen))
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(on_chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def confirm_replace(parent: QWidget, path: str, on_chosen: Callable[[str], None]) -> QMessageBox | None:
    """`on_chosen(path)` at once for a new file; for an existing one, once the user agreed to replace it."""
    file = Path(path)
    if not file.exists():
        on_chosen(path)
        return None
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Replace the file?",
        f"“{file.name}” already exists in {file.parent}. Replace it?",
        buttons,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText("Replace")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: on_chosen(path))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class TicketTransfer(QObject):
    """The two File menu actions and the work behind them."""

    # (done, total) from the worker thread; delivered queued on the GUI thread.
    progress = Signal(int, int)

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.host = window
        self.ticket_count: int | None = None  # None until the database answered
        self.busy = False
        self._verb = self._where = ""
        self._stop = threading.Event()  # set by Cancel; read by the worker at each progress report
        self.progress_dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None  # the last failure shown (tests read it)
        self.import_action = QAction("&Import CSV…", window)
        self.import_action.setToolTip("Add tickets from a CSV file (nothing is stored if any row is wrong)")
        self.import_action.triggered.connect(self.choose_import_file)
        self.export_action = QAction("&Export CSV…", window)
        self.export_action.setToolTip("Save every ticket to a CSV file")
        self.export_action.triggered.connect(self.choose_export_file)
        self.progress.connect(self._on_progress)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._count_timer.timeout.connect(self.refresh_count)
        # Methods, not lambdas: Qt drops these connections when the window (and this object) is deleted.
        context.tickets_changed.connect(self._on_tickets_changed)
        context.database_opened.connect(self._on_database_opened)
        self.sync_actions()

    # --- enabling --------------------------------------------------------------------------------

    def _on_tickets_changed(self, _ids: object) -> None:
        self._count_timer.start()

    def _on_database_opened(self, _service: object) -> None:
        self.sync_actions()
        self.refresh_count()

    def refresh_count(self) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.ops.read(self, service.count, on_done=self._counted, on_failed=ignore, key="transfer-count")

    def _counted(self, count: object) -> None:
        self.ticket_count = getattr(count, "value", None)
        self.sync_actions()

    def sync_actions(self) -> None:
        ready = self.context.service is not None and not self.busy
        self.import_action.setEnabled(ready and self.context.identity.may_import)
        self.export_action.setEnabled(ready and bool(self.ticket_count))
        self.export_action.setToolTip(
            "Save every ticket to a CSV file" if self.ticket_count else "No tickets to export yet"
        )

    # --- import ----------------------------------------------------------------------------------

    def choose_import_file(self) -> QFileDialog:
        return file_dialog(self.host, "Import tickets from CSV", CSV_FILTER, self.start_import)

    def start_import(self, path: str) -> None:
        # The list and the dashboard reload once the import is stored (ui/ops.py announces it).
        imported = Change.unknown(ChangeKind.IMPORTED)
        self._start(path, "Checking", "from", "Importing", "Could not import", import_csv, self._imported, imported)

    def _imported(self, file: Path, result: ImportResult) -> None:
        self._end()
        self.context.notices.success(f"{result} from {file.name}.")

    # --- export ----------------------------------------------------------------------------------

    def choose_export_file(self) -> QFileDialog:
        return file_dialog(self.host, "Export tickets to CSV", CSV_FILTER, self.start_export, save_as="tickets.csv")

    def start_export(self, path: str) -> None:
        self._start(
            path, "Writing", "to", "Exporting", "Could not export to",
            lambda service, file, report: export_file(service, file, TicketFilter(), False, report),
            self._exported,
        )  # fmt: skip

    def _start(
        self,
        path: str,
        first: str,
        preposition: str,
        verb: str,
        failure: str,
        job: Job,
        done: Callable[[Path, Any], None],
        change: Change | None = None,
    ) -> None:
        """Run an import or export of `path` in the write worker, with the progress dialog."""
        service = self.context.service
        if service is None or self.busy or not path:
            return
        file = Path(path)
        self._begin(f"{first} {file.name}…", f"{preposition} {file.name}", verb)
        self.context.ops.write(
            self, _file_errors_explained(job), service, file, self._reporter(),
            on_done=lambda result: done(file, result),
            on_failed=lambda error: self._failed(error, f"{failure} {file.name}"),
            change=change,
        )  # fmt: skip

    def _exported(self, file: Path, n: int) -> None:
        self._end()
        self.context.notices.success(f"Exported {n:,} ticket{'' if n == 1 else 's'} to {file}.")

    # --- progress and failure ----------------------------------------------------------------------

    def _reporter(self) -> Progress:
        """The worker's progress callback: the count to the GUI thread, or Cancelled once asked to stop."""
        stop = self._stop

        def report(done: int, total: int) -> None:
            if stop.is_set():
                raise Cancelled()  # an import's transaction rolls back: nothing is stored
            self.progress.emit(done, total)

        return report

    def cancel(self) -> None:
        self._stop.set()

    def _begin(self, label: str, where: str, verb: str) -> None:
        self.busy = True
        self._verb, self._where = verb, where
        self._stop = threading.Event()
        self.sync_actions()
        dialog = QProgressDialog(label, "Cancel", 0, 0, self.host)  # 0..0: busy until the first count
        dialog.setWindowTitle(f"{verb} tickets")
        dialog.canceled.connect(self.cancel)  # the Cancel button, Esc, closing the dialog
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the agent may keep reading meanwhile
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        dialog.show()
        self.progress_dialog = dialog

    def _on_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(f"{self._verb} {done:,} of {total:,} tickets {self._where}…")

    def _end(self) -> None:
        self.busy = False
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.sync_actions()
        self.refresh_count()

    def _failed(self, error: BaseException, headline: str) -> None:
        verb = self._verb
        self._end()
        if isinstance(error, Cancelled):
            importing = verb == "Importing"
            outcome = "Import stopped: nothing was stored." if importing else "Export stopped: no file was written."
            self.context.notices.info(outcome)
            return
        if isinstance(error, ImportFailed):
            text = f"{headline}: nothing was stored.\n\n" + "\n".join(str(e) for e in error.row_errors)
        elif isinstance(error, FileUnusable):
            text = f"{headline}: {error}"
        elif isinstance(error, TicketFlowError):
            text = f"{headline}: {error_words(error)}"
        else:
            return  # a bug: ui/ops.py has sent it to the crash dialog
        box = QMessageBox(QMessageBox.Icon.Warning, "TicketFlow", text, QMessageBox.StandardButton.Close, self.host)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "message_box", None))
        box.open()  # no nested event loop
        self.message_box = box


def add_transfer_actions(window: QWidget, menu: QMenu) -> TicketTransfer:
    """Put Import CSV… and Export CSV… into the File menu of `window` (which has a `context`)."""
    transfer = TicketTransfer(window.context, window)  # type: ignore[attr-defined]
    menu.addSeparator()
    menu.addAction(transfer.import_action)
    menu.addAction(transfer.export_action)
    return transfer
