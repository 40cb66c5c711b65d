"""Saving: the project controller (save, save as, recovery prompts) and the autosave journal."""
