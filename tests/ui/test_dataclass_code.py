"""@dataclass methods' code is taken from a table kept with the bytecode (editor.ui.dataclass_code): the
classes are those dataclasses makes without it, and a second start compiles nothing the first did.

The starts run in fresh interpreters with their own bytecode folder (``PYTHONPYCACHEPREFIX``), so the
repository's ``__pycache__`` is left alone.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import os
import subprocess
import sys
from dataclasses import KW_ONLY, InitVar, field
from pathlib import Path
from typing import ClassVar

from editor.ui import dataclass_code

ROOT = Path(__file__).resolve().parents[2]


def _classes() -> list[type]:
    """Dataclasses of every kind the window's modules write (made anew at each call)."""

    @dataclasses.dataclass
    class Plain:
        name: str
        count: int = 0
        items: list[str] = field(default_factory=list)
        shared: ClassVar[int] = 1

    @dataclasses.dataclass(frozen=True, order=True)
    class Frozen:
        start: int
        end: int | None = None

    @dataclasses.dataclass(slots=True, eq=False)
    class Slotted:
        value: float
        label: str = field(default="", repr=False, compare=False)

    @dataclasses.dataclass(unsafe_hash=True)
    class Keyed:
        first: int
        _: KW_ONLY
        second: str = "x"
        seed: InitVar[int] = 0

        def __post_init__(self, seed: int) -> None:
            self.first += seed

    return [Plain, Frozen, Slotted, Keyed]


def _described(cls: type) -> dict:
    """What dataclasses gave *cls*: each method's code (its bytecode, names, constants, variables),
    defaults and annotations."""
    made = {}
    for name in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__", "__delattr__"):
        method = cls.__dict__.get(name)
        if method is None or not hasattr(method, "__code__"):
            made[name] = repr(method)
            continue
        code = method.__code__
        made[name] = (code.co_code, code.co_names, code.co_varnames, repr(code.co_consts), code.co_flags,
                      repr(method.__defaults__), repr(method.__kwdefaults__),
                      repr(getattr(method, "__annotations__", None)))
    return made


def test_classes_made_with_the_table_are_the_ones_dataclasses_makes(monkeypatch, tmp_path):
    without = [_described(cls) for cls in _classes()]
    monkeypatch.setattr(dataclass_code, "_codes", {})
    monkeypatch.setattr(dataclass_code, "_used", set())
    monkeypatch.setattr(dataclasses, "exec", dataclass_code._exec, raising=False)
    compiled = [_described(cls) for cls in _classes()]    # compiled into the table
    from_table = [_described(cls) for cls in _classes()]  # taken from it
    assert len(dataclass_code._codes) >= 12
    assert compiled == without and from_table == without
    Plain, Frozen, Slotted, Keyed = _classes()
    assert Plain("a").items == [] and Plain("a") == Plain("a") and repr(Plain("a", 2)).endswith("count=2, items=[])")
    assert Frozen(1, 2) < Frozen(2) and hash(Frozen(1)) == hash(Frozen(1))
    assert Keyed(1, second="y", seed=2).first == 3 and "label" not in repr(Slotted(1.0, "z"))


START = r"""
import builtins, json, sys
compiled = []
real_compile = builtins.compile
def counting(source, filename, mode, *args, **kwargs):
    if filename == "<string>":
        compiled.append(source)
    return real_compile(source, filename, mode, *args, **kwargs)
builtins.compile = counting
from editor.ui import process_tuning, dataclass_code
process_tuning.kept_dataclass_code()
import editor.core.transcript, editor.core.ops, editor.session.journal   # modules with dataclasses
dataclass_code.save()
from editor.core.transcript import Segment
segment, same = Segment("s1", 0, 1000, "Hello there"), Segment("s1", 0, 1000, "Hello there")
print(json.dumps({"compiled": len(compiled), "segment": repr(segment), "equal": segment == same}))
"""


def _start(pycache: Path) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(pycache),
                   "PYTHONDONTWRITEBYTECODE": ""}
    run = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, env=environment,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_a_second_start_compiles_none_of_the_code_the_first_did(tmp_path):
    first, second = _start(tmp_path), _start(tmp_path)
    assert first["compiled"] > 20                 # Segment, Word, the ops, the journal's records...
    assert second["compiled"] == 0
    assert second["segment"] == first["segment"] and first["equal"] and second["equal"]


def test_a_damaged_table_is_compiled_over(tmp_path):
    _start(tmp_path)
    tables = list(tmp_path.rglob("dataclass-code.*.table"))
    assert len(tables) == 1
    tables[0].write_bytes(tables[0].read_bytes()[:100])   # cut short
    again = _start(tmp_path)
    assert again["compiled"] > 20 and again["equal"]
    assert _start(tmp_path)["compiled"] == 0          # and written whole again


def test_other_code_is_run_as_exec_runs_it():
    namespace: dict = {}
    dataclass_code._exec(builtins.compile("x = 6 * 7", "<string>", "exec"), namespace)
    assert namespace["x"] == 42
