"""The Qt window: models, views, controllers and dialogs over editor.core."""
