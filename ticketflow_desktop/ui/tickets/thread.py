"""A ticket's conversation, oldest first: replies, internal notes and the customer's messages.

A QListView over a model of Message dataclasses, painted by a delegate (a 200-message thread opens in
milliseconds; nothing is a widget per message). Each message shows its author, the server's time
(relative; exact on hover) and its text as plain text, wrapped. Notes are tinted with the theme's
warning colour and labelled "Internal note", so that one never passes for a reply.

Text is selectable: Enter, F2 or a double-click on a message opens it in a read-only plain-text box
over the message (Esc closes it); Ctrl+C copies the selected message's text.

The view loads through `context.ops.read` (key "thread": a newer ticket supersedes), and after a
Change for its ticket reads only what is new (`after_id`: messages are append-only).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain.attachments import AttachmentInfo
from ticketflow_desktop.domain.clock import Clock
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.theme import ThemeManager, Tokens, current_tokens
from ticketflow_desktop.ui.tickets.format import exact_time, relative_time
from ticketflow_desktop.ui.tickets.message_actions import MessageActions
from ticketflow_desktop.ui.words import error_words

KIND_LABELS = {MessageKind.REPLY: "Reply", MessageKind.NOTE: "Internal note", MessageKind.CUSTOMER: "Customer"}
PREVIEW_MAX = 6000  # characters painted in the list; the whole text is in the message's text box (Enter)
PAD = 10  # inside a card
BAR = 4  # the coloured bar on a card's left
GAP = 6  # between cards
TICK_MS = 60_000  # "5m ago" moves on
FILES_GAP = 4  # between a card's text and its attachments' line


# A reply's mail in its card's header (the server's words are in the tooltip).
MAIL_BADGES = {"queued": "mail queued", "sending": "mail queued", "sent": "mailed", "failed": "mail failed"}


class Role(IntEnum):
    MESSAGE = Qt.ItemDataRole.UserRole + 1  # the Message
    KIND = Qt.ItemDataRole.UserRole + 2  # its MessageKind value: "reply" | "note" | "customer"
    AUTHOR = Qt.ItemDataRole.UserRole + 3  # who it is shown as from (the customer's name for theirs)
    KIND_LABEL = Qt.ItemDataRole.UserRole + 4  # "Reply" | "Internal note" | "Customer"


@dataclass(frozen=True)
class ThreadPage:
    """What one read brought: the messages (oldest first) and the names of the customers among them."""

    ticket_id: int
    after_id: int
    messages: list[Message]
    customers: dict[int, str] = field(default_factory=dict)
    attachments: list[AttachmentInfo] = field(default_factory=list)  # every file of the ticket


def read_thread(
    service: ConversationService,
    ticket_id: int,
    after_id: int,
    known: frozenset[int],
    wanted: frozenset[int] = frozenset(),
) -> ThreadPage:
    """Runs in a worker: the thread after `after_id`, with the names of customers not `known` yet
    (and of those `wanted`: customers of messages shown without a name so far)."""
    read = service.conversation(ticket_id, after_id, wanted)
    names = {i: name for i, name in read.customer_names.items() if i not in known}
    return ThreadPage(ticket_id, after_id, read.messages, names, read.files)


def blend(base: str, over: str, amount: float) -> QColor:
    a, b = QColor(base), QColor(over)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


@dataclass(frozen=True)
class KindLook:
    background: QColor
    bar: QColor
    label: QColor  # the kind label's colour


def kind_look(kind: MessageKind, tokens: Tokens) -> KindLook:
    """The colours of a message of `kind` in a theme: notes amber, replies blue, the customer's neutral."""
    if kind is MessageKind.NOTE:
        return KindLook(blend(tokens.surface, tokens.warning, 0.14), QColor(tokens.warning), QColor(tokens.warning))
    if kind is MessageKind.REPLY:
        return KindLook(blend(tokens.surface, tokens.accent, 0.08), QColor(tokens.accent), QColor(tokens.accent))
    return KindLook(QColor(tokens.surface), QColor(tokens.border), QColor(tokens.text_muted))


