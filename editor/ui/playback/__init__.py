"""Playing the audio: the playback and follow controllers, the transport bar, Go to time."""
