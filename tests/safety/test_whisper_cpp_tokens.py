"""whisper.cpp token pieces with a space inside still give one word per word of the text."""

from __future__ import annotations

import json

from editor.formats import read_text


def test_a_token_piece_with_an_inner_space_is_split_into_words():
    tokens = [{"text": "[_BEG_]", "offsets": {"from": 0, "to": 0}, "p": 0.98},
              {"text": "! Welcome", "offsets": {"from": 0, "to": 460}, "p": 0.97},
              {"text": " to", "offsets": {"from": 460, "to": 900}, "p": 0.99},
              {"text": " Tide", "offsets": {"from": 1840, "to": 2200}, "p": 0.6},
              {"text": "water.", "offsets": {"from": 2200, "to": 2610}, "p": 0.4}]
    doc = {"result": {"language": "en"},
           "transcription": [{"offsets": {"from": 0, "to": 3900}, "text": "! Welcome to Tidewater.", "tokens": tokens}]}
    segment = read_text(json.dumps(doc), "episode.json").transcript.segments[0]
    assert [w.text for w in segment.words] == segment.text.split() == ["!", "Welcome", "to", "Tidewater."]
    assert segment.words[-1].confidence == 0.4