def is_right_to_left(text: str) -> bool:
    """Whether the text's first strong character is right-to-left (Arabic, Hebrew)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def attachments_line(message: Message) -> str:
    return "Attachments: " + ", ".join(a.label for a in message.attachments)


def mail_badge(message: Message) -> str:
    """The reply's mail in its card's header; a failure with the server's words."""
    if message.mail_state == "failed" and message.mail_error:
        return f"mail failed: {message.mail_error}"
    return MAIL_BADGES.get(message.mail_state or "", "")


class ThreadModel(QAbstractListModel):
    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.messages: list[Message] = []
        self.customers: dict[int, str] = {}
        self._ids: set[int] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.messages)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # "Editable" only so that the view opens the read-only text box for selecting text.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.messages):
            return None
        message = self.messages[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return message.body
        if role == Role.MESSAGE:
            return message
        if role == Role.KIND:
            return message.kind.value
        if role == Role.KIND_LABEL:
            return KIND_LABELS[message.kind]
        if role == Role.AUTHOR:
            return self.author(message)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(message)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            files = f" {attachments_line(message)}" if message.attachments else ""
            return f"{KIND_LABELS[message.kind]} from {self.author(message)}: {message.body}{files}"
        return None

    def author(self, message: Message) -> str:
        if message.kind is MessageKind.CUSTOMER and message.customer_id is not None:
            return self.customers.get(message.customer_id, "The customer")
        return message.shown_author

    def tooltip(self, message: Message) -> str:
        text = f"{KIND_LABELS[message.kind]} · {exact_time(message.at)}"
        if message.kind is MessageKind.CUSTOMER:
            text += f"\nRecorded by {message.author}"
        if message.written_at is not None and message.written_at != message.at:
            text += f"\nWritten {exact_time(message.written_at)} (sent when the database was back)"
        if message.mail_words:
            text += f"\n{message.mail_words}"
        if message.attachments:
            text += f"\n{attachments_line(message)}"
        return text

    # --- changing ----------------------------------------------------------------------------------

    def reset(self, messages: list[Message], customers: dict[int, str]) -> None:
        self.beginResetModel()
        self.messages = sorted(messages, key=lambda m: m.id)
        self._ids = {m.id for m in self.messages}
        self.customers = dict(customers)
        self.endResetModel()

    def merge(self, messages: list[Message] | tuple[Message, ...], customers: dict[int, str] | None = None) -> int:
        """Add the messages not shown yet, in their place (id order); how many were added."""
        if customers and customers.items() - self.customers.items():
            self.customers.update(customers)
            if self.messages:  # names arrived for messages shown as "The customer"
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.messages) - 1, 0), [Role.AUTHOR])
        self._update_mail_states(messages)
        new = sorted((m for m in messages if m.id not in self._ids), key=lambda m: m.id)
        if not new:
            return 0
        if not self.messages or new[0].id > self.messages[-1].id:  # the usual case: newer than all shown
            first = len(self.messages)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.messages.extend(new)
            self._ids.update(m.id for m in new)
            self.endInsertRows()
        else:
            self.reset([*self.messages, *new], self.customers)
        return len(new)

    def _update_mail_states(self, messages: list[Message] | tuple[Message, ...]) -> None:
        """Replies shown already whose mail moved on (queued → mailed or failed) are shown anew."""
        shown = [m for m in messages if m.id in self._ids]
        if not shown:
            return
        rows = {m.id: row for row, m in enumerate(self.messages)}
        for message in shown:
            row = rows[message.id]
            shown_state = (self.messages[row].mail_state, self.messages[row].mail_error)
            if shown_state != (message.mail_state, message.mail_error):
                self.messages[row] = message
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def read_from(self) -> int:
        """Where a re-read starts: after the newest message, or before the oldest reply still waiting to be
        mailed (so its new state is read too)."""
        pending = [m.id for m in self.messages if m.mail_state in ("queued", "sending")]
        return min(self.newest_id(), min(pending) - 1) if pending else self.newest_id()

    def newest_id(self) -> int:
        return self.messages[-1].id if self.messages else 0

    def row_of(self, message_id: int) -> int:
        """The row of a message (-1 when it is not shown)."""
        return next((row for row, m in enumerate(self.messages) if m.id == message_id), -1)

    def known_customers(self) -> frozenset[int]:
        return frozenset(self.customers)

    def unnamed_customers(self) -> frozenset[int]:
        return frozenset(
            m.customer_id for m in self.messages if m.customer_id is not None and m.customer_id not in self.customers
        )


