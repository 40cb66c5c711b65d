"""The window's feature packages reach each other only through the window's context.

``editor/ui/document`` (model, view, commands, edits) and ``editor/ui/widgets`` are the shared
layer every feature may import; they import no feature. A feature package imports no other
feature package, not even for type annotations: what it needs of another feature it gets
from :class:`editor.ui.context.WindowContext`, which the window fills in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from import_scan import imported_names  # noqa: E402

import editor.ui  # noqa: E402

UI = Path(editor.ui.__file__).parent
SHARED = {"document", "widgets"}
FEATURES = sorted(p.name for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


def _ui_imports(path: Path, source: str | None = None) -> set[str]:
    """The ``editor.ui.<package>`` names a module imports (see :mod:`import_scan`)."""
    found = set()
    for name in imported_names(path, source):
        parts = name.split(".")
        if parts[:2] == ["editor", "ui"] and len(parts) > 2:
            found.add(parts[2])
    return found


def test_the_feature_packages_are_there():
    assert {"document", "playback", "files", "project", "review", "names", "timing"} <= set(FEATURES)


def test_features_import_each_other_only_through_the_context():
    wrong = []
    for feature in FEATURES:
        allowed = {feature, "context", "actions"} | (set() if feature in SHARED else SHARED)
        for module in sorted((UI / feature).rglob("*.py")):
            for package in _ui_imports(module) - allowed:
                if package in FEATURES or package in ("main_window", "app"):   # nor the window itself
                    wrong.append(f"{module.relative_to(UI)} imports editor.ui.{package}")
    assert not wrong, "\n".join(wrong)


def test_the_window_s_shared_modules_import_no_feature():
    # background, audio_process, theme, ...: what features build on. The window (main_window), its
    # entry point (app) and the context (which names the features for its types) are the exceptions.
    wrong = [f"{module.name} imports editor.ui.{package}"
             for module in sorted(UI.glob("*.py")) if module.stem not in ("main_window", "app", "context")
             for package in _ui_imports(module) & set(FEATURES)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("statement", [
    "from editor.ui.timing.waveform import WaveformStrip",
    "from editor.ui import timing",
    "import editor.ui.timing.waveform",
    "from ..timing import waveform",
    "from ..timing.waveform import WaveformStrip",
    "if TYPE_CHECKING:\n    from editor.ui.timing.timing_controller import TimingController",
    "def later():\n    import importlib\n    return importlib.import_module('editor.ui.timing.waveform')",
])
def test_the_check_sees_every_way_of_importing_another_feature(statement):
    # As if written in review/review_bar.py: each spelling of "review imports timing" is caught.
    assert "timing" in _ui_imports(UI / "review" / "review_bar.py", statement)
