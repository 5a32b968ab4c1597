"""SLA targets and business hours (File → SLA targets and business hours…): a policy per priority and the
team calendar, read and stored by workers, saved all at once (services/sla.SlaService.configure).

On PostgreSQL only leads and administrators may change them; the database refuses anyone else, and the
dialog says so where the agent is looking, keeping what they typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import Priority
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.sla import SlaPolicy, format_minutes, parse_duration, validate_policy
from ticketflow_desktop.services.sla import CalendarSettings, SlaService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dialogs.buttons import save_cancel_buttons
from ticketflow_desktop.ui.theme import set_style_property
from ticketflow_desktop.ui.words import error_words

PRIORITIES = (Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW)
Loaded = tuple[CalendarSettings, dict[Priority, SlaPolicy]]


def read_settings(service: SlaService) -> Loaded:
    """In a worker: the calendar and the policies as stored."""
    return service.calendar(), service.policies()


def parse_holidays(text: str) -> tuple[date, ...]:
    """`2026-12-25, 2026-12-26` (commas, spaces or new lines between) as dates."""
    days = []
    for part in filter(None, re.split(r"[\s,;]+", text)):
        try:
            days.append(date.fromisoformat(part))
        except ValueError:
            raise ValidationError([FieldError("holidays", f"{part!r} is not a date like 2026-12-25.")]) from None
    return tuple(sorted(set(days)))


class SlaSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("SLA targets and business hours")
        self.loaded: Loaded | None = None
        layout = QVBoxLayout(self)

        targets = QGroupBox("Targets per priority (business time; leave both empty for none)")
        grid = QGridLayout(targets)
        grid.addWidget(QLabel("First response"), 0, 1)
        grid.addWidget(QLabel("Resolution"), 0, 2)
        self.first: dict[Priority, QLineEdit] = {}
        self.resolution: dict[Priority, QLineEdit] = {}
        for row, priority in enumerate(PRIORITIES, start=1):
            label = QLabel(f"&{priority.label}")
            first, resolution = QLineEdit(), QLineEdit()
            for edit, what, example in ((first, "first response", "1h"), (resolution, "resolution", "8h")):
                edit.setPlaceholderText(f"e.g. {example}")
                edit.setAccessibleName(f"{priority.label} {what} time")
                edit.setToolTip("A duration like 30m, 1h, 1h30m or 2d (a day is 24 business hours)")
            label.setBuddy(first)
            grid.addWidget(label, row, 0)
            grid.addWidget(first, row, 1)
            grid.addWidget(resolution, row, 2)
            self.first[priority], self.resolution[priority] = first, resolution
        layout.addWidget(targets)

        hours_box = QGroupBox("Business hours the clocks count in")
        form = QFormLayout(hours_box)
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("Mon-Fri 09:00-17:00")
        self.hours.setToolTip("Days and hours; several parts with “;”, e.g. Mon-Thu 08:00-16:00; Fri 08:00-12:00")
        self.zone = QLineEdit()
        self.zone.setPlaceholderText("Europe/Berlin")
        self.holidays = QLineEdit()
        self.holidays.setPlaceholderText("2026-12-25, 2026-12-26")
        form.addRow("&Hours:", self.hours)
        form.addRow("Time &zone:", self.zone)
        form.addRow("H&olidays:", self.holidays)
        layout.addWidget(hours_box)

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        self._set_busy("Reading the current settings…")
        self.resize(560, self.sizeHint().height())
        self._read()

    # --- reading ---------------------------------------------------------------------------------

    def _service(self) -> SlaService | None:
        service = self.context.service
        return None if service is None else SlaService(service.database, service.clock)

    def _read(self) -> None:
        service = self._service()
        if service is None:
            self._set_busy("The database is not open yet; the settings can be changed once it is.")
            return
        self.context.ops.read(self, read_settings, service, on_done=self._loaded, on_failed=self._read_failed)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        calendar, policies = loaded
        self.hours.setText(calendar.hours)
        self.zone.setText(calendar.zone)
        self.holidays.setText(", ".join(d.isoformat() for d in calendar.holidays))
        for priority in PRIORITIES:
            policy = policies.get(priority)
            self.first[priority].setText(format_minutes(policy.first_response_minutes) if policy else "")
            self.resolution[priority].setText(format_minutes(policy.resolution_minutes) if policy else "")
        self._set_busy(None)
        self.first[PRIORITIES[0]].setFocus()

    def _read_failed(self, error: BaseException) -> None:
        self._set_busy(f"Could not read the SLA settings: {error_words(error, failed='could not be read')}")

    def _set_busy(self, why: str | None) -> None:
        """While reading or saving the fields wait (disabled) and the line under them says why."""
        for edit in self._edits():
            edit.setEnabled(why is None)
        self.save_button.setEnabled(why is None)
        set_style_property(self.error, "role", "muted" if why else "error")
        self.error.setText(why or "")

    def _edits(self) -> list[QLineEdit]:
        return [*self.first.values(), *self.resolution.values(), self.hours, self.zone, self.holidays]

    # --- saving ----------------------------------------------------------------------------------

    def parsed(self) -> tuple[CalendarSettings, dict[Priority, SlaPolicy | None]]:
        """What the fields say, checked; ValidationError names the first wrong field's problem."""
        policies: dict[Priority, SlaPolicy | None] = {}
        for priority in PRIORITIES:
            first, resolution = self.first[priority].text(), self.resolution[priority].text()
            if not first.strip() and not resolution.strip():
                policies[priority] = None
                continue
            names = (f"first:{priority.value}", f"resolution:{priority.value}")
            policy = SlaPolicy(priority, parse_duration(first, names[0]), parse_duration(resolution, names[1]))
            try:
                policies[priority] = validate_policy(policy)
            except ValidationError as error:
                raise ValidationError(
                    [FieldError(names[e.field == "resolution"], e.message) for e in error.errors]
                ) from None
        holidays = parse_holidays(self.holidays.text())
        hours, zone = self.hours.text().strip() or "Mon-Fri 09:00-17:00", self.zone.text().strip() or "UTC"
        Calendar.parse(hours, zone, holidays)
        return CalendarSettings(hours, zone, holidays), policies

    def save(self) -> None:
        service = self._service()
        if service is None:
            return
        for edit in self._edits():
            set_style_property(edit, "invalid", False)
        try:
            calendar, policies = self.parsed()
        except ValidationError as error:
            self._show_invalid(error)
            return
        self._set_busy("Saving, and moving the open tickets' dues…")
        self.context.ops.write(
            self,
            service.configure,
            calendar,
            policies,
            on_done=self._saved,
            on_failed=self._save_failed,
            change=Change.unknown(ChangeKind.UPDATED),
        )

    def _show_invalid(self, error: ValidationError) -> None:
        fields: Mapping[str, QLineEdit] = {
            **{f"first:{p.value}": e for p, e in self.first.items()},
            **{f"resolution:{p.value}": e for p, e in self.resolution.items()},
            "holidays": self.holidays,
            "calendar": self.hours,
        }
        first = error.errors[0]
        edit = fields.get(first.field, self.hours)
        if first.field == "calendar" and "time zone" in first.message:
            edit = self.zone
        set_style_property(edit, "invalid", True)
        edit.setFocus()
        priority = next((p for p in PRIORITIES if first.field.endswith(f":{p.value}")), None)
        where = f"{priority.label}: " if priority is not None else ""
        self.error.setText(where + first.message)

    def _saved(self, moved: int | None) -> None:
        if moved is None:  # several changes, each recomputed by the database's triggers
            words = "SLA settings saved; the open tickets' dues were recomputed"
        elif moved:
            words = f"SLA settings saved; {moved:,} open ticket{'s' if moved != 1 else ''} got new dues"
        else:
            words = "SLA settings saved"
        self.context.notices.success(words)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._set_busy(None)  # what was typed stays, to try again or cancel
        self.error.setText(error_words(error, "The SLA settings"))