class MessageDelegate(QStyledItemDelegate):
    """Paints a message as a card: "Author · Kind · 5m ago", then its text (plain, wrapped)."""

    def __init__(self, view: QListView, clock: Clock) -> None:
        super().__init__(view)
        self.view = view
        self.clock = clock
        self._documents: dict[int, QTextDocument] = {}  # message id -> its laid-out text
        # message id -> (text width, with files) and the height they give: the list asks each row's size
        # two or three times while it lays out a thread, and the answer costs a text layout. (A new font
        # forgets them all: ThreadPanel's FontChange.)
        self._heights: dict[int, tuple[tuple[int, bool], int]] = {}
        self._width_for: tuple[int, int] = (-1, 80)  # (the view's width, the text width it gives)

    def forget(self) -> None:
        self._documents.clear()
        self._heights.clear()

    def _document(self, message: Message, width: int, font: QFont) -> QTextDocument:
        document = self._documents.get(message.id)
        if document is None:
            document = QTextDocument()
            document.setDocumentMargin(0)
            document.setDefaultFont(font)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long words and URLs too
            document.setDefaultTextOption(option)
            body = message.body
            if len(body) > PREVIEW_MAX:
                body = body[:PREVIEW_MAX].rstrip() + "…\n\n(A long message: press Enter to read all of it.)"
            document.setPlainText(body)  # plain text: nothing in it is ever read as HTML
            self._documents[message.id] = document
        if document.defaultFont() != font:
            document.setDefaultFont(font)
        if int(document.textWidth()) != width:
            document.setTextWidth(width)
        return document

    def _text_width(self) -> int:
        """The text's width as if the scroll bar were shown: it appears once a thread outgrows the view,
        and a width that changed with it laid out every message's text twice on opening."""
        view_width = self.view.width()
        if self._width_for[0] != view_width:  # asked for each row: worked out once per width
            room = self.view.maximumViewportSize().width() - self.view.verticalScrollBar().sizeHint().width()
            self._width_for = (view_width, max(80, room - 2 * GAP - BAR - 2 * PAD))
        return self._width_for[1]

    def _header_height(self, font: QFont) -> int:
        return QFontMetrics(font).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        message = index.data(Role.MESSAGE)
        if message is None:
            return super().sizeHint(option, index)
        width = self._text_width()
        key = (width, bool(message.attachments))
        known = self._heights.get(message.id)
        if known is not None and known[0] == key:
            return QSize(self.view.viewport().width(), known[1])
        font = self.view.font()
        document = self._document(message, width, font)
        height = GAP + PAD + self._header_height(font) + 6 + int(document.size().height() + 0.999) + PAD
        if message.attachments:
            height += FILES_GAP + self._header_height(font)
        self._heights[message.id] = (key, height)
        return QSize(self.view.viewport().width(), height)

    def body_rect(self, rect: QRect, font: QFont, message: Message | None = None) -> QRect:
        top = rect.top() + GAP + PAD + self._header_height(font) + 6
        left = rect.left() + GAP + BAR + PAD
        files = FILES_GAP + self._header_height(font) if message is not None and message.attachments else 0
        return QRect(left, top, self._text_width(), rect.bottom() - PAD - top - files)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        message: Message | None = index.data(Role.MESSAGE)
        if message is None:
            return
        tokens = current_tokens()
        look = kind_look(message.kind, tokens)
        font = self.view.font()
        rect = option.rect
        card = rect.adjusted(GAP, GAP, -GAP, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(tokens.accent if selected else tokens.border))
        painter.setBrush(look.background)
        painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.bar)
        painter.drawRoundedRect(QRect(card.left(), card.top(), BAR + 4, card.height()), 4, 4)
        painter.fillRect(QRect(card.left() + BAR, card.top() + 1, 4, card.height() - 2), look.background)

        # The header: author (bold), the kind's label (in its colour), the time (muted).
        metrics_height = self._header_height(font)
        x = card.left() + BAR + PAD
        y = card.top() + PAD
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        author = str(index.data(Role.AUTHOR))
        right = card.right() - PAD
        when = relative_time(message.at, self.clock.now())
        when_width = QFontMetrics(font).horizontalAdvance(when)
        painter.setFont(bold)
        painter.setPen(QColor(tokens.text))
        author_room = max(20, right - x - when_width - 140)
        shown_author = QFontMetrics(bold).elidedText(author, Qt.TextElideMode.ElideRight, author_room)
        painter.drawText(QRect(x, y, author_room, metrics_height), Qt.AlignmentFlag.AlignLeft, shown_author)
        x += QFontMetrics(bold).horizontalAdvance(shown_author) + 10
        painter.setPen(look.label)
        label = KIND_LABELS[message.kind] + (f" · {mail_badge(message)}" if message.mail_state else "")
        label_room = max(20, right - x - when_width - 12)
        label = QFontMetrics(painter.font()).elidedText(label, Qt.TextElideMode.ElideRight, label_room)
        painter.drawText(QRect(x, y, label_room, metrics_height), Qt.AlignmentFlag.AlignLeft, label)
        painter.setFont(font)
        painter.setPen(QColor(tokens.text_muted))
        painter.drawText(QRect(right - when_width, y, when_width, metrics_height), Qt.AlignmentFlag.AlignRight, when)

        # The files that came with it, under the text (muted, elided; the tooltip has them all).
        body = self.body_rect(rect, font, message)
        if message.attachments:
            files_top = body.bottom() + 1 + FILES_GAP
            files = QFontMetrics(font).elidedText(attachments_line(message), Qt.TextElideMode.ElideMiddle, body.width())
            painter.setPen(QColor(tokens.text_muted))
            painter.drawText(
                QRect(body.left(), files_top, body.width(), metrics_height), Qt.AlignmentFlag.AlignLeft, files
            )

        # The text.
        document = self._document(message, body.width(), font)
        painter.translate(body.topLeft())
        palette = QPalette(option.palette)
        palette.setColor(QPalette.ColorRole.Text, QColor(tokens.text))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        document.documentLayout().draw(painter, context)
        painter.restore()

    # --- the text box for selecting text ---------------------------------------------------------------

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setReadOnly(True)
        editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        editor.setAccessibleName("Message text")
        editor.setTabChangesFocus(True)
        editor.setProperty("thread_message_text", True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        message: Message = index.data(Role.MESSAGE)
        editor.setPlainText(message.body)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        pass  # read-only: a message is never changed

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = option.rect
        body = self.body_rect(rect, self.view.font(), index.data(Role.MESSAGE)).adjusted(-PAD, -4, PAD, 4)
        visible = self.view.viewport().rect().adjusted(GAP, GAP, -GAP, -GAP)
        editor.setGeometry(body.intersected(visible) if body.intersects(visible) else body)


class ThreadView(QListView):
    """The list of messages; Enter opens the current message's text for selecting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Conversation")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setMinimumHeight(120)
        self.activated.connect(self.edit)  # Enter: the text box for selecting

    def sizeHint(self) -> QSize:
        # Small: it grows with the panel's room (a tall hint would make the panel scroll instead).
        return QSize(super().sizeHint().width(), 140)

    def scroll_to_newest(self) -> None:
        model = self.model()
        if model is not None and model.rowCount():
            self.scrollToBottom()


class ThreadPanel(QWidget):
    """The thread of the ticket the detail panel shows: loading, empty, failed, or the messages."""

    loaded = Signal(int)  # ticket id, after a full load

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ticket_id: int | None = None
        self.is_loaded = False
        self.model = ThreadModel(context.clock, self)
        self.view = ThreadView(self)
        self.view.setModel(self.model)
        self.delegate = MessageDelegate(self.view, context.clock)
        self.view.setItemDelegate(self.delegate)
        self.state = QLabel("", self)
        self.state.setProperty("role", "muted")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._stack = QStackedLayout()
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.state)
        outer.addLayout(self._stack, 1)
        # Under the list: save the ticket's files, mail a failed reply again (and their shortcuts).
        self.message_actions = MessageActions(context, self)
        self.message_actions.mailed_again.connect(lambda message: self.model.merge([message]))
        outer.addWidget(self.message_actions)
        for action in (self.message_actions.save_action, self.message_actions.again_action):
            self.view.addAction(action)  # the list's context menu offers them
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.view.viewport().update)
        self._tick.start()
        manager = ThemeManager.instance()
        if manager is not None:
            manager.changed.connect(self._theme_changed)
        self.view.installEventFilter(self)

    def _theme_changed(self, _tokens: object) -> None:
        self.view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.FontChange:
            self.delegate.forget()
        return super().eventFilter(watched, event)

    # --- what is shown ---------------------------------------------------------------------------

    def _service(self) -> ConversationService | None:
        service = self.context.service
        return None if service is None else ConversationService(service.database, service.clock)

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id == self.ticket_id:
            return
        self.ticket_id = ticket_id
        self.is_loaded = False
        self.delegate.forget()
        self.model.reset([], {})
        self.message_actions.show_ticket(ticket_id)
        if ticket_id is None:
            self.context.ops.cancel(self, "thread")
            self.context.ops.cancel(self, "thread-new")
            return
        self._show_state("Loading the conversation…")
        self.reload()

    def reload(self) -> None:
        """Read the whole thread again (a newer request of this panel supersedes an older one)."""
        service = self._service()
        if service is None or self.ticket_id is None:
            return
        self.context.ops.cancel(self, "thread-new")
        self.context.ops.read(
            self,
            read_thread,
            service,
            self.ticket_id,
            0,
            frozenset(),
            on_done=self._loaded,
            on_failed=self._load_failed,
            key="thread",
        )

    def fetch_new(self) -> None:
        """Read only what arrived after the newest message shown."""
        service = self._service()
        if service is None or self.ticket_id is None:
            return
        if not self.is_loaded:
            self.reload()
            return
        self.context.ops.read(
            self,
            read_thread,
            service,
            self.ticket_id,
            self.model.read_from(),
            self.model.known_customers(),
            self.model.unnamed_customers(),
            on_done=self._new_loaded,
            on_failed=self._new_failed,
            key="thread-new",
        )

    def on_tickets_changed(self, change: Change) -> None:
        if self.ticket_id is None or not change.touches(self.ticket_id):
            return
        if change.ids is None and ChangeKind.RELOAD in change.kinds:  # perhaps another database: all again
            self.is_loaded = False
            self.reload()
        else:
            self.fetch_new()

    def _loaded(self, page: ThreadPage) -> None:
        if page.ticket_id != self.ticket_id:
            return
        self.is_loaded = True
        self.delegate.forget()
        self.model.reset(page.messages, page.customers)
        self.message_actions.set_attachments(page.attachments)
        self._show_messages()
        self.view.scroll_to_newest()
        self.loaded.emit(page.ticket_id)

    def _load_failed(self, error: BaseException) -> None:
        self._show_state(error_words(error, "The conversation", "cannot be shown"))

    def _new_loaded(self, page: ThreadPage) -> None:
        if page.ticket_id == self.ticket_id:
            self.add(page.messages, page.customers)
            self.message_actions.set_attachments(page.attachments)
            self._current_changed()  # the chosen reply's mail may have moved on

    def _new_failed(self, _error: BaseException) -> None:
        """Left unsaid: the next change (or a reconnect's reload) reads again."""

    def add(self, messages: list[Message] | tuple[Message, ...], customers: dict[int, str] | None = None) -> int:
        """Show messages of this ticket that arrived (a live change, a refused reply's news, one's own)."""
        mine = [m for m in messages if m.ticket_id == self.ticket_id]
        at_bottom = self.view.verticalScrollBar().value() >= self.view.verticalScrollBar().maximum() - 4
        added = self.model.merge(mine, customers)
        if added:
            self._show_messages()
            if at_bottom:
                self.view.scroll_to_newest()
        return added

    def _show_messages(self) -> None:
        if self.model.rowCount():
            self._stack.setCurrentWidget(self.view)
        else:
            self._show_state("No messages yet. Write the first reply or note below.")

    def _show_state(self, text: str) -> None:
        self.state.setText(text)
        self._stack.setCurrentWidget(self.state)

    def newest_id(self) -> int:
        return self.model.newest_id()

    def _current_changed(self, *_args: object) -> None:
        index = self.view.currentIndex()
        self.message_actions.set_message(index.data(Role.MESSAGE) if index.isValid() else None)

    def take_focus(self) -> bool:
        """Focus the list of messages, when there is one to show."""
        if not self.view.isVisible():
            return False
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True
