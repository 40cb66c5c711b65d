"""The window's own dialogs: settings and keyboard shortcuts (a feature's dialogs live in its package)."""
