"""Publishing: File ▸ Publish…, the dialog over :mod:`editor.publish` (the same code as the command line)."""
