# `make run` and `make test` set up what is missing (system packages, .venv) and then do their job.
# A second run on a machine already set up installs nothing: the stamps below are up to date.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SAMPLE := resources/sample/sample-episode.txt

# Debian/Ubuntu packages: libvlc and VLC's plugins (the player), the xcb libraries Qt 6's
# xcb platform needs (and glib/fontconfig/pulse that the Qt wheels link against), Xvfb/xdotool/imagemagick (tests and screenshots on a virtual screen),
# espeak-ng/ffmpeg/sox (regenerating the sample episode; test audio), fonts, and the freedesktop
# tools that validate and register the desktop entry, metainfo and project file type.
SYSTEM_PACKAGES := libvlc5 libvlccore9 vlc-plugin-base vlc-bin \
    libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libxkbcommon0 libx11-xcb1 \
    libxrender1 libxext6 libxcb-shm0 libxcb-xfixes0 libxcb-sync1 libxcb-render0 libxcb-util1 \
    libpulse0 libasound2 \
    xvfb xauth xdotool x11-utils imagemagick espeak-ng ffmpeg sox fonts-dejavu-core \
    desktop-file-utils appstream shared-mime-info

.PHONY: run test check lint typecheck bench bench-full setup system-deps clean sample icons install-desktop \
    uninstall-desktop

run: setup
	$(PY) -m editor $(SAMPLE)

# Lint and types first (seconds), then every test. `make check` is the fast part: lint, types and
# the tests that need no display, audio or long runs (well under a minute on 2 cores).
# The tests run in pytest-xdist workers, one more than the cores (at most 4; `make test TEST_WORKERS=0`
# runs them in this process): with one per core the cores sat partly idle while tests waited on what
# takes time but little CPU (audio played in real time, the app killed and started again, niced worker
# processes, timers); a third worker on 2 cores fills that time. --dist loadfile keeps a file's tests in
# one worker, so a module fixture (a built wheel, synthesized speech, a VLC instance) is made once; every
# test has its own settings, data and cache folders (tests/conftest.py), so workers share nothing.
# --no-loadscope-reorder hands the files out in the order tests/conftest.py gives them, the files with a
# long (slow) test first, so that no long file is left to run alone at the end.
TEST_WORKERS ?= $(shell n=$$(( $$(nproc 2>/dev/null || echo 2) + 1 )); [ $$n -gt 4 ] && n=4; echo $$n)
PARALLEL     := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder
# The suite starts hundreds of Python processes (the command line, alignment and hearing workers, the
# app killed and restarted): each would compile editor/ from source again when bytecode is not kept
# (PYTHONDONTWRITEBYTECODE set in the caller's environment), about a quarter of their CPU time. The
# tests keep it in __pycache__ folders (git ignores them); pytest keeps its rewritten test modules there too.
TEST_ENV     := QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=

test: setup lint typecheck
	$(TEST_ENV) $(PY) -m pytest -q -p no:cacheprovider $(PARALLEL)

FAST_TESTS := tests/core tests/formats tests/test_cli.py tests/test_core_has_no_qt.py tests/ui/test_feature_imports.py \
    tests/test_user_folders_untouched.py

check: setup lint typecheck
	$(TEST_ENV) $(PY) -m pytest -q -p no:cacheprovider $(PARALLEL) -m "not slow" $(FAST_TESTS)

lint: setup
	$(PY) -m ruff check editor tests

# mypy (configured in pyproject.toml) over editor/: the core packages must be clean, the window
# code may hold at most MYPY_BUDGET - 1 errors while its typing is finished.
MYPY_CLEAN  := core formats player session
MYPY_BUDGET := 50

typecheck: setup
	@out=$$($(PY) -m mypy 2>&1); \
	total=$$(printf '%s\n' "$$out" | grep -c ': error:'); \
	clean=$$(printf '%s\n' "$$out" | grep ': error:' | grep -cE '^editor/($(shell echo $(MYPY_CLEAN) | tr ' ' '|'))/'); \
	echo "mypy: $$total errors ($$clean in editor/{$(shell echo $(MYPY_CLEAN) | tr ' ' ',')}, which must have none; budget for the rest: $(MYPY_BUDGET))"; \
	if [ "$$clean" -gt 0 ] || [ "$$total" -ge $(MYPY_BUDGET) ]; then printf '%s\n' "$$out" | grep ': error:'; exit 1; fi

# Every tests/bench/bench_*.py prints its table (about 6 minutes on 2 cores). A script whose code
# checks for "--quick" gets it here; `make bench-full` runs those in full too. A failing script
# does not stop the others: the failures are listed at the end and make exits non-zero.
BENCH_QUICK := --quick

bench: setup
	@failed=; all0=$$(date +%s); \
	for script in tests/bench/bench_*.py; do \
	  args=; if [ -n "$(BENCH_QUICK)" ] && grep -q -- '"$(BENCH_QUICK)"' $$script; then args="$(BENCH_QUICK)"; fi; \
	  echo "== $$script $$args"; t0=$$(date +%s); \
	  $(PY) $$script $$args || failed="$$failed $$script"; \
	  echo "-- $$script: $$(( $$(date +%s) - t0 )) s"; echo; \
	done; \
	echo "bench: $$(( $$(date +%s) - all0 )) s in all"; \
	if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

bench-full:
	@$(MAKE) --no-print-directory bench BENCH_QUICK=

setup: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

# Only the packages that are missing are installed; when nothing is missing this costs one dpkg-query
# (asked about all of them at once: one query per package took seconds on a loaded machine).
system-deps:
	@installed=" $$(dpkg-query -W -f='$${Package} $${Status}\n' $(SYSTEM_PACKAGES) 2>/dev/null \
	  | awk '/ ok installed$$/ {print $$1}' | tr '\n' ' ') "; \
	missing=$$(for p in $(SYSTEM_PACKAGES); do case "$$installed" in *" $$p "*) ;; *) echo $$p;; esac; done); \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "Not a Debian/Ubuntu system: install libvlc, Xvfb and Qt's xcb libraries by hand (see README)."; \
	  elif [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages: $$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/tmp/transcript-editor-apt.log 2>&1 \
	      || { tail -20 /tmp/transcript-editor-apt.log; exit 1; }; \
	  else \
	    echo "Missing system packages. Run:"; \
	    echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

sample: setup
	$(PY) resources/sample/make_sample.py

# PNG sizes of the application icon, rendered from its SVG.
icons: setup
	$(PY) resources/make_icons.py

# The launcher entry, icon, metainfo and project file type for the current user (~/.local/share).
# The entry runs `transcript-editor`: when it is not on PATH yet, ~/.local/bin gets a link to this
# checkout's command.
install-desktop: setup
	$(PY) -m editor install-desktop
	@command -v transcript-editor >/dev/null || { mkdir -p $(HOME)/.local/bin && \
	  ln -sf $(abspath $(VENV))/bin/transcript-editor $(HOME)/.local/bin/transcript-editor && \
	  echo "Linked $(HOME)/.local/bin/transcript-editor (make sure ~/.local/bin is on PATH)"; }

uninstall-desktop: setup
	$(PY) -m editor install-desktop --remove

clean:
	rm -rf $(VENV) build dist *.egg-info
