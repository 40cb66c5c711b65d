"""What assistive technology is told of the transcript view: which turn is the current one, and that
turn (speaker, time, review status, text) as the view's accessible description.

Updated when that turn changes or is edited, never per playback tick (a word moving on), so a screen
reader announces a turn once; O(1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.ui.document import turn_accessibility

if TYPE_CHECKING:
    from editor.ui.document.in_place_editing import InPlaceEditing
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_in_hand import TurnInHand


class CurrentTurnDescription:
    """The view's accessible description, kept to the current turn."""

    def __init__(self, view: TranscriptView, editing: InPlaceEditing, in_hand: TurnInHand):
        self._view = view
        self._editing = editing
        self._in_hand = in_hand
        self.told = (-1, "")   # (row, description) told to assistive technology

    def row(self) -> int:
        """The turn assistive technology is told about: the one being edited, else the one in hand
        (gone to, clicked, or handed over by playback following), else the one playing."""
        editing = self._editing.editing_row()
        if editing >= 0:
            return editing
        if self._in_hand.is_chosen():
            return self._in_hand.row
        model = self._view.model()
        return model.current_row if model is not None else -1

    def update(self) -> None:
        """Describe the current turn, and announce it when it is another turn than the one told last."""
        view = self._view
        model = view.model()
        row = self.row()
        if model is None or not 0 <= row < model.rowCount():
            text = "No turn selected" if model is not None and model.rowCount() else "No transcript open"
        else:
            segment = model.segment(row)
            speaker, when, status = turn_accessibility.turn_heading(model.transcript, segment)
            text = (f"Turn {row + 1} of {model.rowCount()}: {speaker}, {when}, {status}. "
                    f"{turn_accessibility.turn_text(segment)}")
            editor = self._editing.loaded_with(row)
            if editor is not None:
                editor.setAccessibleDescription(f"{speaker}, {when}")
        if (row, text) != self.told:
            moved = row != self.told[0]
            self.told = (row, text)
            view.setAccessibleDescription(text)
            if moved:
                turn_accessibility.announce_current(view, row)
        elif view.isVisible():
            turn_accessibility.ensure_attached(view)
