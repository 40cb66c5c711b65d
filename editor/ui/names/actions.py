"""The names feature's actions.

Fixing names: find/replace, correct everywhere, glossary, spelling and low-confidence words."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("next_low_confidence", "Playback", "Next &Low-Confidence Word", ("Ctrl+L",),
               "Select the next word the recognizer was unsure of and play it", enabled=WITH_TEXT),
    ActionSpec("find", "Edit", "&Find…", ("Ctrl+F",), enabled=WITH_TEXT, separator=True),
    ActionSpec("replace", "Edit", "Rep&lace…", ("Ctrl+H",), enabled=WITH_TEXT),
    ActionSpec("correct_everywhere", "Edit", "&Correct Everywhere…", ("Ctrl+Shift+E",),
               "Correct the selected word or phrase, and its variants, everywhere at once", enabled=WITH_TEXT),
    ActionSpec("glossary", "Edit", "Show &Glossary…", (), "The show's names and terms, with known wrong forms",
               enabled=WITH_TEXT),
    ActionSpec("show_suggestions", "View", "Glossary &Suggestions", (),
               "Likely misrecognitions of the show's glossary names",
               enabled=WITH_TEXT, separator=True, checkable=True),
    ActionSpec("shade_low_confidence", "View", "Shade Low-&Confidence Words", (),
               "Tint words the recognizer was unsure of (where the transcript has confidences)",
               enabled=WITH_TEXT, checkable=True),
)
