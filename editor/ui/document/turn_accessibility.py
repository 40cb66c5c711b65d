"""The transcript view for screen readers: a list whose items are the turns.

The view paints its turns itself, so Qt knows nothing of them; these
QAccessible interfaces tell assistive technology about each turn (speaker,
time, review status, text, where it is on screen) and which one is current
(the one being edited, else the one playing). Item interfaces are made on
request, one per asked-for row (an item describes whatever turn is at its row
when asked), so a 12,000-turn episode costs nothing until a screen reader
walks it.

The view's interface is registered with Qt's accessibility cache
(:func:`attach`), not produced by a factory: Qt asks factories about every
widget, including widgets being destroyed, and wrapping a dying widget for a
Python factory crashed the process later. Qt's cache finds an interface by the
object and its meta-object, and PySide rebuilds a Python class's meta-object
as signals get connected, so :func:`ensure_attached` registers it again when
the cache has lost it (checked when the view is shown and when the current
turn changes: one hash look-up). Qt's cache deletes the view's interface with
the view; the item interfaces, which Qt may have registered too, are released
when the view goes and at exit, while Python still runs (Qt deleting them
during interpreter shutdown crashed the process on exit).
"""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from editor.core.timecode import format_clock
from editor.core.transcript import ReviewStatus

if TYPE_CHECKING:
    from editor.core.transcript import Segment, Transcript
    from editor.ui.document.transcript_view import TranscriptView

Text = QAccessible.Text
TEXT_CHARS = 400   # a screen reader reads the turn's start, not a 10-minute monologue


def turn_heading(transcript: Transcript, segment: Segment) -> tuple[str, str, str]:
    """What a screen reader says of a turn before its text: speaker, time, review status."""
    speaker = transcript.speaker_name(segment.speaker_id) or "Unknown speaker"
    when = format_clock(segment.start_ms) if segment.start_ms is not None else "untimed"
    return speaker, when, ReviewStatus(segment.status).value


def turn_text(segment: Segment) -> str:
    """The turn's text as a screen reader is given it: its start, when it is long."""
    body = segment.text
    return body if len(body) <= TEXT_CHARS else body[:TEXT_CHARS] + "…"


class TurnAccessible(QAccessibleInterface):
    """One turn as a list item: name "speaker, time, status", description its text."""

    def __init__(self, parent: TranscriptAccessible, row: int):
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
        model = self._parent.view.model()
        if kind == Text.Name and model is not None:
            return ", ".join(turn_heading(model.transcript, segment))
        if kind in (Text.Description, Text.Value):
            return turn_text(segment)
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

    def __init__(self, view: TranscriptView):
        super().__init__(view, QAccessible.Role.List)
        self.view = view
        self._items: dict[int, TurnAccessible] = {}   # never cleared: see the module's note on ownership

    def childCount(self) -> int:
        model = self.view.model()
        return model.rowCount() if model is not None else 0

    def child(self, index: int):
        if not 0 <= index < self.childCount():
            return None
        item = self._items.get(index)
        if item is None:
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


_ATTACHED: list[TranscriptAccessible] = []   # released at exit (see the module's note)


def attach(view: TranscriptView) -> TranscriptAccessible:
    """Give *view* its accessible list (call from its constructor, after its children are made)."""
    interface = TranscriptAccessible(view)
    QAccessible.registerAccessibleInterface(interface)
    if not _ATTACHED:
        atexit.register(_release_all)
    _ATTACHED.append(interface)
    items = interface._items
    view.destroyed.connect(lambda *_args: _release(list(items.values())))
    return interface


def _release(interfaces) -> None:
    """Let Qt delete *interfaces* now (each Python wrapper is told), not during interpreter shutdown."""
    for interface in interfaces:
        if shiboken6.isValid(interface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))


def _release_all() -> None:
    for interface in _ATTACHED:
        if shiboken6.isValid(interface):
            _release(list(interface._items.values()) + [interface])
    _ATTACHED.clear()


def ensure_attached(view: TranscriptView) -> None:
    """Register the view's interface again if Qt's cache no longer finds it."""
    found = QAccessible.queryAccessibleInterface(view)
    if isinstance(found, TranscriptAccessible):
        return
    if found is not None:
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(found))
    view._accessible = attach(view)


def focus_event(view: TranscriptView, row: int) -> QAccessibleEvent:
    """The event that says turn *row* of *view* has the focus (Qt resolves it through ``child(row)``)."""
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(row)
    return event


def announce_current(view: TranscriptView, row: int) -> None:
    """Tell assistive technology that the current turn is now *row* (focus follows it)."""
    ensure_attached(view)
    if row < 0 or not QAccessible.isActive():
        return
    # The event names the turn, so a screen reader says it without asking back. Qt (and the
    # platform bridge, which registers it in Qt's cache) get the item from the view's child();
    # the view keeps every item it handed out alive until it goes (see the module's note).
    QAccessible.updateAccessibility(focus_event(view, row))
