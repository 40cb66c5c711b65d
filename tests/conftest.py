"""Shared test setup: headless Qt, silent VLC, and settings that never touch the user's.

The environment must be set before anything imports Qt or vlc, hence module level.
"""

import os
import sys
import tempfile
from collections import Counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The VLC backend plays through this audio output: "dummy" needs no sound card.
os.environ.setdefault("TRANSCRIPT_EDITOR_AOUT", "dummy")
# The user's own folders, as they were before the lines below moved them (the guard test
# tests/test_user_folders_untouched.py holds every folder the app writes to outside these).
_USER_FOLDERS = tuple(os.path.realpath(os.environ.get(variable) or os.path.expanduser(default))
                      for variable, default in (("XDG_DATA_HOME", "~/.local/share"),
                                                ("XDG_CONFIG_HOME", "~/.config"), ("XDG_CACHE_HOME", "~/.cache")))
_USER_FOLDERS += tuple(os.path.realpath(os.environ[variable]) for variable in
                       ("TRANSCRIPT_EDITOR_DATA_DIR", "TRANSCRIPT_EDITOR_CACHE", "TRANSCRIPT_EDITOR_SETTINGS")
                       if os.environ.get(variable))
# Anything that falls back to QSettings' default location lands in a throw-away folder.
_CONFIG_HOME = tempfile.mkdtemp(prefix="te-test-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
os.environ["XDG_DATA_HOME"] = os.path.join(_CONFIG_HOME, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_CONFIG_HOME, "xdg-cache")
# Every cache goes to the throw-away folder too, not the user's. The PCM working copies of test audio
# are kept in one folder per process (each pytest -n worker has its own), shared by its tests (each
# test's cache folder links to it: see isolated_settings): decoding the sample once is enough.
os.environ["TRANSCRIPT_EDITOR_CACHE"] = os.path.join(_CONFIG_HOME, "cache")
_SHARED_WORKING_COPIES = os.path.join(_CONFIG_HOME, "cache", "working-copies")
# Speech made with espeak-ng for the tests (tests/bench/timing_audio.py) is kept for the whole session,
# in one folder for all its processes: pytest -n workers inherit the folder pytest's own process named
# here before starting them (or, had it not read this file, name one after the run's id, which they share).
os.environ.setdefault("TRANSCRIPT_EDITOR_TEST_SPEECH", os.path.join(
    tempfile.gettempdir(), f"te-test-speech-{os.environ['PYTEST_XDIST_TESTRUNUID']}")
    if os.environ.get("PYTEST_XDIST_TESTRUNUID") else os.path.join(_CONFIG_HOME, "speech"))
# A data folder the caller's environment names (a portable setup) would take precedence over XDG_DATA_HOME.
os.environ.pop("TRANSCRIPT_EDITOR_DATA_DIR", None)

import pytest  # noqa: E402


def pytest_collection_modifyitems(items):
    """The files holding a long test (marked ``slow``) run first, the others after them, most tests first.

    Under ``--dist loadfile`` a worker takes a whole file at a time, in this order (make test passes
    ``--no-loadscope-reorder``). xdist's own order, most tests first, hands out last the files of one or
    two tests, which are mostly the long ones (a process killed again and again, an episode heard or
    aligned in real worker processes): one of them ran alone at the end while the other worker idled.
    Started first, they overlap with the rest, and the many short files at the end keep both workers busy.
    The order of the tests within a file is kept."""
    with_long_test = {item.path for item in items if item.get_closest_marker("slow")}
    tests_in = Counter(item.path for item in items)
    items.sort(key=lambda item: (item.path not in with_long_test, -tests_in[item.path]))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, tmp_path_factory, monkeypatch):
    """Each test gets its own settings INI file (editor.settings reads this variable), and its own
    user data, config and cache folders (platformdirs reads XDG_* on every call): show glossaries,
    show-folder choices, recovery journals, filler lists, alignment/peaks/word-list caches (working
    copies excepted: a test's working-copies folder is the process's shared one). Nothing
    one test writes there is seen by another, in whatever order or worker (pytest -n) they run, and
    nothing lands in the user's own ~/.cache. Tests that want other folders set these themselves.
    The folders are beside tmp_path, not in it: tests count the files they leave in tmp_path."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("TRANSCRIPT_EDITOR_SETTINGS", str(path))
    user = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(user / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(user / "cache"))
    monkeypatch.delenv("TRANSCRIPT_EDITOR_DATA_DIR", raising=False)   # journals: under XDG_DATA_HOME
    # Caches under XDG_CACHE_HOME (tests that want their own set it), but working copies shared.
    monkeypatch.delenv("TRANSCRIPT_EDITOR_CACHE", raising=False)
    os.makedirs(_SHARED_WORKING_COPIES, exist_ok=True)
    (user / "cache" / "transcript-editor").mkdir(parents=True)
    (user / "cache" / "transcript-editor" / "working-copies").symlink_to(_SHARED_WORKING_COPIES)
    return path


@pytest.fixture(scope="session")
def user_folders() -> tuple[str, ...]:
    """The real user's data, config and cache folders (and any the caller's environment named for
    the app), which no test may write to."""
    return _USER_FOLDERS


@pytest.fixture(autouse=True)
def released_modifier_keys():
    """After each test, no modifier key is left held in Qt's application-wide state.

    A simulated Ctrl+Shift+key whose shortcut moves focus can leave Shift "held" in
    QGuiApplication.keyboardModifiers(); the next test in the same process then extends where it
    meant to select (a table's selectRow). Releasing it here keeps tests independent of their order."""
    yield
    gui = sys.modules.get("PySide6.QtGui")
    if gui is None or gui.QGuiApplication.instance() is None:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if gui.QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(gui.QWindow(), Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def working_copy_gate(monkeypatch):
    """Holds every working copy's decode, and that of its windows (real, in their threads), until the
    test sets the returned event, so a state such as "a seek is held" lasts as long as the test needs,
    without timing assumptions."""
    import threading

    from editor.player import working_copy as wc

    opened = threading.Event()
    real_copy, real_window = wc.decode_to_wav, wc.decode_window

    def copy_when_opened(*args, **kwargs):
        opened.wait(30)
        return real_copy(*args, **kwargs)

    def window_when_opened(*args, **kwargs):
        opened.wait(30)
        return real_window(*args, **kwargs)

    monkeypatch.setattr(wc, "decode_to_wav", copy_when_opened)
    monkeypatch.setattr(wc, "decode_window", window_when_opened)
    yield opened
    opened.set()


@pytest.fixture
def cli(capsys):
    """``cli(*args)``: ``python -m editor ARGS`` through that command's own entry point
    (``editor.__main__.main``), in this process, as a ``CompletedProcess`` (exit code, stdout, stderr).

    A process of its own costs a Python start and the command line's imports, ~0.3 s of CPU each:
    tests of what a command does use this; tests/test_cli.py (and a few others) run the command line
    as a real process, end to end."""
    import subprocess

    from editor.__main__ import main

    def run(*args) -> subprocess.CompletedProcess:
        capsys.readouterr()                     # what the test printed before is not the command's
        code = main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)
    return run
