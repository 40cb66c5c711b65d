"""Suspect passages in the window: found from the audio after alignment, shown and walked."""
