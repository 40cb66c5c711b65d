"""The words the window shows for the audio's verdict on a passage or a correction.

Kept in the shared layer so every panel that shows a verdict (Glossary Suggestions, Correct
Everywhere, the spelling menu, Suspects) says the same thing for the same verdict.
"""

AUDIO_SAYS = {"agrees": "audio agrees", "prefers original": "audio prefers the original", "unsure": "audio unsure",
              "sounds alike": "said alike: audio cannot tell"}
