"""SuspectsPanel: the passages the audio doubts, most doubtful first; activate one to hear it.

Ignore says the chosen passage is right (its suspect goes, as one undo step). Show ignored lists
the passages the producer said are right too, after the others, greyed and marked so; choosing one
turns Ignore into Stop Ignoring, which gives the audio's doubt of it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.timecode import format_clock
from editor.ui.widgets.indented_lines import IndentedLinesDelegate
from editor.ui.widgets.status_line import StatusLine
from editor.ui.widgets.verdict_words import AUDIO_SAYS

_EVIDENCE = {"audio": "sounds different", "spelling": "unknown word", "confidence": "recognizer unsure",
             "context": "a sound-alike fits the sentence",
             "grammar": "the sentence's tense wants another form",
             "episode": "a rare word the episode says sounds alike", "sound": "sounds near a glossary name",
             "name": "a glossary name fits", "glossary": "glossary suggestion"}
LAYOUT_BATCH = 10     # items a turn of the event loop lays out (their wrapped text measured: ~1 ms each)


_PLACE, _HEARD, _IGNORED = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2


class SuspectsPanel(QWidget):
    activated = Signal(int, int, int)      # row, char_start, char_end
    apply_requested = Signal(int, int, int, str)   # row, char_start, char_end, the name heard there
    ignore_requested = Signal(int, int, int)       # row, char_start, char_end: the producer says it is right
    unignore_requested = Signal(int, int, int)     # row, char_start, char_end: ...and takes that back

    def __init__(self, parent=None):
        super().__init__(parent)
        # Its count changes a few times a second while a pass runs: a QLabel would have the window laid out each time.
        self.summary = StatusLine("Suspects appear here once the audio is aligned.", lines=2)
        self.summary.setAccessibleName("Suspects status")
        self.list = QListWidget()
        self.list.setObjectName("suspects_list")
        self.list.setAccessibleName("Suspect passages")
        self.list.setWordWrap(True)         # the evidence and the name heard read in full in a narrow dock
        # ...each line wrapped under its own indent, so an item reads as its passage and what is said of it.
        self.list.setItemDelegate(IndentedLinesDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)   # wrapped again as the dock narrows or widens
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._on_item_activated)
        # Items (their wrapped text measured) laid out a batch per turn of the event loop, not all at once.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self._entries: list[tuple] = []    # what each item shows, in the list's order
        # id(suspect) -> (suspect, row, entry): the entries made for the last list, made again only for
        # a suspect that is new or moved to another row.
        self._made: dict[int, tuple] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list.currentItemChanged.connect(self._update_button)
        self.list.itemSelectionChanged.connect(self._update_button)
        self.apply = QPushButton("Apply the &Name Heard")
        self.apply.setToolTip("Replace the passage by the glossary name the audio fits better")
        self.apply.clicked.connect(self._on_apply_clicked)
        self.ignore = QPushButton("Ign&ore")
        self.ignore.clicked.connect(self._on_ignore_clicked)
        self.show_ignored = QCheckBox("Show ignore&d")
        self.show_ignored.setToolTip("Also list the passages you said are right (Ignore), to take one back")
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply)
        buttons.addWidget(self.ignore)
        layout.addLayout(buttons)
        layout.addWidget(self.show_ignored)
        self._update_button()

    def showing_ignored(self) -> bool:
        return self.show_ignored.isChecked()

    def show_suspects(self, suspects, running: bool = False, name_for=lambda row, suspect: None,
                      ignored=(), none_found: str = "No doubtful passages") -> None:
        """*suspects*: (row, Suspect) pairs, already sorted; *name_for(row, suspect)*: a Spotted or None;
        *ignored*: (row, IgnoredPassage, the suspect over it or None, its time) of the passages said
        right, listed after the suspects; *none_found*: what the panel says when none is listed and no
        pass runs (why there are none). The suspect chosen before stays chosen when it is still listed.

        Called again and again while a pass runs: only the items that changed are taken out or put
        in (a turn checked adds its few), so a long episode's hundreds of suspects are not made
        again each time, and the list lays its items out a batch at a time."""
        chosen = self.list.currentItem().data(_PLACE) if self.list.currentItem() else None
        made, wanted = {}, []
        for row, suspect in suspects:
            before = self._made.get(id(suspect))
            if before is not None and before[0] is suspect and before[1] == row:
                # The same suspect (a turn heard again brings new ones, with the names heard with them).
                made[id(suspect)] = before
                wanted.append(before[2])
                continue
            entry = self._entry(row, suspect, name_for(row, suspect))
            made[id(suspect)] = (suspect, row, entry)
            wanted.append(entry)
        wanted += [self._ignored_entry(*item) for item in ignored]
        self._made = made
        self._update_items(wanted)
        if chosen is not None and not self.select(chosen[0], chosen[1]):
            self.list.setCurrentRow(-1)     # no longer listed: nothing chosen (not a neighbour)
        self._update_button()
        count = len(suspects)
        said = (f"{count} passage{'s' if count != 1 else ''} to listen to" if count
                else none_found if not running else "")
        if ignored:
            said += f"{'; ' if said else ''}{len(ignored)} ignored"
        self.summary.setText(("Listening… " if running else "") + said)

    @staticmethod
    def _entry(row: int, suspect, heard) -> tuple:
        """(text, where, the name heard's place) of one item."""
        why = ", ".join(_EVIDENCE.get(e, e) for e in suspect.evidence)
        name = ""
        if heard is not None:
            # What Apply the Name Heard replaces, when it is not the passage listed ("I'm DACA, Leora
            # more hall" heard over "I'm DACA, Leora"): the producer sees every word it takes.
            replacing = f" for “{heard.found}”" if heard.found != suspect.text else ""
            # The verdict in the words the glossary's suggestions use: a name heard that the audio does
            # not clearly choose is said like the passage (a sound-alike, an acronym a letter off).
            verdict = AUDIO_SAYS["agrees" if heard.agrees else "sounds alike"]
            name = f"\n    → {heard.name}{replacing}  ({verdict})"
        text = (f"{format_clock(suspect.start_ms)}  “{suspect.text}”  "
                f"doubt {round(suspect.doubt * 100)} %\n    {why}{name}")
        return (text, (row, suspect.char_start, suspect.char_end),
                (row, heard.char_start, heard.char_end, heard.name) if heard is not None else None, False)

    @staticmethod
    def _ignored_entry(row: int, kept, over, start_ms) -> tuple:
        """(text, where, None, True) of a passage the producer said is right."""
        when = format_clock(start_ms) if start_ms is not None else "--:--"
        doubt = (f"the audio doubts it ({round(over.doubt * 100)} %: "
                 f"{', '.join(_EVIDENCE.get(e, e) for e in over.evidence)})" if over is not None
                 else "the audio has no doubt of it now")
        return (f"{when}  “{kept.words}”  ignored\n    {doubt}", (row, kept.start, kept.end), None, True)

    def _update_items(self, wanted: list[tuple]) -> None:
        """Make the list show *wanted* (entries, in order), keeping the items already right."""
        shown = self._entries
        if shown == wanted:
            return
        keep = set(wanted)
        at = 0      # walks both lists: items not wanted go, wanted ones missing come in at their place
        for entry in wanted:
            while at < len(shown) and shown[at] != entry and shown[at] not in keep:
                self.list.takeItem(at)
                del shown[at]
            if at < len(shown) and shown[at] == entry:
                at += 1
                continue
            if entry in shown[at:]:      # listed further down (an item above it moved): drop what is between
                while shown[at] != entry:
                    self.list.takeItem(at)
                    del shown[at]
                at += 1
                continue
            item = QListWidgetItem(entry[0])
            item.setData(_PLACE, entry[1])
            item.setData(_HEARD, entry[2])
            item.setData(_IGNORED, entry[3])
            if entry[3]:     # greyed, and said so in words ("ignored"): not by colour alone
                item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            self.list.insertItem(at, item)
            shown.insert(at, entry)
            at += 1
        while len(shown) > at:
            self.list.takeItem(at)
            del shown[at]

    def select(self, row: int, char_start: int) -> bool:
        """Make the suspect at (*row*, *char_start*) the list's current one (not activated: nothing
        plays); whether it is listed."""
        at = next((i for i, (_text, where, _heard, _ignored) in enumerate(self._entries)
                   if where[0] == row and where[1] == char_start), -1)
        if at < 0:
            return False
        # Chosen means selected too: the list makes an item current, unselected, as it takes the keyboard.
        if self.list.currentRow() != at or not self.list.item(at).isSelected():
            self.list.setCurrentRow(at)
        self.list.scrollToItem(self.list.item(at))
        return True

    def choose_first(self) -> None:
        """When passages are listed and none is chosen, choose the first (not activated: nothing
        plays), so Ignore and Apply the Name Heard act on the item drawn as current. A choice made
        before is kept."""
        if self.list.count() and self._chosen() is None:
            self.list.setCurrentRow(0)     # current and selected: the list's own focus makes it current only

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(*item.data(_PLACE))

    def _chosen(self) -> QListWidgetItem | None:
        """The chosen item. Chosen means selected: the item the list makes current when it takes
        the focus is not."""
        item = self.list.currentItem()
        return item if item is not None and item.isSelected() else None

    def _heard_chosen(self) -> tuple | None:
        """(row, char_start, char_end, name) of the name heard over the chosen suspect, if any."""
        item = self._chosen()
        return None if item is None else item.data(_HEARD)

    def _update_button(self, *_) -> None:
        self.apply.setEnabled(self._heard_chosen() is not None)
        item = self._chosen()
        ignored = item is not None and bool(item.data(_IGNORED))
        # Alt+O: Alt+I opens the Timing menu.
        self.ignore.setText("Stop Ign&oring" if ignored else "Ign&ore")
        self.ignore.setToolTip("Show the audio's doubt of this passage again" if ignored
                               else "Say the chosen passage is right: its suspect goes (Undo brings it back)")
        self.ignore.setEnabled(item is not None)

    def _on_ignore_clicked(self) -> None:
        item = self._chosen()
        if item is None:
            return
        if item.data(_IGNORED):
            self.unignore_requested.emit(*item.data(_PLACE))
            return
        after = self._next_to_hear(self.list.row(item))
        self.ignore_requested.emit(*item.data(_PLACE))
        # The list walks on, as a list does when its chosen line goes: the next passage is chosen,
        # so Ignore (Alt+O) can say the next one is right too, and ↑/↓ go on from there.
        chosen = self._chosen()
        if after is not None and (chosen is None or chosen.data(_IGNORED)):
            self.select(after[0], after[1])
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _next_to_hear(self, at: int) -> tuple | None:
        """The place of the suspect listed after item *at* (else before it): the one to choose when
        item *at* is ignored. None when it is the only one."""
        others = [i for i in range(self.list.count()) if i != at and not self.list.item(i).data(_IGNORED)]
        if not others:
            return None
        return self.list.item(next((i for i in others if i > at), others[-1])).data(_PLACE)

    def _on_apply_clicked(self) -> None:
        heard = self._heard_chosen()
        if heard is not None:
            self.apply_requested.emit(*heard)
