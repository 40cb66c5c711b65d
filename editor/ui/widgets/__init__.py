"""Small widgets shared by several features (the message bar)."""
