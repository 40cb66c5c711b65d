"""The enum classes editor.ui.enum_classes makes are the ones Python's enum makes: every enum of
QtCore, QtGui, QtWidgets and QtMultimedia (the Qt modules the app imports) made both ways from its
(name, value) pairs, as PySide makes them, compares equal in every attribute of the class and of each
member; calls of any other shape go to enum."""

from __future__ import annotations

import enum

import pytest
from PySide6 import QtCore, QtGui, QtMultimedia, QtWidgets

from editor.ui import enum_classes
from editor.ui.enum_classes import create

KEEP = enum.FlagBoundary.KEEP
_MAPS = ("_member_map_", "_value2member_map_", "_member_names_", "__module__")


def _standard(base, name, pairs, **kwargs):
    return enum_classes._standard_create(base, name, pairs, **kwargs)


def _described(enum_class) -> dict:
    """Everything about *enum_class* that does not name the class itself: its attributes (members
    by name and value, methods bound to it by their function), its maps by name, each member's
    attributes, its iteration and its mixins."""
    attributes = {}
    for key, value in enum_class.__dict__.items():
        if key in _MAPS:
            continue
        if isinstance(value, enum_class):
            attributes[key] = ("member", value._name_, value._value_)
        elif isinstance(value, enum.property):   # the redirect enum puts in front of a member
            attributes[key] = ("redirect", value.name, value.member._name_ if value.member else None)
        elif getattr(value, "__self__", None) is enum_class:
            attributes[key] = ("bound", value.__func__)
        else:
            attributes[key] = value
    members = {name: (member._name_, member._value_, member._sort_order_, member.__objclass__ is enum_class,
                      type(member) is enum_class, sorted(member.__dict__))
               for name, member in enum_class._member_map_.items()}
    return {"attributes": attributes, "members": members,
            "by_value": {value: member._name_ for value, member in enum_class._value2member_map_.items()},
            "names": list(enum_class._member_names_), "iterated": [member._name_ for member in enum_class],
            "metaclass": type(enum_class), "bases": enum_class.__mro__[1:]}


def _qt_enums():
    seen: set = set()

    def found_in(namespace):
        for attribute in dir(namespace):
            value = getattr(namespace, attribute, None)
            if not isinstance(value, type) or value in seen:
                continue
            if isinstance(value, enum.EnumType):
                seen.add(value)
                yield value
            elif isinstance(namespace, type(QtCore)) and value.__module__.startswith("PySide6"):
                seen.add(value)
                yield from found_in(value)

    for module in (QtCore, QtGui, QtWidgets, QtMultimedia):
        yield from found_in(module)


def _base(enum_class):
    return next(base for base in (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum) if issubclass(enum_class, base))


def test_every_qt_enum_is_made_as_enum_makes_it():
    made = 0
    different = []
    for qt_enum in _qt_enums():
        pairs = [(name, member._value_) for name, member in qt_enum.__members__.items()]
        base = _base(qt_enum)
        if _described(create(base, qt_enum.__name__, pairs, boundary=KEEP)) != \
                _described(_standard(base, qt_enum.__name__, pairs, boundary=KEEP)):
            different.append(qt_enum.__qualname__)
        made += 1
    assert made > 500            # (the four modules hold ~680)
    assert different == []


@pytest.mark.parametrize(("base", "pairs"), [
    # aliases, a zero, a multi-bit flag, values out of order, a negative value
    (enum.Flag, [("A", 1), ("B", 2), ("AB", 3), ("C", 8), ("Zero", 0), ("AlsoA", 1)]),
    (enum.IntFlag, [("C", 8), ("A", 1), ("B", 2), ("AB", 3)]),
    (enum.IntEnum, [("A", 1), ("B", 1), ("C", -5), ("D", 0)]),
    (enum.Enum, [("A", 1), ("B", 1), ("C", -5)]),
    (enum.IntEnum, []),
])
def test_aliases_flags_and_orders_are_as_enum_makes_them(base, pairs):
    made, standard = create(base, "Sample", pairs, boundary=KEEP), _standard(base, "Sample", pairs, boundary=KEEP)
    assert _described(made) == _described(standard)
    assert [(m.name, m.value) for m in made] == [(m.name, m.value) for m in standard]
    assert {name: (m.name, m.value) for name, m in made.__members__.items()} == \
        {name: (m.name, m.value) for name, m in standard.__members__.items()}
    if pairs:
        name, value = pairs[0]
        assert made(value) is made[name] and repr(made[name]) == repr(standard[name])
    if issubclass(base, enum.Flag) and pairs:
        a, b = made["A"], made["B"]
        assert (a | b) is made["AB"] and list(a | b) == [a, b] and made(3) is made["AB"]
        assert (~a).value == (~standard["A"]).value


@pytest.mark.parametrize("names", [
    [("name", 1), ("other", 2)],      # a name the base class has (enum puts a redirect in place)
    [("_hidden", 1)],                 # reserved names enum treats apart
    [("A", 1), ("A", 2)],             # a name twice: enum's error
    [("A", "text")],                  # a value not an int
    ("A", "B"),                       # names only: enum numbers them
    "A B C",
    {"A": 1},
])
def test_other_calls_are_enums_own(names):
    try:
        standard = _described(_standard(enum.IntEnum, "Other", names))
    except (TypeError, ValueError) as error:
        with pytest.raises(type(error)):
            create(enum.IntEnum, "Other", names)
        return
    assert _described(create(enum.IntEnum, "Other", names)) == standard


def test_installed_it_makes_the_functional_apis_classes(monkeypatch):
    monkeypatch.setattr(enum.EnumType, "_create_", enum.EnumType._create_)   # put back after the test
    enum_classes.install()
    assert enum.EnumType._create_ is create
    made = enum.IntEnum("Colour", [("Red", 1), ("Green", 2)], boundary=KEEP)
    assert made.Red == 1 and made(2) is made.Green and isinstance(made.Red, made)
    assert made.__module__ == __name__      # the caller's module, as enum names it
