"""Small widgets shared by several features (message bar, error box, filler-words list editor, dialog mnemonics,
form rows)."""
