"""The transcript view for screen readers: a list whose items are the turns.

The view paints its turns itself, so Qt knows nothing of them; these
QAccessible interfaces tell assistive technology about each turn (speaker,
time, review status, text, where it is on screen) and which one is current
(the one being edited, else the one playing). Item interfaces are made on
request, one per asked-for row, and dropped when rows move, so a 12,000-turn
episode costs nothing until a screen reader walks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from editor.core.timecode import format_clock
from editor.core.transcript import ReviewStatus

if TYPE_CHECKING:
    from editor.ui.document.transcript_view import TranscriptView

Text = QAccessible.Text
TEXT_CHARS = 400   # a screen reader reads the turn's start, not a 10-minute monologue


class TurnAccessible(QAccessibleInterface):
    """One turn as a list item: name "speaker, time, status", description its text."""

    def __init__(self, parent: "TranscriptAccessible", row: int):
        super().__init__()
        self._parent = parent
        self.row = row

    def _segment(self):
        model = self._parent.view.model()
        if model is None or not 0 <= self.row < model.rowCount():
            return None
        return model.segment(self.row)

    def isValid(self) -> bool:
        return self._segment() is not None

    def object(self):
        return None

    def window(self):
        return self._parent.window()

    def relations(self, _match=QAccessible.Relation.AllRelations):
        return []

    def focusChild(self):
        return None

    def childAt(self, _x: int, _y: int):
        return None

    def parent(self):
        return self._parent

    def child(self, _index: int):
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child) -> int:
        return -1

    def text(self, kind) -> str:
        segment = self._segment()
        if segment is None:
            return ""
        if kind == Text.Name:
            transcript = self._parent.view.model().transcript
            speaker = transcript.speaker_name(segment.speaker_id) or "Unknown speaker"
            when = format_clock(segment.start_ms) if segment.start_ms is not None else "untimed"
            return f"{speaker}, {when}, {ReviewStatus(segment.status).value}"
        if kind in (Text.Description, Text.Value):
            body = segment.text
            return body if len(body) <= TEXT_CHARS else body[:TEXT_CHARS] + "…"
        if kind == Text.Help and segment.note:
            return f"Note: {segment.note}"
        return ""

    def setText(self, _kind, _text: str) -> None:
        pass   # the text is edited in the turn editor, through the undo stack

    def rect(self) -> QRect:
        view = self._parent.view
        local = view.row_rect(self.row)
        return QRect(view.viewport().mapToGlobal(local.topLeft()), local.size())

    def role(self):
        return QAccessible.Role.ListItem

    def state(self):
        state = QAccessible.State()
        view = self._parent.view
        state.focusable = True
        state.selectable = True
        current = view.accessible_row() == self.row
        state.focused = current and view.hasFocus()
        state.selected = current
        state.offscreen = not view.row_rect(self.row).intersects(view.viewport().rect())
        return state


class TranscriptAccessible(QAccessibleWidget):
    """The view as a list of :class:`TurnAccessible` items."""

    def __init__(self, view: "TranscriptView"):
        super().__init__(view, QAccessible.Role.List)
        self.view = view
        self._items: dict[int, TurnAccessible] = {}

    def forget_items(self) -> None:
        """Rows were inserted, removed or replaced: item interfaces are made afresh."""
        self._items.clear()

    def childCount(self) -> int:
        model = self.view.model()
        return model.rowCount() if model is not None else 0

    def child(self, index: int):
        if not 0 <= index < self.childCount():
            return None
        item = self._items.get(index)
        if item is None:
            if len(self._items) > 2000:   # a screen reader's walk, not the whole episode, stays cached
                self._items.clear()
            item = self._items[index] = TurnAccessible(self, index)
        return item

    def indexOfChild(self, child) -> int:
        return child.row if isinstance(child, TurnAccessible) and child.parent() is self else -1

    def childAt(self, x: int, y: int):
        point = self.view.viewport().mapFromGlobal(QPoint(x, y))
        if not self.view.viewport().rect().contains(point) or not self.childCount():
            return None
        return self.child(self.view.row_at(point.y()))

    def focusChild(self):
        row = self.view.accessible_row()
        return self.child(row) if row >= 0 else None


_INTERFACES: dict[int, TranscriptAccessible] = {}   # kept alive here: Qt holds only the C++ side


def _factory(_class_name: str, obj):
    from editor.ui.document.transcript_view import TranscriptView
    if isinstance(obj, TranscriptView):
        interface = _INTERFACES.get(id(obj))
        if interface is None or interface.view is not obj:
            interface = _INTERFACES[id(obj)] = TranscriptAccessible(obj)
            obj.destroyed.connect(lambda *_args, key=id(obj): _INTERFACES.pop(key, None))
        return interface
    return None


_installed = False


def install() -> None:
    """Let Qt ask us for the transcript view's interface (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def interface_of(view: "TranscriptView") -> TranscriptAccessible | None:
    return _INTERFACES.get(id(view))


def announce_current(view: "TranscriptView", row: int) -> None:
    """Tell assistive technology that the current turn is now *row* (focus follows it)."""
    if row < 0 or not QAccessible.isActive():
        return
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(row)
    QAccessible.updateAccessibility(event)
