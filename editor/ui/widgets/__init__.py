"""Small widgets shared by several features (message bar, error box, button icons, filler-words list
editor, dialog mnemonics, form rows, shortcuts that keep their context)."""
