"""The transcript as a document: the Qt model (the one mutation gateway), the virtual view, its painter
and editor, undo commands and the edit controller.
"""
