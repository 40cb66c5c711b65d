"""Word and turn times: the waveform strip and its feed, retiming, forced alignment and its cache."""
