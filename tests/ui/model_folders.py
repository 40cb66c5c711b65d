"""PocketSphinx model folders that go wrong, for ``POCKETSPHINX_PATH`` (where PocketSphinx looks for its
models): one that never finishes loading, one whose language model is damaged.

No Qt, no PocketSphinx: the scripts spawned by the tests import it.
"""

from __future__ import annotations

import os
from pathlib import Path


def _real_models() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("pocketsphinx")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / "model"


def stalled_models(folder: Path) -> Path:
    """Make, under *folder*, a model folder shaped like PocketSphinx's, every file a named pipe nobody
    writes to (a process opening one to load the model waits there for good, as one loading from a
    network drive that stopped answering does); returns it."""
    real = _real_models()
    root = folder / "stalled-models"
    for path in real.rglob("*"):
        if path.is_file():
            target = root / path.relative_to(real)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(target)
    return root


def loading_the_model(pid: int) -> bool:
    """Whether process *pid* is asleep opening a file (``openat``): a worker of a pass that was given
    :func:`stalled_models`, waiting on the model."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        syscall = Path(f"/proc/{pid}/syscall").read_text().split()[0]
    except (OSError, IndexError):
        return False
    return state == "S" and syscall == "257"


def damaged_language_model(folder: Path) -> Path:
    """Make, under *folder*, a model folder with PocketSphinx's own acoustic model and dictionary and a
    language model of bytes that are none (a download cut short); returns it. Alignment works with
    it; the audio checks, which judge sentences with the language model, cannot."""
    real = _real_models()
    root = folder / "damaged-models"
    for path in real.rglob("*"):
        if path.is_file():
            target = root / path.relative_to(real)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.name == "en-us.lm.bin":
                target.write_bytes(path.read_bytes()[:4096][::-1])
            else:
                target.symlink_to(path)
    return root
