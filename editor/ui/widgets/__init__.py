"""Small widgets shared by several features (message bar, filler-words list editor, dialog mnemonics, form rows)."""
