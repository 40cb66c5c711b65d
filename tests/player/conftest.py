"""The player tests' own helpers (waiting.py) are imported by name, as tests/ui's are."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
