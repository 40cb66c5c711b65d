"""Fixing names: find and replace, correct-everywhere, the show glossary and its suggestions, spell checking."""
