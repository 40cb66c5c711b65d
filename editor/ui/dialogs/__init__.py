"""Dialogs the window opens: settings, shortcuts, speakers, export."""
